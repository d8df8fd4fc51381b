import type { TextIndex } from '../../engine/textIndex';
import type { PythonRule, RuleFinding, SyntaxMatch, TextEdit } from '../../engine/types';

// A comment line that is a rule of one character repeated 4 times or more (`# -----`, `# =====`,
// `##########`, `# ------ #`), or such a rule before a title (`# ---- Helpers ----`, `# ===== Typed
// Action Lookups =====`). Group 1: the rule's character; group 2: the title.
const RULE = /^#+\s*([=\-*~_+#])\1{3,}\s*#*\s*$/;
const TITLED = /^#+\s*([=\-*~_+#])\1{3,}\s+(.*?[\p{L}\p{N}].*?)\s*(?:\1{4,})?\s*#*\s*$/u;

// A comment line of a drawing or a table (`# | a | b |`, `# +---+`, box characters): the rules
// around it are its borders, not a banner.
const DRAWING = /[|│┃┌┐└┘├┤┬┴┼═║]|\+[-=]/;

/** How every banner starts: a rule of one character, four times. */
const BANNER_START = /^#+\s*([=\-*~_+#])\1{3}/;

/**
 * The comments the rule reads: banners and drawings (whether a banner is a drawing's border). The
 * query's predicate tests each comment once, when it is collected, instead of every keystroke.
 */
const CANDIDATES = `((comment) @node (#match? @node ${JSON.stringify(`${BANNER_START.source}|${DRAWING.source}`)}))`;

interface Banner {
  match: SyntaxMatch;
  /** The title to keep as a plain comment, for `# ---- Title ----`. */
  title?: string;
}

function bannerOf(text: string): { title?: string } | undefined {
  if (RULE.test(text)) return {};
  const titled = TITLED.exec(text);
  return titled ? { title: titled[2] } : undefined;
}

function isBlank(index: TextIndex, line: number): boolean {
  return line >= 0 && line < index.lineCount && index.lineText(line).trim() === '';
}

/** How many blank lines run from `line` in direction `step`. */
function blankRun(index: TextIndex, line: number, step: 1 | -1): number {
  let n = 0;
  while (isBlank(index, line + n * step)) n++;
  return n;
}

/** Whether only blank lines lie beyond `line` in direction `step`. */
function nothingBeyond(index: TextIndex, line: number, step: 1 | -1): boolean {
  for (let l = line; l >= 0 && l < index.lineCount; l += step) if (!isBlank(index, l)) return false;
  return true;
}

/**
 * Deleting rule lines `first..last`: the lines themselves, and where blank lines stood on both
 * sides, the shorter run of them, so the gap left is as wide as the wider one was (no new E303);
 * at the top or bottom of the file or of a block, the blank lines that would be left there.
 */
function deletion(index: TextIndex, first: number, last: number): TextEdit {
  let from = first;
  let to = last + 1;
  const above = blankRun(index, first - 1, -1);
  const below = blankRun(index, last + 1, 1);
  // Right below a block's opening line (`def f():`), blank lines would start the block.
  const opensBlock = first > 0 && index.lineText(first - 1).trimEnd().endsWith(':');
  if (nothingBeyond(index, first - 1, -1) || opensBlock) to += below;
  else if (nothingBeyond(index, last + 1, 1)) from -= above;
  else if (above > 0 && below > 0) {
    if (below <= above) to += below;
    else from -= above;
  }
  if (to < index.lineCount) return { range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, newText: '' };
  // Through the last line, which has no line break after it: take the one before it instead.
  const end = { line: to - 1, character: index.lineText(to - 1).length };
  const start = from > 0 ? { line: from - 1, character: index.lineText(from - 1).length } : { line: 0, character: 0 };
  return { range: { start, end }, newText: '' };
}

const FIX_TITLE = 'Remove banner';

export const sectionBannerComment: PythonRule = {
  id: 'section-banner-comment',
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Comments',
  summary: 'a section-marker banner comment (`# =====`, `# ---- Title ----`)',
  // Module scope: a run of rule lines is one finding, and its fix takes blank lines around it.
  reads: { query: CANDIDATES, scope: 'module' },
  check({ matches, index, file }) {
    const banners: Banner[] = [];
    const ownLine = new Map<number, string>();
    for (const m of matches) {
      if (index.lineText(m.startRow).slice(0, m.startCol).trim() !== '') continue;
      const text = index.text.slice(m.start, m.end).trimEnd();
      ownLine.set(m.startRow, text);
      const banner = BANNER_START.test(text) ? bannerOf(text) : undefined;
      if (banner) banners.push({ match: m, ...banner });
    }
    const drawing = (line: number) => DRAWING.test(ownLine.get(line) ?? '');
    const findings: RuleFinding[] = [];
    for (let i = 0; i < banners.length; i++) {
      const first = banners[i];
      const line = first.match.startRow;
      if (drawing(line - 1) || drawing(line + 1)) continue;
      const range = { start: { line, character: first.match.startCol }, end: { line, character: first.match.startCol + (first.match.end - first.match.start) } };
      if (first.title !== undefined) {
        const edit = { range, newText: `# ${first.title}` };
        findings.push({
          range,
          message: `Section banner around "${first.title}": the guidelines ask for no section-marker comments; keep the title as a plain comment.`,
          fix: { title: 'Keep only the title', safe: true, changes: [{ type: 'edit', file, edits: [edit] }] },
        });
        continue;
      }
      // Consecutive rule lines are one banner.
      let j = i;
      while (j + 1 < banners.length && banners[j + 1].title === undefined && banners[j + 1].match.startRow === banners[j].match.startRow + 1 && !drawing(banners[j + 1].match.startRow + 1)) j++;
      const last = banners[j].match;
      i = j;
      findings.push({
        range: { start: range.start, end: { line: last.startRow, character: last.startCol + (last.end - last.start) } },
        message: 'Section-marker banner: the guidelines ask for none ("Do not add section marker comments"); let modules, classes and functions show the structure.',
        fix: { title: FIX_TITLE, safe: true, changes: [{ type: 'edit', file, edits: [deletion(index, line, last.startRow)] }] },
      });
    }
    return findings;
  },
};
