// Findings of rules that check their matches one at a time (`scope: 'each'`), kept per fact across
// edits: after a keystroke only the facts the edit touched are checked again; the others keep their
// findings, moved to where their fact now stands. Only facts with findings are remembered. A rule
// with context (SyntaxNeed.context) is also given every context fact at each check, and checks
// every fact again when the context changed (or at every edit, while its context says findings
// cannot be kept: SyntaxNeed.keepsFindings). A rule that reads the match before each of its
// matches (SyntaxNeed.previous) is given it, and also checks the facts after those an edit
// inserted or dropped.
import type { Tree } from 'web-tree-sitter';
import { subsetView, type PythonSyntax } from '../parsing/pythonSyntax';
import { factOrder, firstStartingAt, mergeInFactOrder, type Fact } from '../parsing/syntaxPlan';
import type { ResolvedConfig } from './config';
import { detachedFinding } from './detach';
import type { SyntaxSource } from './pythonSource';
import type { Finding, Position, PythonContext, PythonRule, Range, RuleFinding } from './types';

/** A fact that has findings, with where it stood when they were computed (they move by whole lines with it). */
interface Entry {
  fact: Fact;
  row: number;
  col: number;
  findings: RuleFinding[];
  /** The findings as reported (see `check`), made again only when they move. */
  reports?: Finding[];
}

interface RuleState {
  config: ResolvedConfig;
  hasErrors: boolean;
  /** The state of the facts (IncrementalSyntax.generation) `entries` are up to date with; undefined before the first check. */
  generation: number | undefined;
  /** The facts with findings, in document order. A fact the rule found nothing in has no entry. */
  entries: readonly Entry[];
  /** The rule reported something its declaration does not allow: it runs over the whole file. */
  whole: boolean;
  /** The channel's context facts (SyntaxNeed.context) the latest check was given, in document order. */
  context: Fact[];
  /** The channel's facts at the latest check (SyntaxNeed.previous: the facts an edit dropped are marked in it, `end` -1). */
  facts: readonly Fact[];
  /** Whether findings of facts an edit did not touch hold with `context` (SyntaxNeed.keepsFindings). */
  keeps: boolean;
}

type IncrementalSource = SyntaxSource & Required<Pick<SyntaxSource, 'facts' | 'matchesOf' | 'generation' | 'added'>>;

/**
 * Per open document: each `each` rule's findings by fact. A keystroke costs a rule the facts its
 * edit inserted plus the facts that have findings, never a look at every fact of its channel: ten
 * team rules reading every call of a long module pay for the calls of the statement typed in.
 */
export class FactFindings {
  private readonly rules = new Map<string, RuleState>();
  /** Facts looked at by the latest check of each rule (fresh ones, with the context given along, plus kept ones with findings): what tests assert a keystroke costs. */
  readonly looked = new Map<string, { fresh: number; kept: number }>();

  /** Whether `rule` may run fact by fact here (false once it broke its declaration in this document). */
  applies(rule: PythonRule): boolean {
    return !this.rules.get(rule.id)?.whole;
  }

