// Box tables over a real LSP connection: the diagnostic and its "Re-align table" quick fix, and
// document / range formatting that re-aligns tables and touches nothing else.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeActionRequest, DocumentFormattingRequest, DocumentRangeFormattingRequest, type TextEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits } from '../src/engine/textEdits';
import { LspHarness } from './lspHarness';

const TWO_TABLES = [
  '"""Module.',
  '',
  'Key Concepts (ELI5)::',
  '',
  '    ┌──────────┬──────────┐',
  '    │ Concept  │ ELI5     │',
  '    ├──────────┼──────────┤',
  '    │ Flow     │ A recipe│',
  '    └──────────┴──────────┘',
  '"""',
  'import os  ',
  '',
  '',
  'def f():',
  '    """Doc.',
  '',
  '    ┌────┬────┐',
  '    │ a  │ b │',
  '    └────┴────┘',
  '    """',
  '',
].join('\n');

describe('box tables over LSP', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-boxlsp-'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["misaligned-box-table"]\n');
    lsp = await LspHarness.start({ root });
  });

  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  const format = (uri: string) => lsp.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });

  it('announces document and range formatting', () => {
    assert.equal(lsp.initializeResult?.capabilities.documentFormattingProvider, true);
    assert.equal(lsp.initializeResult?.capabilities.documentRangeFormattingProvider, true);
  });

  it('formats every box table of a document and nothing else (not the trailing spaces after `import os`)', async () => {
    const uri = await lsp.open(join(root, 'mod.py'), TWO_TABLES);
    const edits = (await format(uri)) as TextEdit[];
    const after = applyTextEdits(TWO_TABLES, edits).text.split('\n');
    assert.equal(after[7], '    │ Flow     │ A recipe │');
    assert.equal(after[17], '    │ a  │ b  │');
    assert.equal(after[10], 'import os  ');
    assert.deepEqual(edits.map((e) => e.range.start.line), [7, 17]);
  });

  it('formats only the tables a range meets', async () => {
    const uri = await lsp.open(join(root, 'mod.py'), TWO_TABLES);
    const edits = (await lsp.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line: 16, character: 0 }, end: { line: 16, character: 3 } },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.deepEqual(edits, [{ range: { start: { line: 17, character: 13 }, end: { line: 17, character: 13 } }, newText: ' ' }]);
  });

  it('gives nothing to format when the folder is disabled or the file is not Python', async () => {
    const toml = await lsp.open(join(root, 'sub', 'pyproject.toml'), '[project]\nname = "x"\n');
    assert.deepEqual(await format(toml), []);
    await lsp.changeSettings({ enable: false });
    const uri = await lsp.open(join(root, 'off.py'), TWO_TABLES);
    assert.deepEqual(await format(uri), []);
  });

  it('publishes one diagnostic per misaligned table with the "Re-align table" quick fix', async () => {
    const uri = await lsp.open(join(root, 'mod.py'), TWO_TABLES);
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 2);
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.code, d.message]),
      [
        [4, 'misaligned-box-table', 'Box table is not aligned (line 8 ends at column 26, the border at 27).'],
        [16, 'misaligned-box-table', 'Box table is not aligned (line 18 ends at column 14, the border at 15).'],
      ],
    );
    const actions = await lsp.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: ds[1].range, context: { diagnostics: [ds[1]] } });
    const realign = actions?.find((a) => a.title === 'Re-align table');
    assert.ok(realign && 'edit' in realign && realign.edit, 'no Re-align table action');
  });
});
