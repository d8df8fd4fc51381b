// The baseline in the editor, by mechanism: a keystroke's publish does not read
// pyguide-baseline.json again until a watcher says it changed or a second passed.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { EditorBaseline } from '../src/baseline/editorBaseline';
import type { Finding } from '../src/engine/types';
import type { FileSource, ReadResult } from '../src/workspace/files';
import { fileUri, LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

describe('the baseline in the editor: when it is read', function () {
  this.timeout(60_000);

  /** Files on disk that count the reads of each path. */
  class CountingFiles implements FileSource {
    readonly reads: string[] = [];
    constructor(readonly texts: Map<string, string>) {}
    read(path: string): ReadResult {
      this.reads.push(path);
      const text = this.texts.get(path);
      return text === undefined ? { ok: false, reason: 'file does not exist', missing: true } : { ok: true, text };
    }
    exists(path: string): boolean {
      return this.texts.has(path);
    }
  }
  const finding: Finding = { rule: 'bare-noqa', severity: 'warning', file: '/ws/src/a.py', message: 'm', range: { start: { line: 0, character: 7 }, end: { line: 0, character: 13 } } } as Finding;
  const severities = (fs: readonly Finding[]) => fs.map((f) => f.severity);

  it('reads the baseline file at most once a second, and again at once when a watcher says it changed', () => {
    const path = '/ws/pyguide-baseline.json';
    const files = new CountingFiles(new Map());
    let now = 0;
    const baseline = new EditorBaseline(files, () => '/ws', () => undefined, () => now);
    // No baseline: nothing lowered, and the missing file is not looked for on every publish either.
    assert.deepEqual(severities(baseline.apply('/ws/src/a.py', [finding])), ['warning']);
    files.texts.set(path, JSON.stringify({ 'src/a.py': { 'bare-noqa': { count: 1 } } }));
    now = 999;
    assert.deepEqual(severities(baseline.apply('/ws/src/a.py', [finding])), ['warning']);
    assert.equal(files.reads.length, 1);
    // A second on, it is read again.
    now = 1000;
    assert.deepEqual(severities(baseline.apply('/ws/src/a.py', [finding])), ['hint']);
    assert.equal(files.reads.length, 2);
    // A watcher's event: read at the next publish, whatever the time.
    files.texts.set(path, JSON.stringify({}));
    baseline.changed();
    assert.deepEqual(severities(baseline.apply('/ws/src/a.py', [finding])), ['warning']);
    assert.equal(files.reads.length, 3);
    assert.deepEqual(files.reads, [path, path, path]);
  });

  it('over LSP: a baseline created on disk while a file is open shows at the next publish after the watcher event', async () => {
    const root = makeTree({ 'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n' });
    mkdirSync(join(root, 'src'));
    const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    try {
      const uri = await lsp.open(join(root, 'src/a.py'), 'x = 1  # noqa\n');
      await lsp.waitForDiagnostics(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Warning);
      await lsp.change(uri, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'y' }]);
      await lsp.waitForDiagnostics(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Warning);
      writeFileSync(join(root, 'pyguide-baseline.json'), JSON.stringify({ 'src/a.py': { 'bare-noqa': { count: 1 } } }));
      await lsp.watchedFiles([{ uri: fileUri(join(root, 'pyguide-baseline.json')), type: FileChangeType.Created }]);
      const ds = await lsp.waitForDiagnostics(uri, (d) => d[0]?.severity === DiagnosticSeverity.Hint);
      assert.match(String(ds[0].message), /\(baselined in pyguide-baseline\.json\)$/);
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
