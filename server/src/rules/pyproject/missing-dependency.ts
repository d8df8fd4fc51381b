import { basename, relative, sep } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { LayoutConfig } from '../../engine/config';
import type { Fix, PythonContext, PythonRule, RuleFinding, TextEdit } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { findKeyValue, locateTable, tomlRange } from '../../parsing/toml';
import { normalizeName } from '../../workspace/metadata';
import type { MemberImport, PackageInfo, WorkspaceView } from '../../workspace/view';
import { pluginNamespace, shortPath } from './_member';
import { addKey, appendToArray, renderString, renderStringArray } from './_toml';

const IMPORT_ERRORS = /\b(?:ImportError|ModuleNotFoundError)\b/;

/** Source files of a package: under its source directory, tests left out (they use dev dependencies). */
function isPackageSource(pkg: PackageInfo, file: string): boolean {
  const parts = relative(pkg.dir, file).split(sep);
  const sourceDir = pkg.kind.sourceDir === '.' ? '' : pkg.kind.sourceDir;
  const sourceParts = sourceDir.split('/').filter(Boolean);
  if (!sourceParts.every((p, i) => parts[i] === p)) return false;
  const name = basename(file);
  return !parts.some((p) => p === 'tests' || p === 'test') && !name.endsWith('_test.py') && !name.startsWith('test_') && name !== 'conftest.py';
}

/** Whether an import sits in the body of a `try` whose `except` catches ImportError (an optional import). */
function isOptionalImport(node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== 'try_statement' || parent.childForFieldName('body')?.id !== child.id) continue;
    for (const clause of parent.namedChildren) {
      if (clause?.type !== 'except_clause' && clause?.type !== 'except_group_clause') continue;
      const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c?.type !== 'block') ?? null;
      const caught = value?.type === 'as_pattern' ? value.namedChild(0) : value;
      if (caught && IMPORT_ERRORS.test(caught.text)) return true;
    }
  }
  return false;
}

/** Maps an imported module to the distribution that provides it. */
class DistributionResolver {
  private readonly members: readonly MemberImport[];
  /** The namespace of plugins (`genkit.plugins`) and the name template of the plugin kind. */
  private readonly namespace: { prefix: string; template: string } | undefined;

  constructor(workspace: WorkspaceView, layout: LayoutConfig) {
    this.members = workspace.memberImports();
    const kind = layout.members.find((k) => k.namespace);
    const prefix = pluginNamespace(layout.namespaceDirs);
    this.namespace = kind && prefix ? { prefix, template: kind.name } : undefined;
  }

  isNamespace(module: string): boolean {
    return this.namespace?.prefix === module;
  }

  resolve(module: string): string | undefined {
    const within = (m: string) => module === m || module.startsWith(`${m}.`);
    const member = this.members.filter((m) => within(m.module)).sort((a, b) => b.module.length - a.module.length)[0];
    const ns = this.namespace;
    // A plugin not (yet) in the workspace still has the name the layout gives it, and is not part of the core's `genkit`.
    if (ns && module.startsWith(`${ns.prefix}.`) && (!member || member.module.length <= ns.prefix.length)) {
      const segment = module.slice(ns.prefix.length + 1).split('.')[0];
      return ns.template.replace(/\{name\}/g, segment.replace(/_/g, '-'));
    }
    return member?.distribution;
  }
}

/** The modules an import statement brings in, each with the node a finding points at. */
function importedModules(statement: Node, resolver: DistributionResolver): { module: string; node: Node }[] {
  if (statement.type === 'import_statement') {
    return statement.childrenForFieldName('name').flatMap((n) => {
      const dotted = n?.type === 'aliased_import' ? n.childForFieldName('name') : n;
      return dotted?.type === 'dotted_name' ? [{ module: dotted.text, node: dotted }] : [];
    });
  }
  if (statement.type !== 'import_from_statement') return [];
  const from = statement.childForFieldName('module_name');
  if (from?.type !== 'dotted_name') return [];
  // `from genkit.plugins import google_genai` imports the plugin itself.
  if (resolver.isNamespace(from.text)) {
    return statement.childrenForFieldName('name').flatMap((n) => {
      const name = n?.type === 'aliased_import' ? n.childForFieldName('name') : n;
      return name ? [{ module: `${from.text}.${name.text}`, node: name }] : [];
    });
  }
  return [{ module: from.text, node: from }];
}

