// Facts some rules read from the text at a match instead of its nodes: module-scope rules run over
// every match after every keystroke, and finding a match's nodes in the tree costs more than a
// regular expression over its first characters.
import type { SyntaxMatch } from '../engine/types';

export const squeeze = (text: string) => text.replace(/\s+/g, '');

const DOTTED = String.raw`[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*`;
/** `target[: annotation] = factory(`, as an assignment match starts. */
const ASSIGNMENT = new RegExp(String.raw`^(${DOTTED})\s*(?::[^=]*)?=\s*(${DOTTED})\s*\(`, 's');

/** The target and the called factory of an assignment match `x = f(...)`, without spaces; undefined for other shapes. */
export function assignmentWritten(match: Pick<SyntaxMatch, 'start' | 'end'>, text: string): { target: string; factory: string } | undefined {
  const m = ASSIGNMENT.exec(text.slice(match.start, match.end));
  return m ? { target: squeeze(m[1]), factory: squeeze(m[2]) } : undefined;
}

/** `receiver.method(`, as a call match on a plain (dotted) receiver starts. */
const CALL = new RegExp(String.raw`^(${DOTTED})\s*\.\s*([A-Za-z_]\w*)\s*\(`, 's');

/** The receiver and method of a call match whose receiver is a plain name or attribute; undefined otherwise. */
export function callWritten(match: SyntaxMatch, text: string): { receiver: string; method: string } | undefined {
  const m = CALL.exec(text.slice(match.start, match.end));
  return m ? { receiver: squeeze(m[1]), method: m[2] } : undefined;
}
