// Settings take effect at once, per workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fileIn, folder, ofRule, open, waitForDiagnostics } from './helpers';

describe('settings', () => {
  const app = () => fileIn('second', 'app.py');
  const core = () => fileIn('genkit-py', 'packages/genkit/src/genkit/core.py');
  const update = (key: string, value: unknown) =>
    vscode.workspace.getConfiguration('pyguide', folder('second').uri).update(key, value, vscode.ConfigurationTarget.WorkspaceFolder);

  before(async () => {
    await open(core());
    await open(app());
    await waitForDiagnostics(app(), 'app.py linted', (d) => ofRule(d, 'bare-noqa').length === 1);
    await waitForDiagnostics(core(), 'core.py linted', (d) => d.some((x) => codeOf(x) === 'bare-noqa'));
  });

  after(async () => {
    await update('severity', undefined);
    await update('enable', undefined);
    await update('run', undefined);
    await update('exclude', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pyguide.severity raises a rule to error in one folder only', async () => {
    await update('severity', { 'bare-noqa': 'error' });
    await waitForDiagnostics(app(), 'an error in the second folder', (d) => ofRule(d, 'bare-noqa').length === 1 && ofRule(d, 'bare-noqa')[0].severity === vscode.DiagnosticSeverity.Error);
    const coreNoqa = (await waitForDiagnostics(core(), 'core.py', (d) => d.length > 0)).filter((d) => codeOf(d) === 'bare-noqa');
    assert.ok(coreNoqa.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    await update('severity', { 'bare-noqa': 'off' });
    await waitForDiagnostics(app(), 'no finding with the rule off', (d) => ofRule(d, 'bare-noqa').length === 0);
    await update('severity', undefined);
    await waitForDiagnostics(app(), 'a warning again', (d) => ofRule(d, 'bare-noqa').length === 1 && ofRule(d, 'bare-noqa')[0].severity === vscode.DiagnosticSeverity.Warning);
  });

  it('pyguide.enable turns a folder off and on again', async () => {
    await update('enable', false);
    await waitForDiagnostics(app(), 'nothing while disabled', (d) => d.length === 0);
    assert.ok((await waitForDiagnostics(core(), 'the other folder untouched', (d) => d.length > 0)).length > 0);
    await update('enable', undefined);
    await waitForDiagnostics(app(), 'the finding back', (d) => ofRule(d, 'bare-noqa').length === 1);
  });

  it('pyguide.exclude skips matching files, open ones included', async () => {
    await update('exclude', ['app.py']);
    await waitForDiagnostics(app(), 'nothing for an excluded file', (d) => d.length === 0);
    await update('exclude', undefined);
    await waitForDiagnostics(app(), 'the finding back', (d) => ofRule(d, 'bare-noqa').length === 1);
  });

  it('pyguide.run = onSave lints on save, not while typing', async () => {
    await update('run', 'onSave');
    // A change the diagnostics show, made after it: once it shows, the server has read both settings.
    await update('severity', { 'bare-noqa': 'info' });
    await waitForDiagnostics(app(), 'the server read the new settings', (d) => ofRule(d, 'bare-noqa').length === 1 && ofRule(d, 'bare-noqa')[0].severity === vscode.DiagnosticSeverity.Information);
    const editor = await open(app());
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'QUIET = 1  # noqa\n'));
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(ofRule(vscode.languages.getDiagnostics(app()), 'bare-noqa').length, 1);
    await editor.document.save();
    await waitForDiagnostics(app(), 'the new finding after saving', (d) => ofRule(d, 'bare-noqa').length === 2);
    // Leave the fixture as it was.
    await editor.edit((b) => b.delete(editor.document.lineAt(editor.document.lineCount - 2).rangeIncludingLineBreak));
    await editor.document.save();
    await waitForDiagnostics(app(), 'one finding again', (d) => ofRule(d, 'bare-noqa').length === 1);
    await update('severity', undefined);
  });
});
