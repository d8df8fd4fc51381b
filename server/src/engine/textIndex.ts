import { rangeAt, type Position, type Range } from '../base/text';

/** Appends the line starts found in `text[from, to)` (a `\r\n` pair is one line break). */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Line starts of a text, for converting between offsets and positions (UTF-16 units). */
export class TextIndex {
  private readonly lineStarts: number[];
  private current: string;

  constructor(text: string, lineStarts?: number[]) {
    this.current = text;
    this.lineStarts = lineStarts ?? scanLineStarts(text, 0, text.length, [0]);
  }

  get text(): string {
    return this.current;
  }

  /**
   * Follows one change that replaced `[start, oldEnd)` of the indexed text with `newEnd - start`
   * characters, giving `text`: only the changed lines are scanned again and the later line starts
   * shift in place, so a keystroke in a large file costs microseconds and allocates nothing.
   * Only an index its owner keeps (an open document's) may be edited.
   */
  edit(text: string, start: number, oldEnd: number, newEnd: number): void {
    const old = this.lineStarts;
    // Rescan from the line holding the character before the change: a `\r` there may pair with an inserted `\n`.
    const from = this.lineOf(Math.max(0, start - 1));
    // ... and up to the character after it, which may pair with an inserted `\r`.
    const scanned = scanLineStarts(text, old[from], Math.min(text.length, newEnd + 1), []);
    const delta = newEnd - oldEnd;
    const last = scanned.length > 0 ? scanned[scanned.length - 1] : old[from];
    // The old line starts after the change that survive it: past the rescanned part, shifted.
    let keep = this.lineOf(oldEnd + 1) + 1;
    while (keep < old.length && !(old[keep] + delta > last && old[keep] > oldEnd + 1)) keep++;
    const removed = keep - (from + 1);
    if (scanned.length === removed) for (let i = 0; i < scanned.length; i++) old[from + 1 + i] = scanned[i];
    else if (scanned.length < 10_000) old.splice(from + 1, removed, ...scanned);
    else {
      // A large paste: rebuild rather than splice with that many arguments.
      const tail = old.slice(keep);
      old.length = from + 1;
      for (const x of scanned) old.push(x);
      for (const x of tail) old.push(x);
      keep = from + 1 + scanned.length;
      for (let i = keep; i < old.length; i++) old[i] += delta;
      this.current = text;
      return;
    }
    for (let i = from + 1 + scanned.length; i < old.length; i++) old[i] += delta;
    this.current = text;
  }

  /** The line holding an offset. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.lineStarts[line] };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 0), this.lineStarts.length - 1)];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the file mostly uses, for text that fixes insert. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    return crlf >= 0 && crlf === this.text.indexOf('\n') - 1 ? '\r\n' : '\n';
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

export { rangeAt } from '../base/text';

/** The first line of a file, as a range: where file-level findings point. */
export function fileStartRange(index: TextIndex): Range {
  return rangeAt(0, 0, index.lineCount > 0 ? index.lineEnd(0) - index.lineStart(0) : 0);
}

// PEP 263: the encoding declaration lives on the first or second line.
const ENCODING = /^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/;

/** How many lines at the top must stay first: a shebang, then a PEP 263 encoding declaration. */
export function preludeLines(index: TextIndex): number {
  let line = 0;
  if (index.lineText(0).replace(/^\uFEFF/, '').startsWith('#!')) line++;
  if (line < index.lineCount && ENCODING.test(index.lineText(line))) line++;
  return line;
}
