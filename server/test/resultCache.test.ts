// The CLI's result cache: findings byte-identical with and without it, exactly the affected files
// linted again after a change, and a cache that is corrupt, truncated, planted, linked out of the
// workspace or written by two runs at once costs nothing but its speed.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sweepWithCache } from '../src/cache/cachedSweep';
import { lintRecorded } from '../src/cache/recordedLint';
import { CACHE_DIR_NAME, ResultCache } from '../src/cache/resultCache';
import { PlannedFiles } from '../src/engine/fixPlan';
import { LintSession } from '../src/engine/session';
import type { PythonRule } from '../src/engine/types';
import { DiskFiles } from '../src/workspace/files';
import { scanFiles } from '../src/workspace/scan';
import { genWorkspace, LICENSE_HEADER } from '../../scripts/genkit-shapes.mjs';
import { FIXTURES } from './fixtureHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const PYPROJECT_RULES_WS = join(FIXTURES, 'workspaces', 'pyproject-rules');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', env: { ...process.env, PYGUIDE_SWEEP_WORKERS: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'check', ...args], { cwd });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** A generated Genkit-shaped workspace, plus the pyproject-rules fixture's packages so every rule fires. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'pyguide-cache-'));
  genWorkspace(ws, { files: 50, lines: 4000, seed: 5 });
  // A plugin import in a sample's source, so missing-dependency reads the sample's pyproject.toml.
  writeFileSync(join(ws, 'samples/hello/src/uses_plugin.py'), 'from genkit.plugins.ollama import Ollama\n\nOLLAMA = Ollama\n');
  // Two test modules with one name, and a pytest-style name with a rename fix.
  writeFileSync(join(ws, 'plugins/anthropic/tests/dup_test.py'), 'x = 1\n');
  writeFileSync(join(ws, 'plugins/ollama/tests/dup_test.py'), 'x = 1\n');
  writeFileSync(join(ws, 'plugins/ollama/tests/test_thing.py'), 'import os  # noqa\n');
  // A byte order mark, which the linted text drops and the cache's digest of the bytes must too.
  writeFileSync(join(ws, 'samples/hello/src/bom.py'), '\ufeffdef f():\n    import os  # noqa\r\n');
  return ws;
}

