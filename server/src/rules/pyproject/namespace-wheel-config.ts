import { join, relative, sep } from 'node:path';
import type { PyprojectContext, PyprojectRule, RuleFinding } from '../../engine/types';
import { findKeyValue, findTable, getPath, locateTable, stringValue, tableHeaderRange, tomlRange } from '../../parsing/toml';
import type { PackageInfo } from '../../workspace/view';
import { anchorOf, editFix, fixOf, memberOf, pluginNamespace, shortPath, sourceOf } from './_member';
import { addToTable, removeKeyValue, renderStringArray, replaceKeyValue, replaceValue } from './_toml';

const WHEEL = ['tool', 'hatch', 'build', 'targets', 'wheel'];

/**
 * What `only-include` should list: the plugin's import packages below the namespace directories,
 * as found on disk; when none is found yet, the guidelines' convention (hyphens to underscores),
 * which messages suggest but no fix writes.
 */
function onlyInclude(ctx: PyprojectContext, pkg: PackageInfo): { paths: string[]; found: boolean } {
  const prefix = pluginNamespace(ctx.config.layout.namespaceDirs);
  const namespace = prefix.split('.').join('/');
  const found = ctx.workspace
    .packageFiles(pkg)
    .modules.filter((m) => !prefix || m.module.startsWith(`${prefix}.`))
    .map((m) => relative(pkg.dir, m.dir).split(sep).join('/'));
  if (found.length > 0) return { paths: found, found: true };
  const guessed = [pkg.kind.sourceDir, namespace, pkg.dirName.replace(/-/g, '_')].filter((p) => p && p !== '.').join('/');
  return { paths: [guessed], found: false };
}

/** The `sources` value hatch needs to strip the source directory from wheel paths. */
function stripsSource(value: unknown, sourceDir: string): boolean {
  if (Array.isArray(value)) return value.includes(sourceDir);
  return !!value && typeof value === 'object' && sourceDir in value;
}

export const namespaceWheelConfig: PyprojectRule = {
  id: 'namespace-wheel-config',
  kind: 'pyproject',
  defaultSeverity: 'error',
  guideline: 'Packaging (PEP 420 Namespace Packages) › Hatch Wheel Configuration',
  summary: "a namespace plugin's hatch wheel config using `packages` instead of `only-include`, or lacking `sources = [\"src\"]`",
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    if (!src || !ctx.toml.ok || !pkg?.kind.namespace) return [];
    const backend = getPath(ctx.toml.value, 'build-system', 'build-backend');
    if (backend !== 'hatchling.build') return [];
    const sourceDir = pkg.kind.sourceDir === '.' ? '' : pkg.kind.sourceDir;
    const include = onlyInclude(ctx, pkg);
    const includeValue = renderStringArray(include.paths);
    const sourcesValue = renderStringArray([sourceDir]);
    const wheel = getPath(ctx.toml.value, ...WHEEL);
    const add = (entries: [string, string][]) => addToTable(src, WHEEL, entries, { after: findTable(src.ast, ['build-system']) });
    if (wheel === undefined) {
      const entries: [string, string][] = [['only-include', includeValue], ...(sourceDir ? [['sources', sourcesValue] as [string, string]] : [])];
      return [
        {
          range: anchorOf(ctx, ['build-system']),
          message: `No \`[tool.hatch.build.targets.wheel]\`: hatch cannot find a PEP 420 namespace plugin's code by itself; set \`only-include = ${includeValue}\`${sourceDir ? ` and \`sources = ${sourcesValue}\`` : ''}.`,
          fix: include.found ? fixOf(ctx, 'Add [tool.hatch.build.targets.wheel]', add(entries), false) : undefined,
        },
      ];
    }
    if (!wheel || typeof wheel !== 'object' || Array.isArray(wheel)) return [];
    const where = locateTable(src.ast, WHEEL);
    const header = !where ? anchorOf(ctx, ['build-system']) : where.type === 'header' ? tableHeaderRange(where.table, ctx.text) : tomlRange(where.keyValue.key);
    const findings: RuleFinding[] = [];
    const packages = findKeyValue(src.ast, [...WHEEL, 'packages']);
    const hasOnlyInclude = 'only-include' in wheel;
    if (packages) {
      findings.push({
        range: tomlRange(packages.key),
        message: `\`packages\` makes hatch walk the namespace directories and add files to the wheel twice, which PyPI rejects ("Duplicate filename in local headers"); use \`only-include = ${includeValue}\`.`,
        fix: hasOnlyInclude
          ? editFix(ctx, 'Remove packages (only-include is set)', [removeKeyValue(src, packages)], false)
          : include.found
            ? editFix(ctx, `Replace packages with only-include = ${includeValue}`, [replaceKeyValue(src, packages, `only-include = ${includeValue}`)], false)
            : undefined,
      });
    } else if (!hasOnlyInclude) {
      findings.push({
        range: header,
        message: `No \`only-include\`: a namespace plugin's wheel must include exactly its own directory, \`only-include = ${includeValue}\`.`,
        fix: include.found ? fixOf(ctx, `Add only-include = ${includeValue}`, add([['only-include', includeValue]]), false) : undefined,
      });
    } else {
      const kv = findKeyValue(src.ast, [...WHEEL, 'only-include']);
      if (kv?.value.type === 'TOMLArray') {
        for (const element of kv.value.elements) {
          const path = stringValue(element);
          if (path !== undefined && !ctx.workspace.exists(join(pkg.dir, path))) {
            findings.push({ range: tomlRange(element), message: `\`${path}\` does not exist in ${shortPath(ctx.workspace, pkg.dir)}: the wheel would hold no code.` });
          }
        }
      }
    }
    if (sourceDir && !stripsSource((wheel as Record<string, unknown>).sources, sourceDir)) {
      const sources = findKeyValue(src.ast, [...WHEEL, 'sources']);
      const why = `without \`sources = ${sourcesValue}\` the wheel holds \`${sourceDir}/...\` paths and imports of the plugin fail`;
      findings.push(
        sources
          ? { range: tomlRange(sources.value), message: `\`sources\` does not strip \`${sourceDir}\`: ${why}.`, fix: editFix(ctx, `Set sources to ${sourcesValue}`, [replaceValue(src, sources.value, sourcesValue)], false) }
          : { range: header, message: `No \`sources\`: ${why}.`, fix: fixOf(ctx, `Add sources = ${sourcesValue}`, add([['sources', sourcesValue]]), false) },
      );
    }
    return findings;
  },
};
