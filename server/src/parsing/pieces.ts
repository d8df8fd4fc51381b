// Where a very large Python text can be parsed in pieces. Tree-sitter's tree costs about 120 to
// 200 bytes a node in WASM memory, which never shrinks once grown: a 10 MB module is 2 to 3
// million nodes (350 MB and more). Parsed a piece at a time (the parser's included ranges, so
// positions stay those of the whole text), only one piece's tree is ever alive.

/** A text offset range, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One piece: the ranges the parser reads, and the part of the text whose findings this piece owns. */
export interface Piece {
  ranges: Span[];
  own: Span;
  /** True for the pieces of one statement split at its commas (see `splitStatement`). */
  partial: boolean;
  /** Pieces of one split statement share their group. */
  group: number;
}

export interface PieceLimits {
  /** Texts longer than this (UTF-16 code units) are parsed in pieces. */
  from: number;
  /** A piece holds whole top-level statements up to about this many code units. */
  size: number;
}

/**
 * Measured in web-tree-sitter 0.27 (docs/performance.md, "Large files"): a tree takes 30 to 40
 * bytes of WASM memory per character of Genkit code, and up to about 190 per character of a dense
 * literal (`x=[1,1,1,...]`, where every two characters are two nodes and a hidden repetition
 * node). A text of up to 1 MB therefore parses whole in at most about 190 MB (nearly every file,
 * whose module-wide rules then run as ever); above that, pieces of about 500 KB keep any one tree
 * under about 95 MB, while their number (20 for a 10 MB module) costs little.
 */
export const PIECE_LIMITS: PieceLimits = { from: 1_000_000, size: 500_000 };

/** Lines starting with these continue the statement above them (a `def` after its decorators, an `else:`...). */
const CONTINUATION = /^(?:else|elif|except|finally)\b/;
const DEFINITION = /^(?:async\s+def|def|class)\s/;

interface Scan {
  /** Offsets where a top-level statement starts on a line of its own, at column 0, in order. */
  starts: number[];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

/** Where a string literal that opens at `i` (its first quote) ends, `text.length` when it does not. */
function stringEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  let j = i + (triple ? 3 : 1);
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === q) {
      if (!triple) return j + 1;
      if (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q) return j + 3;
    } else if (!triple && (c === 10 || c === 13)) return j;
    j++;
  }
  return text.length;
}

/**
 * One linear pass over the text, like Python's tokenizer: strings (any prefix, triple quotes),
 * comments, brackets and backslash continuations. A line can start a piece when it is outside
 * every bracket and string, not continued from the line above, starts at column 0 with code (not a
 * comment: comments at column 0 also sit inside indented blocks), is no `else`/`elif`/`except`/
 * `finally`, and does not follow a decorator line. A wrong guess (an f-string of Python 3.12
 * nesting its own quotes, say) is caught by the parse: see `PiecewiseParse`.
 */
function scan(text: string): Scan {
  const starts: number[] = [];
  let depth = 0;
  let lineStart = true;
  let continued = false;
  let afterDecorator = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      // No expression goes on with a definition: a bracket left open before one is a syntax error,
      // and a piece starting here bounds what it swallows (it would otherwise run to the end).
      if (depth > 0 && !continued && DEFINITION.test(text.slice(i, i + 10))) depth = 0;
      if (depth === 0 && !continued && c !== 10 && c !== 13 && c !== 35 && !isSpace(c)) {
        const decorator = c === 64;
        if (!afterDecorator && !CONTINUATION.test(text.slice(i, i + 8))) starts.push(i);
        afterDecorator = decorator;
      }
      continued = false;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = true;
    } else if (c === 35) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 34 || c === 39) {
      const end = stringEnd(text, i);
      // A string spanning lines ends on a later line: its lines start nothing.
      i = end - 1;
    } else if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next === 10 || next === 13) {
        continued = true;
        i++;
        if (next === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = true;
      }
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    i++;
  }
  return { starts };
}

/**
 * The pieces of a text over `limits.from`: runs of whole top-level statements of about
 * `limits.size`, and a statement larger than twice that split at its commas when it can be. The
 * pieces of one split statement share a `group`.
 */
export function pieces(text: string, limits: PieceLimits = PIECE_LIMITS): Piece[] {
  const { starts } = scan(text);
  const bounds = [0];
  for (const s of starts) if (s - bounds[bounds.length - 1] >= limits.size) bounds.push(s);
  bounds.push(text.length);
  const out: Piece[] = [];
  let group = 0;
  let next = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const span = { start: bounds[k], end: bounds[k + 1] };
    while (next < starts.length && starts[next] < span.end) next++;
    // Statements before the last one of a span start within `size` of its start: only the last can be long.
    const last = next > 0 && starts[next - 1] >= span.start ? starts[next - 1] : span.start;
    const split = span.end - last > 2 * limits.size ? splitStatement(text, { start: last, end: span.end }, limits.size) : [];
    if (split.length > 1) {
      if (last > span.start) out.push(whole({ start: span.start, end: last }, group++));
      for (const p of split) out.push({ ...p, group });
      group++;
    } else out.push(whole(span, group++));
  }
  return out;
}

/** A piece that reads and owns all of `span`. */
export function whole(span: Span, group: number): Piece {
  return { ranges: [span], own: span, partial: false, group };
}

/**
 * A long statement as pieces of its bracket with the most commas: each piece reads the statement's
 * head up to the bracket, a run of the bracket's comma-separated items and the tail from the closing bracket
 * on, and owns its run (the first also the head, the last also the tail). Every run ends after a comma (which Python allows before any closing
 * bracket) or holds one, so a parenthesized tuple stays a tuple. One piece (the whole statement)
 * when the bracket holds too few commas.
 */
export function splitStatement(text: string, span: Span, size: number): Piece[] {
  // The bracket with the most commas of its own, at any depth: `f(a, [1, 2, ...])` splits the list.
  const open: { at: number; commas: number[] }[] = [];
  let best: { open: number; close: number; commas: number[] } | undefined;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) {
      while (i + 1 < span.end && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 34 || c === 39) i = stringEnd(text, i) - 1;
    else if (c === 40 || c === 91 || c === 123) open.push({ at: i, commas: [] });
    else if (c === 41 || c === 93 || c === 125) {
      const o = open.pop();
      if (o && o.commas.length > (best?.commas.length ?? 0)) best = { open: o.at, close: i, commas: o.commas };
    } else if (c === 44 && open.length > 0) open[open.length - 1].commas.push(i);
  }
  if (!best) return [whole(span, 0)];
  const head = { start: span.start, end: best.open + 1 };
  const tail = { start: best.close, end: span.end };
  const runs: Span[] = [];
  let from = best.open + 1;
  for (const comma of best.commas) {
    if (comma + 1 - from >= size) {
      runs.push({ start: from, end: comma + 1 });
      from = comma + 1;
    }
  }
  // The items after the last cut make a run of their own when they hold a comma (a parenthesized
  // tuple stays a tuple), else they join the last run; either way it ends at the closing bracket.
  if (runs.length > 0) {
    if (best.commas[best.commas.length - 1] >= from) runs.push({ start: from, end: best.close });
    else runs[runs.length - 1].end = best.close;
  }
  if (runs.length < 2) return [whole(span, 0)];
  // The head belongs to the first piece and the tail to the last: each is read by every piece, but
  // what is found there is kept once. Nothing spanning two runs (the list itself) is owned at all.
  return runs.map((items, k) => ({
    ranges: [head, items, tail],
    own: { start: k === 0 ? span.start : items.start, end: k === runs.length - 1 ? span.end : items.end },
    partial: true,
    group: 0,
  }));
}
