// `npm run bench`: pyguide side by side with Ruff's WASM build (@astral-sh/ruff-wasm-nodejs) in one
// run, on the same generated Genkit-shaped text and workspace. Prints a table; `--json` prints one
// JSON object instead. PYGUIDE_BENCH_TREE=<dir> adds a sweep of a real tree (e.g. Genkit's `py/`).
// Never run as a test: it takes about a minute and its numbers depend on the machine.
// `--team` runs only the keystroke row with ten team rules (beside the same keystrokes without them).
// `--pyproject` runs only the pyproject.toml edit after Check Workspace (and the .py keystroke after it).
// `--memory` runs only the server's memory after 10,000 keystrokes in the 50,000-line file.
// `--keys` runs only the keystroke rows (`--sizes 5000,20000` picks the file sizes);
// PYGUIDE_BENCH_NODE_ARGS passes Node options to the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`);
// PYGUIDE_BENCH_SERVER runs another server bundle (an older build, to compare side by side).
// Each keystroke row is typed with two seeds, each in a fresh server, pooled.
// Each keystroke row has two floor rows beside it: scripts/bench-floor-server.mjs, a bare
// vscode-languageserver server that answers each change at once with the diagnostics pyguide
// published for the file, timed the same way (what the connection alone costs), and
// scripts/bench-parse-floor-server.mjs, the same plus tree-sitter's incremental parse of each
// change through pyguide's own open documents (what any keystroke costs before a rule runs).
// Both sides are warmed up until steady before anything is timed: Ruff's WASM is checked for at
// least WARM_MS first (V8 compiles its hot functions on background threads meanwhile, which would
// otherwise compete with the server for the cores), then each server gets at least WARM_MS of
// untimed keystrokes.
// The server's own lint times come from its `pyguide/lintTimes` request (initializationOptions.lintTimes).
// `--scale` runs only the CLI at monorepo scale instead (scripts/bench-cli.mjs: cold, warm cache,
// one file changed, on generated trees up to 1.7M lines, beside Ruff WASM; about half an hour).
// `--large` runs only the CLI on single very large files (scripts/bench-large.mjs: a one-line list
// and a module up to 9.8 MB, wall time and peak RSS; about two minutes).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { genModule, genWorkspace, prng } from './genkit-shapes.mjs';
import { TEAM_RULES } from './team-rules.mjs';
import { cliScale, scaleTable } from './bench-cli.mjs';
import { largeFiles, largeTable } from './bench-large.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const json = process.argv.includes('--json');
const work = join(root, '.bench');
const log = (msg) => {
  if (!json) process.stderr.write(`${msg}\n`);
};

// Ruff's rules that overlap pyguide's: in-function-import, bare-type-ignore, bare-noqa,
// missing-license-header, class-name, function-name.
const RUFF_RULES = ['PLC0415', 'PGH003', 'PGH004', 'CPY001', 'N801', 'N802'];
const RUFF_SETTINGS = JSON.stringify({ lint: { select: RUFF_RULES } });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Bundles `source` (esbuild options: `entryPoints` or `stdin`) from the TypeScript sources into
 * .bench/<name>, with the WASM files beside it where the engine looks for them.
 */
async function bundleForBench(name, source) {
  const out = join(work, name);
  await build({
    ...source,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
    define: { PYGUIDE_VERSION: '"bench"' },
  });
  for (const wasm of ['web-tree-sitter.wasm', 'tree-sitter-python.wasm']) writeFileSync(join(work, wasm), readFileSync(join(root, 'dist', wasm)));
  return out;
}

/** The engine's pieces the bench drives in-process, bundled from the TypeScript sources. */
async function loadEngine() {
  const stdin = { contents: `export { scanFiles } from './server/src/workspace/scan';`, resolveDir: root, loader: 'ts' };
  return require(await bundleForBench('engine.cjs', { stdin }));
}

function ruffWorkspace() {
  const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');
  return new Workspace(JSON.parse(RUFF_SETTINGS), PositionEncoding.Utf16);
}

/** The floor's server: it only echoes the diagnostics it was given. */
const FLOOR_SERVER = join(root, 'scripts', 'bench-floor-server.mjs');

let parseFloorBuilt;
/** The parse floor's server, bundled once from scripts/bench-parse-floor-server.mjs (it imports the TypeScript sources). */
function parseFloorServer() {
  parseFloorBuilt ??= bundleForBench('parse-floor-server.cjs', { entryPoints: [join(root, 'scripts', 'bench-parse-floor-server.mjs')] });
  return parseFloorBuilt;
}

/**
 * How long each side is warmed up before anything is timed. V8 runs WASM as baseline code first
 * and recompiles its hot functions on background threads: until that settles, Ruff's check of a
 * 1,000-line file took 1.6 ms instead of 1.05, and those threads took the 2 cores from the server
 * (a median keystroke of 6 ms instead of 1.1 over the first 130).
 */
const WARM_MS = 1500;

