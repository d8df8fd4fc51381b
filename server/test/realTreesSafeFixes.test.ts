// The fixes of the issue-12 Python rules (safe ones, then with the unsafe ones too) over the real Genkit trees (/work/scratch, never
// committed; skipped when absent): fix-all of each rule alone, file by file. Every changed file must
// still parse (tree-sitter and Python's own `ast.parse`), Ruff's WASM build under the tree's own
// [tool.ruff] settings must report no code more often than before, and a second fix-all must
// change nothing. Counts are printed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixAllText } from '../src/engine/fixAll';
import { ruleById } from '../src/engine/registry';
import type { Rule } from '../src/engine/types';
import { sessionWith, syntaxErrors } from './fixtureHarness';
import { added, ruffFindings, ruffOptions, ruffWasm } from './ruffHarness';

const SCRATCH = process.env.PYGUIDE_SCRATCH ?? '/work/scratch';
const TREES = ['genkit-846fb0ca/py', 'genkit-eb16643e8/py', 'genkit-77656d5e/py'];
/** The rules of issue 12 with safe fixes. */
const RULES = ['section-banner-comment', 'pytest-fail-in-if', 'dunder-all'];

/** Texts Python's `ast.parse` refuses, by name; undefined without python3. */
function unparsableByPython(texts: Map<string, string>): string[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-ast-'));
  try {
    const names = [...texts.keys()];
    names.forEach((name, i) => writeFileSync(join(dir, `${i}.py`), texts.get(name)!));
    const script = ['import ast, sys', 'for i, name in enumerate(sys.stdin.read().splitlines()):', '    try:', '        ast.parse(open(f"{i}.py", "rb").read())', '    except SyntaxError as e:', '        print(f"{name}: {e}")'].join('\n');
    const r = spawnSync('python3', ['-c', script], { cwd: dir, input: names.join('\n'), encoding: 'utf8' });
    if (r.error || r.status !== 0) return undefined;
    return r.stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('safe fixes of the issue-12 rules on the real Genkit trees', function () {
  this.timeout(600_000);

  for (const id of RULES) {
    for (const tree of TREES) for (const unsafe of [false, true]) {
      it(`${id} on ${tree}${unsafe ? ', unsafe fixes too' : ''}: every changed file parses, Ruff reports nothing new, fix-all is idempotent`, async function () {
        const root = join(SCRATCH, tree);
        if (!existsSync(root)) {
          console.log(`      skipped: ${root} is not here (see /work/scratch/README.md)`);
          this.skip();
        }
        const session = await sessionWith([ruleById(id) as Rule]);
        await session.prepare(session.workspaces.forFile(join(root, 'pyproject.toml')));
        const ruff = new ruffWasm.Workspace(ruffOptions(join(root, 'pyproject.toml')), ruffWasm.PositionEncoding.Utf16);
        const changed = new Map<string, string>();
        const problems: string[] = [];
        let fixes = 0;
        for (const file of session.workspaces.forFile(join(root, 'pyproject.toml')).pythonFiles()) {
          const before = readFileSync(file, 'utf8');
          const lint = (t: string) => session.lintText(file, t);
          if (!lint(before).some((f) => f.fix && (unsafe || f.fix.safe))) continue;
          const once = fixAllText(file, before, lint, { unsafe });
          const name = relative(root, file);
          fixes += once.applied;
          changed.set(name, once.text);
          if ((await syntaxErrors(file, once.text)) > (await syntaxErrors(file, before))) problems.push(`${name}: syntax errors added`);
          // By code: a rewritten line's text changes, so a finding it had before cannot be matched by text.
          const codes = (t: string) => ruffFindings(ruff, t).map((f) => f.split(': ')[0]);
          for (const f of added(codes(before), codes(once.text))) problems.push(`${name}: Ruff ${f}`);
          const twice = fixAllText(file, once.text, lint, { unsafe });
          if (twice.applied !== 0 || twice.text !== once.text) problems.push(`${name}: a second fix-all changed it again`);
        }
        const bad = unparsableByPython(changed);
        if (bad === undefined) console.log('      (python3 not found: ast.parse not run)');
        else problems.push(...bad);
        console.log(`      ${fixes} fixes in ${changed.size} files`);
        assert.deepEqual(problems, []);
      });
    }
  }
});
