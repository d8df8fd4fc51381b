// The CLI's persistent result cache, as Ruff keeps one: per workspace, one file of per-file
// entries. An entry is trusted only while the file's text (its digest), pyguide itself (version
// and code), the workspace's effective configuration, the year (license headers carry it) and every
// workspace fact the file's rules read (see workspaceFacts.ts) are what they were when it was
// written. Cached findings are shown, never applied: `--fix` lints every file that may have a fix.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { LintSession } from '../engine/session';
import type { Finding } from '../engine/types';
import { knownRequirements, learnRequirements, type ParsedRequirements } from '../workspace/metadata';
import type { WorkspaceModel } from '../workspace/model';
import { isMemberImportsMemo, memberImportsInputs, type MemberImportsMemo } from './memberImportsMemo';
import { FactChecker, digest, type FactReading } from './workspaceFacts';

declare const PYGUIDE_VERSION: string | undefined;

/** The default cache directory, in the workspace root. */
export const CACHE_DIR_NAME = '.pyguide_cache';
const FORMAT = 1;
/** A cache file larger than this is not read (it is rewritten). */
const MAX_CACHE_FILE = 256 * 1024 * 1024;
/** Entries of files not seen for this long are dropped, so deleted files do not pile up. */
const MAX_UNSEEN_MS = 30 * 24 * 3600 * 1000;

/** What linting a file with recording on yields beside its findings. */
export interface FileRecord {
  /** Digest of the text that was linted. */
  hash: string;
  readings: FactReading[];
}

interface Entry {
  hash: string;
  /** Digest of pyguide's settings for the file's workspace when it was linted. */
  settings: string;
  readings: readonly FactReading[];
  findings: Finding[];
  seen: number;
}

interface CacheFileJson {
  format: number;
  pyguide: string;
  root: string;
  /** Device and inode of the default cache directory, so a cache file that came with a checkout is not trusted. */
  dir: string | undefined;
  facts: FactReading[];
  files: Record<string, { hash: string; settings: string; facts: number[]; findings: Finding[]; seen: number }>;
  /** Dependency specifiers parsed by this pyguide (the parser is slow to load and to run). */
  requirements: ParsedRequirements;
  memberImports: MemberImportsMemo | undefined;
}

let identity: string | undefined;
/** pyguide's version and a digest of its running code, so a rebuilt pyguide never trusts an older one's results. */
function pyguideIdentity(): string {
  if (identity === undefined) {
    let code = '';
    try {
      code = digest(readFileSync(__filename));
    } catch {
      code = 'unknown';
    }
    identity = `${typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : 'dev'}+${code}`;
  }
  return identity;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown) => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const isRange = (v: unknown) => isObject(v) && isPosition(v.start) && isPosition(v.end);

/** Enough of a finding's shape for every output format; anything else in a cache file is ignored. */
function isFinding(v: unknown): v is Finding {
  if (!isObject(v) || typeof v.rule !== 'string' || typeof v.severity !== 'string' || typeof v.file !== 'string' || typeof v.message !== 'string' || !isRange(v.range)) return false;
  if (v.fix !== undefined && !(isObject(v.fix) && typeof v.fix.title === 'string' && typeof v.fix.safe === 'boolean' && Array.isArray(v.fix.changes))) return false;
  return v.related === undefined || (Array.isArray(v.related) && v.related.every((r) => isObject(r) && typeof r.file === 'string' && typeof r.message === 'string' && isRange(r.range)));
}

/** The bytes of a regular file of at most `maxBytes`; never waits on a FIFO, follows a link only when told. */
function readRegularFile(path: string, maxBytes: number, followLinks: boolean, unless?: (stamp: string) => boolean): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    if (unless?.(`${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`)) return undefined;
    return st.isFile() && st.size <= maxBytes ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A cache file's text: never a link, a FIFO or something huge. */
function readCacheFile(path: string, unless?: (stamp: string) => boolean): string | undefined {
  return readRegularFile(path, MAX_CACHE_FILE, false, unless)?.toString('utf8');
}

