// The "Insert ELI5 Concepts Table" and "Add ELI5 row" commands' text: where in a docstring the
// section goes and what it says. Pure (a tree and a text in, one edit or a message out), so the
// server runs it and the tests check it on exact output.
import type { Tree } from 'web-tree-sitter';
import type { TextIndex } from '../engine/textIndex';
import type { Position, TextEdit } from '../engine/types';
import { layoutTable, type BoxTable, type RenderOptions } from './boxTable';
import { checkFileTables } from './docstringTables';
import { displayWidth } from './displayWidth';
import { docstrings, type Docstring } from './docstrings';
import { ELI5_HEADING } from './eli5Sections';

export interface Eli5Row {
  concept: string;
  explanation: string;
}

export interface Eli5Layout {
  /** Columns from the first `┌` to the last `┐`. */
  width: number;
  /** Inside width of the concept column. */
  conceptColumn: number;
}

/** The team's width in 58 of the 67 tables of the tree the guidelines were written against. */
export const DEFAULT_ELI5_LAYOUT: Eli5Layout = { width: 76, conceptColumn: 21 };
/** The guidelines' own example. */
export const GUIDE_ELI5_LAYOUT: Eli5Layout = { width: 72, conceptColumn: 21 };

const HEADER: Eli5Row = { concept: 'Concept', explanation: 'ELI5 Explanation' };
/** The narrowest explanation column worth drawing, padding included. */
const MIN_EXPLANATION_COLUMN = 12;

export type Planned<T> = { ok: true } & T | { ok: false; message: string };

const collapse = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

/** The table's lines (no indentation) for these rows: the concept column grows for long names, up to half the table. */
export function eli5Table(rows: readonly Eli5Row[], layout: Eli5Layout, options: RenderOptions): Planned<{ lines: string[] }> {
  const inner = layout.width - 3;
  const longest = Math.max(...[HEADER, ...rows].map((r) => displayWidth(collapse(r.concept), options)));
  const concept = Math.min(Math.max(layout.conceptColumn, longest + 2), Math.max(layout.conceptColumn, Math.floor(inner / 2)));
  const widths = [concept, Math.max(MIN_EXPLANATION_COLUMN, inner - concept)];
  const row = (r: Eli5Row) => ({ kind: 'row' as const, cells: [` ${collapse(r.concept)}`, ` ${collapse(r.explanation)}`] });
  const table: BoxTable = {
    lines: [],
    indent: '',
    columns: 2,
    widths,
    middle: [row(HEADER), ...rows.flatMap((r) => [{ kind: 'separator' as const }, row(r)])],
    hasBottom: true,
  };
  const laid = layoutTable(table, options);
  return laid.ok ? { ok: true, lines: laid.lines } : { ok: false, message: `The table cannot be drawn: ${laid.reason}.` };
}

export type Placement = 'cursor' | 'after-summary';

const leading = (s: string) => /^[ \t]*/.exec(s)![0];
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * The docstring the cursor is in. A cursor just after the closing quotes, on their line, counts as
 * at the end of that docstring: there the table goes before the quotes, never after them.
 */
export function docstringAt(tree: Tree, index: TextIndex, at: Position): { docstring: Docstring; atEnd: boolean } | undefined {
  for (const d of docstrings(tree)) {
    if (before(d.start, at) && before(at, d.end)) return { docstring: d, atEnd: at.line === d.end.line && !before(at, d.contentEnd) };
    if (at.line === d.end.line && at.character >= d.end.character && index.lineText(at.line).slice(d.end.character).trim() === '') return { docstring: d, atEnd: true };
  }
  return undefined;
}

export const NOT_IN_DOCSTRING =
  'Put the cursor inside a docstring (a module, class or function docstring) to insert an ELI5 concepts table: it belongs in the docstring, and anywhere else it would break the code.';

/**
 * Where the section goes and the edit that puts it there: on a blank line inside the docstring, in
 * place of it; otherwise after the paragraph the cursor is in (the summary, for `after-summary`),
 * after a blank line, so the summary keeps its blank line (Ruff D205). When that paragraph ends on
 * the closing quotes' line (a one-line docstring), the quotes move to a line of their own below it.
 */
