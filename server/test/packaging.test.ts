// The CLI as people install it: `npm pack` then `npm install -g` of the tarball, and the pre-commit
// hook installed by Debian's pre-commit straight from (a snapshot of) this repository.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tree } from './cliHarness';

const ROOT = join(__dirname, '..', '..', '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NOQA_LINE = 'src/a.py:1:8: warning bare-noqa `# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.';

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function demoRepo(): string {
  return tree(
    {
      'pyproject.toml': '[project]\nname = "demo"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n',
      'src/a.py': 'x = 1  # noqa\n',
    },
    'pyguide-demo-',
  );
}

describe('packaging', function () {
  this.timeout(600_000);

  describe('npm pack', () => {
    it('packs the CLI and server bundles, their wasm, the rule docs and the problem matcher, and nothing else', () => {
      const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
      const docs = execFileSync('git', ['ls-files', 'docs/rules'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
      assert.deepEqual(
        pack.files.map((f) => f.path).sort(),
        [
          '.github/pyguide-problem-matcher.json',
          'CHANGELOG.md',
          'LICENSE',
          'README.md',
          'bin/pyguide-lsp.js',
          'bin/pyguide.js',
          'dist/cli.js',
          'dist/server.js',
          'dist/sweepWorker.js',
          'dist/tree-sitter-python.wasm',
          'dist/web-tree-sitter.wasm',
          ...docs,
          'package.json',
          'scripts/postinstall.mjs',
        ].sort(),
      );
    });

    it('makes a tarball that `npm install -g` turns into a working pyguide command', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pyguide-pack-'));
      const demo = demoRepo();
      try {
        const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim();
        assert.equal(tarball, `pyguide-${PKG.version}.tgz`);
        const prefix = join(dir, 'prefix');
        execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball)], { cwd: dir, encoding: 'utf8' });
        const bin = join(prefix, 'bin', 'pyguide');
        assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }), `${PKG.version}\n`);
        const r = spawnSync(bin, ['check'], { cwd: demo, encoding: 'utf8' });
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout, `${NOQA_LINE}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(demo, { recursive: true, force: true });
      }
    });
  });

  describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
    before(function () {
      if (!onPath('pre-commit') || !onPath('git') || !existsSync(join(ROOT, '.git'))) {
        console.log('      (skipped: needs pre-commit (apt-get install pre-commit), git and a git checkout of pyguide)');
        this.skip();
      }
    });

    /**
     * The working tree (tracked and new files, as .gitignore leaves them) committed into a hook
     * repository with fixed dates, so unchanged sources give the same revision and pre-commit reuses
     * the environment it installed for it in a cache beside the temporary files.
     */
    function hookRepo(cache: string): { repo: string; rev: string } {
      const repo = join(cache, 'hook-repo');
      rmSync(repo, { recursive: true, force: true });
      mkdirSync(repo, { recursive: true });
      const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
      for (const f of files) {
        // Deleted files, and a node_modules symlink in a second checkout, are not sources.
        if (!existsSync(join(ROOT, f)) || !lstatSync(join(ROOT, f)).isFile()) continue;
        mkdirSync(dirname(join(repo, f)), { recursive: true });
        copyFileSync(join(ROOT, f), join(repo, f));
      }
      const env = { ...process.env, GIT_AUTHOR_NAME: 'pyguide', GIT_AUTHOR_EMAIL: 'pyguide@example.invalid', GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_NAME: 'pyguide', GIT_COMMITTER_EMAIL: 'pyguide@example.invalid', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z' };
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
      execFileSync('git', ['add', '-A'], { cwd: repo, env });
      execFileSync('git', ['commit', '-q', '--no-gpg-sign', '-m', 'snapshot'], { cwd: repo, env });
      return { repo, rev: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim() };
    }

    it('fails `pre-commit run --all-files` with pyguide\'s findings, and passes once they are fixed', () => {
      // One cache per checkout: several checkouts' test runs on one machine must not share it.
      const cache = join(tmpdir(), `pyguide-pre-commit-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
      const { repo, rev } = hookRepo(cache);
      // One installed environment at a time: a new revision starts from an empty pre-commit home.
      const home = join(cache, 'home');
      const marker = join(cache, 'rev');
      if (!existsSync(marker) || readFileSync(marker, 'utf8') !== rev) rmSync(home, { recursive: true, force: true });
      const demo = demoRepo();
      try {
        writeFileSync(join(demo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: pyguide\n`);
        execFileSync('git', ['init', '-q'], { cwd: demo });
        execFileSync('git', ['add', '-A'], { cwd: demo });
        const env = { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' };
        const failing = spawnSync('pre-commit', ['run', '--all-files'], { cwd: demo, env, encoding: 'utf8' });
        assert.equal(failing.status, 1, failing.stdout + failing.stderr);
        writeFileSync(marker, rev);
        assert.match(failing.stdout, /^pyguide\.+Failed$/m);
        assert.ok(failing.stdout.split('\n').includes(NOQA_LINE), failing.stdout);
        writeFileSync(join(demo, 'src/a.py'), 'x = 1  # noqa: E501\n');
        const passing = spawnSync('pre-commit', ['run', '--all-files'], { cwd: demo, env, encoding: 'utf8' });
        assert.equal(passing.status, 0, passing.stdout + passing.stderr);
        assert.match(passing.stdout, /^pyguide\.+Passed$/m);
      } finally {
        rmSync(demo, { recursive: true, force: true });
      }
    });
  });
});
