// What the keystroke path leaves out, over real LSP connections: fixes wait for the editor to ask
// (codeAction/resolve), and a pyproject.toml edit after Check Workspace re-checks only the closed
// files whose findings read that file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { FactChecker } from '../src/cache/workspaceFacts';
import { RULES } from '../src/engine/registry';
import { LintSession } from '../src/engine/session';
import type { PythonRule, Rule } from '../src/engine/types';
import { PyguideServer } from '../src/lsp/pyguideServer';
import { SERVER_COMMANDS } from '../src/lsp/protocol';
import { ruleErrorReporter } from '../src/lsp/ruleErrors';
import { inFunctionImport } from '../src/rules/python/in-function-import';
import { OverlayFiles } from '../src/workspace/files';
import { Workspaces } from '../src/workspace/model';
import { genWorkspace } from '../../scripts/genkit-shapes.mjs';
import { fileUri, LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

/** The editor's file source, noting every path whose existence is asked. */
class CountingFiles extends OverlayFiles {
  readonly existsAsked: string[] = [];

  override exists(path: string): boolean {
    this.existsAsked.push(path);
    return super.exists(path);
  }
}

/** A server in this process, with these rules, and a client talking to it. */
async function inProcess(root: string, rules: readonly Rule[], options: Partial<Parameters<typeof LspHarness.start>[0]> = {}) {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const connection = createConnection(toServer, fromServer);
  const overlay = new CountingFiles();
  new PyguideServer(connection, await LintSession.create(overlay, ruleErrorReporter(connection), rules), overlay).register();
  connection.listen();
  const lsp = await LspHarness.connect({ root, settings: { onTypeDelay: 0 }, ...options }, fromServer, toServer);
  return {
    lsp,
    files: overlay,
    stop: async () => {
      await lsp.shutdown();
      connection.dispose();
    },
  };
}

const FOLDER = {
  'pyproject.toml': '[project]\nname = "f"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nignore = ["missing-license-header"]\n',
};
const MODULE = 'import sys\n\n\ndef f():\n    import os\n    return os.sep\n\n\ndef g():\n    import json\n    return json\n';

describe('the keystroke path', function () {
  this.timeout(60_000);

  it('computes a deferred fix only when the editor resolves the action, never on a keystroke', async () => {
    const root = makeTree(FOLDER);
    let fixes = 0;
    const counting: PythonRule = { ...inFunctionImport, fix: (ctx, finding) => (fixes++, inFunctionImport.fix!(ctx, finding)) };
    const { lsp, stop } = await inProcess(root, [counting, ...RULES.filter((r) => r.id !== inFunctionImport.id)], { codeActionResolve: true });
    try {
      const uri = await lsp.open(join(root, 'm.py'), MODULE);
      await lsp.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.code === 'in-function-import').length === 2);
      for (let i = 0; i < 5; i++) {
        await lsp.change(uri, [{ range: { start: { line: 5, character: 11 }, end: { line: 5, character: 11 } }, text: 'x' }]);
        await lsp.waitForDiagnostics(uri);
      }
      assert.equal(fixes, 0, 'no fix computed while typing');
      // Each edit ended in one publishDiagnostics carrying its version, in order. A lint for another
      // reason (the folder's settings or its file walk arriving late on a busy machine) may publish
      // the same version again, with the same diagnostics: that is not a second lint of the edit.
      const mine = lsp.published.filter((p) => p.uri === uri);
      const same = (a: (typeof mine)[number], b: (typeof mine)[number]) => a.version === b.version && JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics);
      const versions = mine.filter((p, i) => i === 0 || !same(mine[i - 1], p)).map((p) => p.version);
      assert.deepEqual(versions, [1, 2, 3, 4, 5, 6]);
      const ds = lsp.diagnostics.get(uri)!.diagnostics.filter((d) => d.code === 'in-function-import');
      const actions = await lsp.codeActions(uri, ds[0].range, [ds[0]]);
      const move = actions.find((a) => a.title === 'Move import to top of file (unsafe)')!;
      assert.equal(move.edit, undefined, 'left for resolve');
      assert.equal(fixes, 0);
      const resolved = await lsp.resolveCodeAction(move);
      assert.equal(fixes, 1);
      const edits = (resolved.edit!.documentChanges![0] as TextDocumentEdit).edits as { range: Diagnostic['range']; newText: string }[];
      // Added above `import sys`, where isort puts it; the import's line taken out of f's body.
      assert.deepEqual(
        edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]),
        [
          [0, 0, 'import os\n'],
          [4, 5, ''],
        ],
      );
      assert.equal((resolved.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, lsp.versionOf(uri));
      // Fix-all is resolved lazily too.
      const [fixAll] = await lsp.codeActions(uri, ds[0].range, [], ['source.fixAll.pyguide']);
      assert.equal(fixAll.edit, undefined);
      assert.equal(fixes, 1);
    } finally {
      await stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('with no on-type delay, a keystroke is linted within the next turns of the event loop, with no timer', async () => {
    const root = makeTree(FOLDER);
    const { lsp, stop } = await inProcess(root, RULES);
    // Every timer of a short delay started while typing (the harness's own waits are long guards).
    const short: number[] = [];
    const original = globalThis.setTimeout;
    try {
      const uri = await lsp.open(join(root, 'm.py'), MODULE);
      await lsp.waitForDiagnostics(uri);
      globalThis.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
        if ((ms ?? 0) < 1000) short.push(ms ?? 0);
        return (original as (...a: unknown[]) => NodeJS.Timeout)(fn, ms, ...args);
      }) as typeof setTimeout;
      for (let i = 0; i < 3; i++) {
        await lsp.change(uri, [{ range: { start: { line: 5, character: 11 }, end: { line: 5, character: 11 } }, text: 'x' }]);
        await lsp.waitForDiagnostics(uri);
      }
      globalThis.setTimeout = original;
      assert.deepEqual(short, []);
      assert.equal(lsp.diagnostics.get(uri)!.version, 4);
      assert.deepEqual(
        lsp.diagnostics.get(uri)!.diagnostics.filter((d) => d.code === 'in-function-import').map((d) => d.range.start.line),
        [4, 9],
      );
    } finally {
      globalThis.setTimeout = original;
      await stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a client that cannot resolve gets the fix computed when it asks for the actions', async () => {
    const root = makeTree(FOLDER);
    const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    try {
      const uri = await lsp.open(join(root, 'm.py'), MODULE);
      const ds = await lsp.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'in-function-import').length === 2);
      const imp = ds.find((d) => d.code === 'in-function-import')!;
      const move = (await lsp.codeActions(uri, imp.range, [imp])).find((a) => a.title === 'Move import to top of file (unsafe)')!;
      const edits = (move.edit!.documentChanges![0] as TextDocumentEdit).edits as { newText: string }[];
      assert.equal(edits.length, 2);
      assert.equal(edits[0].newText, 'import os\n');
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an unsaved pyproject.toml edit that makes a member a root of its own moves its swept files to that root, and back', async () => {
    const root = makeTree({
      'pyproject.toml': '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = ["plugins/*"]\n\n[tool.pyguide]\npreset = "generic"\nselect = ["bare-noqa"]\n',
      'plugins/p/pyproject.toml': '[project]\nname = "p"\n',
      'plugins/p/src/p/m.py': 'x = 1  # noqa\n',
      'other.py': 'y = 1  # noqa\n',
    });
    const { lsp, stop } = await inProcess(root, RULES);
    try {
      await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace);
      const module = fileUri(join(root, 'plugins/p/src/p/m.py'));
      const other = fileUri(join(root, 'other.py'));
      const codes = (uri: string) => (lsp.diagnostics.get(uri)?.diagnostics ?? []).map((d) => d.code);
      assert.deepEqual(codes(module), ['bare-noqa']);
      assert.deepEqual(codes(other), ['bare-noqa']);
      const member = join(root, 'plugins/p/pyproject.toml');
      const memberUri = await lsp.open(member, '[project]\nname = "p"\n');
      await lsp.change(memberUri, [{ text: '[project]\nname = "p"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "generic"\nignore = ["bare-noqa"]\n' }]);
      await lsp.waitForDiagnostics(module, (ds) => ds.length === 0);
      assert.deepEqual(codes(other), ['bare-noqa']);
      await lsp.change(memberUri, [{ text: '[project]\nname = "p"\n' }]);
      await lsp.waitForDiagnostics(module, (ds) => ds.length === 1 && ds[0].code === 'bare-noqa');
    } finally {
      await stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a pyproject.toml edit after Check Workspace re-checks the files that read it, not the whole workspace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-deps-'));
    genWorkspace(root, { files: 80, lines: 4000, seed: 3 });
    const linted: string[] = [];
    const record = (ctx: { file: string }) => (linted.push(ctx.file), []);
    const recorders: Rule[] = [
      { id: 'records-python', kind: 'python', reads: { scope: 'module' }, defaultSeverity: 'hint', guideline: 'none', summary: 'records', check: record },
      { id: 'records-pyproject', kind: 'pyproject', checksInvalidToml: true, defaultSeverity: 'hint', guideline: 'none', summary: 'records', check: record },
    ];
    const { lsp, files, stop } = await inProcess(root, [...recorders, ...RULES]);
    try {
      await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace);
      const corePath = join(root, 'packages/genkit/pyproject.toml');
      const core = readFileSync(corePath, 'utf8');
      const sweptFiles = [...linted];
      const plugins = linted.filter((f) => /plugins\/[^/]+\/pyproject\.toml$/.test(f));
      assert.ok(plugins.length >= 3);
      const coreUri = await lsp.open(corePath, core);
      await lsp.waitForDiagnostics(coreUri);
      linted.length = 0;
      files.existsAsked.length = 0;
      const at = core.indexOf('version = "') + 'version = "'.length;
      const line = core.slice(0, at).split('\n').length - 1;
      const character = at - core.lastIndexOf('\n', at - 1) - 1;
      await lsp.change(coreUri, [{ range: { start: { line, character }, end: { line, character } }, text: '9' }]);
      const synced = (ds: Diagnostic[]) => ds.some((d) => d.code === 'version-sync');
      for (const p of plugins) await lsp.waitForDiagnostics(fileUri(p), synced);
      await new Promise((r) => setTimeout(r, 300));
      const again = new Set(linted);
      // The edited file itself (open, so linted live) and the plugins' pyproject.toml files, which read
      // the core's version: nothing else. The core's modules read only the tables they need of it
      // (`[project].license`, `[tool.ruff]`, `[tool.pytest]`), which a version edit leaves alone.
      assert.deepEqual([...again].sort(), [corePath, ...plugins].sort());
      // Telling which files to check again stats nothing on disk: an edit in the editor creates no file.
      assert.deepEqual(files.existsAsked.filter((p) => p.startsWith(join(root, 'packages/genkit/src/'))), []);
      // Ruff's isort settings, though, are what the core's modules with a nested import read (the
      // move places the import as isort would): those are checked again, and nothing else.
      const placers = sweptFiles.filter(
        (f) => f.startsWith(join(root, 'packages/genkit/')) && (lsp.diagnostics.get(fileUri(f))?.diagnostics ?? []).some((d) => d.code === 'in-function-import'),
      );
      assert.ok(placers.length > 0);
      linted.length = 0;
      const end = core.split('\n').length;
      await lsp.change(coreUri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\n[tool.ruff.lint.isort]\nforce-single-line = true\n' }]);
      await lsp.waitFor(() => placers.every((f) => linted.includes(f)), 'the modules that place imports re-checked');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual([...new Set(linted)].sort(), [corePath, ...placers].sort());

    } finally {
      await stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('a .py keystroke right behind a pyproject.toml edit is linted first; what the edit makes stale is asked only once it rests', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-behind-'));
    genWorkspace(root, { files: 40, lines: 2000, seed: 5 });
    // What ran, in order: each lint (by a rule recording its file) and each staleness test of recorded facts.
    const events: string[] = [];
    const record = (ctx: { file: string }) => (events.push(`lint ${ctx.file}`), []);
    const recorders: Rule[] = [
      { id: 'records-python', kind: 'python', reads: { scope: 'module' }, defaultSeverity: 'hint', guideline: 'none', summary: 'records', check: record },
      { id: 'records-pyproject', kind: 'pyproject', checksInvalidToml: true, defaultSeverity: 'hint', guideline: 'none', summary: 'records', check: record },
    ];
    const holds = FactChecker.prototype.holds;
    FactChecker.prototype.holds = function (readings) {
      events.push('staleness');
      return holds.call(this, readings);
    };
    const { lsp, stop } = await inProcess(root, [...recorders, ...RULES]);
    try {
      await lsp.executeCommand(SERVER_COMMANDS.checkWorkspace);
      const corePath = join(root, 'packages/genkit/pyproject.toml');
      const core = readFileSync(corePath, 'utf8');
      const module = events.map((e) => e.slice('lint '.length)).find((f) => f.startsWith(join(root, 'packages/genkit/src/')) && f.endsWith('.py'))!;
      const plugins = events.map((e) => e.slice('lint '.length)).filter((f) => /plugins\/[^/]+\/pyproject\.toml$/.test(f));
      const plugin = plugins[0];
      const coreUri = await lsp.open(corePath, core);
      const moduleUri = await lsp.open(module, readFileSync(module, 'utf8'));
      // An open document depending on the core's version: linted again once the edit rests.
      const pluginUri = await lsp.open(plugin, readFileSync(plugin, 'utf8'));
      for (const uri of [coreUri, moduleUri, pluginUri]) await lsp.waitForDiagnostics(uri);
      assert.ok(!lsp.diagnostics.get(pluginUri)!.diagnostics.some((d) => d.code === 'version-sync'));
      // Lints for other reasons (the file walk ending) are over: the two edits below are all there is to lint.
      await new Promise((r) => setTimeout(r, 300));
      events.length = 0;
      const published = lsp.published.length;
      const at = core.indexOf('version = "') + 'version = "'.length;
      const line = core.slice(0, at).split('\n').length - 1;
      const character = at - core.lastIndexOf('\n', at - 1) - 1;
      // Sent together, as an editor sends an edit and the keystroke in another file right after it.
      const [coreVersion, moduleVersion] = await Promise.all([
        lsp.change(coreUri, [{ range: { start: { line, character }, end: { line, character } }, text: '9' }]),
        lsp.change(moduleUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }]),
      ]);
      await lsp.waitForDiagnostics(pluginUri, (ds) => ds.some((d) => d.code === 'version-sync'));
      const order = lsp.published
        .slice(published)
        .filter((p) => p.uri === coreUri || p.uri === moduleUri)
        .map((p) => `${p.uri === coreUri ? 'core' : 'module'} ${p.version}`);
      assert.deepEqual(order, [`module ${moduleVersion}`, `core ${coreVersion}`]);
      // Nothing tested what the edit makes stale before both lints; then the plugins' pyproject.toml
      // files, open or not, were linted again, as the files whose facts read differently: not the module.
      assert.deepEqual(events.slice(0, 2), [`lint ${module}`, `lint ${corePath}`]);
      assert.ok(events.slice(2).includes('staleness'));
      assert.deepEqual([...new Set(events.slice(2).filter((e) => e !== 'staleness'))].sort(), plugins.map((f) => `lint ${f}`).sort());
      const sync = lsp.diagnostics.get(pluginUri)!;
      assert.equal(sync.version, 1);
      const edited = `9${core.slice(at).split('"')[0]}`;
      assert.deepEqual(sync.diagnostics.filter((d) => d.code === 'version-sync').map((d) => String(d.message).includes(edited)), [true]);
    } finally {
      FactChecker.prototype.holds = holds;
      await stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('a .py keystroke right behind a pyproject.toml edit', () => {
    // A plugin's module importing another plugin: `missing-dependency` unless its package lists it.
    const TREE = {
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*"]\n\n[tool.pyguide]\npreset = "genkit-plugins"\n',
      'packages/genkit/pyproject.toml': '[project]\nname = "genkit"\nversion = "0.5.0"\ndependencies = []\n',
      'packages/genkit/src/genkit/__init__.py': '',
      'plugins/a/pyproject.toml': '[project]\nname = "genkit-plugin-a"\nversion = "0.5.0"\ndependencies = []\n',
      'plugins/a/src/genkit/plugins/a/__init__.py': '',
      'plugins/b/pyproject.toml': '[project]\nname = "genkit-plugin-b"\nversion = "0.5.0"\ndependencies = [\n    "genkit",\n    "genkit-plugin-a",\n]\n',
      'plugins/b/src/genkit/plugins/b/__init__.py': '',
      'plugins/b/src/genkit/plugins/b/use.py': 'from genkit.plugins.a import A\n',
    };
    const DEPENDENCY = { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } };

    /** A server whose rules note what each lint of the module saw of its package's dependencies, and when the workspace learns of a pyproject.toml text. */
    async function recording(root: string, options: Partial<Parameters<typeof LspHarness.start>[0]> = {}) {
      const events: string[] = [];
      const pyproject = join(root, 'plugins/b/pyproject.toml');
      const sees: Rule = {
        id: 'records-dependencies',
        kind: 'python',
        reads: { scope: 'module' },
        defaultSeverity: 'hint',
        guideline: 'none',
        summary: 'records',
        check: (ctx) => (events.push(`module sees [${ctx.workspace.metadata(pyproject)?.dependencies.map((d) => d.name).join(' ')}]`), []),
      };
      const own: Rule = { id: 'records-pyproject', kind: 'pyproject', checksInvalidToml: true, defaultSeverity: 'hint', guideline: 'none', summary: 'records', check: (ctx) => (events.push(`lint ${ctx.file.slice(root.length + 1)}`), []) };
      const changed = Workspaces.prototype.changed;
      Workspaces.prototype.changed = function (file, kind) {
        events.push(`workspace reads ${file.slice(root.length + 1)}`);
        return changed.call(this, file, kind);
      };
      const server = await inProcess(root, [sees, own, ...RULES], options);
      return {
        ...server,
        events,
        pyproject,
        stop: async () => {
          Workspaces.prototype.changed = changed;
          await server.stop();
        },
      };
    }

    it("missing-dependency's fix, asked for right after a pyproject.toml edit, edits that file's text as it is now", async () => {
      const root = makeTree(TREE);
      const { lsp, pyproject, stop } = await recording(root, { codeActionResolve: true });
      try {
        const module = join(root, 'plugins/b/src/genkit/plugins/b/use.py');
        const pyprojectUri = await lsp.open(pyproject, TREE['plugins/b/pyproject.toml']);
        const moduleUri = await lsp.open(module, TREE['plugins/b/src/genkit/plugins/b/use.py']);
        await lsp.change(pyprojectUri, [{ range: DEPENDENCY, text: '' }]);
        const [finding] = (await lsp.waitForDiagnostics(moduleUri, (ds) => ds.some((d) => d.code === 'missing-dependency'))).filter((d) => d.code === 'missing-dependency');
        // A comment typed at the top of the pyproject.toml, and the light bulb opened right behind it,
        // on the finding the module shows (computed before the comment).
        const [version, actions] = await Promise.all([
          lsp.change(pyprojectUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# deps\n' }]),
          lsp.codeActions(moduleUri, finding.range, [finding]),
        ]);
        const add = actions.find((a) => a.title.startsWith('Add "genkit-plugin-a"'));
        assert.equal(add?.edit, undefined, 'the edit is computed on resolve');
        const resolved = await lsp.resolveCodeAction(add!);
        // The array's last element now ends on line 5 (`    "genkit",` under the comment), not 4.
        assert.deepEqual(resolved.edit?.documentChanges, [
          { textDocument: { uri: pyprojectUri, version }, edits: [{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } }, newText: '\n    "genkit-plugin-a",' }] },
        ]);
      } finally {
        await stop();
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('is linted against the pyproject.toml as it stood; once the edit rests, the module is published again from the new text, and closing unsaved reverts', async () => {
      const root = makeTree(TREE);
      const { lsp, events, pyproject, stop } = await recording(root);
      try {
        const module = join(root, 'plugins/b/src/genkit/plugins/b/use.py');
        const pyprojectUri = await lsp.open(pyproject, TREE['plugins/b/pyproject.toml']);
        const moduleUri = await lsp.open(module, TREE['plugins/b/src/genkit/plugins/b/use.py']);
        await lsp.waitForDiagnostics(pyprojectUri);
        const missing = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-dependency').map((d) => `${d.range.start.line}:${d.range.start.character}`);
        assert.deepEqual(missing(await lsp.waitForDiagnostics(moduleUri)), []);
        // Lints for other reasons (the file walk, the pyproject.toml's text settling) are over.
        await new Promise((r) => setTimeout(r, 300));
        events.length = 0;
        const published = lsp.published.length;
        // The dependency deleted, and a keystroke in the module right behind it, as an editor sends them.
        const [, moduleVersion] = await Promise.all([
          lsp.change(pyprojectUri, [{ range: DEPENDENCY, text: '' }]),
          lsp.change(moduleUri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x = 1\n' }]),
        ]);
        await lsp.waitForDiagnostics(moduleUri, (ds) => missing(ds).length > 0);
        const modulePublished = () =>
          lsp.published
            .slice(published)
            .filter((p) => p.uri === moduleUri)
            .map((p) => `${p.version} [${missing(p.diagnostics).join(' ')}]`);
        // The keystroke's own publish, from the pyproject.toml as it stood; then, once the edit
        // rested, the same version again with the finding the edit makes.
        assert.deepEqual(modulePublished(), [`${moduleVersion} []`, `${moduleVersion} [0:5]`]);
        // Neither the module's lint nor the pyproject.toml's own made the workspace read the new
        // text (no parse or model of it on the keystroke): it did so once, after both.
        assert.deepEqual(events, ['module sees [genkit genkit-plugin-a]', 'lint plugins/b/pyproject.toml', 'workspace reads plugins/b/pyproject.toml', 'module sees [genkit]']);

        // Closed without saving: the workspace reads the file on disk, and the finding goes.
        events.length = 0;
        await lsp.close(pyprojectUri);
        await lsp.waitForDiagnostics(moduleUri, (ds) => missing(ds).length === 0);
        assert.deepEqual(modulePublished().slice(-1), [`${moduleVersion} []`]);
        assert.deepEqual(events, ['workspace reads plugins/b/pyproject.toml', 'module sees [genkit genkit-plugin-a]']);
      } finally {
        await stop();
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
