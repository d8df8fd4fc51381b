// `npm run bench`: pyguide side by side with Ruff's WASM build (@astral-sh/ruff-wasm-nodejs) in one
// run, on the same generated Genkit-shaped text and workspace. Prints a table; `--json` prints one
// JSON object instead. PYGUIDE_BENCH_TREE=<dir> adds a sweep of a real tree (e.g. Genkit's `py/`).
// Never run as a test: it takes about a minute and its numbers depend on the machine.
// `--scale` runs only the CLI at monorepo scale instead (scripts/bench-cli.mjs: cold, warm cache,
// one file changed, on generated trees up to 1.7M lines, beside Ruff WASM; about half an hour).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { genModule, genWorkspace, prng } from './genkit-shapes.mjs';
import { cliScale, scaleTable } from './bench-cli.mjs';

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

/** The engine's pieces the bench drives in-process, bundled from the TypeScript sources. */
async function loadEngine() {
  const out = join(work, 'engine.cjs');
  await build({
    stdin: {
      contents: `
        export { LintSession } from './server/src/engine/session';
        export { OpenDocuments } from './server/src/engine/documents';
        export { IncrementalSyntax } from './server/src/parsing/syntaxFacts';
        export { FactFindings } from './server/src/engine/factFindings';
        export { DiskFiles } from './server/src/workspace/files';
        export { scanFiles } from './server/src/workspace/scan';
        export { TextIndex } from './server/src/engine/textIndex';
      `,
      resolveDir: root,
      loader: 'ts',
    },
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
  return require(out);
}

function ruffWorkspace() {
  const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');
  return new Workspace(JSON.parse(RUFF_SETTINGS), PositionEncoding.Utf16);
}

/**
 * One-character edits as a person makes them, at varied places: a letter typed inside a word
 * (in code, a comment or a string), then deleted again, so the file stays what it was.
 */
function typingEdits(text, count, seed) {
  const r = prng(seed);
  const lines = text.split('\n');
  const edits = [];
  while (edits.length < count) {
    const line = r.int(0, lines.length - 1);
    const words = [...lines[line].matchAll(/[A-Za-z_][A-Za-z_0-9]{2,}/g)];
    if (words.length === 0) continue;
    const w = r.pick(words);
    const character = w.index + r.int(1, w[0].length - 1);
    const at = { line, character };
    edits.push({ range: { start: at, end: at }, text: r.pick(['e', 's', 'x', '_']) });
    edits.push({ range: { start: at, end: { line, character: character + 1 } }, text: '' });
  }
  return edits;
}

/**
 * Server time per keystroke: the document store's change, incremental parse and lint, in-process.
 * Then the same edits with a full re-lint (the tree still re-parsed incrementally, but every syntax
 * fact collected again and every rule run over the whole file), and a lint from scratch (fresh
 * parse: what opening a file or the CLI costs per file), each beside Ruff's check of the same text.
 */
async function relint(engine, file, text) {
  const session = await engine.LintSession.create(new engine.DiskFiles());
  const store = new engine.OpenDocuments(session);
  const uri = pathToFileURL(file).toString();
  store.open(uri, file, 'python', 1, text);
  store.lint(uri);
  const incremental = [];
  const full = [];
  let version = 1;
  const findings = { incremental: 0, full: 0, cold: 0, ruff: 0 };
  for (const [i, edit] of typingEdits(text, 400, 42).entries()) {
    const t = performance.now();
    store.edit(uri, ++version, [edit]);
    findings.incremental = store.lint(uri).findings.length;
    // The first edits warm the JIT up; they are not what a user typing feels.
    if (i >= 20) incremental.push(performance.now() - t);
  }
  for (const [i, edit] of typingEdits(text, 100, 43).entries()) {
    const t = performance.now();
    const doc = store.edit(uri, ++version, [edit]);
    const current = doc.text;
    const { tree } = store.parsed(uri);
    const fresh = { tree, index: new engine.TextIndex(current), facts: new engine.IncrementalSyntax(), factFindings: new engine.FactFindings() };
    findings.full = session.linter.lintParsed({ file, text: current, workspace: session.workspaces.forFile(file), fixes: 'deferred' }, fresh).length;
    if (i >= 10) full.push(performance.now() - t);
  }
  store.dispose();
  const ruff = ruffWorkspace();
  ruff.check(text);
  const cold = [];
  const ruffTimes = [];
  // Interleaved, so a busy machine slows both sides alike.
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    findings.cold = session.lintText(file, text).length;
    cold.push(performance.now() - t);
    t = performance.now();
    findings.ruff = ruff.check(text).length;
    ruffTimes.push(performance.now() - t);
  }
  return { relint: incremental, full, cold, ruff: ruffTimes, findings };
}

/** A minimal LSP client over stdio for the server bundle. */
async function startServer(folder, settings) {
  const rpc = require('vscode-languageserver-protocol/node');
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
  conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('pyguide/status', () => undefined);
  conn.listen();
  const uri = pathToFileURL(folder).toString();
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  const diagnostics = (docUri, version) =>
    new Promise((resolve) => waiters.push((p) => p.uri === docUri && (version === undefined || p.version === version) && (resolve(p), true)));
  const stop = async () => {
    await conn.sendRequest(rpc.ShutdownRequest.type);
    await conn.sendNotification(rpc.ExitNotification.type);
    conn.dispose();
    child.kill();
  };
  return { rpc, conn, child, started, diagnostics, stop };
}

/** Start-up to first diagnostics, then didChange -> publishDiagnostics round trips. */
async function lspLatency(folder, file, text) {
  const server = await startServer(folder, { onTypeDelay: 0 });
  const { rpc, conn, diagnostics } = server;
  const uri = pathToFileURL(file).toString();
  const first = diagnostics(uri, 1);
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
  await first;
  const startup = performance.now() - server.started;
  const times = [];
  let version = 1;
  for (const [i, edit] of typingEdits(text, 200, 7).entries()) {
    version++;
    const t = performance.now();
    const published = diagnostics(uri, version);
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [edit] });
    await published;
    if (i >= 10) times.push(performance.now() - t);
  }
  await server.stop();
  return { startup, latency: times };
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

