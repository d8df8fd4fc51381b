import type { TextIndex } from '../../engine/textIndex';
import type { PyprojectRule, Range } from '../../engine/types';
import type { TomlError } from '../../parsing/toml';

/** A syntax problem, as offsets into the text. */
interface Problem {
  start: number;
  end: number;
  message: string;
}

/** End of the line holding `offset`, before its line break. */
function lineEndFrom(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** Offset just past the string starting at `start`, or a problem if it is never closed. */
function skipString(text: string, start: number): number | Problem {
  const quote = text[start];
  const triple = text.startsWith(quote.repeat(3), start);
  if (triple) {
    const close = text.indexOf(quote.repeat(3), start + 3);
    if (close >= 0) return close + 3;
    return { start, end: lineEndFrom(text, start), message: `Unterminated multi-line string: the \`${quote.repeat(3)}\` opened here is never closed.` };
  }
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' || c === '\r') break;
  }
  return { start, end: lineEndFrom(text, start), message: `Unterminated string: the \`${quote}\` opened here is not closed on this line.` };
}

/** Offset of `wanted` on the line from `start`, outside quoted keys; -1 when absent. */
function findOnLine(text: string, start: number, wanted: string): number {
  const end = lineEndFrom(text, start);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '#') return -1;
    if (c === '"' || c === "'") {
      const after = skipString(text, i);
      if (typeof after !== 'number') return -1;
      i = after - 1;
    } else if (text.startsWith(wanted, i)) return i;
  }
  return -1;
}

// Inside an open array, a line that reads as a table header or `key =` means the `[` was never closed.
const HEADER_LINE = /^\[\[?\s*[A-Za-z_-][A-Za-z0-9_-]*(\s*\.\s*[A-Za-z0-9_-]+)*\s*\]\]?\s*(#.*)?$/;
const KEY_LINE = /^[A-Za-z_][A-Za-z0-9_-]*(\s*\.\s*[A-Za-z0-9_-]+)*\s*=/;

/**
 * Finds the first structural problem a person would name (an unclosed string, table header,
 * array or inline table, a key without `=`), which the parser often reports later than where
 * it is: an unclosed array is only noticed at the next table.
 */
function findStructuralProblem(text: string): Problem | undefined {
  const open: { char: string; offset: number }[] = [];
  let lineStart = true;
  const unclosed = (at: { char: string; offset: number }): Problem => {
    const what = at.char === '[' ? 'array' : 'inline table';
    const closing = at.char === '[' ? ']' : '}';
    const lineBegin = text.lastIndexOf('\n', at.offset) + 1;
    const first = lineBegin + (/^[ \t]*/.exec(text.slice(lineBegin))?.[0].length ?? 0);
    return { start: first, end: lineEndFrom(text, at.offset), message: `Unterminated ${what}: the \`${at.char}\` opened on this line is never closed with \`${closing}\`.` };
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // Inline tables are one line long in TOML 1.0.
      if (open.at(-1)?.char === '{') return unclosed(open.at(-1)!);
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#') {
      i = lineEndFrom(text, i) - 1;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const rest = text.slice(i, lineEndFrom(text, i));
      if (open.length === 0 && c === '[') {
        const closing = text[i + 1] === '[' ? ']]' : ']';
        const close = findOnLine(text, i + closing.length, closing);
        if (close < 0) {
          return { start: i, end: lineEndFrom(text, i), message: `Unterminated table header: \`${rest.trim()}\` needs a closing \`${closing}\` on the same line.` };
        }
        i = close + closing.length - 1;
        continue;
      }
      if (open.length === 0) {
        const eq = findOnLine(text, i, '=');
        if (eq < 0) {
          return { start: i, end: lineEndFrom(text, i), message: `Expected \`=\` after the key: write \`${rest.trim()} = <value>\` on one line.` };
        }
        i = eq;
        continue;
      }
      if (open.at(-1)!.char === '[' && (HEADER_LINE.test(rest.trim()) || KEY_LINE.test(rest))) return unclosed(open[0]);
    }
    if (c === '"' || c === "'") {
      const after = skipString(text, i);
      if (typeof after !== 'number') return after;
      i = after - 1;
    } else if (c === '[' || c === '{') open.push({ char: c, offset: i });
    else if (c === ']' || c === '}') open.pop();
  }
  return open.length > 0 ? unclosed(open[0]) : undefined;
}

/** Names a duplicated key or table and, when the text tells, the line it was first written on. */
function duplicateMessage(index: TextIndex, line: number, token: string): string {
  const withoutComment = (l: number) => index.lineText(l).trim().replace(/\s*#.*$/, '');
  const here = withoutComment(line);
  if (here.startsWith('[')) {
    let first = -1;
    for (let l = 0; l < line && first < 0; l++) if (withoutComment(l) === here) first = l;
    const where = first >= 0 ? ` (first on line ${first + 1})` : '';
    return `Duplicate table \`${here}\`${where}: a table may be opened only once; move these keys into the first one.`;
  }
  const key = new RegExp(`^\\s*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`);
  let first = -1;
  for (let l = line - 1; l >= 0 && first < 0 && !withoutComment(l).startsWith('['); l--) if (key.test(index.lineText(l))) first = l;
  const where = first >= 0 ? ` (first on line ${first + 1})` : '';
  return `Duplicate key \`${token}\`${where}: TOML allows each key only once per table.`;
}

const HINTS: [RegExp, (token: string) => string][] = [
  [/unexpected character/i, (t) => (/^[A-Za-z]/.test(t) ? `Unexpected \`${t}\`: string values need quotes, e.g. \`"${t}"\`.` : `Unexpected \`${t}\`.`)],
  [/expected comma/i, () => 'Expected a comma (`,`) between the items.'],
];

/** The token at an offset: a bare key, a quoted string or one character. */
function tokenAt(text: string, offset: number): string {
  const rest = text.slice(offset, lineEndFrom(text, offset));
  return /^(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')/.exec(rest)?.[0] ?? rest.slice(0, 1);
}

function parserProblem(text: string, index: TextIndex, error: TomlError): Problem {
  const start = index.offsetAt({ line: error.line, character: error.column });
  const token = tokenAt(text, start);
  const hint = HINTS.find(([re]) => re.test(error.message));
  const message = /multiple times/i.test(error.message)
    ? duplicateMessage(index, error.line, token)
    : hint
      ? hint[1](token)
      : `Invalid TOML: ${error.message.replace(/\.?$/, '.')}`;
  return { start, end: start + token.length, message };
}

export const invalidPyproject: PyprojectRule = {
  id: 'invalid-pyproject',
  kind: 'pyproject',
  defaultSeverity: 'error',
  guideline: 'Code Quality & Linting › Automated Consistency Checks',
  summary: 'pyproject.toml that is not valid TOML',
  checksInvalidToml: true,
  check({ toml, text, index }) {
    if (toml.ok) return [];
    const fromParser = parserProblem(text, index, toml.error);
    const structural = findStructuralProblem(text);
    const problem = structural && structural.start <= fromParser.start ? structural : fromParser;
    const range: Range = index.rangeOf(problem.start, Math.max(problem.end, problem.start));
    return [{ range, message: problem.message }];
  },
};
