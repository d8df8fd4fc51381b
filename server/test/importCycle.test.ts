// Why moving an import to module level is unsafe, shown with Python itself: in a package whose two
// modules import each other (pydantic-ai's _instrumentation and _deferred), the in-function import
// is what breaks the cycle. `--fix` leaves it and the module still imports; `--fix --unsafe-fixes`
// moves it and the import fails.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './fixtureHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const FIXTURE = join(FIXTURES, 'fix-safety', 'import-cycle');

function pyguide(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', '--no-cache', ...args], { cwd, encoding: 'utf8' });
}

/** `python3 -c "import pkg._instrumentation"` in `cwd`, without writing bytecode into the copy. */
function importModule(cwd: string) {
  return spawnSync('python3', ['-B', '-c', 'import pkg._instrumentation'], { cwd, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
}

describe('an import cycle that an in-function import breaks', function () {
  this.timeout(60_000);
  let copy: string;

  before(function () {
    const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    if (python.status !== 0) {
      console.log('      skipped: python3 is not on this machine');
      this.skip();
    }
  });

  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'pyguide-cycle-'));
    cpSync(FIXTURE, copy, { recursive: true });
  });

  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('still imports after --fix, which applies only the safe fix (the header)', () => {
    assert.equal(importModule(copy).status, 0, 'the fixture imports before any fix');
    const r = pyguide(copy, '--fix');
    assert.equal(r.stderr.split('\n')[1], '  edited  pkg/_instrumentation.py (1 fix)', r.stderr);
    const text = readFileSync(join(copy, 'pkg', '_instrumentation.py'), 'utf8');
    assert.match(text, /^# Copyright \d{4} Example Authors\n# SPDX-License-Identifier: Apache-2.0\n/);
    assert.match(text, /\n {4}from pkg\._deferred import DeferredToolRequests\n/, 'the in-function import stays');
    const imported = importModule(copy);
    assert.equal(imported.status, 0, imported.stderr);
  });

  it('fails to import after --fix --unsafe-fixes moves the import to module level', () => {
    const r = pyguide(copy, '--fix', '--unsafe-fixes');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const text = readFileSync(join(copy, 'pkg', '_instrumentation.py'), 'utf8');
    assert.match(text, /\nfrom pkg\._deferred import DeferredToolRequests\n/, 'the import moved to module level');
    const imported = importModule(copy);
    assert.equal(imported.status, 1);
    assert.match(imported.stderr, /ImportError: cannot import name 'InstrumentationSettings' from partially initialized module 'pkg\._instrumentation' \(most likely due to a circular import\)/);
  });
});
