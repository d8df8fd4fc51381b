// Box-drawn grid tables (the guidelines' "Key Concepts (ELI5)::" table and its cousins): what is
// a table, what its grid is, and the same table re-rendered on that grid. Anything that is not
// exactly a grid of rows and separators (nested boxes, arrows after the right edge, trees inside
// boxes, double lines) is a diagram, and diagrams are never touched.
import { displayWidth, type WidthOptions } from './displayWidth';
import { joinLines, widestWord, wrapWords } from './wrap';

const TOP = /^┌[─┬]*┐$/;
const BOTTOM = /^└[─┴]*┘$/;
const SEPARATOR = /^├[─┼]*┤$/;
const BOX_START = /^[ \t]*[┌│├└]/;
/** A character a box line starts with (BOX_START): text without one holds no table (a rule's query passes over such strings). */
export const BOX_START_CHARACTER = /[┌│├└]/;
const INNER_DRAWING = /[┌┐└┘├┤┬┴┼╔╗╚╝║═]/;

/** A maximal run of lines whose first visible character starts a box line. */
export interface LineRun {
  start: number;
  end: number;
}

/** Runs of consecutive lines that may hold a box table, as half-open index ranges of `lines`. */
export function boxLineRuns(lines: readonly string[]): LineRun[] {
  const runs: LineRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BOX_START.test(lines[i])) continue;
    const start = i;
    while (i + 1 < lines.length && BOX_START.test(lines[i + 1])) i++;
    runs.push({ start, end: i + 1 });
  }
  return runs;
}

type Middle = { kind: 'separator' } | { kind: 'row'; cells: string[] };

/** A box table as parsed: its lines split into borders, separators and rows of N cells. */
export interface BoxTable {
  /** The original lines (no line breaks). */
  lines: readonly string[];
  /** The top border's indentation, which every line gets. */
  indent: string;
  columns: number;
  /** Inner widths of the columns (the `─` between two junctions) that the fix keeps. */
  widths: number[];
  middle: Middle[];
  hasBottom: boolean;
}

const leading = (s: string) => /^[ \t]*/.exec(s)![0];
const body = (s: string) => s.trim();
const count = (s: string, ch: string) => s.split(ch).length - 1;
const segments = (border: string, junction: string) => border.slice(1, -1).split(junction).map((run) => run.length);

/** The text of one cell: one space of padding on the left is the layout's, any more the author's. */
function cellText(raw: string): string {
  const text = raw.trimEnd();
  return text.startsWith(' ') ? text.slice(1) : text;
}

/** Parses lines as one box table; undefined when they are anything else (a diagram, prose). */
export function parseBoxTable(lines: readonly string[], options?: WidthOptions): BoxTable | undefined {
  if (lines.length < 2) return undefined;
  const bodies = lines.map(body);
  if (!TOP.test(bodies[0])) return undefined;
  const hasBottom = BOTTOM.test(bodies[bodies.length - 1]);
  const middle: Middle[] = [];
  let columns = 0;
  for (const b of bodies.slice(1, hasBottom ? -1 : undefined)) {
    if (SEPARATOR.test(b)) middle.push({ kind: 'separator' });
    else if (b.length >= 2 && b.startsWith('│') && b.endsWith('│')) {
      const cells = b.slice(1, -1).split('│');
      if (columns && cells.length !== columns) return undefined;
      // Corners and junctions inside a cell draw a box within the box.
      if (cells.some((c) => INNER_DRAWING.test(c))) return undefined;
      columns = cells.length;
      middle.push({ kind: 'row', cells });
    } else return undefined;
  }
  // One column is a boxed list or an architecture tree: a drawing, not a table.
  if (columns < 2) return undefined;
  const separators = bodies.filter((b) => SEPARATOR.test(b));
  if (separators.some((s) => count(s, '┼') !== columns - 1)) return undefined;
  const top = bodies[0];
  const bottom = hasBottom ? bodies[bodies.length - 1] : '';
  // The grid is the top border's; a top border without its `┬` (a common slip) yields to the separators'.
  let widths: number[];
  if (count(top, '┬') === columns - 1) widths = segments(top, '┬');
  else if (separators.length > 0) widths = segments(separators[0], '┼');
  else if (hasBottom && count(bottom, '┴') === columns - 1) widths = segments(bottom, '┴');
  else {
    const first = middle.find((m): m is Extract<Middle, { kind: 'row' }> => m.kind === 'row')!;
    widths = first.cells.map((c) => displayWidth(c, options));
  }
  if (widths.some((w) => w < 1)) return undefined;
  return { lines, indent: leading(lines[0]), columns, widths, middle, hasBottom };
}

/** One concept of a table: its first line names it, continuation lines leave the first cell blank. */
interface Entry {
  /** Per column, the cell's text on each physical line. */
  cells: string[][];
}

type Block = { kind: 'separator' } | { kind: 'entry'; entry: Entry };

/** Rows grouped into entries; separators stay where the author put them (and nowhere else). */
function entries(table: BoxTable): Block[] {
  const blocks: Block[] = [];
  let current: Entry | undefined;
  for (const m of table.middle) {
    if (m.kind === 'separator') {
      blocks.push(m);
      current = undefined;
      continue;
    }
    const texts = m.cells.map(cellText);
    if (!current || texts[0].trim() !== '') {
      current = { cells: texts.map(() => []) };
      blocks.push({ kind: 'entry', entry: current });
    }
    texts.forEach((t, k) => current!.cells[k].push(t));
  }
  return blocks;
}

