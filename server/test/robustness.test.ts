// Whatever a repository holds, pyguide answers: hostile inputs through the engine, the CLI and the
// server; a rule that throws; stale document versions; a Check Workspace cancelled mid-way.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CancellationTokenSource, createConnection } from 'vscode-languageserver/node';
import { LintSession } from '../src/engine/session';
import type { Finding, PythonRule, Rule } from '../src/engine/types';
import { RULES } from '../src/engine/registry';
import { PyguideServer } from '../src/lsp/pyguideServer';
import { ruleErrorReporter } from '../src/lsp/ruleErrors';
import { sweepFiles } from '../src/sweep';
import { DiskFiles, OverlayFiles } from '../src/workspace/files';
import { scanFiles } from '../src/workspace/scan';
import { genModule, genWorkspace } from '../../scripts/genkit-shapes.mjs';
import { fileUri, LspHarness } from './lspHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const WORKER = join(__dirname, '..', '..', '..', 'dist', 'sweepWorker.js');
const ROOT_PYPROJECT = '[project]\nname = "ws"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n';
/** Files outside a workspace are checked with the guidelines' preset here (the CLI and server check nothing there). */
const CHECK_ANYWHERE = { unconfigured: 'genkit-plugins' } as const;

function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pyguide-robust-'));
  writeFileSync(join(root, 'pyproject.toml'), ROOT_PYPROJECT);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const shape = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule}`);

describe('hostile inputs through the engine', function () {
  this.timeout(20_000);
  let session: LintSession;
  before(async () => {
    session = await LintSession.create(
      new DiskFiles(),
      (rule, file, error) => {
        throw new Error(`rule ${rule.id} threw on ${file}: ${String(error)}`);
      },
      undefined,
      CHECK_ANYWHERE,
    );
  });

  it('10,000-deep nesting of brackets, calls and lambdas, and 2,000-deep blocks: every rule runs and reports what it should', () => {
    const cases = {
      parens: `x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}  # noqa\n`,
      unclosed: `x = ${'['.repeat(10_000)}\n`,
      calls: `x = ${'f('.repeat(10_000)}${')'.repeat(10_000)}\n`,
      lambdas: `f = ${'lambda: '.repeat(10_000)}1\n`,
      blocks: `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}if x:`).join('\n')}\n${' '.repeat(2000)}import os\n`,
      defs: `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}def f${i}():`).join('\n')}\n${' '.repeat(2000)}import os\n`,
    };
    // No time bound here (a busy machine would fail it): the hang guard catches runaway work, `npm run bench` measures speed.
    const found = Object.fromEntries(Object.entries(cases).map(([name, text]) => [name, session.lintText(`/robust/${name}.py`, text).map((f) => f.rule)]));
    assert.deepEqual(found, {
      parens: ['missing-license-header', 'bare-noqa'],
      unclosed: ['missing-license-header'],
      calls: ['missing-license-header'],
      lambdas: ['missing-license-header'],
      // Over 1 MB (2,000 lines indented up to 2,000 spaces): checked in pieces, which a finding says.
      blocks: ['missing-license-header', 'partially-checked-file'],
      defs: ['missing-license-header', 'partially-checked-file', 'in-function-import'],
    });
  });

  it('a minified one-line module: findings at their UTF-16 columns on line 0', () => {
    const line = `${Array.from({ length: 20_000 }, (_, i) => `a${i}=${i}`).join(';')};import os  # noqa`;
    const findings = session.lintText('/robust/minified.py', `${line}\n`);
    const noqa = findings.find((f) => f.rule === 'bare-noqa');
    assert.deepEqual(noqa?.range, { start: { line: 0, character: line.length - 6 }, end: { line: 0, character: line.length } });
  });

  it('CRLF, lone CR and mixed line endings give the same lines and columns as LF', () => {
    const lf = genModule(31, 120);
    const base = shape(session.lintText('/robust/lf.py', lf));
    assert.ok(base.length > 0);
    const lines = lf.split('\n');
    const crlf = lines.join('\r\n');
    const cr = lines.join('\r');
    // A lone CR before an empty LF-terminated line would pair into one CRLF break: use LF there.
    const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : i % 3 === 2 && lines[i + 1] !== '' ? '\r' : ['\n', '\r\n', '\n'][i % 3])).join('');
    for (const [name, text] of Object.entries({ crlf, cr, mixed })) assert.deepEqual(shape(session.lintText(`/robust/${name}.py`, text)), base, name);
  });

  it('non-ASCII identifiers and text: columns count UTF-16 code units', () => {
    const text = [
      '# Copyright 2025 Google LLC',
      '# SPDX-License-Identifier: Apache-2.0',
      's = "😀😀"  # noqa',
      'class mauvais_nom_é:  # 名前',
      '    def naïveCamel(self): pass',
      'x = "ü"; 名前 = 1  # type: ignore',
      '',
    ].join('\n');
    const findings = shape(session.lintText('/robust/unicode.py', text)).filter((f) => !f.endsWith('missing-license-header'));
    assert.deepEqual(findings, ['2:12-2:18 bare-noqa', '3:6-3:19 class-name', '4:8-4:18 function-name', '5:17-5:31 bare-type-ignore']);
  });

  it('binary text, lone surrogates and NUL bytes in an open buffer never throw', () => {
    for (const text of ['\u0000\u0001\u0002', 'x = "\ud800"  # noqa\n', '\ufeffimport os\n', '\u2028\u2029x = 1\n', 'def f(:\n  """\n']) {
      assert.ok(Array.isArray(session.lintText('/robust/odd.py', text)));
    }
  });
});