/**
 * The digest a file's entry is keyed by: that of its text in UTF-8, which is its bytes without
 * a byte order mark (the text pyguide lints drops it). Taken from the bytes, so a lookup decodes nothing.
 */
function contentHash(path: string, maxBytes: number): string | undefined {
  const bytes = readRegularFile(path, maxBytes, true);
  if (!bytes) return undefined;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return digest(bom ? bytes.subarray(3) : bytes);
}

const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isParsedRequirement(v: unknown): v is ParsedRequirements[number] {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || !isObject(v[1])) return false;
  const r = v[1];
  return (
    (r.name === undefined || typeof r.name === 'string') &&
    (r.error === undefined || typeof r.error === 'string') &&
    isStrings(r.extras) &&
    Array.isArray(r.specifiers) &&
    r.specifiers.every((c) => isObject(c) && typeof c.operator === 'string' && typeof c.version === 'string')
  );
}

/** The entries of a cache file, or nothing when it is missing, corrupt, truncated or someone else's. */
function parseCacheFile(
  text: string | undefined,
  expect: { root: string; dir: string | undefined },
): { entries: Map<string, Entry>; requirements: ParsedRequirements; memberImports?: MemberImportsMemo } {
  const entries = new Map<string, Entry>();
  const none = { entries, requirements: [] };
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return none;
  }
  if (!isObject(data) || data.format !== FORMAT || data.pyguide !== pyguideIdentity() || data.root !== expect.root) return none;
  if (expect.dir !== undefined && data.dir !== expect.dir) return none;
  const requirements = Array.isArray(data.requirements) ? data.requirements.filter(isParsedRequirement) : [];
  const facts = data.facts;
  if (!Array.isArray(facts) || !facts.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string') || !isObject(data.files)) return none;
  for (const [rel, e] of Object.entries(data.files)) {
    if (!isObject(e) || typeof e.hash !== 'string' || typeof e.settings !== 'string' || typeof e.seen !== 'number') continue;
    if (!Array.isArray(e.facts) || !e.facts.every((i) => Number.isInteger(i) && i >= 0 && i < facts.length)) continue;
    if (!Array.isArray(e.findings) || !e.findings.every(isFinding)) continue;
    entries.set(rel, { hash: e.hash, settings: e.settings, readings: (e.facts as number[]).map((i) => facts[i] as FactReading), findings: e.findings, seen: e.seen });
  }
  return { entries, requirements, memberImports: isMemberImportsMemo(data.memberImports) ? data.memberImports : undefined };
}

/**
 * Writes the cache file in pieces (the same JSON a single `JSON.stringify` would give), so a large
 * workspace's entries are never one string in memory beside the entries themselves.
 */
function serializeTo(out: (chunk: string) => void, entries: Map<string, Entry>, header: Omit<CacheFileJson, 'facts' | 'files' | 'requirements'>): void {
  const index = new Map<string, number>();
  const facts: FactReading[] = [];
  const factsOf = (e: Entry) =>
    e.readings.map((r) => {
      const key = `${r[0]}\0\0${r[1]}`;
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = facts.length));
        facts.push(r);
      }
      return i;
    });
  const indexed = [...entries].map(([rel, e]) => [rel, e, factsOf(e)] as const);
  out(`${JSON.stringify(header).slice(0, -1)},"facts":${JSON.stringify(facts)},"files":{`);
  indexed.forEach(([rel, e, ids], i) => {
    const file: CacheFileJson['files'][string] = { hash: e.hash, settings: e.settings, facts: ids, findings: e.findings, seen: e.seen };
    out(`${i === 0 ? '' : ','}${JSON.stringify(rel)}:${JSON.stringify(file)}`);
  });
  out(`},"requirements":${JSON.stringify(knownRequirements())}}`);
}