export function planEli5Insertion(
  tree: Tree,
  index: TextIndex,
  at: Position,
  tableLines: readonly string[] | undefined,
  placement: Placement = 'cursor',
): Planned<{ edit?: TextEdit }> {
  const found = docstringAt(tree, index, at);
  if (!found) return { ok: false, message: NOT_IN_DOCSTRING };
  if (!tableLines) return { ok: true };
  const d = found.docstring;
  const eol = index.eol;
  const indent = leading(index.lineText(d.start.line));
  const section = [`${indent}${ELI5_HEADING}`, '', ...tableLines.map((l) => `${indent}    ${l}`)];
  const last = d.contentEnd.line;
  const content = (l: number) => {
    const text = index.lineText(l);
    return text.slice(l === d.start.line ? d.contentStart.character : 0, l === last ? d.contentEnd.character : text.length);
  };
  const blank = (l: number) => content(l).trim() === '';
  /** A line after `l` that holds text (not the closing quotes' own line) needs a blank line between. */
  const textAfter = (l: number) => l + 1 < last || (l + 1 === last && !blank(last));
  let line = placement === 'after-summary' || found.atEnd ? (found.atEnd ? last : d.start.line) : at.line;
  if (line === d.start.line && blank(line) && line < last) line++;
  if (!found.atEnd && placement === 'cursor' && line > d.start.line && line < last && blank(line)) {
    const text = index.lineText(line);
    const newText = (blank(line - 1) || line - 1 === d.start.line ? '' : eol) + section.join(eol) + (textAfter(line) && !blank(line + 1) ? eol : '');
    return { ok: true, edit: { range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText } };
  }
  if (line === last && blank(last)) {
    // The cursor is on the closing quotes' own line: the section goes above them.
    const newText = (blank(last - 1) ? '' : eol) + section.join(eol) + eol;
    return { ok: true, edit: { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, newText } };
  }
  let end = line;
  while (end < last && !blank(end + 1) && !(end + 1 === last && blank(last))) end++;
  if (end === last) {
    // Before the closing quotes, less any spaces there, so no line ends in whitespace.
    const text = index.lineText(last);
    let from = d.contentEnd.character;
    while (from > (last === d.start.line ? d.contentStart.character : 0) && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    const newText = eol + eol + section.join(eol) + eol + indent;
    return { ok: true, edit: { range: { start: { line: last, character: from }, end: d.contentEnd }, newText } };
  }
  const endOfLine = { line: end, character: index.lineText(end).length };
  const newText = eol + eol + section.join(eol) + (textAfter(end) && !blank(end + 1) ? eol : '');
  return { ok: true, edit: { range: { start: endOfLine, end: endOfLine }, newText } };
}

/** A new concept at the end of the two-column table the cursor is in, the whole table re-aligned. */
export function planAddRow(tree: Tree, index: TextIndex, at: Position, row: Eli5Row | undefined, options: RenderOptions): Planned<{ edit?: TextEdit }> {
  const check = checkFileTables(tree, index, options).find((c) => c.table.columns === 2 && c.site.line <= at.line && at.line < c.site.line + c.site.lines.length);
  if (!check) return { ok: false, message: 'Put the cursor inside a two-column box table in a docstring to add a row to it.' };
  if (!check.table.hasBottom) return { ok: false, message: 'This table has no bottom border, so pyguide cannot tell where a new row goes.' };
  if (!row) return { ok: true };
  const table: BoxTable = {
    ...check.table,
    middle: [...check.table.middle, { kind: 'separator' }, { kind: 'row', cells: [` ${collapse(row.concept)}`, ` ${collapse(row.explanation)}`] }],
  };
  const laid = layoutTable(table, options);
  if (!laid.ok) return { ok: false, message: `The row cannot be added: ${laid.reason}.` };
  const lastLine = check.site.line + check.site.lines.length - 1;
  const range = { start: { line: check.site.line, character: 0 }, end: { line: lastLine, character: index.lineText(lastLine).length } };
  return { ok: true, edit: { range, newText: laid.lines.join(index.eol) } };
}

const ELI5_TABLE = /^[ \t]*Key Concepts \(ELI5\)::[ \t]*\r?\n[ \t]*\r?\n[ \t]*(┌─*)┬(─*)┐/gm;

/** The layouts of the ELI5 tables in a text, found without parsing it (for the workspace's width). */
export function eli5LayoutsIn(text: string): Eli5Layout[] {
  const out: Eli5Layout[] = [];
  for (const m of text.matchAll(ELI5_TABLE)) out.push({ width: m[1].length + m[2].length + 2, conceptColumn: m[1].length - 1 });
  return out;
}

/** The layout most tables use (the first seen among equals); undefined for none. */
export function commonLayout(layouts: readonly Eli5Layout[]): Eli5Layout | undefined {
  const counts = new Map<string, { layout: Eli5Layout; n: number }>();
  for (const l of layouts) {
    const key = `${l.width}/${l.conceptColumn}`;
    const c = counts.get(key) ?? counts.set(key, { layout: l, n: 0 }).get(key)!;
    c.n++;
  }
  let best: { layout: Eli5Layout; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.layout;
}
