// Word wrapping for table cells. A word is never split: a URL or identifier cut in two is a broken
// link or a wrong name, so an over-long word gets a line of its own and the caller widens the column.
import { displayWidth, type WidthOptions } from './displayWidth';

/** The words of a text; any run of whitespace separates them. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Greedy wrap to `width` display columns. Always at least one line (an empty one for no words). */
export function wrapWords(text: string, width: number, options?: WidthOptions): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words(text)) {
    const w = displayWidth(word, options);
    if (line && lineWidth + 1 + w <= width) {
      line += ` ${word}`;
      lineWidth += 1 + w;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    lineWidth = w;
  }
  lines.push(line);
  return lines;
}

/** The widest word of a text, in display columns. */
export function widestWord(text: string, options?: WidthOptions): number {
  return Math.max(0, ...words(text).map((w) => displayWidth(w, options)));
}

/**
 * The author's lines of one cell as one paragraph. A line ending in a hyphen followed by a line
 * starting with a lower-case letter is a word broken at its hyphen (`per-` / `task`): it joins
 * without a space and keeps the hyphen.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (out.endsWith('-') && /^\p{Ll}/u.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}
