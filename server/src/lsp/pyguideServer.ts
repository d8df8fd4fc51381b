// The language server: capabilities and the wiring of LSP messages to its features, each in its
// own module (live diagnostics, workspace sweep, code actions, settings) over the engine's open
// documents.
import { join } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  WatchKind,
  type Connection,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { OpenDocuments } from '../engine/documents';
import { testPattern } from './testPattern';
import { ruleDocsLink } from '../engine/ruleDocs';
import type { LintSession } from '../engine/session';
import { WriteGate, writeRoot } from '../engine/writeGate';
import type { OverlayFiles } from '../workspace/files';
import { CodeActions, FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from './codeActions';
import { ConfigurationCommands } from './configuration';
import { pathToUri, uriToPath } from './convert';
import type { DocumentSizes } from '../heapGrowth';
import { LiveDiagnostics } from './liveDiagnostics';
import { Eli5Commands } from './eli5Commands';
import { TableFormatting } from './tableFormatting';
import { LINT_TIMES_REQUEST, SERVER_COMMANDS, STATUS_NOTIFICATION, type Eli5AddRowParams, type Eli5InsertParams, type StatusParams, type SweepResult, type TestPatternParams } from './protocol';
import { folderLines } from './folderLog';
import { Publisher } from './publisher';
import { EditorBaseline } from '../baseline/editorBaseline';
import { FolderSettings } from './settings';
import { StatusReports } from './statusReports';
import { watchedGlobs } from './watchers';
import { WorkspaceSweep } from './workspaceSweep';

export { STATUS_NOTIFICATION, type StatusParams, type SweepResult };

export const COMMANDS = {
  ...SERVER_COMMANDS,
  showDocumentation: SHOW_DOCUMENTATION_COMMAND,
} as const;

/** What the client may pass in `initializationOptions`. */
interface InitializationOptions {
  settings?: unknown;
  /** The previous server had completed a Check Workspace: sweep again, so a restart keeps its results. */
  checkWorkspace?: boolean;
  /** Keep every lint's time for the `pyguide/lintTimes` request (the bench; see docs/performance.md). */
  lintTimes?: boolean;
}

export class PyguideServer {
  private readonly documents: OpenDocuments;
  private readonly settings: FolderSettings;
  private readonly publisher: Publisher;
  private readonly live: LiveDiagnostics;
  private readonly statuses: StatusReports;
  private readonly baseline: EditorBaseline;
  private readonly sweep: WorkspaceSweep;
  private readonly actions: CodeActions;
  private readonly tables: TableFormatting;
  private readonly configuration: ConfigurationCommands;
  private readonly eli5: Eli5Commands;
  private resourceOperations = false;
  private snippetEdits = false;
  private watchedFilesDynamic = false;
  private workspaceFolderEvents = false;
  private clientConfiguration = false;
  private sweepOnStart = false;
  /** The file watchers registered, and the globs they watch. */
  private watchers: { globs: string; registration: Promise<Disposable> } | undefined;

  constructor(
    private readonly connection: Connection,
    session: LintSession,
    overlay: OverlayFiles,
    /** Told the size of each open document (the server's process bounds its heap growth by them). */
    sizes?: DocumentSizes,
  ) {
    this.documents = new OpenDocuments(session);
    this.settings = new FolderSettings(connection);
    const baseline = (this.baseline = new EditorBaseline(overlay, (file) => session.workspaces.forFile(file).root, (m) => connection.console.warn(m)));
    this.publisher = new Publisher(connection, (uri, findings) => {
      const path = uriToPath(uri);
      return path ? baseline.apply(path, findings) : findings;
    });
    let sweep: WorkspaceSweep | undefined;
    this.statuses = new StatusReports(connection);
    this.live = new LiveDiagnostics(connection, this.documents, this.settings, this.publisher, overlay, this.statuses, sizes, {
      pyprojectEdited: (path) => {
        sweep?.pyprojectEdited(path);
        void this.watchFiles();
      },
      pyprojectTyped: () => sweep?.pyprojectTyped(),
      settle: (path) => sweep?.settle(path),
      closed: (uri, path) => void sweep?.closed(uri, path),
      prepared: () => this.live.relintAll(),
    });
    this.sweep = sweep = new WorkspaceSweep(connection, this.documents, this.settings, this.publisher, this.live, overlay, () => void this.watchFiles());
    const folders = () => this.settings.list.flatMap((f) => uriToPath(f.uri) ?? []);
    const gate = new WriteGate(
      (file) => writeRoot(session.workspaces.forFile(file).root, file, folders()),
      (reason) => connection.console.warn(`pyguide: fix not applied: ${reason}`),
    );
    this.actions = new CodeActions(this.documents, this.settings, () => ({
      versionOf: (uri) => this.documents.get(uri)?.version ?? null,
      supportsResourceOperations: this.resourceOperations,
      supportsSnippetEdits: this.snippetEdits,
      gate,
    }));
    this.tables = new TableFormatting(this.documents, this.settings);
    this.configuration = new ConfigurationCommands(connection, this.documents, this.settings, () => this.resourceOperations);
    this.eli5 = new Eli5Commands(this.documents);
  }

  capabilities(): ServerCapabilities {
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND, CodeActionKind.RefactorRewrite], resolveProvider: true },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      // Box tables in docstrings only (see docs/rules/misaligned-box-table.md): nothing else is formatted.
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  register(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    c.onDidOpenTextDocument((params) => this.live.opened(params));
    c.onDidChangeTextDocument((params) => this.live.changed(params));
    c.onDidSaveTextDocument(({ textDocument }) => this.live.saved(textDocument.uri));
    c.onDidCloseTextDocument(({ textDocument }) => this.live.closedDocument(textDocument.uri));
    c.onDidChangeWatchedFiles(({ changes }) => {
      this.sweep.filesChangedOnDisk(
        changes.map((change) => ({
          uri: change.uri,
          kind: change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed',
        })),
      );
      // A new baseline changes how every finding shows, not what is found.
      if (changes.some((change) => EditorBaseline.isBaseline(uriToPath(change.uri) ?? ''))) {
        this.baseline.changed();
        this.live.relintAll();
        this.sweep.settingsChanged();
      }
      // The configuration may now require other files.
      if (changes.some((change) => change.uri.endsWith('/pyproject.toml'))) void this.watchFiles();
    });
    c.onDidChangeConfiguration(({ settings }) => {
      this.settings.changed((settings as { pyguide?: unknown } | undefined)?.pyguide);
      this.live.relintAll();
      this.sweep.settingsChanged();
    });
    c.onCodeAction(async (params) => {
      // A client that cannot resolve gets fixes now: they edit texts as the editor has them.
      if (!this.actions.resolveSupport) this.sweep.settle();
      const only = params.context.only;
      const rewrite = !only || only.some((k) => CodeActionKind.RefactorRewrite.startsWith(k) && k !== '');
      return [...(await this.actions.codeActions(params)), ...(rewrite ? this.eli5.rowActions(params.textDocument.uri, params.range) : [])];
    });
    c.onCodeActionResolve((action) => {
      this.sweep.settle();
      return this.actions.resolve(action);
    });
    c.onRequest(LINT_TIMES_REQUEST, () => this.statuses.takeLintTimes());
    c.onDocumentFormatting(({ textDocument }) => {
      this.sweep.settle();
      return this.tables.format(textDocument.uri);
    });
    c.onDocumentRangeFormatting(({ textDocument, range }) => {
      this.sweep.settle();
      return this.tables.format(textDocument.uri, range);
    });
    c.onExecuteCommand(async ({ command, arguments: args }, token, progress) => {
      // Commands edit files or sweep the workspace: the pyproject.toml texts being typed in count.
      this.sweep.settle();
      switch (command) {
        case COMMANDS.checkWorkspace:
          return this.sweep.checkWorkspace(progress, token);
        case COMMANDS.fixAll:
          return this.fixAllCommand(String(args?.[0] ?? ''), typeof args?.[1] === 'number' ? args[1] : undefined);
        case COMMANDS.createConfiguration:
          return this.configuration.create(String(args?.[0] ?? ''), args?.[1]);
        case COMMANDS.insertEli5Table:
          return this.eli5.insert(args?.[0] as Eli5InsertParams);
        case COMMANDS.addEli5Row:
          return this.eli5.addRow(args?.[0] as Eli5AddRowParams);
        case COMMANDS.testPattern:
          return testPattern(this.documents, args?.[0] as TestPatternParams | undefined);
        case COMMANDS.showDocumentation: {
          // The installed page opens in the editor (the client shows it as a Markdown preview).
          const id = String(args?.[0] ?? '');
          if (!/^[a-z0-9-]+$/.test(id)) return false;
          const link = ruleDocsLink(id);
          return c.window.showDocument({ uri: link.uri, external: !link.local });
        }
        default:
          return undefined;
      }
    });
    c.onShutdown(() => this.live.dispose());
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.clientConfiguration = !!caps.workspace?.configuration;
    this.resourceOperations = !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    this.snippetEdits = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    this.watchedFilesDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    this.actions.resolveSupport = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    const options = params.initializationOptions as InitializationOptions | undefined;
    this.sweepOnStart = !!options?.checkWorkspace;
    if (options?.lintTimes === true) this.statuses.keepLintTimes();
    this.settings.initialize(params);
    return { capabilities: this.capabilities(), serverInfo: { name: 'pyguide', version: SERVER_VERSION } };
  }

  private async initialized(): Promise<void> {
    this.connection.console.info(`pyguide ${SERVER_VERSION} language server, Node ${process.version}`);
    folderLines(this.settings.list, this.documents.session.workspaces).forEach((line) => this.connection.console.info(line));
    if (this.workspaceFolderEvents) {
      // vscode-languageserver only allows this listener once the client said it sends the events.
      this.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        folderLines(added, this.documents.session.workspaces).forEach((line) => this.connection.console.info(line));
        this.settings.foldersChanged(added, removed);
        this.sweep.foldersRemoved(removed);
      });
    }
    if (this.clientConfiguration) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyguide' });
    if (this.watchedFilesDynamic) {
      await this.watchFiles();
      // A deleted directory is reported once, as itself: this is how the files swept under it go.
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*', kind: WatchKind.Delete }] });
    }
    if (this.sweepOnStart) {
      const silent = { begin: () => undefined, report: () => undefined, done: () => undefined };
      const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
      void this.sweep.checkWorkspace(silent, never);
    }
  }

  /**
   * Registers file watchers for what the folders' configurations make findings depend on, again
   * whenever a configuration change changes them.
   */
  private async watchFiles(): Promise<void> {
    if (!this.watchedFilesDynamic) return;
    const workspaces = this.documents.session.workspaces;
    const configs = [...this.settings.list, ...workspaces.all().filter((m) => m.root).map((m) => ({ uri: pathToUri(m.root!) }))].flatMap((f) => {
      const root = uriToPath(f.uri);
      return root ? [workspaces.forFile(join(root, 'pyproject.toml')).config] : [];
    });
    const globs = watchedGlobs(configs);
    const key = globs.join('\n');
    if (this.watchers?.globs === key) return;
    const previous = this.watchers?.registration;
    const all = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    const registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern, kind: all })) });
    this.watchers = { globs: key, registration };
    await registration;
    if (previous) (await previous).dispose();
  }

  private async fixAllCommand(uri: string, version: number | undefined): Promise<boolean> {
    const doc = this.documents.get(uri);
    if (!doc || (version !== undefined && version !== doc.version)) return false;
    const edit = await this.actions.fixAllEdit(uri);
    if (!edit) return true;
    if (this.documents.get(uri)?.version !== doc.version) return false;
    const result = await this.connection.workspace.applyEdit({ label: 'Pyguide: Fix All', edit });
    return result.applied;
  }
}

declare const PYGUIDE_VERSION: string | undefined;
const SERVER_VERSION = typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : '0.0.0-dev';
