// "Pyguide: Create Configuration": the user picks a preset; the server writes a starter
// `[tool.pyguide]` table into the pyproject.toml that configures the active file's workspace; the
// file is saved (the CLI reads it too) and shown.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { PRESETS } from '../../server/src/engine/presets';
import { SERVER_COMMANDS, type CreateConfigurationResult } from '../../server/src/lsp/protocol';

/** `generic` first: a folder pyguide does not check on its own is most often not Genkit's. */
const ORDER = ['generic', 'genkit', 'genkit-plugins'];

export async function createConfiguration(client: LanguageClient, preset?: string, uri?: string): Promise<CreateConfigurationResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  if (!target) {
    void vscode.window.showInformationMessage('Pyguide: open a folder or a Python file first.');
    return undefined;
  }
  let chosen = preset;
  if (!chosen) {
    const items = [...PRESETS].sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id)).map((p) => ({ label: p.id, detail: p.title }));
    chosen = (await vscode.window.showQuickPick(items, { title: 'Pyguide: Create Configuration', placeHolder: 'Which default set should pyguide check this project with?' }))?.label;
    if (!chosen) return undefined;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.createConfiguration, arguments: [target, chosen] })) as CreateConfigurationResult;
  if (result.uri) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    if (result.applied) await doc.save();
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  if (!result.applied) void vscode.window.showInformationMessage(`Pyguide: ${result.message}`);
  return result;
}
