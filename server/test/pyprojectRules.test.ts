// The pyproject and workspace rules together: the Genkit-shaped fixture workspace through the CLI,
// every fix applied on its own (finding gone, TOML still valid), `--fix` against its golden
// result, and a repository with another layout described only by [tool.pyguide].
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { applyChangesToDisk } from '../src/engine/diskChanges';
import { applyTextEdits } from '../src/engine/textEdits';
import type { FileChange, Finding } from '../src/engine/types';
import { parseTomlDocument } from '../src/parsing/toml';
import { PYPROJECT_RULES } from '../src/rules/pyproject';
import { FIXTURES, formatFinding, lintWorkspace, readExpected, sessionWith } from './fixtureHarness';
import { makeTree } from './tempTree';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const COMBINED = join(FIXTURES, 'workspaces', 'pyproject-rules');
const FLAT = join(FIXTURES, 'workspaces', 'flat-layout');
// invalid-config fails a run closed (exit 2, no fixes): its own tests are in config.test.ts.
// type-checker-coverage and ruff-suppression-policy read the type checkers' and Ruff's tables, which
// this workspace does not have: their own fixtures and tests cover them.
const OWN_FIXTURES = new Set(['invalid-config', 'type-checker-coverage', 'ruff-suppression-policy']);
const IDS = new Set(PYPROJECT_RULES.map((r) => r.id).filter((id) => !OWN_FIXTURES.has(id)));

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Findings of these rules only: other groups' rules may have their say on the same files. */
function ours<T extends { rule: string }>(findings: T[]): T[] {
  return findings.filter((f) => IDS.has(f.rule));
}

/** The files of a tree, leaving out the CLI's result cache (not something a fix creates). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !rel.startsWith(`.pyguide_cache${sep}`) && statSync(join(dir, rel)).isFile())
    .map((rel) => rel.split(sep).join('/'))
    .sort();
}

function copyToTemp(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'pyguide-fix-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function moved(change: FileChange, from: string, to: string): FileChange {
  const re = (p: string) => join(to, relative(from, p));
  return change.type === 'rename' ? { ...change, from: re(change.from), to: re(change.to) } : { ...change, file: re(change.file) };
}

/** Every pyproject.toml of a tree that does not parse. */
function unparsable(dir: string): string[] {
  return filesUnder(dir).filter((f) => f.endsWith('pyproject.toml') && !parseTomlDocument(readFileSync(join(dir, f), 'utf8')).ok);
}

/** The workspaces the fix test walks: the combined one, the other layout, and each rule's fixture workspaces. */
function fixtureWorkspaces(): string[] {
  const perRule = PYPROJECT_RULES.flatMap((rule) => {
    const dir = join(FIXTURES, 'rules', rule.id);
    return existsSync(dir) ? readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).map((d) => join(dir, d)) : [];
  });
  return [COMBINED, FLAT, ...perRule];
}

