// [tool.pyguide]: the schema, presets, how layers combine, and failing closed in the CLI.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfig, mergeTables, resolveConfig } from '../src/engine/config';
import { pyguideSchema } from '../src/engine/configSchema';
import { ruleCatalog } from '../src/engine/session';
import { PRESET_IDS, PRESETS } from '../src/engine/presets';
import { RULES } from '../src/engine/registry';
import { validateTable } from '../src/engine/schema';
import type { TomlNode, TomlTableNode } from '../src/parsing/tomlTree';
import { makeTree } from './tempTree';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

/** A plain value as located TOML (positions do not matter here), to validate presets like tables. */
function located(value: unknown): TomlNode {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(located), keyRange: range, range };
  if (value && typeof value === 'object') return { kind: 'table', entries: new Map(Object.entries(value).map(([k, v]) => [k, located(v)])), keyRange: range, range };
  const kind = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : Number.isInteger(value) ? 'integer' : 'float';
  return { kind, value: value as string, keyRange: range, range };
}

describe('presets', () => {
  it('each preset is a valid [tool.pyguide] table', () => {
    const schema = pyguideSchema(ruleCatalog(RULES), PRESET_IDS);
    for (const preset of PRESETS) assert.deepEqual(validateTable(located(preset.table) as TomlTableNode, schema, 'tool.pyguide').problems, [], preset.id);
  });

  it('generic names no license holder, Python version, classifiers or layout; the Genkit presets name theirs', () => {
    const generic = buildConfig({}, 'generic');
    assert.deepEqual([generic.license.holder, generic.requiresPython, generic.classifiers, generic.layout.members], ['', '', [], []]);
    const current = buildConfig({}, 'genkit');
    assert.deepEqual(current.layout.members.map((m) => [m.path, m.name, m.namespace, m.requiredFiles.includes('run.sh')]), [
      ['packages/*', '{name}', false, false],
      ['samples/*', '{name}', false, false],
    ]);
    assert.deepEqual(current.layout.namespaceDirs, []);
    const guidelines = buildConfig({}, 'genkit-plugins');
    assert.deepEqual(guidelines.layout.members.map((m) => [m.path, m.name, m.namespace, m.requiredFiles.includes('run.sh')]), [
      ['packages/*', '{name}', false, false],
      ['plugins/*', 'genkit-plugin-{name}', true, false],
      ['samples/*', '{name}', false, true],
    ]);
    assert.equal(guidelines.license.holder, 'Google LLC');
  });

  it("the project's keys override the preset's; tables merge key by key, arrays replace", () => {
    const config = buildConfig({ license: { holder: 'Acme Inc.' }, classifiers: ['Typing :: Typed'], rules: { 'class-name': { 'ignore-names': ['X'] } } }, 'genkit-plugins');
    assert.deepEqual(config.license, { holder: 'Acme Inc.', style: 'spdx', spdx: 'Apache-2.0' });
    assert.deepEqual(config.classifiers, ['Typing :: Typed']);
    assert.deepEqual(config.ruleOptions['class-name'], { 'ignore-names': ['X'] });
    assert.equal(Object.getPrototypeOf(mergeTables({ a: { b: 1 } }, { a: { c: 2 } })), null);
    assert.deepEqual({ ...(mergeTables({ a: { b: 1 } }, { a: { c: 2 } }).a as object) }, { b: 1, c: 2 });
  });

  it("the project's select turns on what the preset leaves off; its ignore and severity win; invalid-config is always an error", () => {
    const off = resolveConfig(buildConfig({}, 'generic'));
    assert.equal(off.severityOf('test-file-name', 'warning'), 'off');
    assert.equal(off.severityOf('bare-noqa', 'warning'), 'warning');
    const selected = resolveConfig(buildConfig({ select: ['test-file-name'] }, 'generic'));
    assert.equal(selected.severityOf('test-file-name', 'warning'), 'warning');
    assert.equal(selected.severityOf('bare-noqa', 'warning'), 'off');
    const layered = resolveConfig(buildConfig({ ignore: ['bare-noqa'], severity: { 'test-file-name': 'info' } }, 'generic'), { severity: { 'class-name': 'hint' } });
    assert.deepEqual(['bare-noqa', 'test-file-name', 'class-name', 'invalid-config'].map((id) => layered.severityOf(id, 'warning')), ['off', 'info', 'hint', 'error']);
  });
});

describe('failing closed (CLI)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a typo in select reports invalid-config, runs every rule and exits 2, also with --exit-zero and when pyproject.toml is not checked', () => {
    root = makeTree({
      'pyproject.toml': '[tool.pyguide]\npreset = "generic"\nselect = ["in-function-imports", "bare-noqa"]\n',
      'src/a.py': 'def f():\n    import os  # noqa\n    return os\n',
    });
    for (const args of [[], ['--exit-zero'], ['src']]) {
      const r = run(root, 'check', ...args);
      assert.equal(r.code, 2, r.stderr);
      assert.deepEqual(lines(r.stdout), [
        'pyproject.toml:3:11: error invalid-config select[0]: unknown rule id "in-function-imports" (did you mean "in-function-import"?).',
        "src/a.py:2:5: warning in-function-import Import inside a function: move it to the top of the file. The guidelines keep every import in the module's import block, so dependencies are visible and load predictably.",
        'src/a.py:2:16: warning bare-noqa `# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.',
      ]);
      assert.match(r.stderr, /\[tool\.pyguide\] has 1 problem \(invalid-config\); exit 2 until it is fixed\./);
    }
  });

  it('--fix writes nothing while the configuration has problems', () => {
    const py = 'def f():\n    import os\n    return os\n';
    root = makeTree({ 'pyproject.toml': '[tool.pyguide]\npreset = "generic"\nmax-file-size = 0\n', 'a.py': py });
    const r = run(root, 'check', '--fix');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not fixing anything: \[tool\.pyguide\] has problems/);
    assert.equal(readFileSync(join(root, 'a.py'), 'utf8'), py);
    assert.deepEqual(lines(r.stdout).map((l) => l.split(': ')[0]), ['a.py:2:5', 'pyproject.toml:3:17']);
  });

  it('required-files = ["constructor"] is a file name like any other: reported missing, nothing throws', () => {
    root = makeTree({
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n\n[tool.pyguide]\npreset = "generic"\n\n[[tool.pyguide.layout.members]]\nkind = "package"\npath = "packages/*"\nrequired-files = ["constructor", "toString"]\n',
      'packages/p/pyproject.toml': '[project]\nname = "p"\nversion = "1.0.0"\n',
    });
    const r = run(root, 'check', '--format', 'json');
    assert.equal(r.stderr.includes('failed'), false, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout)
        .filter((f: { rule: string }) => f.rule === 'missing-package-file')
        .map((f: { message: string }) => f.message),
      ['No constructor in packages/p: every package must have it.', 'No toString in packages/p: every package must have it.'],
    );
  });
});
