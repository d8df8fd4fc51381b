// The pyproject and workspace rules over a real stdio LSP connection: findings follow unsaved
// edits of other files and files appearing on disk, fixes arrive as workspace edits, and the
// workspace sweep reports what the CLI reports.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { PYPROJECT_RULES } from '../src/rules/pyproject';
import { FIXTURES } from './fixtureHarness';
import { fileUri, LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

const IDS = new Set(PYPROJECT_RULES.map((r) => r.id));
const ours = (ds: Diagnostic[]) => ds.filter((d) => IDS.has(String(d.code)));
const codes = (ds: Diagnostic[]) => ours(ds).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const has = (rule: string, text?: RegExp) => (ds: Diagnostic[]) => ours(ds).some((d) => d.code === rule && (!text || text.test(message(d))));
const lacks = (rule: string) => (ds: Diagnostic[]) => !ours(ds).some((d) => d.code === rule);

function member(name: string, version: string, extra = ''): string {
  return `[project]
name = "${name}"
version = "${version}"
description = "${name}"
license = "Apache-2.0"
requires-python = ">=3.10"
authors = [{ name = "Google" }]
keywords = ["genkit"]
readme = "README.md"
classifiers = [
  "License :: OSI Approved :: Apache Software License",
  "Programming Language :: Python :: 3.10",
  "Programming Language :: Python :: 3.11",
  "Programming Language :: Python :: 3.12",
  "Programming Language :: Python :: 3.13",
  "Programming Language :: Python :: 3.14",
  "Typing :: Typed",
]
dependencies = ["genkit"]
${extra}
[project.urls]
Homepage = "https://genkit.dev"

[build-system]
build-backend = "hatchling.build"
requires = ["hatchling"]
`;
}

function plugin(dir: string, version: string): Record<string, string> {
  const module = dir.replace(/-/g, '_');
  return {
    [`plugins/${dir}/pyproject.toml`]: `${member(`genkit-plugin-${dir}`, version)}\n[tool.hatch.build.targets.wheel]\nonly-include = ["src/genkit/plugins/${module}"]\nsources = ["src"]\n`,
    [`plugins/${dir}/README.md`]: '# plugin\n',
    [`plugins/${dir}/LICENSE`]: 'Apache\n',
    [`plugins/${dir}/src/genkit/plugins/${module}/__init__.py`]: '',
    [`plugins/${dir}/src/genkit/plugins/${module}/py.typed`]: '',
  };
}

const ROOT = '[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*", "samples/*"]\n\n[tool.uv.sources]\ngenkit = { workspace = true }\ngenkit-plugin-a = { workspace = true }\ngenkit-plugin-b = { workspace = true }\nhello = { workspace = true }\n';

/** The range of the first occurrence of `needle` in a text. */
function rangeOf(text: string, needle: string): Range {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

describe('pyproject rules over a real LSP connection', function () {
  this.timeout(30_000);
  let root: string;
  let lsp: LspHarness;
  const path = (rel: string) => join(root, rel);
  const text = (rel: string) => readFileSync(path(rel), 'utf8');

  beforeEach(async () => {
    root = makeTree({
      'pyproject.toml': ROOT,
      LICENSE: 'Apache License\n',
      'packages/genkit/pyproject.toml': member('genkit', '0.5.0'),
      'packages/genkit/LICENSE': 'Apache\n',
      'packages/genkit/src/genkit/__init__.py': '',
      'packages/genkit/src/genkit/py.typed': '',
      ...plugin('a', '0.5.0'),
      ...plugin('b', '0.5.0'),
      'samples/hello/pyproject.toml': '[project]\nname = "hello"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = [\n    "genkit",\n]\n',
      'samples/hello/README.md': '# hello\n',
      'samples/hello/run.sh': 'uv run src/main.py\n',
      'samples/hello/src/main.py': 'from genkit.plugins.a import A\n',
    });
    lsp = await LspHarness.start({ root });
  });

  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('an unsaved edit of the core version updates version-sync in the other open pyproject files', async () => {
    const a = await lsp.open(path('plugins/a/pyproject.toml'), text('plugins/a/pyproject.toml'));
    const b = await lsp.open(path('plugins/b/pyproject.toml'), text('plugins/b/pyproject.toml'));
    const core = await lsp.open(path('packages/genkit/pyproject.toml'), text('packages/genkit/pyproject.toml'));
    assert.deepEqual(codes(await lsp.waitForDiagnostics(a)), []);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(b)), []);
    await lsp.waitForDiagnostics(core);

    await lsp.change(core, [{ range: rangeOf(text('packages/genkit/pyproject.toml'), '0.5.0'), text: '0.6.0' }]);
    for (const uri of [a, b]) {
      const ds = await lsp.waitForDiagnostics(uri, has('version-sync', /"0\.6\.0"/));
      assert.deepEqual(codes(ds), ['2:10 version-sync']);
      assert.equal(ds[0].relatedInformation?.[0].location.uri, core);
    }
    assert.equal(text('packages/genkit/pyproject.toml').includes('0.6.0'), false, 'nothing was saved');

    // The plugin's own edit clears its finding; the other plugin keeps its own.
    await lsp.change(a, [{ range: rangeOf(text('plugins/a/pyproject.toml'), '0.5.0'), text: '0.6.0' }]);
    await lsp.waitForDiagnostics(a, lacks('version-sync'));
    assert.ok(has('version-sync')(lsp.diagnostics.get(b)!.diagnostics));

    // Closing the core's editor without saving brings back the version on disk.
    await lsp.close(core);
    await lsp.waitForDiagnostics(b, lacks('version-sync'));
    await lsp.waitForDiagnostics(a, has('version-sync', /"0\.5\.0"/));
  });

  it("an unsaved edit of a plugin's name updates workspace-source in the open root file", async () => {
    const rootUri = await lsp.open(path('pyproject.toml'), ROOT);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(rootUri)), []);
    const a = await lsp.open(path('plugins/a/pyproject.toml'), text('plugins/a/pyproject.toml'));
    await lsp.change(a, [{ range: rangeOf(text('plugins/a/pyproject.toml'), 'genkit-plugin-a'), text: 'genkit-plugin-renamed' }]);
    const ds = await lsp.waitForDiagnostics(rootUri, has('workspace-source'));
    assert.deepEqual(codes(ds), ['3:0 workspace-source']);
    assert.match(message(ds[0]), /^genkit-plugin-renamed \(plugins\/a\) is missing/);
  });

  it('deleting a py.typed on disk produces the finding; creating it again clears it', async () => {
    const a = await lsp.open(path('plugins/a/pyproject.toml'), text('plugins/a/pyproject.toml'));
    assert.deepEqual(codes(await lsp.waitForDiagnostics(a)), []);
    const marker = path('plugins/a/src/genkit/plugins/a/py.typed');
    unlinkSync(marker);
    await lsp.watchedFiles([{ uri: fileUri(marker), type: FileChangeType.Deleted }]);
    const ds = await lsp.waitForDiagnostics(a, has('missing-package-file'));
    assert.deepEqual(codes(ds), ['0:0 missing-package-file']);
    assert.match(message(ds[0]), /No py\.typed in plugins\/a\/src\/genkit\/plugins\/a/);

    // Its quick fix creates the file (a resource operation of the workspace edit).
    const actions = await lsp.codeActions(a, ds[0].range, [ds[0]]);
    const create = actions.find((x) => x.title === 'Create py.typed in genkit.plugins.a');
    assert.deepEqual(create?.edit?.documentChanges, [{ kind: 'create', uri: fileUri(marker), options: { ignoreIfExists: true } }]);

    writeFileSync(marker, '');
    await lsp.watchedFiles([{ uri: fileUri(marker), type: FileChangeType.Created }]);
    await lsp.waitForDiagnostics(a, lacks('missing-package-file'));
  });

  it('missing-dependency follows unsaved edits of the package pyproject.toml, and its fix edits that file', async () => {
    const main = await lsp.open(path('samples/hello/src/main.py'), text('samples/hello/src/main.py'));
    const ds = await lsp.waitForDiagnostics(main, has('missing-dependency'));
    assert.deepEqual(codes(ds), ['0:5 missing-dependency']);
    const [fix] = (await lsp.codeActions(main, ds[0].range, ours(ds))).filter((x) => x.title.startsWith('Add "genkit-plugin-a"'));
    assert.equal(fix.title, 'Add "genkit-plugin-a" to dependencies in samples/hello/pyproject.toml (unsafe)');
    const pyprojectUri = fileUri(path('samples/hello/pyproject.toml'));
    assert.deepEqual(fix.edit?.documentChanges, [
      { textDocument: { uri: pyprojectUri, version: null }, edits: [{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } }, newText: '\n    "genkit-plugin-a",' }] },
    ]);

    // The same edit typed into the open pyproject.toml, unsaved, clears the finding in main.py.
    const pyproject = await lsp.open(path('samples/hello/pyproject.toml'), text('samples/hello/pyproject.toml'));
    await lsp.change(pyproject, [{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } }, text: '\n    "genkit-plugin-a",' }]);
    await lsp.waitForDiagnostics(main, lacks('missing-dependency'));
  });

  it('malformed TOML while typing: one invalid-pyproject error, the other findings wait until it parses', async () => {
    const source = text('plugins/b/pyproject.toml').replace('version = "0.5.0"', 'version = "0.4.0"');
    const b = await lsp.open(path('plugins/b/pyproject.toml'), source);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(b, has('version-sync'))), ['2:10 version-sync']);
    // Type `[tool.uv` at the end: a half-typed table header.
    const end = { line: source.split('\n').length - 1, character: 0 };
    await lsp.change(b, [{ range: { start: end, end }, text: '[tool.uv' }]);
    const broken = await lsp.waitForDiagnostics(b, has('invalid-pyproject'));
    assert.deepEqual(codes(broken), [`${end.line}:0 invalid-pyproject`]);
    assert.equal(broken[0].severity, 1);
    await lsp.change(b, [{ range: { start: { line: end.line, character: 8 }, end: { line: end.line, character: 8 } }, text: ']' }]);
    assert.deepEqual(codes(await lsp.waitForDiagnostics(b, has('version-sync'))), ['2:10 version-sync']);
  });

  it('a quick fix on a pyproject finding is a versioned edit of the open document', async () => {
    const source = text('plugins/b/pyproject.toml').replace('version = "0.5.0"', 'version = "0.4.0"  # old');
    const b = await lsp.open(path('plugins/b/pyproject.toml'), source);
    const ds = await lsp.waitForDiagnostics(b, has('version-sync'));
    const actions = await lsp.codeActions(b, ds[0].range, ours(ds));
    // A new version changes what the package installs as: offered, but unsafe and never preferred.
    const fix = actions.find((x) => x.title === 'Set version to "0.5.0" (unsafe)');
    assert.equal(fix?.isPreferred, false);
    assert.deepEqual(fix?.edit?.documentChanges, [
      { textDocument: { uri: b, version: 1 }, edits: [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } }, newText: '"0.5.0"' }] },
    ]);
  });

  it("several findings of one rule at one range: each quick fix is its own finding's fix", async () => {
    const bare = '[project]\nname = "genkit-plugin-a"\nversion = "0.5.0"\ndependencies = ["genkit"]\n';
    const a = await lsp.open(path('plugins/a/pyproject.toml'), bare);
    const ds = ours(await lsp.waitForDiagnostics(a, (d) => ours(d).filter((x) => x.code === 'missing-metadata').length > 1)).filter((d) => d.code === 'missing-metadata');
    const fixed = ds.filter((d) => (d.data as { fix?: unknown }).fix);
    assert.ok(new Set(fixed.map((d) => JSON.stringify(d.range))).size === 1 && fixed.length > 1, 'several fixable findings at one range');
    const titles: string[] = [];
    for (const d of fixed) {
      const named = (d.data as { fix: { title: string; safe: boolean } }).fix;
      const fix = (await lsp.codeActions(a, d.range, [d])).find((x) => x.edit && !x.title.startsWith('Ignore'));
      assert.equal(fix?.title, named.safe ? named.title : `${named.title} (unsafe)`);
      titles.push(fix!.title);
    }
    assert.equal(new Set(titles).size, titles.length);
  });
});

