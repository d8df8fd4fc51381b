// What the client's status items learn of each lint. A keystroke's lint changes little of what they
// show, and each notification costs the keystroke two socket writes and the client a parse: news
// (the findings count, the configuration) goes out at once, the lint time at most once a second.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceModel } from '../workspace/model';
import { configStatus } from './configuration';
import { STATUS_NOTIFICATION, type ConfigStatus, type LintTime, type StatusParams } from './protocol';

/** How often a document's status is sent when only its lint time changed. */
const LINT_TIME_INTERVAL = 1000;

export class StatusReports {
  /** Per uri: what the client was last sent, and the newer status waiting for the interval, if any. */
  private readonly sent = new Map<string, { status: StatusParams; pending?: StatusParams; timer?: NodeJS.Timeout }>();
  /** Per workspace: its status, kept while its configuration is the same objects. */
  private readonly configs = new WeakMap<WorkspaceModel, { activation: unknown; problems: unknown; status: ConfigStatus }>();
  /** Every lint's time since it was last asked for, when the client wants them (`initializationOptions.lintTimes`). */
  private times: LintTime[] | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly interval = LINT_TIME_INTERVAL,
  ) {}

  /** From now on, keep every lint's time for `pyguide/lintTimes` (the bench's way to read them). */
  keepLintTimes(): void {
    this.times ??= [];
  }

  linted(uri: string, version: number, workspace: WorkspaceModel, findings: number, lintMs: number): void {
    this.times?.push({ uri, version, ms: lintMs });
    const status: StatusParams = { uri, lintMs, findings, config: this.configOf(workspace) };
    const last = this.sent.get(uri);
    if (!last || last.status.findings !== findings || last.status.config !== status.config) {
      clearTimeout(last?.timer);
      this.send(status);
      return;
    }
    last.pending = status;
    last.timer ??= setTimeout(() => {
      last.timer = undefined;
      if (last.pending && this.sent.get(uri) === last) this.send(last.pending);
    }, this.interval);
    // Nothing else waits on it: a process (or test) ending is not held up by a status.
    last.timer.unref?.();
  }

  /** Every lint's time since the last call (empty unless kept). */
  takeLintTimes(): LintTime[] {
    return this.times?.splice(0) ?? [];
  }

  closed(uri: string): void {
    clearTimeout(this.sent.get(uri)?.timer);
    this.sent.delete(uri);
  }

  dispose(): void {
    for (const s of this.sent.values()) clearTimeout(s.timer);
    this.sent.clear();
  }

  private send(status: StatusParams): void {
    this.sent.set(status.uri, { status });
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** The workspace's configuration status, the same object while its configuration is unchanged (so it compares by identity). */
  private configOf(workspace: WorkspaceModel): ConfigStatus {
    const activation = workspace.activation;
    const problems = workspace.configProblems;
    const known = this.configs.get(workspace);
    if (known && known.activation === activation && known.problems === problems) return known.status;
    const status = configStatus(workspace);
    // A new configuration object that says the same keeps the old status, so no news is sent.
    if (known && JSON.stringify(known.status) === JSON.stringify(status)) {
      this.configs.set(workspace, { activation, problems, status: known.status });
      return known.status;
    }
    this.configs.set(workspace, { activation, problems, status });
    return status;
  }
}
