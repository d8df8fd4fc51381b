// ELI5 docstrings: the snippet and the table command insert the guidelines' layout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileIn, open, revertAndClose } from './helpers';

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
});
