// Provisions a real VS Code for the e2e tests on a machine without access to VS Code's download
// servers: code-server (= the VS Code server and workbench, with a Node extension host on the
// system Node) from the npm registry, Debian's Chromium to drive it, and the build tools its
// native modules need. Everything goes into a cache directory, never into the project's deps.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** code-server 4.100.3 = VS Code 1.100.3, the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep version pinned by that code-server's lib/vscode/npm-shrinkwrap.json. */
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep'];

function timed(label, fn) {
  const started = Date.now();
  const result = fn();
  console.log(`[e2e] ${label}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function missingSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  // The kerberos native module includes <gssapi/gssapi.h>.
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  return missing;
}

function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')}. Install them (sudo apt-get install ${APT_PACKAGES.join(' ')}) or run with PYGUIDE_E2E=electron.`);
  }
  timed('apt-get update', () => run('apt-get', ['update', '-qq']));
  timed(`apt-get install ${APT_PACKAGES.join(' ')}`, () =>
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

/**
 * @vscode/ripgrep downloads its binary from GitHub at install time unless it finds the archive in
 * `$TMPDIR/vscode-ripgrep-cache-<version>/`; Debian's rg, packed the same way, stands in for it.
 */
function seedRipgrepCache(tmp) {
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  if (existsSync(join(cache, RIPGREP_ASSET))) return;
  const bin = join(tmp, 'rgbin');
  mkdirSync(cache, { recursive: true });
  mkdirSync(bin, { recursive: true });
  copyFileSync('/usr/bin/rg', join(bin, 'rg'));
  run('tar', ['czf', join(cache, RIPGREP_ASSET), '-C', bin, 'rg']);
}

export function codeServerBin(cacheDir) {
  return join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
}

async function installCodeServer(cacheDir) {
  const dir = join(cacheDir, 'code-server');
  const marker = join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pyguide-e2e-vscode', private: true }, null, 2));
  const tmp = join(cacheDir, 'tmp');
  seedRipgrepCache(tmp);
  const log = join(cacheDir, 'code-server-install.log');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // code-server's postinstall refuses to run as root without this.
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`, which would otherwise wait for a confirmation.
    npm_config_yes: 'true',
  };
  console.log(`[e2e] installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; a minute or two; log: ${log})`);
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(log);
    const tail = [];
    const keep = (chunk) => {
      out.write(chunk);
      for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line.trim());
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // npm is quiet for long stretches (native builds): say that it is still going, and what it did last.
    const heartbeat = setInterval(() => {
      console.log(`[e2e]   still installing code-server, ${Math.round((Date.now() - started) / 1000)}s: ${(tail.at(-1) ?? 'downloading').slice(0, 100)}`);
    }, 10_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      out.end();
      if (code === 0) resolve();
      else {
        console.error(tail.join('\n'));
        reject(new Error(`installing code-server failed (${code ?? signal}); full log in ${log}`));
      }
    });
  });
  console.log(`[e2e] npm install code-server@${CODE_SERVER_VERSION}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
}

/** Installs whatever is missing and returns the code-server binary. Idempotent and quick when done. */
export async function provision(cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  ensureSystemPackages();
  await installCodeServer(cacheDir);
  return codeServerBin(cacheDir);
}