  /**
   * The rule's findings for the whole file, checking only facts of its channel it has not seen: the
   * ones the latest sync inserted when the rule saw the state before it and its context stayed,
   * else all of them, as `report` makes them (under one configuration, one finding makes one
   * report: a finding reported again unchanged is the same object). Returns undefined when the rule
   * reported something outside the facts it was given; it then runs over the whole file from now on.
   */
  check(rule: PythonRule, channel: number, ctx: PythonContext, source: IncrementalSource, report: (f: RuleFinding) => Finding): Finding[] | undefined {
    let state = this.rules.get(rule.id);
    const hasErrors = ctx.syntax.hasErrors;
    if (!state || state.config !== ctx.config || state.hasErrors !== hasErrors) {
      state = { config: ctx.config, hasErrors, generation: undefined, entries: [], whole: false, context: [], facts: [], keeps: true };
      this.rules.set(rule.id, state);
    }
    const types = rule.reads?.context;
    const isContext = (f: Fact) => types !== undefined && types.includes(f.type);
    const { now, before } = source.generation;
    let fresh: readonly Fact[] = [];
    let kept = state.entries;
    let context = state.context;
    const previous = rule.reads?.previous === true;
    const all = source.facts(channel);
    const added = state.generation === before && !(previous && types) ? source.added(channel) : undefined;
    /** Facts given only for the fact after them to read (SyntaxNeed.previous): their findings are not taken from this check. */
    let lookups: ReadonlySet<Fact> | undefined;
    if (state.generation === now) {
      // Nothing changed since this rule's last check.
    } else if (state.generation !== undefined && added && state.keeps && !(types && contextChanged(context, added, isContext))) {
      fresh = previous ? withFollowers(all, added, state.facts) : added;
      // The facts an edit touched are gone (`end` -1), their findings with them; the facts checked again lose theirs.
      const again = previous && fresh.length > added.length ? new Set(fresh) : undefined;
      kept = kept.filter((e) => e.fact.end >= 0 && !again?.has(e.fact));
      if (rule.reads?.namesLines) {
        // Findings that name a line in their message are made again where they moved to.
        const moved = kept.filter((e) => e.fact.startRow !== e.row);
        if (moved.length > 0) {
          kept = kept.filter((e) => e.fact.startRow === e.row);
          fresh = mergeInFactOrder(fresh, moved.map((e) => e.fact), (f) => f);
        }
      }
      if (previous && fresh.length > 0) ({ given: fresh, lookups } = withPrevious(all, fresh));
    } else {
      // A first check, the context changed, or the rule keeps nothing with this context: every fact again.
      fresh = all;
      kept = [];
      context = types ? fresh.filter(isContext) : [];
      const keepsFindings = rule.reads?.keepsFindings;
      state.keeps = !keepsFindings || keepsFindings.call(rule.reads, source.matchesOf(channel, context));
    }
    // The rule gets the context with the facts to check (they hold none of it unless all are checked).
    const given = context.length === 0 || fresh.length === 0 || fresh === all ? fresh : mergeInFactOrder(fresh, context, (f) => f);
    const looked = this.looked.get(rule.id);
    if (looked) {
      looked.fresh = given.length;
      looked.kept = kept.length;
    } else this.looked.set(rule.id, { fresh: given.length, kept: kept.length });
    if (given.length > 0) {
      const matches = source.matchesOf(channel, given);
      // Older rules read their list from `syntax[each]`; declared ones read `matches`.
      const kind = rule.reads ? undefined : rule.each;
      // Declared rules read `matches`, whose nodes are found only when read: never look them up for the list.
      const syntax = kind ? subsetView(source.tree, kind, matches.map((m) => m.node)) : emptyView(source.tree);
      const found = rule.check({ ...ctx, matches, syntax }).map(detachedFinding);
      const byFact = new Map<Fact, RuleFinding[]>();
      for (const finding of found) {
        const fact = owner(given, finding.range, types && isContext);
        if (!fact || !staysOnLines(finding, fact, ctx.file)) {
          state.whole = true;
          return undefined;
        }
        if (lookups?.has(fact)) continue;
        const list = byFact.get(fact);
        if (list) list.push(finding);
        else byFact.set(fact, [finding]);
      }
      const entries: Entry[] = [];
      for (const fact of given) {
        const findings = byFact.get(fact);
        if (findings) entries.push({ fact, row: fact.startRow, col: fact.startCol, findings });
      }
      // The context's findings were just reported again: the kept ones would be twice.
      if (types) kept = kept.filter((e) => !isContext(e.fact));
      kept = mergeInFactOrder(kept, entries, (e) => e.fact);
    }
    state.context = context;
    state.facts = previous ? all : [];
    state.entries = kept;
    state.generation = now;
    const out: Finding[] = [];
    for (const entry of kept) {
      if (moves(entry)) {
        move(entry);
        entry.reports = undefined;
      }
      for (const f of (entry.reports ??= entry.findings.map(report))) out.push(f);
    }
    return out;
  }
}

/** The index of `fact` in `list` (document order); -1 when it is not there. */
function indexOf(list: readonly Fact[], fact: Fact): number {
  for (let i = firstStartingAt(list, fact.start); i < list.length && list[i].start === fact.start; i++) if (list[i] === fact) return i;
  return -1;
}

/**
 * The facts a sync inserted, with the facts that now follow an inserted or a dropped one (their
 * fact before changed), in document order. `before` is the channel's list the rule saw last: the
 * facts the sync dropped are marked in it (`end` -1), and the first fact after one that is still
 * there follows where it was (or an inserted fact does, which is checked anyway).
 */
function withFollowers(list: readonly Fact[], added: readonly Fact[], before: readonly Fact[]): readonly Fact[] {
  const followers = new Set<Fact>();
  for (const f of added) {
    const next = list[indexOf(list, f) + 1];
    if (next) followers.add(next);
  }
  for (let i = 0; i < before.length; i++) {
    if (before[i].end >= 0) continue;
    while (i < before.length && before[i].end < 0) i++;
    if (i < before.length) followers.add(before[i]);
  }
  for (const f of added) followers.delete(f);
  if (followers.size === 0) return added;
  return mergeInFactOrder(added, [...followers].sort(factOrder), (f) => f);
}

