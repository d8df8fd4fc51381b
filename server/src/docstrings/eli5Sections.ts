// The guidelines' ELI5 sections of a docstring: the `Key Concepts (ELI5)::` table, the
// `Data Flow::` diagram and the architecture diagram, with the heading variants the team also wrote
// (`Key Concepts:`, `Data Flow (RAG Pipeline):`), read from the docstring's lines.
import { boxLineRuns, parseBoxTable } from './boxTable';

export const ELI5_HEADING = 'Key Concepts (ELI5)::';

const EXACT_CONCEPTS = /^\s*Key Concepts \(ELI5\)::\s*$/;
/** `Key Concepts:`, `Key Concepts::`, `Key Concepts (ELI5):`: the same section, not a literal block or not named ELI5. */
const CONCEPTS_VARIANT = /^(\s*)(Key Concepts(?: \(ELI5\))?:{1,2})\s*$/;
const DATA_FLOW = /^(\s*)(Data Flow\b[^:\n]*)(::?)\s*$/;
const ARCHITECTURE = /^\s*Architecture\b[^:\n]*::?\s*$/;
const DRAWING = /[┌┐└┘─│├┤┬┴┼▶▼◀▲→]/;

/** A heading to rewrite: where its text is on its line, and what it should say. */
export interface HeadingFix {
  /** Index of the line in the lines given. */
  line: number;
  start: number;
  end: number;
  text: string;
  replacement: string;
}

export interface Eli5Sections {
  /** A `Key Concepts (ELI5)::` heading with a two-column table and at least one concept under it. */
  concepts: boolean;
  /** Index of a `Key Concepts (ELI5)::` heading with no such table under it. */
  emptyConcepts?: number;
  /** A heading that needs rewriting to the exact form before it counts. */
  conceptsVariant?: HeadingFix;
  /** A `Data Flow…::` heading followed by a drawing. */
  dataFlow: boolean;
  dataFlowVariant?: HeadingFix;
  /** An `Architecture…:` heading followed by a box, or a box naming a `.py` file. */
  architecture: boolean;
}

const indentOf = (s: string) => /^\s*/.exec(s)![0].length;

/** The lines of the block under a heading: past blank lines, those indented deeper than the heading. */
function blockUnder(lines: readonly string[], heading: number): { start: number; lines: string[] } {
  const depth = indentOf(lines[heading]);
  let i = heading + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const start = i;
  while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > depth)) i++;
  return { start, lines: lines.slice(start, i) };
}

/** Whether the block under a `Key Concepts` heading starts with a two-column table holding a concept. */
function hasConceptTable(lines: readonly string[], heading: number): boolean {
  const block = blockUnder(lines, heading);
  if (block.lines.length === 0 || block.start !== heading + 2) return false;
  const [run] = boxLineRuns(block.lines);
  if (!run || run.start !== 0) return false;
  const table = parseBoxTable(block.lines.slice(run.start, run.end));
  if (!table || table.columns !== 2 || !table.hasBottom) return false;
  const firstSeparator = table.middle.findIndex((m) => m.kind === 'separator');
  return firstSeparator >= 0 && table.middle.slice(firstSeparator).some((m) => m.kind === 'row' && m.cells[0].trim() !== '');
}

function headingFix(lines: readonly string[], i: number, m: RegExpExecArray, replacement: string): HeadingFix {
  const start = m[1].length;
  return { line: i, start, end: lines[i].trimEnd().length, text: lines[i].slice(start).trimEnd(), replacement };
}

export function eli5Sections(lines: readonly string[]): Eli5Sections {
  const out: Eli5Sections = { concepts: false, dataFlow: false, architecture: false };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (EXACT_CONCEPTS.test(line)) {
      if (hasConceptTable(lines, i)) out.concepts = true;
      else out.emptyConcepts ??= i;
      continue;
    }
    const variant = CONCEPTS_VARIANT.exec(line);
    if (variant) {
      out.conceptsVariant ??= headingFix(lines, i, variant, ELI5_HEADING);
      continue;
    }
    const flow = DATA_FLOW.exec(line);
    if (flow && blockUnder(lines, i).lines.some((l) => DRAWING.test(l))) {
      if (flow[3] === '::') out.dataFlow = true;
      else out.dataFlowVariant ??= headingFix(lines, i, flow, `${flow[2].trimEnd()}::`);
      continue;
    }
    if (ARCHITECTURE.test(line) && blockUnder(lines, i).lines.some((l) => /^\s*┌/.test(l))) out.architecture = true;
  }
  // An architecture box need not have a heading: a box whose rows name the package's files, or
  // whose title row says so (`│   MCP Architecture   │`), is one.
  if (!out.architecture) {
    out.architecture = boxLineRuns(lines).some((run) => {
      const box = lines.slice(run.start, run.end);
      return /^\s*┌/.test(box[0]) && (box.some((l) => /\b[\w/]+\.py\b/.test(l)) || /\barchitecture\b/i.test(box[1] ?? ''));
    });
  }
  if (out.concepts) {
    out.emptyConcepts = undefined;
    out.conceptsVariant = undefined;
  }
  if (out.dataFlow) out.dataFlowVariant = undefined;
  return out;
}
