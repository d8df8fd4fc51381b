// ELI5 docstrings: the snippet and the table command insert the guidelines' layout.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { fileIn, open, revertAndClose, waitFor } from './helpers';

/** Whether Python itself parses the text (python3 is a Debian package on every machine the tests run on). */
function pythonParses(text: string): boolean {
  try {
    execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: text, stdio: ['pipe', 'ignore', 'pipe'] });
    return true;
  } catch {
    return false;
  }
}

/** Opens docs.py with the cursor on the blank, indented line inside traced()'s docstring. */
async function cursorInDocstring(): Promise<{ editor: vscode.TextEditor; line: number }> {
  const editor = await open(fileIn('genkit-py', 'packages/genkit/src/genkit/docs.py'));
  const lines = editor.document.getText().split('\n');
  const line = lines.findIndex((l, i) => i > 0 && lines[i - 1] === '' && l === '    ' && lines[i + 1]?.trim() === '"""');
  assert.ok(line > 0, 'docs.py has the blank docstring line');
  const pos = new vscode.Position(line, 4);
  editor.selection = new vscode.Selection(pos, pos);
  return { editor, line };
}

describe('ELI5 docstrings', () => {
  afterEach(revertAndClose);

  it('the "ELI5 Key Concepts table" snippet inserts the guidelines\' table at the docstring\'s indentation', async () => {
    const { editor, line } = await cursorInDocstring();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'python', name: 'ELI5 Key Concepts table' });
    const lines = editor.document.getText().split('\n').slice(line, line + 12);
    // VS Code indents every line of a multi-line snippet like the cursor's line, blank ones included.
    assert.deepEqual(lines, [
      '    Key Concepts (ELI5)::',
      '    ',
      '        ┌─────────────────────┬────────────────────────────────────────────────┐',
      '        │ Concept             │ ELI5 Explanation                               │',
      '        ├─────────────────────┼────────────────────────────────────────────────┤',
      '        │ Span                │ A "timer" that records how long something      │',
      '        │                     │ took. Like a stopwatch for one task.           │',
      '        ├─────────────────────┼────────────────────────────────────────────────┤',
      '        │ Trace               │ A collection of spans showing a request\'s      │',
      '        │                     │ journey. Like breadcrumbs through your code.   │',
      '        └─────────────────────┴────────────────────────────────────────────────┘',
      '    ',
    ]);
  });

  it('the "Data Flow diagram" snippet inserts the guidelines\' diagram', async () => {
    const { editor, line } = await cursorInDocstring();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'python', name: 'Data Flow diagram' });
    const lines = editor.document.getText().split('\n').slice(line, line + 7);
    assert.deepEqual(lines, [
      '    Data Flow::',
      '    ',
      '        User Request',
      '             │',
      '             ▼',
      '        ┌─────────┐     ┌─────────┐     ┌─────────┐',
      '        │ Flow A  │ ──▶ │ Model   │ ──▶ │ Tool    │',
    ]);
  });

  it('"Pyguide: Insert ELI5 Concepts Table" inserts an aligned, wrapped table at the cursor', async () => {
    const { editor, line } = await cursorInDocstring();
    const rows = [
      { concept: 'Flow', explanation: 'A recipe of steps the app runs, one after another. Like a cooking recipe card you follow from top to bottom.' },
      { concept: 'Retrieval-Augmented Generation', explanation: 'Looks things up first, then answers. Like an open-book exam.' },
    ];
    assert.equal(await vscode.commands.executeCommand('pyguide.insertEli5Table', rows), true);
    const lines = editor.document.getText().split('\n').slice(line, line + 12);
    assert.deepEqual(lines, [
      '    Key Concepts (ELI5)::',
      '',
      '        ┌────────────────────────────────┬─────────────────────────────────────┐',
      '        │ Concept                        │ ELI5 Explanation                    │',
      '        ├────────────────────────────────┼─────────────────────────────────────┤',
      '        │ Flow                           │ A recipe of steps the app runs, one │',
      '        │                                │ after another. Like a cooking       │',
      '        │                                │ recipe card you follow from top to  │',
      '        │                                │ bottom.                             │',
      '        ├────────────────────────────────┼─────────────────────────────────────┤',
      '        │ Retrieval-Augmented Generation │ Looks things up first, then         │',
      '        │                                │ answers. Like an open-book exam.    │',
    ]);
    assert.equal(editor.document.lineAt(line + 12).text, '        └────────────────────────────────┴─────────────────────────────────────┘');
    assert.equal(editor.document.lineAt(line + 13).text.trim(), '"""');
  });

  it('the snippet stays aligned: a concept of a new length is typed, and at the last tab stop the table is re-aligned', async () => {
    const { editor, line } = await cursorInDocstring();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'python', name: 'ELI5 Key Concepts table' });
    // The first placeholder ("Span") is selected: type over it, as a person would.
    await vscode.commands.executeCommand('type', { text: 'Context Propagation' });
    assert.equal(editor.document.lineAt(line + 5).text, '        │ Context Propagation                │ A "timer" that records how long something      │');
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.selection.active.line, line + 11, 'the last tab stop is below the table');
    const table = await waitFor('the table re-aligned', () => {
      const lines = editor.document.getText().split('\n').slice(line + 2, line + 11);
      return lines[3].endsWith('something      │') && lines[3].length === lines[0].length ? lines : undefined;
    });
    assert.deepEqual(table, [
      '        ┌─────────────────────┬────────────────────────────────────────────────┐',
      '        │ Concept             │ ELI5 Explanation                               │',
      '        ├─────────────────────┼────────────────────────────────────────────────┤',
      '        │ Context Propagation │ A "timer" that records how long something      │',
      '        │                     │ took. Like a stopwatch for one task.           │',
      '        ├─────────────────────┼────────────────────────────────────────────────┤',
      '        │ Trace               │ A collection of spans showing a request\'s      │',
      '        │                     │ journey. Like breadcrumbs through your code.   │',
      '        └─────────────────────┴────────────────────────────────────────────────┘',
    ]);
  });

  it('"Pyguide: Insert ELI5 Concepts Table" at the end of a one-line docstring keeps the file parseable', async () => {
    const { editor } = await cursorInDocstring();
    const end = editor.document.lineCount;
    await editor.edit((b) => b.insert(new vscode.Position(end, 0), '\n\ndef one() -> None:\n    """One line."""\n    return None\n'));
    const doc = editor.document;
    const oneLine = doc.getText().split('\n').findIndex((l) => l === '    """One line."""');
    const after = new vscode.Position(oneLine, doc.lineAt(oneLine).text.length);
    editor.selection = new vscode.Selection(after, after);
    assert.equal(await vscode.commands.executeCommand('pyguide.insertEli5Table', [{ concept: 'One', explanation: 'The only line.' }]), true);
    const lines = doc.getText().split('\n').slice(oneLine, oneLine + 12);
    assert.deepEqual(lines, [
      '    """One line.',
      '',
      '    Key Concepts (ELI5)::',
      '',
      '        ┌─────────────────────┬────────────────────────────────────────────────┐',
      '        │ Concept             │ ELI5 Explanation                               │',
      '        ├─────────────────────┼────────────────────────────────────────────────┤',
      '        │ One                 │ The only line.                                 │',
      '        └─────────────────────┴────────────────────────────────────────────────┘',
      '    """',
      '    return None',
      '',
    ]);
    assert.ok(pythonParses(doc.getText()), 'the file no longer parses');
  });

  it('the command outside a docstring says so and changes nothing', async () => {
    const { editor } = await cursorInDocstring();
    const code = editor.document.getText().split('\n').findIndex((l) => l.startsWith('def traced'));
    editor.selection = new vscode.Selection(code, 4, code, 4);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('pyguide.insertEli5Table', [{ concept: 'X', explanation: 'Y' }]), false);
    assert.equal(editor.document.getText(), before);
  });

  it('offers "Add ELI5 row…" in a table; the row goes in at the table\'s width, the table stays aligned', async () => {
    const editor = await open(fileIn('genkit-py', 'plugins/foo/src/genkit/plugins/foo/__init__.py'));
    const doc = editor.document;
    const row = doc.getText().split('\n').findIndex((l) => l.includes('│ Span'));
    const actions = await waitFor('the Add ELI5 row action', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(row, 8, row, 8));
      return all?.find((a) => a.title === 'Add ELI5 row…');
    });
    assert.equal(actions.command?.command, 'pyguide.addEli5Row');
    const args = { ...(actions.command!.arguments![0] as object), row: { concept: 'Trace', explanation: "A collection of spans showing a request's journey." } };
    assert.equal(await vscode.commands.executeCommand('pyguide.addEli5Row', args), true);
    assert.deepEqual(doc.getText().split('\n').slice(row, row + 5), [
      '    │ Span                │ A "timer" that records how long something      │',
      '    │                     │ took. Like a stopwatch for one task.           │',
      '    ├─────────────────────┼────────────────────────────────────────────────┤',
      '    │ Trace               │ A collection of spans showing a request\'s      │',
      '    │                     │ journey.                                       │',
    ]);
  });

  it('missing-eli5-docs offers "Insert ELI5 concepts table…", which writes the table after the summary and ends the finding', async () => {
    const uri = fileIn('genkit-py', 'samples/hello/src/main.py');
    const editor = await open(uri);
    const diagnostic = await waitFor('the missing-eli5-docs finding', () => vscode.languages.getDiagnostics(uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'missing-eli5-docs'));
    const action = await waitFor('the insert action', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      return all?.find((a) => a.title === 'Insert ELI5 concepts table…');
    });
    assert.equal(action.command?.command, 'pyguide.insertEli5Table');
    // The command would ask for the concepts; give them as a script would.
    const args = { ...(action.command!.arguments![0] as object), rows: [{ concept: 'Flow', explanation: 'A recipe of steps.' }] };
    assert.equal(await vscode.commands.executeCommand('pyguide.insertEli5Table', args), true);
    assert.deepEqual(editor.document.getText().split('\n').slice(4, 14), [
      '"""Hello sample.',
      '',
      'Key Concepts (ELI5)::',
      '',
      '    ┌─────────────────────┬────────────────────────────────────────────────┐',
      '    │ Concept             │ ELI5 Explanation                               │',
      '    ├─────────────────────┼────────────────────────────────────────────────┤',
      '    │ Flow                │ A recipe of steps.                             │',
      '    └─────────────────────┴────────────────────────────────────────────────┘',
      '"""',
    ]);
    assert.ok(pythonParses(editor.document.getText()));
    await waitFor('the finding to go', () => !vscode.languages.getDiagnostics(uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'missing-eli5-docs'));
  });

  it('box-drawing characters are allowed in Python files, so Restricted Mode does not flag them', () => {
    const allowed = vscode.workspace.getConfiguration('editor', { languageId: 'python' }).get<Record<string, boolean>>('unicodeHighlight.allowedCharacters') ?? {};
    for (const ch of '┌┐└┘─│├┤┬┴┼▶▼') assert.equal(allowed[ch], true, ch);
  });
});
