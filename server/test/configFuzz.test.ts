// Random [tool.pyguide] tables: random keys (the schema's, rule ids, prototype names, nonsense),
// random value types, random nesting and placement (dotted keys, inline tables, headers, arrays of
// tables). Every run ends in findings or invalid-config: never a crash, a hang, or every rule
// silently off. In-process over the validator (many cases), and through the CLI and the server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTOML } from 'toml-eslint-parser';
import { resolveConfig } from '../src/engine/config';
import { RULES } from '../src/engine/registry';
import { ruleCatalog } from '../src/engine/session';
import { workspaceConfig } from '../src/workspace/activation';
import { fileUri, LspHarness } from './lspHarness';

const LONG = !!process.env.PYGUIDE_FUZZ_LONG;
const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const catalog = ruleCatalog(RULES);
const IDS = RULES.map((r) => r.id);

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'preset', 'select', 'ignore', 'severity', 'exclude', 'max-file-size', 'requires-python', 'classifiers', 'license', 'layout', 'rules',
  'holder', 'style', 'spdx', 'core', 'namespace-dirs', 'members', 'kind', 'path', 'name', 'publishable', 'namespace', 'required-files',
  'source-dir', 'version-sync', 'test-prefix', 'ignore-names', 'exempt', 'line-length', '__proto__', 'constructor', 'prototype',
  'toString', 'hasOwnProperty', 'fix', 'safe', 'changes', '', 'a b', 'ünï', ...IDS,
];
const STRINGS = ['', 'generic', 'genkit', 'genkit-plugins', 'off', 'error', 'warning', 'info', 'full', 'spdx', '>=3.10', '3.10', 'packages/*', '../*', '/etc', '~/x', 'src', '.', '..', '[z-a]', '#x', 'a\\', '{name}', 'constructor', '__proto__', ...IDS, 'in-function-imports'];

type Gen = () => number;
const pick = <T>(r: Gen, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function scalar(r: Gen): string {
  switch (Math.floor(r() * 7)) {
    case 0:
    case 1:
      return JSON.stringify(pick(r, STRINGS));
    case 2:
      return String(Math.floor(r() * 3e7) - 1e3);
    case 3:
      return r() < 0.5 ? '3.10' : '1e3';
    case 4:
      return r() < 0.5 ? 'true' : 'false';
    case 5:
      return '2026-11-30T12:00:00Z';
    default:
      return '0';
  }
}

function value(r: Gen, depth: number): string {
  const roll = r();
  if (depth > 2 || roll < 0.5) return scalar(r);
  if (roll < 0.8) return `[${Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1)).join(', ')}]`;
  return inline(r, depth + 1);
}

const key = (r: Gen) => JSON.stringify(pick(r, KEYS));

/** Distinct keys: a TOML table may not repeat one. */
function keys(r: Gen, n: number): string[] {
  return [...new Set(Array.from({ length: n }, () => key(r)))];
}

function inline(r: Gen, depth: number): string {
  return `{ ${keys(r, Math.floor(r() * 4)).map((k) => `${k} = ${value(r, depth)}`).join(', ')} }`;
}

/** A whole `[tool.pyguide]`: key-values under the header, then sub-tables and arrays of tables. */
export function randomTable(r: Gen): string {
  const top = keys(r, 1 + Math.floor(r() * 6));
  const lines = ['[tool.pyguide]', ...top.map((k) => `${k} = ${value(r, 0)}`)];
  const used = new Set(top);
  for (const sub of keys(r, Math.floor(r() * 3))) {
    if (used.has(sub)) continue;
    used.add(sub);
    const array = r() < 0.3;
    for (let i = 0; i < (array ? 1 + Math.floor(r() * 2) : 1); i++) {
      const nested = r() < 0.3 ? `.${key(r)}` : '';
      lines.push('', array && !nested ? `[[tool.pyguide.${sub}]]` : `[tool.pyguide.${sub}${nested}]`, ...keys(r, Math.floor(r() * 4)).map((k) => `${k} = ${value(r, 1)}`));
      if (nested) break;
    }
  }
  return `${lines.join('\n')}\n`;
}

function parses(text: string): boolean {
  try {
    parseTOML(text);
    return true;
  } catch {
    return false;
  }
}

/** Cases that are TOML (the others are invalid-pyproject's, tested elsewhere). */
function cases(seed: number, count: number): string[] {
  const r = prng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const text = randomTable(r);
    if (parses(text)) out.push(text);
  }
  return out;
}

