// Where a character of a TOML string's value is written in the document: a pattern's syntax error
// is shown inside the string, at the character it is about, whatever quotes and escapes it uses.
import type { Position, Range } from '../base/text';
import { TextIndex } from '../engine/textIndex';

const SIMPLE_ESCAPES = new Set(['b', 't', 'n', 'f', 'r', 'e', '"', '\\']);

/**
 * Offsets in the document of each value offset of the string written at `range` (one more entry
 * than the value is long: the end). Undefined when the text there is not a TOML string.
 */
function valueOffsets(text: string, start: number, end: number): number[] | undefined {
  const raw = text.slice(start, end);
  const delimiter = ['"""', "'''", '"', "'"].find((d) => raw.startsWith(d));
  if (!delimiter) return undefined;
  const basic = delimiter[0] === '"';
  let i = delimiter.length;
  // A newline right after the opening delimiter of a multi-line string is not part of the value.
  if (delimiter.length === 3) {
    if (raw.startsWith('\r\n', i)) i += 2;
    else if (raw[i] === '\n') i++;
  }
  const stop = raw.length - delimiter.length;
  const out: number[] = [];
  while (i < stop) {
    if (basic && raw[i] === '\\') {
      const next = raw[i + 1];
      if (next === 'u' || next === 'U') {
        const digits = next === 'u' ? 4 : 8;
        const code = Number.parseInt(raw.slice(i + 2, i + 2 + digits), 16);
        const units = Number.isFinite(code) && code > 0xffff ? 2 : 1;
        for (let k = 0; k < units; k++) out.push(start + i);
        i += 2 + digits;
      } else if (next === 'x') {
        out.push(start + i);
        i += 4;
      } else if (SIMPLE_ESCAPES.has(next)) {
        out.push(start + i);
        i += 2;
      } else {
        // A line-ending backslash: the line break and the whitespace after it are not in the value.
        i++;
        while (i < stop && /[ \t\r\n]/.test(raw[i])) i++;
      }
    } else {
      out.push(start + i);
      i++;
    }
  }
  out.push(start + Math.max(i, 0));
  return out;
}

/** Where value offsets `[from, to)` of the string written at `range` stand in `text`; the whole string when it cannot tell. */
export function rangeInString(text: string, range: Range, from: number, to = from + 1): Range {
  const index = new TextIndex(text);
  const start = index.offsetAt(range.start);
  const offsets = valueOffsets(text, start, index.offsetAt(range.end));
  if (!offsets) return range;
  const at = (k: number): Position => index.positionAt(offsets[Math.max(0, Math.min(k, offsets.length - 1))]);
  return { start: at(from), end: at(Math.max(from + 1, to)) };
}
