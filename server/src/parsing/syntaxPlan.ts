// The combined pass: every syntax declaration of the enabled rules (node kinds or a tree-sitter
// query, see SyntaxNeed) becomes one channel of a single query, so one walk of the tree (or of an
// edit's changed statements) collects what every rule reads. Nothing here knows a rule or a node
// kind: a rule with a new kind declares it and the plan grows a channel.
import { CaptureQuantifier, Query, type Language, type Node, type QueryCapture, type Tree } from 'web-tree-sitter';
import { detached } from '../base/strings';
import { BoundedQuery } from './boundedMatches';
import { ROOT_CAPTURE, rootCaptured, rootTypes } from './queryRoots';

/**
 * One match of a declared syntax need, as rules read it. Where the match is and what type its node
 * has are plain data; `node` and `captures` are found in the tree when first read, so a rule that
 * decides from the text at `start` (a name after `def`, say) pays nothing for the others.
 */
export interface SyntaxMatch {
  /** The node's type and where it is (UTF-16 offsets; 0-based row and column of its start). */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly startRow: number;
  readonly startCol: number;
  /** The match's widest capture: for a `kinds` declaration, the node of that kind. */
  readonly node: Node;
  /** Every capture of the match by name (a quantified capture may hold several nodes). */
  readonly captures: Readonly<Record<string, readonly Node[]>>;
}

/** A captured node as plain data. */
export interface CaptureFact {
  name: string;
  type: string;
  start: number;
  end: number;
}

/** A match as plain data: it outlives the tree it came from and moves with edits. */
export interface Fact {
  start: number;
  end: number;
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
  /** Type and capture name of the match's node. */
  type: string;
  name: string;
  /** The match's other captures, when it has any. */
  others?: CaptureFact[];
  /** The node's text, for channels that keep it (comments: suppressions never need the tree). */
  text?: string;
  /**
   * The node the match hangs from (its pattern's root), when the plan knows it and it is not the
   * fact's own node: `(class_definition body: (block (function_definition name: (identifier) @m)))`
   * reports the name but depends on the whole class.
   */
  root?: FactRoot;
  /** The match a document's lints hand rules for this fact, made once (engine/pythonSource.ts); not part of what the fact says. */
  match?: SyntaxMatch;
}

/** Where a match's root node is, and its type. */
export interface FactRoot {
  start: number;
  end: number;
  type: string;
}

/** The range and type of the node a fact's match hangs from: its root when it has one apart, else its own node. */
export function rootOf(fact: Fact): FactRoot {
  return fact.root ?? fact;
}

/** What one channel collects. */
export interface ChannelSpec {
  source: string;
  /** Keep each match's node text (copied, never a slice of the document). */
  keepText?: boolean;
}

/** The capture name a `kinds` declaration's query gives its nodes. */
export const KIND_CAPTURE = 'node';

/** The query of a `kinds` declaration. */
export function kindsQuery(kinds: readonly string[]): string {
  return `[${kinds.map((k) => `(${k})`).join(' ')}] @${KIND_CAPTURE}`;
}

/** A query that does not compile, with tree-sitter's reason. */
export class QueryError extends Error {}

const patternCounts = new WeakMap<Language, Map<string, number | QueryError>>();

let compilations = 0;

/** How many query sources this process has compiled (tree-sitter's compile has a cost per query: the CLI pays it at start). */
export function queryCompilations(): number {
  return compilations;
}

function compile(language: Language, source: string): Query {
  compilations++;
  return new Query(language, source);
}

function countsOf(language: Language): Map<string, number | QueryError> {
  let counts = patternCounts.get(language);
  if (!counts) patternCounts.set(language, (counts = new Map()));
  return counts;
}

/** How many patterns a query source holds; throws a QueryError when it does not compile. */
export function checkQuery(language: Language, source: string): number {
  const counts = countsOf(language);
  let n = counts.get(source);
  if (n === undefined) {
    try {
      const q = compile(language, source);
      n = q.patternCount();
      q.delete();
      if (n === 0) n = new QueryError('the query holds no pattern');
    } catch (e) {
      n = new QueryError((e as Error).message);
    }
    if (counts.size >= MAX_COUNTED_SOURCES) counts.clear();
    counts.set(source, n);
  }
  if (n instanceof QueryError) throw n;
  return n;
}

/** Text a query parser skips between patterns: white space and `;` comments. */
const BLANK_OR_COMMENTS = /^(?:\s|;[^\n]*)*$/;

/**
 * The sources joined into one query, compiled once, with how many patterns each holds; undefined
 * when that does not show each source compiles on its own: the joined query does not compile, a
 * source holds no pattern, or a pattern runs from one source into the next (a source that does not
 * close, completed by the one after it). Compiling each source alone costs tree-sitter's analysis
 * of the grammar once per source, several times the joined compile, so it is left for the case
 * where some source is broken and must be named.
 */
