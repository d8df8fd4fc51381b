// The ELI5 concepts table layout, on exact output.
import * as assert from 'node:assert/strict';
import { columnsFor, eli5Section, eli5Table, planEli5Insertion, wrapWords } from '../src/eli5Table';
import { GUIDE_ROWS, GUIDE_TABLE } from './guideExamples';

describe('ELI5 concepts table', () => {
  it("reproduces the guidelines' example exactly, wrapping explanations to the column", () => {
    assert.deepEqual(eli5Table(GUIDE_ROWS), GUIDE_TABLE);
  });

  it('draws an empty table as header only', () => {
    assert.deepEqual(eli5Table([]), [GUIDE_TABLE[0], GUIDE_TABLE[1], GUIDE_TABLE[GUIDE_TABLE.length - 1]]);
  });

  it('keeps every line the same width, whatever the input', () => {
    const rows = [
      { concept: 'A rather long concept name that needs two lines here', explanation: 'x' },
      { concept: 'Émoji 🚀', explanation: 'Supercalifragilisticexpialidocious-and-then-some-more-characters-to-cut-in-pieces ok' },
      { concept: '  tabs\tand\nnewlines ', explanation: '' },
    ];
    const lines = eli5Table(rows);
    const widths = new Set(lines.map((l) => [...l].length));
    assert.deepEqual([...widths], [72]);
  });

  it('widens the concept column for long names, up to half the table, then wraps them', () => {
    assert.deepEqual(columnsFor([{ concept: 'Retrieval-Augmented Generation', explanation: '' }]), [32, 37]);
    assert.deepEqual(columnsFor([{ concept: 'x'.repeat(60), explanation: '' }]), [34, 35]);
    const lines = eli5Table([{ concept: 'Retrieval-Augmented Generation', explanation: 'Looks things up first, then answers. Like an open-book exam.' }]);
    assert.deepEqual(lines.slice(3, 6), [
      '│ Retrieval-Augmented Generation │ Looks things up first, then         │',
      '│                                │ answers. Like an open-book exam.    │',
      '└────────────────────────────────┴─────────────────────────────────────┘',
    ]);
  });

  it('wraps words greedily and cuts words longer than a line', () => {
    assert.deepEqual(wrapWords('a bb ccc dddd', 6), ['a bb', 'ccc', 'dddd']);
    assert.deepEqual(wrapWords('abcdefghij kl', 4), ['abcd', 'efgh', 'ij', 'kl']);
    assert.deepEqual(wrapWords('   ', 4), ['']);
  });

  it('writes the section: header, blank line, table one level deeper', () => {
    const section = eli5Section(GUIDE_ROWS.slice(0, 1), '    ');
    assert.deepEqual(section, [
      '    Key Concepts (ELI5)::',
      '',
      `        ${GUIDE_TABLE[0]}`,
      `        ${GUIDE_TABLE[1]}`,
      `        ${GUIDE_TABLE[2]}`,
      `        ${GUIDE_TABLE[3]}`,
      `        ${GUIDE_TABLE[4]}`,
      `        ${GUIDE_TABLE[GUIDE_TABLE.length - 1]}`,
    ]);
  });

  describe('placing it in a document', () => {
    const rows = GUIDE_ROWS.slice(3, 4);
    const doc = ['def f():', '    """Summary line.', '', '        ', '    """', ''];

    it('replaces a whitespace-only line, keeping its indentation', () => {
      const plan = planEli5Insertion(doc, 3, rows, '\n');
      assert.deepEqual([plan.line, plan.startCharacter, plan.endCharacter], [3, 0, 8]);
      assert.deepEqual(plan.text.split('\n'), eli5Section(rows, '        '));
    });

    it('on an empty line, indents like the text above', () => {
      const plan = planEli5Insertion(doc, 2, rows, '\r\n');
      assert.deepEqual([plan.line, plan.startCharacter, plan.endCharacter], [2, 0, 0]);
      assert.deepEqual(plan.text.split('\r\n'), eli5Section(rows, '    '));
    });

    it('below a line with text, after a blank line, at that line\'s indentation', () => {
      const plan = planEli5Insertion(doc, 1, rows, '\n');
      assert.deepEqual([plan.line, plan.startCharacter, plan.endCharacter], [1, 20, 20]);
      assert.deepEqual(plan.text.split('\n'), ['', '', ...eli5Section(rows, '    ')]);
    });

    it('at the top of an empty file, without indentation', () => {
      const plan = planEli5Insertion([''], 0, rows, '\n');
      assert.equal(plan.text.split('\n')[0], 'Key Concepts (ELI5)::');
    });
  });
});
