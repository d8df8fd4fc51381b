// End-to-end tests in a real VS Code.
//
//   node scripts/e2e/run.mjs [all|suite|ui]
//
// PYGUIDE_E2E selects how VS Code is had:
//   code-server (default) code-server 4.100.3 (VS Code 1.100.3) from npm, provisioned into .e2e/
//                         with Debian's Chromium; runs the mocha suite in the extension host, then
//                         the UI pass with the packaged .vsix installed. Works without internet.
//   electron              @vscode/test-electron downloads VS Code (PYGUIDE_E2E_VSCODE, default
//                         stable) and runs the same mocha suite. Needs internet and a display.
//   off                   skip (says so).
// PYGUIDE_E2E_CACHE: where code-server goes (default .e2e/). PYGUIDE_E2E_GREP: run matching tests only.
// PYGUIDE_E2E_DOCS_IMAGES=1: copy the UI pass's screenshots that docs/editor.md shows into docs/images/.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerVersion, startCodeServer } from './codeServer.mjs';
import { runSuite, runUi } from './drive.mjs';
import { CODE_SERVER_VERSION, provision } from './provision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const route = process.env.PYGUIDE_E2E || 'code-server';
const what = process.argv[2] ?? 'all';
const cacheDir = process.env.PYGUIDE_E2E_CACHE || join(root, '.e2e');
const started = Date.now();
const timings = [];
/** Suite tests plus the UI pass as one, for the closing line. */
const results = { passed: 0, failed: 0 };

const log = (...a) => console.log('[e2e]', ...a);

async function phase(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    const s = (Date.now() - t) / 1000;
    timings.push(`${name} ${s.toFixed(1)}s`);
    log(`${name}: ${s.toFixed(1)}s`);
  }
}

/** Bundles the tests, the mocha suite for the extension host among them (out/e2e/). */
function buildSuite() {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the tests failed');
  return join(root, 'out', 'e2e', 'index.js');
}

/** `npm run package`, then checks that the .vsix holds exactly what `vsce ls` lists (the allow-list the unit tests pin). */
function packageVsix() {
  const vsix = join(root, 'pyguide.vsix');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  const listed = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => `extension/${/^(README|CHANGELOG)\.md$/.test(f) ? f.toLowerCase() : f === 'LICENSE' ? 'LICENSE.txt' : f}`);
  const inVsix = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
  const expected = ['extension.vsixmanifest', '[Content_Types].xml', ...listed].sort();
  if (JSON.stringify(inVsix.sort()) !== JSON.stringify(expected)) {
    throw new Error(`pyguide.vsix holds ${JSON.stringify(inVsix)}, expected ${JSON.stringify(expected)}`);
  }
  log(`pyguide.vsix: ${inVsix.length} entries, as listed`);
  return vsix;
}

/**
 * A fresh copy of the fixture workspaces in a short temporary path (VS Code puts sockets near it):
 * `ws` holds the e2e folders and the .code-workspace, `sample` the Genkit-shaped sample beside it.
 */
function freshWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'pge-'));
  cpSync(join(root, 'test-fixtures', 'e2e'), join(dir, 'fx', 'e2e'), { recursive: true });
  cpSync(join(root, 'test-fixtures', 'workspaces'), join(dir, 'fx', 'workspaces'), { recursive: true });
  return { dir, ws: join(dir, 'fx', 'e2e'), sample: join(dir, 'fx', 'workspaces', 'genkit-py') };
}

function availableRules() {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'pyguide.js'), 'check', '--format', 'sarif', '--exit-zero', join(root, 'test-fixtures', 'e2e', 'second', 'pyproject.toml')], { encoding: 'utf8' });
  return new Set(JSON.parse(r.stdout).runs[0].tool.driver.rules.map((rule) => rule.id));
}

/** The UI pass's screenshots (named `NN-<step>.png`) that docs/editor.md shows, by step. */
const DOCS_IMAGES = {
  'squiggle-hover': 'squiggle-hover.png',
  'language-status': 'language-status.png',
  'quick-fix-menu': 'quick-fix.png',
  'check-workspace-progress': 'check-workspace-progress.png',
  'eli5-table': 'eli5-table.png',
  'sample-check-workspace': 'check-workspace.png',
};

function updateDocsImages(from) {
  const shots = readdirSync(from);
  for (const [step, name] of Object.entries(DOCS_IMAGES)) {
    const shot = shots.find((f) => f.replace(/^\d+-/, '') === `${step}.png`);
    if (!shot) throw new Error(`no ${step} screenshot in ${from}`);
    copyFileSync(join(from, shot), join(root, 'docs', 'images', name));
  }
  log(`docs/images updated from ${from}`);
}

