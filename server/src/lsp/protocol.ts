// The messages pyguide's client and server exchange beyond standard LSP. No imports: the client
// bundles this file too.

/** Server commands (`workspace/executeCommand`); the client wraps them in user-facing commands. */
export const SERVER_COMMANDS = {
  /** No arguments; reports work-done progress and honours cancellation; returns a SweepResult. */
  checkWorkspace: 'pyguide.server.checkWorkspace',
  /** Arguments `[uri, version]`; applies every safe fix via `workspace/applyEdit`; returns whether it did. */
  fixAll: 'pyguide.server.fixAll',
} as const;

/** Sent after each lint, for the client's status item. */
export const STATUS_NOTIFICATION = 'pyguide/status';
export interface StatusParams {
  uri: string;
  lintMs: number;
  findings: number;
  skipped?: string;
}

export interface SweepResult {
  files: number;
  findings: number;
  cancelled: boolean;
}
