// `pyguide check --config <file>`: another file's [tool.pyguide] configures every workspace, on
// every worker thread; a file that cannot configure anything stops the run with exit 2.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { run, runWith, tree } from './cliHarness';

describe('pyguide check --config', () => {
  let root: string;
  beforeEach(() => {
    root = tree({
      'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n',
      'ci/strict.toml': '[tool.pyguide]\nselect = ["in-function-import"]\nseverity = { in-function-import = "error" }\n',
      'ci/broken.toml': '[tool.pyguide\nselect = 1\n',
      'ci/other.toml': '[tool.ruff]\nline-length = 100\n',
      'src/a.py': 'x = 1  # noqa\n\n\ndef f():\n    import os\n    return os\n',
      'src/b.py': 'def g():\n    import sys\n    return sys  # noqa\n',
      'src/c.py': 'y = 2  # noqa\n',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const rules = (env: Record<string, string>, ...args: string[]) =>
    (JSON.parse(runWith(env, root, 'check', '--no-cache', '--format', 'json', ...args).stdout) as { file: string; rule: string; severity: string }[]).map((f) => `${f.file} ${f.rule} ${f.severity}`);

  it("replaces the workspace's [tool.pyguide], on one thread and on several", () => {
    assert.deepEqual(rules({}), ['src/a.py bare-noqa warning', 'src/b.py bare-noqa warning', 'src/c.py bare-noqa warning']);
    const strict = ['src/a.py in-function-import error', 'src/b.py in-function-import error'];
    assert.deepEqual(rules({ PYGUIDE_SWEEP_WORKERS: '0' }, '--config', 'ci/strict.toml'), strict);
    assert.deepEqual(rules({ PYGUIDE_SWEEP_WORKERS: '2' }, '--config', 'ci/strict.toml'), strict);
  });

  it('refuses a file it cannot read, that is not TOML, or that has no [tool.pyguide]', () => {
    const cases: [string, RegExp][] = [
      ['ci/missing.toml', /^pyguide: --config ci\/missing\.toml: cannot read it \(ENOENT\)$/m],
      ['ci/broken.toml', /^pyguide: --config ci\/broken\.toml: not valid TOML \(line 2: The key, equals sign, and value must be on the same line\)$/m],
      ['ci/other.toml', /^pyguide: --config ci\/other\.toml: no \[tool\.pyguide\] table in it$/m],
    ];
    for (const [file, message] of cases) {
      const r = run(root, 'check', '--config', file);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });
});
