// Where the project's import sorting (Ruff's isort, `I001`) puts an import: its settings read from
// the Ruff configuration that applies to a file, the section an import belongs to, and the order
// within a section. Follows Ruff's categorize.rs and sorting.rs for the settings that matter when
// one statement is added to a sorted block.
import { basename, dirname, join, resolve } from 'node:path';
import type { WorkspaceView } from '../../workspace/view';
import { parseTomlDocument } from '../../parsing/toml';
import STDLIB from './data/stdlib-modules.json';

export type Section = 'future' | 'standard-library' | 'third-party' | 'first-party' | 'local-folder';
const DEFAULT_ORDER: Section[] = ['future', 'standard-library', 'third-party', 'first-party', 'local-folder'];

export interface IsortSettings {
  knownFirstParty: RegExp[];
  knownThirdParty: RegExp[];
  knownLocalFolder: RegExp[];
  extraStandardLibrary: RegExp[];
  sectionOrder: Section[];
  forceSingleLine: boolean;
  combineAsImports: boolean;
  forceSortWithinSections: boolean;
  caseSensitive: boolean;
  orderByType: boolean;
  fromFirst: boolean;
  splitOnTrailingComma: boolean;
  detectSamePackage: boolean;
  lineLength: number;
  indent: string;
  /** Python minor version the standard library is taken from (`target-version`). */
  minor: number;
  /** Absolute `src` roots: a top-level module found below one is first-party. */
  src: string[];
}

/** A glob of `known-*` (`*`, `?`) as a whole-name pattern. */
function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** The Ruff configuration that applies to `file`: the nearest ruff.toml, .ruff.toml or pyproject.toml with `[tool.ruff]`. */
function ruffConfig(file: string, workspace: WorkspaceView): { dir: string; ruff: Record<string, unknown> } | undefined {
  const stop = workspace.root ? resolve(workspace.root) : undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    for (const name of ['.ruff.toml', 'ruff.toml']) {
      const text = workspace.exists(join(dir, name)) ? workspace.readText(join(dir, name)) : undefined;
      const doc = text === undefined ? undefined : parseTomlDocument(text);
      if (doc?.ok) return { dir, ruff: doc.value as Record<string, unknown> };
    }
    const ruff = workspace.exists(join(dir, 'pyproject.toml')) ? workspace.pyprojectValue(join(dir, 'pyproject.toml'), ['tool', 'ruff']) : undefined;
    if (ruff && typeof ruff === 'object') return { dir, ruff: ruff as Record<string, unknown> };
    if (dir === stop || dirname(dir) === dir || (stop && !dir.startsWith(stop))) return undefined;
  }
}

/** Ruff's isort settings for `file` (Ruff's defaults where nothing is configured). */
export function isortSettings(file: string, workspace: WorkspaceView): IsortSettings {
  const found = ruffConfig(file, workspace);
  const ruff = found?.ruff ?? {};
  const lint = (ruff.lint && typeof ruff.lint === 'object' ? ruff.lint : {}) as Record<string, unknown>;
  const pick = (o: Record<string, unknown>) => (o.isort && typeof o.isort === 'object' ? (o.isort as Record<string, unknown>) : undefined);
  const isort = pick(lint) ?? pick(ruff) ?? {};
  const bool = (key: string, fallback: boolean) => (typeof isort[key] === 'boolean' ? (isort[key] as boolean) : fallback);
  const order = strings(isort['section-order']).filter((s): s is Section => (DEFAULT_ORDER as string[]).includes(s));
  const target = typeof ruff['target-version'] === 'string' ? /^py3(\d+)$/.exec(ruff['target-version'] as string)?.[1] : undefined;
  const base = found?.dir ?? dirname(file);
  const src = Array.isArray(ruff.src) ? strings(ruff.src) : ['.', 'src'];
  const indentWidth = typeof ruff['indent-width'] === 'number' ? (ruff['indent-width'] as number) : 4;
  return {
    knownFirstParty: strings(isort['known-first-party']).map(globPattern),
    knownThirdParty: strings(isort['known-third-party']).map(globPattern),
    knownLocalFolder: strings(isort['known-local-folder']).map(globPattern),
    extraStandardLibrary: strings(isort['extra-standard-library']).map(globPattern),
    sectionOrder: order.length > 0 ? order : DEFAULT_ORDER,
    forceSingleLine: bool('force-single-line', false),
    combineAsImports: bool('combine-as-imports', false),
    forceSortWithinSections: bool('force-sort-within-sections', false),
    caseSensitive: bool('case-sensitive', false),
    orderByType: bool('order-by-type', true),
    fromFirst: bool('from-first', false),
    splitOnTrailingComma: bool('split-on-trailing-comma', true),
    detectSamePackage: bool('detect-same-package', true),
    lineLength: typeof ruff['line-length'] === 'number' ? (ruff['line-length'] as number) : 88,
    indent: ' '.repeat(indentWidth),
    minor: target ? Number(target) : 10,
    src: src.filter((s) => !s.includes('*')).map((s) => resolve(base, s)),
  };
}

