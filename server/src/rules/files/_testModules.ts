// Path facts shared by the file rules: which files pytest collects as test modules, where a file
// sits below a directory, and the rename fix that gives a test module its proper name.
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { Fix, PythonContext } from '../../engine/types';

/** `*_test.py`, the naming the guidelines ask for. */
export function isSuffixTestModule(name: string): boolean {
  return /^.+_test\.py$/.test(name);
}

/** For a pytest-style `test_<stem>.py` that is not also `*_test.py`, the stem. */
export function pytestStyleStem(name: string): string | undefined {
  return isSuffixTestModule(name) ? undefined : /^test_(.+)\.py$/.exec(name)?.[1];
}

/** Whether pytest's default `python_files` (`test_*.py`, `*_test.py`) collects the file. */
export function isTestModule(file: string): boolean {
  const name = basename(file);
  return isSuffixTestModule(name) || pytestStyleStem(name) !== undefined;
}

/** The path from `base` down to `path` split into names, or undefined when `path` is not below `base`. */
export function segmentsBelow(base: string, path: string): string[] | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(/[\\/]/);
}

/**
 * Renames the checked file within its directory. Never safe: the module's import name changes, and
 * with it whatever is keyed to it (pytest node ids, recorded cassettes and snapshots, imports of
 * helpers). When the new name is taken, `clash` is the words the finding's message ends with to say
 * so, and the rename is refused wherever it is applied.
 */
export function renameInPlace(ctx: PythonContext, newName: string): { fix: Fix; clash: string } {
  const to = join(dirname(ctx.file), newName);
  const taken = ctx.workspace.exists(to);
  return {
    clash: taken ? ` (\`${newName}\` already exists here, so the rename is not applied)` : '',
    fix: { title: `Rename to ${newName}`, safe: false, changes: [{ type: 'rename', from: ctx.file, to }] },
  };
}
