import * as vscode from 'vscode';
import { planEli5Insertion, type Eli5Row } from './eli5Table';

/** Asks for concept/explanation pairs until a concept is left empty; undefined when cancelled. */
async function askRows(): Promise<Eli5Row[] | undefined> {
  const rows: Eli5Row[] = [];
  for (;;) {
    const concept = await vscode.window.showInputBox({
      title: `ELI5 Concepts Table: concept ${rows.length + 1}`,
      prompt: rows.length ? 'Next concept (leave empty and press Enter to insert the table)' : 'A concept, e.g. "Span"',
      placeHolder: rows.length ? 'Enter on an empty line inserts the table' : 'Concept',
      ignoreFocusOut: true,
    });
    if (concept === undefined) return undefined;
    if (concept.trim() === '') return rows;
    const explanation = await vscode.window.showInputBox({
      title: `ELI5 Concepts Table: ${concept.trim()}`,
      prompt: `Explain "${concept.trim()}" like to a five-year-old, with an everyday analogy`,
      placeHolder: 'e.g. A "timer" that records how long something took. Like a stopwatch for one task.',
      ignoreFocusOut: true,
    });
    if (explanation === undefined) return undefined;
    rows.push({ concept: concept.trim(), explanation: explanation.trim() });
  }
}

/**
 * "Pyguide: Insert ELI5 Concepts Table": asks for the rows (or takes them as the argument, for
 * keybindings and scripts) and inserts the aligned table at the cursor.
 */
export async function insertEli5Table(rows?: Eli5Row[]): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a Python file and put the cursor inside a docstring to insert an ELI5 concepts table.');
    return false;
  }
  const chosen = Array.isArray(rows) ? rows : await askRows();
  if (!chosen || chosen.length === 0) return false;
  const doc = editor.document;
  const lines = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i).text);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const plan = planEli5Insertion(lines, editor.selection.active.line, chosen, eol);
  const range = new vscode.Range(plan.line, plan.startCharacter, plan.line, plan.endCharacter);
  return editor.edit((b) => b.replace(range, plan.text));
}
