import type { Tree } from 'web-tree-sitter';
import type { EditorOverrides, ResolvedConfig } from './config';
import type { CommentFact } from '../parsing/pythonSyntax';
import type { IncrementalSyntax } from '../parsing/syntaxFacts';
import { detachedFinding } from './detach';
import type { FactFindings } from './factFindings';
import type { PythonParser } from '../parsing/python';
import { incrementalSource, oneShotSource, type SyntaxSource } from './pythonSource';
import { checkInPieces, isPiecewise, runsInPieces } from './piecewise';
import { PIECE_LIMITS, type PieceLimits } from '../parsing/pieces';
import { checksEach, rulePlan } from './rulePlan';
import { firstLineOf, isExtensionless, kindOf } from './fileKinds';
import { KIND_READERS, type BaseContext } from './kindReaders';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceView } from '../workspace/view';
import { isExcluded } from '../workspace/scan';
import { INVALID_CONFIG, PARTIALLY_CHECKED_FILE, UNREADABLE_FILE } from './configSchema';
import { RULES } from './registry';
import { mayDirect, Suppressions, type CommentInfo } from './suppression';
import { KeptSuppressions, startsLine } from './keptSuppressions';
import { TextIndex } from './textIndex';
import type { FileKind, Finding, Fix, PythonContext, PythonRule, Rule, RuleFinding, Severity } from './types';

/** The pseudo-rule for files pyguide could not read (binary, bad UTF-8, too large). */
export { PARTIALLY_CHECKED_FILE, UNREADABLE_FILE } from './configSchema';

/** The kind of a file pyguide lints (engine/fileKinds.ts): by its path, or an extensionless script by its first line. */
export function fileKind(file: string, text?: string): FileKind | undefined {
  // The first line is looked at only for extensionless files: a keystroke in a .py file reads none of its text here.
  return kindOf(file) ?? (text !== undefined && isExtensionless(file) ? kindOf(file, firstLineOf(text)) : undefined);
}

export interface LintRequest {
  file: string;
  text: string;
  workspace: WorkspaceModel;
  /** The editor's settings for the file's folder, on top of the project's configuration. */
  overrides?: EditorOverrides;
  /**
   * `now` (the default): findings carry their fixes. `deferred`: a rule's `fix` hook is left for
   * later (`Linter.fixOf`), so a keystroke never pays for fixes nobody asked for.
   */
  fixes?: 'now' | 'deferred';
  /** What rules see of the workspace; default `workspace` itself (the CLI's cache and the server pass one that records what is read). */
  view?: WorkspaceView;
  /** Filled with the ids of the rules that threw on this lint (their findings are missing). */
  failures?: string[];
}

/** What an open document keeps of its Python text across edits (see OpenDocuments). */
export interface ParsedPython {
  tree: Tree;
  index: TextIndex;
  /** The syntax facts of `tree`, kept across edits, and the findings per fact of `each` rules. */
  facts: IncrementalSyntax;
  factFindings: FactFindings;
}

export type RuleErrorHandler = (rule: Rule, file: string, error: unknown) => void;

/** The comments that may direct suppressions (the others are prose, passed over without a look at their line). */
function pythonComments(comments: readonly CommentFact[], text: string): CommentInfo[] {
  return comments.filter((c) => mayDirect(c.text)).map((c) => ({ line: c.line, text: c.text, ownLine: startsLine(text, c.offset) }));
}

type ActiveRule = { rule: Rule; severity: Severity };

const NO_RULES: readonly Rule[] = [];

/** Runs the enabled rules over one file and returns its findings, suppressions applied. */
export class Linter {
  private readonly failed = new Set<string>();
  /** Each open document's suppressions, kept while its directive comments stay put. */
  private readonly keptSuppressions = new WeakMap<IncrementalSyntax, KeptSuppressions>();
  /** The active rules per configuration and file kind, with the team rules they were made with. */
  private readonly activeRules = new WeakMap<ResolvedConfig, Map<FileKind, { team: readonly Rule[]; active: ActiveRule[] }>>();
  /** The syntax plan of each list of active Python rules. */
  private readonly plans = new WeakMap<ActiveRule[], ReturnType<typeof rulePlan>>();