/** What the workspace model makes of a table (activation.ts, the one place that reads it): its problems and the rules it runs. */
const onRules = (text: string) => {
  const { config, problems } = workspaceConfig({
    root: '/fuzz',
    rootPyproject: '/fuzz/pyproject.toml',
    // Only the syntax tree is read; the plain values are never built here.
    doc: { ok: true, ast: parseTOML(text), value: {} },
    catalog,
    unconfigured: 'off',
    memberName: () => undefined,
    exists: () => false,
    previous: undefined,
  });
  const resolved = resolveConfig(config);
  return { problems, on: IDS.filter((id) => resolved.severityOf(id, 'warning') !== 'off') };
};

const A_PY = 'def f():\n    import os  # noqa\n    return os\n';

describe('fuzzing [tool.pyguide]', function () {
  this.timeout(LONG ? 1_800_000 : 300_000);

  it('the validator: every random table gives problems at a key, or runs rules; nothing throws or leaks into prototypes', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    let invalid = 0;
    for (const text of cases(1, LONG ? 20_000 : 2_000)) {
      const { problems, on } = onRules(text);
      assert.ok(problems.length > 0 || on.length > 1, `every rule off without a word:\n${text}`);
      for (const p of problems) assert.ok(p.range.start.line >= 0 && p.message.length > 10, `${JSON.stringify(p)}\n${text}`);
      if (problems.length > 0) invalid++;
    }
    assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), before);
    assert.ok(invalid > 100, `only ${invalid} invalid tables: the generator is too tame`);
  });

  it('the CLI: exit 2 with invalid-config findings, or 0/1 with the rules the table leaves on; never a crash or a hang', () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-cfgfuzz-'));
    try {
      writeFileSync(join(root, 'a.py'), A_PY);
      for (const [i, text] of cases(2, LONG ? 300 : 25).entries()) {
        writeFileSync(join(root, 'pyproject.toml'), text);
        const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
        const where = `case ${i}:\n${text}\nstderr: ${r.stderr}`;
        assert.equal(r.signal, null, `killed (hang?) ${where}`);
        assert.doesNotMatch(r.stderr, /internal error|failed on/, where);
        const findings = JSON.parse(r.stdout) as { rule: string; file: string }[];
        const invalid = findings.filter((f) => f.rule === 'invalid-config');
        const { problems, on } = onRules(text);
        assert.equal(invalid.length, problems.length, where);
        if (problems.length > 0) assert.equal(r.status, 2, where);
        else assert.ok(r.status === 0 || r.status === 1, where);
        // a.py's import and bare noqa are found whenever their rules are on (and the file is not excluded or over a size limit).
        const expected = ['in-function-import', 'bare-noqa'].filter((id) => on.includes(id));
        const got = findings.filter((f) => f.file === 'a.py').map((f) => f.rule);
        if (!got.includes('unreadable-file') && !/"exclude"|exclude =/.test(text)) for (const id of expected) assert.ok(got.includes(id), `${id} missing: ${where}`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the server: after each random table, diagnostics for the table and the open file, and the server still answers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-cfgfuzz-lsp-'));
    writeFileSync(join(root, 'pyproject.toml'), '[tool.pyguide]\npreset = "generic"\n');
    writeFileSync(join(root, 'a.py'), A_PY);
    const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    try {
      const toml = await lsp.open(join(root, 'pyproject.toml'), '[tool.pyguide]\npreset = "generic"\n');
      const py = await lsp.open(join(root, 'a.py'), A_PY);
      await lsp.waitForDiagnostics(py, (ds) => ds.length === 2);
      for (const [i, text] of cases(3, LONG ? 200 : 20).entries()) {
        const { problems } = onRules(text);
        await lsp.change(toml, [{ text }]);
        const version = lsp.versionOf(toml);
        const ds = await lsp.waitForDiagnostics(toml, (_ds, p) => p.version === version, 30_000);
        assert.equal(ds.filter((d) => d.code === 'invalid-config').length, problems.length, `case ${i}:\n${text}`);
        // The open file is linted again under the new table; a nudge makes the server answer for it.
        await lsp.change(py, [{ text: A_PY }]);
        const pyVersion = lsp.versionOf(py);
        await lsp.waitForDiagnostics(py, (_ds, p) => p.version === pyVersion, 30_000);
      }
      assert.deepEqual(lsp.logs.filter((l) => /error|failed|uncaught/i.test(l)), []);
      assert.equal(lsp.process?.exitCode, null);
      void fileUri;
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
