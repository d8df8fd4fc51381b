// The matches an open document hands its rules are kept across keystrokes: one per syntax fact,
// reading where the fact stands now and its nodes from the current tree. A module rule reads every
// fact of its channel on every keystroke; a keystroke makes matches only for the facts it touched.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenDocuments } from '../src/engine/documents';
import { LintSession } from '../src/engine/session';
import type { PythonRule, SyntaxMatch } from '../src/engine/types';
import { DiskFiles } from '../src/workspace/files';
import { makeTree } from './tempTree';

const MODULE = `import os\n\n\n${Array.from({ length: 5 }, (_, i) => `def f${i}():\n    return os.sep\n`).join('\n\n')}`;
/** The line of f<i>'s `def`: 3 lines of head, then 4 lines per function. */
const defLine = (i: number) => 3 + i * 4;

describe('matches kept across keystrokes', () => {
  let root: string;
  before(() => {
    root = makeTree({ 'pyproject.toml': '[tool.pyguide]\n', 'src/mod.py': MODULE }, 'pyguide-keptmatches-');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a keystroke makes a match only for the facts it touched; kept ones read where their fact stands now, in the current tree', async () => {
    /** What the document's live checks were handed (a fresh lint's check is not recorded). */
    const handed: (readonly SyntaxMatch[])[] = [];
    let recording = true;
    const probe: PythonRule = {
      id: 'test-every-function',
      kind: 'python',
      reads: { kinds: ['function_definition'], scope: 'module' },
      defaultSeverity: 'info',
      guideline: 'test',
      summary: 'every function, on every keystroke',
      check: ({ matches }) => {
        if (recording) handed.push(matches);
        return matches.map((m) => ({ range: { start: { line: m.startRow, character: m.startCol }, end: { line: m.startRow, character: m.startCol + 3 } }, message: m.node.text.split('(')[0] }));
      },
    };
    const session = await LintSession.create(new DiskFiles(), undefined, [probe]);
    const store = new OpenDocuments(session);
    const path = join(root, 'src', 'mod.py');
    const uri = pathToFileURL(path).toString();
    store.open(uri, path, 'python', 1, MODULE);
    let version = 1;
    const edit = (line: number, character: number, text: string) => store.edit(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text }]);
    const shown = () => store.lint(uri)!.findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
    const fresh = () => {
      recording = false;
      try {
        return session.lintText(path, store.get(uri)!.text).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
      } finally {
        recording = true;
      }
    };
    const same = (a: readonly SyntaxMatch[], b: readonly SyntaxMatch[]) => a.map((m, i) => m === b[i]);

    assert.deepEqual(shown(), [0, 1, 2, 3, 4].map((i) => `${defLine(i)}:0 def f${i}`));
    const opened = handed.at(-1)!;

    // A letter in f2's body: f2's fact is made again, the others' matches are the ones handed before.
    edit(defLine(2) + 1, 11, 'x');
    assert.deepEqual(shown(), fresh());
    const typed = handed.at(-1)!;
    assert.deepEqual(same(typed, opened), [true, true, false, true, true]);

    // Enter in f1's body: the functions below move down a line; their matches are still the same
    // objects, now at the new lines, with nodes of the new tree.
    edit(defLine(1) + 1, 17, '\n    ');
    const moved = shown();
    assert.deepEqual(moved, fresh());
    assert.deepEqual(moved.slice(2), [2, 3, 4].map((i) => `${defLine(i) + 1}:0 def f${i}`));
    const entered = handed.at(-1)!;
    assert.deepEqual(same(entered, typed), [true, false, true, true, true]);
    const tree = store.parsed(uri)!.tree;
    for (const m of entered) {
      assert.equal(m.node.tree, tree);
      assert.deepEqual([m.node.startIndex, m.node.startPosition.row, m.node.type], [m.start, m.startRow, m.type]);
    }

    // A letter outside every function leaves the channel's facts alone: the very same list is handed again.
    edit(0, 7, 'z');
    assert.deepEqual(shown(), fresh());
    assert.equal(handed.at(-1), entered);
  });
});
