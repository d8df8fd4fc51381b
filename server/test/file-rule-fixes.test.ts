// The rename and delete fixes of the file rules, applied to a temporary copy of their fixture
// workspaces with applyChangesToDisk, the way `pyguide check --fix --unsafe-fixes` applies them: every
// one of them is unsafe, so plain `--fix` never renames or deletes.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { applyChangesToDisk } from '../src/engine/diskChanges';
import type { Finding, Rule } from '../src/engine/types';
import { namespaceInitFile } from '../src/rules/files/namespace-init-file';
import { testFileName } from '../src/rules/files/test-file-name';
import { testFilePrefix, testPrefixes } from '../src/rules/files/test-file-prefix';
import { testsInitFile } from '../src/rules/files/tests-init-file';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

const temps: string[] = [];

function copyFixture(rule: string, workspace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-fix-'));
  temps.push(dir);
  cpSync(join(FIXTURES, 'rules', rule, workspace), dir, { recursive: true });
  return dir;
}

async function lint(rules: Rule[], dir: string): Promise<Finding[]> {
  return lintWorkspace(await sessionWith(rules), dir);
}

/** A rule's fixture workspace, copied to a temporary folder and linted. */
async function lintCopy(rules: Rule[], fixtureRule: string): Promise<{ dir: string; findings: Finding[] }> {
  const dir = copyFixture(fixtureRule, 'genkit-py');
  return { dir, findings: await lint(rules, dir) };
}

function rel(dir: string, file: string): string {
  return relative(dir, file).split(sep).join('/');
}

/** Findings as `path: title` (or `no fix`); every fix of these rules is unsafe. */
function fixesOf(dir: string, findings: Finding[]): string[] {
  assert.deepEqual(findings.filter((f) => f.fix?.safe), [], 'a rename or delete fix is marked safe');
  return findings.map((f) => `${rel(dir, f.file)}: ${f.fix ? f.fix.title : 'no fix'}`).sort();
}

/** Applies every fix, as `--fix --unsafe-fixes` does, and says what was refused (renames onto a taken name). */
function applyFixes(dir: string, findings: Finding[]): string[] {
  const changes = findings.flatMap((f) => f.fix?.changes ?? []);
  return applyChangesToDisk(changes).skipped.map((s) => s.split(dir + sep).join(''));
}