describe('Check Workspace on the Genkit-shaped fixture', function () {
  this.timeout(30_000);

  it('publishes, file by file, exactly the findings the CLI reports', async () => {
    const source = join(FIXTURES, 'workspaces', 'pyproject-rules');
    const root = mkdtempSync(join(tmpdir(), 'pyguide-sweep-'));
    cpSync(source, root, { recursive: true });
    const lsp = await LspHarness.start({ root });
    try {
      await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'sweep' });
      const expected = JSON.parse(readFileSync(`${source}.expected.json`, 'utf8')) as { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[];
      const severity = ['', 'error', 'warning', 'info', 'hint'];
      const published = [...lsp.diagnostics.entries()].flatMap(([uri, p]) =>
        ours(p.diagnostics).map((d) => ({
          file: uri.slice(fileUri(root).length + 1),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          rule: String(d.code),
          severity: severity[d.severity ?? 0],
          message: message(d),
        })),
      );
      const order = (x: { file: string; line: number; rule: string }) => `${x.file}:${String(x.line).padStart(5, '0')}:${x.rule}`;
      assert.deepEqual(
        published.sort((x, y) => order(x).localeCompare(order(y))),
        expected.map(({ file, line, column, endLine, endColumn, rule, severity: s, message }) => ({ file, line, column, endLine, endColumn, rule, severity: s, message })).sort((x, y) => order(x).localeCompare(order(y))),
      );
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
