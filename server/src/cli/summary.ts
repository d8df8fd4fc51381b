// The closing lines of a human run, on stderr as Ruff writes them: how many problems of which
// severity in how many files, and how many `--fix` would settle.
import { BASELINE_FILE } from '../baseline/baseline';
import { SEVERITIES, type Finding } from '../engine/types';
import type { Style } from './style';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SummaryInput {
  findings: Finding[];
  files: number;
  /** Fixes `--fix` applied in this run. */
  fixed: number;
  /** Findings the baseline hides. */
  baselined: number;
}

export function summaryLines({ findings, files, fixed, baselined }: SummaryInput, style: Style): string[] {
  const lines: string[] = [];
  if (fixed > 0) lines.push(`Fixed ${plural(fixed, 'problem')}.`);
  const hidden = baselined > 0 ? ` ${baselined} more in ${BASELINE_FILE}.` : '';
  if (findings.length === 0) {
    lines.push(`${style.green(`No problems in ${plural(files, 'file')}.`)}${hidden}`);
    return lines;
  }
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const breakdown = bySeverity.map(([s, n]) => (s === 'info' || s === 'hint' ? `${n} ${s}` : plural(n, s))).join(', ');
  lines.push(`Found ${plural(findings.length, 'problem')} in ${plural(files, 'file')} (${breakdown}).${hidden}`);
  const fixable = findings.filter((f) => f.fix?.safe).length;
  if (fixable > 0) lines.push(`${style.cyan('[*]')} ${fixable} fixable with \`pyguide check --fix\`.`);
  return lines;
}