function compiledTogether(language: Language, sources: readonly string[]): { query: Query; counts: number[] } | undefined {
  const joined = sources.join('\n');
  let query: Query;
  try {
    query = compile(language, joined);
  } catch {
    return undefined;
  }
  // Pattern offsets are bytes of the UTF-8 source; each source and its newline in turn.
  const bytes = Buffer.from(joined, 'utf8');
  const ends: number[] = [];
  let at = 0;
  for (const s of sources) ends.push((at += Buffer.byteLength(s, 'utf8') + 1));
  const counts = sources.map(() => 0);
  let source = 0;
  for (let p = 0; p < query.patternCount(); p++) {
    const start = query.startIndexForPattern(p);
    while (source < sources.length && start >= ends[source]) source++;
    // A pattern's end includes the blanks and comments after it; anything else past its source's end is part of it.
    const end = query.endIndexForPattern(p);
    if (source === sources.length || (end > ends[source] && !BLANK_OR_COMMENTS.test(bytes.subarray(ends[source], end).toString('utf8')))) {
      query.delete();
      return undefined;
    }
    counts[source]++;
  }
  if (counts.some((n) => n === 0)) {
    query.delete();
    return undefined;
  }
  const known = countsOf(language);
  sources.forEach((s, i) => {
    if (known.size < MAX_COUNTED_SOURCES) known.set(s, counts[i]);
  });
  return { query, counts };
}

