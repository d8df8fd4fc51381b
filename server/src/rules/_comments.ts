import type { Node } from 'web-tree-sitter';
import type { TextIndex } from '../engine/textIndex';
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
