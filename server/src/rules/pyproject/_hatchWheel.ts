// What hatchling's wheel builder does with `packages`, `only-include` and `sources`, as its
// BuilderConfig has done since hatchling 1.0 (builders/config.py: `packages`, `only_include`,
// `sources`, `get_distribution_path`; builders/plugin/interface.py: `recurse_explicit_files`):
//
// - the directories walked are `only-include`, or when it is missing or empty, `packages`;
// - `sources` rewrites path prefixes; each `packages` entry also adds its parent directory as a
//   prefix to strip (`packages = ["src/foo"]` ships `foo/...`), unless the entry itself is a source;
// - a file's wheel path comes from the first source, in sorted order, that its path starts with.
//
// Checked against wheels built by hatchling: `packages = ["src/genkit"]` ships
// `genkit/plugins/x/...`; `packages = ["src/genkit/plugins/x"]` ships `x/...`;
// `packages = ["src/genkit", "src/genkit/plugins"]` ships every file twice.
import { posix } from 'node:path';

/** The wheel's file selection as written: per key, the wheel target's value or `[tool.hatch.build]`'s. */
export interface WheelSelection {
  onlyInclude?: unknown;
  packages?: unknown;
  sources?: unknown;
}

/** `os.path.normpath(path).strip(os.sep)` on POSIX paths. */
export function normalizePath(path: string): string {
  return posix.normalize(path).replace(/^\/+|\/+$/g, '') || '.';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** The directories hatch walks for the wheel, normalized, in the order written. */
export function walkedPaths(selection: WheelSelection): string[] {
  const onlyInclude = strings(selection.onlyInclude);
  return (onlyInclude.length > 0 ? onlyInclude : strings(selection.packages)).map(normalizePath);
}

/** The path rewrites, `[prefix, replacement]` with prefixes ending in `/`, in the order hatch tries them. */
export function sourceRewrites(selection: WheelSelection): [string, string][] {
  const rewrites = new Map<string, string>();
  const raw = selection.sources;
  if (Array.isArray(raw)) {
    for (const source of strings(raw)) rewrites.set(`${normalizePath(source)}/`, '');
  } else if (raw && typeof raw === 'object') {
    for (const [source, to] of Object.entries(raw)) {
      if (typeof to !== 'string') continue;
      const target = normalizePath(to);
      rewrites.set(source ? `${normalizePath(source)}/` : '', target === '.' ? '' : `${target}/`);
    }
  }
  for (const pkg of strings(selection.packages).map(normalizePath)) {
    const parent = posix.dirname(pkg);
    if (parent !== '.' && !rewrites.has(`${pkg}/`)) rewrites.set(`${parent}/`, '');
  }
  return [...rewrites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Where a file or directory (relative to the project, `/`-separated) lands in the wheel. */
export function wheelPath(rewrites: readonly [string, string][], relative: string): string {
  for (const [prefix, replacement] of rewrites) {
    if (!prefix) return replacement + relative;
    if (relative.startsWith(prefix)) return replacement + relative.slice(prefix.length);
  }
  return relative;
}

/** Whether `path` is `dir` or lies below it. */
export function within(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

/** Walked paths that hatch walks twice: a later entry equal to or inside an earlier-listed one, with that one. */
export function overlappingPaths(walked: readonly string[]): { inner: string; outer: string }[] {
  const out: { inner: string; outer: string }[] = [];
  walked.forEach((inner, i) => {
    const outer = walked.find((other, j) => j !== i && within(inner, other) && (inner !== other || j < i));
    if (outer !== undefined) out.push({ inner, outer });
  });
  return out;
}
