// Docstrings as Python defines them: a plain string literal (no f-string, no concatenation) that is
// the first statement of a module, class or function body. Only positions are kept, never nodes.
import type { Node, Tree } from 'web-tree-sitter';
import type { Position } from '../engine/types';
import type { PythonSyntax } from '../parsing/pythonSyntax';

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

/** The docstring of a module node or of a class/function body block, if it has one. */
function docstringOf(body: Node | null, owner: DocstringOwner): Docstring | undefined {
  const first = body?.namedChildren.find((c) => c?.type !== 'comment');
  if (first?.type !== 'expression_statement' || first.namedChildCount !== 1) return undefined;
  const str = first.namedChild(0);
  if (str?.type !== 'string') return undefined;
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
  return docstringOf(tree.rootNode, 'module');
}

/** Every docstring of a file: the module's, then each class's and function's, in document order. */
export function docstrings(tree: Tree, syntax: Pick<PythonSyntax, 'classes' | 'functions'>): Docstring[] {
  const out: Docstring[] = [];
  const mod = moduleDocstring(tree);
  if (mod) out.push(mod);
  for (const node of [...syntax.classes, ...syntax.functions]) {
    const d = docstringOf(node.childForFieldName('body'), node.type === 'class_definition' ? 'class' : 'function');
    if (d) out.push(d);
  }
  return out.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}
