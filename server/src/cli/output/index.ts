// The output formats of `pyguide check`: each turns the sorted findings into what goes to stdout.
import type { Finding } from '../../engine/types';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

export interface OutputContext {
  cwd: string;
  version: string;
  /** The current text of a file (SARIF fingerprints); undefined when it cannot be read. */
  readText(file: string): string | undefined;
}

/** What goes to stdout for `findings`, without the trailing newline; '' when there is nothing to print. */
export function formatFindings(format: OutputFormat, findings: Finding[], ctx: OutputContext): string {
  switch (format) {
    case 'json':
      return formatJson(findings, ctx.cwd);
    case 'sarif':
      return formatSarif(findings, ctx);
    case 'github':
      return formatGithub(findings, ctx.cwd);
    case 'text':
      return formatText(findings, ctx.cwd);
  }
}
