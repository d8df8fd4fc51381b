// The TOML finders and the formatting-keeping edit builders the pyproject rules' fixes use.
import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../src/engine/textEdits';
import { TextIndex } from '../src/engine/textIndex';
import type { TextEdit } from '../src/engine/types';
import { findKeyValue, findTable, locateTable, parseTomlDocument, tableHeaderRange, type TomlArray } from '../src/parsing/toml';
import { addKey, addTable, appendToArray, renderKey, renderString, setString, type TomlSource } from '../src/rules/pyproject/_toml';

function source(text: string): TomlSource {
  const doc = parseTomlDocument(text);
  assert.ok(doc.ok, `fixture does not parse: ${text}`);
  return { text, index: new TextIndex(text), ast: doc.ast };
}

/** Applies edits and checks the result still parses. */
function apply(src: TomlSource, edits: TextEdit[]): string {
  const out = applyTextEdits(src.text, edits).text;
  const doc = parseTomlDocument(out);
  assert.ok(doc.ok, `edit gave invalid TOML:\n${out}\n${doc.ok ? '' : doc.error.message}`);
  return out;
}

function array(src: TomlSource, ...path: string[]): TomlArray {
  const value = findKeyValue(src.ast, path)?.value;
  assert.equal(value?.type, 'TOMLArray');
  return value as TomlArray;
}

