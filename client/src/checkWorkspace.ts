import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type SweepResult } from '../../server/src/lsp/protocol';

export interface CheckWorkspaceOptions {
  /** Lets a caller (a task, another extension, a test) cancel the sweep besides the notification's button. */
  token?: vscode.CancellationToken;
  /** Skip the summary message at the end. */
  quiet?: boolean;
}

/**
 * "Pyguide: Check Workspace": asks the server to sweep every folder with a work-done token, shows
 * its progress (files counted) in a cancellable notification and forwards cancellation to it.
 * Resolves to the server's result, `cancelled: true` when it was cancelled.
 */
export async function checkWorkspace(client: LanguageClient, options: CheckWorkspaceOptions = {}): Promise<SweepResult | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Pyguide: Check Workspace', cancellable: true },
    async (progress, notificationToken) => {
      const cancel = new vscode.CancellationTokenSource();
      const links = [notificationToken.onCancellationRequested(() => cancel.cancel())];
      if (options.token) links.push(options.token.onCancellationRequested(() => cancel.cancel()));
      if (options.token?.isCancellationRequested) cancel.cancel();
      const workDoneToken = randomUUID();
      // vscode's increments add up; the server sends absolute percentages.
      let reported = 0;
      links.push(
        client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
          const increment = percentage === undefined ? undefined : Math.max(0, percentage - reported);
          if (percentage !== undefined) reported = Math.max(reported, percentage);
          progress.report({ message, increment });
        }),
      );
      try {
        const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.checkWorkspace, arguments: [], workDoneToken }, cancel.token)) as
          | SweepResult
          | null
          | undefined;
        const outcome: SweepResult = result ?? { files: 0, findings: 0, cancelled: cancel.token.isCancellationRequested };
        if (!options.quiet) void summarize(outcome);
        return outcome;
      } finally {
        links.forEach((l) => l.dispose());
        cancel.dispose();
      }
    },
  );
}

async function summarize(result: SweepResult): Promise<void> {
  if (result.cancelled) {
    vscode.window.setStatusBarMessage('Pyguide: Check Workspace cancelled; the Problems panel keeps the last complete check.', 5000);
    return;
  }
  const findings = `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
  const choice = await vscode.window.showInformationMessage(`Pyguide checked ${result.files} file${result.files === 1 ? '' : 's'}: ${findings}.`, 'Show Problems');
  if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
