// Every match of a pattern or query in one parsed file, with what each metavariable matched: what
// `pyguide query` prints and the editor's "Test Rule Pattern" shows while a team writes a rule.
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Range } from '../base/text';
import { nodeRange } from '../parsing/pythonSyntax';
import { kindsQuery } from '../parsing/syntaxPlan';
import { BoundedQuery } from '../parsing/boundedMatches';
import { STEP_BUDGET, compileMatcher, quotedCapture, type Matcher } from './compile';
import { Budget } from './match';

export interface PatternHit {
  range: Range;
  /** The matched code's first line. */
  text: string;
  /** `$NAME` -> what it matched, quoted as a message would. */
  bindings: Record<string, string>;
}

export interface CompiledSearch {
  matcher: Matcher;
  query: BoundedQuery;
  dispose(): void;
}

/** Compiles a pattern (or a query) once for many files; throws with `offset` when it is not one. */
export function compileSearch(language: Language, spec: { pattern?: string; query?: string }): CompiledSearch {
  const matcher = compileMatcher(language, spec);
  const source = matcher.reads.query ?? kindsQuery(matcher.reads.kinds ?? []);
  const q = new Query(language, source);
  return { matcher, query: new BoundedQuery(q, language, source), dispose: () => q.delete() };
}

export function findIn(search: CompiledSearch, tree: Tree, text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  const budget = new Budget(STEP_BUDGET);
  for (const m of search.query.matches(tree.rootNode)) {
    const captures: Record<string, Node[]> = {};
    let widest: Node | undefined;
    for (const c of m.captures) {
      (captures[c.name] ??= []).push(c.node);
      if (!widest || c.node.endIndex - c.node.startIndex > widest.endIndex - widest.startIndex) widest = c.node;
    }
    if (!widest) continue;
    const hit = search.matcher.match(widest, captures, budget);
    if (!hit) continue;
    const bindings: Record<string, string> = {};
    for (const [name, nodes] of hit.env) bindings[name] = quotedCapture(text, nodes);
    hits.push({ range: nodeRange(hit.at), text: text.slice(hit.at.startIndex, hit.at.endIndex).split('\n')[0], bindings });
  }
  return hits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
