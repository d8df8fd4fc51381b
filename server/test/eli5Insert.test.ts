// The ELI5 commands' text: the table drawn for concepts, where it goes in a docstring, a row added to
// a table, and the layout learned from a project's tables. Every inserted file must still parse.
import * as assert from 'node:assert/strict';
import { displayWidth } from '../src/docstrings/displayWidth';
import { commonLayout, eli5LayoutsIn, eli5Table, GUIDE_ELI5_LAYOUT, NOT_IN_DOCSTRING, planAddRow, planEli5Insertion, type Eli5Row } from '../src/docstrings/eli5Insert';
import { applyTextEdits } from '../src/engine/textEdits';
import { TextIndex } from '../src/engine/textIndex';
import type { Position } from '../src/engine/types';
import { PythonParser } from '../src/parsing/python';
import { GUIDE_ROWS, GUIDE_TABLE } from '../../client/test/guideExamples';
import { syntaxErrors } from './fixtureHarness';

const OPTIONS = { ambiguousWidth: 1 as const, maxLineLength: 120 };
const ROWS: Eli5Row[] = [{ concept: 'Flow', explanation: 'A recipe of steps. Like a recipe card.' }];

function table(rows: readonly Eli5Row[], layout = GUIDE_ELI5_LAYOUT): string[] {
  const t = eli5Table(rows, layout, OPTIONS);
  assert.ok(t.ok, 'the table could not be drawn');
  return t.lines;
}

describe('ELI5 concepts table', () => {
  it("reproduces the guidelines' example exactly, wrapping explanations to the column", () => {
    assert.deepEqual(table(GUIDE_ROWS), GUIDE_TABLE);
  });

  it('draws an empty table as the header only', () => {
    assert.deepEqual(table([]), [GUIDE_TABLE[0], GUIDE_TABLE[1], GUIDE_TABLE[GUIDE_TABLE.length - 1]]);
  });

  it('keeps every line the same display width: CJK, emoji, combining accents, tabs and newlines', () => {
    const lines = table([
      { concept: '漢字 ✅', explanation: 'Two columns each. 日本語のテキストも正しく揃います。' },
      { concept: 'Café', explanation: 'e + U+0301 is one column' },
      { concept: '  tabs\tand\nnewlines ', explanation: '' },
    ]);
    assert.deepEqual([...new Set(lines.map((l) => displayWidth(l)))], [72]);
    assert.ok(lines.includes('│ tabs and newlines   │                                                │'));
  });

  it('never splits a word: a URL longer than the column widens it', () => {
    const url = 'https://genkit.dev/docs/plugins/anthropic/and/then/a/very/long/path/';
    const lines = table([{ concept: 'Docs', explanation: `See ${url} for more.` }]);
    assert.ok(lines.some((l) => l.includes(` ${url} `)), 'the URL is on one line');
    assert.equal(new Set(lines.map((l) => displayWidth(l))).size, 1);
  });

  it('widens the concept column for long names, up to half the table, then wraps them', () => {
    const lines = table([{ concept: 'Retrieval-Augmented Generation', explanation: 'Looks things up first, then answers. Like an open-book exam.' }]);
    assert.deepEqual(lines.slice(3), [
      '│ Retrieval-Augmented Generation │ Looks things up first, then         │',
      '│                                │ answers. Like an open-book exam.    │',
      '└────────────────────────────────┴─────────────────────────────────────┘',
    ]);
  });
});

