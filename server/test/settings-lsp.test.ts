// Editor settings are arguments of linting, over a real LSP connection: Check Workspace, a settings
// change and a restart all lint with each folder's settings and re-publish what changed, in every
// folder of a multi-root workspace.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { SERVER_COMMANDS, type SweepResult } from '../src/lsp/protocol';
import { fileUri, LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

/** A folder pyguide checks (it configures pyguide), with one closed file holding a bare `# noqa`. */
const FOLDER = {
  'pyproject.toml': '[project]\nname = "f"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nignore = ["missing-license-header"]\n',
  'a.py': 'x = 1  # noqa\n',
};

const noqa = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'bare-noqa');
const severities = (ds: Diagnostic[]) => noqa(ds).map((d) => d.severity);

describe('editor settings as arguments of linting (real LSP connection)', function () {
  this.timeout(30_000);
  const roots: string[] = [];
  const harnesses: LspHarness[] = [];
  const folder = () => {
    const root = makeTree(FOLDER);
    roots.push(root);
    return root;
  };
  const start = async (options: Parameters<typeof LspHarness.start>[0]) => {
    const lsp = await LspHarness.start(options);
    harnesses.push(lsp);
    return lsp;
  };
  afterEach(async () => {
    for (const lsp of harnesses.splice(0)) await lsp.shutdown();
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('Check Workspace applies pyguide.severity to closed files, with no file of the folder open', async () => {
    const root = folder();
    const lsp = await start({ root, settings: { severity: { 'bare-noqa': 'error' } } });
    await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace);
    const ds = await lsp.waitForDiagnostics(fileUri(join(root, 'a.py')), (d) => noqa(d).length > 0);
    assert.deepEqual(severities(ds), [DiagnosticSeverity.Error]);
  });

  it('a settings change checks closed swept files again and re-publishes them', async () => {
    const root = folder();
    const lsp = await start({ root, settings: {} });
    await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace);
    const a = fileUri(join(root, 'a.py'));
    assert.deepEqual(severities(await lsp.waitForDiagnostics(a, (d) => noqa(d).length > 0)), [DiagnosticSeverity.Warning]);
    await lsp.changeSettings({ severity: { 'bare-noqa': 'info' } });
    assert.deepEqual(severities(await lsp.waitForDiagnostics(a, (d) => severities(d)[0] === DiagnosticSeverity.Information)), [DiagnosticSeverity.Information]);
    await lsp.changeSettings({ severity: { 'bare-noqa': 'off' } });
    assert.deepEqual(await lsp.waitForDiagnostics(a, (d) => noqa(d).length === 0), []);
    await lsp.changeSettings({ enable: false, severity: {} });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(noqa(lsp.diagnostics.get(a)!.diagnostics), []);
    await lsp.changeSettings({});
    assert.deepEqual(severities(await lsp.waitForDiagnostics(a, (d) => noqa(d).length > 0)), [DiagnosticSeverity.Warning]);
  });

  it('in a two-folder workspace, Check Workspace asks each folder for its settings and honours each', async () => {
    const one = folder();
    const two = folder();
    const off = folder();
    const lsp = await start({
      root: one,
      folders: [one, two, off],
      folderSettings: { [one]: { severity: { 'bare-noqa': 'error' } }, [two]: { severity: { 'bare-noqa': 'hint' } }, [off]: { enable: false } },
    });
    const result = (await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace)) as SweepResult;
    assert.deepEqual(severities(await lsp.waitForDiagnostics(fileUri(join(one, 'a.py')), (d) => noqa(d).length > 0)), [DiagnosticSeverity.Error]);
    assert.deepEqual(severities(await lsp.waitForDiagnostics(fileUri(join(two, 'a.py')), (d) => noqa(d).length > 0)), [DiagnosticSeverity.Hint]);
    // The disabled folder's files were not checked at all.
    assert.equal(result.files, 4);
    assert.equal(lsp.diagnostics.get(fileUri(join(off, 'a.py'))), undefined);
    for (const f of [one, two, off]) assert.ok(lsp.configurationRequests.includes(fileUri(f)), `settings asked for ${f}`);
    // A settings change in one folder re-publishes that folder's files only.
    const before = lsp.published.length;
    await lsp.changeSettings({}, { [one]: { severity: { 'bare-noqa': 'error' } }, [two]: { severity: { 'bare-noqa': 'info' } }, [off]: { enable: false } });
    await lsp.waitForDiagnostics(fileUri(join(two, 'a.py')), (d) => severities(d)[0] === DiagnosticSeverity.Information);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      lsp.published.slice(before).map((p) => p.uri),
      [fileUri(join(two, 'a.py'))],
    );
  });

  it('a restarted server told that Check Workspace ran sweeps again, so closed files keep their findings', async () => {
    const root = folder();
    const lsp = await start({ root, settings: { severity: { 'bare-noqa': 'error' } }, initializationOptions: { checkWorkspace: true } });
    assert.deepEqual(severities(await lsp.waitForDiagnostics(fileUri(join(root, 'a.py')), (d) => noqa(d).length > 0)), [DiagnosticSeverity.Error]);
  });

  it('watches the files the configuration requires, and re-registers when the configuration changes them', async () => {
    const root = folder();
    writeFileSync(join(root, 'pyproject.toml'), `${FOLDER['pyproject.toml']}preset = "genkit-plugins"\n`);
    const lsp = await start({ root, settings: {} });
    const globs = () => [...lsp.watchedGlobs.values()].flat();
    await lsp.open(join(root, 'b.py'), 'y = 2\n');
    await lsp.waitForDiagnostics(fileUri(join(root, 'b.py')));
    // The genkit-plugins layout requires README.md, LICENSE, py.typed and run.sh of its members.
    assert.ok(globs().some((g) => g.includes('run.sh') && g.includes('LICENSE')), JSON.stringify(globs()));
    assert.ok(!globs().some((g) => g.includes('justfile')));
    const pyproject = join(root, 'pyproject.toml');
    const uri = await lsp.open(pyproject, `${FOLDER['pyproject.toml']}\n[tool.pyguide.layout]\nmembers = [{ kind = "tool", path = "tools/*", name = "{name}", required-files = ["justfile"] }]\n`, 'toml');
    await lsp.waitForDiagnostics(uri);
    // The new registration comes first, then the old one is withdrawn.
    await lsp.waitFor(() => globs().some((g) => g.includes('justfile')) && lsp.watchedGlobs.size === 2, 'the new watchers, and the old ones withdrawn');
    assert.ok(globs().some((g) => g.includes('justfile')), JSON.stringify(globs()));
    // The old registration is gone: one set of watched names, plus the directory-deletion watcher.
    assert.equal(lsp.watchedGlobs.size, 2, JSON.stringify([...lsp.watchedGlobs]));
  });

  it('without it, a new server publishes nothing for closed files', async () => {
    const root = folder();
    const lsp = await start({ root, settings: {} });
    const b = await lsp.open(join(root, 'b.py'), 'y = 2  # noqa\n');
    await lsp.waitForDiagnostics(b, (d) => noqa(d).length > 0);
    assert.equal(lsp.diagnostics.get(fileUri(join(root, 'a.py'))), undefined);
  });
});
