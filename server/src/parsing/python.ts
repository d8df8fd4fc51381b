import { Edit, Language, Parser, type Point, type Tree } from 'web-tree-sitter';
import { locateAsset } from './assets';

let loading: Promise<Language> | undefined;

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export function loadPython(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init({ locateFile: (name: string) => locateAsset(name) });
    return Language.load(locateAsset('tree-sitter-python.wasm'));
  })();
  return loading;
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
    const tree = this.parser.parse(text, previous ?? null);
    if (!tree) throw new Error('pyguide: tree-sitter returned no tree');
    return tree;
  }
}

/** Where a text ends, as a tree-sitter point (columns in UTF-16 units, as web-tree-sitter counts). */
function endPoint(start: Point, inserted: string): Point {
  let row = start.row;
  let lastBreak = -1;
  for (let i = 0; i < inserted.length; i++) {
    const c = inserted.charCodeAt(i);
    if (c === 10 || (c === 13 && inserted.charCodeAt(i + 1) !== 10)) {
      row++;
      lastBreak = i;
    }
  }
  return lastBreak < 0 ? { row, column: start.column + inserted.length } : { row, column: inserted.length - lastBreak - 1 };
}

export interface TextChange {
  startOffset: number;
  endOffset: number;
  start: Point;
  end: Point;
  text: string;
}

/** Tells a tree about one text change, so the next parse can reuse what did not change. */
export function editTree(tree: Tree, change: TextChange): void {
  tree.edit(
    new Edit({
      startIndex: change.startOffset,
      oldEndIndex: change.endOffset,
      newEndIndex: change.startOffset + change.text.length,
      startPosition: change.start,
      oldEndPosition: change.end,
      newEndPosition: endPoint(change.start, change.text),
    }),
  );
}