/** Applies the fixes (`refused` are the ones that must be skipped) and lints again: the fixes still left. */
async function fixAndRelint(rules: Rule[], dir: string, findings: Finding[], refused: string[] = []): Promise<string[]> {
  assert.deepEqual(applyFixes(dir, findings), refused);
  return fixesOf(dir, await lint(rules, dir));
}

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('file rule fixes on disk', () => {
  it('test-file-name renames test_*.py to *_test.py, never onto a taken name', async () => {
    const { dir, findings } = await lintCopy([testFileName], 'test-file-name');
    assert.deepEqual(fixesOf(dir, findings), [
      'packages/genkit/tests/test_action.py: Rename to action_test.py',
      'plugins/cloud-sql-pg/tests/test_engine.py: Rename to engine_test.py',
      'plugins/cloud-sql-pg/tests/test_vector.py: Rename to vector_test.py',
      'samples/hello/src/test_flows.py: Rename to flows_test.py',
    ]);
    const engine = findings.find((f) => f.file.endsWith('test_engine.py'));
    assert.deepEqual(engine?.fix?.changes, [
      { type: 'rename', from: join(dir, 'plugins/cloud-sql-pg/tests/test_engine.py'), to: join(dir, 'plugins/cloud-sql-pg/tests/engine_test.py') },
    ]);
    assert.equal(findings.find((f) => f.file.endsWith('test_engine.py'))?.message, 'Test module `test_engine.py` is named in the `test_*.py` form; use the `*_test.py` form: `engine_test.py`.');
    assert.equal(
      findings.find((f) => f.file.endsWith('test_vector.py'))?.message,
      'Test module `test_vector.py` is named in the `test_*.py` form; use the `*_test.py` form: `vector_test.py` (`vector_test.py` already exists here, so the rename is not applied).',
    );

    const left = await fixAndRelint([testFileName], dir, findings, [
      `rename plugins/cloud-sql-pg/tests/test_vector.py: plugins/cloud-sql-pg/tests/vector_test.py already exists`,
    ]);
    assert.ok(existsSync(join(dir, 'plugins/cloud-sql-pg/tests/engine_test.py')));
    assert.ok(!existsSync(join(dir, 'plugins/cloud-sql-pg/tests/test_engine.py')));
    assert.deepEqual(left, ['plugins/cloud-sql-pg/tests/test_vector.py: Rename to vector_test.py']);
  });

  it('test-file-prefix prefixes *_test.py in a member\'s tests/, never onto a taken name', async () => {
    const { dir, findings } = await lintCopy([testFilePrefix], 'test-file-prefix');
    assert.deepEqual(fixesOf(dir, findings), [
      'packages/genkit/tests/action_test.py: Rename to genkit_action_test.py',
      'plugins/chroma/tests/retriever_test.py: Rename to chroma_retriever_test.py',
      'plugins/cloud-sql-pg/tests/cloud-sql-pg_loader_test.py: Rename to cloud_sql_pg_cloud-sql-pg_loader_test.py',
      'plugins/cloud-sql-pg/tests/cloud_sql_pgx_test.py: Rename to cloud_sql_pg_cloud_sql_pgx_test.py',
      'plugins/cloud-sql-pg/tests/engine_test.py: Rename to cloud_sql_pg_engine_test.py',
      'plugins/cloud-sql-pg/tests/integration/store_test.py: Rename to cloud_sql_pg_store_test.py',
      'samples/hello/tests/flow_test.py: Rename to hello_flow_test.py',
    ]);
    assert.equal(
      findings.find((f) => f.file.endsWith('engine_test.py'))?.message,
      'Test module `engine_test.py` of `cloud-sql-pg` should start with `cloud_sql_pg_` so its name is unique across the workspace: `cloud_sql_pg_engine_test.py`.',
    );
    const left = await fixAndRelint([testFilePrefix], dir, findings, [
      'rename packages/genkit/tests/action_test.py: packages/genkit/tests/genkit_action_test.py already exists',
      'rename plugins/chroma/tests/retriever_test.py: plugins/chroma/tests/chroma_retriever_test.py already exists',
    ]);
    assert.ok(existsSync(join(dir, 'plugins/cloud-sql-pg/tests/integration/cloud_sql_pg_store_test.py')));
    assert.deepEqual(left, [
      'packages/genkit/tests/action_test.py: Rename to genkit_action_test.py',
      'plugins/chroma/tests/retriever_test.py: Rename to chroma_retriever_test.py',
    ]);
  });

  it('test-file-prefix takes the prefix form from the layout and leaves exempt members alone', async () => {
    const dir = copyFixture('test-file-prefix', 'current-layout');
    const findings = await lint([testFilePrefix], dir);
    assert.deepEqual(fixesOf(dir, findings), ['packages/genkit-anthropic/tests/model_refs_test.py: Rename to anthropic_model_refs_test.py']);
    assert.equal(
      findings[0].message,
      'Test module `model_refs_test.py` of `genkit-anthropic` should start with `anthropic_` (or `genkit_anthropic_`) so its name is unique across the workspace: `anthropic_model_refs_test.py`.',
    );
  });

  it('test-file-prefix: the prefixes a test-prefix template gives a directory', () => {
    const kind = (testPrefix: string[]) => ({ kind: 'package', path: 'packages/*', name: '{name}', publishable: true, namespace: false, requiredFiles: [], sourceDir: 'src', versionSync: true, testPrefix });
    assert.deepEqual(testPrefixes(kind(['{name}']), 'cloud-sql-pg'), ['cloud_sql_pg_']);
    assert.deepEqual(testPrefixes(kind(['genkit-{name}', '{name}']), 'genkit-google-genai'), ['google_genai_', 'genkit_google_genai_']);
    // A template that does not match the directory, or leaves nothing for {name}, gives way to the others.
    assert.deepEqual(testPrefixes(kind(['genkit-{name}']), 'genkit'), ['genkit_']);
    assert.deepEqual(testPrefixes(kind(['genkit-{name}']), 'genkit-'), ['genkit__']);
    assert.deepEqual(testPrefixes(kind(['{name}-plugin']), 'chroma-plugin'), ['chroma_']);
    assert.deepEqual(testPrefixes(kind(['gk']), 'anything'), ['gk_']);
  });

  it('test-file-name and test-file-prefix converge over fix passes', async () => {
    const dir = copyFixture('test-file-name', 'genkit-py');
    const rules = [testFileName, testFilePrefix];
    for (let pass = 0; pass < 4; pass++) applyFixes(dir, await lint(rules, dir));
    // test_engine.py went through engine_test.py; test_vector.py waited for vector_test.py to move
    // away, then met the prefixed name it had taken; action_test.py meets an existing file.
    for (const done of ['plugins/cloud-sql-pg/tests/cloud_sql_pg_engine_test.py', 'plugins/cloud-sql-pg/tests/cloud_sql_pg_test_engine_test.py', 'samples/hello/src/flows_test.py']) {
      assert.ok(existsSync(join(dir, done)), done);
    }
    assert.deepEqual(fixesOf(dir, await lint(rules, dir)), [
      'packages/genkit/tests/action_test.py: Rename to genkit_action_test.py',
      'plugins/cloud-sql-pg/tests/vector_test.py: Rename to cloud_sql_pg_vector_test.py',
    ]);
  });

  it('tests-init-file deletes __init__.py files that hold only comments, and leaves the others to you', async () => {
    const { dir, findings } = await lintCopy([testsInitFile], 'tests-init-file');
    assert.deepEqual(fixesOf(dir, findings), [
      'packages/genkit/tests/__init__.py: Delete __init__.py',
      'plugins/chroma/tests/__init__.py: Delete __init__.py',
      'plugins/chroma/tests/unit/__init__.py: no fix',
      'samples/hello/tests/__init__.py: no fix',
      'tests/__init__.py: Delete __init__.py',
    ]);
    assert.deepEqual(findings.find((f) => f.file.endsWith('genkit/tests/__init__.py'))?.fix?.changes, [{ type: 'delete', file: join(dir, 'packages/genkit/tests/__init__.py') }]);
    assert.match(findings.find((f) => f.file.endsWith('unit/__init__.py'))?.message ?? '', /It holds code, so deleting it is left to you/);
    assert.doesNotMatch(findings.find((f) => f.file === join(dir, 'tests/__init__.py'))?.message ?? '', /It holds code/);

    const left = await fixAndRelint([testsInitFile], dir, findings);
    assert.ok(!existsSync(join(dir, 'plugins/chroma/tests/__init__.py')));
    assert.ok(existsSync(join(dir, 'plugins/chroma/tests/unit/__init__.py')));
    assert.deepEqual(left, ['plugins/chroma/tests/unit/__init__.py: no fix', 'samples/hello/tests/__init__.py: no fix']);
  });

  it('namespace-init-file deletes comment-only __init__.py files from namespace directories, and leaves the others to you', async () => {
    const { dir, findings } = await lintCopy([namespaceInitFile], 'namespace-init-file');
    assert.deepEqual(fixesOf(dir, findings), [
      'plugins/anthropic/src/genkit/__init__.py: Delete __init__.py',
      'plugins/anthropic/src/genkit/plugins/__init__.py: Delete __init__.py',
      'plugins/google-genai/src/genkit/plugins/__init__.py: no fix',
    ]);
    assert.equal(
      findings.find((f) => f.file.endsWith('anthropic/src/genkit/plugins/__init__.py'))?.message,
      '`src/genkit/plugins/__init__.py` makes the PEP 420 namespace `genkit.plugins` a regular package, which hides the modules other packages install into it; delete it.',
    );
    assert.equal(findings[0].severity, 'error');

    const left = await fixAndRelint([namespaceInitFile], dir, findings);
    assert.ok(!existsSync(join(dir, 'plugins/anthropic/src/genkit/plugins/__init__.py')));
    assert.ok(existsSync(join(dir, 'plugins/anthropic/src/genkit/plugins/anthropic/__init__.py')));
    assert.deepEqual(left, ['plugins/google-genai/src/genkit/plugins/__init__.py: no fix']);
  });
});