/** Ruff's checks of `text` for at least WARM_MS, then a pause for V8's background compiles to finish. */
async function warmRuff(ruff, text) {
  const until = performance.now() + WARM_MS;
  for (let i = 0; i < 20 || performance.now() < until; i++) ruff.check(text);
  await new Promise((res) => setTimeout(res, 300));
}

/**
 * A minimal LSP client over stdio for the server bundle (or `server`, e.g. the floor's, with
 * `initializationOptions`).
 */
async function startServer(folder, settings, { server, initializationOptions = {} } = {}) {
  const rpc = require('vscode-languageserver-protocol/node');
  const started = performance.now();
  const nodeArgs = server ? [] : (process.env.PYGUIDE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, server ?? process.env.PYGUIDE_BENCH_SERVER ?? join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
  conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  // Servers older than `pyguide/lintTimes` sent their lint time in a status notification after every lint.
  const lintMs = [];
  conn.onNotification('pyguide/status', (p) => lintMs.push(p.lintMs));
  conn.listen();
  const uri = pathToFileURL(folder).toString();
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    initializationOptions,
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  const diagnostics = (docUri, version) =>
    new Promise((resolve) => waiters.push((p) => p.uri === docUri && (version === undefined || p.version === version) && (resolve(p), true)));
  const stop = async () => {
    await conn.sendRequest(rpc.ShutdownRequest.type);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await conn.sendNotification(rpc.ExitNotification.type);
    // The server exits on `exit` (a --cpu-prof profile is written then); kill it only if it lingers.
    if (child.exitCode === null) await Promise.race([exited, new Promise((res) => setTimeout(res, 5000))]);
    conn.dispose();
    child.kill();
  };
  /** The server's own time of each lint since the last call, by document version (free of the connection's share). */
  const lintTimes = async () => {
    try {
      return new Map((await conn.sendRequest('pyguide/lintTimes')).map((t) => [t.version, t.ms]));
    } catch {
      return undefined;
    }
  };
  return { rpc, conn, child, started, diagnostics, stop, lintMs, lintTimes };
}

/** Python's keywords: a letter typed into one of them is a syntax error, not an identifier edit. */
const KEYWORDS = new Set('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(' '));

/**
 * The next keystroke as a person types, at a seeded random place of the current text: 70 % a letter
 * typed inside an identifier, 30 % Enter at the end of a line (with that line's indentation, as an
 * editor inserts it). Returns the LSP change.
 */
function nextKeystroke(r, doc) {
  const lines = doc.lineCount;
  for (;;) {
    const line = r.int(0, lines - 1);
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    if (r.next() < 0.7) {
      const words = [...text.matchAll(/[A-Za-z_][A-Za-z_0-9]{2,}/g)].filter((w) => !KEYWORDS.has(w[0]));
      if (words.length === 0) continue;
      const w = r.pick(words);
      const at = { line, character: w.index + r.int(1, w[0].length - 1) };
      return { range: { start: at, end: at }, text: r.pick(['e', 's', 'x', 'a', 'n']) };
    }
    if (text.trim() === '') continue;
    const at = { line, character: text.length };
    return { range: { start: at, end: at }, text: `\n${/^\s*/.exec(text)[0]}` };
  }
}

/** A syntax-breaking edit and its undo: an opening bracket at a line end, then gone again. */
function breakingPair(r, doc) {
  for (;;) {
    const line = r.int(0, doc.lineCount - 1);
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    if (text.trim() === '') continue;
    const at = { line, character: text.length };
    return [
      { range: { start: at, end: at }, text: '(' },
      { range: { start: at, end: { line, character: text.length + 1 } }, text: '' },
    ];
  }
}

/**
 * Keystrokes over a real stdio connection (on-type delay 0), each timed from `didChange` to the
 * `publishDiagnostics` of its version; beside each, Ruff WASM's check of the same text. Both sides
 * are warmed up alike (the same number of untimed rounds) before anything is timed.
 */
async function keystrokes(folder, file, text, { count, warmup = 20, breaking = 20, seed, server: serverPath, initializationOptions = { lintTimes: true } }) {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const ruff = ruffWorkspace();
  if (count > 0) await warmRuff(ruff, text);
  const server = await startServer(folder, { onTypeDelay: 0 }, { server: serverPath, initializationOptions });
  const { rpc, conn, diagnostics } = server;
  const uri = pathToFileURL(file).toString();
  let doc = TextDocument.create(uri, 'python', 1, text);
  const first = diagnostics(uri, 1);
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
  const firstDiagnostics = (await first).diagnostics;
  const firstFindings = firstDiagnostics.length;
  const startup = performance.now() - server.started;
  const rssAfterOpen = residentMb(server.child.pid);
  const r = prng(seed);
  const send = async (change) => {
    doc = TextDocument.update(doc, [change], doc.version + 1);
    const t = performance.now();
    const published = diagnostics(uri, doc.version);
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    await published;
    return performance.now() - t;
  };
  const ruffCheck = () => {
    const current = doc.getText();
    const t = performance.now();
    ruff.check(current);
    return performance.now() - t;
  };
  const ours = [];
  const theirs = [];
  const timedVersions = [];
  const statusLint = [];
  // Untimed keystrokes: `warmup` of them and at least WARM_MS worth (none when nothing is timed).
  const warmUntil = count > 0 ? performance.now() + WARM_MS : 0;
  for (let i = 0; i < warmup || performance.now() < warmUntil; i++) {
    await send(nextKeystroke(r, doc));
    ruffCheck();
  }
  const cpuBefore = cpuMs(server.child.pid);
  for (let i = 0; i < count; i++) {
    const ms = await send(nextKeystroke(r, doc));
    const ruffMs = ruffCheck();
    ours.push(ms);
    theirs.push(ruffMs);
    timedVersions.push(doc.version);
    statusLint.push(server.lintMs.at(-1));
  }
  const cpuAfter = cpuMs(server.child.pid);
  const cpuPerKey = cpuBefore === undefined || cpuAfter === undefined || count === 0 ? undefined : (cpuAfter - cpuBefore) / count;
  const times = serverPath ? undefined : await server.lintTimes();
  const lint = times ? timedVersions.map((v) => times.get(v)) : statusLint;
  const broken = [];
  const brokenRuff = [];
  for (let i = 0; i < breaking; i++) {
    for (const change of breakingPair(r, doc)) {
      broken.push(await send(change));
      brokenRuff.push(ruffCheck());
    }
  }
  return { server, startup, rssAfterOpen, firstFindings, firstDiagnostics, cpuPerKey, ours, theirs, lint, broken, brokenRuff, send, next: () => nextKeystroke(r, doc) };
}

/** Server memory: RSS right after opening the file, and after 10,000 keystrokes in it. */
async function memoryAfterTyping(folder, file, text, keys) {
  // No lint times kept: 10,000 of them would be memory of the bench's making.
  const k = await keystrokes(folder, file, text, { count: 0, warmup: 0, breaking: 0, seed: 99, initializationOptions: {} });
  for (let i = 0; i < keys; i++) await k.send(k.next());
  // Let the server settle (timers, a reconcile) before reading its memory.
  await new Promise((res) => setTimeout(res, 1000));
  const after = residentMb(k.server.child.pid);
  await k.server.stop();
  return { open: k.rssAfterOpen, after };
}

/**
 * A pyproject.toml edit after Check Workspace: the core package's version changes in the editor;
 * timed until every plugin's version-sync finding is published. Then a .py keystroke right after
 * such an edit, against one after the same pause without it.
 */
async function pyprojectAfterSweep(dir) {
  const server = await startServer(dir, { onTypeDelay: 0 });
  const { rpc, conn } = server;
  const published = new Map();
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    published.set(p.uri, p);
    for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
  });
  const until = (test) => new Promise((res) => waiters.push(() => test() && (res(), true)));
  await conn.sendRequest(rpc.ExecuteCommandRequest.type, { command: 'pyguide.server.checkWorkspace', arguments: [] });
  const corePath = join(dir, 'packages', 'genkit', 'pyproject.toml');
  const core = readFileSync(corePath, 'utf8');
  const coreUri = pathToFileURL(corePath).toString();
  const plugins = [...published.keys()].filter((u) => /\/plugins\/[^/]+\/pyproject\.toml$/.test(u));
  const py = [...published.keys()].find((u) => /\/packages\/genkit\/src\/.*\.py$/.test(u));
  const pyText = readFileSync(new URL(py), 'utf8');
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: coreUri, languageId: 'toml', version: 1, text: core } });
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: py, languageId: 'python', version: 1, text: pyText } });
  await until(() => published.get(py)?.version === 1 && published.get(coreUri)?.version === 1);
  const r = prng(5);
  let pyDoc = require('vscode-languageserver-textdocument').TextDocument.create(py, 'python', 1, pyText);
  const pyKey = async () => {
    const change = nextKeystroke(r, pyDoc);
    pyDoc = require('vscode-languageserver-textdocument').TextDocument.update(pyDoc, [change], pyDoc.version + 1);
    const t = performance.now();
    const v = pyDoc.version;
    const done = until(() => published.get(py)?.version === v);
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: py, version: v }, contentChanges: [change] });
    await done;
    return performance.now() - t;
  };
  // Eight edits measured too little (a run's median moved by a millisecond): 40 of each, after 20 untimed keystrokes.
  for (let i = 0; i < 20; i++) await pyKey();
  const plain = [];
  const sync = [];
  const after = [];
  let version = 1;
  const at = core.indexOf('version = "') + 'version = "'.length;
  const line = core.slice(0, at).split('\n').length - 1;
  const character = at - core.lastIndexOf('\n', at - 1) - 1;
  // Rounds with a pyproject.toml edit and rounds without one, taking turns: a .py keystroke after a
  // pause costs more than one typed right after another, so the keystrokes "without" come after
  // the same pause as those right after an edit (the length of the latest edit's round).
  let round = 0;
  for (let i = 0; i < 80; i++) {
    if (i % 2 === 1) {
      const t = performance.now();
      plain.push(await pyKey());
      await new Promise((res) => setTimeout(res, Math.max(0, round - (performance.now() - t))));
      continue;
    }
    const synced = (uri) => JSON.stringify(published.get(uri)?.diagnostics ?? []).includes('version-sync');
    const want = sync.length % 2 === 0;
    const t = performance.now();
    version++;
    const done = until(() => plugins.every((u) => synced(u) === want));
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: coreUri, version },
      contentChanges: [want ? { range: { start: { line, character }, end: { line, character } }, text: '9' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }],
    });
    // A .py keystroke right after the pyproject edit, while its dependants are being checked.
    after.push(await pyKey());
    await done;
    round = performance.now() - t;
    sync.push(round);
  }
  await server.stop();
  return { sync, plugins: plugins.length, plain, after };
}

