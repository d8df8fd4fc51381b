// The CLI, its sweep workers and the language server run with the intrinsic prototypes frozen
// (defence in depth against prototype pollution), and every dependency still works that way.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = join(ROOT, 'test-fixtures', 'workspaces', 'genkit-py');

/** Runs the CLI's `main` in a child process and reports, after it, whether the prototypes are frozen. */
function runMain(cwd: string, args: string[], env: Record<string, string> = {}) {
  const script = `
    const { main } = require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
    const before = Object.isFrozen(Object.prototype);
    main(${JSON.stringify(args)}).then((code) => {
      const frozen = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Promise.prototype, Map.prototype].every(Object.isFrozen);
      // Left as it is: V8's regex fast paths need RegExp.prototype's initial shape (base/harden.ts).
      const regexp = Object.isFrozen(RegExp.prototype);
      process.stderr.write('\\nHARDENED ' + JSON.stringify({ before, frozen, regexp, code }) + '\\n');
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const line = /HARDENED (.*)/.exec(r.stderr)?.[1];
  assert.ok(line, r.stderr);
  return { ...(JSON.parse(line) as { before: boolean; frozen: boolean; regexp: boolean; code: number }), stdout: r.stdout, stderr: r.stderr };
}

describe('frozen intrinsic prototypes', () => {
  it('the CLI freezes them and checks the sample workspace as before, on worker threads too', () => {
    const expected = readFileSync(join(ROOT, 'test-fixtures', 'workspaces', 'genkit-py.expected'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
    for (const workers of ['0', '2']) {
      const r = runMain(SAMPLE, ['check', '--format', 'json', '--no-cache'], { PYGUIDE_SWEEP_WORKERS: workers });
      assert.equal(r.before, false);
      assert.equal(r.frozen, true);
      assert.equal(r.regexp, false);
      assert.equal(r.code, 1, r.stderr);
      assert.equal((JSON.parse(r.stdout) as unknown[]).length, expected, `workers ${workers}`);
      assert.doesNotMatch(r.stderr, /internal error|rule .* failed/i);
    }
  });

  it('objects may still give themselves their own toString (libraries loaded later do); the prototype stays as it was', () => {
    const script = `
      const { main } = require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
      main(['--version']).then(() => {
        const out = { frozen: Object.isFrozen(Object.prototype) };
        class Thing {}
        Thing.prototype.toString = function () { return 'thing'; };
        const own = {};
        own.toString = () => 'own';
        function named() {}
        named.toString = () => 'named';
        out.fn = String(named);
        // Loaded after freezing, as the CLI now loads it: its grammar gives objects and functions their own toString.
        out.requirement = require('pip-requirements-js').parsePipRequirementsLine('genkit[a]>=0.1').name;
        out.thing = String(new Thing());
        out.own = String(own);
        out.plain = String({});
        out.tag = Object.prototype.toString.call([]);
        try { 'use strict'; Object.prototype.toString = () => 'pwned'; out.assigned = true; } catch (e) { out.assigned = e.constructor.name; }
        try { Object.defineProperty(Object.prototype, 'toString', { value: () => 'pwned' }); out.defined = true; } catch (e) { out.defined = e.constructor.name; }
        out.after = String({});
        process.stderr.write('\\nRESULT ' + JSON.stringify(out) + '\\n');
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: ROOT });
    const line = /RESULT (.*)/.exec(r.stderr)?.[1];
    assert.ok(line, r.stderr);
    assert.deepEqual(JSON.parse(line), { frozen: true, fn: 'named', requirement: 'genkit', thing: 'thing', own: 'own', plain: '[object Object]', tag: '[object Array]', assigned: 'TypeError', defined: 'TypeError', after: '[object Object]' });
  });

  it('the CLI applies fixes (text edits, created files) with them frozen', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pyguide-hardened-'));
    try {
      cpSync(SAMPLE, copy, { recursive: true });
      const r = runMain(copy, ['check', '--fix', '--no-cache']);
      assert.equal(r.frozen, true);
      assert.match(r.stderr, /\d+ fixed/);
      assert.doesNotMatch(r.stderr, /internal error|fix not applied/i);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  describe('the language server', () => {
    let lsp: LspHarness;
    let root: string;
    afterEach(async () => {
      await lsp?.shutdown();
      rmSync(root, { recursive: true, force: true });
    });

    it('says it froze them, then lints, offers fixes, fixes all and shuts down, a hostile pyproject.toml included', async () => {
      root = makeTree({
        'pyproject.toml': '[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n\n[__proto__]\nid = 7\n\n[__proto__.fix]\nsafe = true\ntitle = "pwned"\n',
      });
      lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      const uri = await lsp.open(join(root, 'mod.py'), 'def f():\n    import os  # noqa\n    return os\n');
      const diags = await lsp.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'in-function-import'));
      assert.ok(lsp.logs.some((l) => /intrinsic prototypes frozen/.test(l)), lsp.logs.join('\n'));
      const noqa = diags.find((d) => d.code === 'bare-noqa')!;
      const actions = await lsp.codeActions(uri, noqa.range, [noqa]);
      assert.deepEqual(
        actions.filter((a) => a.diagnostics?.some((d) => d.code === 'bare-noqa') && !/^(Ignore|Show documentation)/.test(a.title)).map((a) => a.title),
        [],
        'bare-noqa has no fix of its own, and inherits none',
      );
      assert.equal(await lsp.executeCommand('pyguide.server.fixAll', [uri, 1]), true);
      assert.equal(lsp.appliedEdits.length, 1);
      const pyproject = await lsp.open(join(root, 'pyproject.toml'), readFileSync(join(root, 'pyproject.toml'), 'utf8'));
      await lsp.waitForDiagnostics(pyproject, () => true);
      assert.deepEqual(lsp.stderr.join('').match(/TypeError|Cannot assign/g), null);
    });
  });
});
