import { basename } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { collectSyntax, type FactKind, type PythonSyntax } from '../parsing/pythonSyntax';
import type { IncrementalSyntax } from '../parsing/syntaxFacts';
import type { FactFindings } from './factFindings';
import type { PythonParser } from '../parsing/python';
import { parseTomlDocument, type TomlDocument } from '../parsing/toml';
import type { WorkspaceModel } from '../workspace/model';
import { isExcluded } from '../workspace/scan';
import { RULES } from './registry';
import { Suppressions, type CommentInfo } from './suppression';
import { TextIndex } from './textIndex';
import type { FileKind, Finding, PyprojectRule, PythonRule, Rule, RuleFinding, Severity } from './types';

/** The pseudo-rule for files pyguide could not read (binary, bad UTF-8, too large). */
export const UNREADABLE_FILE = 'unreadable-file';

export function fileKind(file: string): FileKind | undefined {
  if (file.endsWith('.py') || file.endsWith('.pyi')) return 'python';
  if (basename(file) === 'pyproject.toml') return 'pyproject';
  return undefined;
}

export interface LintRequest {
  file: string;
  text: string;
  workspace: WorkspaceModel;
  /** A tree the caller keeps (the server's incremental trees); otherwise one is parsed and freed. */
  tree?: Tree;
  syntax?: PythonSyntax;
  /** The text's line index, when the caller keeps one up to date. */
  index?: TextIndex;
  /** The syntax facts behind `syntax`, kept across edits, and the findings per fact of `each` rules. */
  facts?: IncrementalSyntax;
  factFindings?: FactFindings;
}

export type RuleErrorHandler = (rule: Rule, file: string, error: unknown) => void;

/** Whether only spaces and tabs stand between the line start and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 12) return false;
  }
  return true;
}

function pythonComments(syntax: PythonSyntax, text: string): CommentInfo[] {
  return syntax.commentFacts.map((c) => ({ line: c.line, text: c.text, ownLine: startsLine(text, c.offset) }));
}

function tomlComments(doc: TomlDocument, index: TextIndex): CommentInfo[] {
  if (!doc.ok) return [];
  return doc.ast.comments.map((c) => {
    const line = c.loc.start.line - 1;
    return { line, text: `#${c.value}`, ownLine: index.lineText(line).slice(0, c.loc.start.column).trim() === '' };
  });
}

/** Runs the enabled rules over one file and returns its findings, suppressions applied. */
export class Linter {
  private readonly failed = new Set<string>();

  constructor(
    private readonly parser: PythonParser,
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    readonly rules: readonly Rule[] = RULES,
  ) {}

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

  lint(req: LintRequest): Finding[] {
    const kind = fileKind(req.file);
    const config = req.workspace.config;
    if (!kind || (req.workspace.root && isExcluded(req.workspace.root, req.file, config.exclude))) return [];
    if (req.text.length > config.maxFileSize) {
      return [Linter.unreadable(req.file, `file is ${req.text.length} characters, over the ${config.maxFileSize} limit (pyguide.maxFileSize / max-file-size)`)];
    }
    const active = this.rules
      .filter((r) => r.kind === kind)
      .map((rule) => ({ rule, severity: config.severityOf(rule.id, rule.defaultSeverity) }))
      .filter((r): r is { rule: Rule; severity: Severity } => r.severity !== 'off');
    if (active.length === 0) return [];
    const index = req.index ?? new TextIndex(req.text);
    const base = { file: req.file, text: req.text, index, config, workspace: req.workspace };
    const findings: Finding[] = [];
    const run = (rule: Rule, severity: Severity, check: () => RuleFinding[]) => {
      try {
        // A setting for the rule wins over the finding's own severity.
        const own = config.severity[rule.id] === undefined;
        for (const f of check()) findings.push({ ...f, rule: rule.id, severity: (own && f.severity) || severity, file: req.file });
      } catch (error) {
        const key = `${rule.id}\0${req.file}`;
        if (!this.failed.has(key)) {
          this.failed.add(key);
          this.onRuleError(rule, req.file, error);
        }
      }
    };
    let comments: CommentInfo[];
    if (kind === 'python') {
      const tree = req.tree ?? this.parser.parse(req.text);
      try {
        const syntax = req.syntax ?? collectSyntax(tree);
        const ctx = { ...base, tree, syntax };
        const { facts, factFindings } = req;
        for (const { rule, severity } of active) {
          const r = rule as PythonRule;
          // Rules that check facts one by one re-check only the facts an edit touched.
          if (facts && factFindings?.applies(r)) run(r, severity, () => factFindings.check(r as PythonRule & { each: FactKind }, ctx, facts, tree) ?? r.check(ctx));
          else run(r, severity, () => r.check(ctx));
        }
        comments = pythonComments(syntax, req.text);
      } finally {
        if (!req.tree) tree.delete();
      }
    } else {
      const toml = parseTomlDocument(req.text);
      const ctx = { ...base, toml };
      for (const { rule, severity } of active) {
        const r = rule as PyprojectRule;
        if (toml.ok || r.checksInvalidToml) run(rule, severity, () => r.check(ctx));
      }
      comments = tomlComments(toml, index);
    }
    const suppressions = new Suppressions(comments, this.rules);
    return findings.filter((f) => !suppressions.isSuppressed(f)).sort(compareFindings);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

