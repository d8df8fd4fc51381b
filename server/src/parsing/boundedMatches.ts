import { Query, type Language, type Node, type QueryMatch } from 'web-tree-sitter';
import { stringEnd } from './queryRoots';

/**
 * Subtrees with at most this many nodes are handed to the query whole. Tree-sitter's query cursor
 * spends time on every node in proportion to the hidden repetition nodes above it, which grow with
 * the number of siblings: one query over a list literal with millions of elements, or over a
 * module of hundreds of thousands of statements, costs far more than linear time (a 5 MB one-line
 * list took tens of seconds). Below this size that cost is small and one query is the fastest walk.
 */
export const WHOLE_QUERY_NODES = 50_000;

/** A range in UTF-16 code units, as nodes count them. */
export interface IndexRange {
  startIndex: number;
  endIndex: number;
}

/**
 * A query whose matches are found in time linear in the size of the tree. A large node is split:
 * the matches rooted at it come from a query that may not start below it, and each of its children
 * is handled on its own (queried whole when small, split again when large), so no query starts
 * above a long run of siblings. This is exact when every pattern has a single root (no top-level
 * sibling sequence): each match then lies inside the subtree of its root. Queries with an unrooted
 * pattern run whole. Leaves are checked without a query unless a pattern can start at their type.
 */
export class BoundedQuery {
  private readonly rooted: boolean;
  /** The query without its predicates: whether a pattern can start at a leaf of some type at all. */
  private probe: Query | null | undefined;
  private readonly leafStarts = new Map<string, boolean>();

  constructor(
    readonly query: Query,
    private readonly language: Language,
    private readonly source: string,
  ) {
    let rooted = true;
    for (let i = 0; i < query.patternCount(); i++) rooted &&= query.isPatternRooted(i);
    this.rooted = rooted;
  }

  /** The matches under `root` (intersecting `range` when given), as `query.matches` finds them, in no particular order. */
  matches(root: Node, range?: IndexRange, wholeQueryNodes = WHOLE_QUERY_NODES): QueryMatch[] {
    const query = this.query;
    // web-tree-sitter hands a query's index range to tree-sitter unconverted, as bytes of the
    // UTF-16 text it parsed: two per code unit.
    const bytes = range && { startIndex: range.startIndex * 2, endIndex: range.endIndex * 2 };
    // A small range is queried directly: the query skips what lies outside it without visiting
    // it, so only the few nodes inside pay for the hidden nodes above them. (Edits re-collect the
    // top-level statements they touch: ranges are either that small or whole statements.)
    const small = range && range.endIndex - range.startIndex <= wholeQueryNodes;
    if (!this.rooted || small || root.descendantCount <= wholeQueryNodes) return query.matches(root, bytes);
    const out: QueryMatch[] = [];
    const add = (list: QueryMatch[]) => {
      for (const m of list) out.push(m);
    };
    // One cursor walks the large nodes, iteratively (nesting thousands deep must not exhaust the stack).
    const cursor = root.walk();
    try {
      for (;;) {
        let descend = false;
        if (range && cursor.startIndex >= range.endIndex) {
          // This node and its later siblings all start after the range: the level is done.
          if (!cursor.gotoParent()) return out;
        } else if (!range || cursor.endIndex > range.startIndex) {
          if (cursor.gotoFirstChild()) {
            cursor.gotoParent();
            const node = cursor.currentNode;
            if (node.descendantCount <= wholeQueryNodes) {
              add(query.matches(node, bytes));
            } else {
              add(query.matches(node, { ...bytes, maxStartDepth: 0 }));
              descend = true;
            }
          } else {
            const key = cursor.nodeIsMissing ? `MISSING ${cursor.nodeType}` : cursor.nodeType;
            if (this.canStartAt(key, () => cursor.currentNode)) add(query.matches(cursor.currentNode, bytes));
          }
        }
        if (descend && cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
      }
    } finally {
      cursor.delete();
    }
  }

  /** The matches whose pattern's root node is `node` itself (patterns below it are not started). */
  rootedAt(node: Node): QueryMatch[] {
    return this.query.matches(node, { maxStartDepth: 0 });
  }

  /**
   * Whether some pattern can match this leaf, decided once per leaf type by the predicate-free
   * query on the first such leaf: a leaf's match depends on nothing but its type (and whether it
   * is MISSING) and, through predicates, its text, which the probe ignores. When the probe cannot
   * be built, every leaf is queried.
   */
  private canStartAt(key: string, leaf: () => Node): boolean {
    let known = this.leafStarts.get(key);
    if (known === undefined) {
      if (this.probe === undefined) {
        try {
          this.probe = new Query(this.language, withoutPredicates(this.source));
        } catch {
          this.probe = null;
        }
      }
      known = this.probe ? this.probe.matches(leaf()).length > 0 : true;
      this.leafStarts.set(key, known);
    }
    return known;
  }
}

/**
 * The query source without its predicates (`(#eq? @a "x")`, `(#set! ...)`): every balanced group
 * opening with `(#`, skipping strings and comments.
 */
export function withoutPredicates(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (ch === ';') {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
    } else if (ch === '(' && /^\(\s*#/.test(source.slice(i, i + 64))) {
      let depth = 0;
      while (i < source.length) {
        const c = source[i];
        if (c === '"') {
          i = stringEnd(source, i);
          continue;
        }
        if (c === '(') depth++;
        else if (c === ')' && --depth === 0) {
          i++;
          break;
        }
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