/** Check Workspace in the server, then its resident memory. */
async function serverSweep(folder) {
  const server = await startServer(folder, {});
  const t = performance.now();
  const result = await server.conn.sendRequest(server.rpc.ExecuteCommandRequest.type, { command: 'pyguide.server.checkWorkspace', arguments: [] });
  const ms = performance.now() - t;
  const rss = residentMb(server.child.pid);
  await server.stop();
  return { ms, rss, files: result.files };
}

/**
 * CPU time a process has used (user + system, ms; 10 ms ticks), from /proc on Linux, else
 * undefined. Less at the mercy of a loaded machine than latency: what a keystroke costs the server.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime, the 14th and 15th fields of the line (11th and 12th after the command).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function residentMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

/** Wall time of a command, in ms, with what it printed on stdout. */
function timed(args, env = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve({ ms: performance.now() - t, out }) : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`))));
  });
}

// The Ruff side of the sweep, as a CLI would run it: one process, read each file, check it.
const RUFF_SWEEP = `
const { Workspace, PositionEncoding } = require(${JSON.stringify(require.resolve('@astral-sh/ruff-wasm-nodejs'))});
const { readFileSync } = require('node:fs');
const files = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const ws = new Workspace(${RUFF_SETTINGS}, PositionEncoding.Utf16);
let findings = 0;
for (const f of files) findings += ws.check(readFileSync(f, 'utf8')).length;
process.stdout.write(JSON.stringify({ findings, rss: process.memoryUsage().rss / 1048576 }));
`;

/** pyguide's CLI and a Ruff WASM process over the same tree, alternating runs; medians. */
async function sweep(engine, dir, runs = 3) {
  const cli = join(root, 'bin', 'pyguide.js');
  const list = join(work, 'sweep-files.json');
  // The Python files pyguide walks to (Ruff has no pyproject.toml rules to run).
  const py = (await engine.scanFiles(dir)).filter((f) => f.endsWith('.py') || f.endsWith('.pyi'));
  writeFileSync(list, JSON.stringify(py));
  const ours = [];
  const theirs = [];
  let findings = 0;
  let ruffFindings = 0;
  let ruffRss = 0;
  for (let i = 0; i < runs; i++) {
    // Each run cold: a cached re-run is measured by the scale rows (bench-cli.mjs).
    const a = await timed([cli, 'check', dir, '--exit-zero', '--format', 'json', '--no-cache']);
    ours.push(a.ms);
    findings = JSON.parse(a.out).length;
    const b = await timed(['-e', RUFF_SWEEP, list]);
    theirs.push(b.ms);
    ({ findings: ruffFindings, rss: ruffRss } = JSON.parse(b.out));
  }
  const lines = py.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length - 1, 0);
  return { ms: median(ours), ruffMs: median(theirs), files: py.length, lines, findings, ruffFindings, ruffRss };
}

/**
 * A fresh process that loads Ruff and checks one file: Ruff's start-up to its first result, timed
 * from the spawn to the moment the process reports the result (not to its exit), as pyguide's
 * start-up is timed from the spawn to its first publishDiagnostics.
 */
async function ruffStartup(file) {
  const script = `const { Workspace, PositionEncoding } = require(${JSON.stringify(require.resolve('@astral-sh/ruff-wasm-nodejs'))});
const n = new Workspace(${RUFF_SETTINGS}, PositionEncoding.Utf16).check(require('node:fs').readFileSync(process.argv[1], 'utf8')).length;
process.stdout.write('checked ' + n + '\\n');`;
  const times = [];
  for (let i = 0; i < 3; i++) {
    times.push(
      await new Promise((resolve, reject) => {
        const t = performance.now();
        const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.once('data', () => resolve(performance.now() - t));
        child.on('error', reject);
      }),
    );
  }
  return median(times);
}

/** A folder configured with the ten team rules, holding the text at the same relative path. */
function teamFolder(inputs, text) {
  const dir = join(inputs, 'team');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'pyproject.toml'), `[project]\nname = "bench"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n${TEAM_RULES}`);
  const file = join(dir, 'src', 'genkit_module_5000.py');
  writeFileSync(file, text);
  return { dir, file };
}

/** Keystrokes in the 5,000-line file without and with the ten team rules, in one run, beside Ruff. */
async function teamRulesTyping(single, plainFile, inputs, text, count) {
  const team = teamFolder(inputs, text);
  // The machine's load drifts: plain, team, team, plain, each half the keystrokes, pooled.
  const plain = { ours: [], lint: [] };
  const withTeam = { ours: [], theirs: [], lint: [], findings: 0 };
  for (const [i, folder] of [single, team.dir, team.dir, single].entries()) {
    const file = folder === single ? plainFile : team.file;
    const k = await keystrokes(folder, file, text, { count: Math.ceil(count / 2), seed: 5000 + i });
    await k.server.stop();
    if (folder === single) {
      plain.ours.push(...k.ours);
      plain.lint.push(...k.lint);
    } else {
      withTeam.ours.push(...k.ours);
      withTeam.lint.push(...k.lint);
      withTeam.theirs.push(...k.theirs);
      withTeam.findings = k.firstFindings;
    }
  }
  return {
    teamFindingsOnOpen: withTeam.findings,
    medianMs: round(median(withTeam.ours)),
    p95Ms: round(percentile(withTeam.ours, 95)),
    ruffMedianMs: round(median(withTeam.theirs)),
    medianRatio: round(median(withTeam.ours) / median(withTeam.theirs)),
    plainMedianMs: round(median(plain.ours)),
    overPlain: round(median(withTeam.ours) / median(plain.ours)),
    lintMedianMs: round(median(withTeam.lint)),
    plainLintMedianMs: round(median(plain.lint)),
  };
}

function teamRow(t) {
  return [`keystroke, 5,000 lines, ten team rules (${t.teamFindingsOnOpen} diagnostics): median`, `${t.medianMs} ms (p95 ${t.p95Ms})`, `${t.ruffMedianMs} ms`, `${t.medianRatio}x (${t.overPlain}x of ${t.plainMedianMs} ms without; server lint ${t.lintMedianMs} vs ${t.plainLintMedianMs} ms)`, '<= 0.5x', t.medianRatio <= 0.5];
}

/**
 * Keystrokes typed by `seeds.length` people, each in a fresh server with half of `count` (one
 * seed's typing can change what every later keystroke costs: at 5,000 lines seed 5000 renames the
 * module's logger early on, which takes 53 findings out of every publish), pooled.
 */
async function typedBySeeds(folder, file, text, count, seeds, options = {}) {
  const runs = [];
  for (const seed of seeds) {
    const k = await keystrokes(folder, file, text, { ...options, count: Math.ceil(count / seeds.length), breaking: Math.ceil((options.breaking ?? 20) / seeds.length), seed });
    await k.server.stop();
    runs.push(k);
  }
  const all = (key) => runs.flatMap((k) => k[key]);
  const cpu = runs.map((k) => k.cpuPerKey);
  return {
    ...runs[0],
    ours: all('ours'),
    theirs: all('theirs'),
    lint: all('lint'),
    broken: all('broken'),
    brokenRuff: all('brokenRuff'),
    cpuPerKey: cpu.includes(undefined) ? undefined : cpu.reduce((a, b) => a + b, 0) / cpu.length,
  };
}

/**
 * One file size's keystroke rows: pyguide over stdio beside Ruff's check of the same text, then
 * the floor (the same keystrokes to a server that only echoes pyguide's first diagnostics), again
 * beside Ruff. Two seeds, each typed in a fresh server.
 */
async function typingRow(folder, file, text, n, keys = KEYS[n]) {
  const seeds = [n, n + 1];
  log(`keystrokes over stdio, ${n} lines, beside Ruff's check of the same text…`);
  const k = await typedBySeeds(folder, file, text, keys, seeds);
  log(`the same keystrokes to a server that only echoes the diagnostics (the floor), ${n} lines…`);
  const f = await typedBySeeds(folder, file, text, keys, seeds, { breaking: 0, server: FLOOR_SERVER, initializationOptions: { diagnostics: k.firstDiagnostics } });
  log(`the same keystrokes to that server also parsing each change with tree-sitter (the parse floor), ${n} lines…`);
  const pf = await typedBySeeds(folder, file, text, keys, seeds, { breaking: 0, server: await parseFloorServer(), initializationOptions: { diagnostics: k.firstDiagnostics } });
  return {
    startup: k.startup,
    row: {
      diagnostics: k.firstFindings,
      ...timings(k),
      lintMedianMs: round(median(k.lint)),
      breakingMedianMs: round(median(k.broken)),
      breakingP95Ms: round(percentile(k.broken, 95)),
      breakingRuffMedianMs: round(median(k.brokenRuff)),
      floor: {
        ...timings(f),
        // What a median of 0.5x Ruff's (Ruff's median in pyguide's own segment) leaves above the floor.
        headroomMs: round(median(k.theirs) / 2 - median(f.ours)),
        overFloorMs: round(median(k.ours) - median(f.ours)),
      },
      parseFloor: { ...timings(pf), overFloorMs: round(median(k.ours) - median(pf.ours)) },
    },
  };
}

