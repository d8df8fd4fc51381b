// Adopting pyguide on an existing tree: `--write-baseline` records today's findings per file and
// rule; later runs fail only on new ones and say which recorded ones are gone.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './cliHarness';

const PYPROJECT = '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa", "in-function-import"]\n';
const NOQA = '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.';

describe('the baseline (pyguide-baseline.json)', () => {
  let root: string;
  const check = (...args: string[]) => run(root, 'check', '--no-cache', ...args);
  const baseline = () => JSON.parse(readFileSync(join(root, 'pyguide-baseline.json'), 'utf8'));
  beforeEach(() => {
    root = tree({
      'pyproject.toml': PYPROJECT,
      'src/a.py': 'x = 1  # noqa\ny = 2  # noqa\n\n\ndef f():\n    import os\n    return os\n',
      'src/b.py': 'z = 3  # noqa\n',
      'src/clean.py': 'w = 4\n',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('--write-baseline records counts per file and rule, sorted, and the run passes', () => {
    const r = check('--write-baseline');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'pyguide: wrote pyguide-baseline.json: 4 findings in 2 files.\nNo problems in 4 files. 4 more in pyguide-baseline.json.\n');
    assert.equal(
      readFileSync(join(root, 'pyguide-baseline.json'), 'utf8'),
      '{\n  "src/a.py": {\n    "bare-noqa": {\n      "count": 2\n    },\n    "in-function-import": {\n      "count": 1\n    }\n  },\n  "src/b.py": {\n    "bare-noqa": {\n      "count": 1\n    }\n  }\n}\n',
    );
    assert.equal(check().code, 0);
    assert.equal(check('--no-baseline').code, 1);
  });

  it('keeps hiding recorded findings when lines move; a new one of a rule shows them all (which is new cannot be told)', () => {
    check('--write-baseline');
    writeFileSync(join(root, 'src/a.py'), `"""Docs."""\n\n${readFileSync(join(root, 'src/a.py'), 'utf8')}`);
    assert.equal(check().code, 0);
    writeFileSync(join(root, 'src/a.py'), `${readFileSync(join(root, 'src/a.py'), 'utf8')}v = 5  # noqa\n`);
    const r = check();
    assert.equal(r.code, 1);
    assert.equal(r.stdout, [3, 4, 10].map((line) => `src/a.py:${line}:8: warning bare-noqa ${NOQA}\n`).join(''));
    assert.match(r.stderr, /Found 3 problems in 4 files \(3 warnings\)\. 2 more in pyguide-baseline\.json\./);
  });

  it('reports only the new finding of a file with none recorded', () => {
    check('--write-baseline');
    writeFileSync(join(root, 'src/clean.py'), 'w = 4  # noqa\n');
    const r = check('--format', 'json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), ['src/clean.py bare-noqa']);
  });

  it('says which recorded findings no longer occur, without failing; --write-baseline drops them', () => {
    check('--write-baseline');
    writeFileSync(join(root, 'src/a.py'), 'x = 1  # noqa\n');
    unlinkSync(join(root, 'src/b.py'));
    const r = check();
    assert.equal(r.code, 0);
    assert.equal(
      r.stderr,
      'pyguide: pyguide-baseline.json records 3 finding counts higher than what occurs now; `pyguide check --write-baseline` lowers them:\n' +
        '  src/a.py: bare-noqa 2 recorded, 1 now\n  src/a.py: in-function-import 1 recorded, 0 now\n  src/b.py: bare-noqa 1 recorded, 0 now\n' +
        'No problems in 3 files. 1 more in pyguide-baseline.json.\n',
    );
    check('--write-baseline');
    assert.deepEqual(baseline(), { 'src/a.py': { 'bare-noqa': { count: 1 } } });
  });

  it('a run on some files updates only their entries', () => {
    check('--write-baseline');
    writeFileSync(join(root, 'src/a.py'), 'x = 1\n');
    check('--write-baseline', 'src/a.py');
    assert.deepEqual(baseline(), { 'src/b.py': { 'bare-noqa': { count: 1 } } });
  });

  it('refuses a malformed baseline (exit 2, nothing hidden or lost), and --write-baseline with a rule selection', () => {
    for (const text of ['{', '[]', '{"src/a.py": {"bare-noqa": {"count": 0}}}', '{"src/a.py": {"bare-noqa": 2}}']) {
      writeFileSync(join(root, 'pyguide-baseline.json'), text);
      const r = check();
      assert.equal(r.code, 2, text);
      assert.match(r.stderr, /pyguide-baseline\.json: .*; fix it or write it again with --write-baseline/);
      assert.equal(readFileSync(join(root, 'pyguide-baseline.json'), 'utf8'), text);
    }
    const r = check('--write-baseline', '--select', 'bare-noqa');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--write-baseline records every rule: drop --select and --ignore/);
  });
});
