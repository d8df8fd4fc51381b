// The engine's vocabulary. Positions are 0-based lines and UTF-16 columns, as LSP counts them;
// only the CLI turns them into 1-based numbers for people.
import type { Node, Tree } from 'web-tree-sitter';
import type { ResolvedConfig } from './config';
import type { Schema } from './schema';
import type { TextIndex } from './textIndex';
import type { TomlDocument } from '../parsing/toml';
import type { ShellScript } from '../parsing/shellScript';
import type { WorkspaceView } from '../workspace/view';
import type { FactKind, PythonSyntax } from '../parsing/pythonSyntax';
import type { SyntaxMatch } from '../parsing/syntaxPlan';
import type { FileChange, Range, TextEdit } from '../base/text';
import type { Severity } from '../base/severity';

export type { FileChange, Position, Range, TextEdit } from '../base/text';
export { SEVERITIES, type Severity } from '../base/severity';
export type { SyntaxMatch } from '../parsing/syntaxPlan';

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

/** A fix the rule computes only when asked (`Rule.fix`): what the editor shows before it asks. */
export interface DeferredFix {
  title: string;
  safe: boolean;
}

/** What a rule reports; the engine adds the rule id, severity and file. */
export interface RuleFinding {
  range: Range;
  message: string;
  /** A fix cheap enough to compute with the finding. */
  fix?: Fix;
  /**
   * A fix the rule's `fix(ctx, finding)` computes on request: the CLI and fix-all ask at once, the
   * editor only when the user opens the light bulb, so typing never pays for it.
   */
  deferredFix?: DeferredFix;
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
  /** A team rule's page (a URL; a file: URL for a page in the repository); built-in rules' pages are found by id. */
  docs?: string;
}

export type { FileKind } from './fileKinds';

/** Another tool's diagnostic on the line of a finding, as the editor passes it to code actions. */
export interface PeerDiagnostic {
  source: string | undefined;
  code: string;
  range: Range;
}

/** What a rule's contextual actions are computed from: the document as the editor has it now. */
export interface ActionContext {
  file: string;
  text: string;
  index: TextIndex;
  finding: Finding;
  /** Other tools' coded diagnostics on the finding's line (for rules with `readsPeerDiagnostics`). */
  peers: readonly PeerDiagnostic[];
}

/** An action a rule offers on one of its findings besides its fix, e.g. "Use specific code [X]". */
export interface ContextualAction {
  title: string;
  edits?: TextEdit[];
  /**
   * The edits' `newText` are LSP snippets (`$0` where the cursor goes): a client that takes snippet
   * edits gets them as such, any other the text with the tab stops removed.
   */
  snippet?: boolean;
  /** A client command to run instead (one that asks the user something first). */
  command?: { command: string; arguments: unknown[] };
  preferred?: boolean;
}

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
  /** The four built-in fact lists (comments, imports, functions, classes), read lazily. */
  syntax: PythonSyntax;
  /**
   * The matches of the rule's `reads` declaration: all of them for a `module` rule, only the ones
   * to check now for an `each` rule. Empty for rules that declare no syntax.
   */
  matches: readonly SyntaxMatch[];
}

/**
 * The syntax a Python rule reads. The engine runs every enabled rule's declaration in one combined
 * tree-sitter query, re-run after an edit only over the statement the edit touched and at the nodes
 * holding it, and hands each rule its own matches; so a rule with a new node kind needs no change
 * under `parsing/`.
 */
export interface SyntaxNeed {
  /** Node types (tree-sitter names) the rule reads; each node is one match, captured as `node`. */
  kinds?: readonly string[];
  /**
   * A tree-sitter query (Python grammar); each match is one fact. The match's widest capture is its
   * node (give the whole pattern a capture, e.g. `(call function: (identifier) @fn) @call`).
   * Predicates (`#eq?`, `#match?`, `#any-of?`) apply; regexes need `\\s`, not `\s`.
   */
  query?: string;
  /**
   * `each`: what the rule reports about a match depends only on the node its pattern hangs from
   * (its nodes and text, the lines it spans), on the lines of the statements holding that node that
   * lie outside their nested statements (a `def` line and its decorators, an `except` clause's
   * line), the configuration and `syntax.hasErrors`; every finding, related location and fix edit
   * lies on the match's own lines. After an edit the rule is given only the matches of the
   * statement the edit touched and those hanging from the nodes holding it (a method, its class,
   * the module), and the others keep their findings, moved with their lines. The engine checks the
   * promise about lines and runs a rule that breaks it over the whole module. `module`: the rule
   * gets every match and runs after every edit.
   */
  scope: 'each' | 'module';
  /**
   * Node types (of the matches' nodes) whose matches are module-wide context of an `each` rule:
   * what it reports about a match may also depend on these (a log call on the module's logger
   * bindings). Every check is given all of them besides the matches to check; when one is inserted
   * or dropped, every match is checked again. Findings on them are recomputed at every check. A
   * rule with context does not run on a file parsed in pieces (its context may lie in another piece).
   */
  context?: readonly string[];
  /**
   * `each` only, not with `context`: what the rule reports about a match may also depend on the
   * match before it in document order (a comment and the comment line above it). Every match to
   * check is given with the match before it (its findings there are not taken from that check); after
   * an edit, the match that now follows each match the edit inserted or dropped is checked again.
   * The rule may read the match before and whether it ends on the line right above, not how far
   * apart the two lie otherwise (lines between them change without an edit on either's lines). Such
   * a rule does not run on a file parsed in pieces (the match before may lie in another piece).
   */
  previous?: boolean;
  /**
   * With `context`: whether, given the context matches (every one of them, read when the context
   * changes), what the rule reports about a match depends only on that match (as `each` says) and
   * on the context. When it returns false, every match is checked again after every edit, as with
   * scope `module`: a module whose imports bind names the context cannot follow (an alias) keeps
   * the rule exact, while one that binds none costs a keystroke only what it touched.
   */
  keepsFindings?(context: readonly SyntaxMatch[]): boolean;
  /**
   * `each` only: a message names a line (`held across an await (line 12)`). Kept findings move with
   * their match, but a message is not rewritten: a match whose findings moved to other lines is
   * checked again instead.
   */
  namesLines?: boolean;
}


