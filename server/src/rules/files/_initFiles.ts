// The delete fix shared by the rules that forbid an `__init__.py` somewhere.
import { basename } from 'node:path';
import type { Fix, PythonContext } from '../../engine/types';

export function isInitFile(file: string): boolean {
  return basename(file) === '__init__.py';
}

/**
 * Deletes the checked `__init__.py`. Never safe: even an empty one makes its directory a regular
 * package, which decides how pytest names test modules and what relative imports resolve to. When
 * it holds code, deleting it would lose that code, so there is no fix and `note` is the words the
 * finding's message ends with to say so.
 */
export function deleteInitFix(ctx: PythonContext): { fix: Fix | undefined; note: string } {
  const { index } = ctx;
  let onlyComments = true;
  // Line by line is exact here: a string cannot start on a line that is blank or a comment.
  for (let line = 0; line < index.lineCount && onlyComments; line++) {
    const text = index.lineText(line).trim();
    onlyComments = text === '' || text.startsWith('#');
  }
  return {
    note: onlyComments ? '' : ' It holds code, so deleting it is left to you: move what it defines first.',
    fix: onlyComments ? { title: 'Delete __init__.py', safe: false, changes: [{ type: 'delete', file: ctx.file }] } : undefined,
  };
}
