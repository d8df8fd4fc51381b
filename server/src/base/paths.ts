// Where a path really leads: symlinks resolved, for paths that exist and for paths about to.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * `path` with symlinks resolved, for a path that does not exist yet too: its nearest existing
 * ancestor resolved, with the rest appended; a dangling link is followed to where it points, since
 * a write through it would land there.
 */
export function realTarget(path: string): string {
  const rest: string[] = [];
  let cur = resolve(path);
  for (let links = 0; ; ) {
    try {
      return join(realpathSync.native(cur), ...rest.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A missing component: go up; anything else (a loop, no permission) is no answer.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const dangling = danglingLink(cur);
      if (dangling !== undefined) {
        if (++links > 40) throw Object.assign(new Error(`too many links at ${cur}`), { code: 'ELOOP' });
        cur = resolve(dirname(cur), dangling);
        continue;
      }
      const parent = dirname(cur);
      if (parent === cur) return join(cur, ...rest.reverse());
      rest.push(basename(cur));
      cur = parent;
    }
  }
}

/** Where a symlink points, when `path` is one. */
function danglingLink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `path` is `dir` or lies below it. */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether `path`, symlinks resolved, lies in `root` (itself resolved); false when either cannot be resolved. */
export function leadsInside(root: string, path: string): boolean {
  try {
    return isWithin(realpathSync.native(root), realTarget(path));
  } catch {
    return false;
  }
}