/** The facts to check, each preceded by the fact before it in the channel (a lookup when it is not checked itself). */
function withPrevious(list: readonly Fact[], fresh: readonly Fact[]): { given: readonly Fact[]; lookups: ReadonlySet<Fact> } {
  const checked = new Set(fresh);
  const lookups = new Set<Fact>();
  for (const f of fresh) {
    const prev = list[indexOf(list, f) - 1];
    if (prev && !checked.has(prev)) lookups.add(prev);
  }
  return { given: lookups.size === 0 ? fresh : mergeInFactOrder(fresh, [...lookups].sort(factOrder), (f) => f), lookups };
}

const emptyViews = new WeakMap<Tree, PythonSyntax>();

/** The syntax view of a declared rule (every list empty: it reads `matches`), one per tree. */
function emptyView(tree: Tree): PythonSyntax {
  let view = emptyViews.get(tree);
  if (!view) emptyViews.set(tree, (view = subsetView(tree, undefined, [])));
  return view;
}

/** Whether a sync changed the context: it dropped a context fact (`end` -1) or inserted one. */
function contextChanged(context: readonly Fact[], added: readonly Fact[], isContext: (f: Fact) => boolean): boolean {
  return context.some((f) => f.end < 0) || added.some(isContext);
}

const before = (a: Position, row: number, col: number) => a.line < row || (a.line === row && a.character < col);
const after = (a: Position, row: number, col: number) => a.line > row || (a.line === row && a.character > col);

/**
 * The fact a finding is about: the smallest of the facts whose range holds the finding's range
 * (facts nest: a method in a class), else the smallest holding its start. Undefined, with
 * `isContext`, when both a context fact and another hold it: which one the finding is about
 * decides whether it is kept, and the engine cannot tell.
 */
function owner(facts: readonly Fact[], range: Range, isContext: ((f: Fact) => boolean) | undefined): Fact | undefined {
  let found = smallest(facts, range.start, range.end, isContext);
  if (found === undefined) found = smallest(facts, range.start, range.start, isContext);
  return found ?? undefined;
}

/** The smallest of the facts holding positions `a` to `b`; null when a context fact and another hold them. */
function smallest(facts: readonly Fact[], a: Position, b: Position, isContext: ((f: Fact) => boolean) | undefined): Fact | null | undefined {
  let best: Fact | undefined;
  let context = false;
  let other = false;
  for (const f of facts) {
    if (before(a, f.startRow, f.startCol) || after(b, f.endRow, f.endCol)) continue;
    if (isContext?.(f)) context = true;
    else other = true;
    if (!best || f.end - f.start < best.end - best.start) best = f;
  }
  return isContext && context && other ? null : best;
}

/** Every place the finding names in this file is on the fact's lines, and nothing elsewhere. */
function staysOnLines(finding: RuleFinding, fact: Fact, file: string): boolean {
  const on = (p: Position) => p.line >= fact.startRow && p.line <= fact.endRow;
  const ranges = [finding.range];
  for (const r of finding.related ?? []) {
    if (r.file !== file) return false;
    ranges.push(r.range);
  }
  for (const c of finding.fix?.changes ?? []) {
    if (c.type !== 'edit' || c.file !== file) return false;
    ranges.push(...c.edits.map((e) => e.range));
  }
  return ranges.every((r) => on(r.start) && on(r.end));
}

/** Whether the entry's fact moved since its findings were placed. */
function moves(entry: Entry): boolean {
  return entry.fact.startRow !== entry.row || entry.fact.startCol !== entry.col;
}

/** Moves the entry's findings to where its fact stands now (and keeps them so, for the next lint). */
function move(entry: Entry): void {
  const { fact } = entry;
  const rows = fact.startRow - entry.row;
  const cols = fact.startCol - entry.col;
  const at = (p: Position): Position => ({ line: p.line + rows, character: p.line === entry.row ? p.character + cols : p.character });
  const range = (r: RuleFinding['range']) => ({ start: at(r.start), end: at(r.end) });
  entry.findings = entry.findings.map((f) => ({
    ...f,
    range: range(f.range),
    ...(f.related && { related: f.related.map((r) => ({ ...r, range: range(r.range) })) }),
    ...(f.fix && { fix: { ...f.fix, changes: f.fix.changes.map((c) => (c.type === 'edit' ? { ...c, edits: c.edits.map((e) => ({ ...e, range: range(e.range) })) } : c)) } }),
  }));
  entry.row = fact.startRow;
  entry.col = fact.startCol;
}
