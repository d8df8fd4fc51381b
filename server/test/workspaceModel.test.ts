// The workspace model: members, their metadata and dependencies with ranges, their files, the
// core version and the root [tool.uv.sources], as the editor sees them, and cache invalidation.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OverlayFiles } from '../src/workspace/files';
import { normalizeName, parseDependency } from '../src/workspace/metadata';
import { Workspaces } from '../src/workspace/model';
import { makeTree } from './tempTree';

const ROOT = '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*", "samples/*"]\n\n[tool.uv.sources]\ngenkit = { workspace = true }\n"Genkit_Plugin.Foo" = { workspace = true }\n';

describe('workspace model', () => {
  let root: string;
  let overlay: OverlayFiles;
  let workspaces: Workspaces;

  beforeEach(() => {
    root = makeTree({
      'pyproject.toml': ROOT,
      'LICENSE': 'Apache License\n',
      'packages/genkit/pyproject.toml': '[project]\nname = "genkit"\nversion = "0.5.0"\n',
      'packages/genkit/src/genkit/__init__.py': '',
      'packages/genkit/src/genkit/py.typed': '',
      'plugins/foo/pyproject.toml': '[project]\nname = "genkit-plugin-foo"\nversion = "0.4.0"\ndependencies = [\n  "genkit>=0.5",\n  "Some_Lib[extra] ; python_version < \'3.11\'",\n  "not a requirement!",\n]\n',
      'plugins/foo/README.md': '# foo\n',
      'plugins/foo/src/genkit/plugins/foo/__init__.py': '',
      'plugins/foo/src/genkit/plugins/foo/sub/__init__.py': '',
      'samples/my_demo/pyproject.toml': '[project]\nname = "my-demo"\n',
      'samples/my_demo/src/main.py': '',
      'samples/no-project/README.md': '',
      'other/pkg/pyproject.toml': '[project]\nname = "stray"\n',
    });
    overlay = new OverlayFiles();
    workspaces = new Workspaces(overlay);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the members by the layout, with their kind and expected name', () => {
    const ws = workspaces.forFile(join(root, 'plugins/foo/src/genkit/plugins/foo/__init__.py'));
    assert.equal(ws.root, root);
    assert.deepEqual(
      ws.packages.map((p) => [p.kind.kind, p.dirName, p.expectedName]),
      [
        ['package', 'genkit', 'genkit'],
        ['plugin', 'foo', 'genkit-plugin-foo'],
        ['sample', 'my_demo', 'my-demo'],
      ],
    );
    assert.equal(ws.corePackage?.dir, join(root, 'packages/genkit'));
    assert.equal(ws.packageOf(join(root, 'other/pkg/pyproject.toml')), undefined);
  });

  it('reads name, version and PEP 508 dependencies with the range of each entry', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const meta = ws.metadata(join(root, 'plugins/foo/pyproject.toml'))!;
    assert.equal(meta.name?.value, 'genkit-plugin-foo');
    assert.deepEqual(meta.version, { value: '0.4.0', range: { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } } });
    assert.deepEqual(
      meta.dependencies.map((d) => [d.name, d.extras, d.specifiers, d.range.start.line, d.range.start.character, d.range.end.character, !!d.error]),
      [
        ['genkit', [], [{ operator: '>=', version: '0.5' }], 4, 2, 15, false],
        ['some-lib', ['extra'], [], 5, 2, 45, false],
        [undefined, [], [], 6, 2, 22, true],
      ],
    );
    assert.equal(ws.metadata(join(root, 'nope/pyproject.toml')), undefined);
  });

  it('normalizes names as PEP 503 does and parses URL requirements', () => {
    assert.equal(normalizeName('Genkit_Plugin.Foo'), 'genkit-plugin-foo');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(parseDependency('pkg @ https://example.com/pkg.zip', range).name, 'pkg');
    assert.ok(parseDependency('-r other.txt', range).error);
  });

  it('knows the files of each package: import packages, py.typed markers, README, LICENSE, run.sh', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const [core, plugin, sample] = ws.packages;
    assert.deepEqual(ws.packageFiles(core).modules.map((m) => m.module), ['genkit']);
    assert.deepEqual(ws.packageFiles(core).untyped, []);
    assert.deepEqual(ws.packageFiles(plugin).modules.map((m) => m.module), ['genkit.plugins.foo']);
    assert.deepEqual(ws.packageFiles(plugin).untyped.map((m) => m.dir), [join(root, 'plugins/foo/src/genkit/plugins/foo')]);
    assert.equal(ws.packageFiles(plugin).exists('README.md'), true);
    assert.equal(ws.packageFiles(plugin).exists('LICENSE'), false);
    assert.deepEqual(ws.packageFiles(sample).modules, []);
    assert.equal(ws.packageFiles(sample).exists('run.sh'), false);
  });

  it("walks a plugin's namespace directories even when one wrongly holds an __init__.py", () => {
    const stray = join(root, 'plugins/foo/src/genkit/__init__.py');
    writeFileSync(stray, '');
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    assert.deepEqual(ws.packageFiles(ws.packages[1]).modules.map((m) => m.module), ['genkit.plugins.foo']);
    // The core is not a namespace package: its src/genkit is the import package.
    assert.deepEqual(ws.packageFiles(ws.packages[0]).modules.map((m) => m.module), ['genkit']);
  });

  it('reads the root [tool.uv.sources], normalized', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    assert.deepEqual([...ws.uvSources()!], ['genkit', 'genkit-plugin-foo']);
  });

  it('sees unsaved editor text and drops derived data when a file changes', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const core = join(root, 'packages/genkit/pyproject.toml');
    assert.equal(ws.metadata(core)?.version?.value, '0.5.0');
    overlay.set(core, '[project]\nname = "genkit"\nversion = "0.6.0"\n');
    assert.equal(ws.metadata(core)?.version?.value, '0.5.0', 'cached until told');
    assert.deepEqual(workspaces.changed(core, 'changed'), [ws]);
    assert.equal(ws.metadata(core)?.version?.value, '0.6.0');
    assert.equal(ws.pyprojectFile(core)?.text, '[project]\nname = "genkit"\nversion = "0.6.0"\n');

    overlay.set(join(root, 'pyproject.toml'), '[tool.uv.workspace]\nmembers = []\n');
    workspaces.changed(join(root, 'pyproject.toml'), 'changed');
    assert.deepEqual([...ws.uvSources()!], []);
  });

  it('reads an unsettled buffer as it stood until it is settled; a text typed back settles as no change', () => {
    const core = join(root, 'packages/genkit/pyproject.toml');
    const ws = workspaces.forFile(core);
    overlay.setUnsettled(core, '[project]\nname = "genkit"\nversion = "0.6.0"\n');
    assert.equal(overlay.isUnsettled(core), true);
    const text = (path: string) => {
      const read = overlay.read(path);
      return read.ok ? read.text : undefined;
    };
    assert.equal(text(core), readFileSync(core, 'utf8'));
    assert.equal(ws.metadata(core)?.version?.value, '0.5.0');
    assert.deepEqual(overlay.settle(), [core]);
    assert.equal(text(core), '[project]\nname = "genkit"\nversion = "0.6.0"\n');
    assert.equal(overlay.hasUnsettled, false);
    workspaces.changed(core, 'changed');
    assert.equal(ws.metadata(core)?.version?.value, '0.6.0');
    // Typed and typed back, or opened as saved: nothing for the workspace to learn.
    overlay.setUnsettled(core, '[project]\nname = "genkit"\nversion = "0.7.0"\n');
    overlay.setUnsettled(core, '[project]\nname = "genkit"\nversion = "0.6.0"\n');
    assert.deepEqual(overlay.settle(core), []);
    const plugin = join(root, 'plugins/foo/pyproject.toml');
    overlay.setUnsettled(plugin, readFileSync(plugin, 'utf8'));
    assert.deepEqual(overlay.settle(), []);
    // Closing drops the unsettled text with the buffer.
    overlay.setUnsettled(core, 'broken = [');
    overlay.delete(core);
    assert.deepEqual(overlay.settle(), []);
    assert.equal(text(core), readFileSync(core, 'utf8'));
  });

  it('tells which pyproject.toml texts shape a workspace: a root one, one that makes or unmakes a root', () => {
    const plugin = join(root, 'plugins/foo/pyproject.toml');
    workspaces.forFile(join(root, 'plugins/foo/src/genkit/plugins/foo/__init__.py'));
    assert.equal(workspaces.shapedBy(join(root, 'pyproject.toml'), ROOT.replace('"ws"', '"ws2"')), true);
    assert.equal(workspaces.shapedBy(plugin, '[project]\nname = "genkit-plugin-foo"\nversion = "0.9.0"\n'), false);
    assert.equal(workspaces.shapedBy(plugin, '[project]\nname = "genkit-plugin-foo"\n\n[tool.uv.workspace]\nmembers = []\n'), true);
    assert.equal(workspaces.shapedBy(plugin, '[project]\nname = "genkit-plugin-foo"\n\n[tool.pyguide]\n'), true);
    // A directory no file was looked up in yet is read once for what it is now.
    assert.equal(workspaces.shapedBy(join(root, 'other/pkg/pyproject.toml'), '[project]\nname = "stray2"\n'), false);
  });

  it("hands out the same member imports after an edit that leaves them as they were, new ones after one that changes a member's name", () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const plugin = join(root, 'plugins/foo/pyproject.toml');
    const before = ws.memberImports();
    assert.deepEqual(before.map((m) => [m.module, m.distribution]), [
      ['genkit', 'genkit'],
      ['genkit.plugins.foo', 'genkit-plugin-foo'],
    ]);
    overlay.set(plugin, '[project]\nname = "genkit-plugin-foo"\nversion = "0.4.1"\n');
    workspaces.changed(plugin, 'changed');
    assert.equal(ws.memberImports(), before, 'a version edit: the same object, so what is cached against it stays');
    overlay.set(plugin, '[project]\nname = "genkit-plugin-bar"\nversion = "0.4.1"\n');
    workspaces.changed(plugin, 'changed');
    const renamed = ws.memberImports();
    assert.notEqual(renamed, before);
    assert.deepEqual(renamed.map((m) => [m.module, m.distribution]), [
      ['genkit', 'genkit'],
      ['genkit.plugins.foo', 'genkit-plugin-bar'],
    ]);
    // Two edits before anyone asks: compared with what was handed out last.
    overlay.set(plugin, '[project]\nname = "genkit-plugin-baz"\n');
    workspaces.changed(plugin, 'changed');
    overlay.set(plugin, '[project]\nname = "genkit-plugin-bar"\n');
    workspaces.changed(plugin, 'changed');
    assert.equal(ws.memberImports(), renamed);
  });

  it('a pyproject.toml edit moves files to another root only when it makes its directory a root or no longer one', () => {
    const module = join(root, 'plugins/foo/src/genkit/plugins/foo/__init__.py');
    const plugin = join(root, 'plugins/foo/pyproject.toml');
    const ws = workspaces.forFile(module);
    assert.equal(ws.root, root);
    const members = ws.packages;
    // A version edit: the root is not looked up again (no pyproject.toml on the way up is read).
    const reads: string[] = [];
    const read = overlay.read.bind(overlay);
    overlay.read = (path, limit) => (reads.push(path), read(path, limit));
    overlay.set(plugin, '[project]\nname = "genkit-plugin-foo"\nversion = "0.4.1"\n');
    workspaces.changed(plugin, 'changed');
    assert.equal(workspaces.forFile(module), ws);
    assert.deepEqual(reads, [plugin]);
    // Nor are the members listed again: the same list, while every member pyproject.toml still exists.
    assert.equal(ws.packages, members);
    unlinkSync(join(root, 'samples/my_demo/pyproject.toml'));
    workspaces.changed(join(root, 'samples/my_demo/pyproject.toml'), 'deleted');
    assert.deepEqual(ws.packages.map((p) => p.dirName), members.map((p) => p.dirName).filter((d) => d !== 'my_demo'));
    // [tool.uv.workspace] makes the plugin a root of its own: its files move, the others stay.
    overlay.set(plugin, '[project]\nname = "genkit-plugin-foo"\n\n[tool.uv.workspace]\nmembers = []\n');
    workspaces.changed(plugin, 'changed');
    assert.equal(workspaces.forFile(module).root, join(root, 'plugins/foo'));
    assert.equal(workspaces.forFile(join(root, 'packages/genkit/src/genkit/__init__.py')), ws);
    // And back.
    overlay.delete(plugin);
    workspaces.changed(plugin, 'changed');
    assert.equal(workspaces.forFile(module), ws);
  });

  it('notices package files appearing and vanishing, and new import packages', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const core = ws.packages[0];
    const marker = join(root, 'packages/genkit/src/genkit/py.typed');
    assert.deepEqual(ws.packageFiles(core).untyped, []);
    unlinkSync(marker);
    assert.deepEqual(workspaces.changed(marker, 'deleted'), [ws]);
    assert.deepEqual(ws.packageFiles(core).untyped.map((m) => m.module), ['genkit']);
    assert.deepEqual(workspaces.changed(marker, 'changed'), [], 'a content change of a marker changes nothing');

    const init = join(root, 'packages/genkit/src/extra/__init__.py');
    mkdirSync(join(init, '..'));
    writeFileSync(init, '');
    assert.deepEqual(workspaces.changed(init, 'created'), [ws]);
    assert.deepEqual(ws.packageFiles(core).modules.map((m) => m.module), ['extra', 'genkit']);

    const license = join(root, 'plugins/foo/LICENSE');
    assert.equal(ws.packageFiles(ws.packages[1]).exists('LICENSE'), false);
    writeFileSync(license, 'x');
    workspaces.changed(license, 'created');
    assert.equal(ws.packageFiles(ws.packages[1]).exists('LICENSE'), true);
  });

  it('keeps the file changes reported while a walk of the root ran: a rename after the walk passed is not undone', () => {
    const ws = workspaces.forFile(join(root, 'pyproject.toml'));
    const old = join(root, 'plugins/foo/tests/a_models_test.py');
    const renamed = join(root, 'plugins/foo/tests/foo_models_test.py');
    const created = join(root, 'plugins/foo/tests/foo_new_test.py');
    ws.walkStarted();
    // The walk listed the directory before the rename; the watcher's events arrive before its result.
    workspaces.changed(old, 'deleted');
    workspaces.changed(renamed, 'created');
    workspaces.changed(created, 'created');
    ws.setPythonFiles([join(root, 'samples/my_demo/src/main.py'), old]);
    assert.deepEqual(ws.pythonFilesNamed('a_models_test.py'), []);
    assert.deepEqual(ws.pythonFilesNamed('foo_models_test.py'), [renamed]);
    assert.deepEqual(ws.pythonFilesNamed('foo_new_test.py'), [created]);
    // A later walk's result stands on its own.
    ws.setPythonFiles([old]);
    assert.deepEqual(ws.pythonFiles(), [old]);
  });

  it('finds import packages of a flat layout configured in [tool.pyguide]', () => {
    const flat = makeTree({
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n[tool.pyguide.layout]\ncore = "packages/acme"\nmembers = [{ kind = "package", path = "packages/*", source-dir = ".", required-files = ["py.typed"] }]\n',
      'packages/acme/pyproject.toml': '[project]\nname = "acme"\n',
      'packages/acme/acme/__init__.py': '',
      'packages/acme/tests/__init__.py': '',
      'packages/acme/not-a-module/__init__.py': '',
    });
    try {
      const ws = new Workspaces(overlay).forFile(join(flat, 'pyproject.toml'));
      assert.deepEqual(ws.configProblems, []);
      assert.deepEqual(ws.packageFiles(ws.packages[0]).modules.map((m) => m.module), ['acme']);
      assert.equal(ws.corePackage?.dirName, 'acme');
    } finally {
      rmSync(flat, { recursive: true, force: true });
    }
  });
});
