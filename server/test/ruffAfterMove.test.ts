// "Move import to top of file" against the project's own Ruff: Ruff's WASM build, with the Genkit
// tree's [tool.ruff] settings, checks each file before and after every move is applied. The moved
// imports must leave nothing new to report: no I001 (the block stays sorted: section, order,
// merged from-imports, wrapping), no D202 (no blank line left after a docstring), nothing else.
// The same runs over the real Genkit trees when they are here (/work/scratch), with counts.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fixAllText } from '../src/engine/fixAll';
import { inFunctionImport } from '../src/rules/python/in-function-import';
import { FIXTURES, sessionWith } from './fixtureHarness';
import { added, ruffFindings, ruffOptions, ruffWasm } from './ruffHarness';

const FIXTURE = join(FIXTURES, 'fix-safety', 'genkit-ruff');
const SCRATCH = process.env.PYGUIDE_SCRATCH ?? '/work/scratch';

const isI001 = (f: string) => /^(I001|unsorted-imports):/.test(f);
const isD202 = (f: string) => /^(D202|blank-line-after-function):/.test(f);

async function moveAll(file: string, text: string): Promise<string> {
  const session = await sessionWith([inFunctionImport]);
  return fixAllText(file, text, (t) => session.lintText(file, t), { unsafe: true }).text;
}

describe("moved imports under the project's Ruff (I001, D202)", function () {
  this.timeout(600_000);

  const src = join(FIXTURE, 'src');
  const workspace = new ruffWasm.Workspace(ruffOptions(join(FIXTURE, 'pyproject.toml')), ruffWasm.PositionEncoding.Utf16);

  for (const name of readdirSync(src).filter((f) => f.endsWith('.py')).sort()) {
    it(`${name}: Ruff reports nothing new after every import is moved, and the result is exact`, async () => {
      const file = join(src, name);
      const before = readFileSync(file, 'utf8');
      assert.deepEqual(ruffFindings(workspace, before), [], 'the fixture is clean under the Genkit settings to begin with');
      const after = await moveAll(file, before);
      assert.notEqual(after, before);
      assert.deepEqual(added(ruffFindings(workspace, before), ruffFindings(workspace, after)), []);
      assert.equal(after, readFileSync(join(FIXTURE, 'moved', name), 'utf8'));
    });
  }

  for (const tree of ['genkit-846fb0ca/py', 'genkit-77656d5e/py']) {
    it(`${tree}: the moves add no I001 and no D202 (counts reported)`, async function () {
      const root = join(SCRATCH, tree);
      if (!existsSync(root)) {
        console.log(`      skipped: ${root} is not here (see /work/scratch/README.md)`);
        this.skip();
      }
      const session = await sessionWith([inFunctionImport]);
      await session.prepare(session.workspaces.forFile(join(root, 'pyproject.toml')));
      // Ruff's CLI counts a file's own package as first-party (detect-same-package); the WASM build
      // sees no paths, so each package gets a Ruff workspace that knows its name.
      const workspaces = new Map<string, InstanceType<typeof ruffWasm.Workspace>>();
      const ruffFor = (file: string) => {
        let pkg: string | undefined;
        for (let dir = dirname(file); existsSync(join(dir, '__init__.py')); dir = dirname(dir)) pkg = basename(dir);
        const key = pkg ?? '';
        let ws = workspaces.get(key);
        if (!ws) workspaces.set(key, (ws = new ruffWasm.Workspace(ruffOptions(join(root, 'pyproject.toml'), pkg ? [pkg] : []), ruffWasm.PositionEncoding.Utf16)));
        return ws;
      };
      const counts = { files: 0, moved: 0, i001: 0, d202: 0, other: 0 };
      const problems: string[] = [];
      for (const file of session.workspaces.forFile(join(root, 'pyproject.toml')).pythonFiles()) {
        const before = readFileSync(file, 'utf8');
        const findings = session.lintText(file, before).filter((f) => f.fix);
        if (findings.length === 0) continue;
        counts.files++;
        counts.moved += findings.length;
        const after = fixAllText(file, before, (t) => session.lintText(file, t), { unsafe: true }).text;
        const ruff = ruffFor(file);
        for (const f of added(ruffFindings(ruff, before), ruffFindings(ruff, after))) {
          if (isI001(f)) counts.i001++;
          else if (isD202(f)) counts.d202++;
          else counts.other++;
          problems.push(`${relative(root, file)}: ${f}`);
        }
      }
      for (const p of problems) console.log(`        ${p}`);
      console.log(`      ${counts.moved} imports moved in ${counts.files} files; new Ruff findings: I001 ${counts.i001}, D202 ${counts.d202}, other ${counts.other}`);
      assert.deepEqual(problems.filter((p) => isI001(p.split(': ').slice(1).join(': ')) || isD202(p.split(': ').slice(1).join(': '))), []);
    });
  }
});