  constructor(
    private readonly parser: PythonParser,
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    readonly rules: readonly Rule[] = RULES,
    /** When a text that no open document keeps is parsed in pieces (tests inject small limits). */
    private readonly pieceLimits: PieceLimits = PIECE_LIMITS,
  ) {}

  /** An engine report as the configuration wants it: at its configured severity, or none when turned off. */
  static reported(config: ResolvedConfig, finding: Finding): Finding[] {
    const severity = config.severityOf(finding.rule, finding.severity);
    return severity === 'off' ? [] : [{ ...finding, severity }];
  }

  /** The informational finding that says a file was checked in pieces, and which enabled rules did not run on it. */
  static partiallyChecked(file: string, length: number, limit: number, skipped: readonly string[]): Finding {
    const mb = (n: number) => (n >= 1e5 ? `${Math.round(n / 1e5) / 10} MB` : `${Math.round(n / 1e3)} KB`);
    return {
      rule: PARTIALLY_CHECKED_FILE,
      severity: 'info',
      file,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `pyguide checked this ${mb(length)} file in pieces (files over ${mb(limit)}), so the rules that look across the whole module did not run on it: ${skipped.join(', ')}.`,
    };
  }

  /** A finding that says why a file was not linted. */
  static unreadable(file: string, reason: string): Finding {
    return {
      rule: UNREADABLE_FILE,
      severity: 'info',
      file,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `pyguide did not lint this file: ${reason}`,
    };
  }

  /** Lints a text parsed for this lint only (the CLI, fix-all passes, closed files). */
  lint(req: LintRequest): Finding[] {
    return this.run(req, undefined);
  }

  /** Lints an open document's text with what it keeps across edits: only what an edit touched is checked again. */
  lintParsed(req: LintRequest, parsed: ParsedPython): Finding[] {
    return this.run(req, parsed);
  }

  /** The fix of a finding whose rule defers it, computed against the text of `req`. */
  fixOf(req: LintRequest, parsed: ParsedPython | undefined, finding: RuleFinding & { rule: string }): Fix | undefined {
    const rule = this.rules.find((r) => r.id === finding.rule);
    if (!rule?.fix || !finding.deferredFix) return undefined;
    const config = req.workspace.configFor(req.overrides);
    const base = { file: req.file, text: req.text, index: parsed?.index ?? new TextIndex(req.text), config, workspace: req.view ?? req.workspace };
    try {
      if (rule.kind !== 'python') {
        const reading = KIND_READERS[rule.kind](base);
        return reading.runs(rule) ? deferredFixOf(rule, finding, reading.ctx) : undefined;
      }
      // The plan of every active rule, as the lint had: another plan would make the document's
      // kept facts start over (and its next keystroke collect the whole file again).
      return this.withPython(req, parsed, this.active('python', config, req.workspace), (ctx) => rule.fix!(ctx, finding)) as Fix | undefined;
    } catch (error) {
      this.reportOnce(rule, req.file, error);
      return undefined;
    }
  }

  /**
   * The rules that run on a file under a configuration: the session's, then the workspace's team
   * rules. The same list (one object) while the configuration and the team rules stay: a keystroke
   * finds its rule plan by it.
   */
  private active(kind: FileKind, config: ResolvedConfig, workspace: WorkspaceModel): ActiveRule[] {
    const team = kind === 'python' ? workspace.customRules : NO_RULES;
    let byKind = this.activeRules.get(config);
    if (!byKind) this.activeRules.set(config, (byKind = new Map()));
    const known = byKind.get(kind);
    if (known?.team === team) return known.active;
    const active = (team.length > 0 ? [...this.rules, ...team] : this.rules)
      .filter((r) => r.kind === kind)
      .map((rule) => ({ rule, severity: config.severityOf(rule.id, rule.defaultSeverity) }))
      .filter((r): r is ActiveRule => r.severity !== 'off');
    byKind.set(kind, { team, active });
    return active;
  }

  /** The syntax plan of the active Python rules. */
  private planOf(tree: Tree, active: ActiveRule[]): ReturnType<typeof rulePlan> {
    let plan = this.plans.get(active);
    if (!plan) this.plans.set(active, (plan = rulePlan(tree.language, active.map((a) => a.rule as PythonRule))));
    return plan;
  }

