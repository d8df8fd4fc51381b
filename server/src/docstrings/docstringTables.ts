// The box tables of a Python file's docstrings, and the edits that put each back on its grid. One
// module serves the misaligned-box-table rule, LSP formatting and the ELI5 commands.
import type { Tree } from 'web-tree-sitter';
import { minimalEdit } from '../engine/textEdits';
import type { TextIndex } from '../engine/textIndex';
import type { Position, Range, TextEdit } from '../engine/types';
import { boxLineRuns, layoutTable, misalignment, parseBoxTable, type BoxTable, type RenderOptions } from './boxTable';
import { DEFAULT_WIDTH_OPTIONS } from './displayWidth';
import { docstrings, type Docstring } from './docstrings';

/** A run of box lines inside a docstring. */
export interface TableSite {
  docstring: Docstring;
  /** 0-based document line of the run's first line. */
  line: number;
  lines: string[];
}

export interface TableCheck {
  site: TableSite;
  table: BoxTable;
  /** What is wrong, as a sentence for a finding; undefined when the table is aligned. */
  message?: string;
  /** The edits that re-align it; absent when pyguide will not (the message says why). */
  edits?: TextEdit[];
}

/** Ruff's default `line-length`, for projects that do not set one. */
export const DEFAULT_LINE_LENGTH = 88;
export const DEFAULT_TABLE_OPTIONS: RenderOptions = { ...DEFAULT_WIDTH_OPTIONS, maxLineLength: DEFAULT_LINE_LENGTH };

// In a non-raw docstring `\u2502` or `\N{BOX DRAWINGS LIGHT VERTICAL}` is drawn as `│` by help(),
// but the editor shows six characters: no width of such a line is right for both.
const CHARACTER_ESCAPE = /\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{|x[0-9a-fA-F]{2})/;

/** The content lines of a docstring (the opening line is not content a table can start on). */
function contentLines(d: Docstring, index: TextIndex): string[] {
  const lines: string[] = [];
  for (let l = d.start.line + 1; l <= d.contentEnd.line; l++) {
    lines.push(l === d.contentEnd.line ? index.lineText(l).slice(0, d.contentEnd.character) : index.lineText(l));
  }
  return lines;
}

export function tableSites(docs: readonly Docstring[], index: TextIndex): TableSite[] {
  const sites: TableSite[] = [];
  for (const d of docs) {
    if (d.contentEnd.line === d.start.line) continue;
    const lines = contentLines(d, index);
    const closing = d.contentEnd.line - (d.start.line + 1);
    for (const run of boxLineRuns(lines)) {
      // A table whose last row shares its line with the closing quotes is not a block pyguide redraws.
      if (run.end > closing) continue;
      sites.push({ docstring: d, line: d.start.line + 1 + run.start, lines: lines.slice(run.start, run.end) });
    }
  }
  return sites;
}

/** Per-line edits when the line count stays (the cursor and undo history survive), else one edit for the table. */
function tableEdits(site: TableSite, lines: readonly string[], eol: string): TextEdit[] {
  if (lines.length !== site.lines.length) {
    const last = site.lines.length - 1;
    const range: Range = { start: { line: site.line, character: 0 }, end: { line: site.line + last, character: site.lines[last].length } };
    return [{ range, newText: lines.join(eol) }];
  }
  const edits: TextEdit[] = [];
  lines.forEach((after, i) => {
    const edit = minimalEdit(site.lines[i], after);
    if (!edit) return;
    const line = site.line + i;
    edits.push({ range: { start: { line, character: edit.range.start.character }, end: { line, character: edit.range.end.character } }, newText: edit.newText });
  });
  return edits;
}

/** Whether a run is a table and, when it is, whether and how it needs re-aligning; undefined for diagrams and prose. */
export function checkTable(site: TableSite, eol: string, options: RenderOptions = DEFAULT_TABLE_OPTIONS): TableCheck | undefined {
  const table = parseBoxTable(site.lines, options);
  if (!table) return undefined;
  if (!table.hasBottom) return { site, table, message: 'Box table has no bottom border; pyguide does not guess where it ends, so it does not re-align it.' };
  const tab = site.lines.findIndex((l) => l.includes('\t'));
  if (tab >= 0) return { site, table, message: `Box table has a tab on line ${site.line + tab + 1}, which has no fixed width; use spaces so that it can be aligned.` };
  const layout = layoutTable(table, options);
  if (layout.ok && layout.lines.length === site.lines.length && layout.lines.every((l, i) => l === site.lines[i])) return { site, table };
  const problem = `Box table is not aligned (${misalignment(table, (i) => site.line + i, options)})`;
  if (!site.docstring.raw && site.lines.some((l) => CHARACTER_ESCAPE.test(l))) {
    return { site, table, message: `${problem}; it holds a \`\\u\`, \`\\N{}\` or \`\\x\` escape, drawn differently from how it is written, so pyguide does not re-align it.` };
  }
  if (!layout.ok) return { site, table, message: `${problem}; ${layout.reason}, so pyguide does not re-align it.` };
  return { site, table, message: `${problem}.`, edits: tableEdits(site, layout.lines, eol) };
}

/** The box tables of these docstrings, checked. */
export function checkDocstringTables(docs: readonly Docstring[], index: TextIndex, options: RenderOptions = DEFAULT_TABLE_OPTIONS): TableCheck[] {
  const out: TableCheck[] = [];
  for (const site of tableSites(docs, index)) {
    const check = checkTable(site, index.eol, options);
    if (check) out.push(check);
  }
  return out;
}

/** Every box table in a file's docstrings, checked. */
export function checkFileTables(tree: Tree, index: TextIndex, options: RenderOptions = DEFAULT_TABLE_OPTIONS): TableCheck[] {
  return checkDocstringTables(docstrings(tree), index, options);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * What formatting a document (or the part in `range`) changes: the edits that re-align its box
 * tables, and nothing else. A table counts when any of its lines meets the range.
 */
export function formattingEdits(checks: readonly TableCheck[], range?: Range): TextEdit[] {
  return checks
    .filter((c) => c.edits && (!range || !(c.site.line > range.end.line || c.site.line + c.site.lines.length - 1 < range.start.line)))
    .flatMap((c) => c.edits!)
    .sort((a, b) => (before(a.range.start, b.range.start) ? -1 : 1));
}
