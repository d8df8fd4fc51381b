// Docstrings as Python defines them: a plain string literal (no f-string, no concatenation) that is
// the first statement of a module, class or function body. Only positions are kept, never nodes.
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Position } from '../engine/types';

export type DocstringOwner = 'module' | 'class' | 'function';

export interface Docstring {
  owner: DocstringOwner;
  /** The string literal, prefix and quotes included. */
  start: Position;
  end: Position;
  /** Just after the opening quotes and just before the closing ones. */
  contentStart: Position;
  contentEnd: Position;
  /** `r"""…"""`: backslashes are text, not escapes. */
  raw: boolean;
  /** The opening quotes with their prefix, e.g. `r"""`. */
  opening: string;
}

const pos = (p: { row: number; column: number }): Position => ({ line: p.row, character: p.column });

const OWNERS: Record<string, DocstringOwner> = { class_definition: 'class', function_definition: 'function' };

/** The query that finds docstring candidates: a string that is a statement by itself. */
export const DOCSTRING_QUERY = '(expression_statement (string) @docstring) @statement';

/**
 * The docstring a string node is, if it is one: the first statement (comments aside) of a module or
 * of a class or function body, a plain literal (no f-string, t-string or bytes, no interpolation).
 */
export function docstringAt(str: Node): Docstring | undefined {
  const statement = str.parent;
  if (str.type !== 'string' || statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  const body = statement.parent;
  const owner = body?.type === 'module' ? 'module' : body?.type === 'block' ? OWNERS[body.parent?.type ?? ''] : undefined;
  if (!owner || body!.namedChildren.find((c) => c?.type !== 'comment')?.id !== statement.id) return undefined;
  const opening = str.firstChild;
  const closing = str.lastChild;
  if (opening?.type !== 'string_start' || closing?.type !== 'string_end' || /[fFtTbB]/.test(opening.text)) return undefined;
  if (str.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return {
    owner,
    start: pos(str.startPosition),
    end: pos(str.endPosition),
    contentStart: pos(opening.endPosition),
    contentEnd: pos(closing.startPosition),
    raw: /[rR]/.test(opening.text),
    opening: opening.text,
  };
}

export function moduleDocstring(tree: Tree): Docstring | undefined {
  const first = tree.rootNode.namedChildren.find((c) => c?.type !== 'comment');
  const str = first?.type === 'expression_statement' ? first.namedChild(0) : null;
  return str ? docstringAt(str) : undefined;
}

const queries = new WeakMap<Language, Query>();

/** Every docstring of a file (module, classes, functions), in document order. */
export function docstrings(tree: Tree): Docstring[] {
  let query = queries.get(tree.language);
  if (!query) queries.set(tree.language, (query = new Query(tree.language, DOCSTRING_QUERY)));
  const out: Docstring[] = [];
  for (const { node } of query.captures(tree.rootNode).filter((c) => c.name === 'docstring')) {
    const d = docstringAt(node);
    if (d) out.push(d);
  }
  return out;
}
