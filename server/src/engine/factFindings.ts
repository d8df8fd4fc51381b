// Findings of rules that check their matches one at a time (`scope: 'each'`), kept per fact across
// edits: after a keystroke only the facts the edit touched are checked again; the others keep their
// findings, moved to where their fact now stands.
import { subsetView } from '../parsing/pythonSyntax';
import type { Fact } from '../parsing/syntaxPlan';
import type { ResolvedConfig } from './config';
import { detachedFinding } from './detach';
import type { SyntaxSource } from './pythonSource';
import type { Position, PythonContext, PythonRule, RuleFinding } from './types';

/** What a finding was computed against: it stays valid while the fact only moves by whole lines. */
interface Entry {
  row: number;
  col: number;
  findings: RuleFinding[];
}

interface RuleState {
  config: ResolvedConfig;
  hasErrors: boolean;
  byFact: WeakMap<Fact, Entry>;
  /** The channel's list at the last check, each fact's entry, and where the facts with findings stand in it. */
  last?: { facts: readonly Fact[]; entries: Entry[]; withFindings: number[] };
  /** The rule reported something its declaration does not allow: it runs over the whole file. */
  whole: boolean;
}

/** Per open document: each `each` rule's findings by fact. */
export class FactFindings {
  private readonly rules = new Map<string, RuleState>();

  /** Whether `rule` may run fact by fact here (false once it broke its declaration in this document). */
  applies(rule: PythonRule): boolean {
    return !this.rules.get(rule.id)?.whole;
  }

  /**
   * The rule's findings for the whole file, checking only facts of its channel it has not seen (the
   * source keeps the fact objects that an edit did not touch). Returns undefined when the rule
   * reported something outside the facts it was given; it then runs over the whole file from now on.
   */
  check(rule: PythonRule, channel: number, ctx: PythonContext, source: SyntaxSource & Required<Pick<SyntaxSource, 'facts' | 'matchesOf'>>): RuleFinding[] | undefined {
    let state = this.rules.get(rule.id);
    const hasErrors = ctx.syntax.hasErrors;
    if (!state || state.config !== ctx.config || state.hasErrors !== hasErrors) {
      state = { config: ctx.config, hasErrors, byFact: new WeakMap(), whole: false };
      this.rules.set(rule.id, state);
    }
    const all = source.facts(channel);
    // The same list as at the last check holds the same facts, all seen: only their findings move (an Enter above them).
    const last = state.last;
    if (last && last.facts === all) {
      const out: RuleFinding[] = [];
      for (const i of last.withFindings) out.push(...moved(last.entries[i], all[i]));
      return out;
    }
    // One lookup per fact: its entry, or a place for the fresh ones (a keystroke runs this for every rule and fact).
    const entries: (Entry | undefined)[] = new Array(all.length);
    const fresh: Fact[] = [];
    for (let i = 0; i < all.length; i++) if (!(entries[i] = state.byFact.get(all[i]))) fresh.push(all[i]);
    if (fresh.length > 0) {
      const matches = source.matchesOf(channel, fresh);
      // Older rules read their list from `syntax[each]`; declared ones read `matches`.
      const kind = rule.reads ? undefined : rule.each;
      // Declared rules read `matches`, whose nodes are found only when read: never look them up for the list.
      const found = rule.check({ ...ctx, matches, syntax: subsetView(source.tree, kind, kind ? matches.map((m) => m.node) : []) }).map(detachedFinding);
      const byFact = new Map<Fact, RuleFinding[]>(fresh.map((f) => [f, []]));
      for (const finding of found) {
        const fact = innermost(fresh, finding.range.start);
        if (!fact || !staysOnLines(finding, fact, ctx.file)) {
          state.whole = true;
          return undefined;
        }
        byFact.get(fact)!.push(finding);
      }
      for (const [fact, findings] of byFact) state.byFact.set(fact, { row: fact.startRow, col: fact.startCol, findings });
    }
    // Most facts have no finding: skip them without building a list for each.
    const out: RuleFinding[] = [];
    const withFindings: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const entry = (entries[i] ??= state.byFact.get(all[i])!);
      if (entry.findings.length > 0) {
        withFindings.push(i);
        out.push(...moved(entry, all[i]));
      }
    }
    state.last = { facts: all, entries: entries as Entry[], withFindings };
    return out;
  }
}

const before = (a: Position, row: number, col: number) => a.line < row || (a.line === row && a.character < col);
const after = (a: Position, row: number, col: number) => a.line > row || (a.line === row && a.character > col);

/** The smallest of the facts whose range holds a position (facts nest: a method in a class). */
function innermost(facts: readonly Fact[], p: Position): Fact | undefined {
  let best: Fact | undefined;
  for (const f of facts) {
    if (before(p, f.startRow, f.startCol) || after(p, f.endRow, f.endCol)) continue;
    if (!best || f.end - f.start < best.end - best.start) best = f;
  }
  return best;
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

/** Findings computed when the fact stood at (entry.row, entry.col), moved to where it stands now. */
function moved(entry: Entry, fact: Fact): RuleFinding[] {
  const rows = fact.startRow - entry.row;
  const cols = fact.startCol - entry.col;
  if (rows === 0 && cols === 0) return entry.findings;
  const at = (p: Position): Position => ({ line: p.line + rows, character: p.line === entry.row ? p.character + cols : p.character });
  const range = (r: RuleFinding['range']) => ({ start: at(r.start), end: at(r.end) });
  return entry.findings.map((f) => ({
    ...f,
    range: range(f.range),
    ...(f.related && { related: f.related.map((r) => ({ ...r, range: range(r.range) })) }),
    ...(f.fix && { fix: { ...f.fix, changes: f.fix.changes.map((c) => (c.type === 'edit' ? { ...c, edits: c.edits.map((e) => ({ ...e, range: range(e.range) })) } : c)) } }),
  }));
}
