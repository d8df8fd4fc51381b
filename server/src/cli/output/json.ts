import type { Finding } from '../../engine/types';
import { displayPath } from './paths';
import { joined } from './pieces';

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

/** Exactly `JSON.stringify(findings as JsonFinding[], null, 2)`, in pieces (JSON strings hold no raw line break). */
export function* formatJson(findings: Finding[], cwd: string): Generator<string> {
  if (findings.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  yield* joined(findings, ',\n', (f) => `  ${JSON.stringify(toJson(f, cwd), null, 2).replace(/\n/g, '\n  ')}`);
  yield '\n]';
}
