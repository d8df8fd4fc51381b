// Where pyguide checks and with which preset: Genkit workspaces detected from their layout, any
// other folder left alone until it has [tool.pyguide], on small copies of the real trees and, when
// they are on this machine, on the trees themselves.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { DiskFiles, OverlayFiles } from '../src/workspace/files';
import { Workspaces } from '../src/workspace/model';
import { FIXTURES, readExpected } from './fixtureHarness';
import { makeTree } from './tempTree';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const WORKSPACES = join(FIXTURES, 'workspaces');

function check(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
}
const asLine = (f: JsonFinding) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name === '.pyguide_cache') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Every file of a large tree with a digest of its bytes (and every directory), to compare trees. */
function digests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.set(rel, `-> ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        out.set(`${rel}/`, '');
        walk(full);
      } else out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function copyOf(name: string): string {
  const copy = mkdtempSync(join(tmpdir(), `pyguide-${name}-`));
  cpSync(join(WORKSPACES, name), copy, { recursive: true });
  return copy;
}

/** The CLI's missing-package-file findings of a workspace, as `file message`. */
const missingPackageFiles = (root: string) =>
  (JSON.parse(check(root, '--format', 'json').stdout) as (JsonFinding & { message: string })[]).filter((f) => f.rule === 'missing-package-file').map((f) => `${f.file} ${f.message}`);

const activationOf = (root: string) => new Workspaces(new DiskFiles()).forFile(join(root, 'pyproject.toml')).activation;

describe('activation: which folders pyguide checks', function () {
  this.timeout(60_000);

  it('the current Genkit layout is detected as preset "genkit": short headers, short test prefixes, the core exempt, no run.sh', () => {
    const root = join(WORKSPACES, 'genkit-current');
    assert.deepEqual(activationOf(root), { active: true, preset: 'genkit', source: 'detected', reason: 'Genkit workspace detected: preset "genkit"', configFile: join(root, 'pyproject.toml') });
    const r = check(root, '--format', 'json');
    const found = (JSON.parse(r.stdout) as JsonFinding[]).map(asLine).sort();
    assert.deepEqual(found, readExpected(`${root}.expected`).sort());
    for (const noise of ['test-file-prefix', 'missing-license-header', 'missing-package-file']) assert.ok(!found.some((l) => l.endsWith(` ${noise}`)), `${noise} on the current layout`);
  });

  it('the guidelines\' layout is detected as preset "genkit-plugins"; samples started by a justfile need no run.sh', () => {
    const root = join(WORKSPACES, 'genkit-guidelines');
    assert.equal(activationOf(root).preset, 'genkit-plugins');
    const r = check(root, '--format', 'json');
    const found = (JSON.parse(r.stdout) as JsonFinding[]).map(asLine).sort();
    assert.deepEqual(found, readExpected(`${root}.expected`).sort());
    assert.ok(!found.some((l) => l.endsWith(' missing-package-file')), 'run.sh asked of samples that use a justfile');
  });

  it('the same layout with a run.sh in one sample asks it of the others', () => {
    const copy = copyOf('genkit-guidelines');
    try {
      const other = join(copy, 'samples', 'other');
      cpSync(join(copy, 'samples', 'context'), other, { recursive: true });
      writeFileSync(join(other, 'pyproject.toml'), readFileSync(join(other, 'pyproject.toml'), 'utf8').replace('"context"', '"other"'));
      writeFileSync(join(other, 'run.sh'), '#!/usr/bin/env bash\nexec uv run src/main.py\n');
      assert.deepEqual(missingPackageFiles(copy), ['samples/context/pyproject.toml No run.sh in samples/context: every sample has a run.sh that starts it.']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a preset the project names keeps its required files: run.sh is asked of samples even where none has one', () => {
    const copy = copyOf('genkit-guidelines');
    try {
      writeFileSync(join(copy, 'pyproject.toml'), `${readFileSync(join(copy, 'pyproject.toml'), 'utf8')}\n[tool.pyguide]\npreset = "genkit-plugins"\n`);
      assert.equal(activationOf(copy).source, 'configured');
      assert.deepEqual(missingPackageFiles(copy), ['samples/context/pyproject.toml No run.sh in samples/context: every sample has a run.sh that starts it.']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a uv workspace that is not Genkit gets no findings, --fix changes nothing, and the CLI says why', () => {
    const copy = copyOf('not-genkit');
    try {
      const before = snapshot(copy);
      for (const args of [[], ['--fix'], ['--fix', '--unsafe-fixes']]) {
        const r = check(copy, ...args);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /checked nothing in .*not-genkit-\w+ \(14 files\): no \[tool\.pyguide\] table in pyproject\.toml, and not a Genkit uv workspace\. To check it, add a \[tool\.pyguide\] table to .*pyproject\.toml/);
      }
      assert.deepEqual(snapshot(copy), before);
      assert.deepEqual(activationOf(copy), { active: false, source: 'none', reason: 'no [tool.pyguide] table in pyproject.toml, and not a Genkit uv workspace', configFile: join(copy, 'pyproject.toml') });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('with [tool.pyguide] it is checked: preset "generic" by default, only language-level rules', () => {
    const copy = copyOf('not-genkit');
    try {
      writeFileSync(join(copy, 'pyproject.toml'), `${readFileSync(join(copy, 'pyproject.toml'), 'utf8')}\n[tool.pyguide]\n`);
      assert.deepEqual(activationOf(copy), { active: true, preset: 'generic', source: 'table', reason: 'preset "generic" ([tool.pyguide] names none)', configFile: join(copy, 'pyproject.toml') });
      const r = check(copy, '--format', 'json');
      assert.deepEqual((JSON.parse(r.stdout) as JsonFinding[]).map(asLine), [
        'pydantic_ai_slim/pydantic_ai/_deferred.py:4:30-4:36 bare-noqa',
        'pydantic_ai_slim/pydantic_ai/_instrumentation.py:6:5-6:59 in-function-import',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('[tool.pyguide] without a preset in a Genkit workspace keeps the detected preset', () => {
    const root = makeTree({
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n\n[tool.pyguide]\nexclude = ["build/"]\n',
      'packages/genkit/pyproject.toml': '[project]\nname = "genkit"\n',
      'packages/genkit-x/pyproject.toml': '[project]\nname = "genkit-x"\n',
    });
    try {
      assert.deepEqual(activationOf(root), { active: true, preset: 'genkit', source: 'table', reason: 'preset "genkit" (detected; [tool.pyguide] names none)', configFile: join(root, 'pyproject.toml') });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a loose file outside any workspace is not checked', () => {
    const root = makeTree({ 'script.py': 'def f():\n    import os  # noqa\n' });
    try {
      const r = check(root, 'script.py', '--format', 'json');
      assert.deepEqual([r.code, JSON.parse(r.stdout)], [0, []]);
      assert.match(r.stderr, /checked nothing in files outside any workspace \(1 file\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a root pyproject.toml that stops parsing mid-edit keeps the configuration it had', () => {
    const root = makeTree({ 'pyproject.toml': '[tool.pyguide]\npreset = "generic"\nmax-file-size = 5\n' });
    try {
      const overlay = new OverlayFiles();
      const workspaces = new Workspaces(overlay);
      const ws = workspaces.forFile(join(root, 'pyproject.toml'));
      assert.equal(ws.config.maxFileSize, 5);
      overlay.set(join(root, 'pyproject.toml'), '[tool.pyguide]\npreset = "generic"\nmax-file-size = 5\n[tool.uv');
      workspaces.changed(join(root, 'pyproject.toml'), 'changed');
      assert.deepEqual([ws.activation.active, ws.config.maxFileSize], [true, 5]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// The trees the issue was measured on (see /work/scratch/README.md), when they are on this machine.
const TREES: [string, string | undefined][] = [
  ['/work/scratch/genkit-846fb0ca/py', 'genkit'],
  ['/work/scratch/genkit-77656d5e/py', 'genkit-plugins'],
  ['/work/scratch/pydantic-ai', undefined],
];

describe('activation on the real trees', function () {
  this.timeout(600_000);
  for (const [tree, preset] of TREES) {
    it(`${tree}: ${preset ? `detected as preset "${preset}"` : 'not Genkit: no findings, and --fix changes nothing'}`, function () {
      if (!existsSync(tree)) {
        console.log(`      (skipped: ${tree} is not on this machine)`);
        this.skip();
      }
      const activation = activationOf(tree);
      assert.deepEqual([activation.active, activation.preset, activation.source], preset ? [true, preset, 'detected'] : [false, undefined, 'none']);
      if (preset) return;
      const copy = mkdtempSync(join(tmpdir(), 'pyguide-tree-'));
      try {
        cpSync(tree, copy, { recursive: true });
        const before = digests(copy);
        const r = check(copy, '--fix', '--unsafe-fixes', '--format', 'json');
        assert.deepEqual([r.code, JSON.parse(r.stdout)], [0, []]);
        assert.deepEqual(digests(copy), before);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});