  /** Runs `body` with the Python context of `req` (its tree parsed for the occasion unless `parsed` keeps one). */
  private withPython<T>(req: LintRequest, parsed: ParsedPython | undefined, active: ActiveRule[], body: (ctx: PythonContext, source: SyntaxSource, rp: ReturnType<typeof rulePlan>) => T): T {
    const tree = parsed?.tree ?? this.parser.parse(req.text);
    try {
      const rp = this.planOf(tree, active);
      const source: SyntaxSource = parsed ? incrementalSource(tree, req.text, rp, parsed.facts) : oneShotSource(tree, rp);
      const config = req.workspace.configFor(req.overrides);
      const ctx: PythonContext = { file: req.file, text: req.text, index: parsed?.index ?? new TextIndex(req.text), config, workspace: req.view ?? req.workspace, tree, syntax: source.syntax, matches: [] };
      return body(ctx, source, rp);
    } finally {
      if (!parsed) tree.delete();
    }
  }

  /** Computes the deferred fixes of `findings` in place; a rule whose fix throws is reported and offers none. */
  private fixNow(findings: Finding[], ctx: PythonContext | BaseContext, failures?: string[]): void {
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      if (!f.deferredFix || f.fix) continue;
      const rule = this.rules.find((r) => r.id === f.rule);
      try {
        const fix = deferredFixOf(rule, f, ctx);
        const { deferredFix: _, ...rest } = f;
        findings[i] = fix ? { ...rest, fix } : rest;
      } catch (error) {
        failures?.push(f.rule);
        if (rule) this.reportOnce(rule, f.file, error);
      }
    }
  }

  private reportOnce(rule: Rule, file: string, error: unknown): void {
    const key = `${rule.id}\0${file}`;
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.onRuleError(rule, file, error);
  }

  private run(req: LintRequest, parsed: ParsedPython | undefined): Finding[] {
    const kind = fileKind(req.file, req.text);
    const config = req.workspace.configFor(req.overrides);
    // A folder that neither configures pyguide nor is a Genkit workspace gets no findings and no edits.
    if (!kind || !req.workspace.activation.active || (req.workspace.root && isExcluded(req.workspace.root, req.file, config.exclude))) return [];
    if (req.text.length > config.maxFileSize) {
      return Linter.reported(config, Linter.unreadable(req.file, `file is ${req.text.length} characters, over the ${config.maxFileSize} limit (pyguide.maxFileSize / max-file-size)`));
    }
    const active = this.active(kind, config, req.workspace);
    if (active.length === 0) return [];
    const findings: Finding[] = [];
    /** A rule's finding as reported: a setting for the rule wins over the finding's own severity. */
    const reporter = (rule: Rule, severity: Severity) => {
      const own = config.severity[rule.id] === undefined;
      return (f: RuleFinding): Finding => ({ ...f, rule: rule.id, severity: (own && f.severity) || severity, file: req.file, ...(rule.docs && { docs: rule.docs }) });
    };
    const attempt = (rule: Rule, body: () => void) => {
      try {
        body();
      } catch (error) {
        req.failures?.push(rule.id);
        this.reportOnce(rule, req.file, error);
      }
    };
    const run = (rule: Rule, severity: Severity, check: () => RuleFinding[]) =>
      attempt(rule, () => {
        const report = reporter(rule, severity);
        for (const f of check()) findings.push(report(detachedFinding(f)));
      });
    let kept: Finding[];
    if (kind === 'python' && !parsed && isPiecewise(req.text, this.pieceLimits)) {
      const index = new TextIndex(req.text);
      const base = { file: req.file, text: req.text, index, config, workspace: req.view ?? req.workspace };
      const rules = active.map((a) => ({ rule: a.rule as PythonRule, severity: a.severity }));
      const comments = checkInPieces({ parser: this.parser, limits: this.pieceLimits, base, index, rules, findings, run });
      // Silent is not clean: say which enabled rules did not look at this file.
      const skipped = rules.filter((a) => !runsInPieces(a.rule)).map((a) => a.rule.id);
      if (skipped.length > 0) findings.push(...Linter.reported(config, Linter.partiallyChecked(req.file, req.text.length, this.pieceLimits.from, skipped)));
      kept = this.unsuppressed(findings, pythonComments(comments, req.text));
    } else if (kind === 'python') {
      kept = this.withPython(req, parsed, active, (ctx, source, rp) => {
        for (const { rule, severity } of active) {
          const r = rule as PythonRule;
          const error = rp.broken.get(r);
          if (error) {
            run(r, severity, () => {
              throw error;
            });
            continue;
          }
          const channel = rp.channelOf.get(r);
          const whole = () => r.check({ ...ctx, matches: channel === undefined ? [] : source.matches(channel) });
          // Rules that check matches one by one re-check only the facts an edit touched.
          const factFindings = parsed?.factFindings;
          if (channel !== undefined && checksEach(r) && factFindings?.applies(r) && source.facts && source.matchesOf && source.generation && source.added) {
            const incremental = { ...source, facts: source.facts, matchesOf: source.matchesOf, generation: source.generation, added: source.added };
            // Findings kept across edits already hold no piece of any document, and come reported.
            let kept: Finding[] | undefined;
            attempt(r, () => {
              kept = factFindings.check(r, channel, ctx, incremental, reporter(r, severity));
              if (kept) for (const f of kept) findings.push(f);
            });
            if (!kept) run(r, severity, whole);
          } else run(r, severity, whole);
        }
        const unsuppressed = this.unsuppressedBy(findings, this.suppressionsOf(req.text, source, rp.comments, parsed));
        if (req.fixes !== 'deferred') this.fixNow(unsuppressed, ctx, req.failures);
        return unsuppressed;
      });
    } else {
      const reading = KIND_READERS[kind]({ file: req.file, text: req.text, index: new TextIndex(req.text), config, workspace: req.view ?? req.workspace });
      for (const { rule, severity } of active) {
        const check = rule.check as (ctx: BaseContext) => RuleFinding[];
        if (reading.runs(rule)) run(rule, severity, () => check(reading.ctx));
      }
      kept = this.unsuppressed(findings, reading.comments);
      if (req.fixes !== 'deferred') this.fixNow(kept, reading.ctx, req.failures);
    }
    return kept.sort(compareFindings);
  }

  private unsuppressed(findings: Finding[], comments: CommentInfo[]): Finding[] {
    return this.unsuppressedBy(findings, new Suppressions(comments, this.rules));
  }

  private unsuppressedBy(findings: Finding[], suppressions: Suppressions): Finding[] {
    if (suppressions.none) return findings;
    // A comment cannot silence a broken configuration: it would stay broken, and quietly.
    return findings.filter((f) => f.rule === INVALID_CONFIG || !suppressions.isSuppressed(f));
  }

  /** The suppressions of a Python text: an open document's kept across edits, any other's read from its comments. */
  private suppressionsOf(text: string, source: SyntaxSource, channel: number, parsed: ParsedPython | undefined): Suppressions {
    const list = source.facts?.(channel);
    if (!parsed || !list || !source.generation || !source.added) return new Suppressions(pythonComments(source.comments(), text), this.rules);
    let kept = this.keptSuppressions.get(parsed.facts);
    if (!kept) this.keptSuppressions.set(parsed.facts, (kept = new KeptSuppressions()));
    return kept.of({ list, generation: source.generation, added: source.added(channel) }, text, this.rules);
  }

  /** The kept suppressions of an open document, for tests. */
  keptSuppressionsOf(parsed: ParsedPython): KeptSuppressions | undefined {
    return this.keptSuppressions.get(parsed.facts);
  }
}

/** The fix of a finding whose rule defers it, computed against `ctx` (the text the finding is for). */
export function deferredFixOf(rule: Rule | undefined, finding: RuleFinding, ctx: PythonContext | BaseContext): Fix | undefined {
  if (!finding.deferredFix || !rule?.fix) return undefined;
  // The context is the one the engine read for the rule's kind (KIND_READERS or the Python path).
  return (rule.fix as (ctx: PythonContext | BaseContext, finding: RuleFinding) => Fix | undefined)(ctx, finding);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