describe('pyproject rules on the Genkit-shaped workspace', () => {
  it('the CLI reports exactly one finding per rule, each where it belongs, as JSON', () => {
    const r = cli(COMBINED, 'check', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const expected = JSON.parse(readFileSync(`${COMBINED}.expected.json`, 'utf8'));
    assert.deepEqual(ours(JSON.parse(r.stdout)), expected);
    assert.deepEqual([...new Set(expected.map((f: { rule: string }) => f.rule))].sort(), [...IDS].sort(), 'one violation of every rule');
  });

  it('--fix applies only the safe fixes: classifiers, py.typed and the wheel table that keeps its files', () => {
    const copy = copyToTemp(COMBINED);
    try {
      const r = cli(copy, 'check', '--fix', '--format', 'json');
      assert.deepEqual(
        ours<{ file: string; rule: string }>(JSON.parse(r.stdout)).map((f) => `${f.file} ${f.rule}`),
        [
          'plugins/vertex-ai/pyproject.toml requires-python',
          'plugins/vertex-ai/pyproject.toml version-sync',
          'pyproject.toml workspace-source',
          'samples/broken/pyproject.toml invalid-pyproject',
          'samples/hello/pyproject.toml missing-metadata',
          'samples/hello/pyproject.toml package-name',
          'samples/hello/src/main.py missing-dependency',
        ],
      );
      assert.ok(existsSync(join(copy, 'plugins/vertex-ai/src/genkit/plugins/vertex_ai/py.typed')));
      // Files with only unsafe fixes are untouched.
      for (const rel of ['pyproject.toml', 'samples/hello/pyproject.toml', 'samples/hello/src/main.py']) {
        assert.equal(readFileSync(join(copy, rel), 'utf8'), readFileSync(join(COMBINED, rel), 'utf8'), rel);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('--fix --unsafe-fixes applies every fix, keeps the files’ formatting, and leaves what needs a person', () => {
    const copy = copyToTemp(COMBINED);
    try {
      const r = cli(copy, 'check', '--fix', '--unsafe-fixes', '--format', 'json');
      assert.deepEqual(
        ours<{ file: string; rule: string }>(JSON.parse(r.stdout)).map((f) => `${f.file} ${f.rule}`),
        ['samples/broken/pyproject.toml invalid-pyproject'],
      );
      const golden = `${COMBINED}.fixed`;
      for (const rel of filesUnder(golden)) assert.equal(readFileSync(join(copy, rel), 'utf8'), readFileSync(join(golden, rel), 'utf8'), rel);
      const created = filesUnder(copy).filter((f) => !existsSync(join(COMBINED, f)));
      assert.deepEqual(created, filesUnder(golden).filter((f) => !existsSync(join(COMBINED, f))));
      // Every pyproject.toml not in the golden set is untouched.
      for (const rel of filesUnder(COMBINED).filter((f) => f.endsWith('pyproject.toml') && !existsSync(join(golden, f)))) {
        assert.equal(readFileSync(join(copy, rel), 'utf8'), readFileSync(join(COMBINED, rel), 'utf8'), rel);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('--fix adds several missing dependencies to one file without building on stale text', () => {
    const copy = makeTree({
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["samples/*"]\n\n[tool.pyguide]\npreset = "genkit-plugins"\nselect = ["missing-dependency"]\n',
      'samples/s/pyproject.toml': '[project]\nname = "s"\ndependencies = [\n    "genkit"  # the core\n]\n',
      'samples/s/src/a.py': 'from genkit.plugins.b import B\nfrom genkit.plugins.c import C\n',
      'samples/s/src/z.py': 'from genkit.plugins.d import D\nfrom genkit.plugins.b import B\n',
    });
    try {
      const r = cli(copy, 'check', '--fix', '--unsafe-fixes');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(
        readFileSync(join(copy, 'samples/s/pyproject.toml'), 'utf8'),
        '[project]\nname = "s"\ndependencies = [\n    "genkit",  # the core\n    "genkit-plugin-b",\n    "genkit-plugin-c",\n    "genkit-plugin-d"\n]\n',
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('each pyproject fix on its own', () => {
  for (const dir of fixtureWorkspaces()) {
    const name = relative(FIXTURES, dir).split(sep).join('/');
    it(`${name}: every fix, applied alone, removes its finding and leaves valid TOML`, async function () {
      // A fresh copy and session per fix: dozens of them on a machine that may be shared.
      this.timeout(180_000);
      const session = await sessionWith(PYPROJECT_RULES);
      const findings = await lintWorkspace(session, dir);
      const brokenBefore = unparsable(dir);
      const key = (f: Finding, base: string) => `${relative(base, f.file)} ${f.rule} ${f.message}`;
      for (const finding of findings.filter((f) => f.fix)) {
        const copy = copyToTemp(dir);
        try {
          const result = applyChangesToDisk(finding.fix!.changes.map((c) => moved(c, dir, copy)));
          assert.deepEqual(result.skipped, [], `${finding.fix!.title}: ${result.skipped.join('; ')}`);
          assert.deepEqual(unparsable(copy), brokenBefore, `${finding.fix!.title} broke the TOML`);
          const after = await lintWorkspace(await sessionWith(PYPROJECT_RULES), copy);
          assert.ok(!after.some((f) => key(f, copy) === key(finding, dir)), `${formatFinding(finding, dir)} is still there after "${finding.fix!.title}"`);
          const count = (fs: Finding[], base: string) => fs.filter((f) => f.rule === finding.rule && relative(base, f.file) === relative(dir, finding.file)).length;
          assert.ok(count(after, copy) < count(findings, dir), `"${finding.fix!.title}" left as many ${finding.rule} findings`);
        } finally {
          rmSync(copy, { recursive: true, force: true });
        }
      }
    });
  }

  it('fixture workspaces only hold broken pyproject.toml files where a case says so', () => {
    for (const dir of fixtureWorkspaces()) {
      for (const rel of unparsable(dir)) assert.match(`${relative(FIXTURES, dir)}/${rel}`, /broken|invalid/, `${rel} in ${dir} does not parse`);
    }
  });
});

describe('another layout, configured in [tool.pyguide]', () => {
  it('packages/<name> named acme-<name>, modules at the top, no namespace plugins: the same rules apply', async () => {
    const session = await sessionWith(PYPROJECT_RULES);
    const findings = await lintWorkspace(session, FLAT);
    assert.deepEqual(session.workspaces.forFile(join(FLAT, 'pyproject.toml')).configProblems, []);
    assert.deepEqual(findings.map((f) => formatFinding(f, FLAT)).sort(), readExpected(`${FLAT}.expected`).sort());
  });
});

describe('pyproject rules on odd but valid TOML', () => {
  const odd: Record<string, string> = {
    scalar: 'project = 1\n',
    array: 'project = ["a"]\n',
    'array-of-tables': '[[project]]\nname = "x"\n',
    types: '[project]\nname = 1\nversion = []\nrequires-python = true\ndependencies = "genkit"\nclassifiers = [1, { a = 1 }]\ndynamic = "version"\n[build-system]\nbuild-backend = 1\n[tool.hatch.build.targets.wheel]\npackages = "src"\nsources = 3\nonly-include = [1]\n',
    dotted: 'project.name = "genkit-plugin-odd"\nproject.version = "9"\ntool.hatch.build.targets.wheel.packages = ["src"]\n[build-system]\nbuild-backend = "hatchling.build"\n',
    unicode: '[project]\nname = "genkit-plugin-odd"\ndescription = "😀 \\u00e9"\ndependencies = ["😀", "genkit; extra == \'ü\'", ""]\n',
    empty: '',
  };
  for (const [name, text] of Object.entries(odd)) {
    it(`${name}: no rule throws, and every fix leaves valid TOML`, async () => {
      const root = makeTree({
        'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*"]\n[tool.uv.sources]\n"x" = 1\n',
        LICENSE: 'Apache\n',
        'packages/genkit/pyproject.toml': '[project]\nname = "genkit"\nversion = "0.5.0"\nauthors = "Google"\n',
        'plugins/odd/pyproject.toml': text,
        'plugins/odd/src/genkit/plugins/odd/__init__.py': 'from genkit.plugins.other import x\nfrom genkit.plugins import (\n',
      });
      try {
        // sessionWith turns a rule's exception into a test failure.
        const findings = await lintWorkspace(await sessionWith(PYPROJECT_RULES), root);
        for (const f of findings) {
          for (const c of f.fix?.changes ?? []) {
            if (c.type !== 'edit') continue;
            const before = readFileSync(c.file, 'utf8');
            const after = applyTextEdits(before, c.edits).text;
            assert.ok(parseTomlDocument(after).ok, `${f.rule} "${f.fix!.title}" on ${name} gives invalid TOML:\n${after}`);
          }
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
