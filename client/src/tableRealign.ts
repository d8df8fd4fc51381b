// Keeps a box table aligned as it is typed into: once the cursor leaves a table the user edited
// (the ELI5 snippet's last tab stop is below the table), the server's range formatting re-aligns
// that table, and only it. A snippet cannot re-pad its own borders, so this is what keeps
// "type a concept of another length" from breaking the right edge.
import * as vscode from 'vscode';
import { DocumentRangeFormattingRequest, type LanguageClient } from 'vscode-languageclient/node';

const BOX_LINE = /^[ \t]*[┌│├└]/;

/** The run of box lines around `line`, or undefined when `line` is not one. */
function boxRun(document: vscode.TextDocument, line: number): { start: number; end: number } | undefined {
  if (line >= document.lineCount || !BOX_LINE.test(document.lineAt(line).text)) return undefined;
  let start = line;
  let end = line;
  while (start > 0 && BOX_LINE.test(document.lineAt(start - 1).text)) start--;
  while (end + 1 < document.lineCount && BOX_LINE.test(document.lineAt(end + 1).text)) end++;
  return { start, end };
}

export class TableRealign implements vscode.Disposable {
  /** Per document, a line of the table being edited. */
  private readonly edited = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => void this.moved(e.textEditor)),
      vscode.workspace.onDidCloseTextDocument((d) => this.edited.delete(d.uri.toString())),
    ];
  }

  private enabled(document: vscode.TextDocument): boolean {
    return document.languageId === 'python' && vscode.workspace.getConfiguration('pyguide', document.uri).get<boolean>('realignTables', true);
  }

  private changed({ document, contentChanges }: vscode.TextDocumentChangeEvent): void {
    if (contentChanges.length === 0 || !this.enabled(document)) return;
    for (const change of contentChanges) {
      const first = change.range.start.line;
      const last = first + (change.text.match(/\n/g)?.length ?? 0);
      for (let line = first; line <= last && line < document.lineCount; line++) {
        if (BOX_LINE.test(document.lineAt(line).text)) {
          this.edited.set(document.uri.toString(), line);
          return;
        }
      }
    }
  }

  private async moved(editor: vscode.TextEditor): Promise<void> {
    const { document } = editor;
    const key = document.uri.toString();
    const line = this.edited.get(key);
    if (line === undefined) return;
    const run = boxRun(document, line);
    if (!run) {
      this.edited.delete(key);
      return;
    }
    const cursor = editor.selection.active.line;
    if (cursor >= run.start && cursor <= run.end) return;
    this.edited.delete(key);
    await this.realign(editor, run);
  }

  /** Asks pyguide's server (not whichever formatter is the default) to align the table in `run`. */
  async realign(editor: vscode.TextEditor, run: { start: number; end: number }): Promise<boolean> {
    const client = this.client();
    if (!client?.isRunning()) return false;
    const { document } = editor;
    const version = document.version;
    const range = new vscode.Range(run.start, 0, run.end, document.lineAt(run.end).text.length);
    const edits = await client.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: document.uri.toString() },
      range: client.code2ProtocolConverter.asRange(range),
      options: { tabSize: 4, insertSpaces: true },
    });
    if (!edits?.length || document.version !== version) return false;
    const converted = await client.protocol2CodeConverter.asTextEdits(edits);
    return editor.edit((b) => converted?.forEach((e) => b.replace(e.range, e.newText)), { undoStopBefore: true, undoStopAfter: true });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
