import type { Edit, Node, Range as TreeRange, Tree } from 'web-tree-sitter';
import { factOrder, firstStartingAt, rootOf, type Fact, type SyntaxPlan } from './syntaxPlan';

export type { Fact } from './syntaxPlan';

/** Past this many pending dirty ranges a full re-collection is cheaper than merging them. */
const MAX_DIRTY_RANGES = 64;

/** Whether a node lies within [a, b]. */
function inside(f: { start: number; end: number }, a: number, b: number): boolean {
  return f.start >= a && f.end <= b;
}

/** Numbers the changing syncs of every document's facts: one number never names two states. */
let syncs = 0;

/** Sorts and joins ranges that overlap or touch. */
function coalesce(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Line breaks, spaces, tabs, form feeds: what lies between statements. */
function blank(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 11;
}

/** The node types whose children are statements. */
const BODY = new Set(['block', 'module']);

/**
 * The part of the tree whose matches a dirty range of a rooted plan can change, as a plan re-derives
 * them: the matches hanging from nodes inside [a, b] (queried under `within`: that node whole, or
 * over [a, b] for several statements), and those hanging from a node of `chain`, the nodes holding
 * the range (queried at each node only).
 */
interface Region {
  /** The whole lines of the dirty range: [from, to], `to` at a line break or the text's end. */
  from: number;
  to: number;
  /** The statements re-queried: [a, b] holds their nodes. For blank lines, the lines themselves. */
  a: number;
  b: number;
  /** The node queried whole (one statement), or over [a, b] (several, or the top-level fallback); none for blank lines. */
  within: Node | undefined;
  whole: boolean;
  /** The nodes holding the statements, innermost first. */
  chain: Node[];
}

/** The node and its ancestors, innermost first. */
function chainOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = node; n; n = n.parent) out.push(n);
  return out;
}

/**
 * Whether a node of the new tree is the one a fact's root was: same type and same start, or the
 * tree's root (text typed before its first token moves its start without touching it).
 */
function sameNode(c: Node, start: number, type: string): boolean {
  return c.type === type && (c.startIndex === start || c.parent === null);
}

/** Whether the fact's match hangs from one of these nodes. */
function rootedIn(fact: Fact, chain: readonly Node[]): boolean {
  const r = rootOf(fact);
  for (const c of chain) if (sameNode(c, r.start, r.type)) return true;
  return false;
}

/**
 * The matches of one document's syntax plan, kept up to date across edits without querying the
 * whole tree.
 *
 * Facts are plain data (offsets, points, capture types, kept text, the node the match hangs from).
 * An edit shifts the facts after it and drops those whose match's root it touches. After the
 * re-parse, each dirty range (the edits' and the tree's changed ranges) is widened to whole lines
 * and then to the innermost statement holding those lines (several sibling statements when the
 * lines hold several): the matches under that statement are queried again, and the matches hanging
 * from each of its ancestors (a method's, its class's, the module's) are queried at that node only.
 * A fact an edit dropped that no such region re-derives (a function a dedent shortened) gets a
 * region of its own at its first line. Where the tree has syntax errors, or had them at the latest
 * sync, error recovery can reshape it in ways its changed ranges do not show: the ranges are
 * widened to whole top-level statements instead (a statement whose text did not change can still
 * change its extent), with the module's own matches. A plan with a pattern that has no single root
 * is collected afresh. A fact object stays the same object for as long as edits leave its match
 * alone, which is what lets rules keep findings per fact.
 */
export class IncrementalSyntax {
  private currentPlan: SyntaxPlan | undefined;
  private facts: Fact[][] | undefined;
  private dirty: Array<[number, number]> = [];
  /** The roots of the matches edits dropped since the latest sync: [start, end, type], moved with later edits. */
  private dropped: Array<[number, number, string]> = [];
  /** Whether the tree of the latest sync had syntax errors. */
  private errors = false;
  /** Per channel, whether some fact has a root apart from its node (a scan finds those). */
  private deep: boolean[] = [];
  /** How many facts could not be found again in a new tree (a bug if ever non-zero). */
  lostFacts = 0;
  /**
   * Which state the facts are in (a number no other state of any document has) and the state the
   * latest sync that changed them started from: a reader that saw `before` needs only `added`.
   */
  generation = { now: 0, before: 0 };
  /** Per channel, the facts the latest changing sync inserted; undefined when it collected them all. */
  private inserted: Fact[][] | undefined;
  /** What the latest changing sync re-queried, for tests: whole top-level statements, or statements and their ancestors. */
  lastSync: 'all' | 'top-level' | 'statements' | undefined;

