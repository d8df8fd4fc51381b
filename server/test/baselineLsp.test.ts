// The baseline in the editor, over a real LSP connection: what pyguide-baseline.json covers shows at
// hint level (off the Problems panel), new findings at their own severity, and a new baseline on
// disk re-shows open and swept files.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, LspHarness } from './lspHarness';

const PYPROJECT = '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n';
const NOQA = '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.';

const SEVERITY = ['', 'Error', 'Warning', 'Information', 'Hint'];
const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${SEVERITY[d.severity!]} ${d.message}`);

describe('language server: the baseline', function () {
  let root: string;
  let lsp: LspHarness;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-baseline-lsp-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'pyproject.toml'), PYPROJECT);
    writeFileSync(join(root, 'pyguide-baseline.json'), JSON.stringify({ 'src/a.py': { 'bare-noqa': { count: 1 } } }));
    writeFileSync(join(root, 'src/closed.py'), 'c = 1  # noqa\n');
    lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
  });
  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows recorded findings as hints, and all of them at their severity once there are more', async () => {
    const uri = await lsp.open(join(root, 'src/a.py'), 'x = 1  # noqa\n');
    assert.deepEqual(shown(await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1)), [`0:7 bare-noqa Hint ${NOQA} (baselined in pyguide-baseline.json)`]);
    await lsp.change(uri, [{ text: 'x = 1  # noqa\ny = 2  # noqa\n' }]);
    assert.deepEqual(shown(await lsp.waitForDiagnostics(uri, (ds) => ds.length === 2)), [`0:7 bare-noqa Warning ${NOQA}`, `1:7 bare-noqa Warning ${NOQA}`]);
  });

  it('re-shows open and swept files when the baseline changes on disk', async () => {
    const uri = await lsp.open(join(root, 'src/a.py'), 'x = 1  # noqa\n');
    await lsp.waitForDiagnostics(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Hint);
    await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'sweep' });
    const closed = fileUri(join(root, 'src/closed.py'));
    await lsp.waitForDiagnostics(closed, (ds) => ds[0]?.severity === DiagnosticSeverity.Warning);
    writeFileSync(join(root, 'pyguide-baseline.json'), JSON.stringify({ 'src/closed.py': { 'bare-noqa': { count: 1 } } }));
    await lsp.watchedFiles([{ uri: fileUri(join(root, 'pyguide-baseline.json')), type: FileChangeType.Changed }]);
    await lsp.waitForDiagnostics(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Warning);
    await lsp.waitForDiagnostics(closed, (ds) => ds[0]?.severity === DiagnosticSeverity.Hint);
  });

  it('a malformed baseline shows every finding at its severity, with a warning in the log', async () => {
    writeFileSync(join(root, 'pyguide-baseline.json'), '{"src/a.py": 1}');
    const uri = await lsp.open(join(root, 'src/a.py'), 'x = 1  # noqa\n');
    assert.deepEqual(shown(await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1)), [`0:7 bare-noqa Warning ${NOQA}`]);
    assert.ok(lsp.logs.some((l) => l.includes('pyguide-baseline.json: "src/a.py": expected an object of rules')), lsp.logs.join('\n'));
  });
});
