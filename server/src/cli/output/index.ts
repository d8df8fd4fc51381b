// The output formats of `pyguide check`: each turns the sorted findings into what goes to stdout.
import type { Finding } from '../../engine/types';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import type { Style } from '../style';
import { formatFull, formatText } from './text';

/** `concise` is another name for `text`, as Ruff calls it. */
export const OUTPUT_FORMATS = ['text', 'concise', 'full', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

export interface OutputContext {
  cwd: string;
  version: string;
  /** The current text of a file (SARIF fingerprints); undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** Colours for the human formats (`text`, `full`). */
  style: Style;
}

/** What goes to stdout for `findings`, in pieces, without the trailing newline; no piece when there is nothing to print. */
export function formatFindings(format: OutputFormat, findings: Finding[], ctx: OutputContext): Iterable<string> {
  switch (format) {
    case 'json':
      return formatJson(findings, ctx.cwd);
    case 'sarif':
      return [formatSarif(findings, ctx)];
    case 'github':
      return formatGithub(findings, ctx.cwd);
    case 'full':
      return formatFull(findings, ctx.cwd, ctx.readText, ctx.style);
    case 'text':
    case 'concise':
      return formatText(findings, ctx.cwd, ctx.style);
  }
}
