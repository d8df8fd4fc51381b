// Starts and stops code-server on 127.0.0.1 with an isolated HOME, user-data and extensions
// directory, in its own process group so that stopping it also ends its extension hosts and
// language servers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** User settings for a quiet workbench: the welcome page and tips would steal the keyboard. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment that keeps code-server's state inside `dir`; TMPDIR short, as VS Code puts Unix sockets there. */
export function isolatedEnv(dir) {
  return {
    ...process.env,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'home', '.config'),
    XDG_DATA_HOME: join(dir, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(dir, 'home', '.cache'),
    TMPDIR: join(dir, 'tmp'),
  };
}

export function codeServerVersion(bin, dir) {
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const r = spawnSync(bin, ['--config', join(dir, 'config.yaml'), '--version'], { env: isolatedEnv(dir), encoding: 'utf8' });
  // "4.100.3 409c64e… with Code 1.100.3"
  const line = r.stdout.trim().split('\n').pop() ?? '';
  const m = /^(\S+) \S+ with Code (\S+)/.exec(line);
  return m ? { codeServer: m[1], vscode: m[2] } : { codeServer: 'unknown', vscode: line || 'unknown' };
}

/**
 * Starts code-server. `dir` holds its state and log; `vsix` is installed first when given;
 * `settings` are added to the quiet user settings; `trust` keeps workspace trust on (restricted mode).
 */
export async function startCodeServer({ bin, dir, vsix, settings = {}, trust = false }) {
  for (const d of ['home', 'tmp', 'ud/User', 'exts']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'security.workspace.trust.enabled': trust, ...settings }, null, 2));
  const env = isolatedEnv(dir);
  const common = ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'ud'), '--extensions-dir', join(dir, 'exts')];
  if (vsix) {
    const r = spawnSync(bin, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
    writeFileSync(join(dir, 'install-extension.log'), `${r.stdout}\n${r.stderr}`);
    if (r.status !== 0 || !/was successfully installed/.test(r.stdout)) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const port = await freePort();
  const log = openSync(join(dir, 'code-server.log'), 'a');
  const args = [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened'];
  if (!trust) args.push('--disable-workspace-trust');
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', log, log] });
  const stop = () => stopGroup(child.pid);
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return { port, stop, pid: child.pid };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  await stop();
  throw new Error(`code-server did not come up; see ${join(dir, 'code-server.log')}`);
}

/** Ends a process group started with `detached: true`: TERM, then KILL after 10 s. */
export async function stopGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(); i++) await sleep(100);
  if (alive()) process.kill(-pid, 'SIGKILL');
}
