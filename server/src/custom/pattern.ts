// A team rule's `pattern`: Python source with metavariables, parsed once by tree-sitter into a
// plain tree of what a match must look like. `$NAME` stands for one node, `$$$NAME` (or `$$$`) for
// any number of sibling nodes, `$_` for one node not captured. As in ast-grep, the `$` is swapped
// for a character Python allows in identifiers (`µ`, one UTF-16 unit like `$`, so every offset of
// the parsed pattern is an offset of what the user wrote).
import type { Language, Node } from 'web-tree-sitter';
import { Parser } from 'web-tree-sitter';

/** One node of a pattern. */
export type PatternNode =
  | { kind: 'meta'; name: string | undefined }
  | { kind: 'multi'; name: string | undefined }
  | { kind: 'leaf'; type: string; named: boolean; text: string }
  | { kind: 'node'; type: string; children: PatternNode[] };

export interface Pattern {
  root: PatternNode & { kind: 'node' | 'leaf' };
  /** Node type a candidate must have: the root's. */
  type: string;
  /** Names of the captured metavariables (single and multiple). */
  names: ReadonlySet<string>;
  /**
   * Texts every match holds: the pattern's named leaves (identifiers, numbers, string contents),
   * which match only leaves of the same text. Tested on the text before any node is read.
   */
  fragments: readonly string[];
}

/** A pattern that does not parse or cannot match sensibly; `offset` is in the pattern's own text. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const EXPANDO = 'µ';
const META = /^µ(µµ)?([A-Z_][A-Z0-9_]*)?$/;

/** The pattern text as tree-sitter reads it: `$` before a metavariable name becomes `µ`. */
export function expand(source: string): string {
  return source.replace(/\$\$\$|\$(?=[A-Z_])/g, (m) => EXPANDO.repeat(m.length));
}

function metaOf(text: string): PatternNode | undefined {
  const m = META.exec(text);
  if (!m) return undefined;
  const name = m[2] === undefined || m[2] === '_' ? undefined : m[2];
  if (m[1]) return { kind: 'multi', name };
  return m[2] === undefined ? undefined : { kind: 'meta', name };
}

let parser: Parser | undefined;

/** Parses a pattern; throws a PatternError that says where and why it is not one. */
export function parsePattern(language: Language, source: string): Pattern {
  if (source.trim() === '') throw new PatternError('the pattern is empty', 0);
  if (/µ/.test(source)) throw new PatternError('the pattern holds "µ", which pyguide uses for its metavariables', source.indexOf('µ'));
  const stray = /\$(?![A-Z_$])/.exec(expand(source));
  if (stray) throw new PatternError('a "$" starts a metavariable, whose name is upper case ($NAME, $$$ARGS, $_)', stray.index);
  parser ??= new Parser();
  parser.setLanguage(language);
  const tree = parser.parse(expand(source));
  if (!tree) throw new PatternError('tree-sitter could not parse the pattern', 0);
  try {
    const bad = firstError(tree.rootNode);
    if (bad) {
      const what = bad.isMissing ? `"${bad.type}" is missing` : `"${source.slice(bad.startIndex, Math.min(bad.endIndex, bad.startIndex + 20))}" is not valid Python here`;
      throw new PatternError(`the pattern is not valid Python: ${what}`, bad.startIndex);
    }
    const statements = tree.rootNode.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    if (statements.length !== 1) {
      throw new PatternError(`a pattern is one expression or one statement, not ${statements.length}`, statements[1]?.startIndex ?? 0);
    }
    let top = statements[0];
    // `f(x)` is written as a statement but meant as the call wherever it stands.
    if (top.type === 'expression_statement' && top.namedChildCount === 1 && top.namedChild(0)!.text === top.text) top = top.namedChild(0)!;
    const names = new Set<string>();
    const root = build(top, source, names);
    if (root.kind === 'meta' || root.kind === 'multi') {
      throw new PatternError('a pattern that is only a metavariable matches every node; write the code around it (e.g. `print($X)`)', top.startIndex);
    }
    return { root, type: top.type, names, fragments: [...new Set(namedLeaves(root))] };
  } finally {
    tree.delete();
  }
}

/** Delimiters match in either quote style: their text is not required as written. */
const QUOTES = new Set(['string_start', 'string_end']);

function namedLeaves(node: PatternNode): string[] {
  if (node.kind === 'leaf') return node.named && !QUOTES.has(node.type) && node.text !== '' ? [node.text] : [];
  return node.kind === 'node' ? node.children.flatMap(namedLeaves) : [];
}

function firstError(node: Node): Node | undefined {
  if (!node.hasError && !node.isMissing) return undefined;
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    const found = child && firstError(child);
    if (found) return found;
  }
  return node;
}

function build(node: Node, source: string, names: Set<string>): PatternNode {
  // A node that is nothing but a metavariable (an identifier, or a statement or dotted name
  // wrapping one) is the metavariable.
  if (node.namedChildCount <= 1) {
    const meta = metaOf(node.text);
    if (meta) {
      if (meta.kind !== 'leaf' && meta.kind !== 'node' && meta.name) names.add(meta.name);
      return meta;
    }
  }
  // The text as written: a `$` in a string of the pattern is a `$`. A string's literal text is one
  // piece, escape sequences and all: its children are only the escape sequences, and comparing
  // those alone took 'a\\n' for 'b\\n'.
  if (node.childCount === 0 || node.type === 'string_content') return { kind: 'leaf', type: node.type, named: node.isNamed, text: source.slice(node.startIndex, node.endIndex) };
  const children: PatternNode[] = [];
  for (const child of node.children) if (child && child.type !== 'comment') children.push(build(child, source, names));
  return { kind: 'node', type: node.type, children };
}
