// The CLI as CI runs it: a child process, its stdout, stderr and exit code.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genWorkspace } from '../../scripts/genkit-shapes.mjs';
import { run, runWith, tree } from './cliHarness';

describe('pyguide check (CLI)', () => {
  let root: string;
  beforeEach(() => {
    root = tree({
      'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n',
      'src/a.py': 'x = 1  # noqa\n',
      'src/clean.py': 'y = 2  # noqa: E501 - a generated line\n',
      '.gitignore': 'ignored/\n*.gen.py\n',
      'ignored/b.py': 'x = 1  # noqa\n',
      'src/c.gen.py': 'x = 1  # noqa\n',
      '.venv/lib/d.py': 'x = 1  # noqa\n',
      'node_modules/e.py': 'x = 1  # noqa\n',
      '.hidden/f.py': 'x = 1  # noqa\n',
      'src/__pycache__/g.py': 'x = 1  # noqa\n',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('text: one problem-matcher line per finding, exit 1, summary on stderr', () => {
    const r = run(root, 'check');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'src/a.py:1:8: warning bare-noqa `# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.\n');
    assert.equal(r.stderr, 'Found 1 problem in 3 files (1 warning).\n');
  });

  it('json: the documented fields, 1-based, paths relative to the current directory', () => {
    const r = run(join(root, 'src'), 'check', '..', '--format', 'json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'a.py',
        line: 1,
        column: 8,
        endLine: 1,
        endColumn: 14,
        rule: 'bare-noqa',
        severity: 'warning',
        message: '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.',
        fix: null,
      },
    ]);
  });

  it('sarif: a 2.1.0 log with the rule catalogue and regions', () => {
    const r = run(root, 'check', 'src', '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'pyguide');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'bare-noqa'));
    assert.deepEqual(run0.results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region]), [
      ['bare-noqa', 'warning', 'src/a.py', { startLine: 1, startColumn: 8, endLine: 1, endColumn: 14 }],
    ]);
  });

  it('exit 0 on a clean file, and with --exit-zero despite findings', () => {
    assert.equal(run(root, 'check', 'src/clean.py').code, 0);
    const r = run(root, 'check', '--exit-zero');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /bare-noqa/);
  });

  it('an explicitly named file is checked even when .gitignore skips it in a walk', () => {
    const r = run(root, 'check', 'ignored/b.py', '--format', 'json');
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), ['ignored/b.py']);
  });

  it('exit 2 with a message on usage errors', () => {
    for (const args of [[], ['lint'], ['check', '--format', 'xml'], ['check', 'missing-dir'], ['check', '--bogus'], ['check', '.gitignore']]) {
      const r = run(root, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^pyguide: /);
    }
  });

  it('configured excludes are honoured', () => {
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\nexclude = ["src/a.py"]\n');
    assert.equal(run(root, 'check').code, 0);
  });

  it('binary and invalid UTF-8 files get an informational finding and do not fail the run', () => {
    writeFileSync(join(root, 'src/bin.py'), Buffer.from([0x00, 0x01, 0x02, 0x50]));
    writeFileSync(join(root, 'src/latin1.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]));
    const r = run(root, 'check', 'src/bin.py', 'src/latin1.py', '--format', 'json');
    assert.equal(r.code, 0);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { file: string; rule: string; severity: string; message: string }) => [f.file, f.rule, f.severity, f.message]),
      [
        ['src/bin.py', 'unreadable-file', 'info', 'pyguide did not lint this file: file looks binary (it contains NUL bytes)'],
        ['src/latin1.py', 'unreadable-file', 'info', 'pyguide did not lint this file: file is not valid UTF-8'],
      ],
    );
  });

  it('the engine\'s own reports take `ignore` and `severity` like rules, and `select` (which picks rules) keeps them', () => {
    writeFileSync(join(root, 'src/bin.py'), Buffer.from([0x00, 0x01, 0x02, 0x50]));
    const config = (extra: string) => writeFileSync(join(root, 'pyproject.toml'), `[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n${extra}`);
    const found = () => {
      const r = run(root, 'check', 'src/bin.py', '--format', 'json');
      return { code: r.code, findings: JSON.parse(r.stdout).map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`) };
    };
    // `select` names only bare-noqa (beforeEach): the binary file is still reported.
    assert.deepEqual(found(), { code: 0, findings: ['unreadable-file info'] });
    config('ignore = ["unreadable-file", "partially-checked-file"]\n');
    assert.deepEqual(found(), { code: 0, findings: [] });
    config('[tool.pyguide.severity]\nunreadable-file = "error"\n');
    assert.deepEqual(found(), { code: 1, findings: ['unreadable-file error'] });
  });

  it('follows no symlink loop; a malformed [tool.pyguide] fails the run closed with its findings at the keys', () => {
    symlinkSync(root, join(root, 'src', 'loop'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = "bare-noqa"\nbogus = 1\nignore = ["missing-license-header"]\n');
    const r = run(root, 'check', '--format', 'json');
    assert.equal(r.code, 2);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { file: string; line: number; column: number; rule: string; message: string }) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`),
      [
        'pyproject.toml:8:10 invalid-config select must be an array, not a string ("bare-noqa").',
        'pyproject.toml:9:1 invalid-config Unknown key "bogus" in [tool.pyguide].',
        'src/a.py:1:8 bare-noqa `# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.',
      ],
    );
    assert.match(r.stderr, /\[tool\.pyguide\] has 2 problems \(invalid-config\); exit 2/);
  });

  it('lints a 5 MB file to the end, and skips one over max-file-size with a message', () => {
    const line = 'value = compute(1, 2, 3)  # a comment that is not a directive\n';
    const count = Math.ceil(5_000_000 / line.length);
    writeFileSync(join(root, 'src/big.py'), `${line.repeat(count)}tail = 1  # noqa\n`);
    const r = run(root, 'check', 'src/big.py', '--format', 'json');
    assert.deepEqual(JSON.parse(r.stdout).map((f: { line: number; rule: string }) => [f.line, f.rule]), [[count + 1, 'bare-noqa']]);
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nmax-file-size = 1000000\n');
    const skipped = JSON.parse(run(root, 'check', 'src/big.py', '--format', 'json').stdout);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].rule, 'unreadable-file');
    assert.match(skipped[0].message, /over the 1000000-byte limit/);
  });

  it('spreads a sweep over worker threads with exactly the output of one thread', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pyguide-cli-ws-'));
    try {
      genWorkspace(ws, { files: 60, lines: 6000, seed: 3 });
      const one = runWith({ PYGUIDE_SWEEP_WORKERS: '0' }, ws, 'check', '--format', 'json', '--no-cache');
      const many = runWith({ PYGUIDE_SWEEP_WORKERS: '2' }, ws, 'check', '--format', 'json', '--no-cache');
      assert.equal(one.code, 1);
      assert.ok(JSON.parse(one.stdout).length > 0);
      assert.equal(many.stdout, one.stdout);
      assert.equal(many.code, one.code);
      assert.equal(many.stderr, one.stderr);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
