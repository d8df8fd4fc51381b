// "Move import to top of file" as the editor gets it over a real stdio connection: an unsafe quick
// fix (titled so, never preferred), its versioned edits, and fix-all leaving every move alone.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspHarness } from './lspHarness';

const SOURCE = [
  '"""Flows."""',
  '',
  'import os',
  '',
  '',
  'def load():',
  '    import json',
  '    return json.loads(os.environ["X"])',
  '',
  '',
  'def fast():',
  '    try:',
  '        import ujson',
  '    except ImportError:',
  '        ujson = None',
  '    return ujson',
  '',
].join('\n');

function editsOf(action: CodeAction): { version: number; edits: TextEdit[] } {
  const change = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
  return { version: change.textDocument.version, edits: change.edits };
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.py', 'python', 1, text), edits);
}

describe('in-function-import in the language server', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-lsp-import-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.pyguide]\nselect = ["in-function-import"]\n');
    lsp = await LspHarness.start({ root });
  });

  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers the move as an unsafe quick fix, titled so and never preferred; none for the optional import', async () => {
    const uri = await lsp.open(join(root, 'src', 'flows.py'), SOURCE);
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 2);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['in-function-import', 6, 4, 15],
        ['in-function-import', 12, 8, 20],
      ],
    );
    const actions = await lsp.codeActions(uri, ds[0].range, [ds[0]]);
    const [move] = actions.filter((a) => a.title === 'Move import to top of file (unsafe)');
    assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(move.isPreferred, false);
    assert.ok(actions.every((a) => !a.isPreferred), 'an action is preferred');
    const { version, edits } = editsOf(move);
    assert.equal(version, 1);
    assert.equal(apply(SOURCE, edits), SOURCE.replace('import os\n', 'import json\nimport os\n').replace('    import json\n', ''));

    // Moving an import out of its `try/except ImportError` would make the dependency mandatory.
    const optional = await lsp.codeActions(uri, ds[1].range, [ds[1]]);
    assert.deepEqual(optional.filter((a) => a.title.startsWith('Move import')), []);
  });

  it('fix-all (source.fixAll.pyguide) moves no import', async () => {
    const uri = await lsp.open(join(root, 'src', 'flows.py'), SOURCE);
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 2);
    assert.deepEqual(await lsp.codeActions(uri, ds[0].range, [], ['source.fixAll.pyguide']), []);
    assert.equal(await lsp.executeCommand('pyguide.server.fixAll', [uri, 1]), true);
    assert.deepEqual(lsp.appliedEdits, []);
  });
});
