// A real LSP client for tests: spawns the bundled server (dist/server.js) over stdio and speaks
// the protocol to it, answering the requests a client answers (configuration, applyEdit, ...).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  UnregistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  CancellationTokenSource,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../src/lsp/protocol';

/** The least time a wait for diagnostics gets before it is called a hang. */
const WAIT_GUARD_MS = 120_000;

export const SERVER_JS = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export interface HarnessOptions {
  root: string;
  /** What `workspace/configuration` answers for section `pyguide`. */
  settings?: Record<string, unknown>;
  /** Whether the client claims support for file create/rename/delete in workspace edits. */
  resourceOperations?: boolean;
  /** Workspace folders (default: `root` alone). */
  folders?: string[];
  /** Settings per folder path, answered for `workspace/configuration` requests scoped to that folder or a file in it. */
  folderSettings?: Record<string, Record<string, unknown>>;
  /** Whether the client resolves code actions (`codeAction/resolve` for `edit`), as VS Code does. */
  codeActionResolve?: boolean;
  /** Whether the client applies snippet edits in workspace edits (`snippetEditSupport`), as VS Code does. */
  snippetEdits?: boolean;
  initializationOptions?: unknown;
  /** Options for Node before the server's script (`--require <hook>`); the server runs with --stdio. */
  nodeArgs?: string[];
}

export class LspHarness {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: string[] = [];
  readonly progress: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = [];
  readonly stderr: string[] = [];
  readonly registrations: string[] = [];
  /** The file-watch globs registered and not unregistered since, by registration id. */
  readonly watchedGlobs = new Map<string, string[]>();
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult: InitializeResult | undefined;
  /** Messages the server logged (window/logMessage), e.g. rule failures and internal errors. */
  readonly logs: string[] = [];
  /** Every pyguide/status notification, in order (the client's language status items). */
  readonly statuses: StatusParams[] = [];
  /** Messages the server showed the user (window/showMessage). */
  readonly shownMessages: string[] = [];
  settings: Record<string, unknown>;
  folderSettings: Record<string, Record<string, unknown>>;
  /** The `workspace/configuration` items the server asked for, by scope. */
  readonly configurationRequests: string[] = [];
  private readonly versions = new Map<string, number>();
  private waiters: Waiter[] = [];

  private constructor(
    /** The server process; undefined for a server running in this process (see `connect`). */
    readonly process: ChildProcess | undefined,
    readonly connection: ProtocolConnection,
    options: HarnessOptions,
  ) {
    this.settings = options.settings ?? {};
    this.folderSettings = options.folderSettings ?? {};
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      this.statuses.push(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.shownMessages.push(p.message);
    });
    connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.shownMessages.push(p.message);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((i) => {
        if (i.section !== 'pyguide') return null;
        this.configurationRequests.push(i.scopeUri ?? '');
        const folder = Object.keys(this.folderSettings).find((f) => i.scopeUri === fileUri(f) || i.scopeUri?.startsWith(`${fileUri(f)}/`));
        return folder ? this.folderSettings[folder] : this.settings;
      }),
    );
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      for (const r of params.registrations) {
        const watchers = (r.registerOptions as { watchers?: { globPattern: string }[] } | undefined)?.watchers;
        if (r.method === 'workspace/didChangeWatchedFiles' && watchers) this.watchedGlobs.set(r.id, watchers.map((w) => w.globPattern));
      }
    });
    connection.onRequest(UnregistrationRequest.type, (params) => {
      for (const u of params.unregisterations) this.watchedGlobs.delete(u.id);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.shownDocuments.push(p.uri);
      return { success: true };
    });
  }

  static async start(options: HarnessOptions): Promise<LspHarness> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const harness = new LspHarness(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => harness.stderr.push(d.toString()));
    return harness.initialize(options);
  }

  /** A client for a server started in this process on the other ends of these streams (for tests that inject rules). */
  static async connect(options: HarnessOptions, fromServer: NodeJS.ReadableStream, toServer: NodeJS.WritableStream): Promise<LspHarness> {
    const connection = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    return new LspHarness(undefined, connection, options).initialize(options);
  }

  private async initialize(options: HarnessOptions): Promise<LspHarness> {
    const connection = this.connection;
    connection.listen();
    this.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      // An in-process server would watch its own process, with a timer that keeps the tests running.
      processId: this.process ? process.pid : null,
      rootUri: fileUri(options.root),
      workspaceFolders: (options.folders ?? [options.root]).map((f, i) => ({ uri: fileUri(f), name: `folder${i}` })),
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: options.resourceOperations === false ? [] : ['create', 'rename', 'delete'], ...(options.snippetEdits && { snippetEditSupport: true }) },
          workspaceFolders: true,
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(options.codeActionResolve && { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } }),
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return this;
  }

  /** Resolves once `test` holds (checked as messages arrive). The guard only names a hang, as the other waits do: it is no time limit. */
  async waitFor(test: () => boolean, what = 'a condition', timeoutMs = WAIT_GUARD_MS): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!test()) {
      if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  versionOf(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async open(path: string, text: string, languageId = path.endsWith('.toml') ? 'toml' : 'python'): Promise<string> {
    const uri = fileUri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.versionOf(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeSettings(settings: Record<string, unknown>, folderSettings?: Record<string, Record<string, unknown>>): Promise<void> {
    this.settings = settings;
    if (folderSettings) this.folderSettings = folderSettings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pyguide: settings } });
  }

  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  /** Waits for diagnostics of a uri that pass a test (default: any, for the current version). */
  waitForDiagnostics(uri: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    // Waits end as soon as the diagnostics match; the timeout only names a hang, so a busy machine gets ample time.
    timeoutMs = Math.max(timeoutMs, WAIT_GUARD_MS);
    const current = this.diagnostics.get(uri);
    const wanted = (p: PublishDiagnosticsParams) => (p.version === undefined || !this.versions.has(uri) || p.version === this.versionOf(uri)) && test(p.diagnostics, p);
    if (current && wanted(current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => [d.code, d.range.start]))}\n${this.stderr.join('')}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        test: wanted,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p.diagnostics);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  /**
   * Runs a server command; `workDoneToken` collects its progress in `progress`, and `cancellation`
   * lets the test cancel the request whenever it decides to.
   */
  async executeCommand(command: string, args: unknown[] = [], options: { workDoneToken?: string; cancellation?: CancellationTokenSource } = {}): Promise<unknown> {
    if (options.workDoneToken)
      this.connection.onProgress(WorkDoneProgress.type, options.workDoneToken, (value) => {
        this.progress.push(value);
      });
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken: options.workDoneToken }, (options.cancellation ?? new CancellationTokenSource()).token);
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      // `exit` ends the server's process: for a server in this process, that would be the tests'.
      if (this.process) await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.process?.kill();
    }
  }
}
