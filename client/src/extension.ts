// The VS Code client: starts pyguide's language server over IPC and adds what LSP does not carry
// by itself: commands, progress for Check Workspace, status, crash handling, the ELI5 table.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector } from '../../server/src/engine/fileKinds';
import { ADD_ELI5_ROW_COMMAND, SERVER_COMMANDS, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import { checkWorkspace, type CheckWorkspaceOptions } from './checkWorkspace';
import { createConfiguration } from './createConfiguration';
import { testRulePattern } from './testPattern';
import { CrashPolicy } from './crashPolicy';
import { Eli5Commands } from './eli5Command';
import { PyguideStatus } from './status';
import { TableRealign } from './tableRealign';
import { TraceChannel } from './traceChannel';
import { withOtherCheckersDiagnostics } from './peerDiagnostics';

// Every file kind's documents (server/src/engine/fileKinds.ts): Python, pyproject.toml, shell scripts.
const DOCUMENT_SELECTOR = documentSelector();

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('pyguide', { log: true });
  const trace = new TraceChannel('pyguide Trace', () => vscode.workspace.getConfiguration('pyguide').get<string>('trace.server'));
  const status = new PyguideStatus(DOCUMENT_SELECTOR);
  const crashes = new CrashPolicy();
  context.subscriptions.push(output, trace, status);
  output.info(`pyguide ${String(context.extension.packageJSON.version)} in ${vscode.env.appName} ${vscode.version}, starting the language server`);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // Once a Check Workspace completed, a restarted server sweeps again, so its results survive a restart.
  let swept = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: () => ({ checkWorkspace: swept }),
    outputChannel: output,
    traceOutputChannel: trace,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: {
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () => {
        const decision = crashes.crashed();
        output.warn(`pyguide server stopped unexpectedly${decision.restart ? '; restarting it' : ''}.`);
        if (!decision.restart) {
          status.setServerState('crashed');
          void offer(
            `The pyguide server crashed ${decision.notify.crashes} times in ${decision.notify.minutes} minutes and was not restarted again. The details are in the pyguide output.`,
            'error',
          );
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (decision.notify) {
          void offer(
            `The pyguide server crashed ${decision.notify.crashes} times in the last ${decision.notify.minutes} minutes; it was restarted each time. The details are in the pyguide output.`,
            'warning',
          );
        }
        return { action: CloseAction.Restart, handled: true };
      },
    },
    middleware: {
      window: {
        // "Show documentation": the rule pages ship in the extension and open as a Markdown preview.
        showDocument: async (params, token, next) => {
          const uri = vscode.Uri.parse(params.uri);
          const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
          if (uri.scheme === 'file' && uri.path.startsWith(`${docs.path}/`) && uri.path.endsWith('.md')) {
            await vscode.commands.executeCommand('markdown.showPreview', uri);
            return { success: true };
          }
          return next(params, token);
        },
      },
      provideCodeActions: (document, range, ctx, token, next) =>
        next(document, range, withOtherCheckersDiagnostics(ctx, vscode.languages.getDiagnostics(document.uri)), token),
    },
  };

  async function offer(message: string, level: 'warning' | 'error'): Promise<void> {
    const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const choice = await show(message, 'Show Output', 'Restart Server');
    if (choice === 'Show Output') output.show();
    else if (choice === 'Restart Server') await vscode.commands.executeCommand('pyguide.restartServer');
  }

  const lc = new LanguageClient('pyguide', 'pyguide', serverOptions, clientOptions);
  const eli5 = new Eli5Commands(async () => {
    await ensureRunning(lc);
    return lc;
  });
  client = lc;
  context.subscriptions.push(
    lc.onDidChangeState(({ newState }) => {
      if (newState === State.Running) status.setServerState('running');
      else if (newState === State.Starting) status.setServerState('starting');
      else status.setServerState('stopped');
    }),
    lc.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.linted(params)),
    vscode.commands.registerCommand('pyguide.checkWorkspace', async (options?: CheckWorkspaceOptions) => {
      await ensureRunning(lc);
      const result = await checkWorkspace(lc, options);
      if (result && !result.cancelled) swept = true;
      return result;
    }),
    vscode.commands.registerCommand('pyguide.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !vscode.languages.match(DOCUMENT_SELECTOR, editor.document)) {
        void vscode.window.showInformationMessage('Pyguide: Fix All works on the active Python file, pyproject.toml or shell script.');
        return false;
      }
      await ensureRunning(lc);
      const { document } = editor;
      const applied = await lc.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_COMMANDS.fixAll,
        arguments: [document.uri.toString(), document.version],
      });
      if (applied === false) void vscode.window.showWarningMessage('Pyguide: the file changed while fixes were computed; run Fix All again.');
      return applied;
    }),
    vscode.commands.registerCommand('pyguide.createConfiguration', async (preset?: string, uri?: string) => {
      await ensureRunning(lc);
      return createConfiguration(lc, preset, uri);
    }),
    vscode.commands.registerCommand('pyguide.insertEli5Table', (arg) => eli5.insert(arg)),
    vscode.commands.registerCommand(ADD_ELI5_ROW_COMMAND, (arg) => eli5.addRow(arg)),
    new TableRealign(() => lc),
    vscode.commands.registerCommand('pyguide.restartServer', async () => {
      crashes.reset();
      output.info('Restarting the pyguide server on request.');
      if (lc.isRunning()) await lc.restart();
      else await lc.start();
    }),
    vscode.commands.registerCommand('pyguide.showOutput', () => output.show()),
    vscode.commands.registerCommand('pyguide.testRulePattern', async (pattern?: string) => {
      await ensureRunning(lc);
      return testRulePattern(lc, pattern);
    }),
  );
  // A server that cannot start leaves the commands in place: Restart Server can try again.
  await lc.start().catch((e: unknown) => {
    output.error(`pyguide server did not start: ${(e as Error)?.stack ?? e}`);
    status.setServerState('stopped');
  });
}

async function ensureRunning(lc: LanguageClient): Promise<void> {
  if (lc.state === State.Stopped) await lc.start();
}

export async function deactivate(): Promise<void> {
  // stop() sends shutdown and exit and waits for the server to go; a crash handler is not consulted.
  await client?.stop();
  client = undefined;
}
