import { TextIndex } from './textIndex';
import type { TextEdit } from './types';

function compare(a: TextEdit, b: TextEdit): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Applies edits that all refer to the original text. Edits that overlap an earlier one are left
 * out and returned, so that a later pass (on the new text) can try them again.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const index = new TextIndex(text);
  const sorted = [...edits].sort(compare);
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = index.offsetAt(edit.range.start);
    const end = index.offsetAt(edit.range.end);
    if (start < cursor) {
      skipped.push(edit);
      continue;
    }
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return { text: out + text.slice(cursor), skipped };
}

/** One edit that turns `before` into `after`, trimmed to the part that differs. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair or a CRLF line break.
  const splits = (s: string, i: number) => /[\uDC00-\uDFFF]/.test(s[i] ?? '') || (s[i - 1] === '\r' && s[i] === '\n');
  if (start > 0 && (splits(before, start) || splits(after, start))) start--;
  if (splits(before, endB) || splits(after, endA)) {
    endB++;
    endA++;
  }
  const index = new TextIndex(before);
  return { range: index.rangeOf(start, endB), newText: after.slice(start, endA) };
}
