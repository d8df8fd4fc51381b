import type { Edit, Range as TreeRange, Tree } from 'web-tree-sitter';
import { factOrder, type Fact, type SyntaxPlan } from './syntaxPlan';

export type { Fact } from './syntaxPlan';

/** Past this many pending dirty ranges a full re-collection is cheaper than merging them. */
const MAX_DIRTY_RANGES = 64;

/** Whether a fact intersects or touches [a, b]. */
function touches(f: { start: number; end: number }, a: number, b: number): boolean {
  return f.start <= b && f.end >= a;
}

/** Numbers the changing syncs of every document's facts: one number never names two states. */
let syncs = 0;

/** The first index of a list in document order whose fact starts at or after `offset`. */
function firstStartingAt(list: readonly Fact[], offset: number): number {
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
 * The list with the facts touching [a, b] replaced by `fresh` (the facts of that region, in
 * document order), or the list itself when there is nothing to replace. The facts starting in the
 * region are one run, found by binary search; before it only a fact reaching into the region (one
 * spanning statements, like a `module` match) touches it. Replaced facts are marked gone (`end` -1),
 * as an edit marks the facts it touches. A changed list is a new array: readers take the same
 * array for the same facts.
 */
function replaceRegion(list: Fact[], a: number, b: number, fresh: Fact[]): Fact[] {
  const lo = firstStartingAt(list, a);
  const hi = firstStartingAt(list, b + 1);
  let reaching = 0;
  for (let i = 0; i < lo; i++) if (list[i].end >= a) reaching++;
  if (reaching === 0 && lo === hi && fresh.length === 0) return list;
  for (let i = lo; i < hi; i++) list[i].end = -1;
  if (reaching === 0 && (fresh.length === 0 || fresh[0].start >= a)) return list.slice(0, lo).concat(fresh, list.slice(hi));
  // A fact starting before the region reaches into it: the kept ones before the region and the fresh ones merged in order.
  const out: Fact[] = [];
  let j = 0;
  for (let i = 0; i < lo; i++) {
    const f = list[i];
    while (j < fresh.length && factOrder(fresh[j], f) < 0) out.push(fresh[j++]);
    if (f.end >= a) f.end = -1;
    else out.push(f);
  }
  while (j < fresh.length) out.push(fresh[j++]);
  for (let i = hi; i < list.length; i++) out.push(list[i]);
  return out;
}

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

/**
 * The matches of one document's syntax plan, kept up to date across edits without querying the
 * whole tree.
 *
 * Facts are plain data (offsets, points, capture types, kept text). An edit shifts the facts after
 * it and drops those it touches, remembering their place as dirty. After the re-parse, the dirty
 * ranges and the tree's changed ranges are widened to whole lines and whole top-level statements
 * (a statement whose text did not change can still change its extent, as a function does when a
 * line is added to its body), and the plan's one combined query runs again over those ranges only.
 * A fact object stays the same object for as long as edits leave its statement alone, which is what
 * lets rules keep findings per fact.
 */
export class IncrementalSyntax {
  private currentPlan: SyntaxPlan | undefined;
  private facts: Fact[][] | undefined;
  private dirty: Array<[number, number]> = [];
  /** How many facts could not be found again in a new tree (a bug if ever non-zero). */
  lostFacts = 0;
  /**
   * Which state the facts are in (a number no other state of any document has) and the state the
   * latest sync that changed them started from: a reader that saw `before` needs only `added`.
   */
  generation = { now: 0, before: 0 };
  /** Per channel, the facts the latest changing sync inserted; undefined when it collected them all. */
  private inserted: Fact[][] | undefined;

  /** The plan the facts were collected for. */
  get plan(): SyntaxPlan | undefined {
    return this.currentPlan;
  }

  /** Forgets everything: the next sync collects from scratch. */
  reset(): void {
    this.facts = undefined;
    this.dirty = [];
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
    this.dirty.push([e.startIndex, e.newEndIndex]);
    const rowDelta = e.newEndPosition.row - e.oldEndPosition.row;
    const oldEndRow = e.oldEndPosition.row;
    const colDelta = e.newEndPosition.column - e.oldEndPosition.column;
    for (let channel = 0; channel < facts.length; channel++) {
      // Facts are private plain objects: shifting them in place keeps a keystroke free of allocation.
      const list = facts[channel];
      let touched = false;
      for (const f of list) {
        if (f.end < e.startIndex) continue;
        if (f.start > e.oldEndIndex) {
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
        } else {
          this.dirty.push([mapStart(f.start), mapEnd(f.end)]);
          f.end = -1;
          touched = true;
        }
      }
      if (touched) facts[channel] = list.filter((f) => f.end >= 0);
    }
    if (this.dirty.length > MAX_DIRTY_RANGES) this.reset();
  }

  /** Notes the ranges `oldTree.getChangedRanges(tree)` reported after a re-parse. */
  changed(ranges: readonly TreeRange[]): void {
    if (this.facts) for (const r of ranges) this.dirty.push([r.startIndex, r.endIndex]);
  }

  /**
   * The plan's facts for `tree` (parsed after every edit so far), one list per channel. Only the
   * dirty statements are queried again; a different plan (the enabled rules changed) collects all.
   */
  sync(tree: Tree, text: string, plan: SyntaxPlan): readonly (readonly Fact[])[] {
    if (!this.facts || plan !== this.currentPlan) {
      this.currentPlan = plan;
      this.facts = plan.facts(tree);
      this.dirty = [];
      this.generation = { now: ++syncs, before: this.generation.now };
      this.inserted = undefined;
      return this.facts;
    }
    if (this.dirty.length === 0) return this.facts;
    const regions = coalesce(coalesce(this.dirty).map(([a, b]) => this.widen(tree, text, a, b)));
    this.dirty = [];
    const facts = this.facts;
    const inserted: Fact[][] = facts.map(() => []);
    for (const [a, b] of regions) {
      const captured = plan.facts(tree, { startIndex: Math.max(0, a - 1), endIndex: b + 1 });
      for (let channel = 0; channel < facts.length; channel++) {
        const fresh = captured[channel].filter((f) => touches(f, a, b));
        for (const f of fresh) inserted[channel].push(f);
        // A channel the region leaves alone keeps its list: the same array is the same facts.
        facts[channel] = replaceRegion(facts[channel], a, b, fresh);
      }
    }
    // A fact spanning two regions (a `module` match) was inserted for the first and dropped for the second.
    this.inserted = inserted.map((list) => list.filter((f) => f.end >= 0).sort(factOrder));
    this.generation = { now: ++syncs, before: this.generation.now };
    return facts;
  }

  /** The channel's facts the latest changing sync inserted, in document order; undefined when it collected them all. */
  added(channel: number): readonly Fact[] | undefined {
    return this.inserted?.[channel];
  }

  /** A dirty range, widened to whole lines and then to the top-level statements it touches. */
  private widen(tree: Tree, text: string, a: number, b: number): [number, number] {
    let start = Math.max(text.lastIndexOf('\n', a - 1), text.lastIndexOf('\r', a - 1)) + 1;
    let end = Math.min(b, text.length);
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const root = tree.rootNode;
    const first = root.firstChildForIndex(Math.max(0, start - 1));
    if (first && first.startIndex <= end) start = Math.min(start, first.startIndex);
    const last = root.firstChildForIndex(end);
    if (last && last.startIndex <= end) end = Math.max(end, last.endIndex);
    return [start, end];
  }

  /** The facts as plain data, for tests that compare them with a fresh collection. */
  snapshot(): Fact[][] | undefined {
    return this.facts?.map((list) => list.map((f) => ({ ...f, others: f.others?.map((c) => ({ ...c })) })));
  }
}
