// How far the server lets V8's heap grow past what the last full garbage collection kept, while a
// long document is open.
import { setFlagsFromString } from 'node:v8';

/**
 * V8 runs its next full collection once the old generation has grown by a factor it picks from
 * how fast collecting has been, up to 4x what the last one kept. Each keystroke in an open
 * document makes the document's text a new string; in a long module (1.5 MB at 50,000 lines) that
 * string lands in the large-object space, and the ones alive at a young collection are promoted,
 * to be freed only by a full one. At V8's own factor those dead copies of the text held 20-60 MB
 * of the server's memory while someone typed at 50,000 lines (the bench's memory row: 1.5-1.6x the
 * RSS after opening the file, 1.3x with this). Growing by at most this much frees them every dozen
 * keystrokes or so, for about 17% more server CPU per keystroke at 50,000 lines.
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * From this length (UTF-16 units, about 30,000 lines of Python) a keystroke leaves a megabyte of
 * dead text. Below it the copies are small (a 5,000-line module's text is 160 KB) and the bound
 * would only cost CPU: 4-18% more per 5,000-line keystroke, and a worse p95.
 */
export const LARGE_DOCUMENT = 1_000_000;

/** What the server tells about the sizes of its open documents. */
export interface DocumentSizes {
  /** A document was opened or edited and is now this long. */
  sized(uri: string, length: number): void;
  closed(uri: string): void;
}

/**
 * Bounds V8's heap growth (HEAP_GROWING_PERCENT) while some open document is LARGE_DOCUMENT long
 * or longer, and gives V8 back its own factor (the flag at 0) when none is. V8 reads the flag at
 * each collection, so it takes effect from the next one.
 */
export class HeapGrowthBound implements DocumentSizes {
  private readonly large = new Set<string>();
  private bounded = false;

  constructor(private readonly setFlag: (flag: string) => void = setFlagsFromString) {}

  sized(uri: string, length: number): void {
    if (length >= LARGE_DOCUMENT) this.large.add(uri);
    else if (!this.large.delete(uri)) return;
    this.apply();
  }

  closed(uri: string): void {
    if (this.large.delete(uri)) this.apply();
  }

  private apply(): void {
    const bound = this.large.size > 0;
    if (bound === this.bounded) return;
    this.bounded = bound;
    this.setFlag(`--heap-growing-percent=${bound ? HEAP_GROWING_PERCENT : 0}`);
  }
}
