// How far the server lets V8's heap grow past what the last full garbage collection kept.
import { setFlagsFromString } from 'node:v8';

/**
 * V8 runs its next full collection once the old generation has grown by a factor it picks from
 * how fast collecting has been, up to 4x what the last one kept. Each keystroke in an open
 * document makes the document's text a new string; in a long module (1.5 MB at 50,000 lines) that
 * string lands in the large-object space, and the ones alive at a young collection are promoted,
 * to be freed only by a full one. At V8's own factor those dead copies of the text held 20-60 MB
 * of the server's memory while someone typed at 50,000 lines (the bench's memory row: 1.5-1.6x the
 * RSS after opening the file, 1.3x with this). Growing by at most this much frees them every dozen
 * keystrokes or so; the extra full collections cost a keystroke about 17% more server CPU at
 * 50,000 lines and 10% at 5,000 (a 50,000-line keystroke's median 7% longer).
 */
export const HEAP_GROWING_PERCENT = 20;

/** The V8 flags the language server sets for itself (see HEAP_GROWING_PERCENT). */
export const SERVER_V8_FLAGS = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];

/** Call first thing in the server's process: V8 reads the flag at each collection from then on. */
export function boundHeapGrowth(set: (flag: string) => void = setFlagsFromString): void {
  for (const flag of SERVER_V8_FLAGS) set(flag);
}