/** Whether `a` comes before `b` in document order, outer matches first on equal starts. */
export function factOrder(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** The first index of a list in document order whose fact starts at or after `offset`. */
export function firstStartingAt(list: readonly Fact[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Two lists, each in document order (`factOf` gives an item's fact; `a`'s item first on a tie), as
 * one; a list itself when the other is empty.
 */
export function mergeInFactOrder<T>(a: readonly T[], b: readonly T[], factOf: (item: T) => { start: number; end: number }): readonly T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(factOrder(factOf(a[i]), factOf(b[j])) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The node types the patterns of these sources hang from; undefined when one may hang from any node (a wildcard, a supertype). */
function concreteRootTypes(language: Language, sources: readonly string[]): ReadonlySet<string> | undefined {
  const types = new Set<string>();
  for (const source of sources) {
    const own = rootTypes(source);
    if (!own) return undefined;
    for (const t of own) types.add(t);
  }
  const supertypes = new Set(language.supertypes.map((id) => language.nodeTypeForId(id)));
  return [...types].some((t) => supertypes.has(t)) ? undefined : types;
}

/** Whether every pattern of the query has a single root node and captures it once as ROOT_CAPTURE. */
function capturesEveryRoot(query: Query): boolean {
  const id = query.captureNames.indexOf(ROOT_CAPTURE);
  if (id < 0) return false;
  for (let p = 0; p < query.patternCount(); p++) {
    if (!query.isPatternRooted(p) || query.captureQuantifiers[p][id] !== CaptureQuantifier.One) return false;
  }
  return true;
}

/** The smallest node with this range and type (a wrapper may share a node's extent). */
export function nodeAt(root: Node, start: number, end: number, type: string): Node | undefined {
  let n: Node | null = root.descendantForIndex(start, end);
  while (n && !(n.startIndex === start && n.endIndex === end && n.type === type)) {
    if (n.startIndex < start || n.endIndex > end) return holding(root, start, end, type);
    n = n.parent;
  }
  return n ?? holding(root, start, end, type);
}

/**
 * The smallest node with this range and type among all those whose range holds it. Where nodes
 * meet, several hold one offset: `descendantForIndex` goes down one of them, which misses an empty
 * node (an identifier tree-sitter's error recovery inserted as MISSING, as in `str.(x)`) beside a
 * node that starts there.
 */
function holding(n: Node, start: number, end: number, type: string): Node | undefined {
  for (const c of n.children) {
    if (c.startIndex > start) break;
    if (c.endIndex < end) continue;
    const inner = holding(c, start, end, type);
    if (inner) return inner;
  }
  return n.startIndex === start && n.endIndex === end && n.type === type ? n : undefined;
}

const plans = new WeakMap<Language, Map<string, SyntaxPlan>>();

/**
 * Plans kept per language. Each set of enabled rules (team rules included) is a plan, so a person
 * editing a team rule's pattern makes a new one at every keystroke in pyproject.toml; the oldest
 * unused ones are dropped. A dropped plan is not deleted: a session may still hold it, and
 * web-tree-sitter frees its query once nothing does.
 */
export const MAX_PLANS = 32;

/** Query sources whose pattern count is remembered (plain numbers; cleared when full). */
const MAX_COUNTED_SOURCES = 1000;

/** The channels of one set of enabled rules, compiled into a single query. */
export class SyntaxPlan {
  private readonly query: BoundedQuery;
  /** Channel of each pattern of the combined query. */
  private readonly channelOf: Int32Array;
  /**
   * Whether every pattern captures its root node (ROOT_CAPTURE): each fact then knows the node its
   * match hangs from, and an edit can re-derive matches from the statement it touched and that
   * statement's ancestors. A plan with a pattern that has no single root (a sibling sequence, a
   * quantified pattern) is not rooted: an edit has it collected afresh (see IncrementalSyntax.sync).
   */
  readonly rooted: boolean;
  /**
   * The node types a match can hang from, when the sources say (undefined: any). An edit
   * re-derives the matches hanging from each ancestor of what it touched; an ancestor of another
   * type has none, and asking tree-sitter still walks its children (every top-level statement,
   * for the module).
   */
  private readonly roots: ReadonlySet<string> | undefined;

  private constructor(
    language: Language,
    readonly channels: readonly ChannelSpec[],
  ) {
    const original = channels.map((c) => c.source);
    const injected = original.map(rootCaptured);
    let together = injected.every((s) => s !== undefined) ? compiledTogether(language, injected as string[]) : undefined;
    if (together && !capturesEveryRoot(together.query)) {
      together.query.delete();
      together = undefined;
    }
    this.rooted = together !== undefined;
    const sources = this.rooted ? (injected as string[]) : original;
    together ??= compiledTogether(language, original);
    const counts = together?.counts ?? channels.map((c) => checkQuery(language, c.source));
    this.channelOf = new Int32Array(counts.reduce((a, b) => a + b, 0));
    let p = 0;
    counts.forEach((n, channel) => this.channelOf.fill(channel, p, (p += n)));
    const source = sources.join('\n');
    const query = together?.query ?? compile(language, source);
    this.query = new BoundedQuery(query, language, source);
    this.roots = this.rooted ? concreteRootTypes(language, original) : undefined;
  }

  /** Whether these channels compile as one plan, each on its own too (compiled once when they do). Never throws. */
  static compiles(language: Language, channels: readonly ChannelSpec[]): boolean {
    try {
      SyntaxPlan.for(language, channels);
      return true;
    } catch {
      return false;
    }
  }

  /** The plan for these channels (compiled once per language and channel list). Throws a QueryError for a bad source. */
  static for(language: Language, channels: readonly ChannelSpec[]): SyntaxPlan {
    let byKey = plans.get(language);
    if (!byKey) plans.set(language, (byKey = new Map()));
    const key = JSON.stringify(channels.map((c) => [c.source, !!c.keepText]));
    let plan = byKey.get(key);
    if (plan) byKey.delete(key);
    else plan = new SyntaxPlan(language, channels);
    // Insertion order is use order: the first key is the least recently used.
    byKey.set(key, plan);
    if (byKey.size > MAX_PLANS) byKey.delete(byKey.keys().next().value!);
    return plan;
  }

  /**
   * Hands each match to `each` with its channel, its widest capture and its root node (undefined
   * when the plan is not rooted). The root capture is not among the captures handed on.
   */
  private each(matches: readonly { patternIndex: number; captures: QueryCapture[] }[], each: (channel: number, node: Node, captures: readonly QueryCapture[], root: Node | undefined) => void): void {
    for (const match of matches) {
      let widest: Node | undefined;
      let root: Node | undefined;
      let captures = match.captures;
      if (this.rooted) {
        captures = captures.filter((c) => {
          if (c.name !== ROOT_CAPTURE) return true;
          root = c.node;
          return false;
        });
      }
      for (const c of captures) if (!widest || c.node.endIndex - c.node.startIndex > widest.endIndex - widest.startIndex) widest = c.node;
      if (widest) each(this.channelOf[match.patternIndex], widest, captures, root);
    }
  }

  /**
   * Runs the combined query over the tree, or only over `[startIndex, endIndex)` (matches whose
   * nodes intersect it), and hands each match to `each` (see `each`).
   */
  private run(tree: Tree, range: { startIndex: number; endIndex: number } | undefined, each: (channel: number, node: Node, captures: readonly QueryCapture[], root: Node | undefined) => void): void {
    this.each(this.query.matches(tree.rootNode, range), each);
  }

  /** A match as plain data. */
  private fact(channel: number, node: Node, captures: readonly QueryCapture[], root: Node | undefined): Fact {
    const s = node.startPosition;
    const e = node.endPosition;
    const fact: Fact = { start: node.startIndex, end: node.endIndex, startRow: s.row, startCol: s.column, endRow: e.row, endCol: e.column, type: node.type, name: '', match: undefined };
    const others: CaptureFact[] = [];
    for (const c of captures) {
      if (c.node === node && !fact.name) fact.name = c.name;
      else others.push({ name: c.name, type: c.node.type, start: c.node.startIndex, end: c.node.endIndex });
    }
    if (others.length > 0) fact.others = others;
    if (this.channels[channel].keepText) fact.text = detached(node.text);
    if (root && (root.startIndex !== fact.start || root.endIndex !== fact.end || root.type !== fact.type)) fact.root = { start: root.startIndex, end: root.endIndex, type: root.type };
    return fact;
  }

  /** The matches as plain data, one list per channel in document order. */
  facts(tree: Tree, range?: { startIndex: number; endIndex: number }): Fact[][] {
    const out: Fact[][] = this.channels.map(() => []);
    this.run(tree, range, (channel, node, captures, root) => out[channel].push(this.fact(channel, node, captures, root)));
    for (const list of out) list.sort(factOrder);
    return out;
  }

  /**
   * Adds to `out` (one list per channel, in no particular order) the matches that hang from `node`
   * itself (`at`: a rooted plan's root capture is that node), or from `node` or any node below it
   * (`under`); with `range`, only the matches under `node` intersecting it that `keep` accepts.
   */
  collect(out: Fact[][], node: Node, how: 'at' | 'under', range?: { startIndex: number; endIndex: number; keep: (fact: Fact) => boolean }): void {
    if (how === 'at' && this.roots && !this.roots.has(node.type)) return;
    const matches = how === 'at' ? this.query.rootedAt(node) : this.query.matches(node, range);
    this.each(matches, (channel, widest, captures, root) => {
      const fact = this.fact(channel, widest, captures, root);
      if (!range || range.keep(fact)) out[channel].push(fact);
    });
  }

  /** The matches with the current tree's nodes, one list per channel (a tree parsed once: the CLI). */
  matches(tree: Tree): SyntaxMatch[][] {
    const out: SyntaxMatch[][] = this.channels.map(() => []);
    this.run(tree, undefined, (channel, node, list) => {
      const captures: Record<string, Node[]> = {};
      for (const c of list) (captures[c.name] ??= []).push(c.node);
      const s = node.startPosition;
      out[channel].push({ node, captures, type: node.type, start: node.startIndex, end: node.endIndex, startRow: s.row, startCol: s.column });
    });
    for (const list of out) list.sort(factOrder);
    return out;
  }
}

/** The match's nodes, found again in a tree that holds them; undefined when it does not (a bug if ever). */
export function materialize(root: Node, fact: Fact): { node: Node; captures: Record<string, Node[]> } | undefined {
  const node = nodeAt(root, fact.start, fact.end, fact.type);
  if (!node) return undefined;
  const captures: Record<string, Node[]> = { [fact.name]: [node] };
  for (const c of fact.others ?? []) {
    const n = nodeAt(root, c.start, c.end, c.type);
    if (!n) return undefined;
    (captures[c.name] ??= []).push(n);
  }
  return { node, captures };
}

/** Where the matches of one channel of a document find their nodes: the tree of the latest lint. */
export interface MatchTree {
  /** The fact's nodes in that tree. */
  nodesOf(fact: Fact): { node: Node; captures: Record<string, Node[]> };
}

/**
 * A fact as a match, its nodes found in the tree of the lint when first read. It reads where the
 * fact stands now: a document keeps one per fact across edits (a keystroke would otherwise make
 * one for every fact a module rule reads), so it is valid while the check it was handed to runs,
 * like the tree. It keeps no node: a node keeps its tree, and the tree the text it was parsed from.
 */
export function liveMatch(tree: MatchTree, fact: Fact): SyntaxMatch {
  return new LiveMatch(tree, fact);
}

/** A class, not an object literal with getters: a literal's getters would be closures of their own. */
class LiveMatch implements SyntaxMatch {
  constructor(
    private readonly tree: MatchTree,
    private readonly fact: Fact,
  ) {}

  get type(): string {
    return this.fact.type;
  }

  get start(): number {
    return this.fact.start;
  }

  get end(): number {
    return this.fact.end;
  }

  get startRow(): number {
    return this.fact.startRow;
  }

  get startCol(): number {
    return this.fact.startCol;
  }

  private nodes(): { node: Node; captures: Record<string, Node[]> } {
    return this.tree.nodesOf(this.fact);
  }

  get node(): Node {
    return this.nodes().node;
  }

  get captures(): Record<string, Node[]> {
    return this.nodes().captures;
  }
}
