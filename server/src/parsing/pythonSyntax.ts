import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../base/text';
import { kindsQuery, SyntaxPlan, type ChannelSpec } from './syntaxPlan';

/** A comment as plain data: what suppression comments are read from, without touching the tree. */
export interface CommentFact {
  /** UTF-16 offset of the `#`. */
  offset: number;
  line: number;
  column: number;
  text: string;
}

/** The built-in fact lists the first rules read (newer rules declare their own syntax instead). */
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

/** The node types of each fact list. */
export const FACT_TYPES: Record<FactKind, readonly string[]> = {
  comments: ['comment'],
  imports: ['import_statement', 'import_from_statement', 'future_import_statement'],
  functions: ['function_definition'],
  classes: ['class_definition'],
};

/** Each fact list as a channel of the combined query; comments keep their text for suppressions. */
export const FACT_CHANNELS: Record<FactKind, ChannelSpec> = {
  comments: { source: kindsQuery(FACT_TYPES.comments), keepText: true },
  imports: { source: kindsQuery(FACT_TYPES.imports) },
  functions: { source: kindsQuery(FACT_TYPES.functions) },
  classes: { source: kindsQuery(FACT_TYPES.classes) },
};

/** Every node of one fact list, by a query of its own (for a list no channel of the plan collects). */
export function captureKind(tree: Tree, kind: FactKind): Node[] {
  return SyntaxPlan.for(tree.language, [FACT_CHANNELS[kind]])
    .matches(tree)[0]
    .map((m) => m.node);
}

export function commentFact(node: Node): CommentFact {
  return { offset: node.startIndex, line: node.startPosition.row, column: node.startPosition.column, text: node.text };
}

/**
 * The fact lists as rules read them, each found on first use: `nodesOf` gives a list the plan
 * collected (undefined for one it did not, which is then captured on its own).
 */
export function syntaxView(tree: Tree, nodesOf: (kind: FactKind) => readonly Node[] | undefined, comments: () => readonly CommentFact[]): PythonSyntax {
  const nodes: Partial<Record<FactKind, readonly Node[]>> = {};
  const lazy = (kind: FactKind) => (nodes[kind] ??= nodesOf(kind) ?? captureKind(tree, kind));
  let hasErrors: boolean | undefined;
  let commentFacts: readonly CommentFact[] | undefined;
  return {
    get comments() {
      return lazy('comments');
    },
    get imports() {
      return lazy('imports');
    },
    get functions() {
      return lazy('functions');
    },
    get classes() {
      return lazy('classes');
    },
    get hasErrors() {
      return (hasErrors ??= tree.rootNode.hasError);
    },
    get commentFacts() {
      return (commentFacts ??= comments());
    },
  };
}

/** A view whose lists are all empty but `kind`'s: what a rule checking facts one by one is given. */
export function subsetView(tree: Tree, kind: FactKind | undefined, nodes: readonly Node[]): PythonSyntax {
  return syntaxView(tree, (k) => (k === kind ? nodes : []), () => []);
}

/** Syntax facts of a tree parsed once, all four lists from one query. */
export function collectSyntax(tree: Tree): PythonSyntax {
  const lists = SyntaxPlan.for(tree.language, FACT_KINDS.map((k) => FACT_CHANNELS[k])).matches(tree);
  const of = (kind: FactKind) => lists[FACT_KINDS.indexOf(kind)].map((m) => m.node);
  return syntaxView(tree, of, () => of('comments').map(commentFact));
}

export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
