import { relative, sep } from 'node:path';
import { docsUrl, RULES } from './engine/registry';
import type { Finding } from './engine/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** `file` relative to the current directory with `/` separators, as every output format shows it. */
export function displayPath(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/') || '.';
}

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

export function formatText(findings: Finding[], cwd: string): string {
  return findings
    .map((f) => `${displayPath(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${f.message}`)
    .join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(findings: Finding[], cwd: string, version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pyguide',
            version,
            informationUri: 'https://github.com/pyguide/pyguide',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              properties: { guideline: r.guideline },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: displayPath(f.file, cwd) },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
