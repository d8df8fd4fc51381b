// missing-metadata's two weights: required fields at the rule's severity, recommended ones at info.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingMetadata } from '../src/rules/pyproject/missing-metadata';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const CASES = join(FIXTURES, 'rules', 'missing-metadata');

describe('missing-metadata severities', () => {
  it('reports missing recommended fields at info and missing required ones at the rule severity', async () => {
    const session = await sessionWith([missingMetadata]);
    const recommended = await lintWorkspace(session, join(CASES, 'recommended'));
    assert.deepEqual(
      recommended.map((f) => [f.severity, f.message]),
      [['info', 'Missing recommended `[project]` fields `keywords`, `urls`: they make the PyPI page findable and useful.']],
    );
    const required = (await lintWorkspace(await sessionWith([missingMetadata]), join(CASES, 'workspace'))).filter((f) => f.message.includes('required'));
    assert.ok(required.length > 0);
    assert.deepEqual([...new Set(required.map((f) => f.severity))], ['warning']);
  });

  describe('in the CLI', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'pyguide-metadata-'));
      cpSync(join(CASES, 'recommended'), root, { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const check = () => spawnSync(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const select = (extra: string) => writeFileSync(join(root, 'pyproject.toml'), `${readFileSync(join(root, 'pyproject.toml'), 'utf8')}\n[tool.pyguide]\npreset = "genkit-plugins"\nselect = ["missing-metadata"]\n${extra}`);

    it('exits 0 when only recommended fields are missing', () => {
      select('');
      const r = check();
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [['missing-metadata', 'info']]);
    });

    it('applies a severity set for the rule to the recommended fields too', () => {
      select('severity = { missing-metadata = "warning" }\n');
      const r = check();
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { severity: string }) => f.severity), ['warning']);
    });
  });
});