/** A fresh process that loads Ruff and checks one file: Ruff's start-up to first diagnostics. */
async function ruffStartup(file) {
  const script = `const { Workspace, PositionEncoding } = require(${JSON.stringify(require.resolve('@astral-sh/ruff-wasm-nodejs'))});
new Workspace(${RUFF_SETTINGS}, PositionEncoding.Utf16).check(require('node:fs').readFileSync(process.argv[1], 'utf8'));`;
  const times = [];
  for (let i = 0; i < 3; i++) times.push((await timed(['-e', script, file])).ms);
  return median(times);
}

async function main() {
  mkdirSync(work, { recursive: true });
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, load: loadavg().map((l) => round(l)) };
  log(`pyguide bench on ${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${machine.load.join(' ')}`);
  log('building the engine and generating the inputs…');
  const engine = await loadEngine();
  // Inputs live outside the repository: its .gitignore (which lists .bench/) would hide them from a walk.
  const inputs = join(tmpdir(), 'pyguide-bench');
  const bigDir = join(inputs, 'single');
  const bigFile = join(bigDir, 'src', 'genkit_big_module.py');
  mkdirSync(dirname(bigFile), { recursive: true });
  writeFileSync(join(bigDir, 'pyproject.toml'), '[project]\nname = "bench"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n');
  const big = genModule(20_250, 5000);
  writeFileSync(bigFile, big);
  const wsDir = join(inputs, 'workspace');
  genWorkspace(wsDir, { files: 400, lines: 100_000, seed: 1 });

  log('re-lint after one-character edits (5,000 lines), full re-lint and Ruff check…');
  const r = await relint(engine, bigFile, big);
  log('LSP round trips over stdio and start-up…');
  const l = await lspLatency(bigDir, bigFile, big);
  const ruffStart = await ruffStartup(bigFile);
  log('CLI sweep of the generated workspace against Ruff…');
  const s = await sweep(engine, wsDir);
  log('Check Workspace in the server, then its memory…');
  const m = await serverSweep(wsDir);
  let tree;
  if (process.env.PYGUIDE_BENCH_TREE) {
    log(`CLI sweep of ${process.env.PYGUIDE_BENCH_TREE} against Ruff…`);
    tree = await sweep(engine, process.env.PYGUIDE_BENCH_TREE);
  }

  const result = {
    machine,
    relintMedianMs: round(median(r.relint)),
    relintP95Ms: round(percentile(r.relint, 95)),
    fullLintMedianMs: round(median(r.full)),
    fullLintP95Ms: round(percentile(r.full, 95)),
    coldLintMedianMs: round(median(r.cold)),
    ruffCheckMedianMs: round(median(r.ruff)),
    lspLatencyMedianMs: round(median(l.latency)),
    lspLatencyP95Ms: round(percentile(l.latency, 95)),
    sweepMs: round(s.ms, 0),
    ruffSweepMs: round(s.ruffMs, 0),
    sweepRatio: round(s.ms / s.ruffMs),
    sweepFiles: s.files,
    sweepLines: s.lines,
    serverSweepMs: round(m.ms, 0),
    rssMb: round(m.rss, 1),
    ruffRssMb: round(s.ruffRss, 1),
    startupMs: round(l.startup, 0),
    ruffStartupMs: round(ruffStart, 0),
    findings: { relintFile: r.findings, sweep: { pyguide: s.findings, ruff: s.ruffFindings } },
    ...(tree && { treeSweepMs: round(tree.ms, 0), treeRuffSweepMs: round(tree.ruffMs, 0), treeSweepRatio: round(tree.ms / tree.ruffMs), treeFiles: tree.files, treeLines: tree.lines }),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const rows = [
    ['re-lint after a 1-char edit, 5,000 lines (median)', `${result.relintMedianMs} ms`, `${result.ruffCheckMedianMs} ms (check)`, '< 5 ms', result.relintMedianMs < 5],
    ['re-lint after a 1-char edit (p95)', `${result.relintP95Ms} ms`, `${round(percentile(r.ruff, 95))} ms (check)`, '', undefined],
    ['full re-lint after a 1-char edit (median)', `${result.fullLintMedianMs} ms`, `${result.ruffCheckMedianMs} ms (check)`, 'faster', result.fullLintMedianMs < result.ruffCheckMedianMs],
    ['lint from scratch, fresh parse (median)', `${result.coldLintMedianMs} ms`, `${result.ruffCheckMedianMs} ms (check)`, 'reference', undefined],
    ['LSP didChange -> publishDiagnostics (median)', `${result.lspLatencyMedianMs} ms`, `${result.ruffCheckMedianMs} ms (check alone)`, 'faster', result.lspLatencyMedianMs < result.ruffCheckMedianMs],
    [`CLI sweep, ${s.files} files / ${s.lines} lines`, `${result.sweepMs} ms`, `${result.ruffSweepMs} ms`, 'ratio < 0.8', result.sweepRatio < 0.8],
    ...(tree ? [[`CLI sweep, PYGUIDE_BENCH_TREE (${tree.files} files / ${tree.lines} lines)`, `${result.treeSweepMs} ms`, `${result.treeRuffSweepMs} ms`, 'ratio < 0.8', result.treeSweepRatio < 0.8]] : []),
    ['server RSS after Check Workspace', `${result.rssMb} MB`, `${result.ruffRssMb} MB (sweep process)`, '< 200 MB', result.rssMb < 200],
    ['start-up to first diagnostics', `${result.startupMs} ms`, `${result.ruffStartupMs} ms (load + check)`, 'faster', result.startupMs < result.ruffStartupMs],
  ];
  const head = ['', 'pyguide', 'Ruff WASM 0.17.3', 'target', ''];
  const table = [head, ...rows.map(([a, b, c, d, ok]) => [a, b, c, d, ok === undefined ? '' : ok ? 'ok' : 'MISSED'])];
  const widths = head.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${[line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n')}\n`);
  process.stdout.write(`\nCLI sweep ratio ${result.sweepRatio}; server Check Workspace ${result.serverSweepMs} ms for ${m.files} files.\n`);
}

// `--scale`: only the CLI at monorepo scale (cold, warm cache, one file changed, beside Ruff WASM).
if (process.argv.includes('--scale')) {
  const rows = await cliScale({ log, tree: process.env.PYGUIDE_BENCH_TREE });
  process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${scaleTable(rows)}\n`);
} else await main();