describe('hostile files in a sweep', function () {
  this.timeout(60_000);
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });

  it('a 50 MB file is skipped with a clear message over the configurable size limit', () => {
    root = workspace({ 'src/ok.py': 'x = 1  # noqa\n' });
    const big = `${'value = compute(1, 2, 3)  # a comment\n'.repeat(1_350_000)}`;
    assert.ok(big.length > 50_000_000);
    writeFileSync(join(root, 'src/huge.py'), big);
    const r = run(root, 'check', '--format', 'json', '--exit-zero');
    const huge = JSON.parse(r.stdout).filter((f: { file: string }) => f.file === 'src/huge.py');
    assert.deepEqual(huge.map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [['unreadable-file', 'info']]);
    assert.match(huge[0].message, /^pyguide did not lint this file: file is \d+ bytes, over the 10000000-byte limit \(pyguide\.maxFileSize \/ max-file-size\)$/);
  });

  it('symlink loops, dangling links, FIFOs and unreadable files: the sweep ends and says why it skipped what it read', function () {
    root = workspace({ 'src/a.py': 'x = 1  # noqa\n', 'src/sub/b.py': 'y = 2\n' });
    symlinkSync(join(root, 'src'), join(root, 'src/sub/loop'));
    symlinkSync(join(root, 'nowhere.py'), join(root, 'src/dangling.py'));
    execFileSync('mkfifo', [join(root, 'src/pipe.py')]);
    writeFileSync(join(root, 'src/secret.py'), 'z = 3\n');
    chmodSync(join(root, 'src/secret.py'), 0o000);
    const r = run(root, 'check', '--format', 'json', '--exit-zero');
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout).map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`);
    assert.ok(files.includes('src/a.py bare-noqa'));
    assert.ok(!files.some((f: string) => f.includes('loop/') || f.includes('dangling') || f.includes('pipe')));
    // Root reads anything; elsewhere the unreadable file gets its informational finding.
    if (process.getuid?.() !== 0) assert.ok(files.includes('src/secret.py unreadable-file'), files.join('\n'));
    // A FIFO named on the command line is refused instead of read (which would wait forever).
    const fifo = run(root, 'check', 'src/pipe.py', '--format', 'json');
    assert.deepEqual(JSON.parse(fifo.stdout).map((f: { message: string }) => f.message), ['pyguide did not lint this file: not a regular file (a pipe, socket or device)']);
  });

  it('a missing file, a path through a file and a directory read as missing, with the same reasons', () => {
    root = workspace({ 'src/a.py': 'x = 1\n' });
    const files = new DiskFiles();
    assert.deepEqual(files.read(join(root, 'pyguide-baseline.json')), { ok: false, reason: 'file does not exist', missing: true });
    assert.deepEqual(files.read(join(root, 'src/a.py/b.py')), { ok: false, reason: 'file does not exist', missing: true });
    assert.deepEqual(files.read(join(root, 'src')), { ok: false, reason: 'is a directory', missing: true });
    assert.deepEqual([files.exists(join(root, 'src/a.py')), files.exists(join(root, 'nowhere.py')), files.exists(join(root, 'src/a.py/b.py'))], [true, false, false]);
  });

  it('files deleted mid-sweep are left out, in this thread and in workers', async () => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-robust-'));
    genWorkspace(root, { files: 40, lines: 2000, seed: 5 });
    const session = await LintSession.create(new DiskFiles(), undefined, undefined, CHECK_ANYWHERE);
    const files = await scanFiles(root);
    for (const f of files) await session.prepare(session.workspaces.forFile(f));
    // Python files only: the workspace's configuration stays what both sides read.
    const deleted = files.filter((f, i) => i % 3 === 0 && f.endsWith('.py'));
    deleted.forEach((f) => unlinkSync(f));
    for (const workers of [0, 1]) {
      const errors: string[] = [];
      const results = await sweepFiles(session, files, { workers, workerScript: WORKER, onRuleError: (rule) => errors.push(rule) });
      assert.equal(results.length, files.length);
      files.forEach((f, i) => assert.deepEqual(results[i], deleted.includes(f) ? [] : session.lintFile(f), f));
      assert.deepEqual(errors, []);
    }
  });
});

describe('cancelling the workspace walk', () => {
  it('a caller that gives up waiting never leaves the workspace with half a file list', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-robust-'));
    try {
      genWorkspace(root, { files: 60, lines: 1200, seed: 6 });
      const all = (await scanFiles(root)).filter((f) => f.endsWith('.py'));
      const session = await LintSession.create(new DiskFiles(), undefined, undefined, CHECK_ANYWHERE);
      const ws = session.workspaces.forFile(all[0]);
      const abort = new AbortController();
      const first = session.prepare(ws, abort.signal);
      abort.abort();
      await first;
      await session.prepare(ws);
      assert.deepEqual([...ws.pythonFiles()].sort(), all.sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a rule that throws', function () {
  this.timeout(20_000);
  const throwing: PythonRule = {
    id: 'always-throws',
    kind: 'python',
    defaultSeverity: 'warning',
    guideline: 'none',
    summary: 'a broken rule, for tests',
    check() {
      throw new Error('boom');
    },
  };

  it('is reported once per file, and every other rule still runs', async () => {
    const calls: string[] = [];
    const session = await LintSession.create(new DiskFiles(), (rule, file) => calls.push(`${rule.id} ${file}`), [throwing, ...RULES], CHECK_ANYWHERE);
    const text = 'def f():\n    import os  # noqa\n';
    for (let i = 0; i < 3; i++) assert.deepEqual(session.lintText('/robust/a.py', text).map((f) => f.rule), ['missing-license-header', 'in-function-import', 'bare-noqa']);
    session.lintText('/robust/b.py', text);
    assert.deepEqual(calls, ['always-throws /robust/a.py', 'always-throws /robust/b.py']);
  });

  it('the server logs it, warns once, and keeps publishing the other rules', async () => {
    const root = workspace();
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const connection = createConnection(toServer, fromServer);
    const overlay = new OverlayFiles();
    const session = await LintSession.create(overlay, ruleErrorReporter(connection), [throwing, ...RULES] as Rule[]);
    new PyguideServer(connection, session, overlay).register();
    connection.listen();
    const lsp = await LspHarness.connect({ root, settings: { onTypeDelay: 0 } }, fromServer, toServer);
    try {
      const a = await lsp.open(join(root, 'a.py'), 'x = 1  # noqa\n');
      await lsp.waitForDiagnostics(a, (ds) => ds.some((d) => d.code === 'bare-noqa'));
      await lsp.change(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y = 2\n' }]);
      const ds = await lsp.waitForDiagnostics(a, (d) => d.some((x) => x.code === 'bare-noqa' && x.range.start.line === 1));
      assert.ok(!ds.some((d) => d.code === 'always-throws'));
      const b = await lsp.open(join(root, 'b.py'), 'z = 3  # noqa\n');
      await lsp.waitForDiagnostics(b, (d) => d.some((x) => x.code === 'bare-noqa'));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(lsp.logs.filter((l) => l.includes('rule always-throws failed on')).length, 2);
      assert.deepEqual(lsp.shownMessages, ['pyguide: rule always-throws failed and was skipped (details in the pyguide output). Other rules still run.']);
    } finally {
      await lsp.shutdown();
      connection.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the server under pressure', function () {
  this.timeout(60_000);
  let root: string;
  let lsp: LspHarness | undefined;
  afterEach(async () => {
    await lsp?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers requests for stale document versions safely: no fix for text that is gone', async () => {
    root = workspace();
    lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    const uri = await lsp.open(join(root, 'a.py'), 'def f():\n    import os\n    return os\n');
    const [stale] = (await lsp.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'in-function-import'))).filter((d) => d.code === 'in-function-import');
    assert.ok((await lsp.codeActions(uri, stale.range, [stale])).some((a) => a.title === 'Move import to top of file (unsafe)'));
    await lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
    await lsp.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'in-function-import' && d.range.start.line === 3));
    const actions = await lsp.codeActions(uri, stale.range, [stale]);
    assert.ok(!actions.some((a) => a.title === 'Move import to top of file (unsafe)'));
    assert.equal(await lsp.executeCommand('pyguide.server.fixAll', [uri, 1]), false);
    assert.equal(lsp.appliedEdits.length, 0);
    // A change for a document that was never opened, and one after it closed, are ignored.
    await lsp.change(fileUri(join(root, 'never.py')), [{ text: 'x = 1  # noqa\n' }]);
    await lsp.close(uri);
    await lsp.change(uri, [{ text: 'x = 1  # noqa\n' }]);
    const other = await lsp.open(join(root, 'b.py'), 'x = 1  # noqa\n');
    await lsp.waitForDiagnostics(other, (ds) => ds.some((d) => d.code === 'bare-noqa'));
  });

  it('a cancelled Check Workspace lints no file once it has seen the cancel, and leaves the last complete results', async () => {
    // The server runs in this process, and the cancel is sent from inside the linting of a chosen
    // file: what happens next depends on the order of events, never on how busy the machine is.
    root = mkdtempSync(join(tmpdir(), 'pyguide-robust-'));
    genWorkspace(root, { files: 300, lines: 60_000, seed: 9 });
    const linted: string[] = [];
    let afterLint = () => {};
    const record = (ctx: { file: string }) => {
      linted.push(ctx.file);
      afterLint();
      return [];
    };
    const recorders: Rule[] = [
      { id: 'records-python', kind: 'python', defaultSeverity: 'hint', guideline: 'none', summary: 'records the files it checks, for tests', check: record },
      { id: 'records-pyproject', kind: 'pyproject', checksInvalidToml: true, defaultSeverity: 'hint', guideline: 'none', summary: 'records the files it checks, for tests', check: record },
      { id: 'records-shell', kind: 'shell', defaultSeverity: 'hint', guideline: 'none', summary: 'records the files it checks, for tests', check: record },
    ];
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const connection = createConnection(toServer, fromServer);
    const overlay = new OverlayFiles();
    new PyguideServer(connection, await LintSession.create(overlay, ruleErrorReporter(connection), [...recorders, ...RULES]), overlay).register();
    connection.listen();
    lsp = await LspHarness.connect({ root }, fromServer, toServer);
    try {
      const done = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'first' })) as { files: number; cancelled: boolean };
      assert.equal(done.cancelled, false);
      assert.equal(linted.length, done.files, 'the recording rules see every file the sweep lints');
      const before = new Map([...lsp.diagnostics].map(([uri, p]) => [uri, JSON.stringify(p.diagnostics)]));
      assert.ok(before.size > 100);
      // Change a file on disk, so a second, complete sweep would publish something new for it.
      const changed = [...before.keys()].find((u) => u.endsWith('.py'))!;
      writeFileSync(new URL(changed), 'x = 1  # noqa\n');

      linted.length = 0;
      const CANCEL_AT = 40;
      const cancellation = new CancellationTokenSource();
      afterLint = () => {
        if (linted.length === CANCEL_AT) cancellation.cancel();
      };
      const result = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'second', cancellation }).catch((e: Error) => ({ error: e.message }))) as {
        cancelled?: boolean;
        error?: string;
      };
      assert.ok(result.cancelled === true || /cancel/i.test(result.error ?? ''), JSON.stringify(result));
      const [, stoppedAt, of] = lsp.logs.map((l) => /Check Workspace cancelled after (\d+) of (\d+) files/.exec(l)).find(Boolean) ?? [];
      assert.equal(Number(of), done.files, lsp.logs.join('\n'));
      // Every file linted was linted before the server saw the cancel and stopped; none after it.
      assert.equal(linted.length, Number(stoppedAt));
      assert.ok(linted.length >= CANCEL_AT && linted.length < done.files, `stopped after ${linted.length} of ${done.files} files`);
      assert.equal(lsp.progress.at(-1)!.kind, 'end');
      // Nothing keeps linting or publishing behind the answer.
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(linted.length, Number(stoppedAt));
      const after = new Map([...lsp.diagnostics].map(([uri, p]) => [uri, JSON.stringify(p.diagnostics)]));
      assert.deepEqual(after, before);
    } finally {
      await lsp.shutdown();
      connection.dispose();
      lsp = undefined;
    }
  });
});
