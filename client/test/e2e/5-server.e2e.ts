// The language server's life: a crash is followed by a quiet restart; Restart Server works.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { fileIn, ofRule, open, revertAndClose, sleep, waitFor, waitForDiagnostics } from './helpers';

/** The pyguide server processes started by this extension host. */
function serverPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => /dist\/server\.js/.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function stillLints(): Promise<void> {
  const uri = fileIn('second', 'app.py');
  const editor = await open(uri);
  await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'EXTRA = 1  # noqa\n'));
  await waitForDiagnostics(uri, 'a finding from the new server', (d) => ofRule(d, 'bare-noqa').length === 2);
  await revertAndClose();
}

describe('language server lifecycle', () => {
  it('restarts the server after it is killed, and keeps linting', async () => {
    const [pid] = await waitFor('a running pyguide server', () => serverPids().length === 1 && serverPids());
    process.kill(pid, 'SIGKILL');
    const [next] = await waitFor('a new pyguide server', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== pid && pids;
    });
    assert.notEqual(next, pid);
    await stillLints();
  });

  it('"Pyguide: Restart Server" replaces the server process', async () => {
    const [pid] = await waitFor('a running pyguide server', () => serverPids().length === 1 && serverPids());
    await vscode.commands.executeCommand('pyguide.restartServer');
    await waitFor('the old server to exit and a new one to run', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== pid;
    });
    await stillLints();
  });

  it('stops restarting after five crashes in a row, until "Pyguide: Restart Server"', async () => {
    // A restart by hand starts the crash count afresh.
    await vscode.commands.executeCommand('pyguide.restartServer');
    for (let crash = 1; crash <= 5; crash++) {
      // Up and serving, not half-way through starting (a server dying then is not restarted at all).
      await stillLints();
      const [pid] = await waitFor(`a running server before crash ${crash}`, () => serverPids().length === 1 && serverPids());
      process.kill(pid, 'SIGKILL');
      await waitFor(`server ${pid} gone`, () => !serverPids().includes(pid));
    }
    // Give a restart the time it would take: none may come.
    await sleep(2000);
    assert.deepEqual(serverPids(), []);
    await vscode.commands.executeCommand('pyguide.restartServer');
    await waitFor('a server again', () => serverPids().length === 1);
    await stillLints();
  });
});
