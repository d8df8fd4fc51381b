// A baseline for adopting pyguide on an existing tree, after ESLint's bulk suppressions: a committed
// `pyguide-baseline.json` at the workspace root counts today's findings per file and rule. Counts,
// not lines, so edits elsewhere in a file do not bring them back; a file with more findings of a
// rule than recorded shows all of them again (which ones are new cannot be told), as ESLint does.
import { join, relative, sep } from 'node:path';
import type { Finding } from '../engine/types';

export const BASELINE_FILE = 'pyguide-baseline.json';

/** `{"path/from/root.py": {"rule-id": {"count": 2}}}`, ESLint's suppressions shape. */
export type BaselineCounts = Record<string, Record<string, { count: number }>>;

/** Only findings that fail a run are recorded: info and hint never do. */
export function isBaselinable(f: Finding): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}

export function baselinePath(root: string): string {
  return join(root, BASELINE_FILE);
}

/** A file's key in the baseline: relative to the workspace root, `/`-separated. */
export function baselineKey(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export type ParsedBaseline = { ok: true; counts: BaselineCounts } | { ok: false; error: string };

/** Reads the file's text, refusing anything that is not the documented shape (nothing is guessed). */
export function parseBaseline(text: string): ParsedBaseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isTable(value)) return { ok: false, error: 'expected an object of files' };
  const counts: BaselineCounts = Object.create(null);
  for (const [file, rules] of Object.entries(value)) {
    if (!isTable(rules)) return { ok: false, error: `"${file}": expected an object of rules` };
    counts[file] = Object.create(null);
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isTable(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return { ok: false, error: `"${file}" › "${rule}": expected {"count": <a positive integer>}` };
      counts[file][rule] = { count };
    }
  }
  return { ok: true, counts };
}

/** Sorted keys, two-space JSON and a final newline: the same findings always write the same bytes. */
export function serializeBaseline(counts: BaselineCounts): string {
  const sorted: BaselineCounts = {};
  for (const file of Object.keys(counts).sort()) {
    const rules = Object.keys(counts[file]).sort();
    if (rules.length === 0) continue;
    sorted[file] = {};
    for (const rule of rules) sorted[file][rule] = { count: counts[file][rule].count };
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The counts of `findings` (all under `root`) per file and rule. */
export function countFindings(root: string, findings: readonly Finding[]): BaselineCounts {
  const counts: BaselineCounts = {};
  for (const f of findings) {
    if (!isBaselinable(f)) continue;
    const key = baselineKey(root, f.file);
    const rules = (counts[key] ??= {});
    rules[f.rule] = { count: (rules[f.rule]?.count ?? 0) + 1 };
  }
  return counts;
}

export interface BaselineSplit {
  /** Findings the baseline does not cover: new ones, and all of a rule in a file over its count. */
  reported: Finding[];
  baselined: Finding[];
}

/** Splits findings under `root` by the baseline. */
export function applyBaseline(root: string, counts: BaselineCounts, findings: readonly Finding[]): BaselineSplit {
  const now = countFindings(root, findings);
  const reported: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of findings) {
    const key = baselineKey(root, f.file);
    const allowed = counts[key]?.[f.rule]?.count ?? 0;
    if (isBaselinable(f) && now[key][f.rule].count <= allowed) baselined.push(f);
    else reported.push(f);
  }
  return { reported, baselined };
}

export interface StaleEntry {
  file: string;
  rule: string;
  recorded: number;
  now: number;
}

/**
 * Entries that record more than occurs now, among the files this run checked (`checked`, keys):
 * fixed findings, whose allowance would otherwise let new ones in unnoticed.
 */
export function staleEntries(root: string, counts: BaselineCounts, findings: readonly Finding[], checked: (key: string) => boolean): StaleEntry[] {
  const now = countFindings(root, findings);
  const stale: StaleEntry[] = [];
  for (const [file, rules] of Object.entries(counts)) {
    if (!checked(file)) continue;
    for (const [rule, { count }] of Object.entries(rules)) {
      const current = now[file]?.[rule]?.count ?? 0;
      if (current < count) stale.push({ file, rule, recorded: count, now: current });
    }
  }
  return stale.sort((a, b) => (a.file === b.file ? (a.rule < b.rule ? -1 : 1) : a.file < b.file ? -1 : 1));
}

/** `existing` with the entries of the checked files replaced by `counts`: a partial run keeps the rest. */
export function mergeBaseline(existing: BaselineCounts, counts: BaselineCounts, checked: (key: string) => boolean): BaselineCounts {
  const merged: BaselineCounts = {};
  for (const [file, rules] of Object.entries(existing)) if (!checked(file)) merged[file] = rules;
  for (const [file, rules] of Object.entries(counts)) merged[file] = rules;
  return merged;
}