async function electron(testsPath) {
  const { runTests } = await import('@vscode/test-electron');
  const { dir, ws } = freshWorkspace();
  try {
    await phase('suite (@vscode/test-electron)', () =>
      runTests({
        version: process.env.PYGUIDE_E2E_VSCODE || 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: testsPath,
        launchArgs: [join(ws, 'pyguide-e2e.code-workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function codeServer(testsPath, vsix) {
  const bin = await phase('provision (apt packages, code-server)', () => provision(cacheDir));
  const version = codeServerVersion(bin, join(cacheDir, 'version'));
  log(`VS Code ${version.vscode} (code-server ${version.codeServer}; pinned ${CODE_SERVER_VERSION}), extension host on Node ${process.versions.node}`);
  // Logs and screenshots belong to this checkout: a cache shared by several checkouts (PYGUIDE_E2E_CACHE)
  // would have one run delete another's while it writes them.
  const artifacts = join(root, '.e2e', 'artifacts');
  rmSync(artifacts, { recursive: true, force: true });
  let failed = false;

  if (what === 'all' || what === 'suite') {
    const { dir, ws } = freshWorkspace();
    const server = await startCodeServer({ bin, dir: join(dir, 'cs') });
    try {
      const suite = await phase('suite (extension host, source build)', () =>
        runSuite({ port: server.port, outDir: join(artifacts, 'suite'), workspace: join(ws, 'pyguide-e2e.code-workspace'), extensionPath: root, testsPath }),
      );
      results.passed += suite.passed;
      results.failed += suite.failed;
      if (suite.exitCode !== 0) {
        failed = true;
        results.failed = Math.max(results.failed, 1);
        log(`suite failed (exit ${suite.exitCode}); logs in ${join(artifacts, 'suite')} and ${join(dir, 'cs')}`);
      }
    } finally {
      await server.stop();
      if (!failed) rmSync(dir, { recursive: true, force: true });
    }
  }

  if (what === 'all' || what === 'ui') {
    const { dir, ws, sample } = freshWorkspace();
    // Workspace trust on and nothing trusted: the UI pass runs in Restricted Mode.
    const server = await startCodeServer({
      bin,
      dir: join(dir, 'cs'),
      vsix,
      trust: true,
      settings: {
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
        // Restricted Mode frames every non-ASCII character by default, box-drawing ones included.
        'editor.unicodeHighlight.nonBasicASCII': false,
        'workbench.colorTheme': 'Default Dark Modern',
      },
    });
    try {
      await phase('ui pass (installed .vsix, browser)', () =>
        runUi({
          port: server.port,
          outDir: join(artifacts, 'ui'),
          folder: join(ws, 'genkit-py'),
          sample,
          expected: readFileSync(join(root, 'test-fixtures', 'workspaces', 'genkit-py.expected'), 'utf8'),
          rules: availableRules(),
          log: (m) => log(`ui: ${m}`),
        }),
      );
      results.passed += 1;
      log(`screenshots in ${join(artifacts, 'ui')}`);
      if (process.env.PYGUIDE_E2E_DOCS_IMAGES) updateDocsImages(join(artifacts, 'ui'));
    } catch (e) {
      failed = true;
      results.failed += 1;
      log(`ui pass failed: ${e.message}`);
      log(`logs and failure.png in ${join(artifacts, 'ui')} and ${join(dir, 'cs')}`);
    } finally {
      await server.stop();
      if (!failed) rmSync(dir, { recursive: true, force: true });
    }
  }
  return !failed;
}

async function main() {
  if (route === 'off') {
    log('PYGUIDE_E2E=off: end-to-end tests skipped');
    return 0;
  }
  if (!['code-server', 'electron'].includes(route)) throw new Error(`PYGUIDE_E2E must be code-server, electron or off, not ${route}`);
  mkdirSync(cacheDir, { recursive: true });
  const testsPath = await phase('build e2e suite', buildSuite);
  // Packaging also builds dist/, which the suite loads as the extension under development.
  const vsix = await phase('package .vsix', packageVsix);
  let ok = true;
  if (route === 'electron') await electron(testsPath);
  else ok = await codeServer(testsPath, vsix);
  log(`${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s (${timings.join(', ')})`);
  if (route === 'code-server') console.log(`e2e: ${results.passed} passed, ${results.failed} failed`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[e2e] ${e.stack ?? e}`);
    process.exit(1);
  },
);
