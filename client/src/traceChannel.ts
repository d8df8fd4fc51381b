// The "pyguide Trace" output: vscode-languageclient traces only while its trace channel's log level
// is Trace, which for a log channel is the user's global log level. This channel takes its level from
// `pyguide.trace.server` alone, so setting it to "messages" or "verbose" shows the traffic at once.
import * as vscode from 'vscode';

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly out: vscode.OutputChannel;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly watch: vscode.Disposable;
  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor(
    readonly name: string,
    private readonly setting: () => string | undefined,
  ) {
    this.out = vscode.window.createOutputChannel(name);
    this.watch = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pyguide.trace.server')) this.levelChanged.fire(this.logLevel);
    });
  }

  get logLevel(): vscode.LogLevel {
    const value = this.setting();
    return value === 'messages' || value === 'verbose' ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
  }

  private line(level: string, message: string | Error): void {
    this.out.appendLine(`${new Date().toISOString()} [${level}] ${message instanceof Error ? (message.stack ?? message.message) : message}`);
  }

  trace(message: string): void {
    this.line('trace', message);
  }
  debug(message: string): void {
    this.line('debug', message);
  }
  info(message: string): void {
    this.line('info', message);
  }
  warn(message: string): void {
    this.line('warning', message);
  }
  error(message: string | Error): void {
    this.line('error', message);
  }
  append(value: string): void {
    this.out.append(value);
  }
  appendLine(value: string): void {
    this.out.appendLine(value);
  }
  replace(value: string): void {
    this.out.replace(value);
  }
  clear(): void {
    this.out.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.out.show(columnOrPreserveFocus);
    else this.out.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.out.hide();
  }
  dispose(): void {
    this.watch.dispose();
    this.levelChanged.dispose();
    this.out.dispose();
  }
}
