// "Pyguide: Test Rule Pattern": asks for a team-rule pattern (the selection's text is a starting
// point, else the last pattern tried), highlights its matches in the active Python file and lists
// them with what each metavariable matched, so a rule can be written against real code before it
// goes into pyproject.toml.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type TestPatternResult } from '../../server/src/lsp/protocol';

const highlight = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
  border: '1px solid',
  borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
});

let lastPattern = '';

export async function testRulePattern(client: LanguageClient, pattern?: string): Promise<TestPatternResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'python') {
    void vscode.window.showInformationMessage('Pyguide: open a Python file to test a pattern on.');
    return undefined;
  }
  const selected = editor.document.getText(editor.selection).trim();
  const source =
    pattern ??
    (await vscode.window.showInputBox({
      title: 'Pyguide: Test Rule Pattern',
      prompt: 'Python with metavariables: $NAME one node, $$$ARGS any number, $_ any node (see docs/custom-rules.md)',
      value: selected || lastPattern || 'asyncio.run($MAIN)',
    }));
  if (!source) return undefined;
  lastPattern = source;
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_COMMANDS.testPattern,
    arguments: [{ uri: editor.document.uri.toString(), pattern: source }],
  })) as TestPatternResult;
  if (!result.ok) {
    editor.setDecorations(highlight, []);
    const where = result.offset === undefined ? '' : ` (at character ${result.offset + 1}: "${source.slice(result.offset, result.offset + 12)}")`;
    void vscode.window.showErrorMessage(`Pyguide: ${result.message}${where}`);
    return result;
  }
  const range = (m: (typeof result.matches)[number]) => new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
  editor.setDecorations(highlight, result.matches.map(range));
  if (result.matches.length === 0) {
    void vscode.window.showInformationMessage(`Pyguide: no match of ${source} in this file.`);
    return result;
  }
  if (pattern === undefined) {
    const items = result.matches.map((m) => ({
      label: `${m.range.start.line + 1}:${m.range.start.character + 1}  ${m.text}`,
      detail: Object.entries(m.bindings).map(([name, value]) => `$${name} = ${value}`).join('   ') || undefined,
      match: m,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: `Pyguide: ${items.length} match${items.length === 1 ? '' : 'es'} of ${source}`, matchOnDetail: true });
    if (picked) {
      editor.selection = new vscode.Selection(range(picked.match).start, range(picked.match).end);
      editor.revealRange(range(picked.match), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
  return result;
}
