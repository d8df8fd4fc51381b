// `pyguide rules`: every rule with its default severity and whether it has a fix, from the
// registry and the docs pages (whose "Fix" row is the one place a fix's safety is written down).
import type { Severity } from '../engine/types';
import { ruleCatalogue } from './catalogue';
import { readRuleDoc } from '../engine/ruleDocs';
import type { Style } from './style';

export type FixKind = 'safe' | 'sometimes' | 'unsafe' | 'none';

export interface RuleRow {
  id: string;
  severity: Severity;
  fix: FixKind | undefined;
  summary: string;
  guideline: string;
}

/** The docs table's `| Fix | ... |` cell, reduced to one word. */
export function fixKind(page: string | undefined): FixKind | undefined {
  const cell = page && /^\| Fix \| (.*) \|$/m.exec(page)?.[1];
  if (!cell) return undefined;
  if (/^none\b/i.test(cell)) return 'none';
  if (/\bsafe (only|unless|when)\b|\bsafe, except\b/.test(cell)) return 'sometimes';
  if (/\(safe\)/.test(cell)) return 'safe';
  if (/\bunsafe\b|not applied by fix-all/.test(cell)) return 'unsafe';
  return undefined;
}

export function ruleRows(docsDir?: string): RuleRow[] {
  return ruleCatalogue().map((r) => ({ id: r.id, severity: r.defaultSeverity, fix: fixKind(readRuleDoc(r.id, docsDir)), summary: r.summary, guideline: r.guideline }));
}

export function formatRules(rows: RuleRow[], style: Style): string {
  const header = ['rule', 'severity', 'fix'];
  const cells = rows.map((r) => [r.id, r.severity, r.fix ?? '?']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [style.bold(line(header)), ...cells.map(line)].join('\n');
}
