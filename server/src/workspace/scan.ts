import { closeSync, openSync, promises as fs, readSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isWithin } from '../base/paths';
import { FILE_KINDS, FIRST_LINE_CHARS, firstLineOf, isExtensionless, kindOf } from '../engine/fileKinds';

/** Directories never worth walking into, whatever .gitignore says. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages']);

/** How much of an extensionless file is read to find its first line (a `#!` line is short and ASCII). */
const FIRST_LINE_BYTES = FIRST_LINE_CHARS;

/** Whether some kind is recognised by a first line: only then are extensionless files opened. */
const KINDS_BY_FIRST_LINE = FILE_KINDS.some((k) => k.byFirstLine);

const firstLine = (bytes: Buffer) => firstLineOf(bytes.toString('utf8'));

/** Whether pyguide lints a file of this path (engine/fileKinds.ts); `firstLine` decides for extensionless scripts. */
export function isLintable(path: string, line?: string): boolean {
  return kindOf(path, line) !== undefined;
}

/** Whether the first line of an extensionless file may make it lintable, so it is worth reading. */
export function needsFirstLine(path: string): boolean {
  return KINDS_BY_FIRST_LINE && kindOf(path) === undefined && isExtensionless(path);
}

/** The first line of a file (its first bytes), or undefined when it cannot be read. */
export function readFirstLineSync(path: string): string | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(FIRST_LINE_BYTES);
      return firstLine(buf.subarray(0, readSync(fd, buf, 0, FIRST_LINE_BYTES, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

async function readFirstLine(path: string): Promise<string | undefined> {
  try {
    const handle = await fs.open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(FIRST_LINE_BYTES), 0, FIRST_LINE_BYTES, 0);
      return firstLine(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** Whether a file met by a walk is lintable: by its path, or an extensionless script by its first line. */
async function lintableOnDisk(path: string): Promise<boolean> {
  if (isLintable(path)) return true;
  return needsFirstLine(path) && isLintable(path, await readFirstLine(path));
}

export interface ScanOptions {
  /** .gitignore-style patterns relative to the root. */
  exclude?: string[];
  signal?: AbortSignal;
  /** Called for directories that could not be read (permissions, vanished). */
  onError?: (path: string, error: Error) => void;
}

interface Layer {
  base: string;
  rules: Ignore;
}

async function readGitignore(dir: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await fs.readFile(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The .gitignore files above the scanned folder apply to it too, as in git: collect them up to the
 * repository root (the folder holding `.git`), or to the file system root outside a repository.
 */
async function ancestorLayers(start: string): Promise<Layer[]> {
  const layers: Layer[] = [];
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const rules = await readGitignore(dir);
    if (rules) layers.unshift({ base: dir, rules });
    const atRepoRoot = await fs.stat(join(dir, '.git')).then(() => true, () => false);
    if (atRepoRoot || dirname(dir) === dir) return layers;
  }
}

function ignoredBy(layers: Layer[], path: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, path).split(sep).join('/');
    if (rel && layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * Walks a folder for the files pyguide lints (Python, pyproject.toml, shell scripts), honouring nested .gitignore files and
 * the configured excludes, skipping virtual environments and dot-directories. Symlinks are followed
 * only where they stay inside the folder, each directory once (so loops end), and a file reached
 * through several paths is listed once (by its own path when the walk meets it).
 */
export async function scanFiles(root: string, options: ScanOptions = {}): Promise<string[]> {
  const found: Found[] = [];
  const seen = new Set<string>();
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (e) {
    options.onError?.(root, e as Error);
    return [];
  }
  const startsInsideRepo = await fs.stat(join(root, '.git')).then(() => false, () => true);
  const rootLayers: Layer[] = [...(startsInsideRepo ? await ancestorLayers(root) : []), { base: root, rules: ignore().add(options.exclude ?? []) }];

  async function walk(dir: string, layers: Layer[], linked: boolean): Promise<void> {
    if (options.signal?.aborted) return;
    let real: string;
    let entries: Dirent[];
    try {
      real = await fs.realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      options.onError?.(dir, e as Error);
      return;
    }
    const own = await readGitignore(dir);
    const here = own ? [...layers, { base: dir, rules: own }] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realFile = join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          realFile = await fs.realpath(full);
          // A link out of the folder brings in someone else's files: never walked, linted or fixed.
          if (!isWithin(realRoot, realFile)) continue;
          const st = await fs.stat(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) || ignoredBy(here, full, true)) continue;
        await walk(full, here, linked || entry.isSymbolicLink());
      } else if (isFile && !ignoredBy(here, full, false) && (await lintableOnDisk(full))) {
        found.push({ path: full, real: realFile, direct: !linked && !entry.isSymbolicLink() });
      }
    }
  }

  await walk(root, rootLayers, false);
  return onePathPerFile(found);
}

/** A file the walk met: its path, where it really is, and whether no symlink led to it. */
interface Found {
  path: string;
  real: string;
  direct: boolean;
}

/** The paths in walk order, one per real file: the path without links when the walk met one, else the first. */
function onePathPerFile(found: readonly Found[]): string[] {
  const chosen = new Map<string, Found>();
  for (const f of found) {
    const prev = chosen.get(f.real);
    if (!prev || (f.direct && !prev.direct)) chosen.set(f.real, f);
  }
  const keep = new Set([...chosen.values()].map((f) => f.path));
  return found.filter((f) => keep.has(f.path)).map((f) => f.path);
}

/** Whether a path is excluded by the configured patterns (relative to the root). */
export function isExcluded(root: string, path: string, exclude: string[]): boolean {
  if (exclude.length === 0) return false;
  const rel = relative(root, path).split(sep).join('/');
  return !!rel && !rel.startsWith('..') && ignore().add(exclude).ignores(rel);
}
