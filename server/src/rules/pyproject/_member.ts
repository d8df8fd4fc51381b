// What the pyproject rules share: which member a pyproject.toml is, where a missing key's finding
// points, the core version, and fixes that edit the file being checked.
import { relative, sep } from 'node:path';
import { fileStartRange } from '../../engine/textIndex';
import type { Fix, PyprojectContext, Range, RelatedLocation, TextEdit } from '../../engine/types';
import { findTable, tableHeaderRange } from '../../parsing/toml';
import { projectMetadata } from '../../workspace/metadata';
import type { LocatedString, PackageInfo, ProjectMetadata, WorkspaceView } from '../../workspace/view';
import type { TomlSource } from './_toml';

/** The member package whose own pyproject.toml is being checked, if it is one. */
export function memberOf(ctx: PyprojectContext): PackageInfo | undefined {
  const pkg = ctx.workspace.packageOf(ctx.file);
  return pkg && pkg.pyprojectPath === ctx.file ? pkg : undefined;
}

export function isWorkspaceRoot(ctx: PyprojectContext): boolean {
  return ctx.file === ctx.workspace.rootPyproject;
}

/** The checked file's text and syntax tree, for the edit builders; undefined when it does not parse. */
export function sourceOf(ctx: PyprojectContext): TomlSource | undefined {
  return ctx.toml.ok ? { text: ctx.text, index: ctx.index, ast: ctx.toml.ast } : undefined;
}

/** `[project]` facts of the file being checked, from its current text (not the saved one). */
export function ownMetadata(ctx: PyprojectContext): ProjectMetadata | undefined {
  return projectMetadata(ctx.toml);
}

/** Where a finding about something missing from a table points: its header, else the first line. */
export function anchorOf(ctx: PyprojectContext, path: readonly string[]): Range {
  const table = ctx.toml.ok ? findTable(ctx.toml.ast, path) : undefined;
  return table ? tableHeaderRange(table, ctx.text) : fileStartRange(ctx.index);
}

/** A path relative to the workspace root, with `/`, for messages. */
export function shortPath(workspace: WorkspaceView, path: string): string {
  return workspace.root ? relative(workspace.root, path).split(sep).join('/') : path;
}

/** The core package's version and where it is written; undefined when unknown or dynamic. */
export function coreVersion(ctx: PyprojectContext): (LocatedString & { file: string }) | undefined {
  const core = ctx.workspace.corePackage;
  if (!core) return undefined;
  const meta = core.pyprojectPath === ctx.file ? ownMetadata(ctx) : ctx.workspace.metadata(core.pyprojectPath);
  return meta?.version && !meta.dynamic.includes('version') ? { ...meta.version, file: core.pyprojectPath } : undefined;
}

/** The namespace plugins live in, dotted: the deepest of `layout.namespace-dirs` (`genkit.plugins`). */
export function pluginNamespace(namespaceDirs: readonly string[]): string {
  const deepest = namespaceDirs.reduce((a, b) => (b.split('/').length > a.split('/').length ? b : a), '');
  return deepest.split('/').filter(Boolean).join('.');
}

/**
 * A fix that edits only the file being checked. `safe` says whether it leaves what the package
 * builds, installs and does at run time as it was (see each rule's docs page, "Fix safety").
 */
export function editFix(ctx: PyprojectContext, title: string, edits: TextEdit[], safe: boolean): Fix {
  return { title, safe, changes: [{ type: 'edit', file: ctx.file, edits }] };
}

/** A fix editing the checked file with one edit, when there is one to make. */
export function fixOf(ctx: PyprojectContext, title: string, edit: TextEdit | undefined, safe: boolean): Fix | undefined {
  return edit && editFix(ctx, title, [edit], safe);
}

export function related(file: string, range: Range, message: string): RelatedLocation[] {
  return [{ file, range, message }];
}
