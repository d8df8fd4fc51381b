// The CLI as a person uses it in a terminal: colour (and when not), the full format's code frame,
// the summary, --statistics, --select/--ignore, `pyguide rules` and `pyguide explain`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/engine/registry';
import { CLI, run, runWith, tree } from './cliHarness';

const ROOT = join(__dirname, '..', '..', '..');
const HEADER = '# Copyright 2025 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n\n';
const NOQA = '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.';
const IMPORT = "Import inside a function: move it to the top of the file. The guidelines keep every import in the module's import block, so dependencies are visible and load predictably.";
const ESC = '\u001b[';
/** Adds missing-license-header, with its safe fix, to the rules of the tree below (src/b.py has no header). */
const PYPROJECT_WITH_LICENSE =
  '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa", "in-function-import", "missing-license-header"]\nlicense = { holder = "Google LLC", spdx = "Apache-2.0" }\n';

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(env: Record<string, string | undefined>, cwd: string, ...args: string[]): string | undefined {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm', ...env } });
  return r.stdout;
}

describe('the CLI in a terminal', () => {
  let root: string;
  beforeEach(() => {
    root = tree({
      'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa", "in-function-import"]\n',
      'src/a.py': `${HEADER}def f():\n\timport os\n    return os  # noqa\n`,
      'src/b.py': 'x = 1  # noqa\n',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('colour', () => {
    it('is off in a pipe, and on with FORCE_COLOR=1', () => {
      assert.doesNotMatch(run(root, 'check', '--no-cache').stdout, /\u001b\[/);
      const forced = runWith({ FORCE_COLOR: '1', NO_COLOR: undefined }, root, 'check', '--no-cache').stdout;
      assert.ok(forced.includes(`${ESC}1msrc/b.py${ESC}22m${ESC}36m:${ESC}39m1${ESC}36m:${ESC}39m8${ESC}36m:${ESC}39m ${ESC}33mwarning${ESC}39m ${ESC}1mbare-noqa${ESC}22m ${NOQA}`), JSON.stringify(forced));
      // Without the escapes, the line is the problem matcher's.
      assert.ok(forced.replace(/\u001b\[\d+m/g, '').split('\n').includes(`src/b.py:1:8: warning bare-noqa ${NOQA}`));
    });

    it('is on at a terminal, off there with NO_COLOR=1 or FORCE_COLOR=0', function () {
      const tty = onTerminal({}, root, 'check', '--no-cache', 'src/b.py');
      if (tty === undefined) this.skip();
      assert.ok(tty.includes(`${ESC}33mwarning${ESC}39m`), JSON.stringify(tty));
      assert.doesNotMatch(onTerminal({ NO_COLOR: '1' }, root, 'check', '--no-cache', 'src/b.py')!, /\u001b\[/);
      assert.doesNotMatch(onTerminal({ FORCE_COLOR: '0' }, root, 'check', '--no-cache', 'src/b.py')!, /\u001b\[/);
      assert.doesNotMatch(onTerminal({ TERM: 'dumb' }, root, 'check', '--no-cache', 'src/b.py')!, /\u001b\[/);
    });
  });

  it('--format full: the line, a code frame with tabs shown as spaces, the fix and the docs', () => {
    const r = run(root, 'check', '--no-cache', '--format', 'full', 'src/a.py');
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        `src/a.py:6:2: warning in-function-import ${IMPORT}`,
        '  |',
        '5 | def f():',
        '6 |     import os',
        '  |     ^^^^^^^^^',
        '7 |     return os  # noqa',
        '  |',
        '  = fix: Move import to top of file (unsafe: pyguide check --fix --unsafe-fixes applies it)',
        '  = docs: pyguide explain in-function-import',
        '',
        `src/a.py:7:16: warning bare-noqa ${NOQA}`,
        '  |',
        '6 |     import os',
        '7 |     return os  # noqa',
        '  |                ^^^^^^',
        '  |',
        '  = docs: pyguide explain bare-noqa',
        '',
      ].join('\n'),
    );
  });

  it('sums up on stderr: problems by severity, files, and how many --fix settles', () => {
    const r = run(root, 'check', '--no-cache');
    assert.equal(r.stderr, 'Found 3 problems in 3 files (3 warnings).\n1 fixable with `pyguide check --fix --unsafe-fixes` (review them: they may change behaviour).\n');
    assert.equal(run(root, 'check', '--no-cache', '--unsafe-fixes').stderr, 'Found 3 problems in 3 files (3 warnings).\n[*] 1 fixable with `pyguide check --fix --unsafe-fixes`.\n');
    assert.equal(run(root, 'check', '--no-cache', 'src/b.py', '--format', 'concise').stderr, 'Found 1 problem in 1 file (1 warning).\n');
    assert.equal(run(root, 'check', '--no-cache', 'pyproject.toml').stderr, 'No problems in 1 file.\n');
  });

  it('--statistics: a count per rule, most frequent first, [*] where --fix settles some; as JSON too', () => {
    writeFileSync(join(root, 'pyproject.toml'), `${PYPROJECT_WITH_LICENSE}`);
    const r = run(root, 'check', '--no-cache', '--statistics');
    assert.equal(r.code, 1);
    const summaries = Object.fromEntries(RULES.map((x) => [x.id, x.summary]));
    assert.equal(
      r.stdout,
      // Equal counts go by rule id; a.py's header lacks the Apache notice (no fix), b.py has none (a safe fix).
      `2  bare-noqa                   ${summaries['bare-noqa']}\n2  missing-license-header  [*] ${summaries['missing-license-header']}\n1  in-function-import          ${summaries['in-function-import']}\n`,
    );
    assert.deepEqual(JSON.parse(run(root, 'check', '--no-cache', '--statistics', '--format', 'json').stdout), [
      { rule: 'bare-noqa', count: 2, fixable: 0, summary: summaries['bare-noqa'] },
      { rule: 'missing-license-header', count: 2, fixable: 1, summary: summaries['missing-license-header'] },
      { rule: 'in-function-import', count: 1, fixable: 0, summary: summaries['in-function-import'] },
    ]);
    assert.equal(run(root, 'check', '--statistics', '--format', 'sarif').code, 2);
  });

  it('--select and --ignore: comma-separated and repeatable, unknown ids are usage errors', () => {
    const rules = (...args: string[]) => (JSON.parse(run(root, 'check', '--no-cache', '--format', 'json', ...args).stdout) as { rule: string }[]).map((f) => f.rule);
    assert.deepEqual(rules('--select', 'in-function-import'), ['in-function-import']);
    assert.deepEqual(rules('--select', 'in-function-import,bare-noqa', '--ignore', 'bare-noqa'), ['in-function-import']);
    assert.deepEqual(rules('--ignore', 'in-function-import', '--ignore', 'bare-noqa'), []);
    assert.equal(run(root, 'check', '--ignore', 'in-function-import,bare-noqa').code, 0);
    const bad = run(root, 'check', '--select', 'bare-noqa,no-such-rule');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^pyguide: unknown rule "no-such-rule" in --select or --ignore; `pyguide rules` lists them/);
  });

  it('pyguide rules: every rule with its default severity, fix kind and presets, as a table and as JSON', () => {
    const r = run(root, 'rules');
    assert.equal(r.code, 0);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^rule +severity +fix +presets$/);
    const rows = JSON.parse(run(root, 'rules', '--format', 'json').stdout) as { id: string; severity: string; fix: string; presets: string[] }[];
    assert.deepEqual(rows.map((x) => x.id), [...RULES.map((x) => x.id), 'unreadable-file', 'partially-checked-file']);
    for (const row of rows) assert.ok(['safe', 'sometimes', 'unsafe', 'none'].includes(row.fix), `${row.id}: the docs' Fix row says ${row.fix}`);
    const fix = Object.fromEntries(rows.map((x) => [x.id, x.fix]));
    assert.deepEqual(
      ['bare-noqa', 'in-function-import', 'missing-license-header', 'python-classifiers'].map((id) => fix[id]),
      ['none', 'unsafe', 'safe', 'sometimes'],
    );
    assert.ok(lines.some((l) => /^bare-noqa +warning +none +genkit, genkit-plugins, generic$/.test(l)));
    // The generic preset leaves the Genkit-only conventions off.
    assert.deepEqual(rows.find((x) => x.id === 'test-file-name')!.presets, ['genkit', 'genkit-plugins']);
  });

  it('pyguide explain: the docs page; an unknown rule is a usage error that suggests near names', () => {
    const r = run(root, 'explain', 'bare-noqa');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${readFileSync(join(ROOT, 'docs', 'rules', 'bare-noqa.md'), 'utf8').trimEnd()}\n`);
    const bad = run(root, 'explain', 'noqa');
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'pyguide: unknown rule "noqa" (did you mean bare-noqa?); `pyguide rules` lists them\n');
    assert.equal(run(root, 'explain').code, 2);
  });
});
