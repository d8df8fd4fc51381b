// The rules of a Python text too large to parse whole, run piece by piece (parsing/pieces.ts), so
// that only one piece's tree is ever alive. Each piece's tree keeps the positions of the whole
// text, so findings need no mapping. What runs: every `each` rule without module-wide context,
// whose findings depend on the top-level statement holding each fact, on every piece; a
// `headOnly` rule on the first piece, after the others, with the comments of every piece; nothing
// else (a rule that compares statements across the module stays silent on such a file rather than
// be wrong).
import { syntaxView, type CommentFact } from '../parsing/pythonSyntax';
import type { SyntaxMatch } from '../parsing/syntaxPlan';
import { pieces, whole, type Piece, type PieceLimits, type Span } from '../parsing/pieces';
import type { PythonParser } from '../parsing/python';
import { oneShotSource } from './pythonSource';
import { checksEach, readsContext, rulePlan } from './rulePlan';
import type { TextIndex } from './textIndex';
import type { Finding, PythonContext, PythonRule, RuleFinding, Severity } from './types';

export interface PiecewiseRun {
  parser: PythonParser;
  limits: PieceLimits;
  /** The context of the whole text, without syntax. */
  base: Omit<PythonContext, 'tree' | 'syntax' | 'matches'>;
  index: TextIndex;
  rules: readonly { rule: PythonRule; severity: Severity }[];
  /** Where the findings go (the linter's list). */
  findings: Finding[];
  /** Runs one rule's check, adding its findings to `findings`. */
  run(rule: PythonRule, severity: Severity, check: () => RuleFinding[]): void;
}

/** Whether a rule runs on a text parsed in pieces. */
export function runsInPieces(rule: PythonRule): boolean {
  // A rule with module-wide context could miss the context another piece holds.
  return (checksEach(rule) && !readsContext(rule)) || !!rule.headOnly;
}

/** Whether the text is parsed in pieces. */
export function isPiecewise(text: string, limits: PieceLimits): boolean {
  return text.length > limits.from;
}

/** Runs the rules over every piece; returns the comments of the whole text, in order (for suppressions). */
export function checkInPieces(r: PiecewiseRun): CommentFact[] {
  const text = r.base.text;
  const active = r.rules.filter((a) => runsInPieces(a.rule));
  const comments = new Map<number, CommentFact>();
  const all = pieces(text, r.limits);
  const rp = rulePlan(r.parser.language, active.map((a) => a.rule));
  const positionAt = (offset: number) => {
    const p = r.index.positionAt(offset);
    return { row: p.line, column: p.character };
  };
  const runAll = (rules: typeof active, ctx: PythonContext, matches: (channel: number) => readonly SyntaxMatch[]) => {
    for (const { rule, severity } of rules) {
      const error = rp.broken.get(rule);
      const channel = rp.channelOf.get(rule);
      r.run(rule, severity, () => {
        if (error) throw error;
        return rule.check({ ...ctx, matches: channel === undefined ? [] : matches(channel) });
      });
    }
  };
  const each = active.filter((a) => checksEach(a.rule));
  /** Parses and checks one piece; false (nothing kept) when it does not parse, unless `anyway`. */
  const check = (piece: Piece, anyway = false): boolean => {
    const tree = r.parser.parseRanges(text, piece.ranges, positionAt);
    try {
      if (!anyway && tree.rootNode.hasError) return false;
      const source = oneShotSource(tree, rp);
      const mark = r.findings.length;
      runAll(each, { ...r.base, tree, syntax: source.syntax, matches: [] }, source.matches);
      owned(r.findings, mark, piece.own, r.index, r.base.file);
      for (const c of source.comments()) comments.set(c.offset, c);
      return true;
    } finally {
      tree.delete();
    }
  };
  let first = all[0];
  for (let g = 0; g < all.length; ) {
    let end = g;
    while (end < all.length && all[end].group === all[g].group) end++;
    const mark = r.findings.length;
    if (!all[g].partial) {
      // A piece with a syntax error may end inside a statement the scan misread (or hold a real
      // error): it is parsed once more together with the next piece, then taken as it parses.
      const next = all[end];
      if (!check(all[g])) {
        const merged = next && !next.partial ? whole({ start: all[g].own.start, end: next.own.end }, all[g].group) : undefined;
        if (merged && check(merged, true)) end++;
        else check(all[g], true);
        if (g === 0 && merged) first = merged;
      }
    } else {
      let ok = true;
      for (let k = g; k < end && ok; k++) ok = check(all[k]);
      if (!ok) {
        // A run of items cut out of a statement that does not parse on its own (a lambda's
        // parameters, a comprehension's targets): the statement is parsed whole instead.
        r.findings.length = mark;
        const span = { start: all[g].ranges[0].start, end: all[end - 1].ranges[all[end - 1].ranges.length - 1].end };
        const statement = whole(span, all[g].group);
        check(statement, true);
        if (g === 0) first = statement;
      }
    }
    g = end;
  }
  const sorted = [...comments.values()].sort((a, b) => a.offset - b.offset);
  // The rules of the file's head last, on the first piece again, with every comment of the text.
  const head = active.filter((a) => !checksEach(a.rule));
  if (head.length > 0 && first) {
    const tree = r.parser.parseRanges(text, first.ranges, positionAt);
    try {
      const source = oneShotSource(tree, rp);
      const syntax = syntaxView(tree, () => undefined, () => sorted);
      const mark = r.findings.length;
      runAll(head, { ...r.base, tree, syntax, matches: [] }, source.matches);
      // They report at the file's start (its whole first line, say) and fix what the piece holds.
      owned(r.findings, mark, { start: 0, end: first.ranges[first.ranges.length - 1].end }, r.index, r.base.file);
    } finally {
      tree.delete();
    }
  }
  return sorted;
}

/**
 * Keeps of `findings[mark..]` those inside the piece's own text. A fix computed later (deferred)
 * may read the whole module and is not offered; a fix editing this file outside the piece is
 * dropped (its finding stays).
 */
function owned(findings: Finding[], mark: number, own: Span, index: TextIndex, file: string): void {
  const inside = (range: Finding['range']) => index.offsetAt(range.start) >= own.start && index.offsetAt(range.end) <= own.end;
  let out = mark;
  for (let i = mark; i < findings.length; i++) {
    const f = findings[i];
    if (!inside(f.range)) continue;
    let kept: Finding = f;
    if (f.deferredFix) {
      const { deferredFix: _, ...rest } = f;
      kept = rest;
    }
    if (kept.fix?.changes.some((c) => c.type === 'edit' && c.file === file && c.edits.some((e) => !inside(e.range)))) {
      const { fix: _, ...rest } = kept;
      kept = rest;
    }
    findings[out++] = kept;
  }
  findings.length = out;
}
