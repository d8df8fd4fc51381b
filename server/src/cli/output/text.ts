// The two human formats. `text` (concise, the default) is one `path:line:col: severity rule-id message`
// line per finding, the form the problem matcher reads; `full` adds a code frame under each line.
import type { Finding, Severity } from '../../engine/types';
import { PLAIN, type Style } from '../style';
import { displayPath } from './paths';
import { joined } from './pieces';

function severityStyle(style: Style, severity: Severity): (s: string) => string {
  switch (severity) {
    case 'error':
      return (s) => style.bold(style.red(s));
    case 'warning':
      return style.yellow;
    case 'info':
      return style.blue;
    case 'hint':
      return style.dim;
  }
}

/** The concise line; without colour it is exactly `path:line:col: severity rule-id message`. */
export function conciseLine(f: Finding, cwd: string, style: Style = PLAIN): string {
  const sep = style.cyan(':');
  const where = `${style.bold(displayPath(f.file, cwd))}${sep}${f.range.start.line + 1}${sep}${f.range.start.character + 1}${sep}`;
  return `${where} ${severityStyle(style, f.severity)(f.severity)} ${style.bold(f.rule)} ${f.message}`;
}

export function formatText(findings: Finding[], cwd: string, style: Style = PLAIN): Iterable<string> {
  return joined(findings, '\n', (f) => conciseLine(f, cwd, style));
}

/** Lines of the frame around a finding: one before, the finding's own (at most MAX_SPAN), one after. */
const MAX_SPAN = 6;
const TAB = '    ';

/** Columns are UTF-16 offsets; tabs show as four spaces, so carets are placed on the shown text. */
function shownColumn(line: string, column: number): number {
  let shown = 0;
  for (let i = 0; i < Math.min(column, line.length); i++) shown += line[i] === '\t' ? TAB.length : 1;
  return shown;
}

function codeFrame(f: Finding, lines: string[], style: Style): { frame: string[]; width: number } {
  const { start, end } = f.range;
  // A range ending at column 0 of a line ends with the line before it.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const spanEnd = Math.min(last, start.line + MAX_SPAN - 1);
  const first = Math.max(0, start.line - 1);
  const after = Math.max(spanEnd, Math.min(lines.length - 1, spanEnd + 1));
  const width = String(after + 1).length;
  const gutter = (n?: number) => style.cyan(`${n === undefined ? ' '.repeat(width) : String(n).padStart(width)} |`);
  const out = [gutter()];
  for (let i = first; i <= after; i++) {
    const text = lines[i] ?? '';
    out.push(`${gutter(i + 1)}${text ? ` ${text.replace(/\t/g, TAB)}` : ''}`);
    if (i < start.line || i > spanEnd) continue;
    const from = i === start.line ? shownColumn(text, start.character) : 0;
    const to = i === end.line ? shownColumn(text, end.character) : shownColumn(text, text.length);
    const carets = '^'.repeat(Math.max(1, to - from));
    out.push(`${gutter()} ${' '.repeat(from)}${severityStyle(style, f.severity)(i === spanEnd && spanEnd < last ? `${carets} …` : carets)}`);
  }
  out.push(gutter());
  return { frame: out, width };
}

/** The lines of a text; the empty "line" after a final newline is not one. */
function fileLines(text: string | undefined): string[] | undefined {
  const lines = text?.split(/\r\n|\r|\n/);
  if (lines && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function fixNote(f: Finding): string | undefined {
  if (!f.fix) return undefined;
  return `${f.fix.title} (${f.fix.safe ? 'safe: pyguide check --fix applies it' : 'unsafe: pyguide check --fix --unsafe-fixes applies it'})`;
}

/** Each finding's concise line, a code frame, its fix and where its docs are; a blank line between. */
export function formatFull(findings: Finding[], cwd: string, readText: (file: string) => string | undefined, style: Style = PLAIN): Iterable<string> {
  const texts = new Map<string, string[] | undefined>();
  return joined(findings, '\n\n', (f) => {
    if (!texts.has(f.file)) texts.set(f.file, fileLines(readText(f.file)));
    const lines = texts.get(f.file);
    const { frame, width } = lines ? codeFrame(f, lines, style) : { frame: [], width: 1 };
    const note = (label: string, text: string) => `${' '.repeat(width)} ${style.cyan('=')} ${label}: ${text}`;
    const fix = fixNote(f);
    return [conciseLine(f, cwd, style), ...frame, ...(fix ? [note('fix', fix)] : []), note('docs', `pyguide explain ${f.rule}`)].join('\n');
  });
}
