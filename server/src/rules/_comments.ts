import type { Node } from 'web-tree-sitter';
import type { TextIndex } from '../engine/textIndex';
import type { Range } from '../engine/types';
import type { SyntaxMatch } from '../parsing/syntaxPlan';

/**
 * A comment as the engine hands it to a rule: where it is, as plain data. Reading these, not the
 * match's node, spares the node's look-up in the tree (most of what a comment costs a keystroke).
 */
export type CommentAt = Pick<SyntaxMatch, 'start' | 'end' | 'startRow' | 'startCol'>;

/** The range of `length` characters at `offset` inside a (single-line) comment. */
export function rangeInComment(comment: CommentAt, offset: number, length: number): Range {
  const line = comment.startRow;
  const character = comment.startCol + offset;
  return { start: { line, character }, end: { line, character: character + length } };
}

/** Every match of a global regex in a comment's text (`source` is the document's), with its range. */
export function* commentMatches(comment: CommentAt, source: string, pattern: RegExp): Generator<{ match: RegExpExecArray; range: Range }> {
  const text = source.slice(comment.start, comment.end);
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield { match: m, range: rangeInComment(comment, m.index, m[0].length) };
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * In a file that does not parse, tree-sitter may call the rest of a line after an unterminated
 * string a comment; Python would not, so such "comments" are not findings.
 */
export function afterOpenQuote(comment: Node, index: TextIndex): boolean {
  for (let p = comment.parent; p; p = p.parent) if (p.type === 'string') return true;
  const before = index.lineText(comment.startPosition.row).slice(0, comment.startPosition.column);
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === '\\') i++;
      else if (before.startsWith(quote, i)) [quote, i] = ['', i + quote.length - 1];
    } else if (c === '"' || c === "'") {
      quote = before.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    }
  }
  return quote !== '';
}
