import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  WatchKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type WorkDoneProgressReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { fixAllText } from '../engine/fixAll';
import { Linter } from '../engine/linter';
import { docsUrl } from '../engine/registry';
import type { LintSession } from '../engine/session';
import { minimalEdit } from '../engine/textEdits';
import type { Finding } from '../engine/types';
import type { OverlayFiles } from '../workspace/files';
import type { WorkspaceModel } from '../workspace/model';
import { scanFiles } from '../workspace/scan';
import { FIX_ALL_KIND, quickFixActions, SHOW_DOCUMENTATION_COMMAND, versionedEdit } from './codeActions';
import { pathToUri, toDiagnostic, uriToPath } from './convert';
import { DocumentStore } from './documents';
import { SERVER_COMMANDS, STATUS_NOTIFICATION, type StatusParams, type SweepResult } from './protocol';
import { DEFAULT_SETTINGS, normalizeSettings, type PyguideSettings } from './settings';

export { STATUS_NOTIFICATION, type StatusParams, type SweepResult };

export const COMMANDS = {
  ...SERVER_COMMANDS,
  showDocumentation: SHOW_DOCUMENTATION_COMMAND,
} as const;

/** How many files a sweep lints before it lets other requests in. */
const SWEEP_SLICE = 16;
/** How long a document with syntax errors must stay unchanged before it is parsed afresh (see DocumentStore.reconcile). */
const RECONCILE_DELAY = 400;

