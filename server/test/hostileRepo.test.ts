// A repository someone else wrote, as an attacker would write it: prototype keys in every table
// position carrying "safe" fixes aimed outside the workspace and at .git/, symlinks to files and
// folders outside, path settings that climb out. Through the CLI's --fix, fix-all over LSP and
// every quick fix (applied to disk as an editor would), no file outside the workspace root and
// nothing under its .git/ may change. Each workspace lives in a temporary arena beside an
// `outside/` folder; both are hashed, file by file, before and after.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './lspHarness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');

/** Every entry under a folder, links not followed: file hashes, link targets, folders. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      const rel = relative(dir, full);
      if (st.isSymbolicLink()) out.set(rel, `link ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(rel, 'dir');
        walk(full);
      } else out.set(rel, `file ${st.mode.toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

interface Arena {
  dir: string;
  ws: string;
  outside: string;
  /** What must not change: the arena minus the workspace, plus the workspace's .git/. */
  guarded(): Map<string, string>;
}

/** The fix an attacker plants: every kind of change, aimed outside and into .git/. */
function plantedChanges(arena: { outside: string; ws: string }): string {
  const o = arena.outside;
  const edit = (file: string) =>
    `[[P.fix.changes]]\ntype = "edit"\nfile = "${file}"\n[[P.fix.changes.edits]]\nnewText = "[core]\\n\\tfsmonitor = \\"touch ${o}/PWNED\\"\\n"\nrange = { start = { line = 0, character = 0 }, end = { line = 0, character = 0 } }\n`;
  return [
    `[P.fix]\ntitle = "Add license header"\nsafe = true\n`,
    `[[P.fix.changes]]\ntype = "delete"\nfile = "${o}/victim.txt"\n`,
    `[[P.fix.changes]]\ntype = "create"\nfile = "${o}/pwned.sh"\ncontent = "echo pwned\\n"\n`,
    `[[P.fix.changes]]\ntype = "create"\nfile = ".git/hooks/pre-commit"\ncontent = "touch ${o}/PWNED\\n"\n`,
    `[[P.fix.changes]]\ntype = "create"\nfile = "${arena.ws}/.git/hooks/post-checkout"\ncontent = "touch ${o}/PWNED\\n"\n`,
    `[[P.fix.changes]]\ntype = "rename"\nfrom = "${arena.ws}/mod.py"\nto = "${o}/moved.py"\n`,
    edit(`${o}/bashrc`),
    edit('.git/config'),
    edit(`${arena.ws}/.git/config`),
    edit(`${arena.ws}/linked_config`),
  ].join('\n');
}

/** Where the planted fix sits: each way TOML can put a table under a prototype name. */
const POSITIONS = ['__proto__', '"__proto__"', 'constructor.prototype', 'tool.__proto__', 'tool.pyguide.__proto__', 'project.constructor.prototype'];

