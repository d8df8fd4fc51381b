// What the rule tells the user beyond the fixture's ranges: the other modules, in the message and
// as related locations, and findings that follow the workspace as files come and go.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { duplicateTestBasename } from '../src/rules/files/duplicate-test-basename';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

const WS = join(FIXTURES, 'rules', 'duplicate-test-basename', 'genkit-py');

describe('duplicate-test-basename', () => {
  it('names the other modules in the message and lists them as related locations', async () => {
    const session = await sessionWith([duplicateTestBasename]);
    const findings = await lintWorkspace(session, WS);
    const chroma = findings.find((f) => f.file === join(WS, 'plugins/chroma/tests/engine_test.py'));
    assert.equal(
      chroma?.message,
      'Test module name `engine_test.py` is also used by `plugins/cloud-sql-pg/tests/engine_test.py`, `samples/hello/tests/engine_test.py`: pytest cannot collect two test modules with the same name; make each unique (prefix it with its package name).',
    );
    assert.deepEqual(chroma?.related, [
      { file: join(WS, 'plugins/cloud-sql-pg/tests/engine_test.py'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Another test module named `engine_test.py`' },
      { file: join(WS, 'samples/hello/tests/engine_test.py'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Another test module named `engine_test.py`' },
    ]);
    assert.equal(chroma?.fix, undefined);
  });

  it('follows the workspace when a duplicate is deleted or created', async () => {
    const session = await sessionWith([duplicateTestBasename]);
    await lintWorkspace(session, WS);
    const chromaUtils = join(WS, 'plugins/chroma/tests/test_utils.py');
    const genkitUtils = join(WS, 'packages/genkit/tests/test_utils.py');
    assert.equal(session.lintFile(genkitUtils).length, 1);
    session.workspaces.changed(chromaUtils, 'deleted');
    assert.deepEqual(session.lintFile(genkitUtils), []);
    session.workspaces.changed(chromaUtils, 'created');
    assert.deepEqual(session.lintFile(genkitUtils).map((f) => f.related?.map((r) => r.file)), [[chromaUtils]]);
  });
});
