// What the rule tells the user beyond the fixture's ranges: the other modules, in the message and
// as related locations, and findings that follow the workspace as files come and go.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { duplicateTestBasename } from '../src/rules/files/duplicate-test-basename';
import { importModeIn } from '../src/rules/files/_pytest';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';
import { makeTree } from './tempTree';

const WS = join(FIXTURES, 'rules', 'duplicate-test-basename', 'genkit-py');

describe('duplicate-test-basename', () => {
  it('names the other modules in the message and lists them as related locations', async () => {
    const session = await sessionWith([duplicateTestBasename]);
    const findings = await lintWorkspace(session, WS);
    const chroma = findings.find((f) => f.file === join(WS, 'plugins/chroma/tests/engine_test.py'));
    assert.equal(
      chroma?.message,
      'Test module name `engine_test.py` is also used by `plugins/cloud-sql-pg/tests/engine_test.py`, `samples/hello/tests/engine_test.py`: pytest imports both as module `engine_test` and cannot collect the second; make each unique (prefix it with its package name).',
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

  describe("pytest's import mode", () => {
    const WORKSPACE = '[tool.uv.workspace]\nmembers = []\n';
    const twins = { 'a/tests/x_test.py': 'A = 1\n', 'b/tests/x_test.py': 'B = 1\n' };
    const findingsIn = async (files: Record<string, string>) => {
      const root = makeTree(files, 'pyguide-pytest-');
      try {
        const session = await sessionWith([duplicateTestBasename]);
        return (await lintWorkspace(session, root)).length;
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };

    it('reads --import-mode as pytest parses options: the last one wins, = or a separate word', () => {
      assert.equal(importModeIn(['-ra', '--import-mode=importlib']), 'importlib');
      assert.equal(importModeIn(['--import-mode', 'importlib', '-q']), 'importlib');
      assert.equal(importModeIn(['--import-mode=importlib', '--import-mode=append']), 'append');
      assert.equal(importModeIn(['--import-mode=bogus']), undefined);
      assert.equal(importModeIn(['--import-modes=importlib']), undefined);
    });

    it('finds importlib mode in each file pytest reads its configuration from', async () => {
      assert.equal(await findingsIn({ 'pyproject.toml': WORKSPACE, ...twins }), 2);
      assert.equal(await findingsIn({ 'pyproject.toml': `${WORKSPACE}[tool.pytest.ini_options]\naddopts = "-ra --import-mode importlib"\n`, ...twins }), 0);
      assert.equal(await findingsIn({ 'pyproject.toml': `${WORKSPACE}[tool.pytest]\naddopts = ["--import-mode=importlib"]\n`, ...twins }), 0);
      assert.equal(await findingsIn({ 'pyproject.toml': WORKSPACE, 'pytest.ini': '[pytest]\naddopts = --import-mode=importlib\n', ...twins }), 0);
      assert.equal(await findingsIn({ 'pyproject.toml': WORKSPACE, 'tox.ini': '[tox]\nenvlist = py3\n[pytest]\naddopts =\n  -ra\n  --import-mode=importlib\n', ...twins }), 0);
      assert.equal(await findingsIn({ 'pyproject.toml': WORKSPACE, 'setup.cfg': '[tool:pytest]\naddopts = --import-mode=importlib\n', ...twins }), 0);
      // A section pytest does not read, and a tox.ini without [pytest], configure nothing.
      assert.equal(await findingsIn({ 'pyproject.toml': WORKSPACE, 'setup.cfg': '[pytest]\naddopts = --import-mode=importlib\n', ...twins }), 2);
      // In one directory pytest.ini comes first, even when it says nothing about the mode.
      assert.equal(await findingsIn({ 'pyproject.toml': `${WORKSPACE}[tool.pytest.ini_options]\naddopts = ["--import-mode=importlib"]\n`, 'pytest.ini': '[pytest]\n', ...twins }), 2);
    });
  });
});
