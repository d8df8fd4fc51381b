import type { Finding } from '../../engine/types';
import { displayPath } from './paths';

/** One finding in `--format json` (DESIGN.md's interface: other tools rely on this shape). */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  fix: { title: string; safe: boolean } | null;
}

export function toJson(f: Finding, cwd: string): JsonFinding {
  return {
    file: displayPath(f.file, cwd),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fix: f.fix ? { title: f.fix.title, safe: f.fix.safe } : null,
  };
}

export function formatJson(findings: Finding[], cwd: string): string {
  return JSON.stringify(findings.map((f) => toJson(f, cwd)), null, 2);
}
