// The configuration as the editor meets it over a real LSP connection: invalid-config diagnostics
// at the key while the rest keeps linting, the status of a folder pyguide leaves alone, and
// "Create Configuration" writing a starter table.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigStatus, CreateConfigurationResult } from '../src/lsp/protocol';
import { fileUri, LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

const codes = (ds: { code?: unknown }[]) => ds.map((d) => String(d.code));

describe('configuration over LSP', function () {
  this.timeout(60_000);
  let lsp: LspHarness | undefined;
  let root: string;
  afterEach(async () => {
    await lsp?.shutdown();
    lsp = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const statusOf = async (uri: string): Promise<ConfigStatus | undefined> => {
    await lsp!.waitFor(() => lsp!.statuses.some((s) => s.uri === uri));
    return lsp!.statuses.filter((s) => s.uri === uri).at(-1)?.config;
  };

  it('an invalid [tool.pyguide] shows invalid-config at the keys; files go on being linted with the valid rest', async () => {
    const pyproject = '[tool.pyguide]\npreset = "generic"\nselect = ["in-function-imports"]\nmax-file-size = "big"\n';
    root = makeTree({ 'pyproject.toml': pyproject });
    lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    const toml = await lsp.open(join(root, 'pyproject.toml'), pyproject);
    const diagnostics = await lsp.waitForDiagnostics(toml, (ds) => ds.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [
        ['invalid-config', 1, 2, 10, 31, 'select[0]: unknown rule id "in-function-imports" (did you mean "in-function-import"?).'],
        ['invalid-config', 1, 3, 16, 21, 'max-file-size must be an integer of at least 1, not a string ("big"); it counts bytes, e.g. 10000000.'],
      ],
    );
    // The mistyped select is left out: every rule of the preset still runs.
    const py = await lsp.open(join(root, 'a.py'), 'def f():\n    import os  # noqa\n    return os\n');
    assert.deepEqual(codes(await lsp.waitForDiagnostics(py, (ds) => ds.length === 2)), ['in-function-import', 'bare-noqa']);
    assert.deepEqual(await statusOf(py), { active: true, preset: 'generic', source: 'configured', reason: 'preset "generic"', configUri: fileUri(join(root, 'pyproject.toml')), problems: 2 });
    // Fixing the table in the editor clears its findings and narrows the run to what it selects.
    await lsp.change(toml, [{ text: '[tool.pyguide]\npreset = "generic"\nselect = ["in-function-import"]\n' }]);
    await lsp.waitForDiagnostics(toml, (ds) => ds.length === 0);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(py, (ds) => ds.length === 1)), ['in-function-import']);
  });

  it('a folder that is not configured and not Genkit gets nothing; Create Configuration writes a starter table, and then it is checked', async () => {
    const pyproject = '[project]\nname = "app"\nversion = "1.0.0"\n';
    root = makeTree({ 'pyproject.toml': pyproject, 'src/app/a.py': 'def f():\n    import os  # noqa\n    return os\n' });
    lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    const py = await lsp.open(join(root, 'src/app/a.py'), 'def f():\n    import os  # noqa\n    return os\n');
    assert.deepEqual(await lsp.waitForDiagnostics(py), []);
    // (JSON leaves out the preset and the configuration file: there are none.)
    assert.deepEqual(await statusOf(py), { active: false, source: 'none', reason: 'not inside a workspace: no pyproject.toml above with [tool.pyguide] or [tool.uv.workspace]', problems: 0 });
    const result = (await lsp.executeCommand('pyguide.server.createConfiguration', [py, 'generic'])) as CreateConfigurationResult;
    const target = fileUri(join(root, 'pyproject.toml'));
    assert.deepEqual(result, { applied: true, uri: target, message: `Added [tool.pyguide] with preset "generic" to ${join(root, 'pyproject.toml')}.` });
    // One edit, appended after the file's last line; the client saves it.
    const edit = lsp.appliedEdits.at(-1)!.edit;
    assert.deepEqual(edit.documentChanges, [
      {
        textDocument: { uri: target, version: null },
        edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: `\n${starter('generic')}` }],
      },
    ]);
    // The client saves the file; the server then finds a configured root and checks the open file again.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'pyproject.toml'), `${pyproject}\n${starter('generic')}`);
    await lsp.watchedFiles([{ uri: target, type: 2 }]);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(py, (ds) => ds.length === 2)), ['in-function-import', 'bare-noqa']);
    // A second request leaves the table alone.
    const again = (await lsp.executeCommand('pyguide.server.createConfiguration', [py, 'genkit'])) as CreateConfigurationResult;
    assert.deepEqual(again, { applied: false, uri: target, message: `${join(root, 'pyproject.toml')} already has a [tool.pyguide] table.` });
  });

  it('a folder without any pyproject.toml gets a new one, created through the client', async () => {
    root = makeTree({ 'tool.py': 'x = 1\n' });
    lsp = await LspHarness.start({ root });
    const result = (await lsp.executeCommand('pyguide.server.createConfiguration', [fileUri(root), 'genkit'])) as CreateConfigurationResult;
    const target = fileUri(join(root, 'pyproject.toml'));
    assert.equal(result.applied, true);
    assert.deepEqual(lsp.appliedEdits.at(-1)!.edit.documentChanges, [
      { kind: 'create', uri: target, options: { ignoreIfExists: true } },
      { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: starter('genkit') }] },
    ]);
    const bad = (await lsp.executeCommand('pyguide.server.createConfiguration', [fileUri(root), 'genkit-current'])) as CreateConfigurationResult;
    assert.deepEqual(bad, { applied: false, message: 'Unknown preset "genkit-current": one of genkit, genkit-plugins, generic.' });
  });
});

function starter(preset: string): string {
  const titles: Record<string, string> = {
    generic: 'Any Python project: language-level rules only; no license holder, layout or Python version until you set them',
    genkit: 'Genkit, current layout: packages/genkit-<x> named genkit-<x>, modules genkit_<x>, no namespace packages, no run.sh',
  };
  const lines = ['[tool.pyguide]', `# ${titles[preset]}.`, '# Keys and presets: https://github.com/pyguide/pyguide/blob/main/docs/presets.md', `preset = "${preset}"`];
  if (preset === 'generic') lines.push('', '# Uncomment to have license headers checked and inserted:', '# [tool.pyguide.license]', '# holder = "Your Name or Organisation"', '# spdx = "MIT"', '# style = "spdx"');
  return `${lines.join('\n')}\n`;
}