function makeArena(pyproject: (arena: { ws: string; outside: string }) => string, extra: (arena: Arena) => void = () => {}): Arena {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-hostile-'));
  const ws = join(dir, 'ws');
  const outside = join(dir, 'outside');
  mkdirSync(join(outside, 'lib'), { recursive: true });
  mkdirSync(join(ws, '.git', 'hooks'), { recursive: true });
  writeFileSync(join(outside, 'victim.txt'), 'precious data\n');
  writeFileSync(join(outside, 'bashrc'), 'export PATH=/usr/bin\n');
  writeFileSync(join(outside, 'secret.txt'), 'Secret outside content\n');
  writeFileSync(join(outside, 'target.py'), 'def f():\n    import os\n    return os\n');
  writeFileSync(join(outside, 'lib', 'inner.py'), 'def g():\n    import sys  # noqa\n    return sys\n');
  writeFileSync(join(outside, 'lib', '__init__.py'), 'import os\n');
  writeFileSync(join(ws, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n');
  writeFileSync(join(ws, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(ws, 'pyproject.toml'), pyproject({ ws, outside }));
  writeFileSync(join(ws, 'mod.py'), 'def f():\n    import os  # noqa\n    return os\n');
  symlinkSync(join(ws, '.git', 'config'), join(ws, 'linked_config'));
  const arena: Arena = {
    dir,
    ws,
    outside,
    guarded() {
      const all = snapshot(dir);
      return new Map([...all].filter(([rel]) => !rel.startsWith(`ws/`) || rel.startsWith('ws/.git/') || rel === 'ws/.git'));
    },
  };
  extra(arena);
  return arena;
}

function planted(position: string) {
  return (a: { ws: string; outside: string }) => `[tool.uv.workspace]\nmembers = []\n\n${plantedChanges(a).replaceAll('P.', `${position}.`)}\n`;
}

/** The workspace with links out: a file, a folder, a root LICENSE, a member package's folder. */
function linksOut(a: Arena): void {
  symlinkSync('../outside/target.py', join(a.ws, 'link.py'));
  symlinkSync('../outside/lib', join(a.ws, 'linkdir'));
  symlinkSync('../outside/secret.txt', join(a.ws, 'LICENSE'));
  symlinkSync('../outside/lib/inner.py', join(a.ws, 'inner_link.py'));
  mkdirSync(join(a.ws, 'packages', 'p', 'src', 'p'), { recursive: true });
  writeFileSync(join(a.ws, 'packages', 'p', 'pyproject.toml'), '[project]\nname = "p"\nversion = "1"\nlicense = "Apache-2.0"\n');
  writeFileSync(join(a.ws, 'packages', 'p', 'src', 'p', '__init__.py'), '');
  symlinkSync('../../outside/lib', join(a.ws, 'packages', 'q'));
  // The same outside file through two links: at most one of them may be linted (and neither written).
  symlinkSync('link.py', join(a.ws, 'link_again.py'));
}

const LINKS_PYPROJECT = () => '[tool.uv.workspace]\nmembers = ["packages/*"]\n';

/** Layout paths that climb out of the workspace, in every path setting. */
const TRAVERSAL_PYPROJECT = (a: { outside: string }) => `[tool.uv.workspace]
members = ["plugins/*", "../outside", "${a.outside}"]

[tool.pyguide]
exclude = ["../outside/**"]

[tool.pyguide.layout]
members = [
  { kind = "plugin", path = "plugins/*", name = "genkit-plugin-{name}", required-files = ["py.typed", "LICENSE", "README.md"], source-dir = "../../../outside" },
  { kind = "sib", path = "../*", required-files = ["py.typed", "LICENSE"], source-dir = "." },
  { kind = "abs", path = "${a.outside}/*", required-files = ["py.typed"] },
  { kind = "git", path = ".git", required-files = ["py.typed", "LICENSE"], source-dir = "." },
]
`;

function traversal(a: Arena): void {
  mkdirSync(join(a.ws, 'plugins', 'x'), { recursive: true });
  writeFileSync(join(a.ws, 'plugins', 'x', 'pyproject.toml'), '[project]\nname = "genkit-plugin-x"\nversion = "0.1.0"\n');
  mkdirSync(join(a.outside, 'victimpkg'));
  writeFileSync(join(a.outside, 'victimpkg', '__init__.py'), '# victim package\n');
  writeFileSync(join(a.outside, 'pyproject.toml'), '[project]\nname = "outside"\nversion = "9"\n');
  writeFileSync(join(a.ws, '.git', 'pyproject.toml'), '[project]\nname = "git"\nversion = "1"\n');
}

/** `walkStaysIn`: the scenario's only way out is links, which the walk never follows, so no finding names an outside file. */
const SCENARIOS: Array<{ name: string; arena: () => Arena; walkStaysIn?: boolean }> = [
  ...POSITIONS.map((p) => ({ name: `a fix planted at [${p}.fix]`, arena: () => makeArena(planted(p)) })),
  { name: 'dotted keys planting the fix', arena: () => makeArena((a) => `[tool.uv.workspace]\nmembers = []\n${plantedChanges(a).replace('[P.fix]\n', '').replace(/^(title|safe) = /gm, '__proto__.fix.$1 = ').replaceAll('P.', '__proto__.')}`) },
  { name: '[__proto__] id = 7', arena: () => makeArena(() => '[tool.uv.workspace]\nmembers = []\n\n[__proto__]\nid = 7\nsafe = true\n[constructor]\nassign = 1\n') },
  { name: 'symlinks to outside files and folders', arena: () => makeArena(LINKS_PYPROJECT, linksOut), walkStaysIn: true },
  { name: 'layout and member paths that climb out', arena: () => makeArena(TRAVERSAL_PYPROJECT, traversal) },
  {
    name: 'everything at once',
    arena: () =>
      makeArena(
        (a) => `${TRAVERSAL_PYPROJECT(a)}\n${plantedChanges(a).replaceAll('P.', '__proto__.')}`,
        (a) => {
          linksOut(a);
          traversal(a);
        },
      ),
  },
];

/** Applies a workspace edit to disk the way an editor would (writes follow links, as editors' do). */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        const path = fileURLToPath(change.uri);
        mkdirSync(dirname(path), { recursive: true });
        if (!existsSync(path)) writeFileSync(path, '');
      } else if (change.kind === 'rename') {
        renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
      } else if (change.kind === 'delete') {
        rmSync(fileURLToPath(change.uri), { force: true });
      }
      continue;
    }
    const docEdit = change as TextDocumentEdit;
    const path = fileURLToPath(docEdit.textDocument.uri);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const doc = TextDocument.create(docEdit.textDocument.uri, 'text', 0, before);
    writeFileSync(path, TextDocument.applyEdits(doc, docEdit.edits.filter((e): e is TextEdit => 'newText' in e)));
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = fileURLToPath(uri);
    const doc = TextDocument.create(uri, 'text', 0, existsSync(path) ? readFileSync(path, 'utf8') : '');
    writeFileSync(path, TextDocument.applyEdits(doc, edits));
  }
}

