// Very large single files through the CLI (`npm run bench -- --large`, or `node scripts/bench-large.mjs
// [--json] [--runs N] [--cli path/to/pyguide.js]`): a one-line list literal (`x = [1, 2, 3, ...]`, the
// hostile-repository report's shape) and a Genkit-shaped module (generated code repeated) at growing
// sizes, each checked by `pyguide check --no-cache` in a child process. Wall time is the median of
// the runs; peak RSS is the child's own `process.resourceUsage().maxRSS`, reported at exit by a
// preloaded script (no GNU time needed). Files are generated under a temporary directory and
// removed afterwards. Never run as a test: its numbers depend on the machine.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genModule } from './genkit-shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1_000_000;

/** The files: shape, size in MB (all under the default 10 MB `max-file-size`). */
export const LARGE_FILES = [
  ['one-line list', 1.25],
  ['one-line list', 2.5],
  ['one-line list', 5],
  ['module', 2.5],
  ['module', 5],
  ['module', 9.8],
];

function oneLineList(size) {
  const parts = ['x = ['];
  let n = parts[0].length + 2;
  for (let i = 0; n < size; i++) {
    const item = `${i}, `;
    parts.push(item);
    n += item.length;
  }
  parts.push(']\n');
  return parts.join('');
}

function module(size) {
  const first = genModule(7, 4000);
  // The body after the imports, repeated: definitions, comments, suppressions, guideline violations.
  const body = first.slice(first.indexOf('\n\n\n') + 3);
  const parts = [first];
  let n = first.length;
  while (n + body.length <= size) {
    parts.push(body);
    n += body.length;
  }
  return parts.join('');
}

const PRELOAD = `process.on('exit', () => process.stderr.write('\\nPYGUIDE_BENCH_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n`;

function run(cli, preload, cwd, file) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--require', preload, cli, 'check', '--no-cache', '--statistics', file], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const rss = /PYGUIDE_BENCH_MAXRSS_KB (\d+)/.exec(err);
      if (!rss || code === 2) reject(new Error(`pyguide check ${file} exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ ms, rssMb: Number(rss[1]) / 1000 });
    });
  });
}

/** Runs every file `runs` times; returns one row per file. */
export async function largeFiles({ runs = 2, cli = join(root, 'bin', 'pyguide.js'), log = () => undefined } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-bench-large-'));
  try {
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, 'pyproject.toml'), '[project]\nname = "bench"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\n');
    const preload = join(dir, 'maxrss.cjs');
    writeFileSync(preload, PRELOAD);
    const loadBefore = loadavg();
    const rows = [];
    for (const [shape, mb] of LARGE_FILES) {
      const text = shape === 'module' ? module(mb * MB) : oneLineList(mb * MB);
      const file = join(ws, `large_${shape === 'module' ? 'module' : 'list'}.py`);
      writeFileSync(file, text);
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await run(cli, preload, ws, file));
      const ms = results.map((r) => r.ms).sort((a, b) => a - b)[results.length >> 1];
      const rssMb = Math.max(...results.map((r) => r.rssMb));
      rows.push({ shape, mb: text.length / MB, lines: text.split('\n').length - 1, ms: Math.round(ms), rssMb: Math.round(rssMb), msPerMb: Math.round(ms / (text.length / MB)) });
      log(`${shape} ${(text.length / MB).toFixed(2)} MB: ${Math.round(ms)} ms, ${Math.round(rssMb)} MB peak RSS`);
    }
    return { rows, loadBefore: loadBefore.map((l) => Math.round(l * 100) / 100), loadAfter: loadavg().map((l) => Math.round(l * 100) / 100), cpus: cpus().length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function largeTable({ rows, loadBefore, loadAfter, cpus }) {
  const head = ['file', 'size', 'wall', 'ms per MB', 'peak RSS', 'target'];
  const table = [head, ...rows.map((r) => [r.shape, `${r.mb.toFixed(2)} MB`, `${(r.ms / 1000).toFixed(2)} s`, String(r.msPerMb), `${r.rssMb} MB`, r.rssMb < 300 ? 'ok (< 300 MB)' : 'MISSED (< 300 MB)'])];
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return `${[line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n')}\n\nLoad average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} (${cpus} cores).`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const json = process.argv.includes('--json');
  const result = await largeFiles({ runs: Number(arg('--runs') ?? 2), cli: arg('--cli'), log: json ? undefined : (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${largeTable(result)}\n`);
}
