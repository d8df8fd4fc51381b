import type { Connection, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { SEVERITIES } from '../base/severity';
import type { EditorOverrides, SeveritySetting } from '../engine/config';

/** The editor settings under `pyguide.*`; package.json declares the same keys and defaults. */
export interface PyguideSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  onTypeDelay: number;
  severity: Record<string, SeveritySetting>;
  exclude: string[];
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: PyguideSettings = {
  enable: true,
  run: 'onType',
  onTypeDelay: 150,
  severity: {},
  exclude: [],
  maxFileSize: 10_000_000,
};

const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function normalizeSettings(raw: unknown): PyguideSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const severity: Record<string, SeveritySetting> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity)) if (typeof v === 'string' && SEVERITY_SETTINGS.has(v)) severity[k] = v as SeveritySetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    onTypeDelay: typeof r.onTypeDelay === 'number' && r.onTypeDelay >= 0 ? r.onTypeDelay : d.onTypeDelay,
    severity,
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : d.exclude,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : d.maxFileSize,
  };
}

/** What of the editor's settings linting takes, as an argument. */
export function overridesOf(settings: PyguideSettings): EditorOverrides {
  return { severity: settings.severity, exclude: settings.exclude, maxFileSize: settings.maxFileSize };
}

/**
 * The editor's settings per workspace folder: asked of the client once per folder (or file outside
 * any folder) and forgotten when the client says they changed. Every feature that lints, live
 * diagnostics and the workspace sweep alike, gets them here, so all see the same settings.
 */
export class FolderSettings {
  private folders: WorkspaceFolder[] = [];
  private readonly cache = new Map<string, Promise<PyguideSettings>>();
  /** What the client answered, per scope, once it has (the same objects the promises resolve to). */
  private readonly answered = new Map<string, PyguideSettings>();
  /** The pushed settings normalized, until they change. */
  private pushedSettings: PyguideSettings | undefined;
  /** Counts forgettings, so an answer to a question asked before one is not kept. */
  private generation = 0;
  private pull = false;
  private pushed: unknown = undefined;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.pull = !!params.capabilities.workspace?.configuration;
    this.pushed = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  }

  get list(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  foldersChanged(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    this.folders = [...this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)), ...added];
    this.forget();
  }

  /** The workspace folder holding a uri (the innermost, for nested folders); a folder holds itself. */
  folderOf(uri: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined;
    for (const f of this.folders) {
      const base = f.uri.endsWith('/') ? f.uri.slice(0, -1) : f.uri;
      if ((uri === base || uri.startsWith(`${base}/`)) && (!best || base.length > best.uri.length)) best = f;
    }
    return best;
  }

  /** The settings that apply to a document or folder uri. */
  forUri(uri: string): Promise<PyguideSettings> {
    const known = this.known(uri);
    if (known) return Promise.resolve(known);
    if (!this.pull) {
      const settings = normalizeSettings(this.pushed ?? DEFAULT_SETTINGS);
      this.pushedSettings = settings;
      return Promise.resolve(settings);
    }
    const scope = this.folderOf(uri)?.uri ?? uri;
    let settings = this.cache.get(scope);
    if (!settings) {
      const generation = this.generation;
      settings = this.connection.workspace.getConfiguration({ scopeUri: scope, section: 'pyguide' }).then(normalizeSettings, () => DEFAULT_SETTINGS);
      void settings.then((s) => {
        if (this.generation === generation) this.answered.set(scope, s);
      });
      this.cache.set(scope, settings);
    }
    return settings;
  }

  /**
   * The settings of a uri if the client has already answered for its folder, without waiting: a
   * keystroke needs them twice (whether to lint, and how) and asks here first.
   */
  known(uri: string): PyguideSettings | undefined {
    if (!this.pull) return this.pushedSettings;
    if (this.answered.size === 0) return undefined;
    return this.answered.get(this.folderOf(uri)?.uri ?? uri);
  }

  /** The client said settings changed (`pushed`: what it sent along, for clients that do not answer requests). */
  changed(pushed: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.forget();
  }

  private forget(): void {
    this.generation++;
    this.cache.clear();
    this.answered.clear();
    this.pushedSettings = undefined;
  }
}
