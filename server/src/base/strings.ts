// Strings that outlive a document must not share its memory. V8 makes a substring of a long
// string (tree-sitter's `node.text`, `slice`, regex groups) a view into the whole parent text, and a
// message built from such a piece keeps a reference to it: one kept comment or name per keystroke
// keeps one whole copy of a large file alive per keystroke.

/** Below this length V8 copies substrings anyway (SlicedString::kMinLength is 13). */
const SHORT = 13;

/** A copy of `s` that holds no reference to the text it was cut from. */
export function detached(s: string): string {
  if (s.length < SHORT) return s;
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