describe('TOML finders', () => {
  const text = '# top\n[project]\nname = "a"\nurls.home = "x"\n\n[tool.uv]\nsources = { genkit = { workspace = true } }\n\n[[tool.x]]\ny = 1\n';
  const src = source(text);

  it('finds key-values by full path, through headers, dotted keys and inline tables', () => {
    assert.equal(findKeyValue(src.ast, ['project', 'name'])?.loc.start.line, 3);
    assert.equal(findKeyValue(src.ast, ['project', 'urls', 'home'])?.loc.start.line, 4);
    assert.equal(findKeyValue(src.ast, ['tool', 'uv', 'sources', 'genkit', 'workspace'])?.loc.start.line, 7);
    assert.equal(findKeyValue(src.ast, ['project', 'version']), undefined);
  });

  it('finds header tables and where a table is written', () => {
    assert.ok(findTable(src.ast, ['project']));
    assert.equal(findTable(src.ast, ['tool', 'uv', 'sources']), undefined);
    assert.equal(locateTable(src.ast, ['tool', 'uv', 'sources'])?.type, 'inline');
    assert.equal(locateTable(src.ast, ['tool', 'uv'])?.type, 'header');
  });

  it('gives the exact range of a table header, brackets included', () => {
    assert.deepEqual(tableHeaderRange(findTable(src.ast, ['project'])!, text), { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    const spaced = source('a = 1\n  [ tool.uv ]  # c\nx = 1\n');
    assert.deepEqual(tableHeaderRange(findTable(spaced.ast, ['tool', 'uv'])!, spaced.text), { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } });
  });
});

describe('TOML edit builders', () => {
  it('renders strings and keys as TOML', () => {
    assert.equal(renderString('a "b" \\ c\n'), '"a \\"b\\" \\\\ c\\n"');
    assert.equal(renderKey('genkit-plugin-x'), 'genkit-plugin-x');
    assert.equal(renderKey('zope.interface'), '"zope.interface"');
  });

  it('sets a string, keeping single quotes where they were', () => {
    const src = source("[project]\nname = 'old'  # keep\nversion = \"1\"\n");
    const out = apply(src, [
      setString(src, findKeyValue(src.ast, ['project', 'name'])!.value, 'new'),
      setString(src, findKeyValue(src.ast, ['project', 'version'])!.value, '0.5.0'),
    ]);
    assert.equal(out, "[project]\nname = 'new'  # keep\nversion = \"0.5.0\"\n");
  });

  describe('appends to an array in its own style', () => {
    const cases: Array<[string, string, string]> = [
      ['one line', 'd = ["a", "b"]\n', 'd = ["a", "b", "c", "e"]\n'],
      ['one line, no spaces', 'd = ["a","b"]\n', 'd = ["a","b","c","e"]\n'],
      ['one line, trailing comma', 'd = ["a", "b",]\n', 'd = ["a", "b", "c", "e",]\n'],
      ['one item', 'd = ["a"]\n', 'd = ["a", "c", "e"]\n'],
      ['empty', 'd = []\n', 'd = ["c", "e"]\n'],
      ['empty over lines', 'd = [\n]\n', 'd = [\n    "c",\n    "e",\n]\n'],
      ['one a line, trailing comma, comments', 'd = [\n  "a",  # why\n  "b",  # because\n  # "old",\n]\n', 'd = [\n  "a",  # why\n  "b",  # because\n  "c",\n  "e",\n  # "old",\n]\n'],
      ['one a line, no trailing comma', 'd = [\n\t"a",\n\t"b"  # last\n]\n', 'd = [\n\t"a",\n\t"b",  # last\n\t"c",\n\t"e"\n]\n'],
      ['closing bracket after the last item', 'd = ["a",\n     "b"]\n', 'd = ["a",\n     "b", "c", "e"]\n'],
      ['CRLF line breaks', 'd = [\r\n  "a",\r\n]\r\n', 'd = [\r\n  "a",\r\n  "c",\r\n  "e",\r\n]\r\n'],
    ];
    for (const [name, before, after] of cases) {
      it(name, () => {
        const src = source(before);
        assert.equal(apply(src, appendToArray(src, array(src, 'd'), ['"c"', '"e"'])), after);
      });
    }
  });

  it('adds a key after the last one of a table, or before a given one, keeping indentation', () => {
    const src = source('[tool.uv.sources]\n  a = { workspace = true }\n  c = { workspace = true }  # note\n\n[other]\n');
    const where = locateTable(src.ast, ['tool', 'uv', 'sources'])!;
    assert.equal(
      apply(src, [addKey(src, where, 'd', '{ workspace = true }')]),
      '[tool.uv.sources]\n  a = { workspace = true }\n  c = { workspace = true }  # note\n  d = { workspace = true }\n\n[other]\n',
    );
    const c = findKeyValue(src.ast, ['tool', 'uv', 'sources', 'c'])!;
    assert.equal(
      apply(src, [addKey(src, where, 'b', '{ workspace = true }', c)]),
      '[tool.uv.sources]\n  a = { workspace = true }\n  b = { workspace = true }\n  c = { workspace = true }  # note\n\n[other]\n',
    );
  });

  it('adds a key to an empty table and to inline tables', () => {
    const empty = source('[project]\n\n[x]\n');
    assert.equal(apply(empty, [addKey(empty, locateTable(empty.ast, ['project'])!, 'name', '"a"')]), '[project]\nname = "a"\n\n[x]\n');
    const inline = source('[tool.uv]\nsources = { a = { workspace = true } }\n');
    assert.equal(
      apply(inline, [addKey(inline, locateTable(inline.ast, ['tool', 'uv', 'sources'])!, 'b', '{ workspace = true }')]),
      '[tool.uv]\nsources = { a = { workspace = true }, b = { workspace = true } }\n',
    );
    const emptyInline = source('[tool.uv]\nsources = {}\n');
    assert.equal(
      apply(emptyInline, [addKey(emptyInline, locateTable(emptyInline.ast, ['tool', 'uv', 'sources'])!, 'b', '{ workspace = true }')]),
      '[tool.uv]\nsources = { b = { workspace = true } }\n',
    );
  });

  it('adds a table after another one or at the end of the file', () => {
    const src = source('[tool.uv.workspace]\nmembers = ["plugins/*"]\n\n[tool.ruff]\nx = 1');
    assert.equal(
      apply(src, [addTable(src, 'tool.uv.sources', ['a = { workspace = true }'], findTable(src.ast, ['tool', 'uv', 'workspace']))]),
      '[tool.uv.workspace]\nmembers = ["plugins/*"]\n\n[tool.uv.sources]\na = { workspace = true }\n\n[tool.ruff]\nx = 1',
    );
    assert.equal(apply(src, [addTable(src, 'a', ['b = 1'])]), '[tool.uv.workspace]\nmembers = ["plugins/*"]\n\n[tool.ruff]\nx = 1\n\n[a]\nb = 1\n');
    const empty = source('');
    assert.equal(apply(empty, [addTable(empty, 'a', ['b = 1'])]), '[a]\nb = 1\n');
  });
});
