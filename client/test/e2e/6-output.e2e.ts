// The pyguide outputs: the trace channel follows `pyguide.trace.server` alone (vscode-languageclient
// traces only while its channel's level is Trace, which a log channel takes from the global level).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TraceChannel } from '../../src/traceChannel';
import { waitFor } from './helpers';

describe('the pyguide Trace output', () => {
  it('is at Trace level exactly while pyguide.trace.server is messages or verbose, and says when that changes', async () => {
    const config = () => vscode.workspace.getConfiguration('pyguide');
    const channel = new TraceChannel('pyguide Trace (test)', () => config().get<string>('trace.server'));
    const levels: vscode.LogLevel[] = [];
    const listening = channel.onDidChangeLogLevel((l) => levels.push(l));
    try {
      assert.equal(channel.logLevel, vscode.LogLevel.Off);
      await config().update('trace.server', 'messages', vscode.ConfigurationTarget.Global);
      await waitFor('the level change', () => levels.includes(vscode.LogLevel.Trace));
      assert.equal(channel.logLevel, vscode.LogLevel.Trace);
      await config().update('trace.server', 'off', vscode.ConfigurationTarget.Global);
      await waitFor('the level back to off', () => levels.at(-1) === vscode.LogLevel.Off);
      assert.equal(channel.logLevel, vscode.LogLevel.Off);
    } finally {
      await config().update('trace.server', undefined, vscode.ConfigurationTarget.Global);
      listening.dispose();
      channel.dispose();
    }
  });
});
