// The syntax of one Python text for one lint: the plan's matches, from a tree parsed once (the
// CLI) or from a document's incremental facts (the editor), materialized only where a rule reads.
import type { Node, Tree } from 'web-tree-sitter';
import { commentFact, syntaxView, type CommentFact, type FactKind, type PythonSyntax } from '../parsing/pythonSyntax';
import type { IncrementalSyntax } from '../parsing/syntaxFacts';
import { liveMatch, materialize, type Fact, type MatchTree, type SyntaxMatch } from '../parsing/syntaxPlan';
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

type Nodes = { node: Node; captures: Record<string, Node[]> };
type LostHandler = (channel: number, fact: Fact) => Nodes;

/** One channel's matches' tree: the latest lint's, with the nodes read from it so far. */
class ChannelTree implements MatchTree {
  private root: Node | undefined;
  private onLost!: LostHandler;
  /** Dropped with the tree: a node keeps its tree, and the tree the text it was parsed from. */
  private found = new Map<Fact, Nodes>();

  constructor(private readonly channel: number) {}

  /** From now on, the matches read `root`'s tree. */
  use(root: Node, lost: LostHandler): void {
    this.onLost = lost;
    if (root === this.root) return;
    this.root = root;
    if (this.found.size > 0) this.found = new Map();
  }

  nodesOf(fact: Fact): Nodes {
    let nodes = this.found.get(fact);
    if (!nodes) this.found.set(fact, (nodes = materialize(this.root!, fact) ?? this.onLost(this.channel, fact)));
    return nodes;
  }
}

/**
 * The matches a document keeps across edits: one per fact, and each channel's list while its facts
 * stay the same list. A keystroke's module rules read every fact of their channels; making a match
 * for each was most of what a keystroke allocated in a long module.
 */
class KeptMatches {
  private readonly lists = new Map<number, { facts: readonly Fact[]; matches: SyntaxMatch[] }>();
  private readonly trees = new Map<number, ChannelTree>();

  /** The channel's tree, now `root` (every match of the channel reads its nodes from it). */
  tree(channel: number, root: Node, lost: LostHandler): MatchTree {
    let tree = this.trees.get(channel);
    if (!tree) this.trees.set(channel, (tree = new ChannelTree(channel)));
    tree.use(root, lost);
    return tree;
  }

  of(tree: MatchTree, list: readonly Fact[]): SyntaxMatch[] {
    return list.map((f) => (f.match ??= liveMatch(tree, f)));
  }

  /** Every match of a channel: the same list as before while the channel's facts are. */
  all(channel: number, tree: MatchTree, facts: readonly Fact[]): SyntaxMatch[] {
    const kept = this.lists.get(channel);
    if (kept?.facts === facts) return kept.matches;
    const matches = this.of(tree, facts);
    this.lists.set(channel, { facts, matches });
    return matches;
  }
}

const keptMatches = new WeakMap<IncrementalSyntax, KeptMatches>();

/** A document's facts, brought up to date with `tree` by re-querying only what its edits touched. */
export function incrementalSource(tree: Tree, text: string, rp: RulePlan, incremental: IncrementalSyntax): SyntaxSource {
  const facts = incremental.sync(tree, text, rp.plan);
  let kept = keptMatches.get(incremental);
  if (!kept) keptMatches.set(incremental, (kept = new KeptMatches()));
  const root = tree.rootNode;
  const lost = (channel: number, f: Fact) => {
    // Never expected: the facts no longer match the tree. Count it (tests fail on it), start
    // over at the next lint, and read this match from the tree itself.
    incremental.lostFacts++;
    incremental.reset();
    const again = rp.plan.matches(tree)[channel].find((x) => x.start === f.start && x.end === f.end);
    if (!again) throw new Error(`pyguide: a syntax fact of ${f.type} at ${f.start} is not in the tree`);
    return { node: again.node, captures: again.captures as Record<string, Node[]> };
  };
  const matchTree = (channel: number) => kept.tree(channel, root, lost);
  const matchesOf = (channel: number, list: readonly Fact[]): SyntaxMatch[] => kept.of(matchTree(channel), list);
  const matches = (channel: number) => kept.all(channel, matchTree(channel), facts[channel]);
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