function cacheFiles(ws: string): string[] {
  const dir = join(ws, CACHE_DIR_NAME);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

function cacheFile(ws: string): string {
  const [file] = cacheFiles(ws);
  assert.ok(file, 'a cache file');
  return join(ws, CACHE_DIR_NAME, file);
}

describe('result cache (CLI)', function () {
  // Each test runs the CLI a dozen times.
  this.timeout(120_000);
  let ws: string;
  beforeEach(() => (ws = workspace()));
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('gives byte-identical output with and without the cache, in every format, cold and warm', () => {
    run(ws, '--no-cache');
    assert.equal(cacheFiles(ws).length, 0, '--no-cache writes no cache');
    for (const format of ['text', 'json', 'sarif']) {
      const plain = run(ws, '--format', format, '--no-cache');
      assert.equal(plain.code, 1, plain.stderr);
      const cold = run(ws, '--format', format);
      const warm = run(ws, '--format', format);
      for (const r of [cold, warm]) {
        assert.equal(r.stdout, plain.stdout, format);
        assert.equal(r.stderr, plain.stderr, format);
        assert.equal(r.code, plain.code);
      }
    }
    assert.equal(readFileSync(join(ws, CACHE_DIR_NAME, '.gitignore'), 'utf8'), '# Automatically created by pyguide.\n*\n');
    assert.ok(JSON.parse(run(ws, '--format', 'json').stdout).some((f: { rule: string }) => f.rule === 'duplicate-test-basename'));
  });

  it('follows changes to a file, a package pyproject.toml, the configuration and the file list', () => {
    run(ws);
    const same = () => assert.equal(run(ws, '--format', 'json').stdout, run(ws, '--format', 'json', '--no-cache').stdout);
    writeFileSync(join(ws, 'plugins/ollama/tests/test_thing.py'), 'import os  # noqa: F401\n');
    same();
    // The sample now declares the plugin its module imports: its missing-dependency finding goes.
    const sample = join(ws, 'samples/hello/pyproject.toml');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace('dependencies = [', 'dependencies = ["genkit-plugin-ollama", '));
    same();
    rmSync(join(ws, 'plugins/ollama/tests/dup_test.py'));
    same();
    writeFileSync(join(ws, 'packages/genkit/tests/dup_test.py'), 'y = 2\n');
    same();
    const root = join(ws, 'pyproject.toml');
    writeFileSync(root, `${readFileSync(root, 'utf8')}\n[tool.pyguide]\nseverity = { bare-noqa = "error" }\n`);
    same();
    assert.ok(JSON.parse(run(ws, '--format', 'json').stdout).some((f: { rule: string; severity: string }) => f.rule === 'bare-noqa' && f.severity === 'error'));
  });

  it('ignores a corrupt, truncated or unreadable cache file and writes a good one', () => {
    const { stdout: expected, stderr: expectedErr } = run(ws, '--no-cache');
    run(ws);
    const file = cacheFile(ws);
    const good = readFileSync(file, 'utf8');
    for (const bad of [good.slice(0, good.length / 2), 'not json', '{"format":1}', '\u0000\u0001binary', '']) {
      writeFileSync(file, bad);
      const r = run(ws);
      assert.equal(r.stdout, expected);
      assert.equal(r.stderr, expectedErr);
      assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), 'rewritten whole');
    }
    // A cache file that is a FIFO or a link is neither waited on nor followed.
    rmSync(file);
    symlinkSync('/dev/zero', file);
    assert.equal(run(ws).stdout, expected);
    rmSync(file);
    assert.equal(spawnSync('mkfifo', [file]).status, 0);
    assert.equal(run(ws).stdout, expected);
  });

  it('does not trust a cache file that came with the checkout', () => {
    run(ws);
    const file = cacheFile(ws);
    const forged = JSON.parse(readFileSync(file, 'utf8'));
    for (const entry of Object.values(forged.files) as { findings: unknown[] }[]) entry.findings = [];
    writeFileSync(file, JSON.stringify(forged));
    // Written into the directory pyguide created, the edit is trusted (the cache works) ...
    assert.equal(run(ws, '--format', 'json').stdout, '[]\n');
    // ... but the same file in a directory that was not created here (a clone, an unpacked archive) is not.
    const dir = join(ws, CACHE_DIR_NAME);
    renameSync(dir, `${dir}.old`);
    cpSync(`${dir}.old`, dir, { recursive: true });
    rmSync(`${dir}.old`, { recursive: true });
    assert.equal(run(ws, '--format', 'json').stdout, run(ws, '--format', 'json', '--no-cache').stdout);
  });

  it('remembers the member imports while every member pyproject.toml reads the same', () => {
    const messages = () =>
      (JSON.parse(run(ws, '--format', 'json').stdout) as { rule: string; message: string }[]).filter((f) => f.rule === 'missing-dependency').map((f) => f.message);
    const before = messages();
    assert.match(before.join('\n'), /comes from genkit-plugin-ollama/);
    // What a run remembers is used as it is: a marked copy shows it (no pyproject.toml was parsed for it).
    const file = cacheFile(ws);
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    for (const m of cached.memberImports.value) if (m.module === 'genkit.plugins.ollama') m.distribution = 'marked-dist';
    writeFileSync(file, JSON.stringify(cached));
    writeFileSync(join(ws, 'samples/hello/src/uses_plugin.py'), 'from genkit.plugins.ollama import Ollama\n\nOLLAMA = Ollama  # changed\n');
    assert.match(messages().join('\n'), /comes from marked-dist/);
    // A member's pyproject.toml changes: the member imports are computed again, and what read them is re-linted.
    const plugin = join(ws, 'plugins/ollama/pyproject.toml');
    writeFileSync(plugin, readFileSync(plugin, 'utf8').replace('description = "', 'description = "Changed '));
    assert.deepEqual(messages(), before);
    assert.equal(run(ws, '--format', 'json').stdout, run(ws, '--format', 'json', '--no-cache').stdout);
  });

  it('refuses a cache directory that is a link out of the workspace, and writes nothing there', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pyguide-outside-'));
    try {
      symlinkSync(outside, join(ws, CACHE_DIR_NAME));
      const r = run(ws);
      assert.equal(r.stdout, run(ws, '--no-cache').stdout);
      assert.match(r.stderr, /pyguide: not using the result cache for .*: .*\.pyguide_cache is a symbolic link/);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--cache-dir keeps the cache there and nothing in the workspace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-cachedir-'));
    try {
      const expected = run(ws, '--no-cache').stdout;
      assert.equal(run(ws, '--cache-dir', join(dir, 'sub')).stdout, expected);
      assert.equal(run(ws, '--cache-dir', join(dir, 'sub')).stdout, expected);
      assert.equal(existsSync(join(ws, CACHE_DIR_NAME)), false);
      assert.equal(readdirSync(join(dir, 'sub')).filter((f) => f.endsWith('.json')).length, 1);
      assert.equal(run(ws, '--cache-dir', '').code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives two runs at once and keeps a whole cache file', async () => {
    const expected = run(ws, '--no-cache').stdout;
    const both = await Promise.all([runAsync(ws), runAsync(ws)]);
    for (const r of both) assert.equal(r.stdout, expected);
    assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile(ws), 'utf8')));
    assert.deepEqual(readdirSync(join(ws, CACHE_DIR_NAME)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    assert.equal(run(ws).stdout, expected);
  });

  it('--fix computes every fix afresh, whatever the cache holds', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pyguide-cache-fix-'));
    try {
      cpSync(ws, copy, { recursive: true });
      run(copy, '--fix', '--no-cache');
      run(ws);
      // A cached fix that says something else is never applied.
      const file = cacheFile(ws);
      const cached = JSON.parse(readFileSync(file, 'utf8'));
      let tampered = 0;
      for (const entry of Object.values(cached.files) as { findings: { fix?: { changes: { type: string; edits?: { newText: string }[] }[] } }[] }[]) {
        for (const f of entry.findings) for (const c of f.fix?.changes ?? []) for (const e of c.edits ?? []) (e.newText = 'EVIL = 1\n'), tampered++;
      }
      assert.ok(tampered > 0);
      writeFileSync(file, JSON.stringify(cached));
      run(ws, '--fix');
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((rel) => !rel.startsWith(CACHE_DIR_NAME) && statSync(join(dir, rel)).isFile())
          .sort();
      assert.deepEqual(files(ws), files(copy));
      for (const rel of files(ws)) assert.equal(readFileSync(join(ws, rel), 'utf8'), readFileSync(join(copy, rel), 'utf8'), rel);
      assert.equal(run(ws, '--format', 'json').stdout, run(ws, '--format', 'json', '--no-cache').stdout);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('result cache (what is linted again)', () => {
  let ws: string;
  beforeEach(() => (ws = workspace()));
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  /** One run in-process, as the CLI makes it; returns the files that were linted rather than taken from the cache. */
  async function sweep(now?: number): Promise<string[]> {
    const session = await LintSession.create(new DiskFiles());
    const files = (await scanFiles(ws)).sort();
    for (const f of files) await session.prepare(session.workspaces.forFile(f));
    const linted: string[] = [];
    const cache = new ResultCache({ warn: (m) => assert.fail(m), now });
    await sweepWithCache(session, files, cache, { onRuleError: () => undefined, workers: 0, onRecord: (file) => linted.push(relative(ws, file)) });
    return linted.sort();
  }

  it('lints every file once, then none, then exactly those a change affects', async () => {
    const all = await sweep();
    assert.ok(all.length > 40);
    assert.deepEqual(await sweep(), []);
    // The dependency specifiers parsed are kept too, so a later run need not load the parser.
    const kept = JSON.parse(readFileSync(cacheFile(ws), 'utf8')).requirements as [string, unknown][];
    assert.deepEqual(kept.find(([value]) => value === 'pydantic>=2.10'), ['pydantic>=2.10', { name: 'pydantic', extras: [], specifiers: [{ operator: '>=', version: '2.10' }] }]);

    writeFileSync(join(ws, 'plugins/ollama/tests/test_thing.py'), '# changed\n');
    assert.deepEqual(await sweep(), ['plugins/ollama/tests/test_thing.py']);

    // A sample's dependencies: its own sources (missing-dependency reads its dependencies) and its
    // pyproject.toml -- not the root pyproject.toml (workspace-source reads only every member's name,
    // which did not change), nothing in other packages.
    const sample = join(ws, 'samples/hello/pyproject.toml');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace('dependencies = [', 'dependencies = ["genkit-plugin-ollama", '));
    // Not its run.sh: shell-script-header reads no workspace fact, so the cached result holds.
    const sampleFiles = all.filter((f) => f.startsWith('samples/hello/') && !f.endsWith('.sh'));
    assert.deepEqual(await sweep(), sampleFiles.sort());
    // Its name: the root pyproject.toml too (workspace-source).
    writeFileSync(sample, readFileSync(sample, 'utf8').replace('name = "hello"', 'name = "hello-renamed"'));
    assert.deepEqual(await sweep(), [...sampleFiles, 'pyproject.toml'].sort());

    // Another module named like a test module: only the modules of that name.
    writeFileSync(join(ws, 'packages/genkit/tests/dup_test.py'), 'y = 2\n');
    assert.deepEqual(await sweep(), ['packages/genkit/tests/dup_test.py', 'plugins/anthropic/tests/dup_test.py', 'plugins/ollama/tests/dup_test.py']);
  });

  it('marks every file it found valid as seen, when no other run wrote the cache file meanwhile', async () => {
    // The runs' times are given, not read from the clock: the second run is a day after the first.
    const first = Date.UTC(2026, 0, 1);
    const later = first + 86_400_000;
    await sweep(first);
    const seen = () => Object.entries(JSON.parse(readFileSync(cacheFile(ws), 'utf8')).files as Record<string, { seen: number }>).map(([rel, e]) => [rel, e.seen] as const);
    const before = new Map(seen());
    assert.deepEqual(new Set(before.values()), new Set([first]));
    writeFileSync(join(ws, 'plugins/ollama/tests/test_thing.py'), '# changed\n');
    assert.deepEqual(await sweep(later), ['plugins/ollama/tests/test_thing.py']);
    // Taken from the cache this run, so not to be dropped as unseen in 30 days' time.
    const stale = seen().filter(([, at]) => at !== later);
    assert.deepEqual(stale, []);
    assert.equal(seen().length, before.size);
  });

  it('tells the fix planner a file has no fix only for the text the plan has of it', async () => {
    const overlay = new PlannedFiles(new DiskFiles());
    const session = await LintSession.create(overlay);
    const files = (await scanFiles(ws)).sort();
    for (const f of files) await session.prepare(session.workspaces.forFile(f));
    const cache = new ResultCache({ warn: (m) => assert.fail(m) });
    await sweepWithCache(session, files, cache, { onRuleError: () => undefined, workers: 0 });
    const clean = join(ws, 'packages/genkit/src/genkit/clean.py');
    const text = `${LICENSE_HEADER}\nY = 2\n`;
    writeFileSync(clean, text);
    await sweepWithCache(session, files.includes(clean) ? files : [...files, clean].sort(), cache, { onRuleError: () => undefined, workers: 0 });
    assert.equal(cache.hasNoFix(session, clean), true);
    // Another fix planned an edit of it: its cached entry says nothing about that text, fixable or not.
    overlay.set(clean, `${LICENSE_HEADER}\nY = 3\n`);
    assert.equal(cache.hasNoFix(session, clean), false);
    overlay.set(clean, text);
    assert.equal(cache.hasNoFix(session, clean), true);
  });

  it('does not cache the findings of a file on which a rule threw', async () => {
    const throws: PythonRule = {
      id: 'throws',
      kind: 'python',
      defaultSeverity: 'warning',
      guideline: 'test',
      summary: 'throws',
      check: () => {
        throw new Error('boom');
      },
    };
    const session = await LintSession.create(new DiskFiles(), () => undefined, [throws]);
    const file = join(ws, 'samples/hello/src/main.py');
    const result = lintRecorded(session, file);
    assert.deepEqual(result.findings, []);
    assert.equal(result.record, undefined);
    // Linted again, it still says so (the linter tells each failure once, the cache must not hide it).
    assert.equal(lintRecorded(session, file).record, undefined);
  });
});

// A file with a syntax error, an unreadable file, a directory named like a Python file: the cache
// keeps the output what it is without it.
describe('result cache (odd files)', function () {
  this.timeout(60_000);
  it('keeps the output of unreadable and broken files identical', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pyguide-cache-odd-'));
    try {
      cpSync(PYPROJECT_RULES_WS, ws, { recursive: true, filter: (src) => !src.includes(CACHE_DIR_NAME) });
      mkdirSync(join(ws, 'packages/genkit/src/genkit/odd'), { recursive: true });
      writeFileSync(join(ws, 'packages/genkit/src/genkit/odd/binary.py'), Buffer.from([0, 1, 2, 3]));
      writeFileSync(join(ws, 'packages/genkit/src/genkit/odd/latin1.py'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
      writeFileSync(join(ws, 'packages/genkit/src/genkit/odd/broken.py'), 'def f(:\n    import os  # noqa\n');
      const plain = run(ws, '--format', 'json', '--no-cache');
      assert.equal(run(ws, '--format', 'json').stdout, plain.stdout);
      assert.equal(run(ws, '--format', 'json').stdout, plain.stdout);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
