// "Pyguide: Check Workspace": closed files in the Problems panel, cancellation, disk changes.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SweepResult } from '../../../server/src/lsp/protocol';
import { cliFindings, describeCliFinding, described, diagnosticsUnder, extensionRoot, fileIn, folder, lineWith, ofRule, sleep, waitFor, waitForDiagnostics } from './helpers';

const HEADER = '# Copyright 2025 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n\n';

const BULK_FILES = 3000;

function checkWorkspace(token?: vscode.CancellationToken): Thenable<SweepResult> {
  return vscode.commands.executeCommand<SweepResult>('pyguide.checkWorkspace', { token, quiet: true });
}

describe('Check Workspace', () => {
  const closed = () => fileIn('genkit-py', 'packages/genkit/src/genkit/closed.py');
  const bulkDir = () => join(folder('second').uri.fsPath, 'bulk');

  before(() => {
    // Enough files that the sweep takes a while, so it can be cancelled half-way.
    mkdirSync(bulkDir(), { recursive: true });
    for (let i = 0; i < BULK_FILES; i++) writeFileSync(join(bulkDir(), `m${i}.py`), `${HEADER}"""Module ${i}."""\n\nVALUE = ${i}  # noqa\n`);
  });

  after(() => rmSync(bulkDir(), { recursive: true, force: true }));

  it('reports nothing for files nobody opened before it runs', () => {
    assert.deepEqual(described(closed()), []);
  });

  it('cancelled half-way, it publishes nothing and says it was cancelled', async () => {
    // Cancel once linting is under way (the result counts the files linted before the cancel);
    // a cancel that lands while files are still being listed (a busy machine) is retried later.
    let result: SweepResult | undefined;
    for (const delay of [250, 600, 1200, 2500, 5000]) {
      const source = new vscode.CancellationTokenSource();
      const sweep = checkWorkspace(source.token);
      setTimeout(() => source.cancel(), delay);
      result = await sweep;
      console.log(`      (cancelled after ${delay} ms: ${JSON.stringify(result)})`);
      assert.equal(result.cancelled, true);
      if (result.files > 0) break;
    }
    assert.ok(result!.files > 0 && result!.files < BULK_FILES, 'the cancel landed half-way through linting');
    // Give a late publication the chance to show up: there must be none.
    await sleep(1000);
    assert.deepEqual(described(closed()), []);
    assert.deepEqual(diagnosticsUnder('second').filter((d) => d.startsWith('bulk/')), []);
  });

  it('fills the Problems panel with every finding of every folder, exactly as the CLI reports them', async () => {
    const started = Date.now();
    const result = await checkWorkspace();
    console.log(`      (swept ${result.files} files in ${Date.now() - started} ms, ${result.findings} findings)`);
    assert.equal(result.cancelled, false);
    assert.ok(result.files > BULK_FILES, `only ${result.files} files swept`);
    const closedText = (await vscode.workspace.fs.readFile(closed())).toString();
    const line = lineWith(closedText, '# noqa');
    const at = closedText.split('\n')[line].indexOf('# noqa');
    assert.deepEqual(described(closed()), [`${line}:${at}-${line}:${at + 6} bare-noqa`]);
    // .gitignore'd files stay out (this one has a bare noqa that would be reported).
    const ignored = fileIn('genkit-py', 'build/generated.py');
    assert.match(readFileSync(ignored.fsPath, 'utf8'), /# noqa\n/);
    assert.deepEqual(described(ignored), []);
    for (const name of ['genkit-py', 'second', 'genkit-sample', 'team-rules']) {
      await waitFor(`${name}: diagnostics equal to the CLI's`, () => {
        const cli = cliFindings(name).map(describeCliFinding).sort();
        return JSON.stringify(diagnosticsUnder(name)) === JSON.stringify(cli) || undefined;
      }, 10_000).catch(() => assert.deepEqual(diagnosticsUnder(name), cliFindings(name).map(describeCliFinding).sort()));
    }
    assert.equal(diagnosticsUnder('second').filter((d) => d.startsWith('bulk/')).length, BULK_FILES);
  });

  it('shows exactly the expected findings of the Genkit-shaped sample workspace', () => {
    const expected = readFileSync(join(extensionRoot(), 'test-fixtures', 'workspaces', 'genkit-py.expected'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [, file, line, col, endLine, endCol, rule] = /^(.*):(\d+):(\d+)-(\d+):(\d+) (\S+)$/.exec(l)!;
        return `${file}:${+line - 1}:${+col - 1}-${+endLine - 1}:${+endCol - 1} ${rule}`;
      })
      .sort();
    assert.ok(expected.length > 10);
    assert.deepEqual(diagnosticsUnder('genkit-sample'), expected);
  });

  it('follows changes on disk to closed files: edited, created, deleted', async () => {
    const path = closed().fsPath;
    writeFileSync(path, `${HEADER}"""Never opened in the editor: only Check Workspace reports it."""\n\nTIMEOUT = 30  # noqa: PLR2004 - a documented default\n`);
    await waitForDiagnostics(closed(), 'the fixed file to have no finding', (d) => d.length === 0);
    const fresh = fileIn('genkit-py', 'packages/genkit/src/genkit/fresh.py');
    writeFileSync(fresh.fsPath, `${HEADER}FRESH = 1  # noqa\n`);
    await waitForDiagnostics(fresh, 'the new file\'s finding', (d) => d.length === 1);
    unlinkSync(fresh.fsPath);
    await waitForDiagnostics(fresh, 'the deleted file\'s finding to go', (d) => d.length === 0);
  });

  it('drops the findings of every file under a deleted directory', async () => {
    const started = Date.now();
    rmSync(bulkDir(), { recursive: true, force: true });
    await waitFor('no findings left under the deleted directory', () => diagnosticsUnder('second').every((d) => !d.startsWith('bulk/')));
    console.log(`      (${BULK_FILES} files' findings dropped in ${Date.now() - started} ms)`);
  });

  it('hands a closed file over to live diagnostics when it is opened and edited, without duplicates', async () => {
    const uri = fileIn('genkit-py', 'samples/hello/src/main.py');
    assert.equal(described(uri).filter((d) => d.endsWith('bare-noqa')).length, 1);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'print(2)  # noqa\n'));
    await waitForDiagnostics(uri, 'two findings, live', (d) => ofRule(d, 'bare-noqa').length === 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, 'back to one finding', (d) => ofRule(d, 'bare-noqa').length === 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Closed again: the swept finding stays, once.
    await sleep(300);
    assert.equal(described(uri).filter((d) => d.endsWith('bare-noqa')).length, 1);
  });
});
