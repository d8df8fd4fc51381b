import type { Edit, Node, Range as TreeRange, Tree } from 'web-tree-sitter';
import { captureFacts, FACT_KINDS, FACT_TYPES, type CommentFact, type FactKind, type PythonSyntax } from './pythonSyntax';

/** A fact node as plain data: it outlives the tree it came from and moves with edits. */
export interface Fact {
  start: number;
  end: number;
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
  /** Comments keep their text, so suppressions never need the tree. */
  text?: string;
}

export type Facts = Record<FactKind, Fact[]>;

/** Past this many pending dirty ranges a full re-collection is cheaper than merging them. */
const MAX_DIRTY_RANGES = 64;

function toFact(node: Node, kind: FactKind): Fact {
  const s = node.startPosition;
  const e = node.endPosition;
  return { start: node.startIndex, end: node.endIndex, startRow: s.row, startCol: s.column, endRow: e.row, endCol: e.column, text: kind === 'comments' ? node.text : undefined };
}

function toFacts(captured: Record<FactKind, Node[]>): Facts {
  const out = {} as Facts;
  for (const kind of FACT_KINDS) out[kind] = captured[kind].map((n) => toFact(n, kind));
  return out;
}

/** Whether a fact intersects or touches [a, b]. */
function touches(f: { start: number; end: number }, a: number, b: number): boolean {
  return f.start <= b && f.end >= a;
}