/** The edit that adds a requirement to `[project].dependencies` of another file, in that file's style. */
function addDependencyFix(ctx: PythonContext, pkg: PackageInfo, dist: string): Fix | undefined {
  const file = ctx.workspace.pyprojectFile(pkg.pyprojectPath);
  if (!file?.doc.ok) return undefined;
  const src = { text: file.text, index: file.index, ast: file.doc.ast };
  const deps = findKeyValue(src.ast, ['project', 'dependencies']);
  const project = locateTable(src.ast, ['project']);
  let edits: TextEdit[];
  if (deps?.value.type === 'TOMLArray') edits = appendToArray(src, deps.value, [renderString(dist)]);
  else if (!deps && project) edits = [addKey(src, project, 'dependencies', renderStringArray([dist]))];
  else return undefined;
  return { title: `Add "${dist}" to dependencies in ${shortPath(ctx.workspace, pkg.pyprojectPath)}`, safe: false, changes: [{ type: 'edit', file: pkg.pyprojectPath, edits }] };
}

export const missingDependency: PythonRule = {
  id: 'missing-dependency',
  kind: 'python',
  // Every import of the module, compared with the package's dependencies: a module rule.
  reads: { kinds: ['import_statement', 'import_from_statement', 'future_import_statement'], scope: 'module' },
  defaultSeverity: 'error',
  guideline: 'Code Quality & Linting › Import-to-Dependency Completeness',
  summary: '`from genkit.plugins.X import` without `genkit-plugin-X` in the package’s dependencies',
  check(ctx) {
    const { workspace } = ctx;
    const pkg = workspace.packageOf(ctx.file);
    if (!pkg || !isPackageSource(pkg, ctx.file)) return [];
    const meta = workspace.metadata(pkg.pyprojectPath);
    if (!meta || meta.dynamic.includes('dependencies')) return [];
    const own = normalizeName(meta.name?.value ?? pkg.expectedName);
    const declared = new Set(meta.dependencies.map((d) => d.name));
    const resolver = new DistributionResolver(workspace, ctx.config.layout);
    // Where the dependencies are written is read only for a finding: most files have none, and
    // reading the whole pyproject.toml would make them depend on every edit of it.
    let located: { depsNode: ReturnType<typeof findKeyValue>; pyproject: string } | undefined;
    const where = () => {
      if (!located) {
        const doc = workspace.pyproject(pkg.pyprojectPath);
        located = { depsNode: doc?.ok ? findKeyValue(doc.ast, ['project', 'dependencies']) : undefined, pyproject: shortPath(workspace, pkg.pyprojectPath) };
      }
      return located;
    };
    const findings: RuleFinding[] = [];
    for (const { node: statement } of ctx.matches) {
      if (statement.type === 'future_import_statement' || isOptionalImport(statement)) continue;
      for (const { module, node } of importedModules(statement, resolver)) {
        const dist = resolver.resolve(module);
        if (!dist || normalizeName(dist) === own || declared.has(normalizeName(dist))) continue;
        const { depsNode, pyproject } = where();
        findings.push({
          range: nodeRange(node),
          message: `\`${module}\` comes from ${dist}, which is not in the dependencies of ${meta.name?.value ?? pkg.dirName} (${pyproject}): installed on its own, this import fails with ModuleNotFoundError.`,
          ...deferred(addDependencyFix(ctx, pkg, dist)),
          related: depsNode ? [{ file: pkg.pyprojectPath, range: tomlRange(depsNode.key), message: `dependencies of ${meta.name?.value ?? pkg.dirName}` }] : undefined,
        });
      }
    }
    return findings;
  },
  // Computed again when asked for: the pyproject.toml may have been edited since the lint (the
  // module is linted against it as it stood until typing in it rests), and the edit must be of its
  // text now.
  fix(ctx, finding) {
    const pkg = ctx.workspace.packageOf(ctx.file);
    const module = pkg && importedModuleAt(ctx, finding.range, new DistributionResolver(ctx.workspace, ctx.config.layout));
    if (!pkg || !module) return undefined;
    // Declared since: nothing to add.
    if (ctx.workspace.metadata(pkg.pyprojectPath)?.dependencies.some((d) => d.name === normalizeName(module.dist))) return undefined;
    return addDependencyFix(ctx, pkg, module.dist);
  },
};

/** A fix as what the finding announces: the rule computes it again on request. */
function deferred(fix: Fix | undefined): Pick<RuleFinding, 'deferredFix'> {
  return fix ? { deferredFix: { title: fix.title, safe: fix.safe } } : {};
}

/** The imported module a finding's range names, with its distribution. */
function importedModuleAt(ctx: PythonContext, range: RuleFinding['range'], resolver: DistributionResolver): { module: string; dist: string } | undefined {
  const start = ctx.index.offsetAt(range.start);
  const end = ctx.index.offsetAt(range.end);
  let statement: Node | null = ctx.tree.rootNode.descendantForIndex(start, end);
  while (statement && statement.type !== 'import_statement' && statement.type !== 'import_from_statement') statement = statement.parent;
  const found = statement && importedModules(statement, resolver).find(({ node }) => node.startIndex === start && node.endIndex === end);
  const dist = found && resolver.resolve(found.module);
  return found && dist ? { module: found.module, dist } : undefined;
}
