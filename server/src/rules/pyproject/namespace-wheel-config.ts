import { join, posix, relative, sep } from 'node:path';
import type { PyprojectContext, PyprojectRule, Range, RuleFinding, TextEdit } from '../../engine/types';
import { findKeyValue, findTable, getPath, locateTable, stringValue, tableHeaderRange, tomlRange, type TomlKeyValue } from '../../parsing/toml';
import type { PackageInfo } from '../../workspace/view';
import { normalizePath, overlappingPaths, sourceRewrites, walkedPaths, wheelPath, within, type WheelSelection } from './_hatchWheel';
import { anchorOf, editFix, fixOf, memberOf, pluginNamespace, shortPath, sourceOf } from './_member';
import { addToTable, removeKeyValue, renderStringArray, replaceKeyValue, replaceValue, type TomlSource } from './_toml';

const WHEEL = ['tool', 'hatch', 'build', 'targets', 'wheel'];
const BUILD = ['tool', 'hatch', 'build'];
type SelectionKey = 'only-include' | 'packages' | 'sources';

/**
 * What `only-include` should list: the plugin's import packages below the namespace directories,
 * as found on disk; when none is found yet, the guidelines' convention (hyphens to underscores),
 * which messages suggest but no fix writes.
 */
function onlyInclude(ctx: PyprojectContext, pkg: PackageInfo): { paths: string[]; modules: string[]; found: boolean } {
  const prefix = pluginNamespace(ctx.config.layout.namespaceDirs);
  const namespace = prefix.split('.').join('/');
  const found = ctx.workspace.packageFiles(pkg).modules.filter((m) => !prefix || m.module.startsWith(`${prefix}.`));
  if (found.length > 0) return { paths: found.map((m) => relative(pkg.dir, m.dir).split(sep).join('/')), modules: found.map((m) => m.module), found: true };
  const name = pkg.dirName.replace(/-/g, '_');
  const guessed = [pkg.kind.sourceDir, namespace, name].filter((p) => p && p !== '.').join('/');
  return { paths: [guessed], modules: [[prefix, name].filter(Boolean).join('.')], found: false };
}

/** The wheel's file selection keys, each from the wheel target's table or else `[tool.hatch.build]`, as hatch reads them. */
class Selection {
  readonly values: WheelSelection;

  constructor(
    private readonly src: TomlSource,
    private readonly wheel: Record<string, unknown>,
    private readonly build: Record<string, unknown>,
  ) {
    this.values = { onlyInclude: this.value('only-include'), packages: this.value('packages'), sources: this.value('sources') };
  }

  private tableOf(key: SelectionKey): string[] | undefined {
    return key in this.wheel ? WHEEL : key in this.build ? BUILD : undefined;
  }

  value(key: SelectionKey): unknown {
    return key in this.wheel ? this.wheel[key] : this.build[key];
  }

  /** The key as written; `editable` when it is in the wheel target's table, where fixes edit. */
  keyValue(key: SelectionKey): { kv: TomlKeyValue; editable: boolean } | undefined {
    const table = this.tableOf(key);
    const kv = table && findKeyValue(this.src.ast, [...table, key]);
    return kv ? { kv, editable: table === WHEEL } : undefined;
  }

  /** The key whose paths hatch walks: `only-include` unless it is missing or empty. */
  get walkedKey(): 'only-include' | 'packages' {
    return walkedPaths({ onlyInclude: this.values.onlyInclude }).length > 0 ? 'only-include' : 'packages';
  }
}

/** What is wrong with a selection for this plugin: paths walked twice, namespace directories walked, modules landing elsewhere. */
function problemsOf(values: WheelSelection, plugin: { paths: string[]; modules: string[] }, namespacePaths: readonly string[]) {
  const walked = walkedPaths(values);
  const rewrites = sourceRewrites(values);
  const misplaced = plugin.paths.flatMap((path, i) => {
    if (!walked.some((w) => within(path, w))) return [];
    const expected = `${plugin.modules[i].split('.').join('/')}/`;
    const actual = wheelPath(rewrites, `${path}/`);
    return actual === expected ? [] : [{ path, expected, actual }];
  });
  return {
    overlaps: overlappingPaths(walked),
    namespaces: walked.filter((w) => namespacePaths.some((n) => within(n, w))),
    misplaced,
    rewrites,
  };
}