/** A keystroke run's medians and p95s beside Ruff's, and the server's CPU per keystroke. */
function timings(k) {
  return {
    medianMs: round(median(k.ours)),
    p95Ms: round(percentile(k.ours, 95)),
    ruffMedianMs: round(median(k.theirs)),
    ruffP95Ms: round(percentile(k.theirs, 95)),
    medianRatio: round(median(k.ours) / median(k.theirs)),
    p95Ratio: round(percentile(k.ours, 95) / percentile(k.theirs, 95)),
    serverCpuMsPerKey: k.cpuPerKey === undefined ? undefined : round(k.cpuPerKey, 3),
  };
}

function floorRow(t) {
  const f = t.floor;
  return [
    `  floor: a server that only echoes the diagnostics: median / p95`,
    `${f.medianMs} / ${f.p95Ms} ms`,
    `${f.ruffMedianMs} / ${f.ruffP95Ms} ms`,
    `${f.medianRatio}x / ${f.p95Ratio}x (pyguide ${t.floor.overFloorMs} ms above it; 0.5x Ruff leaves ${f.headroomMs} ms)`,
    '',
    undefined,
  ];
}

function parseFloorRow(t) {
  const f = t.parseFloor;
  return [
    `  parse floor: the same plus tree-sitter's incremental parse, no rules`,
    `${f.medianMs} / ${f.p95Ms} ms`,
    `${f.ruffMedianMs} / ${f.ruffP95Ms} ms`,
    `${f.medianRatio}x / ${f.p95Ratio}x (pyguide ${f.overFloorMs} ms above it)`,
    '',
    undefined,
  ];
}

