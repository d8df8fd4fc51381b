// Check Workspace and what keeps its results true afterwards: files changed on disk, a
// pyproject.toml being edited, settings changing. Closed files are linted again in small slices off
// the keystroke path, and only those whose findings can depend on what changed. A pyproject.toml
// being typed in reaches the workspace once its edits rest: until then every other file is linted
// against the text it had (see `pyprojectTyped`).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { CancellationToken, Connection, WorkDoneProgressReporter, WorkspaceFolder } from 'vscode-languageserver';
import { FactChecker, RecordingView, type FactName, type FactReading } from '../cache/workspaceFacts';
import type { ResolvedConfig } from '../engine/config';
import type { OpenDocuments } from '../engine/documents';
import { Linter } from '../engine/linter';
import type { Finding } from '../engine/types';
import type { OverlayFiles } from '../workspace/files';
import type { WorkspaceModel } from '../workspace/model';
import { scanFiles } from '../workspace/scan';
import { pathToUri, uriToPath } from './convert';
import type { LiveDiagnostics } from './liveDiagnostics';
import type { SweepResult } from './protocol';
import type { Publisher } from './publisher';
import { overridesOf, type FolderSettings } from './settings';

/** How many files a sweep or a re-check lints before it lets other requests in. */
const SLICE = 16;
/** How long a pyproject.toml must rest before the files depending on it are checked again. */
export const PYPROJECT_DEBOUNCE = 50;

/** Whether a file's findings may have changed, from its path and the workspace facts it read. */
type StaleTest = (path: string, readings: readonly FactReading[] | undefined) => boolean;

/** What the edits of one pyproject.toml since the last look changed. */
interface PyprojectEdits {
  /** The configuration of each workspace holding it, before the first of them. */
  before: Map<WorkspaceModel, ResolvedConfig>;
  /** The workspaces whose derived data they changed. */
  affected: Set<WorkspaceModel>;
  /** The directories whose root they made be looked up again, each with the root it had before. */
  rootChanges: Map<string, string | undefined>;
}

interface Swept {
  findings: Finding[];
  /** The workspace facts the findings were computed from. */
  readings: readonly FactReading[];
}

