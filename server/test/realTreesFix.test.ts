// `pyguide check --fix` on copies of real repositories (the Genkit trees and pydantic-ai under
// /work/scratch, never committed): it renames and deletes nothing, and every file it changes still
// parses, by tree-sitter and by Python's own `ast.parse`. Skipped when the trees are absent.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseTomlDocument } from '../src/parsing/toml';
import { syntaxErrors } from './fixtureHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');
const SCRATCH = process.env.PYGUIDE_SCRATCH ?? '/work/scratch';
const TREES = ['genkit-846fb0ca/py', 'genkit-77656d5e/py', 'pydantic-ai'];
/** What pyguide or git keep beside the sources: not part of the comparison. */
const SKIPPED = new Set(['.git', '.pyguide_cache', 'node_modules', '.venv']);

function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'latin1'));
    }
  };
  walk(root);
  return out;
}

/** Files Python cannot parse, by `ast.parse` in one python3 process; undefined without python3. */
function unparsableByPython(root: string, rels: string[]): string[] | undefined {
  const script = [
    'import ast, sys',
    'bad = []',
    'for path in sys.stdin.read().splitlines():',
    '    try:',
    '        ast.parse(open(path, "rb").read(), path)',
    '    except SyntaxError as e:',
    '        bad.append(f"{path}: {e}")',
    'print("\\n".join(bad))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { cwd: root, input: rels.join('\n'), encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n').filter(Boolean);
}

describe('--fix on copies of real trees', function () {
  this.timeout(600_000);

  for (const tree of TREES) {
    it(`${tree}: renames and deletes nothing, and every changed file parses`, async function () {
      const source = join(SCRATCH, tree);
      if (!existsSync(source)) {
        console.log(`      skipped: ${source} is not here (see /work/scratch/README.md)`);
        this.skip();
      }
      const copy = mkdtempSync(join(tmpdir(), 'pyguide-real-'));
      try {
        cpSync(source, copy, { recursive: true, filter: (p) => !SKIPPED.has(p.split(sep).pop() ?? '') });
        const before = files(copy);
        const r = spawnSync(process.execPath, [CLI, 'check', '--fix', '--no-cache', '.'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        assert.doesNotMatch(r.stderr, /^ {2}(renamed|deleted) /m);
        const after = files(copy);
        assert.deepEqual([...before.keys()].filter((f) => !after.has(f)), [], 'files renamed or deleted');
        const created = [...after.keys()].filter((f) => !before.has(f));
        assert.deepEqual(created.filter((f) => !/(^|\/)(py\.typed|LICENSE)$/.test(f)), [], 'files created other than py.typed and LICENSE');
        const changed = [...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f));
        const python = changed.filter((f) => f.endsWith('.py') || f.endsWith('.pyi'));
        for (const f of python) {
          const was = await syntaxErrors(f, Buffer.from(before.get(f)!, 'latin1').toString('utf8'));
          assert.ok((await syntaxErrors(f, readFileSync(join(copy, f), 'utf8'))) <= was, `${f}: the fixes added syntax errors`);
        }
        for (const f of changed.filter((p) => p.endsWith('.toml'))) assert.ok(parseTomlDocument(readFileSync(join(copy, f), 'utf8')).ok, `${f} no longer parses`);
        const bad = unparsableByPython(copy, python);
        if (bad === undefined) console.log('      (python3 not found: ast.parse not run)');
        else assert.deepEqual(bad, []);
        console.log(`      ${changed.length} files changed (${python.length} Python), ${created.length} created`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});