describe('placing the table in a docstring', () => {
  let parser: PythonParser;
  before(async () => (parser = await PythonParser.create()));

  async function insert(text: string, at: Position, place: 'cursor' | 'after-summary' = 'cursor'): Promise<string> {
    const tree = parser.parse(text);
    try {
      const plan = planEli5Insertion(tree, new TextIndex(text), at, table(ROWS, { width: 30, conceptColumn: 8 }), place);
      assert.ok(plan.ok, plan.ok ? '' : plan.message);
      const out = applyTextEdits(text, [plan.edit!]).text;
      assert.equal(await syntaxErrors('x.py', out), 0, `the result does not parse:\n${out}`);
      return out;
    } finally {
      tree.delete();
    }
  }


  it('at the end of a one-line docstring: before the closing quotes, which move to their own line', async () => {
    const text = 'def f():\n    """Summary."""\n    return 1\n';
    const out = await insert(text, { line: 1, character: 18 });
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(0, 6), ['def f():', '    """Summary.', '', '    Key Concepts (ELI5)::', '', '        ┌─────────┬──────────────────┐']);
    assert.equal(lines[lines.length - 3], '    """');
    assert.equal(lines[lines.length - 2], '    return 1');
  });

  it('on a blank line inside the docstring: in place of it, at the docstring\'s indentation', async () => {
    const text = 'class A:\n    """Summary.\n\n    \n    """\n';
    const out = await insert(text, { line: 3, character: 4 });
    assert.deepEqual(out.split('\n').slice(0, 5), ['class A:', '    """Summary.', '', '    Key Concepts (ELI5)::', '']);
    assert.match(out, /┘\n {4}"""\n$/);
  });

  it('after the summary paragraph, keeping its blank line (D205), and a blank line before the next paragraph', async () => {
    const text = '"""Summary that goes on\nover two lines.\n\nMore prose.\n"""\n';
    const out = await insert(text, { line: 0, character: 5 }, 'after-summary');
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(0, 5), ['"""Summary that goes on', 'over two lines.', '', 'Key Concepts (ELI5)::', '']);
    const bottom = lines.findIndex((l) => l.startsWith('    └'));
    assert.deepEqual(lines.slice(bottom + 1), ['', 'More prose.', '"""', '']);
  });

  it('when the paragraph ends on the closing quotes\' line, with trailing spaces before them', async () => {
    const text = 'def f():\n    """Summary.\n\n    Last words.  """\n';
    const out = await insert(text, { line: 3, character: 6 });
    assert.match(out, /Last words\.\n\n {4}Key Concepts/);
    assert.match(out, /┘\n {4}"""\n$/);
  });

  it('keeps CRLF line breaks', async () => {
    const text = 'def f():\r\n    """Summary."""\r\n';
    const out = await insert(text, { line: 1, character: 10 });
    assert.equal(out.split('\r\n').length, out.split('\n').length);
  });

  it('refuses outside a docstring, in code, comments and other strings, with a message', () => {
    const text = 'x = 1  # comment\ns = """not a docstring"""\n\n\ndef f():\n    return f"""{x}"""\n';
    const tree = parser.parse(text);
    try {
      for (const at of [{ line: 0, character: 2 }, { line: 0, character: 12 }, { line: 1, character: 10 }, { line: 5, character: 14 }]) {
        assert.deepEqual(planEli5Insertion(tree, new TextIndex(text), at, ['┌┐']), { ok: false, message: NOT_IN_DOCSTRING });
      }
    } finally {
      tree.delete();
    }
  });
});

describe('adding a row', () => {
  it('appends a concept after a separator and re-aligns the whole table', async () => {
    const parser = await PythonParser.create();
    const text = '"""Doc.\n\nKey Concepts (ELI5)::\n\n    ┌──────┬──────────┐\n    │ Concept │ ELI5 │\n    ├──────┼──────────┤\n    │ Flow │ Steps    │\n    └──────┴──────────┘\n"""\n';
    const tree = parser.parse(text);
    const plan = planAddRow(tree, new TextIndex(text), { line: 7, character: 6 }, { concept: 'Span', explanation: 'A timer for one step.' }, OPTIONS);
    tree.delete();
    assert.ok(plan.ok && plan.edit);
    assert.deepEqual(applyTextEdits(text, [plan.edit]).text.split('\n').slice(4, 13), [
      '    ┌─────────┬──────────┐',
      '    │ Concept │ ELI5     │',
      '    ├─────────┼──────────┤',
      '    │ Flow    │ Steps    │',
      '    ├─────────┼──────────┤',
      '    │ Span    │ A timer  │',
      '    │         │ for one  │',
      '    │         │ step.    │',
      '    └─────────┴──────────┘',
    ]);
  });
});

describe('the layout of a project\'s tables', () => {
  it('reads width and concept column of ELI5 tables and picks the most common', () => {
    const t76 = 'Key Concepts (ELI5)::\n\n    ┌─────────────────────┬────────────────────────────────────────────────────┐\n';
    const t72 = 'Key Concepts (ELI5)::\r\n\r\n┌─────────────────────┬────────────────────────────────────────────────┐\n';
    assert.deepEqual(eli5LayoutsIn(t76 + t72 + t76), [{ width: 76, conceptColumn: 21 }, { width: 72, conceptColumn: 21 }, { width: 76, conceptColumn: 21 }]);
    assert.deepEqual(commonLayout(eli5LayoutsIn(t72 + t76 + t76)), { width: 76, conceptColumn: 21 });
    assert.equal(commonLayout([]), undefined);
    assert.deepEqual(eli5LayoutsIn('Terminology:\n\n┌───┬───┐\n'), []);
  });
});
