// The delete fix shared by the rules that forbid an `__init__.py` somewhere.
import { basename } from 'node:path';
import type { Fix, PythonContext } from '../../engine/types';

export function isInitFile(file: string): boolean {
  return basename(file) === '__init__.py';
}

/**
 * Deletes the checked `__init__.py`. Safe only when it holds nothing but comments and blank lines
 * (a license header, say); otherwise its code would be lost, so the fix is only offered and
 * `note` is the words the finding's message ends with to say so.
 */
export function deleteInitFix(ctx: PythonContext): { fix: Fix; note: string } {
  const { index } = ctx;
  let onlyComments = true;
  // Line by line is exact here: a string cannot start on a line that is blank or a comment.
  for (let line = 0; line < index.lineCount && onlyComments; line++) {
    const text = index.lineText(line).trim();
    onlyComments = text === '' || text.startsWith('#');
  }
  return {
    note: onlyComments ? '' : ' It holds code, so deleting it is left to you: move what it defines first.',
    fix: { title: 'Delete __init__.py', safe: onlyComments, changes: [{ type: 'delete', file: ctx.file }] },
  };
}
