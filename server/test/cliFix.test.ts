// `pyguide check --fix`, `--unsafe-fixes` and `--diff` as a user runs them: what is written, what is
// printed, the exit codes, and a diff that `git apply` turns into exactly what `--fix` writes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { makeTree } from './tempTree';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file of a tree with its text, to compare whole trees. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name === '.git' || name === '.pyguide_cache') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const LICENSE = '# Copyright 2025 Google LLC\n# SPDX-License-Identifier: Apache-2.0\n';

/** A small workspace with one fix of each kind: a safe header, an unsafe move, rename and delete. */
function workspace(): string {
  return makeTree(
    {
      'pyproject.toml': [
        '[project]',
        'name = "ws"',
        '',
        '[tool.uv.workspace]',
        'members = []',
        '',
        '[tool.pyguide]',
        'select = ["missing-license-header", "in-function-import", "test-file-name", "tests-init-file"]',
        '',
        '[tool.pyguide.license]',
        'holder = "Google LLC"',
        'spdx = "Apache-2.0"',
        'style = "spdx"',
        '',
      ].join('\n'),
      'src/app.py': `${LICENSE}\n"""App."""\n\nimport os\n\n\ndef cwd():\n    """Where we are."""\n    import json\n\n    return json.dumps(os.getcwd())\n`,
      'src/plain.py': 'X = 1\n',
      'tests/__init__.py': LICENSE,
      'tests/test_app.py': `${LICENSE}\n\ndef test_app():\n    assert True\n`,
    },
    'pyguide-clifix-',
  );
}

const temps: string[] = [];
function tree(): string {
  const dir = workspace();
  temps.push(dir);
  return dir;
}

after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('pyguide check --fix / --unsafe-fixes / --diff', function () {
  this.timeout(60_000);

  it('without --fix: counts safe fixes, and the unsafe ones as needing --unsafe-fixes', () => {
    const dir = tree();
    const r = run(dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'Found 4 problems in 5 files (4 warnings).\n[*] 1 fixable with `pyguide check --fix` (3 more with `--fix --unsafe-fixes`).\n');
    assert.equal(run(dir, '--unsafe-fixes').stderr, 'Found 4 problems in 5 files (4 warnings).\n[*] 4 fixable with `pyguide check --fix --unsafe-fixes`.\n');
  });

  it('--fix applies only the safe fix, lists what it changed, renames and deletes nothing', () => {
    const dir = tree();
    const before = snapshot(dir);
    const r = run(dir, '--fix');
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      [
        'Fixed 1 problem:',
        '  edited  src/plain.py (1 fix)',
        'Found 3 problems in 5 files (3 warnings), 1 fixed.',
        '3 fixable with `pyguide check --fix --unsafe-fixes` (review them: they may change behaviour).',
        '',
      ].join('\n'),
    );
    const afterFix = snapshot(dir);
    assert.deepEqual(Object.keys(afterFix), Object.keys(before));
    assert.match(afterFix['src/plain.py'], /^# Copyright \d{4} Google LLC\n# SPDX-License-Identifier: Apache-2.0\n\nX = 1\n$/);
    for (const f of Object.keys(before)) if (f !== 'src/plain.py') assert.equal(afterFix[f], before[f], f);
  });

  it('--fix --unsafe-fixes also moves, renames and deletes, and says so', () => {
    const dir = tree();
    const r = run(dir, '--fix', '--unsafe-fixes');
    assert.equal(r.code, 0, r.stdout);
    assert.equal(
      r.stderr,
      [
        'Fixed 4 problems:',
        '  edited  src/app.py (1 fix)',
        '  edited  src/plain.py (1 fix)',
        '  deleted tests/__init__.py',
        '  renamed tests/test_app.py -> tests/app_test.py',
        'No problems in 4 files, 4 fixed.',
        '',
      ].join('\n'),
    );
    assert.ok(!existsSync(join(dir, 'tests/__init__.py')) && !existsSync(join(dir, 'tests/test_app.py')) && existsSync(join(dir, 'tests/app_test.py')));
    assert.equal(readFileSync(join(dir, 'src/app.py'), 'utf8'), `${LICENSE}\n"""App."""\n\nimport json\nimport os\n\n\ndef cwd():\n    """Where we are."""\n    return json.dumps(os.getcwd())\n`);
  });

  it('--diff prints the safe fixes as a unified diff, writes nothing, exits 1; nothing to fix exits 0', () => {
    const dir = tree();
    const before = snapshot(dir);
    const r = run(dir, '--diff');
    assert.equal(r.code, 1);
    const year = /# Copyright (\d{4})/.exec(r.stdout)?.[1];
    assert.equal(
      r.stdout,
      [
        'diff --git a/src/plain.py b/src/plain.py',
        '--- a/src/plain.py',
        '+++ b/src/plain.py',
        '@@ -1,1 +1,4 @@',
        `+# Copyright ${year} Google LLC`,
        '+# SPDX-License-Identifier: Apache-2.0',
        '+',
        ' X = 1',
        '',
      ].join('\n'),
    );
    assert.equal(r.stderr, 'Would fix 1 problem.\n');
    assert.deepEqual(snapshot(dir), before);
    run(dir, '--fix');
    const clean = run(dir, '--diff');
    assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '', 'No fixes to apply.\n']);
    assert.equal(run(dir, '--diff', '--exit-zero').code, 0);
  });

  it('--diff --unsafe-fixes lists renames and deletions, and git apply of it gives what --fix --unsafe-fixes writes', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    const dir = tree();
    const before = snapshot(dir);
    const r = run(dir, '--diff', '--unsafe-fixes');
    assert.equal(r.code, 1);
    assert.deepEqual(snapshot(dir), before);
    const headers = r.stdout.split('\n').filter((l) => /^(diff --git|rename|deleted|new file)/.test(l));
    assert.deepEqual(headers, [
      'diff --git a/src/app.py b/src/app.py',
      'diff --git a/src/plain.py b/src/plain.py',
      'diff --git a/tests/__init__.py b/tests/__init__.py',
      'deleted file mode 100644',
      'diff --git a/tests/test_app.py b/tests/app_test.py',
      'rename from tests/test_app.py',
      'rename to tests/app_test.py',
    ]);
    assert.equal(r.stderr, 'Would fix 4 problems.\n');

    const patched = mkdtempSync(join(tmpdir(), 'pyguide-clifix-git-'));
    temps.push(patched);
    cpSync(dir, patched, { recursive: true });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: patched, encoding: 'utf8', input: r.stdout });
    assert.equal(git('init', '-q').status, 0);
    const applied = git('apply', '-');
    assert.equal(applied.status, 0, applied.stderr);
    run(dir, '--fix', '--unsafe-fixes');
    assert.deepEqual(snapshot(patched), snapshot(dir));
  });

  it('json output with --fix keeps stderr free of the listing (for machines), and stdout valid JSON', () => {
    const dir = tree();
    const r = run(dir, '--fix', '--format', 'json');
    assert.equal(r.stderr, '');
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { rule: string; fix: { safe: boolean } | null }) => [f.rule, f.fix?.safe]),
      [
        ['in-function-import', false],
        ['tests-init-file', false],
        ['test-file-name', false],
      ],
    );
  });
});
