import { basename, dirname, join, relative, sep } from 'node:path';
import { listDirs } from './dirs';
import { BASE_CONFIG, resolveConfig, type ConfigProblem, type EditorOverrides, type ResolvedConfig } from '../engine/config';
import type { RuleCatalog } from '../engine/configSchema';
import type { PresetId } from '../engine/presets';
import type { PythonRule } from '../engine/types';
import { leadsInside } from '../base/paths';
import { TextIndex } from '../engine/textIndex';
import { getPath, type TomlDocument } from '../parsing/toml';
import { isDataTable } from '../parsing/tomlData';
import { workspaceConfig, type Activation, type WorkspaceConfig } from './activation';
import type { FileSource } from './files';
import { parsePyproject } from './pyprojectParse';
import { normalizeName, projectMetadata } from './metadata';
import type { ImportPackage, MemberImport, PackageFiles, PackageInfo, ProjectMetadata, PyprojectFile, WorkspaceView } from './view';

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

/** Directories that never hold a package's import packages. */
const NOT_SOURCE = new Set(['tests', 'test', 'docs', 'build', 'dist', 'node_modules', '__pycache__', 'site-packages', 'venv']);
/** How deep namespace directories (without `__init__.py`) may nest above an import package, as in `genkit/plugins/x`. */
const MAX_NAMESPACE_DEPTH = 3;

/**
 * The import packages under a source directory: the first directories holding `__init__.py`.
 * Declared namespace directories are walked through even when one wrongly holds an `__init__.py`
 * (namespace-init-file reports that), so a plugin's package is still `genkit.plugins.x`.
 */