/** Merges two lists sorted by start into one, outer facts first on equal starts, as a query returns them. */
function mergeSorted(a: Fact[], b: Fact[]): Fact[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Fact[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.start < y.start || (x.start === y.start && x.end >= y.end)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
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
 * The syntax facts of one document, kept up to date across edits without querying the whole tree.
 *
 * Facts are plain data (offsets, points, comment text). An edit shifts the facts after it and drops
 * those it touches, remembering their place as dirty. After the re-parse, the dirty ranges and the
 * tree's changed ranges are widened to whole lines and whole top-level statements (a statement
 * whose text did not change can still change its extent, as a function does when a line is added
 * to its body), and only those ranges are queried again. Rules still get web-tree-sitter nodes of
 * the current tree: each list is found again by range the first time a rule reads it.
 */
export class IncrementalSyntax {
  private facts: Facts | undefined;
  private dirty: Array<[number, number]> = [];
  private view: { tree: Tree; syntax: PythonSyntax } | undefined;
  /** How many fact ranges could not be found again in a new tree (a bug if ever non-zero). */
  lostFacts = 0;

  /** Forgets everything: the next update collects from scratch. */
  reset(): void {
    this.facts = undefined;
    this.dirty = [];
    this.view = undefined;
  }

  /** Applies one text change, given as the same edit the tree received. */
  edit(e: Edit): void {
    this.view = undefined;
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
    for (const kind of FACT_KINDS) {
      // Facts are private plain objects: shifting them in place keeps a keystroke free of allocation.
      const list = facts[kind];
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
        } else {
          this.dirty.push([mapStart(f.start), mapEnd(f.end)]);
          f.end = -1;
          touched = true;
        }
      }
      if (touched) facts[kind] = list.filter((f) => f.end >= 0);
    }
    if (this.dirty.length > MAX_DIRTY_RANGES) this.reset();
  }

  /**
   * Brings the facts up to date with the tree parsed after the edits. `changed` are the ranges
   * `oldTree.getChangedRanges(tree)` reported (empty for a first parse).
   */
  update(tree: Tree, text: string, changed: readonly TreeRange[]): void {
    this.view = undefined;
    if (!this.facts) {
      this.collectAll(tree);
      return;
    }
    const pending: Array<[number, number]> = [...this.dirty, ...changed.map((r): [number, number] => [r.startIndex, r.endIndex])];
    this.dirty = [];
    if (pending.length === 0) return;
    const regions = coalesce(coalesce(pending).map(([a, b]) => this.widen(tree, text, a, b)));
    const facts = this.facts;
    for (const [a, b] of regions) {
      const captured = captureFacts(tree, { startIndex: Math.max(0, a - 1), endIndex: b + 1 });
      for (const kind of FACT_KINDS) {
        const fresh = captured[kind].filter((n) => touches({ start: n.startIndex, end: n.endIndex }, a, b)).map((n) => toFact(n, kind));
        facts[kind] = mergeSorted(
          facts[kind].filter((f) => !touches(f, a, b)),
          fresh,
        );
      }
    }
  }

  private collectAll(tree: Tree): void {
    this.facts = toFacts(captureFacts(tree));
    this.dirty = [];
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

  /** The facts as rules read them: nodes of `tree`, found again by range on first use. */
  syntax(tree: Tree): PythonSyntax {
    if (this.view?.tree === tree) return this.view.syntax;
    if (!this.facts) this.collectAll(tree);
    const facts = this.facts!;
    const syntax = this.makeView(tree, (kind) => this.materialize(tree, kind, facts[kind]), () => facts.comments);
    this.view = { tree, syntax };
    return syntax;
  }

  /** The current facts of one kind, as plain data; the same objects for as long as an edit leaves them be. */
  list(tree: Tree, kind: FactKind): readonly Fact[] {
    if (!this.facts) this.collectAll(tree);
    return this.facts![kind];
  }

  /** A view with only some facts of one kind (and no others), for rules that check facts one by one. */
  subset(tree: Tree, kind: FactKind, facts: readonly Fact[]): PythonSyntax {
    return this.makeView(tree, (k) => (k === kind ? this.materialize(tree, kind, facts) : []), () => []);
  }

  private makeView(tree: Tree, nodesOf: (kind: FactKind) => Node[], comments: () => readonly Fact[]): PythonSyntax {
    const nodes: Partial<Record<FactKind, Node[]>> = {};
    const lazy = (kind: FactKind) => (nodes[kind] ??= nodesOf(kind));
    let hasErrors: boolean | undefined;
    let commentFacts: CommentFact[] | undefined;
    return {
      get comments() {
        return lazy('comments');
      },
      get imports() {
        return lazy('imports');
      },
      get functions() {
        return lazy('functions');
      },
      get classes() {
        return lazy('classes');
      },
      get hasErrors() {
        return (hasErrors ??= tree.rootNode.hasError);
      },
      get commentFacts() {
        return (commentFacts ??= comments().map((f) => ({ offset: f.start, line: f.startRow, column: f.startCol, text: f.text ?? '' })));
      },
    };
  }

  private materialize(tree: Tree, kind: FactKind, facts: readonly Fact[]): Node[] {
    const types = FACT_TYPES[kind];
    const root = tree.rootNode;
    const out: Node[] = [];
    for (const f of facts) {
      let n: Node | null = root.descendantForIndex(f.start, f.end);
      // The smallest node spanning the range is the fact itself unless a wrapper shares its extent.
      while (n && !(n.startIndex === f.start && n.endIndex === f.end && types.includes(n.type))) n = n.startIndex === f.start && n.endIndex === f.end ? n.parent : null;
      if (!n) {
        // Never expected: the facts no longer match the tree. Count it (tests fail on it) and let
        // the next update collect everything again; this time, capture the nodes from the tree.
        this.lostFacts++;
        this.facts = undefined;
        return captureFacts(tree, facts.length > 0 ? { startIndex: facts[0].start, endIndex: facts[facts.length - 1].end } : undefined)[kind];
      }
      out.push(n);
    }
    return out;
  }

  /** The facts as plain data, for tests that compare them with a fresh collection. */
  snapshot(): Facts | undefined {
    return this.facts && Object.fromEntries(FACT_KINDS.map((k) => [k, this.facts![k].map((f) => ({ ...f }))])) as Facts;
  }
}
