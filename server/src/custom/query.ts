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
