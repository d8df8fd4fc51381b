// What `pyguide check` prints once the findings are known: the findings (or their statistics) on
// stdout in the chosen format, and for people a summary on stderr.
import type { Finding } from '../engine/types';
import type { CheckOptions } from './args';
import { formatFindings } from './output';
import { writePieces } from './output/pieces';
import { formatStatistics, statisticsJson } from './output/statistics';
import { PLAIN, styleFor } from './style';
import { summaryLines } from './summary';

export interface ReportContext {
  cwd: string;
  version: string;
  readText(file: string): string | undefined;
  /** Files checked, and fixes applied by `--fix`. */
  files: number;
  fixed: number;
  /** Findings pyguide-baseline.json hides. */
  baselined: number;
}

/** Formats read by people (or shown in CI logs), which get a summary and the list of fixes made on stderr. */
export function isHumanFormat(format: string): boolean {
  return format === 'text' || format === 'concise' || format === 'full' || format === 'github';
}

/** Only the rules `--select` names, none that `--ignore` names. */
/** Whether `--select` and `--ignore` keep a rule: its findings are reported and its fixes applied. */
export function ruleSelection(options: Pick<CheckOptions, 'select' | 'ignore'>): (rule: string) => boolean {
  const select = options.select && new Set(options.select);
  const ignore = new Set(options.ignore);
  return (rule) => !ignore.has(rule) && (!select || select.has(rule));
}

export function selectRules(findings: Finding[], options: Pick<CheckOptions, 'select' | 'ignore'>): Finding[] {
  const keeps = ruleSelection(options);
  return findings.filter((f) => keeps(f.rule));
}

export async function report(options: CheckOptions, findings: Finding[], ctx: ReportContext): Promise<void> {
  const human = options.format === 'text' || options.format === 'concise' || options.format === 'full';
  const style = human ? styleFor(process.stdout) : PLAIN;
  const out: Iterable<string> = options.statistics
    ? [options.format === 'json' ? statisticsJson(findings) : formatStatistics(findings, style)]
    : formatFindings(options.format, findings, { cwd: ctx.cwd, version: ctx.version, readText: ctx.readText, style });
  await writePieces(out, process.stdout);
  if (isHumanFormat(options.format)) {
    const lines = summaryLines({ findings, files: ctx.files, fixed: ctx.fixed, baselined: ctx.baselined, unsafeFixes: options.unsafeFixes }, styleFor(process.stderr));
    process.stderr.write(`${options.format === 'full' && findings.length > 0 ? '\n' : ''}${lines.join('\n')}\n`);
  }
}
