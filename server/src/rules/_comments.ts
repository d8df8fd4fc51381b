import type { Node } from 'web-tree-sitter';
import type { Range } from '../engine/types';

/** The range of `length` characters at `offset` inside a (single-line) comment node. */
export function rangeInComment(comment: Node, offset: number, length: number): Range {
  const line = comment.startPosition.row;
  const character = comment.startPosition.column + offset;
  return { start: { line, character }, end: { line, character: character + length } };
}

/** Every match of a global regex in a comment's text, with its range. */
export function* commentMatches(comment: Node, pattern: RegExp): Generator<{ match: RegExpExecArray; range: Range }> {
  const text = comment.text;
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield { match: m, range: rangeInComment(comment, m.index, m[0].length) };
    if (m[0].length === 0) re.lastIndex++;
  }
}