  /** The plan the facts were collected for. */
  get plan(): SyntaxPlan | undefined {
    return this.currentPlan;
  }

  /** Forgets everything: the next sync collects from scratch. */
  reset(): void {
    this.facts = undefined;
    this.dirty = [];
    this.dropped = [];
  }

  /** Applies one text change, given as the same edit the tree received. */
  edit(e: Edit): void {
    const facts = this.facts;
    if (!facts) return;
    const delta = e.newEndIndex - e.oldEndIndex;
    const mapStart = (x: number) => (x < e.startIndex ? x : x > e.oldEndIndex ? x + delta : e.startIndex);
    const mapEnd = (x: number) => (x < e.startIndex ? x : x > e.oldEndIndex ? x + delta : e.newEndIndex);
    for (const range of this.dirty) {
      range[0] = mapStart(range[0]);
      range[1] = mapEnd(range[1]);
    }
    for (const root of this.dropped) {
      root[0] = mapStart(root[0]);
      root[1] = mapEnd(root[1]);
    }
    this.dirty.push([e.startIndex, e.newEndIndex]);
    const rowDelta = e.newEndPosition.row - e.oldEndPosition.row;
    const oldEndRow = e.oldEndPosition.row;
    const colDelta = e.newEndPosition.column - e.oldEndPosition.column;
    const firstDropped = this.dropped.length;
    for (let channel = 0; channel < facts.length; channel++) {
      // Facts are private plain objects: shifting them in place keeps a keystroke free of allocation.
      const list = facts[channel];
      let touched = false;
      for (const f of list) {
        const root = f.root;
        if ((root ? root.end : f.end) < e.startIndex) continue;
        if ((root ? root.start : f.start) > e.oldEndIndex) {
          if (f.startRow === oldEndRow) f.startCol += colDelta;
          if (f.endRow === oldEndRow) f.endCol += colDelta;
          f.start += delta;
          f.end += delta;
          f.startRow += rowDelta;
          f.endRow += rowDelta;
          const others = f.others;
          if (others)
            for (const c of others) {
              c.start += delta;
              c.end += delta;
            }
          if (root) {
            root.start += delta;
            root.end += delta;
          }
        } else {
          const r = rootOf(f);
          this.drop(mapStart(r.start), mapEnd(r.end), r.type, firstDropped);
          f.end = -1;
          touched = true;
        }
      }
      if (touched) facts[channel] = list.filter((f) => f.end >= 0);
    }
    if (this.dirty.length + this.dropped.length > MAX_DIRTY_RANGES) this.reset();
  }

  /** Notes a dropped match's root once (the matches of one node share it). */
  private drop(start: number, end: number, type: string, from: number): void {
    for (let i = from; i < this.dropped.length; i++) {
      const d = this.dropped[i];
      if (d[0] === start && d[1] === end && d[2] === type) return;
    }
    this.dropped.push([start, end, type]);
  }

  /** Notes the ranges `oldTree.getChangedRanges(tree)` reported after a re-parse. */
  changed(ranges: readonly TreeRange[]): void {
    if (this.facts) for (const r of ranges) this.dirty.push([r.startIndex, r.endIndex]);
  }

  /**
   * The plan's facts for `tree` (parsed after every edit so far), one list per channel. Only what
   * the edits can have changed is queried again; a different plan (the enabled rules changed)
   * collects all.
   */
  sync(tree: Tree, text: string, plan: SyntaxPlan): readonly (readonly Fact[])[] {
    const errors = tree.rootNode.hasError;
    // A pattern without a single root (a sibling sequence, a quantified run) can gain or lose a
    // match at a sibling no range of the edit touches: such a plan is collected afresh.
    if (!this.facts || plan !== this.currentPlan || (!plan.rooted && (this.dirty.length > 0 || this.dropped.length > 0))) {
      this.currentPlan = plan;
      this.facts = plan.facts(tree);
      this.deep = this.facts.map((list) => list.some((f) => f.root !== undefined));
      this.dirty = [];
      this.dropped = [];
      this.errors = errors;
      this.generation = { now: ++syncs, before: this.generation.now };
      this.inserted = undefined;
      this.lastSync = 'all';
      return this.facts;
    }
    if (this.dirty.length === 0 && this.dropped.length === 0) return this.facts;
    // Error recovery can reshape the tree around an edit in ways its changed ranges do not show.
    const narrow = !errors && !this.errors;
    this.errors = errors;
    this.syncRegions(plan, narrow ? this.statementRegions(tree, text) : this.topLevelRegions(tree, text));
    this.dirty = [];
    this.dropped = [];
    this.lastSync = narrow ? 'statements' : 'top-level';
    this.generation = { now: ++syncs, before: this.generation.now };
    return this.facts;
  }

