// The CLI at monorepo scale, beside Ruff WASM in one run (`npm run bench -- --scale`, or
// `node scripts/bench-cli.mjs [--json] [--sizes 111000,1770000] [--runs N] [--tree DIR]`): generated
// Genkit-shaped trees of growing size, each checked by pyguide cold (no cache yet), cold on one
// thread, warm (nothing changed) and after one file changed, alternating with Ruff's WASM build
// checking the same Python files in-process with the rules it shares with pyguide. CPU time and
// peak RSS come from GNU time when it is installed. Never run as a test: its numbers depend on the machine.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genWorkspace } from './genkit-shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CLI = join(root, 'bin', 'pyguide.js');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RUFF_RULES = ['PLC0415', 'PGH003', 'PGH004', 'CPY001', 'N801', 'N802'];

// Ruff's side: load the WASM build, then (timed) read and check every file. It prints its own
// in-process time, which leaves out loading the module (about as long as a small check).
const RUFF_SWEEP = `
const { Workspace, PositionEncoding } = require(${JSON.stringify(require.resolve('@astral-sh/ruff-wasm-nodejs'))});
const { readFileSync } = require('node:fs');
const files = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const t = performance.now();
const ws = new Workspace(${JSON.stringify({ lint: { select: RUFF_RULES } })}, PositionEncoding.Utf16);
let findings = 0;
for (const f of files) findings += ws.check(readFileSync(f, 'utf8')).length;
process.stdout.write(JSON.stringify({ findings, ms: performance.now() - t }));
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs node with `args`; wall ms, and CPU ms and peak RSS (MB) when GNU time is there. */
function measure(args, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', '@@time %U %S %M', process.execPath, ...args]] : [process.execPath, args];
    const t = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    // Decoded as a stream: a chunk may end inside a multi-byte character (the findings hold "…").
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const m = /@@time (\S+) (\S+) (\d+)/.exec(err);
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      resolve({ ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, rssMb: m ? Number(m[3]) / 1024 : undefined, out });
    });
  });
}

const pyguide = (dir, extra = [], env = {}) => measure([CLI, 'check', dir, '--exit-zero', '--format', 'json', ...extra], { env });
const cacheDirOf = (dir) => join(tmpdir(), 'pyguide-bench', `cache-${basename(dir)}`);

/** The Python files the CLI walks to in `dir` (.gitignore honoured), with the CLI's own walk. */
async function pythonFiles(dir) {
  const out = join(root, '.bench', 'scan.cjs');
  await build({ entryPoints: [join(root, 'server/src/workspace/scan.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
  const { scanFiles } = require(out);
  return (await scanFiles(dir)).filter((f) => f.endsWith('.py') || f.endsWith('.pyi'));
}

/** One tree: `runs` rounds of pyguide cold, cold on one thread, warm, one file changed, and Ruff. */
async function measureTree(dir, runs, log) {
  const py = await pythonFiles(dir);
  const list = join(tmpdir(), `pyguide-bench-files-${process.pid}.json`);
  writeFileSync(list, JSON.stringify(py));
  const lines = py.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length - 1, 0);
  const changed = py[Math.floor(py.length / 2)];
  const original = readFileSync(changed, 'utf8');
  const samples = { cold: [], oneThread: [], warm: [], changed: [], ruff: [] };
  let findings;
  let ruffFindings;
  const loads = [];
  try {
    for (let i = 0; i < runs; i++) {
      loads.push(loadavg()[0]);
      const cache = ['--cache-dir', cacheDirOf(dir)];
      rmSync(cacheDirOf(dir), { recursive: true, force: true });
      const cold = await pyguide(dir, cache);
      samples.cold.push(cold);
      findings = JSON.parse(cold.out).length;
      const warm = await pyguide(dir, cache);
      if (warm.out !== cold.out) {
        // Kept for a look: which findings differ says which input the cache missed.
        const keep = join(tmpdir(), `pyguide-bench-mismatch-${process.pid}`);
        mkdirSync(keep, { recursive: true });
        writeFileSync(join(keep, 'cold.json'), cold.out);
        writeFileSync(join(keep, 'warm.json'), warm.out);
        throw new Error(`warm output differs from cold output (both kept in ${keep})`);
      }
      samples.warm.push(warm);
      appendFileSync(changed, `# edited by the bench, run ${i}\n`);
      samples.changed.push(await pyguide(dir, cache));
      writeFileSync(changed, original);
      samples.oneThread.push(await pyguide(dir, ['--no-cache'], { PYGUIDE_SWEEP_WORKERS: '0' }));
      const ruff = await measure(['-e', RUFF_SWEEP, list]);
      const inProcess = JSON.parse(ruff.out);
      samples.ruff.push({ ...ruff, inProcessMs: inProcess.ms });
      ruffFindings = inProcess.findings;
      log(`  run ${i + 1}/${runs}: cold ${round(cold.ms, 0)} ms, warm ${round(warm.ms, 0)} ms, Ruff ${round(inProcess.ms, 0)} ms in-process; load ${round(loadavg()[0])}`);
    }
  } finally {
    writeFileSync(changed, original);
    rmSync(list, { force: true });
  }
  const med = (key, field = 'ms') => (samples[key].every((s) => s[field] !== undefined) ? median(samples[key].map((s) => s[field])) : undefined);
  const cold = med('cold');
  const ruff = med('ruff', 'inProcessMs');
  return {
    files: py.length,
    lines,
    findings,
    ruffFindings,
    coldMs: round(cold, 0),
    coldCpuMs: round(med('cold', 'cpuMs'), 0),
    oneThreadMs: round(med('oneThread'), 0),
    oneThreadCpuMs: round(med('oneThread', 'cpuMs'), 0),
    warmMs: round(med('warm'), 0),
    warmCpuMs: round(med('warm', 'cpuMs'), 0),
    changedMs: round(med('changed'), 0),
    changedCpuMs: round(med('changed', 'cpuMs'), 0),
    ruffInProcessMs: round(ruff, 0),
    ruffWallMs: round(med('ruff'), 0),
    ruffCpuMs: round(med('ruff', 'cpuMs'), 0),
    coldRatio: round(cold / ruff),
    coldCpuRatio: med('cold', 'cpuMs') && med('ruff', 'cpuMs') ? round(med('cold', 'cpuMs') / med('ruff', 'cpuMs')) : undefined,
    warmOverCold: round(med('warm') / cold),
    changedOverCold: round(med('changed') / cold),
    // CPU ratios are steadier than wall time on a shared machine.
    warmOverColdCpu: med('warm', 'cpuMs') && med('cold', 'cpuMs') ? round(med('warm', 'cpuMs') / med('cold', 'cpuMs')) : undefined,
    changedOverColdCpu: med('changed', 'cpuMs') && med('cold', 'cpuMs') ? round(med('changed', 'cpuMs') / med('cold', 'cpuMs')) : undefined,
    peakRssMb: round(Math.max(...samples.cold.map((s) => s.rssMb ?? 0), ...samples.changed.map((s) => s.rssMb ?? 0)), 0) || undefined,
    loadDuring: round(median(loads)),
  };
}

