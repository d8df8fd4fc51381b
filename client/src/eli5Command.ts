// "Pyguide: Insert ELI5 Concepts Table" and "Add ELI5 row…": the client asks for the concepts;
// the server says whether the place can take a table, where it goes and what it looks like (the
// same formatter as misaligned-box-table's fix, at the project's width).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type Eli5EditResult, type Eli5Row } from '../../server/src/lsp/protocol';

/** What the command takes from keybindings, scripts and the missing-eli5-docs action. */
export interface InsertArgs {
  /** The file to insert into (its editor is shown); default: the active editor. */
  file?: string;
  /** Default: the cursor. */
  position?: { line: number; character: number };
  place?: 'cursor' | 'after-summary';
  rows?: Eli5Row[];
}

async function askRow(title: string, first: boolean): Promise<Eli5Row | undefined | null> {
  const concept = await vscode.window.showInputBox({
    title,
    prompt: first ? 'A concept, e.g. "Span"' : 'Next concept (leave empty and press Enter to insert the table)',
    placeHolder: first ? 'Concept' : 'Enter on an empty line inserts the table',
    ignoreFocusOut: true,
  });
  if (concept === undefined) return undefined;
  if (concept.trim() === '') return null;
  const explanation = await vscode.window.showInputBox({
    title: `${title}: ${concept.trim()}`,
    prompt: `Explain "${concept.trim()}" like to a five-year-old, with an everyday analogy`,
    placeHolder: 'e.g. A "timer" that records how long something took. Like a stopwatch for one task.',
    ignoreFocusOut: true,
  });
  if (explanation === undefined) return undefined;
  return { concept: concept.trim(), explanation: explanation.trim() };
}

/** Concept/explanation pairs until a concept is left empty; undefined when cancelled. */
async function askRows(): Promise<Eli5Row[] | undefined> {
  const rows: Eli5Row[] = [];
  for (;;) {
    const row = await askRow(`ELI5 Concepts Table: concept ${rows.length + 1}`, rows.length === 0);
    if (row === undefined) return undefined;
    if (row === null) return rows;
    rows.push(row);
  }
}

async function editorFor(file: string | undefined): Promise<vscode.TextEditor | undefined> {
  if (!file) return vscode.window.activeTextEditor;
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file);
  return open ?? vscode.window.showTextDocument(vscode.Uri.file(file));
}

export class Eli5Commands {
  constructor(private readonly client: () => Promise<LanguageClient>) {}

  private async ask(command: string, args: object): Promise<Eli5EditResult> {
    const lc = await this.client();
    return lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
  }

  /** Applies the server's edit if the document is still the version it was computed for. */
  private async apply(editor: vscode.TextEditor, version: number, result: Eli5EditResult): Promise<boolean> {
    if (!result.ok) {
      void vscode.window.showInformationMessage(`Pyguide: ${result.message}`);
      return false;
    }
    if (!result.edit) return true;
    if (editor.document.version !== version) {
      void vscode.window.showWarningMessage('Pyguide: the file changed meanwhile; run the command again.');
      return false;
    }
    const { start, end } = result.edit.range;
    return editor.edit((b) => b.replace(new vscode.Range(start.line, start.character, end.line, end.character), result.edit!.newText));
  }

  async insert(arg?: Eli5Row[] | InsertArgs): Promise<boolean> {
    const args: InsertArgs = Array.isArray(arg) ? { rows: arg } : (arg ?? {});
    const editor = await editorFor(args.file);
    if (!editor || editor.document.languageId !== 'python') {
      void vscode.window.showInformationMessage('Open a Python file and put the cursor inside a docstring to insert an ELI5 concepts table.');
      return false;
    }
    const { document } = editor;
    const where = { uri: document.uri.toString(), position: args.position ?? editor.selection.active, place: args.place ?? 'cursor' };
    // Say where it cannot go before asking for any concept.
    const check = await this.ask(SERVER_COMMANDS.insertEli5Table, { ...where, version: document.version });
    if (!check.ok) return this.apply(editor, document.version, check);
    const rows = Array.isArray(args.rows) ? args.rows : await askRows();
    if (!rows || rows.length === 0) return false;
    const version = document.version;
    return this.apply(editor, version, await this.ask(SERVER_COMMANDS.insertEli5Table, { ...where, version, rows }));
  }

  async addRow(arg?: { uri?: string; position?: { line: number; character: number }; row?: Eli5Row }): Promise<boolean> {
    const editor = arg?.uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === arg.uri) : vscode.window.activeTextEditor;
    if (!editor) return false;
    const { document } = editor;
    const where = { uri: document.uri.toString(), position: arg?.position ?? editor.selection.active };
    const check = await this.ask(SERVER_COMMANDS.addEli5Row, { ...where, version: document.version });
    if (!check.ok) return this.apply(editor, document.version, check);
    const row = arg?.row ?? (await askRow('Add ELI5 row', true));
    if (!row) return false;
    const version = document.version;
    return this.apply(editor, version, await this.ask(SERVER_COMMANDS.addEli5Row, { ...where, version, row }));
  }
}