  /** A rooted plan with errors in a tree: whole top-level statements, and the module's own matches. */
  private topLevelRegions(tree: Tree, text: string): Region[] {
    const dirty = [...this.dirty, ...this.dropped.map(([a, b]): [number, number] => [a, b])];
    const chain = [tree.rootNode];
    return coalesce(coalesce(dirty).map(([a, b]) => this.widen(tree, text, a, b))).map(([a, b]) => ({ from: a, to: b, a, b, within: tree.rootNode, whole: false, chain }));
  }

  /**
   * A rooted plan: the innermost statements holding each dirty range's lines, regions that meet
   * joined, and a region at the first line of each dropped root no region re-derives.
   */
  private statementRegions(tree: Tree, text: string): Region[] {
    let lines = coalesce(this.dirty.map(([a, b]) => this.lines(text, a, b)));
    for (;;) {
      const regions = this.joined(tree, text, lines);
      const missed = this.dropped.filter(([start, , type]) => !regions.some((r) => (start >= Math.min(r.from, r.a) && start <= Math.max(r.to, r.b)) || r.chain.some((c) => sameNode(c, start, type))));
      if (missed.length === 0) return regions;
      lines = coalesce([...regions.map((r): [number, number] => [r.from, r.to]), ...missed.map(([start]) => this.lines(text, start, start))]);
    }
  }

  /** The regions of these line ranges, joined until no two meet (a joined range can hold a larger statement). */
  private joined(tree: Tree, text: string, lines: Array<[number, number]>): Region[] {
    let regions = lines.map(([from, to]) => this.statementRegion(tree, text, from, to));
    for (;;) {
      regions.sort((x, y) => Math.min(x.from, x.a) - Math.min(y.from, y.a));
      let met = false;
      const out: Region[] = [];
      for (const r of regions) {
        const last = out[out.length - 1];
        if (last && Math.min(r.from, r.a) <= Math.max(last.to, last.b) + 1) {
          met = true;
          out[out.length - 1] = this.statementRegion(tree, text, Math.min(last.from, r.from), Math.max(last.to, r.to));
        } else out.push(r);
      }
      regions = out;
      if (!met) return regions;
    }
  }

  /** The innermost statement (or run of sibling statements) holding the text of lines [from, to], and its ancestors. */
  private statementRegion(tree: Tree, text: string, from: number, to: number): Region {
    let c0 = from;
    while (c0 < to && blank(text.charCodeAt(c0))) c0++;
    let c1 = to;
    while (c1 > c0 && blank(text.charCodeAt(c1 - 1))) c1--;
    const root = tree.rootNode;
    let n = (c0 < c1 ? root.descendantForIndex(c0, c1) : root.descendantForIndex(from, to)) ?? root;
    for (;;) {
      if (BODY.has(n.type) || !n.parent) {
        // Blank lines between statements: only the matches of the nodes holding them can change.
        if (c0 >= c1) return { from, to, a: from, b: to, within: undefined, whole: false, chain: chainOf(n) };
        const first = n.firstChildForIndex(c0);
        const last = n.firstChildForIndex(c1 - 1);
        if (first && last && first.startIndex < c1 && last.startIndex < c1) {
          if (first.id === last.id) return { from, to, a: first.startIndex, b: first.endIndex, within: first, whole: true, chain: chainOf(n) };
          return { from, to, a: first.startIndex, b: last.endIndex, within: n, whole: false, chain: chainOf(n) };
        }
        return { from, to, a: from, b: to, within: n, whole: false, chain: chainOf(n) };
      }
      const parent = n.parent;
      if (BODY.has(parent.type)) return { from, to, a: n.startIndex, b: n.endIndex, within: n, whole: true, chain: chainOf(parent) };
      n = parent;
    }
  }

