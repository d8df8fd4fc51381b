// The bundled Genkit-shaped sample workspace: the same exact findings through the CLI's JSON
// output, through the language server's sweep and in the files opened one by one in the editor,
// and --fix runs: safe fixes only, then unsafe ones too.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import type { JsonFinding } from '../src/cli/output/json';
import { FIXTURES, readExpected } from './fixtureHarness';
import { LspHarness } from './lspHarness';

const WORKSPACE = join(FIXTURES, 'workspaces', 'genkit-py');
const EXPECTED = join(FIXTURES, 'workspaces', 'genkit-py.expected');
const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');

function check(cwd: string, ...args: string[]): JsonFinding[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout);
}

const asLine = (f: JsonFinding) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`;

function diagnosticLines(root: string, byUri: Map<string, Diagnostic[]>): string[] {
  const lines: string[] = [];
  for (const [uri, ds] of byUri) {
    const rel = fileURLToPath(uri).slice(root.length + 1);
    for (const d of ds) lines.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code}`);
  }
  return lines.sort();
}

describe('the sample workspace (test-fixtures/workspaces/genkit-py)', () => {
  const expected = readExpected(EXPECTED).sort();

  it('CLI JSON output has exactly the expected findings', () => {
    assert.deepEqual(check(WORKSPACE).map(asLine).sort(), expected);
  });

  it('the language server sweep publishes exactly the same findings', async () => {
    const lsp = await LspHarness.start({ root: WORKSPACE });
    try {
      const result = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'sample' })) as { cancelled: boolean };
      assert.equal(result.cancelled, false);
      const byUri = new Map([...lsp.diagnostics].map(([uri, p]) => [uri, p.diagnostics]));
      assert.deepEqual(diagnosticLines(WORKSPACE, byUri), expected);
    } finally {
      await lsp.shutdown();
    }
  });

  it('files opened in the editor get the same findings as live diagnostics', async () => {
    const lsp = await LspHarness.start({ root: WORKSPACE });
    try {
      const files = [...new Set(expected.map((l) => l.split(':')[0]))];
      const byUri = new Map<string, Diagnostic[]>();
      for (const rel of files) {
        const uri = await lsp.open(join(WORKSPACE, rel), readFileSync(join(WORKSPACE, rel), 'utf8'));
        // Workspace rules settle once the first scan of the workspace has finished.
        const want = expected.filter((l) => l.startsWith(`${rel}:`)).length;
        byUri.set(uri, await lsp.waitForDiagnostics(uri, (ds) => ds.length === want));
      }
      assert.deepEqual(diagnosticLines(WORKSPACE, byUri), expected);
    } finally {
      await lsp.shutdown();
    }
  });

  it('--fix applies only safe fixes: it renames and deletes nothing, and a second --fix changes nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pyguide-sample-'));
    try {
      cpSync(WORKSPACE, copy, { recursive: true });
      const after = check(copy, '--fix');
      // Safe: license headers, classifiers, py.typed and LICENSE. Every other fix may change what
      // the code or the package does, so its finding stays.
      assert.deepEqual(after.map(asLine), [
        'packages/genkit/src/genkit/core.py:30:10-30:37 stdlib-logging',
        'packages/genkit/src/genkit/core.py:39:9-39:21 function-name',
        'packages/genkit/src/genkit/core.py:40:9-40:20 in-function-import',
        'packages/genkit/src/genkit/core.py:46:7-46:22 class-name',
        'packages/genkit/src/genkit/core.py:49:21-49:35 bare-type-ignore',
        'packages/genkit/src/genkit/core.py:54:9-54:40 in-function-import',
        'packages/genkit/tests/__init__.py:1:1-1:1 tests-init-file',
        'packages/genkit/tests/test_flows.py:1:1-1:28 test-file-name',
        'plugins/anthropic/pyproject.toml:3:11-3:18 version-sync',
        'plugins/anthropic/pyproject.toml:30:1-30:9 namespace-wheel-config',
        'plugins/anthropic/src/genkit/__init__.py:1:1-1:28 namespace-init-file',
        'plugins/anthropic/src/genkit/plugins/anthropic/models.py:11:24-11:30 bare-noqa',
        'plugins/anthropic/tests/models_test.py:1:1-1:28 duplicate-test-basename',
        'plugins/anthropic/tests/models_test.py:1:1-1:28 test-file-prefix',
        'plugins/google-genai/pyproject.toml:1:1-1:10 missing-metadata',
        'plugins/google-genai/pyproject.toml:1:1-1:10 missing-metadata',
        'plugins/google-genai/pyproject.toml:2:8-2:36 package-name',
        'plugins/google-genai/pyproject.toml:6:19-6:26 requires-python',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'plugins/google-genai/tests/models_test.py:1:1-1:28 duplicate-test-basename',
        'plugins/google-genai/tests/models_test.py:1:1-1:28 test-file-prefix',
        'pyproject.toml:9:1-9:18 workspace-source',
        'samples/hello/pyproject.toml:1:1-1:10 missing-package-file',
        'samples/hello/src/main.py:17:1-17:47 missing-eli5-docs',
        'samples/hello/src/main.py:19:6-19:33 missing-dependency',
      ]);
      assert.ok(after.every((f) => !f.fix?.safe));
      for (const f of ['packages/genkit/tests/__init__.py', 'packages/genkit/tests/test_flows.py', 'plugins/anthropic/src/genkit/__init__.py', 'plugins/anthropic/tests/models_test.py']) {
        assert.ok(existsSync(join(copy, f)), `${f} was renamed or deleted`);
      }
      assert.deepEqual(check(copy, '--fix').map(asLine), after.map(asLine));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('--fix --unsafe-fixes applies the unsafe fixes too, and a second run changes nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pyguide-sample-'));
    try {
      cpSync(WORKSPACE, copy, { recursive: true });
      const after = check(copy, '--fix', '--unsafe-fixes');
      // What has no fix at all stays (the guarded import's move is not offered); renaming the
      // plugins' test modules to their prefixes also ends the duplicate basenames (the presets
      // exempt the core's tests from prefixes).
      assert.deepEqual(after.map(asLine), [
        'packages/genkit/src/genkit/core.py:31:10-31:37 stdlib-logging',
        'packages/genkit/src/genkit/core.py:40:9-40:21 function-name',
        'packages/genkit/src/genkit/core.py:45:7-45:22 class-name',
        'packages/genkit/src/genkit/core.py:48:21-48:35 bare-type-ignore',
        'packages/genkit/src/genkit/core.py:53:9-53:40 in-function-import',
        'plugins/anthropic/src/genkit/plugins/anthropic/models.py:11:24-11:30 bare-noqa',
        'plugins/google-genai/pyproject.toml:1:1-1:10 missing-metadata',
        'plugins/google-genai/pyproject.toml:1:1-1:10 missing-metadata',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'plugins/google-genai/src/genkit/plugins/google_genai/__init__.py:17:1-17:27 missing-eli5-docs',
        'samples/hello/pyproject.toml:1:1-1:10 missing-package-file',
        'samples/hello/src/main.py:17:1-17:47 missing-eli5-docs',
      ]);
      assert.deepEqual(
        ['packages/genkit/tests/flows_test.py', 'plugins/anthropic/tests/anthropic_models_test.py', 'plugins/google-genai/tests/google_genai_models_test.py'].filter((f) => !existsSync(join(copy, f))),
        [],
      );
      assert.equal(existsSync(join(copy, 'packages/genkit/tests/__init__.py')), false);
      assert.equal(existsSync(join(copy, 'plugins/anthropic/src/genkit/__init__.py')), false);
      assert.deepEqual(check(copy, '--fix', '--unsafe-fixes').map(asLine), after.map(asLine));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
