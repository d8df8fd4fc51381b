import type { PyprojectRule, Range, RuleFinding, TextEdit } from '../../engine/types';
import { findTable, getPath, keyNames, locateTable, tableHeaderRange, tomlRange } from '../../parsing/toml';
import { normalizeName } from '../../workspace/metadata';
import { anchorOf, fixOf, isWorkspaceRoot, related, shortPath, sourceOf } from './_member';
import { addToTable, renderKey, type TomlSource } from './_toml';

const SOURCES = ['tool', 'uv', 'sources'];
const ENTRY = '{ workspace = true }';

/** The edit that adds `name = { workspace = true }`, keeping a sorted table sorted. */
function addSource(src: TomlSource, name: string): TextEdit | undefined {
  const where = locateTable(src.ast, SOURCES);
  const keys = where?.table.body.map((kv) => keyNames(kv.key).join('.')) ?? [];
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1].toLowerCase() <= k.toLowerCase());
  const next = where?.type === 'header' && sorted ? where.table.body.find((kv) => keyNames(kv.key).join('.').toLowerCase() > name.toLowerCase()) : undefined;
  return addToTable(src, SOURCES, [[renderKey(name), ENTRY]], { before: next, after: findTable(src.ast, ['tool', 'uv', 'workspace']) });
}

export const workspaceSource: PyprojectRule = {
  id: 'workspace-source',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Workspace Completeness',
  summary: 'a workspace package missing from the root `[tool.uv.sources]`',
  check(ctx) {
    const src = sourceOf(ctx);
    if (!src || !ctx.toml.ok || !isWorkspaceRoot(ctx) || getPath(ctx.toml.value, 'tool', 'uv', 'workspace') === undefined) return [];
    const sources = getPath(ctx.toml.value, ...SOURCES);
    const listed = new Set(Object.keys(sources && typeof sources === 'object' ? sources : {}).map(normalizeName));
    const where = locateTable(src.ast, SOURCES);
    const anchor: Range = !where ? anchorOf(ctx, ['tool', 'uv', 'workspace']) : where.type === 'header' ? tableHeaderRange(where.table, ctx.text) : tomlRange(where.keyValue.key);
    const findings: RuleFinding[] = [];
    for (const pkg of ctx.workspace.packages) {
      const name = ctx.workspace.metadata(pkg.pyprojectPath)?.name;
      if (!name || listed.has(normalizeName(name.value))) continue;
      findings.push({
        range: anchor,
        message: `${name.value} (${shortPath(ctx.workspace, pkg.dir)}) is missing from \`[tool.uv.sources]\`: add \`${renderKey(name.value)} = ${ENTRY}\` so the workspace installs it from its directory.`,
        fix: fixOf(ctx, `Add ${name.value} to [tool.uv.sources]`, addSource(src, name.value), false),
        related: related(pkg.pyprojectPath, name.range, `name of ${shortPath(ctx.workspace, pkg.dir)}`),
      });
    }
    return findings;
  },
};
