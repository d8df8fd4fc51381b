// What a keystroke costs team rules: each rule re-checks only the matches of the statement an edit
// touched and looks at no other fact than those and the ones holding its findings; the findings it
// keeps equal a fresh lint's.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenDocuments } from '../src/engine/documents';
import { LintSession } from '../src/engine/session';
import type { PythonRule } from '../src/engine/types';
import { DiskFiles } from '../src/workspace/files';
import { keystrokeProbe } from './keystrokeProbe';
import { TEAM_PYPROJECT } from './teamRulesHarness';
import { makeTree } from './tempTree';

const IDS = ['t-entry', 't-print', 't-env', 't-same', 't-region', 't-logger', 't-sleep', 't-swallow', 't-get-default', 't-todo'];

/** Thirty functions, each with a TODO comment, a print and a time.sleep call. */
const MODULE = `import time\n\n\n${Array.from({ length: 30 }, (_, i) => `def f${i}(x):\n    # TODO tidy ${i}\n    print(x, ${i})\n    return time.sleep(${i})\n`).join('\n\n')}`;

describe('team rules on a keystroke', function () {
  this.timeout(30_000);
  let root: string;
  before(() => {
    root = makeTree({ 'pyproject.toml': TEAM_PYPROJECT, 'src/mod.py': MODULE }, 'pyguide-teamkeys-');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('each rule re-checks only the matches of the statement an edit touched, and looks at no other fact than those and its findings', async () => {
    const session = await LintSession.create(new DiskFiles());
    const store = new OpenDocuments(session);
    const path = join(root, 'src', 'mod.py');
    const uri = pathToFileURL(path).toString();
    const team = session.workspaces.forFile(path).customRules;
    assert.deepEqual(team.map((r) => r.id), IDS);
    // Record the matches each team rule is handed by the live lints (not by the fresh lints compared with).
    const { runs, live, fresh, looked } = keystrokeProbe(session, store, uri, path, team as PythonRule[]);
    store.open(uri, path, 'python', 1, MODULE);
    let version = 1;
    const edit = (line: number, character: number, text: string) => store.edit(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text }]);
    const lastRuns = () => Object.fromEntries(IDS.map((id) => [id, runs.get(id)!.length]));

    const opened = live();
    assert.deepEqual(opened, fresh());
    assert.deepEqual(
      IDS.map((id) => [id, opened.filter((f) => f.rule === id).length]),
      IDS.map((id) => [id, id === 't-print' || id === 't-sleep' || id === 't-todo' ? 30 : 0]),
    );
    // On open every rule with candidates saw them all (a pattern's are the nodes of its root's kind
    // whose text holds its literals: the 30 `print(...)` calls, not the 30 `time.sleep(...)` ones); the
    // others were never run.
    assert.equal(runs.get('t-print')![0].length, 30);
    assert.equal(runs.get('t-todo')![0].length, 30);
    assert.deepEqual([runs.get('t-env'), runs.get('t-same'), runs.get('t-swallow')], [[], [], []]);

    // Type in f10's print (line 3 + 10 * 6 + 2 = 65): its call is the only new fact, and only
    // t-print's candidate; f10's comment and its other call, on lines the edit left alone, keep
    // their findings.
    const before = lastRuns();
    edit(65, 14, '0');
    assert.deepEqual(live(), fresh());
    assert.deepEqual(looked(), {
      't-entry': { fresh: 0, kept: 0 },
      't-print': { fresh: 1, kept: 29 },
      't-env': { fresh: 0, kept: 0 },
      't-same': { fresh: 0, kept: 0 },
      't-region': { fresh: 0, kept: 0 },
      't-logger': { fresh: 0, kept: 0 },
      't-sleep': { fresh: 0, kept: 30 },
      't-swallow': { fresh: 0, kept: 0 },
      't-get-default': { fresh: 0, kept: 0 },
      't-todo': { fresh: 0, kept: 30 },
    });
    assert.deepEqual(runs.get('t-print')!.at(-1), ['print(x, 100)']);
    const after = lastRuns();
    // The rules with no candidate in the statement were not run at all.
    assert.deepEqual(
      IDS.filter((id) => after[id] > before[id]),
      ['t-print'],
    );

    // Lines added above everything: every fact moves, no rule runs, the findings move with their lines.
    edit(0, 0, '\n\n');
    const moved = live();
    assert.deepEqual(moved, fresh());
    assert.deepEqual(lastRuns(), after);
    assert.ok(IDS.every((id) => looked()[id]!.fresh === 0));
    assert.equal(moved.find((f) => f.rule === 't-print' && f.message === 'log x, 29')!.range.start.line, 3 + 29 * 6 + 2 + 2);

    // A new statement of the kinds nobody had: only its own matches are checked, by the rules of those kinds.
    edit(2, 0, 'if time == time:\n    time.sleep(1)\n');
    const added = live();
    assert.deepEqual(added, fresh());
    assert.deepEqual(runs.get('t-same')!.at(-1), ['time == time']);
    assert.deepEqual(runs.get('t-sleep')!.at(-1), ['time.sleep(1)']);
    assert.deepEqual(added.filter((f) => f.range.start.line === 2 || f.range.start.line === 3).map((f) => `${f.range.start.line} ${f.rule} ${f.message}`), ['2 t-same time with itself', '3 t-sleep await asyncio.sleep(1)']);
  });
});
