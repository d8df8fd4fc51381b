// Live diagnostics: open documents linted as they change, each edit ending in exactly one
// publishDiagnostics carrying its document version.
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { FILE_KINDS, kindOf } from '../engine/fileKinds';
import type { OpenDocuments } from '../engine/documents';
import type { Finding } from '../engine/types';
import type { DocumentSizes } from '../heapGrowth';
import type { OverlayFiles } from '../workspace/files';
import { uriToPath } from './convert';
import type { Publisher } from './publisher';
import { overridesOf, type FolderSettings, type PyguideSettings } from './settings';
import type { StatusReports } from './statusReports';

/** How long a document with syntax errors must stay unchanged before it is parsed afresh (see OpenDocuments.reconcile). */
const RECONCILE_DELAY = 400;

export interface LiveHooks {
  /** An open pyproject.toml closed: the workspace reads it from disk again, and the files depending on it need a look. */
  pyprojectEdited(path: string): void;
  /** An open pyproject.toml opened or typed in: its text is in the overlay, unsettled (see WorkspaceSweep.pyprojectTyped). */
  pyprojectTyped(): void;
  /** The workspace must read this pyproject.toml's latest text now. */
  settle(path: string): void;
  /** A document closed: what the Problems panel shows for it now. */
  closed(uri: string, path: string | undefined): void;
  /** The first lint of a workspace found it unprepared (no file list yet): it is being scanned. */
  prepared(): void;
}