export const SCALE_SIZES = [
  { files: 400, lines: 111_000 },
  { files: 1600, lines: 444_000 },
  { files: 6400, lines: 1_770_000 },
];

/** The scaling rows: one per generated tree (and one for `tree`, a real one, when given). */
export async function cliScale({ sizes = SCALE_SIZES, runs = 3, tree, log = () => undefined } = {}) {
  const rows = [];
  for (const size of sizes) {
    const dir = join(tmpdir(), 'pyguide-bench', `scale-${size.lines}`);
    log(`generating a ${size.lines}-line tree…`);
    mkdirSync(dir, { recursive: true });
    genWorkspace(dir, { files: size.files, lines: size.lines, seed: 1 });
    log(`CLI on ${dir} beside Ruff WASM (${runs} rounds)…`);
    rows.push({ tree: `generated, ${size.lines} lines`, ...(await measureTree(dir, runs, log)) });
  }
  if (tree) {
    // A copy: the bench edits a file, and a real tree is read-only.
    const copy = join(tmpdir(), 'pyguide-bench', 'tree');
    rmSync(copy, { recursive: true, force: true });
    cpSync(tree, copy, { recursive: true, filter: (src) => !/[\\/](\.git|\.pyguide_cache|node_modules|\.venv)$/.test(src) });
    log(`CLI on a copy of ${tree} beside Ruff WASM (${runs} rounds)…`);
    rows.push({ tree, ...(await measureTree(copy, runs, log)) });
  }
  return rows;
}

/** The rows as the Markdown table docs/performance.md shows. */
export function scaleTable(rows) {
  const ms = (x) => (x === undefined ? '—' : x >= 10_000 ? `${round(x / 1000, 1)} s` : `${x} ms`);
  const head = ['tree', 'files / lines', 'cold', 'cold, 1 thread', 'warm (unchanged)', '1 file changed', 'Ruff WASM in-process', 'cold / Ruff', 'warm / cold', 'changed / cold', 'CPU: cold / Ruff', 'CPU: warm / cold', 'CPU: changed / cold', 'peak RSS', 'load'];
  const body = rows.map((r) => [
    r.tree,
    `${r.files} / ${r.lines}`,
    ms(r.coldMs),
    ms(r.oneThreadMs),
    ms(r.warmMs),
    ms(r.changedMs),
    ms(r.ruffInProcessMs),
    r.coldRatio,
    r.warmOverCold,
    r.changedOverCold,
    r.coldCpuRatio ?? '—',
    r.warmOverColdCpu ?? '—',
    r.changedOverColdCpu ?? '—',
    r.peakRssMb === undefined ? '—' : `${r.peakRssMb} MB`,
    r.loadDuring,
  ]);
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = args.includes('--json');
  const log = (m) => process.stderr.write(`${m}\n`);
  const sizes = opt('--sizes')?.split(',').filter(Boolean).map((lines) => ({ lines: Number(lines), files: Math.max(40, Math.round((Number(lines) / 111_000) * 400)) }));
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
  log(`pyguide CLI scale bench on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, load ${loadavg().map((l) => round(l)).join(' ')}`);
  const rows = await cliScale({ sizes, runs: Number(opt('--runs') ?? 3), tree: opt('--tree'), log });
  process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${scaleTable(rows)}\n`);
}
