import type { PyprojectContext, PyprojectRule, RuleFinding } from '../../engine/types';
import { findKeyValue } from '../../parsing/toml';
import type { PackageInfo } from '../../workspace/view';
import { anchorOf, coreVersion, editFix, memberOf, ownMetadata, sourceOf } from './_member';
import { addToTable, renderString, renderStringArrayOverLines, type TomlSource } from './_toml';

const ID = 'missing-metadata';

/** The guidelines' "Package Metadata Requirements" table. */
const DEFAULTS = {
  required: ['name', 'version', 'description', 'license', 'requires-python', 'authors', 'classifiers'],
  recommended: ['keywords', 'readme', 'urls'],
  // Samples are not published, but uv and the version and Python checks still need these.
  'unpublished-required': ['name', 'version', 'requires-python'],
};

function option(ctx: PyprojectContext, key: keyof typeof DEFAULTS): string[] {
  const value = ctx.config.ruleOptions[ID]?.[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : DEFAULTS[key];
}

/** The text of another pyproject's value, to copy it as written (e.g. the core's `authors`). */
function valueTextIn(ctx: PyprojectContext, file: string, path: string[]): string | undefined {
  const other = ctx.workspace.pyprojectFile(file);
  if (!other?.doc.ok) return undefined;
  const kv = findKeyValue(other.doc.ast, path);
  return kv && other.text.slice(kv.value.range[0], kv.value.range[1]);
}

/** The value a missing field can get without guessing, rendered; undefined when only the author knows it. */
function knownValue(ctx: PyprojectContext, src: TomlSource, pkg: PackageInfo, field: string): string | undefined {
  const core = ctx.workspace.corePackage;
  const isCore = core?.dir === pkg.dir;
  switch (field) {
    case 'name':
      return renderString(pkg.expectedName);
    case 'version': {
      if (!pkg.kind.versionSync) return renderString('0.1.0');
      const version = isCore ? undefined : coreVersion(ctx);
      return version && renderString(version.value);
    }
    // Values only the configuration knows are written only when it names them.
    case 'license':
      return ctx.config.license.spdx ? renderString(ctx.config.license.spdx) : undefined;
    case 'requires-python':
      return ctx.config.requiresPython ? renderString(ctx.config.requiresPython) : undefined;
    case 'authors':
      return core && !isCore ? valueTextIn(ctx, core.pyprojectPath, ['project', 'authors']) : undefined;
    case 'classifiers':
      return ctx.config.classifiers.length > 0 ? renderStringArrayOverLines(src, ctx.config.classifiers) : undefined;
    case 'readme':
      return ctx.workspace.packageFiles(pkg).exists('README.md') ? renderString('README.md') : undefined;
    default:
      return undefined;
  }
}

/**
 * Fields whose value changes what is built or installed: the distribution's name and version (what
 * `importlib.metadata` reports, what other packages resolve against), the Python versions the
 * resolver picks dependencies for, and a PEP 639 license expression, which build backends without
 * PEP 639 support reject. Adding one of these is never a safe fix; the others only describe.
 */
const CHANGES_BUILD = new Set(['name', 'version', 'requires-python', 'license']);

function list(fields: string[]): string {
  return fields.map((f) => `\`${f}\``).join(', ');
}

export const missingMetadata: PyprojectRule = {
  id: ID,
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Release Process › Package Metadata Requirements',
  options: {
    required: { type: 'array', items: { type: 'string' } },
    recommended: { type: 'array', items: { type: 'string' } },
    'unpublished-required': { type: 'array', items: { type: 'string' } },
  },
  summary: 'a package lacking required `[project]` fields (name, version, description, license, requires-python, authors, classifiers)',
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    const meta = ownMetadata(ctx);
    if (!src || !pkg || !meta || !ctx.toml.ok) return [];
    const project = (meta.hasProject ? ctx.toml.value.project : {}) as Record<string, unknown>;
    const missing = (fields: string[]) => fields.filter((f) => !(f in project) && !meta.dynamic.includes(f));
    const published = pkg.kind.publishable;
    const groups = [
      {
        kind: 'required',
        fields: missing(option(ctx, published ? 'required' : 'unpublished-required')),
        why: (one: boolean) => (published ? `a published package needs ${one ? 'it' : 'them'} on PyPI` : `uv and the workspace checks need ${one ? 'it' : 'them'}`),
      },
      {
        kind: 'recommended',
        fields: published ? missing(option(ctx, 'recommended')) : [],
        why: (one: boolean) => `${one ? 'it makes' : 'they make'} the PyPI page findable and useful`,
        // Advice, not a requirement: it must not fail the CLI unless the user raises the rule's severity.
        severity: 'info' as const,
      },
    ];
    const anchor = anchorOf(ctx, ['project']);
    const findings: RuleFinding[] = [];
    for (const { kind, fields, why, severity } of groups) {
      // Fields whose value is known get a finding with the fix that adds them; the others one without,
      // so that applying a fix always removes its whole finding.
      const values = new Map(fields.map((f) => [f, knownValue(ctx, src, pkg, f)]));
      const known = fields.filter((f) => values.get(f) !== undefined);
      const unknown = fields.filter((f) => values.get(f) === undefined);
      for (const part of [known, unknown]) {
        if (part.length === 0) continue;
        const one = part.length === 1;
        const message = meta.hasProject
          ? `Missing ${kind} \`[project]\` field${one ? '' : 's'} ${list(part)}: ${why(one)}.`
          : `No \`[project]\` table: ${kind} field${one ? '' : 's'} ${list(part)} missing (${why(one)}).`;
        const finding: RuleFinding = { range: anchor, message, ...(severity && { severity }) };
        const entries = part.map((f) => [f, values.get(f)!] as const);
        const edit = part === known ? addToTable(src, ['project'], entries) : undefined;
        if (edit) finding.fix = editFix(ctx, `Add ${part.join(', ')} to [project]`, [edit], !part.some((f) => CHANGES_BUILD.has(f)));
        findings.push(finding);
      }
    }
    return findings;
  },
};