export interface PyprojectContext extends ContextBase {
  toml: TomlDocument;
}

/** A shell script's context: its lines, read without a grammar (parsing/shellScript.ts). */
export interface ShellContext extends ContextBase {
  script: ShellScript;
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
  /**
   * The keys `[tool.pyguide.rules.<id>]` may hold, with their types (engine/schema.ts). Anything
   * else there is an `invalid-config` finding; a preset sets them under its `rules`.
   */
  options?: Readonly<Record<string, Schema>>;
  /** Instead of `options`: a table whose keys are free (member kinds, say), each value of this schema. */
  optionsPerKey?: Schema;
  /** Actions on one of the rule's findings besides its fix, computed when the editor asks for them. */
  actions?(ctx: ActionContext): ContextualAction[];
  /** The editor should hand `actions` the other tools' diagnostics on the lines of this rule's findings. */
  readsPeerDiagnostics?: boolean;
  /** A team rule's page as a URL (a file: URL for a page in the repository), where built-in rules have docs/rules/<id>.md. */
  docs?: string;
  /** Set on team rules (`[tool.pyguide.custom-rules]`): what they match with. */
  team?: 'pattern' | 'query';
}

export interface PythonRule extends RuleBase {
  kind: 'python';
  /** The syntax the rule reads (see SyntaxNeed). Without it the rule runs over the whole file after every edit and may read any `ctx.syntax` list. */
  reads?: SyntaxNeed;
  /**
   * Older form of `reads: { kinds: <the fact list's node types>, scope: 'each' }` reading `ctx.syntax[each]`.
   *
   * Declares the rule a map over one kind of syntax fact, so that after an edit the server checks
   * only the facts of that kind the edit can have changed (see SyntaxNeed.scope), and keeps its
   * findings for the others. A rule may say so when what it reports about a fact depends only on
   * the fact's node, the lines of the statements holding it outside their nested statements (its
   * `def` line, decorators), the configuration and `syntax.hasErrors`; when every finding,
   * and every edit of its fix, lies on the fact's own lines; and when it reads no other fact list (it
   * gets the facts to check in `syntax[each]`, the other lists empty). The server checks the
   * promise about positions and falls back to whole-file runs for a rule that breaks it. Without
   * `each` the rule runs over the whole file after every edit.
   */
  each?: FactKind;
  /**
   * The rule reads of the syntax at most the module's first top-level statement (its docstring)
   * and `syntax.commentFacts`, besides the file's text, path and workspace. A file too large to
   * parse whole is parsed in pieces (parsing/pieces.ts): `each` rules run on every piece, a
   * `headOnly` rule on the first, with every piece's comment facts, and any other rule does not
   * run on such a file at all (silent rather than wrong).
   */
  headOnly?: boolean;
  check(ctx: PythonContext): RuleFinding[];
  /** Computes the fix of one of the rule's findings that carries a `deferredFix`, against the current text. */
  fix?(ctx: PythonContext, finding: RuleFinding): Fix | undefined;
}

export interface PyprojectRule extends RuleBase {
  kind: 'pyproject';
  /** Most rules need a parsed document; the one that reports parse errors says so. */
  checksInvalidToml?: boolean;
  check(ctx: PyprojectContext): RuleFinding[];
  fix?(ctx: PyprojectContext, finding: RuleFinding): Fix | undefined;
}

export interface ShellRule extends RuleBase {
  kind: 'shell';
  check(ctx: ShellContext): RuleFinding[];
  fix?(ctx: ShellContext, finding: RuleFinding): Fix | undefined;
}

export type Rule = PythonRule | PyprojectRule | ShellRule;

export type { Node, Tree };
