// Workspace rules follow files created, renamed and deleted on disk while the editor is open.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { fileUri, LspHarness } from './lspHarness';

describe('workspace rules over LSP follow the disk', () => {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-live-'));
    const files: Record<string, string> = {
      'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = ["plugins/*"]\n\n[tool.pyguide]\nselect = ["duplicate-test-basename"]\n',
      'plugins/a/pyproject.toml': '[project]\nname = "genkit-plugin-a"\n',
      'plugins/b/pyproject.toml': '[project]\nname = "genkit-plugin-b"\n',
      'plugins/a/tests/a_models_test.py': 'def test_a() -> None:\n    pass\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    lsp = await LspHarness.start({ root });
  });

  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('a same-named test module created, renamed away and re-created updates the open file', async () => {
    const path = join(root, 'plugins/a/tests/a_models_test.py');
    const uri = await lsp.open(path, 'def test_a() -> None:\n    pass\n');
    assert.deepEqual(await lsp.waitForDiagnostics(uri), []);
    const twin = join(root, 'plugins/b/tests/a_models_test.py');
    mkdirSync(join(root, 'plugins/b/tests'), { recursive: true });
    writeFileSync(twin, '');
    await lsp.watchedFiles([{ uri: fileUri(twin), type: FileChangeType.Created }]);
    const [d] = await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.equal(d.code, 'duplicate-test-basename');
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.uri), [fileUri(twin)]);
    // A rename arrives as a deletion and a creation.
    const renamed = join(root, 'plugins/b/tests/b_models_test.py');
    renameSync(twin, renamed);
    await lsp.watchedFiles([
      { uri: fileUri(twin), type: FileChangeType.Deleted },
      { uri: fileUri(renamed), type: FileChangeType.Created },
    ]);
    await lsp.waitForDiagnostics(uri, (ds) => ds.length === 0);
    writeFileSync(twin, '');
    await lsp.watchedFiles([{ uri: fileUri(twin), type: FileChangeType.Created }]);
    await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
    rmSync(twin);
    await lsp.watchedFiles([{ uri: fileUri(twin), type: FileChangeType.Deleted }]);
    await lsp.waitForDiagnostics(uri, (ds) => ds.length === 0);
  });
});
