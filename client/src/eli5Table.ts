// The "Key Concepts (ELI5)::" table of the guidelines' Docstrings section, laid out from
// concept/explanation pairs. Pure: no VS Code API, so it is unit-tested on exact output.

export interface Eli5Row {
  concept: string;
  explanation: string;
}

export interface TableLayout {
  /** Characters from the first `┌` to the last `┐` inclusive; the guidelines' table is 72 wide. */
  width: number;
  /** Space inside the concept column, padding included; the guidelines use 21. */
  conceptColumn: number;
}

export const GUIDE_LAYOUT: TableLayout = { width: 72, conceptColumn: 21 };

export const ELI5_HEADER = 'Key Concepts (ELI5)::';
const HEADINGS: Eli5Row = { concept: 'Concept', explanation: 'ELI5 Explanation' };
/** The narrowest explanation column worth drawing, padding included. */
const MIN_EXPLANATION_COLUMN = 12;

/** Characters as a person counts them (code points, so an emoji is one). */
const charCount = (s: string) => [...s].length;

/**
 * Greedy word wrap to `width` characters; a word longer than a whole line is cut. Runs of
 * whitespace, tabs and newlines included, become one space.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (charCount(word) > width) {
      if (line) lines.push(line);
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
      line = '';
    }
    if (!word) continue;
    if (!line) line = word;
    else if (charCount(line) + 1 + charCount(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Column widths for these rows: the concept column grows for long names, up to half the table. */
export function columnsFor(rows: readonly Eli5Row[], layout: TableLayout = GUIDE_LAYOUT): [number, number] {
  const inner = layout.width - 3;
  const longest = Math.max(charCount(HEADINGS.concept), ...rows.map((r) => charCount(r.concept.trim())));
  const concept = Math.min(Math.max(layout.conceptColumn, longest + 2), Math.max(layout.conceptColumn, Math.floor(inner / 2)));
  return [concept, Math.max(MIN_EXPLANATION_COLUMN, inner - concept)];
}

function cellLines(text: string, column: number): string[] {
  return wrapWords(text, column - 2).map((l) => ` ${l}${' '.repeat(column - 1 - charCount(l))}`);
}

function rowLines(row: Eli5Row, [c1, c2]: [number, number]): string[] {
  const left = cellLines(row.concept, c1);
  const right = cellLines(row.explanation, c2);
  const height = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < height; i++) out.push(`│${left[i] ?? ' '.repeat(c1)}│${right[i] ?? ' '.repeat(c2)}│`);
  return out;
}

/** The table's lines, box-drawn exactly like the guidelines' example, without indentation. */
export function eli5Table(rows: readonly Eli5Row[], layout: TableLayout = GUIDE_LAYOUT): string[] {
  const cols = columnsFor(rows, layout);
  const rule = (l: string, m: string, r: string) => `${l}${'─'.repeat(cols[0])}${m}${'─'.repeat(cols[1])}${r}`;
  const lines = [rule('┌', '┬', '┐'), ...rowLines(HEADINGS, cols)];
  for (const row of rows) lines.push(rule('├', '┼', '┤'), ...rowLines(row, cols));
  lines.push(rule('└', '┴', '┘'));
  return lines;
}

/** The whole docstring section: header line, blank line, table indented one level below the header. */
export function eli5Section(rows: readonly Eli5Row[], indent: string, layout: TableLayout = GUIDE_LAYOUT): string[] {
  return [`${indent}${ELI5_HEADER}`, '', ...eli5Table(rows, layout).map((l) => `${indent}    ${l}`)];
}

export interface Insertion {
  /** Replace `[line, startCharacter]` to `[line, endCharacter]` with `text`. */
  line: number;
  startCharacter: number;
  endCharacter: number;
  text: string;
}

const leadingWhitespace = (s: string) => /^[ \t]*/.exec(s)![0];

/**
 * Where and what to insert for the cursor on `cursorLine` of `lines`. On a blank line the section
 * replaces it, indented like the line (or, when the line is empty, like the text above it); on a
 * line with text it goes below that line after a blank line, at its indentation.
 */
export function planEli5Insertion(lines: readonly string[], cursorLine: number, rows: readonly Eli5Row[], eol: string, layout: TableLayout = GUIDE_LAYOUT): Insertion {
  const current = lines[cursorLine] ?? '';
  if (current.trim() === '') {
    let indent = current;
    if (indent === '') {
      for (let i = cursorLine - 1; i >= 0; i--) {
        if (lines[i].trim() !== '') {
          indent = leadingWhitespace(lines[i]);
          break;
        }
      }
    }
    return { line: cursorLine, startCharacter: 0, endCharacter: current.length, text: eli5Section(rows, indent, layout).join(eol) };
  }
  // A blank line first: the header starts a new paragraph.
  const section = ['', ...eli5Section(rows, leadingWhitespace(current), layout)];
  return { line: cursorLine, startCharacter: current.length, endCharacter: current.length, text: eol + section.join(eol) };
}