function ok(problems: ReturnType<typeof problemsOf>): boolean {
  return problems.overlaps.length === 0 && problems.namespaces.length === 0 && problems.misplaced.length === 0;
}

function quoted(items: readonly string[]): string {
  return items.map((i) => `\`${i}\``).join(', ');
}

export const namespaceWheelConfig: PyprojectRule = {
  id: 'namespace-wheel-config',
  kind: 'pyproject',
  defaultSeverity: 'error',
  guideline: 'Packaging (PEP 420 Namespace Packages) › Hatch Wheel Configuration',
  summary: "a namespace plugin's hatch wheel config that walks namespace directories, ships files twice, or puts the plugin elsewhere than `<namespace>/<plugin>/`",
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    if (!src || !ctx.toml.ok || !pkg?.kind.namespace) return [];
    const backend = getPath(ctx.toml.value, 'build-system', 'build-backend');
    if (backend !== 'hatchling.build') return [];
    const sourceDir = pkg.kind.sourceDir === '.' ? '' : normalizePath(pkg.kind.sourceDir);
    const plugin = onlyInclude(ctx, pkg);
    const includeValue = renderStringArray(plugin.paths);
    const sourcesValue = renderStringArray([sourceDir]);
    const wheel = getPath(ctx.toml.value, ...WHEEL);
    const buildTable = getPath(ctx.toml.value, ...BUILD);
    const build = (buildTable && typeof buildTable === 'object' && !Array.isArray(buildTable) ? buildTable : {}) as Record<string, unknown>;
    const add = (entries: [string, string][]) => addToTable(src, WHEEL, entries, { after: findTable(src.ast, ['build-system']) });
    if (wheel !== undefined && (!wheel || typeof wheel !== 'object' || Array.isArray(wheel))) return [];
    const selection = new Selection(src, (wheel ?? {}) as Record<string, unknown>, build);
    const where = locateTable(src.ast, WHEEL);
    const header: Range = !where ? anchorOf(ctx, ['build-system']) : where.type === 'header' ? tableHeaderRange(where.table, ctx.text) : tomlRange(where.keyValue.key);

    if (wheel === undefined && walkedPaths(selection.values).length === 0) {
      const needsSources = sourceDir && sourceRewrites(selection.values).length === 0;
      const entries: [string, string][] = [['only-include', includeValue], ...(needsSources ? [['sources', sourcesValue] as [string, string]] : [])];
      return [
        {
          range: header,
          message: `No \`[tool.hatch.build.targets.wheel]\`: hatch cannot find a PEP 420 namespace plugin's code by itself; set \`only-include = ${includeValue}\`${needsSources ? ` and \`sources = ${sourcesValue}\`` : ''}.`,
          fix: plugin.found ? fixOf(ctx, 'Add [tool.hatch.build.targets.wheel]', add(entries), false) : undefined,
        },
      ];
    }
    const namespacePaths = ctx.config.layout.namespaceDirs.map((d) => normalizePath(posix.join(sourceDir || '.', d)));
    const findings: RuleFinding[] = [];
    const walksNothing = walkedPaths(selection.values).length === 0;
    if (walksNothing) {
      findings.push({
        range: header,
        message: `No \`only-include\`: a namespace plugin's wheel must include exactly its own directory, \`only-include = ${includeValue}\`.`,
        fix: plugin.found ? fixOf(ctx, `Add only-include = ${includeValue}`, add([['only-include', includeValue]]), false) : undefined,
      });
    }
    // With nothing to walk yet, where the plugin would land once `only-include` lists it.
    const problems = problemsOf(walksNothing ? { ...selection.values, onlyInclude: plugin.paths } : selection.values, plugin, namespacePaths);
    const sources = selection.keyValue('sources');
    const sourcesFor = (values: WheelSelection) => (ok(problemsOf(values, plugin, namespacePaths)) ? values.sources : sourceDir ? [sourceDir] : values.sources);
    /** The fix, when the plugin's directory is known, the keys are in the wheel table, and the result is right. */
    const verified = (title: string, target: WheelSelection, edits: () => (TextEdit | undefined)[], safe: boolean) => {
      if (!plugin.found || !ok(problemsOf(target, plugin, namespacePaths))) return undefined;
      const list = edits();
      return list.every((e) => e !== undefined) ? editFix(ctx, title, list as TextEdit[], safe) : undefined;
    };
    /** `key = value` text for keys written where `kv` is: on lines of their own, or inline. */
    const keyLines = (kv: TomlKeyValue, lines: string[]) => {
      const inline = where?.type === 'inline';
      const indent = /^[ \t]*/.exec(src.index.lineText(kv.loc.start.line - 1))?.[0] ?? '';
      return lines.join(inline ? ', ' : `${src.index.eol}${indent}`);
    };
    // Stray files below the namespace directories would ship with the plugin; dropping them changes the installed package.
    const strays = namespacePaths.map((n) => `${n}/__init__.py`).filter((f) => ctx.workspace.exists(join(pkg.dir, f)));

    // The key hatch walks: namespace directories listed, or paths walked twice.
    const walkedKey = selection.walkedKey;
    const walked = walksNothing ? undefined : selection.keyValue(walkedKey);
    if (walked && (problems.overlaps.length > 0 || problems.namespaces.length > 0)) {
      const reasons = problems.overlaps.map(({ inner, outer }) =>
        inner === outer
          ? `lists \`${inner}\` twice, so hatch refuses to build ("Duplicate path")`
          : `lists \`${inner}\` inside \`${outer}\`: hatch walks both and writes every file below \`${inner}\` into the wheel twice, which PyPI rejects ("Duplicate filename in local headers")`,
      );
      // Paths walked twice are what breaks the wheel; the namespace directories are the reason only without them.
      if (reasons.length === 0) {
        const one = problems.namespaces.length === 1;
        reasons.push(
          `lists ${one ? 'the namespace directory' : 'the namespace directories'} ${quoted(problems.namespaces)}, shared with the core package and the other plugins: the wheel takes everything below ${one ? 'it' : 'them'}, not only ${quoted(plugin.paths)}${strays.length > 0 ? ` (here also ${quoted(strays)})` : ''}, so any file there (an \`__init__.py\`, another plugin) ships with this plugin and is installed over the other packages' files`,
        );
      }
      const target: WheelSelection = { onlyInclude: plugin.paths, packages: walkedKey === 'packages' ? undefined : selection.values.packages, sources: selection.values.sources };
      target.sources = sourcesFor(target);
      const addSources = target.sources !== selection.values.sources;
      const title = `${walkedKey === 'packages' ? 'Replace packages with only-include =' : 'Set only-include to'} ${includeValue}${addSources ? ` and sources = ${sourcesValue}` : ''}`;
      findings.push({
        range: tomlRange(walked.kv.key),
        message: `\`${walkedKey}\` ${reasons.join('; and it ')}. List only the plugin's own directory: \`only-include = ${includeValue}\`${addSources ? ` with \`sources = ${sourcesValue}\`` : ''}.`,
        // Only paths walked twice break the wheel; a namespace directory listed alone builds, for now.
        ...(problems.overlaps.length === 0 && { severity: 'warning' as const }),
        fix: walked.editable
          ? verified(
              title,
              target,
              () => {
                const lines = [`only-include = ${includeValue}`];
                if (!addSources) return [replaceKeyValue(src, walked.kv, keyLines(walked.kv, lines))];
                // `sources` set in [tool.hatch.build] is not this table's to change.
                if (sources && !sources.editable) return [undefined];
                if (sources) return [replaceKeyValue(src, walked.kv, keyLines(walked.kv, lines)), replaceValue(src, sources.kv.value, sourcesValue)];
                return [replaceKeyValue(src, walked.kv, keyLines(walked.kv, [...lines, `sources = ${sourcesValue}`]))];
              },
              // Safe only when the wheel keeps its files where they are: nothing else below the
              // namespace directories stops shipping, and no `sources` rewrite moves them.
              strays.length === 0 && !addSources,
            )
          : undefined,
      });
    }

    // `packages` beside `only-include` walks nothing; listing namespace directories there misleads.
    const packages = walkedKey === 'only-include' ? selection.keyValue('packages') : undefined;
    const deadNamespaces = packages ? walkedPaths({ packages: selection.values.packages }).filter((p) => namespacePaths.some((n) => within(n, p))) : [];
    if (packages && deadNamespaces.length > 0) {
      const target: WheelSelection = { onlyInclude: selection.values.onlyInclude, sources: selection.values.sources };
      target.sources = sourcesFor(target);
      const addSources = target.sources !== selection.values.sources;
      findings.push({
        range: tomlRange(packages.kv.key),
        message: `\`packages\` lists the namespace directory ${quoted(deadNamespaces)}, but hatch walks only \`only-include\` when it is set, so \`packages\` only adds path rewrites here; remove it${addSources ? ` and set \`sources = ${sourcesValue}\`` : ''}.`,
        severity: 'warning',
        fix: packages.editable
          ? verified(
              `Remove packages (only-include is set)${addSources ? ` and set sources = ${sourcesValue}` : ''}`,
              target,
              () => {
                if (!addSources) return [removeKeyValue(src, packages.kv)];
                if (sources?.editable) return [removeKeyValue(src, packages.kv), replaceValue(src, sources.kv.value, sourcesValue)];
                return sources ? [undefined] : [replaceKeyValue(src, packages.kv, `sources = ${sourcesValue}`)];
              },
              true,
            )
          : undefined,
      });
    }

    // Only-include paths that are not there.
    const onlyIncludeKv = walkedKey === 'only-include' ? selection.keyValue('only-include') : undefined;
    if (onlyIncludeKv?.kv.value.type === 'TOMLArray') {
      for (const element of onlyIncludeKv.kv.value.elements) {
        const path = stringValue(element);
        if (path !== undefined && !ctx.workspace.exists(join(pkg.dir, path))) {
          findings.push({ range: tomlRange(element), message: `\`${path}\` does not exist in ${shortPath(ctx.workspace, pkg.dir)}: the wheel would hold no code.` });
        }
      }
    }

    // Where the plugin's modules land in the wheel.
    const [misplaced] = problems.misplaced;
    if (misplaced) {
      const unstripped = sourceDir !== '' && misplaced.actual.startsWith(`${sourceDir}/`);
      const target: WheelSelection = { ...selection.values, sources: sourceDir ? [sourceDir] : selection.values.sources };
      const module = plugin.modules[plugin.paths.indexOf(misplaced.path)];
      const lands = `the wheel holds \`${misplaced.actual}...\` instead of \`${misplaced.expected}...\`, so \`import ${module}\` fails after installation`;
      const title = sources ? `Set sources to ${sourcesValue}` : `Add sources = ${sourcesValue}`;
      const fix = () =>
        sources
          ? verified(title, target, () => [sources.editable ? replaceValue(src, sources.kv.value, sourcesValue) : undefined], false)
          : verified(title, target, () => [add([['sources', sourcesValue]])], false);
      if (unstripped) {
        const why = `without \`sources = ${sourcesValue}\` ${lands}`;
        findings.push(sources ? { range: tomlRange(sources.kv.value), message: `\`sources\` does not strip \`${sourceDir}\`: ${why}.`, fix: fix() } : { range: header, message: `No \`sources\`: ${why}.`, fix: fix() });
      } else {
        // Not `src/`: a rewrite took too much, the parent of a `packages` entry or a `sources` prefix.
        const prefix = problems.rewrites.find(([p]) => !p || `${misplaced.path}/`.startsWith(p))?.[0] ?? '';
        const fromPackages = !sourceRewrites({ sources: selection.values.sources }).some(([p]) => p === prefix);
        const anchor = fromPackages ? (selection.keyValue('packages') ?? sources) : sources;
        const how = fromPackages ? `hatch strips the directory above each \`packages\` entry (\`${prefix}\`)` : `\`sources\` strips \`${prefix}\``;
        findings.push({ range: anchor ? tomlRange(anchor.kv.key) : header, message: `${how}: ${lands}; set \`sources = ${sourcesValue}\`.`, fix: fix() });
      }
    }
    return findings;
  },
};
