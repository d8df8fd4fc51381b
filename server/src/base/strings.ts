// Strings that outlive a document must not share its memory. V8 makes a substring of a long
// string (tree-sitter's `node.text`, `slice`, regex groups) a view into the whole parent text, and a
// message built from such a piece keeps a reference to it: one kept comment or name per keystroke
// keeps one whole copy of a large file alive per keystroke.

/** Below this length V8 copies substrings anyway (SlicedString::kMinLength is 13). */
const SHORT = 13;

/** Copies of short strings made before, by content: a keystroke rebuilds the same messages. */
const copies = new Map<string, string>();
/** Only strings up to this long are kept, and this many at most: a few MB however a session goes. */
const KEPT_LENGTH = 256;
const KEPT_COPIES = 10_000;
/** How many copies were made (not found among those kept): for tests. */
export const copyStats = { made: 0 };

/**
 * A copy of `s` that holds no reference to the text it was cut from. A short string equal to one
 * copied before gets that copy: a lint rebuilds every message of the file, and most are the same
 * as at the previous keystroke. (The table's keys are the copies themselves, never `s`.)
 */
export function detached(s: string): string {
  if (s.length < SHORT) return s;
  if (s.length > KEPT_LENGTH) return copy(s);
  let c = copies.get(s);
  if (c === undefined) {
    c = copy(s);
    if (copies.size >= KEPT_COPIES) copies.clear();
    copies.set(c, c);
  }
  return c;
}

function copy(s: string): string {
  copyStats.made++;
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

/**
 * `read` of a text, computed once per distinct text: a keystroke lints the file again, and most of
 * its pieces (comments) are texts read before. Up to `kept` texts are kept, as copies (a slice would
 * keep its whole document alive); what `read` returns must hold no slice either. `reads` counts the
 * texts read (for tests).
 */
export function readOncePerText<T>(read: (text: string) => T, kept = 20_000): ((text: string) => T) & { reads: number } {
  const readings = new Map<string, T>();
  const once = Object.assign(
    (text: string): T => {
      let r = readings.get(text);
      if (r === undefined) {
        once.reads++;
        r = read(text);
        if (readings.size >= kept) readings.clear();
        readings.set(detached(text), r);
      }
      return r;
    },
    { reads: 0 },
  );
  return once;
}
