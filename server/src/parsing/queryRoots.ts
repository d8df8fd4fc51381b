// Where each pattern of a tree-sitter query has its root node, found in the query's source, so the
// combined pass can capture it: a fact that knows the node its match hangs from can be re-derived
// from that node alone after an edit (see IncrementalSyntax).

/** The capture the plan adds to every pattern's root node; it never reaches a rule. */
export const ROOT_CAPTURE = 'pyguide.root';

/** Characters tree-sitter reads as part of a capture or node name. */
const NAME_CHAR = /[\p{L}\p{N}_\-.?!]/u;

/**
 * The source with `@pyguide.root` after the root node of each top-level pattern (after the
 * pattern's own captures): `(call) @c` -> `(call) @c @pyguide.root`, `[(a) (b)] @x` ->
 * `[(a) (b)] @x @pyguide.root`, `((string) @s (#match? @s "k"))` -> `((string) @s @pyguide.root
 * (#match? @s "k"))`. Undefined when some pattern has no single root node this can name: a sibling
 * sequence `((a) (b))`, a quantified pattern `(comment)+`, a capture or quantifier on a group, a
 * top-level predicate or field, or text it does not understand. The caller checks the result
 * compiles to the same patterns, each with one root capture.
 */
export function rootCaptured(source: string): string | undefined {
  if (source.includes(`@${ROOT_CAPTURE}`)) return undefined;
  const at: number[] = [];
  let i = blank(source, 0);
  while (i < source.length) {
    const p = pattern(source, i);
    if (!p || p.insert === undefined) return undefined;
    at.push(p.insert);
    i = blank(source, p.end);
  }
  if (at.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const k of at) {
    out += `${source.slice(from, k)} @${ROOT_CAPTURE}`;
    from = k;
  }
  return out + source.slice(from);
}

/**
 * A pattern: where it ends, where a capture of its root node goes (undefined: it has no single
 * root), and the node types its root can have (undefined: any, or not known from the source).
 */
interface Scanned {
  end: number;
  insert: number | undefined;
  types: string[] | undefined;
}

/** The pattern starting at `i` (a top-level one, or the only pattern of a group), or undefined when `i` starts none. */
function pattern(s: string, i: number): Scanned | undefined {
  const c = s[i];
  let end: number | undefined;
  let types: string[] | undefined;
  if (c === '(') {
    const j = blank(s, i + 1);
    if (s[j] === '(' || s[j] === '[' || s[j] === '"') return group(s, i);
    if (s[j] === undefined || !NAME_CHAR.test(s[j])) return undefined;
    end = closing(s, i, '(', ')');
    let k = j;
    while (k < s.length && NAME_CHAR.test(s[k])) k++;
    const name = s.slice(j, k);
    // `(_)` is any named node, `(MISSING x)` a node of type x; `(expression/identifier)` names a subtype this does not follow.
    types = name === '_' || name === 'MISSING' || s[k] === '/' ? undefined : [name];
  } else if (c === '[') {
    end = closing(s, i, '[', ']');
    types = end === undefined ? undefined : alternativeTypes(s, i + 1, end - 1);
  } else if (c === '"') {
    end = stringEnd(s, i);
    // An anonymous node's type is its text; an escape in it is not worth decoding here.
    const literal = s.slice(i + 1, end - 1);
    types = literal.includes('\\') ? undefined : [literal];
  } else if (c === '_' && !NAME_CHAR.test(s[i + 1] ?? ' ')) end = i + 1;
  if (end === undefined) return undefined;
  return { ...suffix(s, end), types };
}

/** The root types of an alternation's choices, `s[from, to)`; undefined when one can be any node. */
function alternativeTypes(s: string, from: number, to: number): string[] | undefined {
  const types: string[] = [];
  let i = blank(s, from);
  while (i < to) {
    const p = pattern(s, i);
    if (!p?.types) return undefined;
    types.push(...p.types);
    i = blank(s, p.end);
  }
  return types;
}

/**
 * The node types the patterns of a query can have at their root, read from its source; undefined
 * when some pattern's root can be any node (`_`, a subtype, a supertype the caller must check)
 * or when the source is not understood.
 */
export function rootTypes(source: string): Set<string> | undefined {
  const types = new Set<string>();
  let i = blank(source, 0);
  while (i < source.length) {
    const p = pattern(source, i);
    if (!p?.types) return undefined;
    for (const t of p.types) types.add(t);
    i = blank(source, p.end);
  }
  return types;
}

/** After a node expression: its captures, then where the root capture goes; a quantifier makes it unrooted. */
function suffix(s: string, end: number): Omit<Scanned, 'types'> {
  let insert: number | undefined = end;
  let k = end;
  for (;;) {
    const j = blank(s, k);
    if (s[j] === '*' || s[j] === '+' || s[j] === '?') {
      insert = undefined;
      k = j + 1;
    } else if (s[j] === '@') {
      k = j + 1;
      while (k < s.length && NAME_CHAR.test(s[k])) k++;
      if (insert !== undefined) insert = k;
    } else return { end: k, insert };
  }
}

/**
 * A parenthesized group: rooted when it holds exactly one pattern (and predicates), no anchor,
 * and nothing (capture, quantifier) follows it.
 */
function group(s: string, start: number): Scanned | undefined {
  let i = blank(s, start + 1);
  let inner: Scanned | undefined;
  let patterns = 0;
  let anchored = false;
  while (i < s.length && s[i] !== ')') {
    if (s[i] === '(' && s[blank(s, i + 1)] === '#') {
      const end = closing(s, i, '(', ')');
      if (end === undefined) return undefined;
      i = blank(s, end);
      continue;
    }
    if (s[i] === '.') {
      anchored = true;
      i = blank(s, i + 1);
      continue;
    }
    const p = pattern(s, i);
    if (!p) return undefined;
    inner = p;
    patterns++;
    i = blank(s, p.end);
  }
  if (i >= s.length) return undefined;
  const after = suffix(s, i + 1);
  const rooted = patterns === 1 && !anchored && after.insert === i + 1 && inner?.insert !== undefined;
  // A sibling sequence `((a) (b))` starts at the parent of its nodes, whatever that is.
  return { end: after.end, insert: rooted ? inner!.insert : undefined, types: patterns === 1 ? inner?.types : undefined };
}

/** The index after the bracket closing the one at `start`, skipping strings and comments; undefined when it does not close. */
function closing(s: string, start: number, open: string, close: string): number | undefined {
  let depth = 0;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = stringEnd(s, i);
      continue;
    }
    if (c === ';') {
      i = lineEnd(s, i);
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return c === close && s[start] === open ? i + 1 : undefined;
    }
    i++;
  }
  return undefined;
}

/** The index after white space and `;` comments from `i`. */
function blank(s: string, i: number): number {
  while (i < s.length) {
    if (s[i] === ';') i = lineEnd(s, i);
    else if (/\s/.test(s[i])) i++;
    else break;
  }
  return i;
}

function lineEnd(s: string, i: number): number {
  const nl = s.indexOf('\n', i);
  return nl < 0 ? s.length : nl;
}

/** The index after the query string literal opening at `start` (backslash escapes skipped). */
export function stringEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
  return Math.min(s.length, i + 1);
}