// PYGUIDE_BENCH_QUICK=1: a smoke run of the bench itself (two sizes, few keystrokes); its numbers mean little.
const QUICK = process.env.PYGUIDE_BENCH_QUICK === '1';
const SIZES = QUICK ? [1000, 5000] : [1000, 5000, 20_000, 50_000];
/** Timed keystrokes per file size: enough for a stable p95, few enough that Ruff's 50k-line checks stay bearable. */
const KEYS = QUICK ? { 1000: 40, 5000: 40 } : { 1000: 400, 5000: 400, 20_000: 300, 50_000: 200 };
const MEMORY_KEYS = QUICK ? 300 : 10_000;

// Inputs live outside the repository: its .gitignore (which lists .bench/) would hide them from a walk.
const INPUTS = join(tmpdir(), 'pyguide-bench');

/** The folder of the one-file rows; `[tool.pyguide]` names the preset that runs every rule. */
function singleFolder() {
  const single = join(INPUTS, 'single');
  mkdirSync(join(single, 'src'), { recursive: true });
  writeFileSync(join(single, 'pyproject.toml'), '[project]\nname = "bench"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n');
  return single;
}

/** The generated Genkit-shaped module of `n` lines, written into the one-file folder. */
function benchModule(single, n) {
  const text = genModule(20_250 + n, n);
  const file = join(single, 'src', `genkit_module_${n}.py`);
  writeFileSync(file, text);
  return { file, text };
}

