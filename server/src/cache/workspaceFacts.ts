// What a file's findings depend on beyond its own text: the workspace facts its rules read. The
// result cache records each fact read while a file is linted, with a digest of what was read, and
// trusts the cached findings later only while every such fact reads the same. A pyproject.toml
// edit therefore invalidates exactly the files whose rules read that file (or a fact derived from
// it), whatever rule did the reading: nothing here knows about particular rules.
import { createHash, getHashes } from 'node:crypto';
import type { ConfigProblem } from '../engine/config';
import type { WorkspaceModel } from '../workspace/model';
import type { MemberImport, PackageFiles, PackageInfo, ProjectMetadata, PyprojectFile, WorkspaceView } from '../workspace/view';

/** A fact of a workspace: what was asked (`name`, NUL, argument), e.g. `exists\0/ws/pkg/LICENSE`. */
export type FactKey = string;
/** A fact as a file's rules read it: the key and the digest of its value. */
export type FactReading = readonly [FactKey, string];

// BLAKE2b is several times faster than SHA-256 without SHA instructions in the CPU, and a cached
// run digests every file of the workspace. Node's OpenSSL has it; a build without falls back.
const ALGORITHM = getHashes().includes('blake2b512') ? 'blake2b512' : 'sha256';

/** A cryptographic digest (BLAKE2b-512 cut to 256 bits, or SHA-256), base64url; a string is hashed as its UTF-8 bytes. */
export function digest(text: string | Uint8Array): string {
  return createHash(ALGORITHM).update(text).digest().subarray(0, 32).toString('base64url');
}

/** Short values are their own digest; long ones are hashed so the cache file stays small. */
function digestJson(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  const json = JSON.stringify(value, replacer) ?? 'undefined';
  return json.length <= 44 ? json : digest(json);
}

function packageByDir(ws: WorkspaceView, dir: string): PackageInfo | undefined {
  return ws.packages.find((p) => p.dir === dir);
}

interface Fact<T> {
  read(ws: WorkspaceView, arg: string): T;
  digest(value: T): string;
  /** The digest of the value without building it, where that is cheaper (hashing a text rather than parsing it). */
  check?(ws: WorkspaceView, arg: string): string;
}

const fact = <T>(read: (ws: WorkspaceView, arg: string) => T, digest: (value: T) => string = digestJson, check?: Fact<T>['check']): Fact<T> => ({ read, digest, check });

const textDigest = (text: string | undefined) => (text === undefined ? 'none' : digest(text));

/**
 * Every fact a rule can read through the `WorkspaceView`, how to read it again from the argument
 * in its key, and its digest. `pyproject` stands for the parsed file, its metadata and its text
 * alike: all of them follow from the text.
 */
const FACTS = {
  packages: fact((ws) => ws.packages),
  packageOf: fact((ws, file) => ws.packageOf(file)),
  corePackage: fact((ws) => ws.corePackage),
  pythonFiles: fact((ws) => ws.pythonFiles()),
  pythonFilesNamed: fact((ws, name) => ws.pythonFilesNamed(name)),
  exists: fact((ws, path) => ws.exists(path)),
  pyproject: fact(
    (ws, path): PyprojectFile | undefined => ws.pyprojectFile(path),
    (file) => textDigest(file?.text),
    // The same text through the same file source, unparsed.
    (ws, path) => textDigest(ws.readText(path)),
  ),
  packageFiles: fact(
    (ws, dir): PackageFiles | undefined => {
      const pkg = packageByDir(ws, dir);
      return pkg && ws.packageFiles(pkg);
    },
    (files) => (files ? digestJson([files.modules, files.untyped]) : 'none'),
  ),
  packageFileExists: fact((ws, arg) => {
    const [dir, name] = arg.split('\0');
    const pkg = packageByDir(ws, dir);
    return pkg ? ws.packageFiles(pkg).exists(name) : undefined;
  }),
  uvSources: fact((ws) => ws.uvSources(), (names) => (names ? digestJson([...names].sort()) : 'none')),
  text: fact((ws, path) => ws.readText(path), textDigest),
  memberImports: fact((ws): readonly MemberImport[] => ws.memberImports()),
  /** One value of a pyproject.toml (`path`, NUL, each key): an edit elsewhere in the file leaves its readers alone. */
  pyprojectValue: fact(
    (ws, arg) => {
      const [path, ...keys] = arg.split('\0');
      return ws.pyprojectValue(path, keys);
    },
    // A TOML integer beyond 2^53 may come as a bigint, which JSON cannot write.
    (value) => digestJson(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v)),
  ),
  pyprojectHasTable: fact((ws, arg) => {
    const [path, ...keys] = arg.split('\0');
    return ws.pyprojectHasTable(path, keys);
  }),
  /** One `[project]` field of a pyproject.toml (`path`, NUL, field): a version edit leaves the readers of names alone. */
  metadataField: fact((ws, arg) => {
    const cut = arg.indexOf('\0');
    const meta = ws.metadata(arg.slice(0, cut));
    return meta === undefined ? undefined : (meta as unknown as Record<string, unknown>)[arg.slice(cut + 1)];
  }),
};

export type FactName = keyof typeof FACTS;
type FactValue<N extends FactName> = ReturnType<(typeof FACTS)[N]['read']>;

/**
 * Digests of the values the workspace model hands out. Its values are cached objects that stay the
 * same until a file they came from changes, so a digest is computed once per object.
 */
const digestsOf = new Map<FactName, WeakMap<object, string>>();

