import type { Finding } from '../../engine/types';
import { displayPath } from './paths';

/** `path:line:col: severity rule-id message`, one line per finding (the problem matcher reads this). */
export function formatText(findings: Finding[], cwd: string): string {
  return findings
    .map((f) => `${displayPath(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${f.message}`)
    .join('\n');
}