/** The 400-file workspace of the sweep and pyproject.toml rows. */
function benchWorkspace() {
  const dir = join(INPUTS, 'workspace');
  genWorkspace(dir, { files: 400, lines: 100_000, seed: 1 });
  return dir;
}

function memoryRow(memory) {
  return { openMb: round(memory.open, 1), afterMb: round(memory.after, 1), keystrokes: MEMORY_KEYS, ratio: round(memory.after / memory.open) };
}

function pyprojectRow(pp) {
  return {
    syncMedianMs: round(median(pp.sync)),
    syncMaxMs: round(Math.max(...pp.sync)),
    plugins: pp.plugins,
    pyKeyMedianMs: round(median(pp.plain)),
    pyKeyAfterPyprojectMedianMs: round(median(pp.after)),
  };
}

const loadLine = () => `Load average ${loadavg().map((l) => round(l)).join(' ')} (${cpus().length} cores).`;

async function main() {
  mkdirSync(work, { recursive: true });
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadBefore: loadavg().map((l) => round(l)) };
  log(`pyguide bench on ${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${machine.loadBefore.join(' ')}`);
  log('building the engine and generating the inputs…');
  const engine = await loadEngine();
  const single = singleFolder();
  const modules = new Map([...SIZES, 50_000].map((n) => [n, benchModule(single, n)]));
  const wsDir = benchWorkspace();

  const typing = {};
  let startup;
  for (const n of SIZES) {
    const k = await typingRow(single, modules.get(n).file, modules.get(n).text, n);
    if (n === 5000) startup = k.startup;
    typing[n] = k.row;
  }
  log('keystrokes in the 5,000-line file with ten team rules, beside the same without them…');
  const team = await teamRulesTyping(single, modules.get(5000).file, INPUTS, modules.get(5000).text, KEYS[5000]);
  const ruffStart = await ruffStartup(modules.get(5000).file);
  log(`server memory: ${MEMORY_KEYS} keystrokes in the 50,000-line file…`);
  const memory = await memoryAfterTyping(single, modules.get(SIZES.at(-1)).file, modules.get(SIZES.at(-1)).text, MEMORY_KEYS);
  log('a pyproject.toml edit after Check Workspace (400 files)…');
  const pp = await pyprojectAfterSweep(wsDir);
  log('CLI sweep of the generated workspace against Ruff…');
  const s = await sweep(engine, wsDir);
  log('Check Workspace in the server, then its memory…');
  const m = await serverSweep(wsDir);
  let tree;
  if (process.env.PYGUIDE_BENCH_TREE) {
    log(`CLI sweep of ${process.env.PYGUIDE_BENCH_TREE} against Ruff…`);
    tree = await sweep(engine, process.env.PYGUIDE_BENCH_TREE);
  }
  machine.loadAfter = loadavg().map((l) => round(l));

  const result = {
    machine,
    typing,
    teamRules: team,
    memory: memoryRow(memory),
    pyproject: pyprojectRow(pp),
    sweepMs: round(s.ms, 0),
    ruffSweepMs: round(s.ruffMs, 0),
    sweepRatio: round(s.ms / s.ruffMs),
    sweepFiles: s.files,
    sweepLines: s.lines,
    serverSweepMs: round(m.ms, 0),
    rssMb: round(m.rss, 1),
    ruffRssMb: round(s.ruffRss, 1),
    startupMs: round(startup, 0),
    ruffStartupMs: round(ruffStart, 0),
    findings: { sweep: { pyguide: s.findings, ruff: s.ruffFindings } },
    ...(tree && { treeSweepMs: round(tree.ms, 0), treeRuffSweepMs: round(tree.ruffMs, 0), treeSweepRatio: round(tree.ms / tree.ruffMs), treeFiles: tree.files, treeLines: tree.lines }),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const k = (n) => `${n.toLocaleString('en')} lines`;
  const rows = [
    ...SIZES.flatMap((n) => {
      const t = typing[n];
      return [
        [`keystroke -> publishDiagnostics, ${k(n)}: median`, `${t.medianMs} ms`, `${t.ruffMedianMs} ms`, `${t.medianRatio}x`, '<= 0.5x', t.medianRatio <= 0.5],
        [`  same: p95`, `${t.p95Ms} ms`, `${t.ruffP95Ms} ms`, `${t.p95Ratio}x`, '<= 1.0x', t.p95Ratio <= 1.0],
        [`  syntax-breaking edit ( and its undo: median / p95`, `${t.breakingMedianMs} / ${t.breakingP95Ms} ms`, `${t.breakingRuffMedianMs} ms`, `${round(t.breakingMedianMs / t.breakingRuffMedianMs)}x`, '', undefined],
        floorRow(t),
        parseFloorRow(t),
      ];
    }),
    teamRow(team),
    [`server RSS after ${MEMORY_KEYS.toLocaleString('en')} keystrokes, ${k(SIZES.at(-1))}`, `${result.memory.afterMb} MB`, '', `${result.memory.ratio}x of ${result.memory.openMb} MB after open`, '<= 1.5x', result.memory.ratio <= 1.5],
    [`pyproject.toml edit after Check Workspace -> ${pp.plugins} plugins' version-sync`, `${result.pyproject.syncMedianMs} ms (max ${result.pyproject.syncMaxMs})`, '', '', '<= 300 ms', result.pyproject.syncMaxMs <= 300],
    ['  a .py keystroke right after it: median', `${result.pyproject.pyKeyAfterPyprojectMedianMs} ms`, '', `${result.pyproject.pyKeyMedianMs} ms without (same pause)`, '', undefined],
    ['start-up to first diagnostics (5,000 lines)', `${result.startupMs} ms`, `${result.ruffStartupMs} ms`, `${round(result.startupMs / result.ruffStartupMs)}x`, 'faster', result.startupMs < result.ruffStartupMs],
    [`CLI sweep, ${s.files} files / ${s.lines} lines`, `${result.sweepMs} ms`, `${result.ruffSweepMs} ms`, `${result.sweepRatio}x`, '<= 0.5x', result.sweepRatio <= 0.5],
    ...(tree ? [[`CLI sweep, PYGUIDE_BENCH_TREE (${tree.files} files / ${tree.lines} lines)`, `${result.treeSweepMs} ms`, `${result.treeRuffSweepMs} ms`, `${result.treeSweepRatio}x`, '<= 0.5x', result.treeSweepRatio <= 0.5]] : []),
    ['server RSS after Check Workspace', `${result.rssMb} MB`, `${result.ruffRssMb} MB (sweep process)`, '', '', undefined],
  ];
  const head = ['', 'pyguide', 'Ruff WASM 0.17.3', 'ratio', 'target', ''];
  const table = [head, ...rows.map(([a, b, c, d, e, ok]) => [a, b, c, d, e, ok === undefined ? '' : ok ? 'ok' : 'MISSED'])];
  const widths = head.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${[line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n')}\n`);
  process.stdout.write(`\nLoad average before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')} (${machine.cpus} cores). Server Check Workspace ${result.serverSweepMs} ms for ${m.files} files.\n`);
}

/** `--team`: only the team-rules row (with the plain 5,000-line keystrokes it is compared with). */
async function teamOnly() {
  await loadEngine();
  const single = singleFolder();
  const { file, text } = benchModule(single, 5000);
  const t = await teamRulesTyping(single, file, INPUTS, text, QUICK ? 40 : KEYS[5000]);
  process.stdout.write(json ? `${JSON.stringify(t, null, 2)}\n` : `${teamRow(t).join(' | ')}\n${loadLine()}\n`);
}

/** `--pyproject`: only the pyproject.toml edit after Check Workspace on the 400-file workspace. */
async function pyprojectOnly() {
  await loadEngine();
  const row = pyprojectRow(await pyprojectAfterSweep(benchWorkspace()));
  process.stdout.write(json ? `${JSON.stringify(row, null, 2)}\n` : `pyproject.toml edit -> ${row.plugins} plugins' version-sync: ${row.syncMedianMs} ms (max ${row.syncMaxMs}); a .py keystroke right after it: ${row.pyKeyAfterPyprojectMedianMs} ms (${row.pyKeyMedianMs} ms without)\n${loadLine()}\n`);
}

/** `--memory`: only the server's RSS after opening the 50,000-line file and after typing in it. */
async function memoryOnly() {
  const single = singleFolder();
  const n = SIZES.at(-1);
  const { file, text } = benchModule(single, n);
  const row = memoryRow(await memoryAfterTyping(single, file, text, MEMORY_KEYS));
  process.stdout.write(json ? `${JSON.stringify(row, null, 2)}\n` : `server RSS after ${MEMORY_KEYS} keystrokes in ${n} lines: ${row.afterMb} MB, ${row.ratio}x of ${row.openMb} MB after open\n${loadLine()}\n`);
}

/** `--keys`: only the keystroke rows (`--sizes 1000,5000` to choose the file sizes). */
async function keysOnly() {
  const at = process.argv.indexOf('--sizes');
  const sizes = at > 0 ? process.argv[at + 1].split(',').map(Number) : SIZES;
  const single = singleFolder();
  const loadBefore = loadavg().map((l) => round(l));
  const rows = {};
  for (const n of sizes) {
    const { file, text } = benchModule(single, n);
    rows[n] = (await typingRow(single, file, text, n, KEYS[n] ?? 200)).row;
  }
  const loadAfter = loadavg().map((l) => round(l));
  if (json) {
    process.stdout.write(`${JSON.stringify({ loadBefore, loadAfter, typing: rows }, null, 2)}\n`);
    return;
  }
  for (const [n, t] of Object.entries(rows)) {
    process.stdout.write(
      `${Number(n).toLocaleString('en')} lines (${t.diagnostics} diagnostics): median ${t.medianMs} ms vs Ruff ${t.ruffMedianMs} ms = ${t.medianRatio}x; p95 ${t.p95Ms} vs ${t.ruffP95Ms} ms = ${t.p95Ratio}x; server lint median ${t.lintMedianMs} ms, server CPU ${t.serverCpuMsPerKey} ms per keystroke; ( and undo median ${t.breakingMedianMs} ms vs Ruff ${t.breakingRuffMedianMs} ms\n` +
        `  floor (a server that only echoes the diagnostics): median ${t.floor.medianMs} ms vs Ruff ${t.floor.ruffMedianMs} ms = ${t.floor.medianRatio}x; p95 ${t.floor.p95Ms} vs ${t.floor.ruffP95Ms} ms = ${t.floor.p95Ratio}x; pyguide is ${t.floor.overFloorMs} ms above it, 0.5x Ruff leaves ${t.floor.headroomMs} ms above it; server CPU ${t.floor.serverCpuMsPerKey} ms per keystroke\n` +
        `  parse floor (the same plus tree-sitter's incremental parse, no rules): median ${t.parseFloor.medianMs} ms vs Ruff ${t.parseFloor.ruffMedianMs} ms = ${t.parseFloor.medianRatio}x; p95 ${t.parseFloor.p95Ms} vs ${t.parseFloor.ruffP95Ms} ms = ${t.parseFloor.p95Ratio}x; pyguide is ${t.parseFloor.overFloorMs} ms above it; server CPU ${t.parseFloor.serverCpuMsPerKey} ms per keystroke\n`,
    );
  }
  process.stdout.write(`Load average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} (${cpus().length} cores).\n`);
}

// `--scale`: only the CLI at monorepo scale (cold, warm cache, one file changed, beside Ruff WASM).
if (process.argv.includes('--scale')) {
  const rows = await cliScale({ log, tree: process.env.PYGUIDE_BENCH_TREE });
  process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${scaleTable(rows)}\n`);
} else if (process.argv.includes('--large')) {
  const result = await largeFiles({ log });
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${largeTable(result)}\n`);
} else if (process.argv.includes('--team')) await teamOnly();
else if (process.argv.includes('--pyproject')) await pyprojectOnly();
else if (process.argv.includes('--keys')) await keysOnly();
else if (process.argv.includes('--memory')) await memoryOnly();
else await main();
