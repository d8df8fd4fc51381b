import { basename, dirname, join, relative, sep } from 'node:path';
import { readdirSync } from 'node:fs';
import { DEFAULT_CONFIG, readConfig, resolveConfig, type EditorOverrides, type PyguideConfig, type ResolvedConfig } from '../engine/config';
import { getPath, parseTomlDocument, type TomlDocument } from '../parsing/toml';
import type { FileSource } from './files';
import type { PackageInfo, WorkspaceView } from './view';

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * One Python workspace: its root, configuration, member packages and known Python files.
 * Derived data is cached and dropped by `changed()` when a file it came from changes.
 */
export class WorkspaceModel implements WorkspaceView {
  private cachedPackages: PackageInfo[] | undefined;
  private readonly pyprojects = new Map<string, TomlDocument | undefined>();
  private readonly python = new Set<string>();
  private configState: { config: PyguideConfig; problems: string[] } | undefined;
  private resolved: ResolvedConfig | undefined;
  private overrides: EditorOverrides = {};

  constructor(
    readonly root: string | undefined,
    private readonly files: FileSource,
  ) {}

  get rootPyproject(): string | undefined {
    return this.root && join(this.root, 'pyproject.toml');
  }

  /** Problems found in `[tool.pyguide]`, in words. */
  get configProblems(): string[] {
    return this.loadConfig().problems;
  }

  get config(): ResolvedConfig {
    this.resolved ??= resolveConfig(this.loadConfig().config, this.overrides);
    return this.resolved;
  }

  setOverrides(overrides: EditorOverrides): void {
    // The server sets them before every lint: the configuration object stays the same while they
    // do, so what is cached against it (findings per syntax fact) stays valid.
    if (JSON.stringify(overrides) === JSON.stringify(this.overrides)) return;
    this.overrides = overrides;
    this.resolved = undefined;
  }

  private loadConfig(): { config: PyguideConfig; problems: string[] } {
    if (!this.configState) {
      const doc = this.rootPyproject ? this.pyproject(this.rootPyproject) : undefined;
      this.configState = doc?.ok ? readConfig(getPath(doc.value, 'tool', 'pyguide')) : { config: DEFAULT_CONFIG, problems: [] };
    }
    return this.configState;
  }

  get packages(): readonly PackageInfo[] {
    if (!this.cachedPackages) {
      const found: PackageInfo[] = [];
      if (this.root) {
        for (const kind of this.config.layout.members) {
          const [parent, star, ...rest] = kind.path.split('/');
          if (star !== '*' || rest.length > 0) continue;
          for (const dirName of listDirs(join(this.root, parent))) {
            const dir = join(this.root, parent, dirName);
            const pyprojectPath = join(dir, 'pyproject.toml');
            if (!this.files.exists(pyprojectPath)) continue;
            found.push({ dir, dirName, kind, pyprojectPath, expectedName: kind.name.replace(/\{name\}/g, dirName) });
          }
        }
      }
      this.cachedPackages = found;
    }
    return this.cachedPackages;
  }

  packageOf(file: string): PackageInfo | undefined {
    return this.packages.find((p) => isInside(p.dir, file));
  }

  pythonFiles(): readonly string[] {
    return [...this.python];
  }

  setPythonFiles(files: Iterable<string>): void {
    this.python.clear();
    for (const f of files) if (f.endsWith('.py') || f.endsWith('.pyi')) this.python.add(f);
  }

  exists(path: string): boolean {
    return this.files.exists(path);
  }

  pyproject(path: string): TomlDocument | undefined {
    if (!this.pyprojects.has(path)) {
      const read = this.files.read(path);
      this.pyprojects.set(path, read.ok ? parseTomlDocument(read.text) : undefined);
    }
    return this.pyprojects.get(path);
  }

  contains(file: string): boolean {
    return this.root !== undefined && isInside(this.root, file);
  }

  /**
   * A file was created, changed (on disk or in an editor) or deleted. Returns true when derived
   * workspace data changed, so findings of other files may have changed too.
   */
  changed(file: string, kind: 'created' | 'changed' | 'deleted'): boolean {
    if (basename(file) === 'pyproject.toml') {
      this.pyprojects.delete(file);
      this.cachedPackages = undefined;
      if (file === this.rootPyproject) {
        this.configState = undefined;
        this.resolved = undefined;
      }
      return true;
    }
    if (file.endsWith('.py') || file.endsWith('.pyi')) {
      const had = this.python.has(file);
      if (kind === 'deleted') this.python.delete(file);
      else this.python.add(file);
      return had !== this.python.has(file);
    }
    // Package files such as py.typed, README.md, LICENSE and run.sh.
    return kind !== 'changed' && this.packages.some((p) => isInside(p.dir, file));
  }
}

/** What a directory's pyproject.toml makes of it: a uv workspace root, a `[tool.pyguide]` root, or neither. */
type RootKind = 'uv' | 'pyguide' | undefined;

function rootKind(dir: string, files: FileSource): RootKind {
  const read = files.read(join(dir, 'pyproject.toml'));
  // A cheap look before parsing: most pyproject files on the way up are members, not roots.
  if (!read.ok || !/^\s*\[\s*tool\s*\.\s*(uv|pyguide)\b/m.test(read.text)) return undefined;
  const doc = parseTomlDocument(read.text);
  if (doc.ok && getPath(doc.value, 'tool', 'uv', 'workspace') !== undefined) return 'uv';
  if (doc.ok && getPath(doc.value, 'tool', 'pyguide') !== undefined) return 'pyguide';
  return undefined;
}

/**
 * Finds the workspace root of a file: the nearest `[tool.uv.workspace]`, else the nearest `[tool.pyguide]`.
 * `kinds` remembers what each directory on the way up is, so files in sibling directories do not
 * read and parse the same ancestors' pyproject.toml again.
 */
export function findWorkspaceRoot(file: string, files: FileSource, kinds = new Map<string, RootKind>()): string | undefined {
  let configRoot: string | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (!kinds.has(dir)) kinds.set(dir, rootKind(dir, files));
    const kind = kinds.get(dir);
    if (kind === 'uv') return dir;
    if (kind === 'pyguide' && !configRoot) configRoot = dir;
    if (dirname(dir) === dir) return configRoot;
  }
}

/** The workspaces pyguide knows, one per root, shared by the CLI and the server. */
export class Workspaces {
  private readonly byRoot = new Map<string, WorkspaceModel>();
  private readonly rootOfDir = new Map<string, string | undefined>();
  private readonly rootKinds = new Map<string, RootKind>();

  constructor(readonly files: FileSource) {}

  forFile(file: string): WorkspaceModel {
    const dir = dirname(file);
    if (!this.rootOfDir.has(dir)) this.rootOfDir.set(dir, findWorkspaceRoot(file, this.files, this.rootKinds));
    const root = this.rootOfDir.get(dir);
    const key = root ?? '';
    let model = this.byRoot.get(key);
    if (!model) {
      model = new WorkspaceModel(root, this.files);
      this.byRoot.set(key, model);
    }
    return model;
  }

  all(): WorkspaceModel[] {
    return [...this.byRoot.values()];
  }

  /** Forwards a file change to every workspace; returns those whose derived data changed. */
  changed(file: string, kind: 'created' | 'changed' | 'deleted'): WorkspaceModel[] {
    if (basename(file) === 'pyproject.toml') {
      this.rootOfDir.clear();
      this.rootKinds.clear();
    }
    return this.all().filter((m) => (m.root === undefined || m.contains(file)) && m.changed(file, kind));
  }
}
