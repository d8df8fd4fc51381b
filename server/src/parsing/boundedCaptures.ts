import type { Node, Query, QueryCapture } from 'web-tree-sitter';

/**
 * Subtrees with at most this many nodes are handed to the query whole. Tree-sitter's query cursor
 * spends time on every node in proportion to the hidden repetition nodes above it, which grow
 * with the number of siblings: one query over a list literal with millions of elements, or over a
 * module of millions of statements, costs far more than linear time (a 5 MB one-line list took
 * tens of seconds). Below this size that cost is negligible and one query is the fastest walk.
 */
export const WHOLE_QUERY_NODES = 50_000;

/** A range in UTF-16 code units, as nodes count them. */
export interface IndexRange {
  startIndex: number;
  endIndex: number;
}

/**
 * The query's captures under `root`, in document order with outer nodes first, as
 * `query.captures(root, range)` returns them for the single-node patterns the facts use, but in
 * time linear in the size of the tree: a large node is split into its children, each child small
 * enough is queried on its own, so no query starts above a long run of siblings. Single-node
 * patterns are what make the split exact: no match spans two siblings. `captureOf` maps each
 * pattern's node type to its capture name: what the query would capture for a large node itself,
 * which is split rather than queried. `range` keeps, as the query's own range does, the nodes that
 * overlap it.
 */
export function boundedCaptures(
  query: Query,
  captureOf: ReadonlyMap<string, string>,
  root: Node,
  range?: IndexRange,
  wholeQueryNodes = WHOLE_QUERY_NODES,
): QueryCapture[] {
  // web-tree-sitter hands a query's index range to tree-sitter unconverted, as bytes of the
  // UTF-16 text it parsed: two per code unit.
  const bytes = range && { startIndex: range.startIndex * 2, endIndex: range.endIndex * 2 };
  // A small range is queried directly: the query skips what lies outside it without visiting it,
  // so only the few nodes inside pay for the hidden nodes above them. (Edits re-collect the facts
  // of the top-level statements they touch: ranges are either that small or whole statements.)
  const small = range && range.endIndex - range.startIndex <= wholeQueryNodes;
  if (small || root.descendantCount <= wholeQueryNodes) return query.captures(root, bytes);
  const out: QueryCapture[] = [];
  const own = (name: string | undefined, node: () => Node) => {
    if (name !== undefined) out.push({ name, node: node(), patternIndex: 0 });
  };
  // One cursor walks the large nodes, iteratively (nesting thousands deep must not exhaust the
  // stack); leaves are checked by type without a query, small subtrees are queried whole.
  const cursor = root.walk();
  try {
    for (;;) {
      let descend = false;
      if (range && cursor.startIndex >= range.endIndex) {
        // This node and its later siblings all start after the range: the level is done.
        if (!cursor.gotoParent()) return out;
      } else if (!range || cursor.endIndex > range.startIndex) {
        const type = cursor.nodeType;
        if (cursor.gotoFirstChild()) {
          cursor.gotoParent();
          const node = cursor.currentNode;
          if (node.descendantCount <= wholeQueryNodes) {
            for (const c of query.captures(node, bytes)) out.push(c);
          } else {
            own(captureOf.get(type), () => node);
            descend = true;
          }
        } else {
          own(captureOf.get(type), () => cursor.currentNode);
        }
      }
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
    }
  } finally {
    cursor.delete();
  }
}
