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
  /** `--unsafe-fixes` was given: unsafe fixes count as fixable. */
  unsafeFixes: boolean;
}

export function summaryLines({ findings, files, fixed, baselined, unsafeFixes }: SummaryInput, style: Style): string[] {
  const done = fixed > 0 ? `, ${fixed} fixed` : '';
  const hidden = baselined > 0 ? ` ${baselined} more in ${BASELINE_FILE}.` : '';
  if (findings.length === 0) return [`${style.green(`No problems in ${plural(files, 'file')}${done}.`)}${hidden}`];
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const breakdown = bySeverity.map(([s, n]) => (s === 'info' || s === 'hint' ? `${n} ${s}` : plural(n, s))).join(', ');
  const lines = [`Found ${plural(findings.length, 'problem')} in ${plural(files, 'file')} (${breakdown})${done}.${hidden}`];
  const safe = findings.filter((f) => f.fix?.safe).length;
  const unsafe = findings.filter((f) => f.fix && !f.fix.safe).length;
  const mark = style.cyan('[*]');
  if (unsafeFixes && safe + unsafe > 0) lines.push(`${mark} ${safe + unsafe} fixable with \`pyguide check --fix --unsafe-fixes\`.`);
  else if (safe > 0) lines.push(`${mark} ${safe} fixable with \`pyguide check --fix\`${unsafe > 0 ? ` (${unsafe} more with \`--fix --unsafe-fixes\`)` : ''}.`);
  else if (unsafe > 0) lines.push(`${unsafe} fixable with \`pyguide check --fix --unsafe-fixes\` (review them: they may change behaviour).`);
  return lines;
}
