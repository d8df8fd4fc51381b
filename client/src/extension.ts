import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'file', pattern: '**/pyproject.toml' },
    ],
  };
  client = new LanguageClient('pyguide', 'pyguide', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('pyguide.checkWorkspace', () => client?.sendRequest('workspace/executeCommand', { command: 'pyguide.server.checkWorkspace', arguments: [] })),
    vscode.commands.registerCommand('pyguide.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('pyguide.showOutput', () => client?.outputChannel.show()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
