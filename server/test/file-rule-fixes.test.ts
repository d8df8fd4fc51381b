// The rename and delete fixes of the file rules, applied to a temporary copy of their fixture
// workspaces with applyChangesToDisk, the way `pyguide check --fix` applies them.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { applyChangesToDisk } from '../src/engine/diskChanges';
import type { Finding, Rule } from '../src/engine/types';
import { testFileName } from '../src/rules/files/test-file-name';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

const temps: string[] = [];

function copyFixture(rule: string, workspace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-fix-'));
  temps.push(dir);
  cpSync(join(FIXTURES, 'rules', rule, workspace), dir, { recursive: true });
  return dir;
}

async function lint(rule: Rule, dir: string): Promise<Finding[]> {
  return lintWorkspace(await sessionWith([rule]), dir);
}

function rel(dir: string, file: string): string {
  return relative(dir, file).split(sep).join('/');
}

/** Findings as `path: title (safe|unsafe)` for the ones with fixes. */
function fixesOf(dir: string, findings: Finding[]): string[] {
  return findings.map((f) => `${rel(dir, f.file)}: ${f.fix ? `${f.fix.title} (${f.fix.safe ? 'safe' : 'unsafe'})` : 'no fix'}`).sort();
}

/** Applies every safe fix, as `--fix` does, and says what was skipped. */
function applySafeFixes(findings: Finding[]): string[] {
  const changes = findings.flatMap((f) => (f.fix?.safe ? f.fix.changes : []));
  return applyChangesToDisk(changes).skipped;
}

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('file rule fixes on disk', () => {
  it('test-file-name renames test_*.py to *_test.py unless the new name is taken', async () => {
    const dir = copyFixture('test-file-name', 'genkit-py');
    const findings = await lint(testFileName, dir);
    assert.deepEqual(fixesOf(dir, findings), [
      'packages/genkit/tests/test_action.py: Rename to action_test.py (safe)',
      'plugins/cloud-sql-pg/tests/test_engine.py: Rename to engine_test.py (safe)',
      'plugins/cloud-sql-pg/tests/test_vector.py: Rename to vector_test.py (unsafe)',
      'samples/hello/src/test_flows.py: Rename to flows_test.py (safe)',
    ]);
    const engine = findings.find((f) => f.file.endsWith('test_engine.py'));
    assert.deepEqual(engine?.fix?.changes, [
      { type: 'rename', from: join(dir, 'plugins/cloud-sql-pg/tests/test_engine.py'), to: join(dir, 'plugins/cloud-sql-pg/tests/engine_test.py') },
    ]);
    assert.match(findings.find((f) => f.file.endsWith('test_vector.py'))?.message ?? '', /`vector_test\.py` already exists here/);

    assert.deepEqual(applySafeFixes(findings), []);
    assert.ok(existsSync(join(dir, 'plugins/cloud-sql-pg/tests/engine_test.py')));
    assert.ok(!existsSync(join(dir, 'plugins/cloud-sql-pg/tests/test_engine.py')));
    assert.deepEqual(fixesOf(dir, await lint(testFileName, dir)), ['plugins/cloud-sql-pg/tests/test_vector.py: Rename to vector_test.py (unsafe)']);
  });
});
