// `pyguide check` with a baseline: each workspace root's pyguide-baseline.json hides the findings
// it counts, says which of its entries no longer occur, and `--write-baseline` records today's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { applyBaseline, BASELINE_FILE, baselineKey, baselinePath, countFindings, isBaselinable, mergeBaseline, parseBaseline, serializeBaseline, staleEntries, type BaselineCounts } from '../baseline/baseline';
import type { Finding } from '../engine/types';
import type { Workspaces } from '../workspace/model';
import { UsageError } from './args';

export interface BaselineRun {
  /** What to report: everything the baselines do not cover. */
  findings: Finding[];
  baselined: number;
}

function readCounts(path: string): BaselineCounts | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = parseBaseline(readFileSync(path, 'utf8'));
  // A baseline that cannot be read must not silently turn into "no baseline" (every finding) or "all baselined".
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.error}; fix it or write it again with --write-baseline`);
  return parsed.counts;
}

const isUnder = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

export function runWithBaseline(
  workspaces: Workspaces,
  findings: Finding[],
  checked: { files: string[]; paths: string[] },
  options: { write: boolean; cwd: string },
  say: (message: string) => void,
): BaselineRun {
  const roots = new Map<string, { findings: Finding[]; files: Set<string> }>();
  const rootOf = (file: string) => workspaces.forFile(file).root;
  const entry = (root: string) => roots.get(root) ?? roots.set(root, { findings: [], files: new Set() }).get(root)!;
  for (const file of checked.files) {
    const root = rootOf(file);
    if (root) entry(root).files.add(baselineKey(root, file));
  }
  const reported: Finding[] = [];
  let outside = 0;
  for (const f of findings) {
    const root = rootOf(f.file);
    if (root) entry(root).findings.push(f);
    else {
      reported.push(f);
      if (isBaselinable(f)) outside++;
    }
  }
  if (options.write && outside > 0) say(`${outside} finding${outside === 1 ? '' : 's'} outside any workspace (no pyproject.toml above them) cannot be baselined.`);
  const paths = checked.paths.map((p) => resolve(options.cwd, p));
  let baselined = 0;
  for (const [root, { findings: here, files }] of roots) {
    const path = baselinePath(root);
    const shown = relative(options.cwd, path) || BASELINE_FILE;
    // An entry was checked when its file was, or when it is gone from a directory this run walked.
    const wasChecked = (key: string) => files.has(key) || (!existsSync(resolve(root, key)) && paths.some((p) => isUnder(resolve(root, key), p)));
    let counts = readCounts(path);
    if (options.write) {
      counts = mergeBaseline(counts ?? {}, countFindings(root, here), wasChecked);
      writeFileSync(path, serializeBaseline(counts));
      const total = Object.values(counts).reduce((n, rules) => n + Object.values(rules).reduce((m, r) => m + r.count, 0), 0);
      say(`wrote ${shown}: ${total} finding${total === 1 ? '' : 's'} in ${Object.keys(counts).length} file${Object.keys(counts).length === 1 ? '' : 's'}.`);
    }
    if (!counts) {
      reported.push(...here);
      continue;
    }
    const split = applyBaseline(root, counts, here);
    reported.push(...split.reported);
    baselined += split.baselined.length;
    const stale = staleEntries(root, counts, here, wasChecked);
    if (stale.length > 0) {
      say(`${shown} records ${stale.length} finding count${stale.length === 1 ? '' : 's'} higher than what occurs now; \`pyguide check --write-baseline\` lowers ${stale.length === 1 ? 'it' : 'them'}:`);
      for (const s of stale) process.stderr.write(`  ${s.file}: ${s.rule} ${s.recorded} recorded, ${s.now} now\n`);
    }
  }
  return { findings: reported, baselined };
}
