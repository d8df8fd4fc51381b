// The syntax of one Python text for one lint: the plan's matches, from a tree parsed once (the
// CLI) or from a document's incremental facts (the editor), materialized only where a rule reads.
import type { Node, Tree } from 'web-tree-sitter';
import { commentFact, syntaxView, type CommentFact, type FactKind, type PythonSyntax } from '../parsing/pythonSyntax';
import type { IncrementalSyntax } from '../parsing/syntaxFacts';
import { lazyMatch, type Fact, type SyntaxMatch } from '../parsing/syntaxPlan';
import type { RulePlan } from './rulePlan';

export interface SyntaxSource {
  readonly tree: Tree;
  /** The channel's facts as plain data, kept across edits; only an incremental source has them. */
  facts?(channel: number): readonly Fact[];
  /** Which state the facts are in, and the one the latest change started from (IncrementalSyntax.generation). */
  generation?: { readonly now: number; readonly before: number };
  /** The channel's facts that change inserted; undefined when it collected them all. */
  added?(channel: number): readonly Fact[] | undefined;
  /** Some of the channel's facts, as matches of this tree. */
  matchesOf?(channel: number, facts: readonly Fact[]): SyntaxMatch[];
  /** Every match of a channel. */
  matches(channel: number): readonly SyntaxMatch[];
  /** The built-in fact lists. */
  readonly syntax: PythonSyntax;
  /** The comments as plain data, for suppressions. */
  comments(): readonly CommentFact[];
}

const nodesOf = (matches: readonly SyntaxMatch[]): Node[] => matches.map((m) => m.node);

/** A tree parsed once: one run of the combined query, nodes as captured. */
export function oneShotSource(tree: Tree, rp: RulePlan): SyntaxSource {
  let lists: SyntaxMatch[][] | undefined;
  const matches = (channel: number) => (lists ??= rp.plan.matches(tree))[channel];
  const comments = () => matches(rp.comments).map((m) => commentFact(m.node));
  const listOf = (kind: FactKind) => {
    const channel = rp.lists[kind];
    return channel === undefined ? undefined : nodesOf(matches(channel));
  };
  return { tree, matches, comments, syntax: syntaxView(tree, listOf, comments) };
}

/** A document's facts, brought up to date with `tree` by re-querying only what its edits touched. */
export function incrementalSource(tree: Tree, text: string, rp: RulePlan, incremental: IncrementalSyntax): SyntaxSource {
  const facts = incremental.sync(tree, text, rp.plan);
  const all = new Map<number, SyntaxMatch[]>();
  const root = tree.rootNode;
  const matchesOf = (channel: number, list: readonly Fact[]): SyntaxMatch[] => {
    // One handler for the channel, not one per match (a keystroke makes a match per fact a module rule reads).
    const lost = (f: Fact) => {
      // Never expected: the facts no longer match the tree. Count it (tests fail on it), start
      // over at the next lint, and read this match from the tree itself.
      incremental.lostFacts++;
      incremental.reset();
      const again = rp.plan.matches(tree)[channel].find((x) => x.start === f.start && x.end === f.end);
      if (!again) throw new Error(`pyguide: a syntax fact of ${f.type} at ${f.start} is not in the tree`);
      return { node: again.node, captures: again.captures as Record<string, Node[]> };
    };
    return list.map((f) => lazyMatch(root, f, lost));
  };
  const matches = (channel: number) => {
    let m = all.get(channel);
    if (!m) all.set(channel, (m = matchesOf(channel, facts[channel])));
    return m;
  };
  // The rules of one channel are handed the same inserted facts: one list of matches serves them
  // all, so a node is looked up once however many of them read it.
  const shared = new Map<readonly Fact[], SyntaxMatch[]>();
  const matchesOfShared = (channel: number, list: readonly Fact[]): SyntaxMatch[] => {
    if (list === facts[channel]) return matches(channel);
    let m = shared.get(list);
    if (!m) shared.set(list, (m = matchesOf(channel, list)));
    return m;
  };
  const comments = () => facts[rp.comments].map((f) => ({ offset: f.start, line: f.startRow, column: f.startCol, text: f.text ?? '' }));
  const listOf = (kind: FactKind) => {
    const channel = rp.lists[kind];
    return channel === undefined ? undefined : nodesOf(matches(channel));
  };
  return { tree, facts: (channel) => facts[channel], generation: incremental.generation, added: (channel) => incremental.added(channel), matchesOf: matchesOfShared, matches, comments, syntax: syntaxView(tree, listOf, comments) };
}
