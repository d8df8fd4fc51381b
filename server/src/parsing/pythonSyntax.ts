import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Range } from '../engine/types';
import { boundedCaptures } from './boundedCaptures';

/** A comment as plain data: what suppression comments are read from, without touching the tree. */
export interface CommentFact {
  /** UTF-16 offset of the `#`. */
  offset: number;
  line: number;
  column: number;
  text: string;
}

/** The syntax facts the Python rules read, gathered by one query over the tree. */
export interface PythonSyntax {
  comments: readonly Node[];
  /** `import` and `from ... import` statements, including `from __future__ import`. */
  imports: readonly Node[];
  functions: readonly Node[];
  classes: readonly Node[];
  hasErrors: boolean;
  /** The comments again, as plain data. */
  readonly commentFacts: readonly CommentFact[];
}

export type FactKind = 'comments' | 'imports' | 'functions' | 'classes';
export const FACT_KINDS: readonly FactKind[] = ['comments', 'imports', 'functions', 'classes'];

/** The node types of each fact list, for checking a node found again by its range. */
export const FACT_TYPES: Record<FactKind, readonly string[]> = {
  comments: ['comment'],
  imports: ['import_statement', 'import_from_statement', 'future_import_statement'],
  functions: ['function_definition'],
  classes: ['class_definition'],
};

/** The query's patterns: each fact node type, captured under the name of its fact list. */
const CAPTURE_OF: ReadonlyMap<string, FactKind> = new Map(FACT_KINDS.flatMap((kind) => FACT_TYPES[kind].map((type) => [type, kind] as const)));

const FACTS_QUERY = [...CAPTURE_OF].map(([type, kind]) => `(${type}) @${kind}`).join('\n');

const queries = new WeakMap<Language, Query>();

function factsQuery(language: Language): Query {
  let q = queries.get(language);
  if (!q) {
    q = new Query(language, FACTS_QUERY);
    queries.set(language, q);
  }
  return q;
}

/**
 * The fact nodes of a tree, in document order, one list per kind. With `startIndex`/`endIndex`
 * only the nodes intersecting that range are captured, which is what keeps re-collection cheap.
 */
export function captureFacts(tree: Tree, range?: { startIndex: number; endIndex: number }): Record<FactKind, Node[]> {
  const out: Record<FactKind, Node[]> = { comments: [], imports: [], functions: [], classes: [] };
  for (const { name, node } of boundedCaptures(factsQuery(tree.language), CAPTURE_OF, tree.rootNode, range)) out[name as FactKind].push(node);
  return out;
}

export function commentFact(node: Node): CommentFact {
  return { offset: node.startIndex, line: node.startPosition.row, column: node.startPosition.column, text: node.text };
}

/** Syntax facts of a tree parsed once (the CLI, fix-all passes): one query, nodes as captured. */
export function collectSyntax(tree: Tree): PythonSyntax {
  const facts = captureFacts(tree);
  let commentFacts: CommentFact[] | undefined;
  return {
    ...facts,
    hasErrors: tree.rootNode.hasError,
    get commentFacts() {
      return (commentFacts ??= facts.comments.map(commentFact));
    },
  };
}

export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

