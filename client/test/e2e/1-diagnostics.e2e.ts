// What a person sees on opening files: squiggles with rule codes and docs links, quick fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  availableRules,
  cliFindings,
  codeOf,
  described,
  describeCliFinding,
  EXTENSION_ID,
  fileIn,
  lineWith,
  ofRule,
  open,
  pyguideDiagnostics,
  revertAndClose,
  waitFor,
  waitForDiagnostics,
} from './helpers';

before(async function () {
  this.timeout(60_000);
  console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}), extension host on Node ${process.versions.node}`);
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
});

describe('diagnostics for an opened file', () => {
  it('shows bare-noqa findings with the exact ranges, the rule code, a docs link and the CLI\'s findings', async () => {
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/core.py');
    const editor = await open(uri);
    const ds = await waitForDiagnostics(uri, 'two bare-noqa diagnostics', (d) => d.filter((x) => codeOf(x) === 'bare-noqa').length === 2);
    const text = editor.document.getText();
    // `import os  # noqa` and `SEPARATOR = os.sep  # NOQA`; `# noqa: E501` names its code and is fine.
    const [l1, l2] = [lineWith(text, '# noqa'), lineWith(text, '# NOQA')];
    const [c1, c2] = [text.split('\n')[l1].indexOf('# noqa'), text.split('\n')[l2].indexOf('# NOQA')];
    assert.deepEqual(
      ofRule(ds, 'bare-noqa').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort(),
      [`${l1}:${c1}-${l1}:${c1 + 6}`, `${l2}:${c2}-${l2}:${c2 + 6}`].sort(),
    );
    for (const d of ds) {
      assert.equal(d.source, 'pyguide');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), new RegExp(`/docs/rules/${code.value}\\.md$`));
    }
    assert.equal(ds.find((d) => codeOf(d) === 'bare-noqa')!.severity, vscode.DiagnosticSeverity.Warning);
    // Every rule, not only bare-noqa: the editor shows what the CLI reports for the same file.
    const cli = cliFindings('genkit-py', ['packages/genkit/src/genkit/core.py']).map(describeCliFinding).map((s) => s.replace(/^[^:]*:/, ''));
    assert.deepEqual(described(uri), cli.sort());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('follows edits: a finding appears while typing and goes when the code is named', async () => {
    const uri = fileIn('second', 'app.py');
    const editor = await open(uri);
    await waitForDiagnostics(uri, 'one bare-noqa', (d) => ofRule(d, 'bare-noqa').length === 1);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, 'VERBOSE = False  # noqa\n'));
    await waitForDiagnostics(uri, 'a second bare-noqa', (d) => ofRule(d, 'bare-noqa').length === 2);
    const line = editor.document.lineCount - 2;
    await editor.edit((b) => b.insert(editor.document.lineAt(line).range.end, ': FBT003'));
    await waitForDiagnostics(uri, 'back to one', (d) => ofRule(d, 'bare-noqa').length === 1);
    await revertAndClose();
  });
});

