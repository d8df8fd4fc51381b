// type-checker-coverage's fixes as `pyguide check --fix` writes them into a copy of its fixture
// workspace, and its messages.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './fixtureHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const WORKSPACE = join(FIXTURES, 'rules', 'type-checker-coverage', 'workspace');

function check(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', '--select', 'type-checker-coverage', ...args], { cwd, encoding: 'utf8' });
}

/** The root pyproject.toml's lines from `[tool.ty.environment]` on. */
const checkerTables = (dir: string) => readFileSync(join(dir, 'pyproject.toml'), 'utf8').split('\n').slice(12).join('\n');

describe('type-checker-coverage fixes', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pyguide-tcc-'));
    cpSync(WORKSPACE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--fix adds the packages in each array’s style (sorted where sorted, else at the end), not the script directory', () => {
    check(dir, '--fix');
    assert.equal(
      checkerTables(dir),
      [
        '[tool.ty.environment]',
        'root = [',
        '  # Core package',
        '  "packages/genkit/src",',
        '  "./plugins/a/src/",',
        '  ".",  # For samples.shared and other root-level imports',
        '  "plugins/b/src",',
        ']',
        '',
        '[tool.pyright]',
        'extraPaths = ["packages/genkit/src", "plugins/a/src", "plugins/b/src"]',
        '',
        '[tool.pyrefly]',
        'project_includes = [',
        '  "packages/genkit/src/**/*.py",',
        '  "plugins/*/src/**/*.py",',
        ']',
        'ignore-missing-imports = ["genkit.plugins.*", "model_performance_test"]',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(check(dir, '--format', 'json', '--exit-zero').stdout) as { message: string; fix: { safe: boolean } | null }[];
    assert.deepEqual(
      json.map((f) => [f.message, f.fix?.safe ?? null]),
      [
        ['samples/hello is not covered by `[tool.ty.environment].root`: add "samples/hello/src" so the type checker sees the whole workspace, as the guidelines want.', false],
        ['samples/hello is not covered by `[tool.pyrefly].project_includes`: add "samples/hello/src/**/*.py" so the type checker sees the whole workspace, as the guidelines want.', false],
        [
          'pyrefly\'s `ignore-missing-imports` should hold only "genkit.plugins.*" (the namespace packages pyrefly cannot resolve): the guidelines call it the only acceptable import-related suppression. Fix the import of "model_performance_test" instead.',
          null,
        ],
      ],
    );
  });

  it('--fix --unsafe-fixes adds the sample too, in the style of the globs already there, and a second run changes nothing', () => {
    check(dir, '--fix', '--unsafe-fixes');
    const once = checkerTables(dir);
    assert.match(once, /"\.",  # For samples\.shared and other root-level imports\n {2}"plugins\/b\/src",\n {2}"samples\/hello\/src",\n\]/);
    assert.match(once, /"plugins\/\*\/src\/\*\*\/\*\.py",\n {2}"samples\/hello\/src\/\*\*\/\*\.py",\n\]/);
    check(dir, '--fix', '--unsafe-fixes');
    assert.equal(checkerTables(dir), once);
  });
});