function findImportPackages(base: string, files: FileSource, namespaceDirs: readonly string[]): ImportPackage[] {
  const out: ImportPackage[] = [];
  const namespaces = new Set(namespaceDirs.map((d) => d.split('/').filter(Boolean).join('.')));
  const walk = (dir: string, parts: string[]) => {
    for (const name of listDirs(dir)) {
      if (NOT_SOURCE.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const sub = join(dir, name);
      const module = [...parts, name];
      if (namespaces.has(module.join('.'))) walk(sub, module);
      else if (files.exists(join(sub, '__init__.py'))) out.push({ dir: sub, module: module.join('.') });
      else if (module.length < MAX_NAMESPACE_DEPTH) walk(sub, module);
    }
  };
  walk(base, []);
  return out;
}

/**
 * One Python workspace: its root, configuration, member packages and known Python files.
 * Derived data is cached and dropped by `changed()` when a file it came from changes.
 */
export class WorkspaceModel implements WorkspaceView {
  private cachedPackages: PackageInfo[] | undefined;
  private readonly pyprojects = new Map<string, PyprojectFile | undefined>();
  private readonly metadataCache = new Map<string, ProjectMetadata | undefined>();
  /** Per package directory. */
  private readonly filesCache = new Map<string, PackageFiles>();
  private sourcesCache: { names: ReadonlySet<string> | undefined } | undefined;
  private readonly python = new Set<string>();
  /** Derived from `python`, built on first use and dropped when it changes. */
  private pythonList: readonly string[] | undefined;
  private pythonByName: Map<string, string[]> | undefined;
  /** Python files created or deleted while a walk of the root runs: newer than what the walk saw. */
  private walkJournal: Array<{ file: string; deleted: boolean }> | undefined;
  private memberImportsCache: readonly MemberImport[] | undefined;
  /** The member imports before the last change dropped them: handed out again when they read the same. */
  private previousMemberImports: readonly MemberImport[] | undefined;
  private readonly packageOfDir = new Map<string, PackageInfo | undefined>();
  private configState: WorkspaceConfig | undefined;
  /** Kept while the root pyproject.toml is mid-edit and does not parse. */
  private lastConfig: WorkspaceConfig | undefined;
  /** The configuration resolved per set of editor settings (most workspaces see one or two). */
  private resolved = new Map<string, ResolvedConfig>();
  /** Counts the changes of anything derived here, so those who remember readings know when to forget them. */
  generation = 0;

  constructor(
    readonly root: string | undefined,
    private readonly files: FileSource,
    private readonly options: WorkspaceOptions = {},
    /** A TOML file whose `[tool.pyguide]` configures this workspace instead of its root pyproject.toml (`--config`). */
    private readonly configFile?: string,
  ) {}

  get rootPyproject(): string | undefined {
    return this.root && join(this.root, 'pyproject.toml');
  }

  /** Problems of `[tool.pyguide]`, each at its key or value (the `invalid-config` findings). */
  get configProblems(): readonly ConfigProblem[] {
    return this.loadConfig().problems;
  }

  /** The project's team rules (`[tool.pyguide.custom-rules]` and its preset's), compiled. */
  get customRules(): readonly PythonRule[] {
    return this.loadConfig().customRules;
  }

  /** Whether pyguide checks this workspace, with which preset, and why. */
  get activation(): Activation {
    return this.loadConfig().activation;
  }

  /** The project's configuration alone (the CLI's). */
  get config(): ResolvedConfig {
    return this.configFor(undefined);
  }

  /**
   * The project's configuration under some editor settings. Settings are an argument, never state:
   * the same settings give the same object, so what is cached against it (findings per syntax
   * fact) stays valid while they do.
   */
  configFor(overrides: EditorOverrides | undefined): ResolvedConfig {
    const key = overrides ? JSON.stringify([overrides.severity, overrides.exclude, overrides.maxFileSize]) : '';
    let config = this.resolved.get(key);
    if (!config) this.resolved.set(key, (config = resolveConfig(this.loadConfig().config, overrides)));
    return config;
  }

  private loadConfig(): WorkspaceConfig {
    if (!this.configState) {
      const source = this.configFile ?? this.rootPyproject;
      this.configState = workspaceConfig({
        root: this.root,
        rootPyproject: source,
        doc: source ? this.pyproject(source) : undefined,
        text: source ? this.pyprojectFile(source)?.text : undefined,
        catalog: this.options.catalog ?? { ids: [], options: () => ({ type: 'table', keys: {} }) },
        unconfigured: this.options.unconfigured ?? 'off',
        memberName: (dir) => {
          const name = this.root ? this.metadata(join(this.root, dir, 'pyproject.toml'))?.name?.value : undefined;
          return name === undefined ? undefined : normalizeName(name);
        },
        exists: (path) => this.files.exists(path),
        previous: this.lastConfig,
      });
      this.lastConfig = this.configState;
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
            found.push({ dir, dirName, kind, pyprojectPath, expectedName: kind.name.replace(/\{name\}/g, dirName).replace(/_/g, '-') });
          }
        }
      }
      this.cachedPackages = found;
    }
    return this.cachedPackages;
  }

  packageOf(file: string): PackageInfo | undefined {
    // Asked for every file by several rules: the answer is the same for every file of a directory.
    const dir = dirname(file);
    if (!this.packageOfDir.has(dir)) this.packageOfDir.set(dir, this.packages.find((p) => isInside(p.dir, file)));
    return this.packageOfDir.get(dir);
  }

  get corePackage(): PackageInfo | undefined {
    const dir = this.root && join(this.root, this.config.layout.core);
    return dir ? this.packages.find((p) => p.dir === dir) : undefined;
  }

  metadata(path: string): ProjectMetadata | undefined {
    if (!this.metadataCache.has(path)) this.metadataCache.set(path, projectMetadata(this.pyproject(path)));
    return this.metadataCache.get(path);
  }

  packageFiles(pkg: PackageInfo): PackageFiles {
    let cached = this.filesCache.get(pkg.dir);
    if (!cached) {
      const source = pkg.kind.sourceDir === '' || pkg.kind.sourceDir === '.' ? pkg.dir : join(pkg.dir, pkg.kind.sourceDir);
      const modules = findImportPackages(source, this.files, pkg.kind.namespace ? this.config.layout.namespaceDirs : []);
      const present = new Map<string, boolean>();
      cached = {
        modules,
        untyped: modules.filter((m) => !this.files.exists(join(m.dir, 'py.typed'))),
        exists: (name) => {
          if (!present.has(name)) present.set(name, this.files.exists(join(pkg.dir, name)));
          return present.get(name)!;
        },
      };
      this.filesCache.set(pkg.dir, cached);
    }
    return cached;
  }

  uvSources(): ReadonlySet<string> | undefined {
    if (!this.sourcesCache) {
      const source = this.configFile ?? this.rootPyproject;
      const doc = source ? this.pyproject(source) : undefined;
      const sources = doc?.ok ? getPath(doc.value, 'tool', 'uv', 'sources') : undefined;
      const names = doc?.ok ? new Set(Object.keys(sources && typeof sources === 'object' ? sources : {}).map(normalizeName)) : undefined;
      this.sourcesCache = { names };
    }
    return this.sourcesCache.names;
  }

  /** Member imports a previous run computed from the same inputs (the CLI's result cache); kept unless already known. */
  rememberMemberImports(value: readonly MemberImport[]): void {
    this.memberImportsCache ??= value;
  }

  memberImports(): readonly MemberImport[] {
    if (!this.memberImportsCache) {
      const found: MemberImport[] = [];
      for (const pkg of this.packages) {
        const distribution = this.metadata(pkg.pyprojectPath)?.name?.value ?? pkg.expectedName;
        for (const m of this.packageFiles(pkg).modules) found.push({ module: m.module, distribution });
      }
      found.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
      // A version edit of a member's pyproject.toml leaves them as they were: the same object keeps
      // what is cached against it (its digest among a file's recorded facts) on a keystroke after it.
      const previous = this.previousMemberImports;
      this.previousMemberImports = undefined;
      this.memberImportsCache = previous && sameMemberImports(previous, found) ? previous : found;
    }
    return this.memberImportsCache;
  }

  /** A file's text for rules to use (the root LICENSE, say): never one a symlink brings in from outside the workspace. */
  readText(path: string): string | undefined {
    if (this.root !== undefined && !leadsInside(this.root, path)) return undefined;
    const read = this.files.read(path, this.readLimit);
    return read.ok ? read.text : undefined;
  }

  /** The size limit of the files the model reads: the configured one once known, the default before. */
  private get readLimit(): number {
    return this.configState?.config.maxFileSize ?? BASE_CONFIG.maxFileSize;
  }

  private forgetMemberImports(): void {
    this.previousMemberImports = this.memberImportsCache ?? this.previousMemberImports;
    this.memberImportsCache = undefined;
  }

  pythonFiles(): readonly string[] {
    this.pythonList ??= [...this.python];
    return this.pythonList;
  }

  pythonFilesNamed(name: string): readonly string[] {
    if (!this.pythonByName) {
      // One pass over the files, so asking for every test module's name stays linear.
      this.pythonByName = new Map();
      for (const f of this.python) {
        const files = this.pythonByName.get(basename(f));
        if (files) files.push(f);
        else this.pythonByName.set(basename(f), [f]);
      }
      for (const files of this.pythonByName.values()) files.sort();
    }
    return this.pythonByName.get(name) ?? [];
  }

  /** A walk of the root starts: the changes reported until its result arrives are kept to replay over it. */
  walkStarted(): void {
    this.walkJournal = [];
  }

  setPythonFiles(files: Iterable<string>): void {
    this.python.clear();
    for (const f of files) if (f.endsWith('.py') || f.endsWith('.pyi')) this.python.add(f);
    // A file renamed or deleted after the walk passed its directory is still in the walk's list.
    for (const { file, deleted } of this.walkJournal ?? []) {
      if (deleted) this.python.delete(file);
      else this.python.add(file);
    }
    this.walkJournal = undefined;
    this.pythonChanged();
  }

  private pythonChanged(): void {
    this.generation++;
    this.pythonList = undefined;
    this.pythonByName = undefined;
  }

  exists(path: string): boolean {
    return this.files.exists(path);
  }

  pyproject(path: string): TomlDocument | undefined {
    return this.pyprojectFile(path)?.doc;
  }

  pyprojectValue(path: string, keys: readonly string[]): unknown {
    const doc = this.pyproject(path);
    return doc?.ok ? getPath(doc.value, ...keys) : undefined;
  }

  pyprojectHasTable(path: string, keys: readonly string[]): boolean {
    return isDataTable(this.pyprojectValue(path, keys));
  }

  pyprojectFile(path: string): PyprojectFile | undefined {
    if (!this.pyprojects.has(path)) {
      const read = this.files.read(path, this.readLimit);
      this.pyprojects.set(path, read.ok ? { path, text: read.text, index: new TextIndex(read.text), doc: parsePyproject(path, read.text) } : undefined);
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
    this.generation++;
    if (basename(file) === 'pyproject.toml') {
      this.pyprojects.delete(file);
      this.metadataCache.delete(file);
      // The members follow from the root's layout and which member pyproject.toml files exist: an
      // edit of one that stays keeps them (and which package each file is in).
      const sameMembers = kind === 'changed' && file !== this.rootPyproject && this.cachedPackages?.some((p) => p.pyprojectPath === file) && this.files.exists(file);
      if (!sameMembers) {
        this.cachedPackages = undefined;
        this.packageOfDir.clear();
      }
      this.forgetMemberImports();
      if (file === this.rootPyproject) {
        this.configState = undefined;
        this.resolved.clear();
        this.sourcesCache = undefined;
        // The layout may have changed: what a package holds is looked at again.
        this.filesCache.clear();
      }
      return true;
    }
    // Files appearing or vanishing in a package (py.typed, README.md, LICENSE, run.sh, __init__.py,
    // or a whole directory) change what it holds.
    const pkg = kind === 'changed' ? undefined : this.packageOf(file);
    if (pkg) {
      this.filesCache.delete(pkg.dir);
      this.forgetMemberImports();
    }
    if (file.endsWith('.py') || file.endsWith('.pyi')) {
      const had = this.python.has(file);
      if (kind !== 'changed') this.walkJournal?.push({ file, deleted: kind === 'deleted' });
      if (kind === 'deleted') this.python.delete(file);
      else this.python.add(file);
      if (had !== this.python.has(file)) this.pythonChanged();
      return had !== this.python.has(file) || (pkg !== undefined && basename(file) === '__init__.py');
    }
    return pkg !== undefined;
  }
}