/** The language server: LSP wiring around a LintSession. Capabilities live in one place, handlers in `register`. */
export class PyguideServer {
  private readonly documents: DocumentStore;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reconcileTimers = new Map<string, NodeJS.Timeout>();
  private readonly settingsByFolder = new Map<string, Promise<PyguideSettings>>();
  /** Findings last published per open document, with the version they belong to. */
  private readonly live = new Map<string, { version: number; findings: Finding[] }>();
  /** Closed files whose findings come from the last completed workspace sweep. */
  private swept = new Map<string, Finding[]>();
  private folders: WorkspaceFolder[] = [];
  private clientConfiguration = false;
  private resourceOperations = false;
  private watchedFilesDynamic = false;
  private workspaceFolderEvents = false;
  private globalSettings: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly session: LintSession,
    private readonly overlay: OverlayFiles,
  ) {
    this.documents = new DocumentStore(session.parser);
  }

  capabilities(): ServerCapabilities {
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  register(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    c.onDidOpenTextDocument(({ textDocument: d }) => {
      this.documents.open(d.uri, d.languageId, d.version, d.text);
      this.documentChanged(d.uri, d.text);
      this.lintSoon(d.uri, 0);
    });
    c.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const doc = this.documents.change(textDocument.uri, textDocument.version, contentChanges);
      if (!doc) return;
      this.documentChanged(doc.uri, doc.getText());
      void this.settingsFor(doc.uri).then((s) => {
        if (s.run === 'onType') this.lintSoon(doc.uri, s.onTypeDelay);
      });
    });
    c.onDidSaveTextDocument(({ textDocument }) => this.lintSoon(textDocument.uri, 0));
    c.onDidCloseTextDocument(({ textDocument }) => this.closed(textDocument.uri));
    c.onDidChangeWatchedFiles(({ changes }) =>
      this.filesChangedOnDisk(
        changes.map((change) => ({
          uri: change.uri,
          kind: change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed',
        })),
      ),
    );
    c.onDidChangeConfiguration(({ settings }) => {
      this.globalSettings = (settings as { pyguide?: unknown } | undefined)?.pyguide;
      this.settingsByFolder.clear();
      this.relintOpen();
    });
    c.onCodeAction((params) => this.codeActions(params));
    c.onExecuteCommand(async ({ command, arguments: args }, token, progress) => {
      switch (command) {
        case COMMANDS.checkWorkspace:
          return this.checkWorkspace(progress, token);
        case COMMANDS.fixAll:
          return this.fixAllCommand(String(args?.[0] ?? ''), typeof args?.[1] === 'number' ? args[1] : undefined);
        case COMMANDS.showDocumentation:
          return c.window.showDocument({ uri: docsUrl(String(args?.[0] ?? '')), external: true });
        default:
          return undefined;
      }
    });
    c.onShutdown(() => {
      this.timers.forEach((t) => clearTimeout(t));
      this.reconcileTimers.forEach((t) => clearTimeout(t));
      this.documents.dispose();
    });
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.clientConfiguration = !!caps.workspace?.configuration;
    this.resourceOperations = !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    this.watchedFilesDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    this.globalSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    return { capabilities: this.capabilities(), serverInfo: { name: 'pyguide', version: typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : '0.0.0-dev' } };
  }

  private async initialized(): Promise<void> {
    if (this.workspaceFolderEvents) {
      // vscode-languageserver only allows this listener once the client said it sends the events.
      this.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        this.folders = [...this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)), ...added];
        this.settingsByFolder.clear();
      });
    }
    if (this.clientConfiguration) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyguide' });
    if (this.watchedFilesDynamic) {
      const all = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: ['**/*.py', '**/*.pyi', '**/pyproject.toml', '**/{py.typed,README.md,LICENSE,run.sh,__init__.py}', '**/.gitignore'].map((globPattern) => ({
          globPattern,
          kind: all,
        })),
      });
      // A deleted directory is reported once, as itself: this is how the files swept under it go.
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*', kind: WatchKind.Delete }] });
    }
  }

  private settingsFor(uri: string): Promise<PyguideSettings> {
    if (!this.clientConfiguration) return Promise.resolve(normalizeSettings(this.globalSettings ?? DEFAULT_SETTINGS));
    const folder = this.folders.find((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))?.uri ?? '';
    let settings = this.settingsByFolder.get(folder);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: folder || uri, section: 'pyguide' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.settingsByFolder.set(folder, settings);
    }
    return settings;
  }

  /** The path pyguide lints a document as; untitled Python buffers get a stand-in name. */
  private pathOf(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (path) return path;
    const doc = this.documents.get(uri);
    return doc?.languageId === 'python' ? `${URI.parse(uri).path || '/untitled'}.py` : undefined;
  }

  private documentChanged(uri: string, text: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    this.overlay.set(path, text);
    if (path.endsWith('pyproject.toml')) this.workspaceDataChanged(path, 'changed', uri);
  }

  private closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    clearTimeout(this.reconcileTimers.get(uri));
    this.reconcileTimers.delete(uri);
    this.documents.close(uri);
    this.live.delete(uri);
    const path = uriToPath(uri);
    if (path) {
      this.overlay.delete(path);
      if (path.endsWith('pyproject.toml')) this.workspaceDataChanged(path, 'changed', uri);
    }
    // A file the sweep covered keeps showing its on-disk findings; others leave the Problems panel.
    if (path && this.swept.has(uri)) {
      const findings = this.session.lintFile(path);
      this.swept.set(uri, findings);
      this.publish(uri, null, findings);
    } else this.publish(uri, null, []);
  }

  /**
   * One batch of on-disk changes (a branch switch brings thousands): the workspace models learn of
   * all of them first, then every affected file is linted once.
   */
  private filesChangedOnDisk(changes: { uri: string; kind: 'created' | 'changed' | 'deleted' }[]): void {
    const affected = new Set<WorkspaceModel>();
    const relint = new Set<string>();
    // A deleted directory stands for the swept files under it.
    const expanded = changes.flatMap((c) => (c.kind === 'deleted' ? [c.uri, ...this.sweptUnder(c.uri)].map((uri) => ({ uri, kind: c.kind })) : [c]));
    for (const { uri, kind } of expanded) {
      const path = uriToPath(uri);
      if (!path) continue;
      for (const model of this.session.workspaces.changed(path, kind)) affected.add(model);
      if (this.documents.get(uri)) continue;
      if (kind === 'deleted') {
        relint.delete(uri);
        if (this.swept.delete(uri)) this.publish(uri, null, []);
      } else if (this.swept.has(uri) || (kind === 'created' && this.swept.size > 0)) relint.add(uri);
    }
    this.relintAffected([...affected], relint);
  }

  /** The swept files inside a directory (nothing when `uri` is a file). */
  private sweptUnder(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    return [...this.swept.keys()].filter((u) => u.startsWith(prefix));
  }

  /** A file that workspace rules read changed: re-lint what may depend on it. */
  private workspaceDataChanged(path: string, kind: 'created' | 'changed' | 'deleted', except?: string): void {
    this.relintAffected(this.session.workspaces.changed(path, kind), new Set(), except);
  }

  /** Re-lints open documents (soon) and swept files (now) of the affected workspaces, plus `alsoSwept`. */
  private relintAffected(affected: WorkspaceModel[], alsoSwept: Set<string>, except?: string): void {
    if (affected.length > 0) {
      for (const doc of this.documents.all()) {
        const p = this.pathOf(doc.uri);
        if (doc.uri !== except && p && affected.includes(this.session.workspaces.forFile(p))) this.lintSoon(doc.uri, DEFAULT_SETTINGS.onTypeDelay);
      }
      for (const uri of this.swept.keys()) {
        const p = uriToPath(uri);
        if (p && uri !== except && affected.includes(this.session.workspaces.forFile(p))) alsoSwept.add(uri);
      }
    }
    for (const uri of alsoSwept) {
      const p = uriToPath(uri);
      if (!p || this.documents.get(uri)) continue;
      const findings = this.session.lintFile(p);
      this.swept.set(uri, findings);
      this.publish(uri, null, findings);
    }
  }

  private relintOpen(): void {
    for (const doc of this.documents.all()) this.lintSoon(doc.uri, 0);
  }

  private lintSoon(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.lintNow(uri).catch((e) => this.connection.console.error(`pyguide: lint of ${uri} failed: ${(e as Error)?.stack ?? e}`));
      }, delay),
    );
  }

  /** Lints an open document and publishes its diagnostics; returns its findings. */
  async lintNow(uri: string): Promise<Finding[]> {
    const settings = await this.settingsFor(uri);
    const doc = this.documents.get(uri);
    const path = this.pathOf(uri);
    if (!doc || !path) return [];
    if (!settings.enable) {
      this.publish(uri, doc.version, []);
      return [];
    }
    const workspace = this.session.workspaces.forFile(path);
    workspace.setOverrides({ severity: settings.severity, exclude: settings.exclude, maxFileSize: settings.maxFileSize });
    // The first file of a workspace starts its file scan; rules that compare files re-run when it ends.
    if (!this.session.isPrepared(workspace)) void this.session.prepare(workspace).then(() => this.relintOpen());
    const started = performance.now();
    const text = doc.getText();
    let findings: Finding[];
    let parsed: ReturnType<DocumentStore['parsed']>;
    if (text.length > workspace.config.maxFileSize) findings = this.session.lintText(path, text);
    else {
      parsed = path.endsWith('.py') || path.endsWith('.pyi') ? this.documents.parsed(uri) : undefined;
      findings = this.session.lintText(path, text, parsed);
    }
    // The document may have changed while settings were fetched; only publish for the version linted.
    if (this.documents.get(uri)?.version !== doc.version) return findings;
    this.publish(uri, doc.version, findings);
    if (parsed?.tree.rootNode.hasError) this.reconcileSoon(uri, doc.version);
    const status: StatusParams = { uri, lintMs: Math.round((performance.now() - started) * 100) / 100, findings: findings.length };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
    return findings;
  }

  /** Once a document with syntax errors stops changing, parse it afresh and re-lint if tree-sitter's incremental tree was off. */
  private reconcileSoon(uri: string, version: number): void {
    clearTimeout(this.reconcileTimers.get(uri));
    this.reconcileTimers.set(
      uri,
      setTimeout(() => {
        this.reconcileTimers.delete(uri);
        if (this.documents.get(uri)?.version === version && this.documents.reconcile(uri)) this.lintSoon(uri, 0);
      }, RECONCILE_DELAY),
    );
  }

  private publish(uri: string, version: number | null, findings: Finding[]): void {
    if (version !== null) this.live.set(uri, { version, findings });
    void this.connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics: findings.map((f) => toDiagnostic(f, version)) });
  }

  private editTarget() {
    return {
      versionOf: (uri: string) => this.documents.get(uri)?.version ?? null,
      supportsResourceOperations: this.resourceOperations,
    };
  }

  private codeActions({ textDocument, context }: CodeActionParams): CodeAction[] {
    const doc = this.documents.get(textDocument.uri);
    if (!doc) return [];
    const only = context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '' && k !== CodeActionKind.QuickFix);
    if (only && wantsFixAll) {
      const edit = this.fixAllEdit(textDocument.uri);
      return edit ? [{ title: 'Fix all pyguide problems', kind: FIX_ALL_KIND, edit }] : [];
    }
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const actions = quickFixActions(doc, context.diagnostics, this.editTarget());
    const fixable = this.live.get(doc.uri)?.findings.filter((f) => f.fix?.safe).length ?? 0;
    if (fixable > 1) {
      const edit = this.fixAllEdit(doc.uri);
      if (edit) actions.push({ title: 'Fix all auto-fixable pyguide problems', kind: CodeActionKind.QuickFix, edit });
    }
    return actions;
  }

  /** The single edit that applies every safe text fix to an open document. */
  private fixAllEdit(uri: string) {
    const doc = this.documents.get(uri);
    const path = this.pathOf(uri);
    if (!doc || !path) return undefined;
    const before = doc.getText();
    const { text } = fixAllText(path, before, (t) => this.session.lintText(path, t));
    const edit = minimalEdit(before, text);
    return edit ? versionedEdit(doc, [edit]) : undefined;
  }

  private async fixAllCommand(uri: string, version: number | undefined): Promise<boolean> {
    const doc = this.documents.get(uri);
    if (!doc || (version !== undefined && version !== doc.version)) return false;
    const edit = this.fixAllEdit(uri);
    if (!edit) return true;
    const result = await this.connection.workspace.applyEdit({ label: 'Pyguide: Fix All', edit });
    return result.applied;
  }

  /**
   * Lints every Python and pyproject.toml file of every workspace folder. Results replace the
   * previous sweep only when the sweep completes, so cancelling leaves the last complete state.
   */
  async checkWorkspace(progress: WorkDoneProgressReporter, token: CancellationToken): Promise<SweepResult> {
    const abort = new AbortController();
    const cancelled = () => token.isCancellationRequested || abort.signal.aborted;
    token.onCancellationRequested(() => abort.abort());
    progress.begin('Pyguide: Check Workspace', 0, 'Looking for files…', true);
    const files: string[] = [];
    for (const folder of this.folders) {
      const root = uriToPath(folder.uri);
      if (!root) continue;
      const settings = await this.settingsFor(folder.uri);
      if (!settings.enable) continue;
      files.push(...(await scanFiles(root, { exclude: settings.exclude, signal: abort.signal })));
    }
    const results = new Map<string, Finding[]>();
    let count = 0;
    for (let i = 0; i < files.length && !cancelled(); i++) {
      const file = files[i];
      const workspace = this.session.workspaces.forFile(file);
      await this.session.prepare(workspace, abort.signal);
      const uri = pathToUri(file);
      if (!this.documents.get(uri)) {
        let findings: Finding[];
        try {
          findings = this.session.lintFile(file);
        } catch (e) {
          findings = [Linter.unreadable(file, `internal error: ${(e as Error).message}`)];
        }
        results.set(uri, findings);
        count += findings.length;
      }
      if (i % SWEEP_SLICE === SWEEP_SLICE - 1) {
        progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} files`);
        await yieldToEventLoop();
      }
    }
    if (cancelled()) {
      progress.done();
      this.connection.console.info(`Check Workspace cancelled after ${results.size} of ${files.length} files; the previous results stay.`);
      return { files: results.size, findings: count, cancelled: true };
    }
    for (const uri of this.swept.keys()) if (!results.has(uri) && !this.documents.get(uri)) this.publish(uri, null, []);
    this.swept = results;
    for (const [uri, findings] of results) if (!this.documents.get(uri)) this.publish(uri, null, findings);
    progress.done();
    const findings = count + [...this.live.values()].reduce((n, l) => n + l.findings.length, 0);
    this.connection.console.info(`Check Workspace: ${files.length} files, ${findings} findings.`);
    return { files: files.length, findings, cancelled: false };
  }
}

declare const PYGUIDE_VERSION: string | undefined;
