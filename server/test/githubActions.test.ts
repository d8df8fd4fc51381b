// pyguide in GitHub Actions: the `github` format's workflow commands, the problem matcher for the
// text format, and the composite action's check step run as the runner runs it (bash, env inputs).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { run, tree } from './cliHarness';

const ROOT = join(__dirname, '..', '..', '..');
const NOQA_MESSAGE = '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.';

function workspace(): string {
  return tree({
    'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa", "in-function-import"]\nseverity = { in-function-import = "info" }\n',
    'src/a.py': 'x = 1  # noqa\n',
    'src/b, c.py': 'def f():\n    import os\n    return os\n',
  });
}

describe('GitHub Actions', () => {
  let root: string;
  beforeEach(() => (root = workspace()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('--format github: one workflow command per finding, severities mapped, properties escaped', () => {
    const r = run(root, 'check', '--format', 'github');
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `::warning file=src/a.py,line=1,col=8,endLine=1,endColumn=14,title=bare-noqa::${NOQA_MESSAGE}\n` +
        '::notice file=src/b%2C c.py,line=2,col=5,endLine=2,endColumn=14,title=in-function-import::Import inside a function: move it to the top of the file. The guidelines keep every import in the module\'s import block, so dependencies are visible and load predictably.\n',
    );
  });

  describe('the problem matcher (.github/pyguide-problem-matcher.json)', () => {
    const { problemMatcher } = JSON.parse(readFileSync(join(ROOT, '.github', 'pyguide-problem-matcher.json'), 'utf8')) as {
      problemMatcher: { owner: string; severity?: string; pattern: { regexp: string; file: number; line: number; column: number; severity?: number; code: number; message: number }[] }[];
    };

    it('reads every text line into the finding the JSON output describes', () => {
      const text = run(root, 'check').stdout.trim().split('\n');
      const json = JSON.parse(run(root, 'check', '--format', 'json').stdout) as { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
      assert.equal(text.length, 2);
      const matched = text.map((line) => {
        const hits = problemMatcher.flatMap((m) => {
          const [p] = m.pattern;
          const g = new RegExp(p.regexp).exec(line);
          return g ? [{ file: g[p.file], line: Number(g[p.line]), column: Number(g[p.column]), severity: p.severity ? g[p.severity] : m.severity, rule: g[p.code], message: g[p.message] }] : [];
        });
        assert.equal(hits.length, 1, `exactly one matcher reads ${line}`);
        return hits[0];
      });
      assert.deepEqual(
        matched,
        json.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity === 'info' || f.severity === 'hint' ? 'notice' : f.severity, rule: f.rule, message: f.message })),
      );
    });
  });

  describe('the composite action (action.yml)', () => {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      runs: { using: string; steps: { name: string; shell: string; run: string; env: Record<string, string> }[] };
    };
    const step = action.runs.steps.find((s) => s.name === 'pyguide check')!;

    /** Runs the check step as the runner would: bash, inputs in the environment (the defaults unless given). */
    function runStep(inputs: Record<string, string> = {}) {
      const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
      const env = Object.fromEntries(
        Object.entries(step.env).map(([k, v]) => [k, v === '${{ github.action_path }}' ? ROOT : values[/^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v)![1]]]),
      );
      const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    it('is a composite action whose inputs reach the scripts only through the environment', () => {
      assert.equal(action.runs.using, 'composite');
      for (const s of action.runs.steps) assert.doesNotMatch(s.run, /\$\{\{/, `${s.name} splices an expression into its script`);
    });

    it('annotates the findings and fails the job on warnings', () => {
      const r = runStep();
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^::warning file=src\/a\.py,line=1,col=8,endLine=1,endColumn=14,title=bare-noqa::/m);
      assert.match(r.stdout, /^::notice file=src\/b%2C c\.py,line=2,/m);
    });

    it('in the text format, registers the problem matcher, prints the lines, and removes it', () => {
      const r = runStep({ format: 'text' });
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.equal(lines[0], `::add-matcher::${ROOT}/.github/pyguide-problem-matcher.json`);
      assert.ok(existsSync(join(ROOT, '.github', 'pyguide-problem-matcher.json')));
      assert.equal(lines[1], `src/a.py:1:8: warning bare-noqa ${NOQA_MESSAGE}`);
      assert.deepEqual(lines.slice(-2), ['::remove-matcher owner=pyguide::', '::remove-matcher owner=pyguide-info::']);
    });

    it('writes SARIF when asked, passes args through word by word, and runs nothing an input smuggles in', () => {
      const r = runStep({ 'sarif-file': 'out.sarif', paths: 'src/a.py', args: '--exit-zero $(touch pwned)' });
      // The smuggled words are taken as paths that do not exist: a usage error, and no file created.
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no such file or directory: \$\(touch/);
      assert.ok(!existsSync(join(root, 'pwned')));
      const ok = runStep({ 'sarif-file': 'out.sarif', paths: 'src/a.py', args: '--exit-zero' });
      assert.equal(ok.code, 0, ok.stderr);
      const sarif = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8'));
      assert.deepEqual(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId), ['bare-noqa']);
    });

    it('refuses an unknown format', () => {
      const r = runStep({ format: 'xml' });
      assert.equal(r.code, 2);
      assert.match(r.stdout, /::error title=pyguide::the format input must be github or text, not 'xml'/);
    });
  });
});