const stdlib = new Map<number, Set<string>>();
function isStandardLibrary(minor: number, module: string): boolean {
  const table = STDLIB as Record<string, string[]>;
  const versions = Object.keys(table).map((v) => Number(v.split('.')[1]));
  // Versions outside the table take the nearest one recorded.
  const nearest = versions.reduce((a, b) => (Math.abs(b - minor) < Math.abs(a - minor) ? b : a));
  let names = stdlib.get(nearest);
  if (!names) stdlib.set(nearest, (names = new Set(table[`3.${nearest}`])));
  return names.has(module);
}

/** The top-level package directory a file belongs to (the highest directory with `__init__.py` above it). */
function packageRoot(file: string, workspace: WorkspaceView): string | undefined {
  let root: string | undefined;
  for (let dir = dirname(file); workspace.exists(join(dir, '__init__.py')); dir = dirname(dir)) {
    root = dir;
    if (dirname(dir) === dir) break;
  }
  return root;
}

/** The isort section of an import of `module` (dotted; `level` leading dots) in `file`. */
export function sectionOf(module: string, level: number, settings: IsortSettings, file: string, workspace: WorkspaceView): Section {
  const base = module.split('.')[0];
  let section: Section;
  if (level === 0 && base === '__future__') section = 'future';
  else if (level > 0) section = 'local-folder';
  else {
    const prefixes = module.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'));
    const known = (patterns: RegExp[]) => prefixes.some((p) => patterns.some((re) => re.test(p)));
    if (known(settings.knownFirstParty)) section = 'first-party';
    else if (known(settings.knownThirdParty)) section = 'third-party';
    else if (known(settings.knownLocalFolder)) section = 'local-folder';
    else if (known(settings.extraStandardLibrary)) section = 'standard-library';
    else if (isStandardLibrary(settings.minor, base)) section = 'standard-library';
    else if (settings.detectSamePackage && basename(packageRoot(file, workspace) ?? '') === base) section = 'first-party';
    else if (settings.src.some((root) => workspace.exists(join(root, base)) || workspace.exists(join(root, `${base}.py`)))) section = 'first-party';
    else if (module === '__main__') section = 'first-party';
    else section = 'third-party';
  }
  // A section left out of `section-order` falls back to third-party, Ruff's default section.
  return settings.sectionOrder.includes(section) ? section : 'third-party';
}

/** natord: digit runs compare as numbers, everything else character by character. */
function natord(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = /\d/.test(a[i]);
    const db = /\d/.test(b[j]);
    if (da && db) {
      let ei = i;
      let ej = j;
      while (ei < a.length && /\d/.test(a[ei])) ei++;
      while (ej < b.length && /\d/.test(b[ej])) ej++;
      const na = BigInt(a.slice(i, ei));
      const nb = BigInt(b.slice(j, ej));
      if (na !== nb) return na < nb ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] !== b[j]) return a[i] < b[j] ? -1 : 1;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/** Compares tuples as Rust derives Ord: element by element, `undefined` (None) first. */
type KeyPart = string | number | boolean | undefined | KeyPart[];
function compareParts(a: KeyPart, b: KeyPart): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      const c = compareParts(a[k], b[k]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'string' && typeof b === 'string') return natord(a, b);
  return Number(a) - Number(b);
}

function lower(name: string, settings: IsortSettings): string | undefined {
  return settings.caseSensitive ? undefined : name.toLowerCase();
}

function memberType(name: string): number {
  if (name.length > 1 && name === name.toUpperCase() && name !== name.toLowerCase()) return 0;
  if (/^\p{Lu}/u.test(name)) return 1;
  return 2;
}

/** Ruff's MemberKey for `name [as asname]` in a from-import. */
export function memberKey(name: string, asname: string | undefined, settings: IsortSettings): KeyPart[] {
  return [name !== '*', settings.orderByType ? memberType(name) : undefined, lower(name, settings), name, asname];
}

/** One import statement as the sorter sees it. */
export interface SortedImport {
  style: 'straight' | 'from';
  /** Dotted module, undefined for `from . import x`. */
  module: string | undefined;
  level: number;
  /** Straight: the alias of the one name; from: the first member after sorting. */
  first?: { name: string; asname?: string };
  asname?: string;
}

/** Ruff's ModuleKey, with the import style first when straight and from imports are kept apart. */
export function importKey(imp: SortedImport, settings: IsortSettings): KeyPart[] {
  const styleRank = settings.forceSortWithinSections ? 0 : (imp.style === 'straight') === !settings.fromFirst ? 0 : 1;
  return [
    styleRank,
    -imp.level, // relative imports: furthest first
    imp.module === undefined ? undefined : lower(imp.module, settings),
    imp.module,
    imp.style === 'from' && imp.first ? memberKey(imp.first.name, imp.first.asname, settings) : undefined,
    imp.style === 'straight' ? imp.asname : undefined,
  ];
}

export function compareKeys(a: KeyPart[], b: KeyPart[]): number {
  return compareParts(a, b);
}

/** `from module import members` as isort writes it: one line when it fits, else one member a line. */
export function renderFrom(from: string, members: { name: string; asname?: string }[], settings: IsortSettings, eol: string, expand: boolean): string {
  const names = members.map((m) => (m.asname ? `${m.name} as ${m.asname}` : m.name));
  const line = `from ${from} import ${names.join(', ')}`;
  if (!expand && line.length <= settings.lineLength) return line;
  return [`from ${from} import (`, ...names.map((n) => `${settings.indent}${n},`), ')'].join(eol);
}
