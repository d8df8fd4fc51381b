// The one gate every write of a fix passes (CLI --fix, fix-all and quick fixes in the editor): a
// repository someone else wrote must never make pyguide write outside it, into its version control
// folder, or to a file the fix has no business with. Paths are judged by where they really lead,
// symlinks resolved, so a link inside the workspace cannot carry a write out of it.
import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isWithin, realTarget } from '../base/paths';
import type { FileChange, Fix } from './types';

/** Folders of version control systems: nothing in them is ever written (`.git/config` runs commands). */
export const VCS_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', '.jj', '.bzr', '_darcs', '.pijul', '.fossil', 'CVS', '.sl']);

/** Files a fix may edit besides the file of its finding: the workspace's package metadata. */
const EDITABLE_ELSEWHERE = new Set(['pyproject.toml']);

export type Verdict = { ok: true } | { ok: false; reason: string };

const REFUSED = (reason: string): Verdict => ({ ok: false, reason });
const OK: Verdict = { ok: true };

/** The VCS folder a path below `root` passes through, if any. */
function vcsFolder(root: string, path: string): string | undefined {
  return relative(root, path)
    .split(sep)
    .find((segment) => VCS_DIRS.has(segment));
}

/** Whether something (a file, a folder, a link, even a dangling one) is at `path`. */
function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is a regular file once symlinks are followed, or nothing yet (an editor buffer not saved). */
function isFileOrNothing(path: string): boolean {
  try {
    return lstatSync(realTarget(path)).isFile();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Checks one path against the root, lexically and where it really leads. */
function checkPath(path: unknown, root: string, realRoot: string): Verdict {
  if (typeof path !== 'string') return REFUSED(`${JSON.stringify(path)}: not a path`);
  if (!isAbsolute(path)) return REFUSED(`${path}: not an absolute path`);
  if (!isWithin(root, resolve(path))) return REFUSED(`${path}: outside the workspace root ${root}`);
  let real: string;
  try {
    real = realTarget(path);
  } catch (e) {
    return REFUSED(`${path}: cannot resolve (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!isWithin(realRoot, real)) return REFUSED(`${path}: leads outside the workspace root ${root} (to ${real})`);
  const vcs = vcsFolder(root, resolve(path)) ?? vcsFolder(realRoot, real);
  if (vcs) return REFUSED(`${path}: inside the version control folder ${vcs}`);
  return OK;
}

/**
 * Whether one change of a fix reported on `origin` may be written, inside `root`. What a fix may
 * touch: edits to the finding's own file or to a pyproject.toml; new files below the finding's
 * folder where nothing is yet; renaming the finding's file within its folder; deleting it.
 */
export function checkChange(change: FileChange, origin: string, root: string): Verdict {
  let realRoot: string;
  try {
    realRoot = realTarget(root);
  } catch (e) {
    return REFUSED(`the workspace root ${root} cannot be resolved (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!['edit', 'create', 'rename', 'delete'].includes(change?.type)) return REFUSED(`unknown change ${JSON.stringify(change?.type)}`);
  const paths = change.type === 'rename' ? [change.from, change.to] : [change.file];
  for (const p of [origin, ...paths]) {
    const v = checkPath(p, root, realRoot);
    if (!v.ok) return v;
  }
  const own = (p: string) => resolve(p) === resolve(origin);
  switch (change.type) {
    case 'edit':
      if (!own(change.file) && !EDITABLE_ELSEWHERE.has(basename(change.file))) return REFUSED(`${change.file}: a fix for ${origin} may not edit it`);
      if (!isFileOrNothing(change.file)) return REFUSED(`${change.file}: not a regular file`);
      return OK;
    case 'create':
      if (!isWithin(dirname(resolve(origin)), resolve(change.file))) return REFUSED(`${change.file}: a fix for ${origin} may only create files below its folder`);
      if (occupied(change.file)) return REFUSED(`${change.file}: already exists`);
      return OK;
    case 'rename':
      if (!own(change.from)) return REFUSED(`${change.from}: a fix for ${origin} may only rename that file`);
      if (dirname(resolve(change.to)) !== dirname(resolve(change.from))) return REFUSED(`${change.to}: a rename stays in its folder`);
      if (occupied(change.to)) return REFUSED(`${change.to}: already exists`);
      if (!isFileOrNothing(change.from)) return REFUSED(`${change.from}: not a regular file`);
      return OK;
    case 'delete':
      if (!own(change.file)) return REFUSED(`${change.file}: a fix for ${origin} may only delete that file`);
      if (!isFileOrNothing(change.file)) return REFUSED(`${change.file}: not a regular file`);
      return OK;
    default:
      return REFUSED(`unknown change ${JSON.stringify((change as { type?: unknown }).type)}`);
  }
}

/**
 * THE write gate: whether every change of a fix reported on `origin` may be written inside the
 * workspace `root`. A fix is taken whole or not at all; the reason names the first refused change.
 */
export function checkFix(fix: Fix, origin: string, root: string): Verdict {
  if (!Array.isArray(fix.changes)) return REFUSED(`fix "${String(fix.title)}" for ${origin} has no list of changes`);
  for (const change of fix.changes) {
    const v = checkChange(change, origin, root);
    if (!v.ok) return { ok: false, reason: `fix "${fix.title}" for ${origin}: ${v.reason}` };
  }
  return OK;
}

/**
 * The folder writes of a file's fixes must stay in: its Python workspace's root, else the editor
 * folder holding it, else the file's own folder.
 */
export function writeRoot(workspaceRoot: string | undefined, file: string, folders: readonly string[] = []): string {
  return workspaceRoot ?? folders.find((f) => isWithin(f, file)) ?? dirname(file);
}

/** What writers ask before writing a fix (the server's code actions take any such gate). */
export interface FixGate {
  allowsFix(fix: Fix, origin: string): boolean;
  allowsOwnEdits(file: string): boolean;
}

/** The gate with its root and its log: where the CLI and the server send fixes before writing them. */
export class WriteGate implements FixGate {
  private readonly logged = new Set<string>();

  constructor(
    private readonly rootOf: (file: string) => string,
    private readonly log: (reason: string) => void,
  ) {}

  /** Whether a fix reported on `origin` may be written; a refusal is logged with its reason (each reason once). */
  allowsFix(fix: Fix, origin: string): boolean {
    const verdict = checkFix(fix, origin, this.rootOf(origin));
    if (!verdict.ok && !this.logged.has(verdict.reason)) {
      this.logged.add(verdict.reason);
      this.log(verdict.reason);
    }
    return verdict.ok;
  }

  /** Whether a file's own text fixes (fix-all) may be written to it. */
  allowsOwnEdits(file: string): boolean {
    return this.allowsFix({ title: 'Fix all', safe: true, changes: [{ type: 'edit', file, edits: [] }] }, file);
  }
}