describe('quick fixes', () => {
  it('"Move import to top of file (unsafe)" moves the import and the diagnostic disappears', async function () {
    if (!availableRules().has('in-function-import')) this.skip();
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/lazy.py');
    const editor = await open(uri);
    const [finding] = await waitForDiagnostics(uri, 'an in-function-import diagnostic', (d) => d.some((x) => codeOf(x) === 'in-function-import'));
    const diagnostic = pyguideDiagnostics(uri).find((x) => codeOf(x) === 'in-function-import') ?? finding;
    assert.equal(editor.document.getText(diagnostic.range).trim(), 'import json');
    // The fix is computed when VS Code resolves the chosen action, not when the light bulb lists it.
    const listed = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.equal(listed.find((a) => a.title === 'Move import to top of file (unsafe)')?.edit, undefined, 'the fix waits for resolve');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
    const move = actions.find((a) => a.title === 'Move import to top of file (unsafe)');
    assert.ok(move, `no "Move import to top of file (unsafe)" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(!move.isPreferred);
    assert.ok(move.edit && (await vscode.workspace.applyEdit(move.edit)));
    await waitForDiagnostics(uri, 'the in-function-import diagnostic to go', (d) => !d.some((x) => codeOf(x) === 'in-function-import'));
    const lines = editor.document.getText().split('\n');
    const importLine = lines.indexOf('import json');
    assert.ok(importLine > 0 && importLine < lines.findIndex((l) => l.startsWith('def load')), editor.document.getText());
    assert.ok(!lines.some((l) => /^\s+import json/.test(l)), editor.document.getText());
    // No blank line is left between the docstring and the code (pydocstyle D202).
    assert.equal(lines[lines.indexOf('    """Parses text."""') + 1], '    return json.loads(text)', editor.document.getText());
    await revertAndClose();
  });

  it('"Use specific code [<code>]" names the code another checker reports on the line of a bare `# type: ignore`', async function () {
    if (!availableRules().has('bare-type-ignore')) this.skip();
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/typing_fix.py');
    const editor = await open(uri);
    const diagnostic = (await waitForDiagnostics(uri, 'a bare-type-ignore diagnostic', (d) => d.some((x) => codeOf(x) === 'bare-type-ignore'))).find(
      (x) => codeOf(x) === 'bare-type-ignore',
    )!;
    // Stand in for mypy: an error with a code at the start of the same line, away from the cursor.
    const mypy = vscode.languages.createDiagnosticCollection('mypy-standin');
    const error = new vscode.Diagnostic(new vscode.Range(diagnostic.range.start.line, 0, diagnostic.range.start.line, 5), 'Incompatible types in assignment', vscode.DiagnosticSeverity.Error);
    error.source = 'mypy';
    error.code = 'assignment';
    mypy.set(uri, [error]);
    try {
      const cursor = new vscode.Range(diagnostic.range.end, diagnostic.range.end);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, cursor, vscode.CodeActionKind.QuickFix.value);
      const specific = actions.find((a) => a.title === 'Use specific code [assignment]');
      assert.ok(specific, `no "Use specific code [assignment]" among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(specific.edit && (await vscode.workspace.applyEdit(specific.edit)));
      assert.match(editor.document.lineAt(diagnostic.range.start.line).text, /# type: ignore\[assignment\]$/);
      await waitForDiagnostics(uri, 'the bare-type-ignore diagnostic to go', (d) => !d.some((x) => codeOf(x) === 'bare-type-ignore'));
    } finally {
      mypy.dispose();
      await revertAndClose();
    }
  });

  it('offers ignore comments and documentation for any finding', async () => {
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/core.py');
    await open(uri);
    const [d] = ofRule(await waitForDiagnostics(uri, 'bare-noqa', (ds) => ofRule(ds, 'bare-noqa').length > 0), 'bare-noqa');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    for (const t of ['Ignore bare-noqa for this line', 'Ignore bare-noqa for this file', 'Show documentation for bare-noqa']) assert.ok(titles.includes(t), `${t} missing from ${JSON.stringify(titles)}`);
    // The rule's page ships in the extension and opens in the Markdown preview, no network needed.
    const docs = actions.find((a) => a.title === 'Show documentation for bare-noqa')!.command!;
    await vscode.commands.executeCommand(docs.command, ...(docs.arguments ?? []));
    await waitFor('docs/rules/bare-noqa.md in the Markdown preview', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return (tab?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes('bare-noqa.md')) || undefined;
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

describe('fix all', () => {
  /** Removes the license header the fixture file starts with (4 lines and a blank line). */
  async function dropHeader(editor: vscode.TextEditor): Promise<void> {
    assert.match(editor.document.lineAt(0).text, /^# Copyright/);
    await editor.edit((b) => b.delete(new vscode.Range(0, 0, 5, 0)));
  }

  it('applies only safe fixes on save through editor.codeActionsOnSave and source.fixAll.pyguide', async function () {
    if (!availableRules().has('in-function-import') || !availableRules().has('missing-license-header')) this.skip();
    const python = vscode.workspace.getConfiguration('editor', { languageId: 'python' });
    const onSave = { 'source.fixAll.pyguide': 'explicit' };
    await python.update('codeActionsOnSave', onSave, vscode.ConfigurationTarget.Workspace, true);
    // The setting reaches the workbench's save participant through a file write and a reload; on a
    // busy machine that can take longer than the update's promise. Save only once it is in effect.
    await waitFor('editor.codeActionsOnSave in effect for python', () =>
      JSON.stringify(vscode.workspace.getConfiguration('editor', { languageId: 'python' }).get('codeActionsOnSave')) === JSON.stringify(onSave),
    );
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/on_save.py');
    const editor = await open(uri);
    const original = editor.document.getText();
    try {
      const ret = editor.document.getText().split('\n').findIndex((l) => l.includes('return os.getcwd()'));
      await editor.edit((b) => b.insert(new vscode.Position(ret, 0), '    import sys\n\n    sys.stdout.flush()\n'));
      await dropHeader(editor);
      await waitForDiagnostics(uri, 'the new in-function-import and the missing header', (d) => ofRule(d, 'in-function-import').length === 1 && ofRule(d, 'missing-license-header').length === 1);
      await vscode.commands.executeCommand('workbench.action.files.save');
      assert.equal(editor.document.isDirty, false);
      const lines = editor.document.getText().split('\n');
      // The header (a safe fix) is back; the import (an unsafe move) stays where it was.
      assert.match(lines[0], /^# Copyright \d{4} Google LLC$/, editor.document.getText());
      assert.ok(lines.includes('    import sys'), editor.document.getText());
      assert.ok(!lines.includes('import sys'), editor.document.getText());
      // What is on disk now has nothing left that a safe fix would change.
      const left = cliFindings('genkit-py', ['packages/genkit/src/genkit/on_save.py']);
      assert.deepEqual(left.filter((f) => f.fix?.safe), []);
      assert.deepEqual(left.map((f) => f.rule), ['in-function-import']);
    } finally {
      await python.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      // Put the fixture back as it was: the save wrote to disk.
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('"Pyguide: Fix All" applies the safe fixes of the active file and moves no import', async function () {
    if (!availableRules().has('in-function-import') || !availableRules().has('missing-license-header')) this.skip();
    const uri = fileIn('genkit-py', 'packages/genkit/src/genkit/lazy.py');
    const editor = await open(uri);
    await waitForDiagnostics(uri, 'the in-function-import', (d) => ofRule(d, 'in-function-import').length === 1);
    await dropHeader(editor);
    await waitForDiagnostics(uri, 'the missing header', (d) => ofRule(d, 'missing-license-header').length === 1);
    assert.equal(await vscode.commands.executeCommand('pyguide.fixAll'), true);
    await waitForDiagnostics(uri, 'the header back, the import left', (d) => ofRule(d, 'missing-license-header').length === 0 && ofRule(d, 'in-function-import').length === 1);
    assert.match(editor.document.lineAt(0).text, /^# Copyright \d{4} Google LLC$/);
    assert.ok(editor.document.getText().split('\n').includes('    import json'), editor.document.getText());
    await revertAndClose();
  });

  it('"Pyguide: Fix All" leaves an unfixable file as it is', async () => {
    const uri = fileIn('second', 'app.py');
    const editor = await open(uri);
    await waitForDiagnostics(uri, 'one bare-noqa', (d) => ofRule(d, 'bare-noqa').length === 1);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('pyguide.fixAll'), true);
    assert.equal(editor.document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