function sameMemberImports(a: readonly MemberImport[], b: readonly MemberImport[]): boolean {
  return a.length === b.length && a.every((m, i) => m.module === b[i].module && m.distribution === b[i].distribution);
}

/** What a directory's pyproject.toml makes of it: a uv workspace root, a `[tool.pyguide]` root, or neither. */
type RootKind = 'uv' | 'pyguide' | undefined;

function rootKind(dir: string, files: FileSource): RootKind {
  const path = join(dir, 'pyproject.toml');
  const read = files.read(path, BASE_CONFIG.maxFileSize);
  return read.ok ? rootKindOf(path, read.text) : undefined;
}

/** What a text of the pyproject.toml at `path` makes of its directory. */
function rootKindOf(path: string, text: string): RootKind {
  // A cheap look before parsing: most pyproject files on the way up are members, not roots.
  if (!/^\s*\[\s*tool\s*\.\s*uv\b|pyguide/m.test(text)) return undefined;
  const doc = parsePyproject(path, text);
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

export interface WorkspaceOptions {
  /** The rules `[tool.pyguide]` may name (ids and options); LintSession passes the registry's. */
  catalog?: RuleCatalog;
  /** What files outside any workspace (and folders pyguide would not check) get: nothing, or a preset (tests). */
  unconfigured?: PresetId | 'off';
}

/** The workspaces pyguide knows, one per root, shared by the CLI and the server. */
export class Workspaces {
  private readonly byRoot = new Map<string, WorkspaceModel>();
  private readonly rootOfDir = new Map<string, string | undefined>();
  private readonly rootKinds = new Map<string, RootKind>();

  /** A TOML file whose `[tool.pyguide]` configures every workspace (the CLI's `--config`); set it before the first lookup. */
  configFile: string | undefined;

  constructor(
    readonly files: FileSource,
    private readonly options: WorkspaceOptions = {},
  ) {}

  forFile(file: string): WorkspaceModel {
    const dir = dirname(file);
    if (!this.rootOfDir.has(dir)) this.rootOfDir.set(dir, findWorkspaceRoot(file, this.files, this.rootKinds));
    const root = this.rootOfDir.get(dir);
    const key = root ?? '';
    let model = this.byRoot.get(key);
    if (!model) {
      model = new WorkspaceModel(root, this.files, this.options, this.configFile);
      this.byRoot.set(key, model);
    }
    return model;
  }

  all(): WorkspaceModel[] {
    return [...this.byRoot.values()];
  }

  /**
   * Whether this text of the pyproject.toml at `path`, once the workspaces read it, would change
   * more than that file's own data: a workspace's configuration (it is a root's pyproject.toml, or
   * the `--config` file) or which directories are roots.
   */
  shapedBy(path: string, text: string): boolean {
    const dir = dirname(path);
    if (path === this.configFile || this.byRoot.has(dir)) return true;
    if (!this.rootKinds.has(dir)) this.rootKinds.set(dir, rootKind(dir, this.files));
    return rootKindOf(path, text) !== this.rootKinds.get(dir);
  }

  /**
   * Only what a directory's pyproject.toml makes of it decides roots. When an edit leaves that
   * alone (a version, a dependency: nearly every keystroke), every file keeps its root; otherwise
   * the directories at and below it look theirs up again.
   */
  private pyprojectChanged(dir: string): Map<string, string | undefined> {
    const moved = new Map<string, string | undefined>();
    if (!this.rootKinds.has(dir)) return moved;
    const before = this.rootKinds.get(dir);
    const now = rootKind(dir, this.files);
    if (now === before) return moved;
    this.rootKinds.set(dir, now);
    for (const [d, root] of this.rootOfDir) {
      if (d !== dir && !isInside(dir, d)) continue;
      moved.set(d, root);
      this.rootOfDir.delete(d);
    }
    return moved;
  }

  /** Whether a file now has another root than it had before the change that reported `changes`. */
  rootMoved(file: string, changes: ReadonlyMap<string, string | undefined>): boolean {
    const dir = dirname(file);
    return changes.has(dir) && changes.get(dir) !== this.forFile(file).root;
  }

  /**
   * The directories whose root the last `changed` call made to be looked up again, each with the
   * root its files had (empty when the change moved no root: nearly always).
   */
  lastRootChanges: ReadonlyMap<string, string | undefined> = new Map();

  /** Forwards a file change to every workspace; returns those whose derived data changed. */
  changed(file: string, kind: 'created' | 'changed' | 'deleted'): WorkspaceModel[] {
    this.lastRootChanges = basename(file) === 'pyproject.toml' ? this.pyprojectChanged(dirname(file)) : new Map();
    return this.all().filter((m) => (m.root === undefined || m.contains(file)) && m.changed(file, kind));
  }
}
