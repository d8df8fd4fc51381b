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
} as const;

/** Sent after each lint, for the client's status item. */
export const STATUS_NOTIFICATION = 'pyguide/status';
export interface StatusParams {
  uri: string;
  lintMs: number;
  findings: number;
  skipped?: string;
  /** The configuration of the document's workspace. */
  config?: ConfigStatus;
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
