import { join, relative, sep } from 'node:path';
import { globToRegExp } from '../../engine/glob';
import type { PyprojectContext, PyprojectRule, RuleFinding } from '../../engine/types';
import { findKeyValue, stringValue, tomlRange, type TomlArray, type TomlKeyValue } from '../../parsing/toml';
import type { PackageInfo } from '../../workspace/view';
import { editFix, isWorkspaceRoot, pluginNamespace, related, shortPath, sourceOf } from './_member';
import { insertIntoArray, renderString, type TomlSource } from './_toml';

const ID = 'type-checker-coverage';

/** A path as the checkers' arrays write it: `/`-separated, without `./` or a trailing `/`. */
const normalize = (path: string) => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/');

interface Checker {
  /** What the message calls the array. */
  label: string;
  /** The key's spellings the checker reads, as paths from the document root. */
  paths: readonly (readonly string[])[];
  /** Whether members of this kind must be listed: pyright runs on the published packages only. */
  applies(pkg: PackageInfo): boolean;
  covers(entries: readonly string[], source: string): boolean;
  /** The entry that lists the source directory, in the style of the entries already there. */
  entryFor(entries: readonly string[], source: string): string;
}

const listsExactly = (entries: readonly string[], source: string) => entries.some((e) => normalize(e) === source);

/** pyrefly's includes are directories or globs: one covers the member when it holds a module in its source directory. */
function includes(entries: readonly string[], source: string): boolean {
  return entries.some((entry) => {
    const e = normalize(entry);
    if (e === '' || e === '.' || source === e || source.startsWith(`${e}/`)) return true;
    if (!/[*?[]/.test(e)) return false;
    const glob = globToRegExp(e);
    return glob.test(`${source}/module.py`) || glob.test(`${source}/package/module.py`);
  });
}

const CHECKERS: readonly Checker[] = [
  {
    label: '[tool.ty.environment].root',
    paths: [['tool', 'ty', 'environment', 'root']],
    applies: () => true,
    covers: listsExactly,
    entryFor: (_entries, source) => source,
  },
  {
    label: '[tool.pyright].extraPaths',
    paths: [['tool', 'pyright', 'extraPaths']],
    applies: (pkg) => pkg.kind.publishable,
    covers: listsExactly,
    entryFor: (_entries, source) => source,
  },
  {
    label: '[tool.pyrefly].project_includes',
    paths: [
      ['tool', 'pyrefly', 'project_includes'],
      ['tool', 'pyrefly', 'project-includes'],
    ],
    applies: () => true,
    covers: includes,
    entryFor: (entries, source) => (entries.some((e) => e.endsWith('/**/*.py')) ? `${source}/**/*.py` : source),
  },
];

const IGNORE_MISSING_IMPORTS = [
  ['tool', 'pyrefly', 'ignore-missing-imports'],
  ['tool', 'pyrefly', 'ignore_missing_imports'],
] as const;

function arrayAt(src: TomlSource, paths: readonly (readonly string[])[]): { kv: TomlKeyValue; array: TomlArray; entries: string[] } | undefined {
  for (const path of paths) {
    const kv = findKeyValue(src.ast, path);
    if (kv?.value.type !== 'TOMLArray') continue;
    return { kv, array: kv.value, entries: kv.value.elements.map(stringValue).filter((v): v is string => v !== undefined) };
  }
  return undefined;
}

/** The fix inserting `entry`: where it sorts when the array's strings are sorted, else at the end. */
function insertEntry(ctx: PyprojectContext, src: TomlSource, array: TomlArray, entry: string, safe: boolean, label: string) {
  const strings = array.elements.map((e) => ({ e, v: stringValue(e) }));
  // One entry says nothing about an order (and usually sits under a comment naming it).
  const sorted = strings.length > 1 && strings.every(({ v }, i) => v !== undefined && (i === 0 || strings[i - 1].v! <= v));
  const before = sorted ? strings.find(({ v }) => v! > entry)?.e : undefined;
  return editFix(ctx, `Add "${entry}" to ${label}`, insertIntoArray(src, array, renderString(entry), before), safe);
}

function coverageFindings(ctx: PyprojectContext, src: TomlSource, root: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const checker of CHECKERS) {
    const at = arrayAt(src, checker.paths);
    // A checker the project does not configure this way is none of this rule's business.
    if (!at) continue;
    for (const pkg of ctx.workspace.packages) {
      const dir = join(pkg.dir, pkg.kind.sourceDir);
      if (!checker.applies(pkg) || !ctx.workspace.exists(dir)) continue;
      const source = normalize(relative(root, dir).split(sep).join('/')) || '.';
      if (checker.covers(at.entries, source)) continue;
      const entry = checker.entryFor(at.entries, source);
      // A source directory of scripts (a sample's `src/main.py`) puts bare module names on the
      // path, where two members' `main` shadow each other for the checker: a person decides.
      const importable = ctx.workspace.packageFiles(pkg).modules.length > 0;
      const name = ctx.workspace.metadata(pkg.pyprojectPath)?.name;
      findings.push({
        range: tomlRange(at.kv.key),
        message: `${shortPath(ctx.workspace, pkg.dir)} is not covered by \`${checker.label}\`: add "${entry}" so the type checker sees the whole workspace, as the guidelines want.`,
        fix: insertEntry(ctx, src, at.array, entry, importable, checker.label),
        ...(name ? { related: related(pkg.pyprojectPath, name.range, `name of ${shortPath(ctx.workspace, pkg.dir)}`) } : {}),
      });
    }
  }
  return findings;
}

function ignoredImportFindings(ctx: PyprojectContext, src: TomlSource): RuleFinding[] {
  const at = arrayAt(src, IGNORE_MISSING_IMPORTS);
  if (!at) return [];
  const namespace = pluginNamespace(ctx.config.layout.namespaceDirs);
  const allowed = namespace ? `${namespace}.*` : undefined;
  const findings: RuleFinding[] = [];
  for (const element of at.array.elements) {
    const value = stringValue(element);
    if (value === undefined || value === allowed) continue;
    findings.push({
      range: tomlRange(element),
      message: allowed
        ? `pyrefly's \`ignore-missing-imports\` should hold only "${allowed}" (the namespace packages pyrefly cannot resolve): the guidelines call it the only acceptable import-related suppression. Fix the import of "${value}" instead.`
        : `pyrefly's \`ignore-missing-imports\` hides "${value}": this layout has no namespace packages, and the guidelines allow no other import-related suppression. Fix the import instead.`,
    });
  }
  return findings;
}

export const typeCheckerCoverage: PyprojectRule = {
  id: ID,
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Type Checkers',
  summary: "a workspace member's source directory missing from ty's root, pyright's extraPaths or pyrefly's project_includes, or pyrefly ignoring missing imports beyond the namespace packages",
  check(ctx) {
    const src = sourceOf(ctx);
    const root = ctx.workspace.root;
    if (!src || !root || !isWorkspaceRoot(ctx)) return [];
    return [...coverageFindings(ctx, src, root), ...ignoredImportFindings(ctx, src)];
  },
};