export class LiveDiagnostics {
  /** Each uri's pending lint, as the function that cancels it. */
  private readonly timers = new Map<string, () => void>();
  /** The documents to lint without delay, in the order of their edits (the latest last), and the turn that lints them. */
  private readonly due = new Set<string>();
  private dueTurn: NodeJS.Immediate | undefined;
  private readonly reconcileTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly settings: FolderSettings,
    private readonly publisher: Publisher,
    private readonly overlay: OverlayFiles,
    private readonly statuses: StatusReports,
    private readonly sizes: DocumentSizes | undefined,
    private readonly hooks: LiveHooks,
  ) {}

  /** The path pyguide lints a document as; untitled buffers of a kind that takes them (Python) get a stand-in name. */
  static pathOf(uri: string, languageId: string): string | undefined {
    const suffix = FILE_KINDS.find((k) => k.untitledSuffix && k.languageIds[0] === languageId)?.untitledSuffix;
    return uriToPath(uri) ?? (suffix ? `${URI.parse(uri).path || '/untitled'}${suffix}` : undefined);
  }

  opened({ textDocument: d }: DidOpenTextDocumentParams): void {
    const path = LiveDiagnostics.pathOf(d.uri, d.languageId);
    if (!path) return;
    this.documents.open(d.uri, path, d.languageId, d.version, d.text);
    this.sizes?.sized(d.uri, d.text.length);
    this.textChanged(d.uri, d.text);
    this.lintSoon(d.uri, 0);
  }

  changed({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const doc = this.documents.edit(textDocument.uri, textDocument.version, contentChanges);
    if (!doc) return;
    this.sizes?.sized(doc.uri, doc.text.length);
    this.textChanged(doc.uri, doc.text);
    // Settings the client has answered are at hand: no promise to wait on per keystroke.
    const known = this.settings.known(doc.uri);
    if (known) this.lintOnType(doc.uri, known);
    else void this.settings.forUri(doc.uri).then((s) => this.lintOnType(doc.uri, s));
  }

  private lintOnType(uri: string, settings: PyguideSettings): void {
    if (settings.run === 'onType') this.lintSoon(uri, settings.onTypeDelay);
  }

  saved(uri: string): void {
    this.lintSoon(uri, 0);
  }

  closedDocument(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    clearTimeout(this.reconcileTimers.get(uri));
    this.reconcileTimers.delete(uri);
    this.documents.close(uri);
    this.sizes?.closed(uri);
    this.statuses.closed(uri);
    const path = uriToPath(uri);
    if (path) {
      this.overlay.delete(path);
      if (isPyproject(path)) this.hooks.pyprojectEdited(path);
    }
    this.hooks.closed(uri, path);
  }

  /**
   * What the editor has of a file on disk is what rules reading other files see; of a
   * pyproject.toml, once its edits rest (WorkspaceSweep.pyprojectTyped).
   */
  private textChanged(uri: string, text: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    if (isPyproject(path)) {
      this.overlay.setUnsettled(path, text);
      this.hooks.pyprojectTyped();
    } else this.overlay.set(path, text);
  }

  /** Lints every open document again (settings changed, a workspace scan ended). */
  relintAll(delay = 0): void {
    for (const doc of this.documents.all()) this.lintSoon(doc.uri, delay);
  }

  lintSoon(uri: string, delay: number): void {
    this.timers.get(uri)?.();
    if (delay <= 0) {
      // Last in the queue: the most recent edit.
      this.due.add(uri);
      this.timers.set(uri, () => this.due.delete(uri));
      this.lintDueSoon();
    } else {
      const timer = setTimeout(() => {
        this.timers.delete(uri);
        this.lint(uri);
      }, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  /**
   * Lints the due documents on coming turns of the event loop, not with a timer (at least 1 ms).
   * The connection hands over one message per turn, and a lint waits for the turn after the next:
   * the message already waiting behind an edit (a keystroke in another file right after a
   * pyproject.toml edit, say) is handled first. An edit of the same document cancels its lint; of
   * several documents, the most recently edited one, where the user types, is linted first and the
   * others each on a later turn.
   */
  private lintDueSoon(): void {
    if (this.dueTurn) return;
    this.dueTurn = setImmediate(() => {
      this.dueTurn = setImmediate(() => {
        this.dueTurn = undefined;
        let latest: string | undefined;
        for (const uri of this.due) latest = uri;
        if (latest === undefined) return;
        this.due.delete(latest);
        this.timers.delete(latest);
        this.lint(latest);
        if (this.due.size > 0) this.lintDueSoon();
      });
    });
  }

  private lint(uri: string): void {
    void this.lintNow(uri).catch((e) => this.connection.console.error(`pyguide: lint of ${uri} failed: ${(e as Error)?.stack ?? e}`));
  }

  /** Lints an open document and publishes its diagnostics; returns its findings. */
  async lintNow(uri: string): Promise<Finding[]> {
    const settings = this.settings.known(uri) ?? (await this.settings.forUri(uri));
    const doc = this.documents.get(uri);
    if (!doc) return [];
    if (!settings.enable) {
      this.publisher.publish(uri, doc.version, []);
      return [];
    }
    const session = this.documents.session;
    // A pyproject.toml's rules read its own text from the document, but the configuration of the
    // workspace it is the root of (the `invalid-config` findings among it), or whether it is a
    // root at all, from the workspace: that text must be the workspace's before it is linted.
    if (isPyproject(doc.path) && this.overlay.isUnsettled(doc.path) && session.workspaces.shapedBy(doc.path, doc.text)) this.hooks.settle(doc.path);
    const workspace = session.workspaces.forFile(doc.path);
    // The first file of a workspace starts its file scan; rules that compare files re-run when it ends.
    if (!session.isPrepared(workspace)) void session.prepare(workspace).then(() => this.hooks.prepared());
    const started = performance.now();
    const result = this.documents.lint(uri, overridesOf(settings))!;
    this.publisher.publish(uri, result.version, result.findings);
    if (this.documents.hasErrors(uri)) this.reconcileSoon(uri, result.version);
    this.statuses.linted(uri, result.version, workspace, result.findings.length, Math.round((performance.now() - started) * 100) / 100);
    return result.findings;
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

  dispose(): void {
    this.timers.forEach((cancel) => cancel());
    clearImmediate(this.dueTurn);
    this.reconcileTimers.forEach((t) => clearTimeout(t));
    this.statuses.dispose();
    this.documents.dispose();
  }
}

function isPyproject(path: string): boolean {
  return kindOf(path) === 'pyproject';
}
