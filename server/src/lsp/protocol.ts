// The messages pyguide's client and server exchange beyond standard LSP. No imports: the client
// bundles this file too.

/** Server commands (`workspace/executeCommand`); the client wraps them in user-facing commands. */
export const SERVER_COMMANDS = {
  /** No arguments; reports work-done progress and honours cancellation; returns a SweepResult. */
  checkWorkspace: 'pyguide.server.checkWorkspace',
  /** Arguments `[uri, version]`; applies every safe fix via `workspace/applyEdit`; returns whether it did. */
  fixAll: 'pyguide.server.fixAll',
  /**
   * Arguments `[uri, preset]` (a file or folder, a preset id); writes a starter `[tool.pyguide]`
   * into the pyproject.toml that configures it, via `workspace/applyEdit`; returns a CreateConfigurationResult.
   */
  createConfiguration: 'pyguide.server.createConfiguration',
  /**
   * Argument `Eli5InsertParams`: the edit that inserts an ELI5 concepts table at a place in a
   * docstring, or (without `rows`) whether the place can take one. Returns an `Eli5EditResult`.
   */
  insertEli5Table: 'pyguide.server.insertEli5Table',
  /** Argument `Eli5AddRowParams`: the edit that adds a concept to the table at `position`. Returns an `Eli5EditResult`. */
  addEli5Row: 'pyguide.server.addEli5Row',
  /** Argument `TestPatternParams`: every match of a team-rule pattern in an open document. Returns a `TestPatternResult`. */
  testPattern: 'pyguide.server.testPattern',
} as const;

export interface TestPatternParams {
  uri: string;
  /** A team-rule pattern (`asyncio.run($MAIN)`), or with `query` a tree-sitter query with @finding. */
  pattern: string;
  query?: boolean;
}

export interface PatternMatch {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The matched code's first line. */
  text: string;
  /** Each metavariable (or capture) and the code it matched. */
  bindings: Record<string, string>;
}

/** The matches, or why the pattern is none (`offset`: where in the pattern it stops making sense). */
export type TestPatternResult = { ok: true; matches: PatternMatch[] } | { ok: false; message: string; offset?: number };

export interface Eli5Row {
  concept: string;
  explanation: string;
}

export interface Eli5InsertParams {
  uri: string;
  version: number;
  position: { line: number; character: number };
  /** `after-summary`: after the docstring's summary paragraph, wherever the position is in it. */
  place?: 'cursor' | 'after-summary';
  rows?: Eli5Row[];
}

export interface Eli5AddRowParams {
  uri: string;
  version: number;
  position: { line: number; character: number };
  row?: Eli5Row;
}

/** `ok` with the edit to apply (none for a check), or why not, in words for the user. */
export type Eli5EditResult =
  | { ok: true; edit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } }
  | { ok: false; message: string };

/** The client command the "Add ELI5 row" code action runs: it asks for the concept, then calls addEli5Row. */
export const ADD_ELI5_ROW_COMMAND = 'pyguide.addEli5Row';

/**
 * For the client's status items: sent after a lint when what they show of the document changes
 * (its findings count, its workspace's configuration), otherwise at most once a second with the
 * last lint's time, and never more than once per lint.
 */
export const STATUS_NOTIFICATION = 'pyguide/status';
export interface StatusParams {
  uri: string;
  /** How long the last lint of the document took. */
  lintMs: number;
  findings: number;
  skipped?: string;
  /** The configuration of the document's workspace. */
  config?: ConfigStatus;
}

/**
 * Request, no parameters: every lint's time since the last such request, oldest first. Kept only
 * when `initializationOptions.lintTimes` is true (the bench asks for it: timing each lint costs a
 * status notification otherwise); an empty list else.
 */
export const LINT_TIMES_REQUEST = 'pyguide/lintTimes';
export interface LintTime {
  uri: string;
  version: number;
  ms: number;
}

/** Whether pyguide checks a workspace, with which preset, and the state of its `[tool.pyguide]`. */
export interface ConfigStatus {
  active: boolean;
  preset?: string;
  /** `configured` (the table names the preset), `table` (a table without one), `detected` (a Genkit workspace), `fallback`, `none`. */
  source: string;
  /** In words: the preset and how it was chosen, or why nothing is checked. */
  reason: string;
  /** The pyproject.toml holding (or that would hold) `[tool.pyguide]`. */
  configUri?: string;
  /** How many `invalid-config` problems it has. */
  problems: number;
}

export interface CreateConfigurationResult {
  applied: boolean;
  /** The pyproject.toml written, or the one that already has a table. */
  uri?: string;
  message: string;
}

export interface SweepResult {
  files: number;
  findings: number;
  cancelled: boolean;
}
