// A team rule's `query`: a tree-sitter query whose `@finding` capture is reported. Its regex
// predicates (`#match?` and kin) would run on JavaScript's backtracking engine inside tree-sitter's
// bindings, where `(a+)+$` can take forever; they are renamed so tree-sitter leaves them to us, and
// evaluated with RE2. `#eq?` and `#any-of?` stay with tree-sitter: they compare text, no regex.
import { Query, type Language, type Node, type QueryPredicate } from 'web-tree-sitter';
import { found, re2 } from './regex';

export interface TeamQuery {
  /** The query as the engine runs it (regex predicates renamed). */
  source: string;
  captures: readonly string[];
  /** The renamed regex predicates of its one pattern. */
  predicates: readonly QueryPredicate[];
}

const PREFIX = 'pyguide-';
const REGEX_PREDICATE = /^#(any-not-match|not-match|any-match|match)\?/;

/** The source with regex predicates renamed, and where each renaming inserted its prefix. */
function renamed(source: string): { text: string; inserted: number[] } {
  let text = '';
  const inserted: number[] = [];
  for (let i = 0; i < source.length; ) {
    const ch = source[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      text += source.slice(i, j + 1);
      i = j + 1;
    } else if (ch === ';') {
      const nl = source.indexOf('\n', i);
      const j = nl < 0 ? source.length : nl;
      text += source.slice(i, j);
      i = j;
    } else if (ch === '#' && REGEX_PREDICATE.test(source.slice(i, i + 20))) {
      inserted.push(i);
      text += `#${PREFIX}`;
      i++;
    } else {
      text += ch;
      i++;
    }
  }
  return { text, inserted };
}

/** A query that does not compile or cannot be a rule; `offset` is in the query as written. */
export class QuerySourceError extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

interface Frame {
  /** Expecting the node type right after `(`. */
  head: boolean;
  /** `[ ... ]`: its items are alternatives, not siblings. */
  alternatives: boolean;
  /** A child pattern came last, with no anchor after it. */
  open: boolean;
  /** How many of its child patterns are quantified (`*`, `+`, `?`). */
  quantified: number;
}

/**
 * Where a query puts two child patterns side by side without an anchor (`.`) between them, or
 * undefined. Tree-sitter then matches every pair (every triple...) of such siblings: quadratic
 * or worse in the number of statements of a module or items of a list, enough to hang the editor
 * on a long file. Two quantified children (`(_)* (_)*`) split a run of siblings every possible
 * way, anchored or not. Children pinned by a field (`function: (...)`) match one node each.
 */
export function unanchoredSiblings(source: string): number | undefined {
  const stack: Frame[] = [];
  let fielded = false;
  const item = (at: number): number | undefined => {
    const top = stack.at(-1);
    if (!top || top.alternatives) return undefined;
    if (top.head) {
      top.head = false;
      if (source[at] !== '(' && source[at] !== '"') return undefined;
    }
    if (fielded) {
      fielded = false;
      return undefined;
    }
    if (top.open) return at;
    top.open = true;
    return undefined;
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    let problem: number | undefined;
    if (c === ';') {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
      continue;
    }
    if (c === '"') {
      problem = item(i);
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === '(' && /^\(\s*#/.test(source.slice(i, i + 16))) {
      // A predicate: no pattern in it.
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '"') {
          i++;
          while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
        } else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) break;
      }
      i++;
      continue;
    } else if (c === '(' || c === '[') {
      problem = item(i);
      stack.push({ head: c === '(', alternatives: c === '[', open: false, quantified: 0 });
      i++;
    } else if (c === ')' || c === ']') {
      stack.pop();
      i++;
    } else if (c === '*' || c === '+' || c === '?') {
      // Two quantified siblings split a run of siblings every possible way, anchored or not.
      const top = stack.at(-1);
      if (top && !top.alternatives && ++top.quantified > 1) problem = i;
      i++;
    } else if (c === '.') {
      const top = stack.at(-1);
      if (top) top.open = false;
      i++;
    } else if (c === '@' || c === '!') {
      i++;
      while (i < source.length && /[\w.-]/.test(source[i])) i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][\w]*\s*:?/.exec(source.slice(i))![0];
      if (word.trimEnd().endsWith(':')) fielded = true;
      else {
        const top = stack.at(-1);
        if (top?.head) top.head = false;
        else if (word.startsWith('_')) problem = item(i);
      }
      i += word.length;
    } else i++;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

export function compileQuery(language: Language, source: string): TeamQuery {
  const { text, inserted } = renamed(source);
  let query: Query;
  try {
    query = new Query(language, text);
  } catch (e) {
    const index = (e as { index?: number }).index;
    const offset = index === undefined ? undefined : index - PREFIX.length * inserted.filter((at, k) => at + PREFIX.length * k < index).length;
    throw new QuerySourceError(`the query does not compile: ${(e as Error).message.replace(/ at offset \d+.*$/s, '')}`, offset);
  }
  try {
    const pair = unanchoredSiblings(source);
    if (pair !== undefined) {
      throw new QuerySourceError('two child patterns stand side by side without an anchor "." between them, or two are quantified: tree-sitter would try every pair of siblings, quadratic in a long file; anchor them with "." (adjacent siblings), pin them with fields, or write a pattern with $$$', pair);
    }
    if (query.patternCount() !== 1) throw new QuerySourceError(`a query rule holds one pattern (use [ ... ] for alternatives), not ${query.patternCount()}`, undefined);
    if (!query.captureNames.includes('finding')) throw new QuerySourceError('the query has no @finding capture: it says what to report', undefined);
    const predicates = query.predicates[0].filter((p) => p.operator.startsWith(PREFIX));
    for (const p of predicates) {
      const [capture, regex] = p.operands;
      if (capture?.type !== 'capture' || regex?.type !== 'string' || p.operands.length !== 2) throw new QuerySourceError(`#${p.operator.slice(PREFIX.length)} takes a capture and a regular expression`, undefined);
      try {
        re2(regex.value);
      } catch (e) {
        throw new QuerySourceError(`"${regex.value}" is not a regular expression RE2 accepts (${(e as Error).message})`, undefined);
      }
    }
    return { source: text, captures: [...query.captureNames], predicates };
  } finally {
    query.delete();
  }
}

/** Whether a match's captures satisfy the renamed regex predicates, as tree-sitter would judge them. */
export function holds(predicates: readonly QueryPredicate[], captures: Readonly<Record<string, readonly Node[]>>): boolean {
  return predicates.every((p) => {
    const [capture, regex] = p.operands as [{ type: 'capture'; name: string }, { type: 'string'; value: string }];
    const nodes = captures[capture.name] ?? [];
    const operator = p.operator.slice(PREFIX.length);
    const positive = operator === 'match?' || operator === 'any-match?';
    const test = (n: Node) => found(regex.value, n.text) === positive;
    return operator.startsWith('any-') ? nodes.some(test) : nodes.every(test);
  });
}
