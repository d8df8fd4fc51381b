import { Edit, Language, Parser, type Point, type Tree } from 'web-tree-sitter';
import { locateAsset } from './assets';

let loading: Promise<Language> | undefined;
let loaded: Language | undefined;

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export function loadPython(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init({ locateFile: (name: string) => locateAsset(name) });
    loaded = await Language.load(locateAsset('tree-sitter-python.wasm'));
    return loaded;
  })();
  return loading;
}

/** The Python grammar once `loadPython` has loaded it (every session loads it before reading configuration). */
export function loadedPython(): Language | undefined {
  return loaded;
}

/**
 * The text as tree-sitter should see it. Tree-sitter counts rows at `\n` only, while LSP (and
 * Python) also break lines at a lone `\r`; turning those into `\n` keeps every offset and makes
 * node rows equal to LSP lines.
 */
export function sameLines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/**
 * How much text tree-sitter is handed per read. Given a string, web-tree-sitter copies up to 5,119
 * characters into its buffer at every read, and an incremental parse after a keystroke reads at a
 * few dozen places: about the whole file copied per keystroke. Short pieces cost a few more calls
 * and copy only what the lexer looks at (a fresh parse gets faster too).
 */
export const READ_CHUNK = 128;

/** The text as tree-sitter's read callback, in pieces of READ_CHUNK characters. */
export function chunkedInput(text: string): (index: number) => string {
  return (index) => text.slice(index, index + READ_CHUNK);
}

/** A parser bound to the Python grammar; callers own the trees it returns. */
export class PythonParser {
  private readonly parser = new Parser();

  constructor(readonly language: Language) {
    this.parser.setLanguage(language);
  }

  static async create(): Promise<PythonParser> {
    return new PythonParser(await loadPython());
  }

  parse(text: string, previous?: Tree): Tree {
    const tree = this.parser.parse(chunkedInput(sameLines(text)), previous ?? null);
    if (!tree) throw new Error('pyguide: tree-sitter returned no tree');
    return tree;
  }

  /**
   * Parses only `ranges` of the text (UTF-16 offsets, in order): node positions stay those of the
   * whole text. `positionAt` gives an offset's row and column as tree-sitter counts them.
   */
  parseRanges(text: string, ranges: readonly { start: number; end: number }[], positionAt: (offset: number) => Point): Tree {
    const includedRanges = ranges.map((r) => ({ startIndex: r.start, endIndex: r.end, startPosition: positionAt(r.start), endPosition: positionAt(r.end) }));
    const tree = this.parser.parse(chunkedInput(sameLines(text)), null, { includedRanges });
    if (!tree) throw new Error('pyguide: tree-sitter returned no tree');
    return tree;
  }
}

/**
 * One text change, with positions as tree-sitter should count them: `end` in the text before the
 * change, `newEnd` in the text after it (where a `\r` and a `\n` on either side of the change may
 * have joined into one line break or come apart).
 */
export interface TextChange {
  startOffset: number;
  endOffset: number;
  /** Length of the inserted text. */
  newLength: number;
  start: Point;
  end: Point;
  newEnd: Point;
}

/** One text change in tree-sitter's terms. */
export function toEdit(change: TextChange): Edit {
  return new Edit({
    startIndex: change.startOffset,
    oldEndIndex: change.endOffset,
    newEndIndex: change.startOffset + change.newLength,
    startPosition: change.start,
    oldEndPosition: change.end,
    newEndPosition: change.newEnd,
  });
}
