// The engine's vocabulary. Positions are 0-based lines and UTF-16 columns, as LSP counts them;
// only the CLI turns them into 1-based numbers for people.
import type { Node, Tree } from 'web-tree-sitter';
import type { ResolvedConfig } from './config';
import type { TextIndex } from './textIndex';
import type { TomlDocument } from '../parsing/toml';
import type { WorkspaceView } from '../workspace/view';
import type { FactKind, PythonSyntax } from '../parsing/pythonSyntax';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One change a fix makes; paths are absolute. */
export type FileChange =
  | { type: 'edit'; file: string; edits: TextEdit[] }
  | { type: 'create'; file: string; content: string }
  | { type: 'rename'; from: string; to: string }
  | { type: 'delete'; file: string };

export interface Fix {
  title: string;
  /** Safe fixes are applied by fix-all and `--fix`; unsafe ones only on request. */
  safe: boolean;
  changes: FileChange[];
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** What a rule reports; the engine adds the rule id, severity and file. */
export interface RuleFinding {
  range: Range;
  message: string;
  fix?: Fix;
  related?: RelatedLocation[];
  /**
   * This finding's severity when the user has not set the rule's: for a rule whose findings differ
   * in weight (missing-metadata's recommended fields are `info`, its required ones the rule's default).
   */
  severity?: Severity;
}

export interface Finding extends RuleFinding {
  rule: string;
  severity: Severity;
  file: string;
}

export type FileKind = 'python' | 'pyproject';

interface ContextBase {
  /** Absolute path of the file being checked. */
  file: string;
  text: string;
  index: TextIndex;
  config: ResolvedConfig;
  workspace: WorkspaceView;
}

export interface PythonContext extends ContextBase {
  tree: Tree;
  syntax: PythonSyntax;
}

export interface PyprojectContext extends ContextBase {
  toml: TomlDocument;
}

interface RuleBase {
  /** Named code, kebab-case. */
  id: string;
  defaultSeverity: Severity;
  /** The guideline section the rule enforces, as titled in the guidelines document. */
  guideline: string;
  /** One line: what the rule flags. */
  summary: string;
  /** Ruff's code for the same check: `# noqa: <code>` suppresses this rule too. */
  ruffTwin?: string;
}

export interface PythonRule extends RuleBase {
  kind: 'python';
  /**
   * Declares the rule a map over one kind of syntax fact, so that after an edit the server checks
   * only the facts of that kind in the top-level statements the edit touched, and keeps its findings
   * for the others. A rule may say so when what it reports about a fact depends only on the
   * top-level statement holding it (nodes and text: the fact, its ancestors, siblings such as
   * decorators, the lines it spans), the configuration and `syntax.hasErrors`; when every finding,
   * and every edit of its fix, lies on the fact's own lines; and when it reads no other fact list (it
   * gets the facts to check in `syntax[each]`, the other lists empty). The server checks the
   * promise about positions and falls back to whole-file runs for a rule that breaks it. Without
   * `each` the rule runs over the whole file after every edit.
   */
  each?: FactKind;
  check(ctx: PythonContext): RuleFinding[];
}

export interface PyprojectRule extends RuleBase {
  kind: 'pyproject';
  /** Most rules need a parsed document; the one that reports parse errors says so. */
  checksInvalidToml?: boolean;
  check(ctx: PyprojectContext): RuleFinding[];
}

export type Rule = PythonRule | PyprojectRule;

export type { Node, Tree };