export interface RenderOptions extends WidthOptions {
  /** Longest line the fix may write (indentation included), e.g. Ruff's `line-length`. */
  maxLineLength: number;
}

export type TableLayout = { ok: true; lines: string[]; widths: number[] } | { ok: false; reason: string };

const fits = (text: string, width: number, options: WidthOptions) => displayWidth(text, options) + 2 <= width;

function border(widths: readonly number[], [left, junction, right]: string): string {
  return left + widths.map((w) => '─'.repeat(w)).join(junction) + right;
}

function row(cells: readonly string[], widths: readonly number[], options: WidthOptions): string {
  return `│${cells.map((t, k) => ` ${t}${' '.repeat(Math.max(0, widths[k] - 1 - displayWidth(t, options)))}`).join('│')}│`.trimEnd();
}

/**
 * The table re-rendered on its grid: borders and separators redrawn with a junction at every column
 * boundary, each cell one space from its left `│` and padded to the column. A cell that does not fit
 * is re-wrapped at word boundaries within its entry; a word wider than its column widens the column.
 */
export function layoutTable(table: BoxTable, options: RenderOptions): TableLayout {
  if (!table.hasBottom) return { ok: false, reason: 'it has no bottom border' };
  const blocks = entries(table);
  const widths = [...table.widths];
  const overflowing = (cell: readonly string[], k: number) => cell.some((t) => !fits(t, widths[k], options));
  for (const b of blocks) {
    if (b.kind !== 'entry') continue;
    b.entry.cells.forEach((cell, k) => {
      if (overflowing(cell, k)) widths[k] = Math.max(widths[k], widestWord(joinLines(cell), options) + 2);
    });
  }
  const out = [border(widths, '┌┬┐')];
  for (const b of blocks) {
    if (b.kind === 'separator') {
      out.push(border(widths, '├┼┤'));
      continue;
    }
    const cells = b.entry.cells.map((cell, k) => (overflowing(cell, k) ? wrapWords(joinLines(cell), widths[k] - 2, options) : cell));
    const height = Math.max(...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) out.push(row(cells.map((c) => c[i] ?? ''), widths, options));
  }
  out.push(border(widths, '└┴┘'));
  const lines = out.map((l) => table.indent + l);
  const longest = (ls: readonly string[]) => Math.max(...ls.map((l) => displayWidth(l.trimEnd(), options)));
  if (longest(lines) > Math.max(options.maxLineLength, longest(table.lines))) {
    return { ok: false, reason: `re-aligned, it would be ${longest(lines)} columns wide, over the line length of ${options.maxLineLength}` };
  }
  return { ok: true, lines, widths };
}

/** Display columns (0-based) of the box characters that draw a line's grid. */
function junctionColumns(line: string, options: WidthOptions): number[] {
  const cols: number[] = [];
  let col = 0;
  for (const ch of line) {
    if ('┌┐└┘├┤┬┴┼│'.includes(ch)) cols.push(col);
    col += ch === '\t' ? 1 : displayWidth(ch, options);
  }
  return cols;
}

/**
 * Why the table is not in its canonical form, for the finding's message: the first line whose
 * grid, padding or indentation is off. Columns are 1-based display columns.
 */
export function misalignment(table: BoxTable, lineNumberOf: (i: number) => number, options: WidthOptions): string {
  const grid: number[] = [];
  let col = displayWidth(table.indent, options);
  grid.push(col);
  for (const w of table.widths) grid.push((col += w + 1));
  const edge = grid[grid.length - 1];
  const bodies = table.lines.map(body);
  for (let i = 0; i < table.lines.length; i++) {
    const line = table.lines[i];
    const at = `line ${lineNumberOf(i) + 1}`;
    if (leading(line) !== table.indent) return `${at} is indented differently from the top border`;
    const cols = junctionColumns(line, options);
    const last = cols[cols.length - 1];
    if (last !== edge) return `${at} ends at column ${last + 1}, the border at ${edge + 1}`;
    const missing = grid.find((g) => !cols.includes(g));
    if (missing !== undefined) {
      const kind = i === 0 ? 'the top border has no `┬`' : i === table.lines.length - 1 && table.hasBottom ? 'the bottom border has no `┴`' : `${at} has no \`│\``;
      return `${kind} at column ${missing + 1}`;
    }
    const extra = cols.find((c) => !grid.includes(c));
    if (extra !== undefined) return `${at} has a junction at column ${extra + 1}, off the grid`;
    const b = bodies[i];
    if (b.startsWith('│')) {
      const cells = b.slice(1, -1).split('│');
      const k = cells.findIndex((c) => c.trim() !== '' && (!c.startsWith(' ') || !c.endsWith(' ')));
      if (k >= 0) return `${at}: text touches the \`│\` in column ${k + 1} of the table`;
    }
    if (line !== line.trimEnd()) return `${at} has trailing whitespace`;
  }
  return 'its lines are not drawn on one grid';
}
