import * as vscode from 'vscode';
import type { ConfigStatus, StatusParams } from '../../server/src/lsp/protocol';

export type ServerState = 'starting' | 'running' | 'stopped' | 'crashed';

const SERVER_TEXT: Record<ServerState, { text: string; detail: string; severity: vscode.LanguageStatusSeverity; busy: boolean }> = {
  starting: { text: '$(loading~spin) pyguide', detail: 'server starting', severity: vscode.LanguageStatusSeverity.Information, busy: true },
  running: { text: '$(check) pyguide', detail: 'server running', severity: vscode.LanguageStatusSeverity.Information, busy: false },
  stopped: { text: '$(circle-slash) pyguide', detail: 'server stopped', severity: vscode.LanguageStatusSeverity.Warning, busy: false },
  crashed: { text: '$(error) pyguide', detail: 'server stopped after repeated crashes', severity: vscode.LanguageStatusSeverity.Error, busy: false },
};

/**
 * Three language status items for the files pyguide checks (Python, pyproject.toml, shell scripts): the server's state (with Restart
 * Server); for the active file, the findings and how long the last lint took (with Show Output); and
 * its workspace's configuration: the preset in force, the problems of `[tool.pyguide]`, or, quietly,
 * that pyguide checks nothing here (with Create Configuration).
 */
export class PyguideStatus implements vscode.Disposable {
  private readonly server: vscode.LanguageStatusItem;
  private readonly lint: vscode.LanguageStatusItem;
  private readonly config: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = 'starting';

  constructor(selector: vscode.DocumentSelector) {
    this.server = vscode.languages.createLanguageStatusItem('pyguide.server', selector);
    this.server.name = 'pyguide server';
    this.server.command = { title: 'Restart Server', command: 'pyguide.restartServer' };
    this.lint = vscode.languages.createLanguageStatusItem('pyguide.lint', selector);
    this.lint.name = 'pyguide findings';
    this.lint.command = { title: 'Show Output', command: 'pyguide.showOutput' };
    this.config = vscode.languages.createLanguageStatusItem('pyguide.config', selector);
    this.config.name = 'pyguide configuration';
    this.setServerState('starting');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.showActive()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.showActive();
  }

  setServerState(state: ServerState): void {
    // The client reports "stopped" after a crash it gave up on; the crash is the news to keep.
    if (state === 'stopped' && this.state === 'crashed') return;
    this.state = state;
    const s = SERVER_TEXT[state];
    this.server.text = s.text;
    this.server.detail = s.detail;
    this.server.severity = s.severity;
    this.server.busy = s.busy;
  }

  linted(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.showActive();
  }

  private showActive(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) {
      this.lint.text = 'no findings yet';
      this.lint.detail = 'not linted yet';
      this.showConfig(undefined, uri);
      return;
    }
    this.lint.text = `${status.findings} finding${status.findings === 1 ? '' : 's'}`;
    this.lint.detail = status.skipped ?? `last lint ${status.lintMs < 10 ? status.lintMs.toFixed(1) : Math.round(status.lintMs)} ms`;
    this.showConfig(status.config, uri);
  }

  private showConfig(config: ConfigStatus | undefined, uri: string | undefined): void {
    const item = this.config;
    item.severity = vscode.LanguageStatusSeverity.Information;
    const open = config?.configUri ? { title: 'Open Configuration', command: 'vscode.open', arguments: [vscode.Uri.parse(config.configUri)] } : undefined;
    if (!config) {
      item.text = 'pyguide configuration';
      item.detail = 'not read yet';
      item.command = undefined;
    } else if (!config.active) {
      // Quiet on purpose: a folder pyguide does not check gets no finding and no pop-up, only this.
      item.text = '$(circle-slash) pyguide: not checking this folder';
      item.detail = config.reason;
      item.command = { title: 'Create Configuration', command: 'pyguide.createConfiguration', arguments: [undefined, uri] };
    } else if (config.problems > 0) {
      item.text = `$(error) [tool.pyguide]: ${config.problems} problem${config.problems === 1 ? '' : 's'}`;
      item.detail = 'invalid-config findings; the valid rest applies';
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = open;
    } else {
      item.text = `preset: ${config.preset}`;
      item.detail = config.reason;
      item.command = open ?? { title: 'Create Configuration', command: 'pyguide.createConfiguration', arguments: [undefined, uri] };
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.server.dispose();
    this.lint.dispose();
    this.config.dispose();
  }
}