/** Every file an editor could open in the workspace, through links too (the walk skips those; an editor need not). */
function openable(ws: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === '.git' || depth > 5 || !existsSync(full)) continue;
      if (statSync(full).isDirectory()) walk(full, depth + 1);
      else if (name.endsWith('.py') || name === 'pyproject.toml') out.push(full);
    }
  };
  walk(ws, 0);
  return out.sort();
}

describe('a hostile repository', function () {
  this.timeout(120_000);

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      let arena: Arena;
      beforeEach(() => {
        arena = scenario.arena();
      });
      afterEach(() => rmSync(arena.dir, { recursive: true, force: true }));

      it('pyguide check --fix --unsafe-fixes changes nothing outside the workspace or under .git/, and says why it refused', () => {
        const before = arena.guarded();
        const r = spawnSync(process.execPath, [CLI, 'check', '--fix', '--unsafe-fixes', '--no-cache'], { cwd: arena.ws, encoding: 'utf8' });
        assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /internal error|RangeError|TypeError/);
        assert.deepEqual(arena.guarded(), before);
        assert.ok(!existsSync(join(arena.outside, 'PWNED')) && !existsSync(join(arena.outside, 'pwned.sh')));
        // A second run (nothing left to fix) finds the same and still writes nothing out.
        const again = spawnSync(process.execPath, [CLI, 'check', '--fix', '--unsafe-fixes', '--no-cache'], { cwd: arena.ws, encoding: 'utf8' });
        assert.ok(again.status !== null && again.status <= 2);
        assert.deepEqual(arena.guarded(), before);
        // Links out are not walked: no finding names a file they lead to.
        if (scenario.walkStaysIn) assert.doesNotMatch(r.stdout + again.stdout, /outside|target\.py|inner/);
      });

      it('every quick fix and fix-all over LSP change nothing outside the workspace or under .git/', async () => {
        const before = arena.guarded();
        const lsp = await LspHarness.start({ root: arena.ws, settings: { onTypeDelay: 0 }, resourceOperations: true });
        try {
          for (const file of openable(arena.ws)) {
            const text = readFileSync(file, 'utf8');
            const uri = await lsp.open(file, text);
            const diagnostics = await lsp.waitForDiagnostics(uri, () => true).catch(() => [] as Diagnostic[]);
            const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length + 1, character: 0 } };
            const actions: CodeAction[] = [];
            for (const d of diagnostics) actions.push(...(await lsp.codeActions(uri, d.range, [d])));
            actions.push(...(await lsp.codeActions(uri, whole, diagnostics, ['source.fixAll.pyguide'])));
            for (const action of actions) if (action.edit) applyToDisk(action.edit);
            await lsp.executeCommand('pyguide.server.fixAll', [uri, 1]);
            await lsp.close(uri);
          }
          for (const applied of lsp.appliedEdits) applyToDisk(applied.edit);
          assert.deepEqual(arena.guarded(), before);
          assert.doesNotMatch(lsp.stderr.join(''), /TypeError|RangeError/);
        } finally {
          await lsp.shutdown();
        }
      });
    });
  }
});