function digestOf<N extends FactName>(name: N, value: FactValue<N>): string {
  const f = FACTS[name] as Fact<FactValue<N>>;
  if (typeof value !== 'object' || value === null) return f.digest(value);
  let memo = digestsOf.get(name);
  if (!memo) digestsOf.set(name, (memo = new WeakMap()));
  let digest = memo.get(value);
  if (digest === undefined) memo.set(value, (digest = f.digest(value)));
  return digest;
}

function splitKey(key: FactKey): { name: FactName; arg: string } | undefined {
  const cut = key.indexOf('\0');
  const name = (cut < 0 ? key : key.slice(0, cut)) as FactName;
  return Object.hasOwn(FACTS, name) ? { name, arg: cut < 0 ? '' : key.slice(cut + 1) } : undefined;
}

/** What `FactChecker.current` says of a fact the caller knows still reads as recorded. */
const UNCHANGED = '\0unchanged';

/**
 * What the facts of one workspace read now. Readings are remembered until the workspace model
 * changes (`generation`), so checking thousands of cached files reads each fact once.
 */
export class FactChecker {
  private readonly now = new Map<FactKey, string>();
  private generation: number;

  /**
   * `unchanged` names facts the caller knows still read as recorded (an edit in the editor's buffer
   * of one pyproject.toml creates no file and changes no other file's text): they are not read again,
   * which spares a stat of the disk per file and fact.
   */
  constructor(
    private readonly ws: WorkspaceModel,
    private readonly unchanged?: (name: FactName, arg: string) => boolean,
  ) {
    this.generation = ws.generation;
  }

  /** The digest of what the fact reads now (UNCHANGED for a fact the caller declared unchanged); undefined for a key no pyguide wrote. */
  private current(key: FactKey): string | undefined {
    if (this.generation !== this.ws.generation) {
      this.now.clear();
      this.generation = this.ws.generation;
    }
    let digest = this.now.get(key);
    if (digest === undefined) {
      const parts = splitKey(key);
      if (!parts) return undefined;
      const f: Fact<unknown> = FACTS[parts.name];
      if (this.unchanged?.(parts.name, parts.arg)) digest = UNCHANGED;
      else digest = f.check ? f.check(this.ws, parts.arg) : digestOf(parts.name, f.read(this.ws, parts.arg) as FactValue<typeof parts.name>);
      this.now.set(key, digest);
    }
    return digest;
  }

  holds(readings: readonly FactReading[]): boolean {
    return readings.every(([key, digest]) => {
      const now = this.current(key);
      return now === UNCHANGED || now === digest;
    });
  }
}

/**
 * The workspace as the rules of one file see it, recording every fact they read. `consistent` is
 * false when a fact read twice gave different values (the disk changed mid-lint): such a file's
 * findings are not cached.
 */
export class RecordingView implements WorkspaceView {
  private readonly read = new Map<FactKey, string>();
  consistent = true;

  constructor(private readonly ws: WorkspaceView) {}

  /** The facts read so far, each with the digest of what was read. */
  readings(): FactReading[] {
    return [...this.read];
  }

  private track<N extends FactName>(name: N, arg = ''): FactValue<N> {
    const value = FACTS[name].read(this.ws, arg) as FactValue<N>;
    const key = arg === '' ? name : `${name}\0${arg}`;
    const digest = digestOf(name, value);
    const before = this.read.get(key);
    if (before !== undefined && before !== digest) this.consistent = false;
    this.read.set(key, digest);
    return value;
  }

  get root(): string | undefined {
    return this.ws.root;
  }

  get rootPyproject(): string | undefined {
    return this.ws.rootPyproject;
  }

  /** Not recorded: they come from the root pyproject.toml, whose text and configuration key the cache already. */
  get configProblems(): readonly ConfigProblem[] {
    return this.ws.configProblems;
  }

  get packages(): readonly PackageInfo[] {
    return this.track('packages');
  }

  packageOf(file: string): PackageInfo | undefined {
    return this.track('packageOf', file);
  }

  get corePackage(): PackageInfo | undefined {
    return this.track('corePackage');
  }

  pythonFiles(): readonly string[] {
    return this.track('pythonFiles');
  }

  pythonFilesNamed(name: string): readonly string[] {
    return this.track('pythonFilesNamed', name);
  }

  exists(path: string): boolean {
    return this.track('exists', path);
  }

  pyproject(path: string) {
    return this.track('pyproject', path)?.doc;
  }

  pyprojectFile(path: string): PyprojectFile | undefined {
    return this.track('pyproject', path);
  }

  pyprojectValue(path: string, keys: readonly string[]): unknown {
    return this.track('pyprojectValue', [path, ...keys].join('\0'));
  }

  pyprojectHasTable(path: string, keys: readonly string[]): boolean {
    return this.track('pyprojectHasTable', [path, ...keys].join('\0'));
  }

  metadata(path: string): ProjectMetadata | undefined {
    const meta = this.ws.metadata(path);
    // Whether there is metadata at all follows from the text; which fields a rule reads, from the rule.
    if (!meta) {
      this.track('pyproject', path);
      return undefined;
    }
    return new Proxy(meta, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && Object.hasOwn(target, key)) this.track('metadataField', `${path}\0${key}`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  packageFiles(pkg: PackageInfo): PackageFiles {
    const files = this.track('packageFiles', pkg.dir);
    if (!files) {
      // A package the workspace does not list: what was read of it could not be read again.
      this.consistent = false;
      return this.ws.packageFiles(pkg);
    }
    return { modules: files.modules, untyped: files.untyped, exists: (name) => this.track('packageFileExists', `${pkg.dir}\0${name}`) === true };
  }

  memberImports(): readonly MemberImport[] {
    return this.track('memberImports');
  }

  uvSources(): ReadonlySet<string> | undefined {
    return this.track('uvSources');
  }

  readText(path: string): string | undefined {
    return this.track('text', path);
  }
}