  /**
   * Replaces, in every channel, the facts whose match hangs from a node in a region's [a, b] or
   * from a node of its chain with those the tree holds now.
   */
  private syncRegions(plan: SyntaxPlan, regions: readonly Region[]): void {
    const facts = this.facts!;
    // Every chain ends at the tree's root; it is kept last.
    const chain: Node[] = [];
    const seen = new Set<number>();
    for (const r of regions)
      for (const c of r.chain.slice(0, -1))
        if (!seen.has(c.id)) {
          seen.add(c.id);
          chain.push(c);
        }
    if (regions.length > 0) chain.push(regions[0].chain[regions[0].chain.length - 1]);
    const fresh: Fact[][] = facts.map(() => []);
    const spans: Array<[number, number]> = [];
    for (const r of regions) {
      if (!r.within) continue;
      const { a, b } = r;
      spans.push([a, b]);
      if (r.whole) plan.collect(fresh, r.within, 'under');
      else plan.collect(fresh, r.within, 'under', { startIndex: Math.max(0, a - 1), endIndex: b + 1, keep: (f) => inside(rootOf(f), a, b) && !rootedIn(f, chain) });
    }
    for (const c of chain) plan.collect(fresh, c, 'at');
    this.inserted = fresh.map((list, channel) => {
      list.sort(factOrder);
      if (list.length > 0 && list.some((f) => f.root !== undefined)) this.deep[channel] = true;
      facts[channel] = replaceFacts(facts[channel], spans, chain, list, this.deep[channel]);
      return list;
    });
  }

  /** The channel's facts the latest changing sync inserted, in document order; undefined when it collected them all. */
  added(channel: number): readonly Fact[] | undefined {
    return this.inserted?.[channel];
  }

  /** A range widened to whole lines: from a line's start to a line break or the text's end. */
  private lines(text: string, a: number, b: number): [number, number] {
    // Not lastIndexOf('\r'): in a file with no CR it would read the whole text before `a`.
    let start = Math.min(Math.max(0, a), text.length);
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
    let end = Math.min(b, text.length);
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    return [Math.min(start, end), end];
  }

  /** A dirty range, widened to whole lines and then to the top-level statements it touches. */
  private widen(tree: Tree, text: string, a: number, b: number): [number, number] {
    let [start, end] = this.lines(text, a, b);
    const root = tree.rootNode;
    const first = root.firstChildForIndex(Math.max(0, start - 1));
    if (first && first.startIndex <= end) start = Math.min(start, first.startIndex);
    const last = root.firstChildForIndex(end);
    if (last && last.startIndex <= end) end = Math.max(end, last.endIndex);
    return [start, end];
  }

  /** The facts as plain data, for tests that compare them with a fresh collection. */
  snapshot(): Fact[][] | undefined {
    return this.facts?.map((list) => list.map(({ match: _, ...f }) => ({ ...f, others: f.others?.map((c) => ({ ...c })), ...(f.root && { root: { ...f.root } }) })));
  }
}

/**
 * The list without the facts whose match hangs from a node inside one of `spans` or from a node of
 * `chain` (the tree's root last; marked gone, `end` -1), with `fresh` (in document order) merged in; the list itself when
 * nothing changes. When every fact of the channel hangs from its own node, those are the facts
 * starting in a span that end in it, and the facts starting where a chain node starts with its
 * type: found by binary search. When some fact hangs from a node apart (`deep`), every fact is
 * looked at.
 */
function replaceFacts(list: Fact[], spans: ReadonlyArray<[number, number]>, chain: readonly Node[], fresh: Fact[], deep: boolean): Fact[] {
  const gone: number[] = [];
  if (deep) {
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      const r = rootOf(f);
      if (spans.some(([a, b]) => inside(r, a, b)) || rootedIn(f, chain)) gone.push(i);
    }
  } else {
    for (const [a, b] of spans) {
      const hi = firstStartingAt(list, b + 1);
      for (let i = firstStartingAt(list, a); i < hi; i++) if (list[i].end <= b) gone.push(i);
    }
    chain.forEach((c, k) => {
      // The tree's root holds every fact: its own come first, wherever it started before.
      const start = k === chain.length - 1 ? list[0]?.start : c.startIndex;
      for (let i = firstStartingAt(list, start); i < list.length && list[i].start === start; i++) if (list[i].type === c.type) gone.push(i);
    });
    if (gone.length > 1) gone.sort((x, y) => x - y);
  }
  if (gone.length === 0 && fresh.length === 0) return list;
  const out: Fact[] = [];
  let g = 0;
  let j = 0;
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    if (g < gone.length && gone[g] === i) {
      while (g < gone.length && gone[g] === i) g++;
      f.end = -1;
      continue;
    }
    while (j < fresh.length && factOrder(fresh[j], f) < 0) out.push(fresh[j++]);
    out.push(f);
  }
  while (j < fresh.length) out.push(fresh[j++]);
  return out;
}