/** Writes beside the target and renames over it, so a reader sees the old file or the new one, never half. */
function writeAtomically(path: string, write: (out: (chunk: string) => void) => void): void {
  const tmp = join(dirname(path), `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const target = fd;
    // Chunks are gathered up to 1 MB per write.
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      if (pending.length > 0) writeSync(target, pending.join(''));
      pending = [];
      size = 0;
    };
    write((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) flush();
    });
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Marks a cache directory as one: ignored by git and by backup tools (CACHEDIR.TAG). Never overwrites. */
function writeMarkers(dir: string): void {
  const markers: [string, string][] = [
    ['.gitignore', '# Automatically created by pyguide.\n*\n'],
    ['CACHEDIR.TAG', 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pyguide.\n'],
  ];
  for (const [name, text] of markers) {
    try {
      writeFileSync(join(dir, name), text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/**
 * The default cache directory of a workspace: `.pyguide_cache` in its root, created if missing,
 * refused when it is a link, not a directory, or resolves outside the root. Its device and inode
 * make the identity a cache file must carry.
 */
function defaultCacheDir(root: string): { dir: string; id: string } {
  const dir = join(root, CACHE_DIR_NAME);
  let st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st) {
    mkdirSync(dir);
    st = lstatSync(dir);
  }
  if (st.isSymbolicLink()) throw new Error(`${dir} is a symbolic link`);
  if (!st.isDirectory()) throw new Error(`${dir} is not a directory`);
  if (!isInside(realpathSync(root), realpathSync(dir))) throw new Error(`${dir} leads outside the workspace`);
  return { dir, id: `${st.dev}:${st.ino}` };
}

/** One workspace's cache file: loaded once, checked per file, written back once if anything changed. */
class WorkspaceCache {
  private readonly entries: Map<string, Entry>;
  private readonly put = new Set<string>();
  private readonly checker: FactChecker;
  private readonly settings: string;
  private memberImports: MemberImportsMemo | undefined;
  /** Device, inode, size and times of the cache file this run read: unchanged at save, it holds nothing this run lacks. */
  private loaded: string | undefined;

  constructor(
    private readonly ws: WorkspaceModel & { root: string },
    private readonly path: string,
    private readonly dirId: string | undefined,
    /** When this run happens (ms since the epoch): what it marks as seen, and what it drops as unseen. */
    private readonly now: number,
  ) {
    const text = readCacheFile(path, (stamp) => {
      this.loaded = stamp;
      return false;
    });
    const cached = parseCacheFile(text, { root: ws.root, dir: dirId });
    this.entries = cached.entries;
    learnRequirements(cached.requirements);
    this.checker = new FactChecker(ws);
    this.settings = digest(JSON.stringify({ config: ws.config, year: new Date(now).getFullYear() }));
    // Read from disk: the texts the next lint would parse.
    if (cached.memberImports?.inputs === memberImportsInputs(ws, this.settings, (path) => ws.readText(path))) {
      ws.rememberMemberImports(cached.memberImports.value);
      this.memberImports = cached.memberImports;
    }
  }

  /** The member imports to keep: those remembered, else computed in this run from the texts the model parsed. */
  private memberImportsMemo(): MemberImportsMemo {
    const value = this.ws.memberImports();
    if (this.memberImports?.value === value) return this.memberImports;
    return { inputs: memberImportsInputs(this.ws, this.settings, (path) => this.ws.pyprojectFile(path)?.text), value: [...value] };
  }

  /**
   * An entry is found by the file's path and trusted only for the same text (its digest): a file's
   * kind (engine/fileKinds.ts) is decided by exactly those two (the path, or an extensionless
   * script's first line), so a kind that changes (a shebang edited) misses the cache as a text
   * change does, and the code digest keeps results of a pyguide with other kinds out.
   */
  private key(file: string): string {
    return relative(this.ws.root, file).split(sep).join('/');
  }

  /** The cached findings of a file, when every input they came from is unchanged. */
  /** `hash` gives the digest of the file's text as it is now, undefined when it cannot be read. */
  lookup(file: string, hash: (maxFileSize: number) => string | undefined): Finding[] | undefined {
    const entry = this.entries.get(this.key(file));
    if (!entry || entry.settings !== this.settings || !this.checker.holds(entry.readings)) return undefined;
    if (hash(this.ws.config.maxFileSize) !== entry.hash) return undefined;
    entry.seen = this.now;
    return entry.findings;
  }

  store(file: string, record: FileRecord, findings: Finding[]): void {
    const key = this.key(file);
    this.entries.set(key, { hash: record.hash, settings: this.settings, readings: record.readings, findings, seen: this.now });
    this.put.add(key);
  }

  save(): void {
    if (this.put.size === 0) return;
    // Another run may have written meanwhile: keep what it found for files this run did not lint.
    const header = {
      format: FORMAT,
      pyguide: pyguideIdentity(),
      root: this.ws.root,
      dir: this.dirId,
      memberImports: this.memberImportsMemo(),
    };
    // A writer renames a new file over it (a new inode), so the same stamp is the file this run read.
    const text = readCacheFile(this.path, (stamp) => stamp === this.loaded);
    const onDisk = parseCacheFile(text, { root: this.ws.root, dir: this.dirId }).entries;
    const merged = new Map<string, Entry>();
    for (const source of [this.entries, onDisk]) {
      for (const [key, entry] of source) if (!this.put.has(key) && this.now - entry.seen <= MAX_UNSEEN_MS) merged.set(key, entry);
    }
    for (const key of this.put) merged.set(key, this.entries.get(key)!);
    writeAtomically(this.path, (out) => serializeTo(out, merged, header));
    this.put.clear();
  }
}

export interface ResultCacheOptions {
  /** `--cache-dir`: where every workspace's cache file goes; default `.pyguide_cache` in each workspace root. */
  dir?: string;
  /** Told once per workspace whose cache cannot be used (the run goes on without it). */
  warn: (message: string) => void;
  /** The run's time (ms since the epoch); the clock's by default. */
  now?: number;
}

/** The result caches of the workspaces one CLI run touches. */
export class ResultCache {
  private readonly caches = new Map<WorkspaceModel, WorkspaceCache | undefined>();

  constructor(private readonly options: ResultCacheOptions) {}

  private open(ws: WorkspaceModel): WorkspaceCache | undefined {
    if (this.caches.has(ws)) return this.caches.get(ws);
    let cache: WorkspaceCache | undefined;
    const root = ws.root;
    // Files outside any workspace are not cached: a cache file belongs to a root.
    if (root !== undefined) {
      try {
        const where = this.options.dir ? { dir: this.options.dir, id: undefined } : defaultCacheDir(root);
        mkdirSync(where.dir, { recursive: true });
        writeMarkers(where.dir);
        cache = new WorkspaceCache(ws as WorkspaceModel & { root: string }, join(where.dir, `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`), where.id, this.options.now ?? Date.now());
      } catch (e) {
        this.options.warn(`not using the result cache for ${root}: ${(e as Error).message}`);
      }
    }
    this.caches.set(ws, cache);
    return cache;
  }

  /**
   * Cached findings of a file as it is on disk, or undefined when it must be linted. The sweep asks
   * this once any planned fixes are written (the session reads the disk again).
   */
  lookup(session: LintSession, file: string): Finding[] | undefined {
    return this.open(session.workspaces.forFile(file))?.lookup(file, (max) => contentHash(file, max));
  }

  /**
   * Whether a file certainly has no finding with a fix: its cached findings are valid for its text
   * as the session reads it (planned fixes included) and have none.
   */
  hasNoFix(session: LintSession, file: string): boolean {
    const hash = (max: number) => {
      const read = session.files.read(file, max);
      return read.ok ? digest(read.text) : undefined;
    };
    return this.open(session.workspaces.forFile(file))?.lookup(file, hash)?.every((f) => !f.fix) ?? false;
  }

  store(session: LintSession, file: string, record: FileRecord, findings: Finding[]): void {
    this.open(session.workspaces.forFile(file))?.store(file, record, findings);
  }

  /** Writes every changed cache file; a failure is told and loses nothing but the cache. */
  save(): void {
    for (const [ws, cache] of this.caches) {
      try {
        cache?.save();
      } catch (e) {
        this.options.warn(`could not write the result cache for ${ws.root}: ${(e as Error).message}`);
      }
    }
  }
}
