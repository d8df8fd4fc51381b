// The language server over a real stdio connection: what an editor sees.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, LspHarness } from './lspHarness';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pyguide-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const ROOT_PYPROJECT = '[project]\nname = "ws"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = ["packages/*"]\n\n[tool.pyguide.severity]\nmissing-license-header = "off"\n';
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`);

describe('language server over stdio', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = workspace({ 'pyproject.toml': ROOT_PYPROJECT, 'packages/core/pyproject.toml': '[project]\nname = "core"\n', 'packages/core/src/core/closed.py': 'a = 1  # noqa\n' });
    lsp = await LspHarness.start({ root });
  });

  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('announces its capabilities and registers file watchers', async () => {
    // Registration follows `initialized`; give the server a moment to send it.
    await new Promise<void>((resolve) => setTimeout(resolve, 200));
    assert.ok(lsp.registrations.includes('workspace/didChangeWatchedFiles'));
    assert.ok(lsp.registrations.includes('workspace/didChangeConfiguration'));
  });

  it('publishes diagnostics on open with code, source, docs link and exact range', async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/a.py'), 'import os\n\nx = 1  # noqa\n');
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(ds), ['2:7-2:13 bare-noqa']);
    assert.equal(ds[0].source, 'pyguide');
    assert.equal(ds[0].severity, 2);
    assert.match(ds[0].codeDescription!.href, /docs\/rules\/bare-noqa\.md$/);
  });

  it('follows incremental edits: a finding appears, moves and disappears', async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/b.py'), 'x = 1\ny = 2\n');
    assert.deepEqual(await lsp.waitForDiagnostics(uri), []);
    await lsp.change(uri, [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: '  # noqa' }]);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(uri, (d) => d.length === 1)), ['1:7-1:13 bare-noqa']);
    // Insert two lines above: the finding moves down with its line.
    await lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '"""Doc."""\n\n' }]);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].range.start.line === 3)), ['3:7-3:13 bare-noqa']);
    // Name the code and say why: the finding goes away.
    await lsp.change(uri, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } }, text: ': E501 - a long URL' }]);
    assert.deepEqual(await lsp.waitForDiagnostics(uri, (d) => d.length === 0), []);
  });

  it('offers ignore-for-line, ignore-for-file and documentation actions, bound to the version', async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/c.py'), '#!/usr/bin/env python\nx = 1  # noqa\n');
    const [d] = await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
    const actions = await lsp.codeActions(uri, d.range, [d]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Ignore bare-noqa for this line', 'Ignore bare-noqa for this file', 'Show documentation for bare-noqa'],
    );
    const line = actions[0].edit!.documentChanges![0] as { textDocument: { version: number }; edits: { range: unknown; newText: string }[] };
    assert.equal(line.textDocument.version, 1);
    assert.deepEqual(line.edits, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 13 } }, newText: '  # pyguide: ignore[bare-noqa]' }]);
    const file = actions[1].edit!.documentChanges![0] as { edits: { range: unknown; newText: string }[] };
    assert.deepEqual(file.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# pyguide: ignore-file[bare-noqa]\n' }]);
    await lsp.executeCommand(actions[2].command!.command, actions[2].command!.arguments);
    assert.match(lsp.shownDocuments[0], /docs\/rules\/bare-noqa\.md$/);
  });

  it("names a finding's fix in diagnostic.data without its edits; the quick fix brings them, for the published version only", async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/banner.py'), 'x = 1\n# ---- Helpers ----\ny = 2\n');
    const [d] = await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.equal(d.code, 'section-banner-comment');
    // Every publish carries every diagnostic: the fix's edits stay in the server.
    assert.deepEqual(d.data, { version: 1, fix: { title: 'Keep only the title', safe: true } });
    const [fix] = await lsp.codeActions(uri, d.range, [d]);
    assert.equal(fix.title, 'Keep only the title');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit!.documentChanges, [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 19 } }, newText: '# Helpers' }] }]);
    // Typed above it, the banner moves down a line: the diagnostic of version 1 has no fix any more.
    await lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'w = 0\n' }]);
    const [moved] = await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].range.start.line === 2);
    assert.deepEqual((await lsp.codeActions(uri, d.range, [d])).map((a) => a.title), ['Ignore section-banner-comment for this file', 'Show documentation for section-banner-comment']);
    const [again] = await lsp.codeActions(uri, moved.range, [moved]);
    assert.deepEqual(again.edit!.documentChanges, [{ textDocument: { uri, version: 2 }, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } }, newText: '# Helpers' }] }]);
  });

  it('honours suppression comments, including an added rule to an existing directive', async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/d.py'), 'x = 1  # noqa  # pyguide: ignore[bare-noqa] - legacy\n# pyguide: ignore[bare-noqa] - legacy\ny = 2  # noqa\nz = 3  # noqa\n');
    assert.deepEqual(codes(await lsp.waitForDiagnostics(uri, (ds) => ds.length > 0)), ['3:7-3:13 bare-noqa']);
  });

  it('applies settings: per-rule severity, off, and enable', async () => {
    const uri = await lsp.open(join(root, 'packages/core/src/core/e.py'), 'x = 1  # noqa\n');
    await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
    await lsp.changeSettings({ severity: { 'bare-noqa': 'error' } });
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 1);
    assert.equal(ds[0].code, 'bare-noqa');
    await lsp.changeSettings({ severity: { 'bare-noqa': 'off' } });
    await lsp.waitForDiagnostics(uri, (d) => d.length === 0);
    await lsp.changeSettings({});
    await lsp.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 2);
    await lsp.changeSettings({ enable: false });
    await lsp.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('re-lints open files when [tool.pyguide] changes in the root pyproject.toml, saved or not', async () => {
    const py = await lsp.open(join(root, 'packages/core/src/core/f.py'), 'x = 1  # noqa\n');
    await lsp.waitForDiagnostics(py, (ds) => ds.length === 1);
    const toml = await lsp.open(join(root, 'pyproject.toml'), ROOT_PYPROJECT);
    const end = { line: 6, character: 0 };
    await lsp.change(toml, [{ range: { start: end, end }, text: '\n[tool.pyguide]\nignore = ["bare-noqa"]\n' }]);
    await lsp.waitForDiagnostics(py, (ds) => ds.length === 0);
  });

  it('sweeps the workspace: closed files get diagnostics, progress is reported, open files keep live ones', async () => {
    const open = await lsp.open(join(root, 'packages/core/src/core/closed2.py'), 'y = 2\n');
    await lsp.waitForDiagnostics(open);
    writeFileSync(join(root, 'packages/core/src/core/closed2.py'), 'y = 2  # noqa\n');
    const result = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'sweep-1' })) as { files: number; cancelled: boolean };
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 4);
    const closed = fileUri(join(root, 'packages/core/src/core/closed.py'));
    assert.deepEqual(codes(await lsp.waitForDiagnostics(closed)), ['0:7-0:13 bare-noqa']);
    // The open document's unsaved text is what counts, not the disk.
    assert.deepEqual(lsp.diagnostics.get(open)?.diagnostics, []);
    assert.equal(lsp.progress[0].kind, 'begin');
    assert.equal(lsp.progress.at(-1)!.kind, 'end');
    // An on-disk change of a swept file updates its findings; a deletion clears them.
    writeFileSync(join(root, 'packages/core/src/core/closed.py'), 'a = 1\n');
    await lsp.watchedFiles([{ uri: closed, type: FileChangeType.Changed }]);
    await lsp.waitForDiagnostics(closed, (ds) => ds.length === 0);
    writeFileSync(join(root, 'packages/core/src/core/closed.py'), 'a = 1  # noqa\n');
    await lsp.watchedFiles([{ uri: closed, type: FileChangeType.Changed }]);
    await lsp.waitForDiagnostics(closed, (ds) => ds.length === 1);
    rmSync(join(root, 'packages/core/src/core/closed.py'));
    await lsp.watchedFiles([{ uri: closed, type: FileChangeType.Deleted }]);
    await lsp.waitForDiagnostics(closed, (ds) => ds.length === 0);
  });

  it('keeps serving after hostile input: NUL bytes, a huge line, deep nesting, lone surrogates', async () => {
    const hostile = ['\u0000\u0001binary\u0000', `x = ${'1 + '.repeat(50_000)}1  # noqa\n`, `${'('.repeat(5000)}\n`, 'x = "\ud800"  # noqa\n', 'def f(:\n  """unterminated\n'];
    for (const [i, text] of hostile.entries()) {
      const uri = await lsp.open(join(root, `packages/core/src/core/h${i}.py`), text);
      await lsp.waitForDiagnostics(uri);
    }
    const uri = await lsp.open(join(root, 'packages/core/src/core/ok.py'), 'x = 1  # noqa\n');
    assert.deepEqual(codes(await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1)), ['0:7-0:13 bare-noqa']);
  });

  it('reports a file over the size limit with one informational diagnostic', async () => {
    await lsp.changeSettings({ maxFileSize: 1000 });
    const uri = await lsp.open(join(root, 'packages/core/src/core/big.py'), `${'x = 1  # noqa\n'.repeat(200)}`);
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.equal(ds[0].code, 'unreadable-file');
    assert.equal(ds[0].severity, 3);
    assert.match(String(ds[0].message), /over the 1000 limit/);
  });
});