export class WorkspaceSweep {
  /** Closed files whose findings come from the last completed sweep (and the re-checks since). */
  private swept = new Map<string, Swept>();
  /** The pyproject.toml files edited in the editor since the last look at what they make stale. */
  private readonly edits = new Map<string, PyprojectEdits>();
  /** Swept files waiting to be checked again, and the run doing it. */
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private run = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly settings: FolderSettings,
    private readonly publisher: Publisher,
    private readonly live: LiveDiagnostics,
    private readonly overlay: OverlayFiles,
    /** The workspace read new pyproject.toml texts (the files to watch may follow from them). */
    private readonly onSettled: () => void = () => undefined,
  ) {}

  has(uri: string): boolean {
    return this.swept.has(uri);
  }

  /** Lints one closed file under its folder's settings, remembering what it read. */
  private async lintClosed(uri: string, path: string): Promise<Swept> {
    const settings = await this.settings.forUri(uri);
    if (!settings.enable) return { findings: [], readings: [] };
    const session = this.documents.session;
    const view = new RecordingView(session.workspaces.forFile(path));
    try {
      return { findings: session.lintFile(path, { overrides: overridesOf(settings), view }), readings: view.readings() };
    } catch (e) {
      return { findings: [Linter.unreadable(path, `internal error: ${(e as Error).message}`)], readings: [] };
    }
  }

  /** A document closed: a file the sweep covered shows its on-disk findings again; others leave the Problems panel. */
  async closed(uri: string, path: string | undefined): Promise<void> {
    if (path && this.swept.has(uri)) {
      const result = await this.lintClosed(uri, path);
      if (this.documents.get(uri)) return;
      this.swept.set(uri, result);
      this.publisher.publish(uri, null, result.findings);
    } else this.publisher.publish(uri, null, []);
  }

  /**
   * Lints every file pyguide checks (engine/fileKinds.ts) of every workspace folder, each under its folder's
   * settings. Results replace the previous sweep only when the sweep completes, so cancelling leaves
   * the last complete state.
   */
  async checkWorkspace(progress: WorkDoneProgressReporter, token: CancellationToken): Promise<SweepResult> {
    const abort = new AbortController();
    const cancelled = () => token.isCancellationRequested || abort.signal.aborted;
    token.onCancellationRequested(() => abort.abort());
    progress.begin('Pyguide: Check Workspace', 0, 'Looking for files…', true);
    const files: string[] = [];
    for (const folder of this.settings.list) {
      const root = uriToPath(folder.uri);
      if (!root) continue;
      const settings = await this.settings.forUri(folder.uri);
      if (!settings.enable) continue;
      files.push(...(await scanFiles(root, { exclude: settings.exclude, signal: abort.signal })));
    }
    const session = this.documents.session;
    const results = new Map<string, Swept>();
    let count = 0;
    for (let i = 0; i < files.length && !cancelled(); i++) {
      const file = files[i];
      await session.prepare(session.workspaces.forFile(file), abort.signal);
      const uri = pathToUri(file);
      if (!this.documents.get(uri) && !cancelled() && !results.has(uri)) {
        const result = await this.lintClosed(uri, file);
        results.set(uri, result);
        count += result.findings.length;
      }
      if (i % SLICE === SLICE - 1) {
        progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} files`);
        await yieldToEventLoop();
      }
    }
    if (cancelled()) {
      progress.done();
      this.connection.console.info(`Check Workspace cancelled after ${results.size} of ${files.length} files; the previous results stay.`);
      return { files: results.size, findings: count, cancelled: true };
    }
    for (const uri of this.swept.keys()) if (!results.has(uri) && !this.documents.get(uri)) this.publisher.publish(uri, null, []);
    this.swept = results;
    for (const uri of [...this.pending]) if (!results.has(uri)) this.pending.delete(uri);
    for (const [uri, r] of results) if (!this.documents.get(uri)) this.publisher.publish(uri, null, r.findings);
    progress.done();
    const findings = count + this.documents.all().reduce((n, d) => n + (d.findings?.length ?? 0), 0);
    this.connection.console.info(`Check Workspace: ${files.length} files, ${findings} findings.`);
    return { files: files.length, findings, cancelled: false };
  }

  /**
   * An open pyproject.toml was typed in (its new text is in the overlay, unsettled). The workspace
   * learns of it once the edits rest (`settle`): a keystroke in another file right behind the edit
   * is linted against the workspace every open file was last linted with, and needs no new parse
   * or model of it. Then the files whose findings depend on the edit are linted again.
   */
  pyprojectTyped(): void {
    this.recheckSoon(PYPROJECT_DEBOUNCE);
  }

  /**
   * Hands the workspace the latest text of every pyproject.toml typed in (of `path` alone, when
   * given): before the debounce ends when something must read them as the editor has them (a fix
   * editing one, Check Workspace, a pyproject.toml whose text decides its own workspace).
   */
  settle(path?: string): void {
    if (this.settleTexts(path)) this.recheckSoon(PYPROJECT_DEBOUNCE);
  }

  /** What `settle` does but the look at what the edits made stale; whether the workspace read something new. */
  private settleTexts(path?: string): boolean {
    const changed = this.overlay.settle(path);
    for (const p of changed) this.recordEdit(p);
    if (changed.length > 0) this.onSettled();
    return changed.length > 0;
  }

  /**
   * An open pyproject.toml closed (unsaved edits dropped): the workspace models read the file on
   * disk at once, and which files' findings may depend on it is asked once the edits rest.
   */
  pyprojectEdited(path: string): void {
    this.recordEdit(path);
    this.recheckSoon(PYPROJECT_DEBOUNCE);
  }

  /**
   * The workspace models learn of a pyproject.toml's new text; which files' findings may depend on
   * it is asked in `collectStale` (the keystroke's own lint, and one in another file right behind
   * it, do not wait for the answer): those whose recorded workspace facts read differently now (a
   * version edit leaves alone the files that only read member names), or, when it changed
   * `[tool.pyguide]`, every file of its workspace. Open documents among them are linted again,
   * swept files checked again.
   */
  private recordEdit(path: string): void {
    const workspaces = this.documents.session.workspaces;
    let edit = this.edits.get(path);
    if (!edit) this.edits.set(path, (edit = { before: new Map(), affected: new Set(), rootChanges: new Map() }));
    // The configuration before the first edit since the last look, to tell then whether the edits changed it.
    for (const m of workspaces.all()) if ((m.root === undefined || m.contains(path) || m.rootPyproject === path) && !edit.before.has(m)) edit.before.set(m, m.config);
    for (const m of workspaces.changed(path, 'changed')) edit.affected.add(m);
    for (const [dir, root] of workspaces.lastRootChanges) if (!edit.rootChanges.has(dir)) edit.rootChanges.set(dir, root);
  }

  /** What one pyproject.toml's edits since the last look make stale; a file whose findings it does not decide is not. */
  private staleTest(path: string, edit: PyprojectEdits): StaleTest {
    const workspaces = this.documents.session.workspaces;
    const reconfigured = new Set([...edit.affected].filter((m) => edit.before.has(m) && edit.before.get(m) !== m.config && configSignature(edit.before.get(m)!) !== configSignature(m.config)));
    // A buffer edit creates and deletes nothing, and changes the text of this file only.
    const unchanged = (name: FactName, arg: string) => (name === 'exists' || name === 'text') && arg !== path;
    const staleFacts = this.staleness(edit.affected, reconfigured, unchanged);
    // The edited document itself was linted at each of its keystrokes, its own text read from
    // itself (and, where that text decides its workspace, settled first: see LiveDiagnostics).
    return (p, readings) => p !== path && (workspaces.rootMoved(p, edit.rootChanges) || staleFacts(p, readings));
  }

  /** Whether a file's findings may have changed: its workspace was reconfigured, or a fact it read reads differently. */
  private staleness(
    affected: ReadonlySet<WorkspaceModel>,
    reconfigured: ReadonlySet<WorkspaceModel>,
    unchanged?: (name: FactName, arg: string) => boolean,
  ): StaleTest {
    const workspaces = this.documents.session.workspaces;
    const checkers = new Map<WorkspaceModel, FactChecker>();
    return (path, readings) => {
      const model = workspaces.forFile(path);
      if (reconfigured.has(model)) return true;
      if (!affected.has(model)) return false;
      let checker = checkers.get(model);
      if (!checker) checkers.set(model, (checker = new FactChecker(model, unchanged)));
      return !readings || !checker.holds(readings);
    };
  }

  /**
   * One batch of on-disk changes (a branch switch brings thousands): the workspace models learn of
   * all of them first, then every affected file is linted once.
   */
  filesChangedOnDisk(changes: { uri: string; kind: 'created' | 'changed' | 'deleted' }[]): void {
    const affected = new Set<WorkspaceModel>();
    const workspaces = this.documents.session.workspaces;
    // A deleted directory stands for the swept files under it.
    const expanded = changes.flatMap((c) => (c.kind === 'deleted' ? [c.uri, ...this.sweptUnder(c.uri)].map((uri) => ({ uri, kind: c.kind })) : [c]));
    // The root each directory had before the first change of the batch that made it look its root up again.
    const rootChanges = new Map<string, string | undefined>();
    for (const { uri, kind } of expanded) {
      const path = uriToPath(uri);
      if (!path) continue;
      for (const model of workspaces.changed(path, kind)) affected.add(model);
      for (const [dir, root] of workspaces.lastRootChanges) if (!rootChanges.has(dir)) rootChanges.set(dir, root);
      if (this.documents.get(uri)) continue;
      if (kind === 'deleted') {
        this.pending.delete(uri);
        if (this.swept.delete(uri)) this.publisher.publish(uri, null, []);
      } else if (this.swept.has(uri) || (kind === 'created' && this.swept.size > 0)) {
        if (!this.swept.has(uri)) this.swept.set(uri, { findings: [], readings: [] });
        this.pending.add(uri);
      }
    }
    if (affected.size > 0) {
      const moved = (p: string) => workspaces.rootMoved(p, rootChanges);
      for (const doc of this.documents.all()) if (affected.has(workspaces.forFile(doc.path)) || moved(doc.path)) this.live.lintSoon(doc.uri, 0);
      for (const uri of this.swept.keys()) {
        const p = uriToPath(uri);
        if (p && (affected.has(workspaces.forFile(p)) || moved(p))) this.pending.add(uri);
      }
    }
    this.recheckSoon(0);
  }

  /** Settings changed: every swept file is checked again under its folder's new settings. */
  settingsChanged(): void {
    for (const uri of this.swept.keys()) this.pending.add(uri);
    this.recheckSoon(0);
  }

  /** Folders left the workspace: their swept files leave the Problems panel. */
  foldersRemoved(removed: readonly WorkspaceFolder[]): void {
    for (const uri of [...this.swept.keys()]) {
      if (!removed.some((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))) continue;
      this.swept.delete(uri);
      this.pending.delete(uri);
      if (!this.documents.get(uri)) this.publisher.publish(uri, null, []);
    }
  }

  /** The swept files inside a directory (nothing when `uri` is a file). */
  private sweptUnder(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    return [...this.swept.keys()].filter((u) => u.startsWith(prefix));
  }

  /** Starts checking the pending files after `delay`; a newer start ends the running one. */
  private recheckSoon(delay: number): void {
    clearTimeout(this.timer);
    if (this.pending.size === 0 && this.edits.size === 0 && !this.overlay.hasUnsettled) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.settleTexts();
      this.collectStale();
      void this.recheck(++this.run).catch((e) => this.connection.console.error(`pyguide: re-check failed: ${(e as Error)?.stack ?? e}`));
    }, delay);
  }

  /**
   * What the pyproject.toml edits since the last look made stale: open documents are linted again,
   * swept files join the pending ones.
   */
  private collectStale(): void {
    if (this.edits.size === 0) return;
    const tests = [...this.edits].map(([path, edit]) => this.staleTest(path, edit));
    this.edits.clear();
    const stale = (path: string, readings: readonly FactReading[] | undefined) => tests.some((test) => test(path, readings));
    for (const doc of this.documents.all()) if (stale(doc.path, doc.readings)) this.live.lintSoon(doc.uri, 0);
    for (const [u, s] of this.swept) {
      const p = uriToPath(u);
      if (p && stale(p, s.readings)) this.pending.add(u);
    }
  }

  private async recheck(run: number): Promise<void> {
    let done = 0;
    for (const uri of [...this.pending]) {
      if (run !== this.run) return;
      this.pending.delete(uri);
      const path = uriToPath(uri);
      if (!path || !this.swept.has(uri) || this.documents.get(uri)) continue;
      const result = await this.lintClosed(uri, path);
      if (run !== this.run && this.pending.has(uri)) return;
      if (!this.swept.has(uri) || this.documents.get(uri)) continue;
      this.swept.set(uri, result);
      this.publisher.publishIfChanged(uri, result.findings);
      if (++done % SLICE === 0) await yieldToEventLoop();
    }
  }

  /** For status and tests: how many closed files the last sweep covers. */
  get size(): number {
    return this.swept.size;
  }
}

/** What the project's configuration is, to tell whether an edit changed it. */
function configSignature(config: ResolvedConfig): string {
  return JSON.stringify(config);
}

