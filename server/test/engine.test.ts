// Engine pieces users meet indirectly: configuration, suppression comments, text edits.
import * as assert from 'node:assert/strict';
import { Suppressions } from '../src/engine/suppression';
import { applyTextEdits, minimalEdit } from '../src/engine/textEdits';
import { TextIndex } from '../src/engine/textIndex';
import type { Rule } from '../src/engine/types';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
const rule = (id: string, ruffTwin?: string) => ({ id, ruffTwin, kind: 'python', defaultSeverity: 'warning', guideline: '', summary: '', check: () => [] }) as Rule;

describe('suppression comments', () => {
  const rules = [rule('in-function-import', 'PLC0415'), rule('bare-noqa', 'PGH004'), rule('class-name', 'N801')];

  it('pyguide: ignore[...] covers its line, and the next line when it stands alone', () => {
    const s = new Suppressions(
      [
        { line: 2, text: '# pyguide: ignore[in-function-import, class-name]', ownLine: false },
        { line: 5, text: '#pyguide:ignore[bare-noqa]', ownLine: true },
      ],
      rules,
    );
    assert.equal(s.isSuppressed({ rule: 'in-function-import', range: range(2) }), true);
    assert.equal(s.isSuppressed({ rule: 'class-name', range: range(2) }), true);
    assert.equal(s.isSuppressed({ rule: 'class-name', range: range(3) }), false);
    assert.equal(s.isSuppressed({ rule: 'bare-noqa', range: range(6) }), true);
    assert.equal(s.isSuppressed({ rule: 'bare-noqa', range: range(7) }), false);
  });

  it("Ruff's noqa codes silence the rule's twin only; ruff: noqa: CODE silences it file-wide", () => {
    const s = new Suppressions(
      [
        { line: 1, text: '# noqa: PLC0415 - lazy import on purpose', ownLine: false },
        { line: 0, text: '# ruff: noqa: N801', ownLine: true },
      ],
      rules,
    );
    assert.equal(s.isSuppressed({ rule: 'in-function-import', range: range(1) }), true);
    assert.equal(s.isSuppressed({ rule: 'bare-noqa', range: range(1) }), false);
    assert.equal(s.isSuppressed({ rule: 'class-name', range: range(40) }), true);
    assert.equal(s.isSuppressed({ rule: 'in-function-import', range: range(0) }), false);
  });

  it('ignore-file counts only near the top of the file', () => {
    const s = new Suppressions([{ line: 3, text: '# pyguide: ignore-file[class-name]', ownLine: true }, { line: 100, text: '# pyguide: ignore-file[bare-noqa]', ownLine: true }], rules);
    assert.equal(s.isSuppressed({ rule: 'class-name', range: range(80) }), true);
    assert.equal(s.isSuppressed({ rule: 'bare-noqa', range: range(5) }), false);
  });
});

describe('text edits', () => {
  it('applies non-overlapping edits and hands back overlapping ones', () => {
    const text = 'abc\ndef\n';
    const { text: out, skipped } = applyTextEdits(text, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'D' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, newText: 'X' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: 'Y' },
    ]);
    assert.equal(out, 'Xc\nDef\n');
    assert.equal(skipped.length, 1);
  });

  it('minimalEdit trims to the changed part and never splits a surrogate pair or CRLF', () => {
    assert.deepEqual(minimalEdit('import os\nx = 1\n', 'import os\nimport re\nx = 1\n'), {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: 'import re\n',
    });
    const e = minimalEdit('a\u{1F600}b', 'a\u{1F601}b')!;
    assert.equal(applyTextEdits('a\u{1F600}b', [e]).text, 'a\u{1F601}b');
    assert.equal(e.newText, '\u{1F601}');
    const crlf = minimalEdit('a\r\nb', 'a\nb')!;
    assert.equal(applyTextEdits('a\r\nb', [crlf]).text, 'a\nb');
  });

  it('TextIndex counts CR, LF and CRLF line breaks and UTF-16 columns', () => {
    const idx = new TextIndex('a\r\nbé\rc\n\u{1F600}x');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(idx.text.indexOf('x')), { line: 3, character: 2 });
    assert.equal(idx.lineText(1), 'bé');
    assert.equal(idx.eol, '\r\n');
  });
});
