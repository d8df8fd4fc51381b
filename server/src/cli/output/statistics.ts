// `--statistics`: one row per rule with its count instead of the findings, most frequent first.
import type { Finding } from '../../engine/types';
import { ruleCatalogue } from '../catalogue';
import type { Style } from '../style';

export interface RuleCount {
  rule: string;
  count: number;
  /** How many of them have a safe fix. */
  fixable: number;
  summary: string;
}

export function countByRule(findings: Finding[]): RuleCount[] {
  const summaries = new Map(ruleCatalogue().map((r) => [r.id, r.summary]));
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const c = counts.get(f.rule) ?? { rule: f.rule, count: 0, fixable: 0, summary: summaries.get(f.rule) ?? '' };
    c.count++;
    if (f.fix?.safe) c.fixable++;
    counts.set(f.rule, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
}

/** `count  rule-id  [*] summary`, aligned; `[*]` when a safe fix exists for some of them. */
export function formatStatistics(findings: Finding[], style: Style): string {
  const rows = countByRule(findings);
  const countWidth = Math.max(0, ...rows.map((r) => String(r.count).length));
  const ruleWidth = Math.max(0, ...rows.map((r) => r.rule.length));
  return rows.map((r) => `${String(r.count).padStart(countWidth)}  ${style.bold(r.rule.padEnd(ruleWidth))}  ${r.fixable > 0 ? style.cyan('[*]') : '   '} ${r.summary}`).join('\n');
}

export function statisticsJson(findings: Finding[]): string {
  return JSON.stringify(countByRule(findings), null, 2);
}
