import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Range } from '../engine/types';

/** The syntax facts the Python rules read, gathered by one query over the tree. */
export interface PythonSyntax {
  comments: readonly Node[];
  /** `import` and `from ... import` statements, including `from __future__ import`. */
  imports: readonly Node[];
  functions: readonly Node[];
  classes: readonly Node[];
  hasErrors: boolean;
}

const FACTS_QUERY = `
(comment) @comment
(import_statement) @import
(import_from_statement) @import
(future_import_statement) @import
(function_definition) @function
(class_definition) @class
`;

const queries = new WeakMap<Language, Query>();

function factsQuery(language: Language): Query {
  let q = queries.get(language);
  if (!q) {
    q = new Query(language, FACTS_QUERY);
    queries.set(language, q);
  }
  return q;
}

export function collectSyntax(tree: Tree): PythonSyntax {
  const comments: Node[] = [];
  const imports: Node[] = [];
  const functions: Node[] = [];
  const classes: Node[] = [];
  for (const { name, node } of factsQuery(tree.language).captures(tree.rootNode)) {
    switch (name) {
      case 'comment':
        comments.push(node);
        break;
      case 'import':
        imports.push(node);
        break;
      case 'function':
        functions.push(node);
        break;
      case 'class':
        classes.push(node);
        break;
    }
  }
  return { comments, imports, functions, classes, hasErrors: tree.rootNode.hasError };
}

export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** The nearest enclosing function definition, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return p;
  }
  return undefined;
}
