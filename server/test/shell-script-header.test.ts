// shell-script-header and the shell file kind end to end: the engine's findings and exact edits,
// which files are shell scripts, the CLI's sweep (extensionless scripts, .gitignore, exclude, the
// result cache) and a real LSP connection (a `shellscript` document, its diagnostic, its quick fix,
// fix-all, Check Workspace).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { fixAllText } from '../src/engine/fixAll';
import { fileKind } from '../src/engine/linter';
import { scanFiles } from '../src/workspace/scan';
import { shellScriptHeader } from '../src/rules/shell/shell-script-header';
import { run, tree } from './cliHarness';
import { sessionWith, syntaxErrors } from './fixtureHarness';
import { fileUri, LspHarness } from './lspHarness';

const LICENSE = '# Copyright 2025 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n';
const GENKIT = '[project]\nname = "ws"\nversion = "0.1.0"\n\n[tool.pyguide]\npreset = "genkit"\n';

describe('shell-script-header in the engine', () => {
  const lint = async (path: string, text: string) => (await sessionWith([shellScriptHeader])).lintText(path, text);
  const edits = (f: { fix?: { changes: unknown[] } }) => (f.fix!.changes[0] as { edits: TextEdit[] }).edits;

  it('`#!/bin/bash`: one finding on line 1, an unsafe rewrite of exactly that line', async () => {
    const [f, ...rest] = await lint('/w/bin/create_release', `#!/bin/bash\n${LICENSE}\nset -euo pipefail\n\necho ok\n`);
    assert.deepEqual(rest, []);
    assert.equal(f.rule, 'shell-script-header');
    assert.equal(f.message, 'Shell scripts start with `#!/usr/bin/env bash` (line 1 is `#!/bin/bash`)');
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    assert.equal(f.fix!.safe, false);
    assert.equal(f.fix!.title, 'Use `#!/usr/bin/env bash`');
    assert.deepEqual(edits(f), [{ range: f.range, newText: '#!/usr/bin/env bash' }]);
  });

  it('a spelling the kernel reads the same is the one safe fix', async () => {
    const [f] = await lint('/w/a.sh', '#!\t/usr/bin/env   bash  \nset -euo pipefail\necho ok\n');
    assert.equal(f.fix!.safe, true);
    assert.deepEqual(edits(f), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } }, newText: '#!/usr/bin/env bash' }]);
  });

  it('a command before strict mode: the finding names what is missing; the unsafe fix inserts with the CRLF line breaks of the file', async () => {
    const text = '#!/usr/bin/env bash\r\n# Build.\r\n\r\nset -e\r\nmake all # build\r\n';
    const [f] = await lint('/w/build.sh', text);
    assert.equal(f.message, '`set -euo pipefail` must come before the first command (missing -u, -o pipefail)');
    assert.deepEqual(f.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
    assert.equal(f.fix!.safe, false);
    assert.deepEqual(edits(f), [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'set -euo pipefail\r\n' }]);
    const session = await sessionWith([shellScriptHeader]);
    const fixed = fixAllText('/w/build.sh', text, (t) => session.lintText('/w/build.sh', t), { unsafe: true });
    assert.equal(fixed.text, '#!/usr/bin/env bash\r\n# Build.\r\n\r\nset -e\r\nset -euo pipefail\r\nmake all # build\r\n');
    assert.equal(fixAllText('/w/build.sh', text, (t) => session.lintText('/w/build.sh', t)).text, text, 'fix-all without unsafe fixes leaves it');
  });

  it('an extensionless bash script is checked; an extensionless Python script with the same text is not', async () => {
    assert.deepEqual((await lint('/w/bin/tool', '#!/bin/bash\necho ok\n')).map((f) => f.range.start.line), [0, 1]);
    assert.deepEqual(await lint('/w/bin/tool', '#!/usr/bin/env python3\nprint(1)\n'), []);
  });

  it('`# pyguide: ignore-file[shell-script-header]` silences the script', async () => {
    assert.deepEqual(await lint('/w/a.sh', '#!/bin/bash\n# pyguide: ignore-file[shell-script-header]  # legacy\necho ok\n'), []);
  });

  it('`# pyguide: ignore[shell-script-header]` after the first command silences its finding only', async () => {
    const findings = await lint('/w/a.sh', '#!/bin/bash\ncd "$HOME"  # pyguide: ignore[shell-script-header]  # sourced by CI\n');
    assert.deepEqual(findings.map((f) => f.range.start.line), [0]);
  });

  it('`strict-mode-exempt` globs need only the shebang', async () => {
    const root = tree({ 'pyproject.toml': `${GENKIT}\n[tool.pyguide.rules.shell-script-header]\nstrict-mode-exempt = ["bin/install_*"]\n`, 'bin/install_cli': '#!/bin/bash\ncurl -sL x\n' });
    try {
      const session = await sessionWith([shellScriptHeader], 'off');
      assert.deepEqual(session.lintFile(join(root, 'bin/install_cli')).map((f) => `${f.range.start.line}:${f.range.start.character}`), ['0:0']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is off in the generic preset and on in the Genkit ones', async () => {
    const text = '#!/bin/bash\necho ok\n';
    assert.deepEqual(await (await sessionWith([shellScriptHeader], 'generic')).lintText('/w/a.sh', text), []);
    assert.equal((await sessionWith([shellScriptHeader], 'genkit')).lintText('/w/a.sh', text).length, 2);
  });
});

describe('shell-script-header in the CLI', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = tree({
      'pyproject.toml': `${GENKIT}exclude = ["vendor/"]\n`,
      '.gitignore': 'build/\n',
      'bin/create_release': `#!/bin/bash\n${LICENSE}\nset -euo pipefail\n\necho release\n`,
      'bin/tool': '#!/usr/bin/env python3\nprint("hi")\n',
      'samples/hello/run.sh': `#!/usr/bin/env bash\n${LICENSE}\nuv run src/main.py "$@"\n`,
      'build/gen.sh': '#!/bin/bash\necho generated\n',
      'vendor/x.sh': '#!/bin/bash\necho vendored\n',
      'src/ws/__init__.py': '',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const findings = (...args: string[]) => {
    const r = run(root, 'check', ...args, '--select', 'shell-script-header', '--format', 'json');
    assert.equal(r.stderr, '');
    return (JSON.parse(r.stdout) as { file: string; line: number; column: number; endColumn: number; fix?: { safe: boolean } }[]).map(
      (f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.fix ? (f.fix.safe ? 'safe' : 'unsafe') : 'no fix'}`,
    );
  };

  it('a sweep finds `.sh` and extensionless bash scripts, not gitignored, excluded or Python ones', () => {
    assert.deepEqual(findings('.', '--no-cache'), ['bin/create_release:1:1-12 unsafe', 'samples/hello/run.sh:6:1-24 unsafe']);
  });

  it('an extensionless script named on the command line is linted; a file of no kind is a usage error', () => {
    assert.deepEqual(findings('bin/create_release', '--no-cache'), ['bin/create_release:1:1-12 unsafe']);
    const r = run(root, 'check', 'bin/tool');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a file pyguide lints \(Python, pyproject\.toml, shell script\): bin\/tool/);
  });

  it('--fix --unsafe-fixes rewrites both scripts, `bash -n` still accepts them, and a second run has nothing left', () => {
    assert.equal(run(root, 'check', '.', '--select', 'shell-script-header', '--fix', '--no-cache').code, 1, 'no safe fix here');
    assert.equal(readFileSync(join(root, 'bin/create_release'), 'utf8').split('\n')[0], '#!/bin/bash');
    assert.equal(run(root, 'check', '.', '--select', 'shell-script-header', '--fix', '--unsafe-fixes', '--no-cache').code, 0);
    assert.equal(readFileSync(join(root, 'bin/create_release'), 'utf8'), `#!/usr/bin/env bash\n${LICENSE}\nset -euo pipefail\n\necho release\n`);
    assert.equal(readFileSync(join(root, 'samples/hello/run.sh'), 'utf8'), `#!/usr/bin/env bash\n${LICENSE}\nset -euo pipefail\n\nuv run src/main.py "$@"\n`);
    assert.deepEqual(findings('.', '--no-cache'), []);
  });

  it('the result cache: an extensionless file that becomes a bash script (its kind changes with its first line) is linted again', () => {
    assert.equal(findings('.').length, 2);
    writeFileSync(join(root, 'bin/tool'), '#!/bin/bash\necho hi\n');
    assert.deepEqual(findings('.'), ['bin/create_release:1:1-12 unsafe', 'bin/tool:1:1-12 unsafe', 'bin/tool:2:1-8 unsafe', 'samples/hello/run.sh:6:1-24 unsafe']);
    writeFileSync(join(root, 'bin/tool'), '#!/usr/bin/env python3\nprint("hi")\n');
    assert.deepEqual(findings('.'), ['bin/create_release:1:1-12 unsafe', 'samples/hello/run.sh:6:1-24 unsafe']);
  });
});

describe('shell-script-header over a real LSP connection', function () {
  this.timeout(60_000);
  let root: string;
  let lsp: LspHarness;
  const SCRIPT = `#!/bin/bash\n${LICENSE}\ncd "$(dirname "$0")"\n`;
  const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x.sh', 'shellscript', 1, text), edits);
  const editsOf = (a: CodeAction) => (a.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
  const ours = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'shell-script-header').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);

  beforeEach(async () => {
    root = tree({ 'pyproject.toml': GENKIT, 'bin/release': SCRIPT, 'scripts/ok.sh': `#!/usr/bin/env bash\nset -euo pipefail\necho ok\n`, 'src/ws/__init__.py': '' }, 'pyguide-lsp-shell-');
    lsp = await LspHarness.start({ root });
  });
  afterEach(async () => {
    await lsp.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('an open shellscript document gets both findings and their unsafe quick fixes', async () => {
    const uri = await lsp.open(join(root, 'bin/release'), SCRIPT, 'shellscript');
    const ds = await lsp.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(ours(ds), ['0:0-11', '5:0-20']);
    const shebang = (await lsp.codeActions(uri, ds[0].range, [ds[0]])).find((a) => a.title.startsWith('Use `#!/usr/bin/env bash`'));
    assert.ok(shebang, 'the shebang quick fix');
    assert.equal(shebang.isPreferred, false);
    assert.equal(apply(SCRIPT, editsOf(shebang)), SCRIPT.replace('#!/bin/bash', '#!/usr/bin/env bash'));
    const strict = (await lsp.codeActions(uri, ds[1].range, [ds[1]])).find((a) => a.title.startsWith('Insert `set -euo pipefail`'));
    assert.ok(strict, 'the strict mode quick fix');
    assert.equal(apply(SCRIPT, editsOf(strict)), SCRIPT.replace('cd "', 'set -euo pipefail\n\ncd "'));

    // Typing the header in clears the findings.
    await lsp.change(uri, [{ range: ds[0].range, text: '#!/usr/bin/env bash' }]);
    await lsp.waitForDiagnostics(uri, (d) => ours(d).length === 1);
    await lsp.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'set -euo pipefail\n' }]);
    await lsp.waitForDiagnostics(uri, (d) => ours(d).length === 0);
  });

  it('fix-all applies no unsafe fix to a shell script', async () => {
    const uri = await lsp.open(join(root, 'bin/release'), SCRIPT, 'shellscript');
    await lsp.waitForDiagnostics(uri, (d) => d.length === 2);
    assert.equal(await lsp.executeCommand('pyguide.server.fixAll', [uri, 1]), true);
    assert.deepEqual(lsp.appliedEdits, []);
  });

  it('Check Workspace reports the closed extensionless script and leaves the good one clean', async () => {
    const result = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'sweep-shell' })) as { files: number; findings: number; cancelled: boolean };
    assert.equal(result.cancelled, false);
    const uri = fileUri(join(root, 'bin/release'));
    assert.deepEqual(ours(await lsp.waitForDiagnostics(uri, (d) => d.length > 0)), ['0:0-11', '5:0-20']);
    assert.deepEqual(ours(lsp.diagnostics.get(fileUri(join(root, 'scripts/ok.sh')))?.diagnostics ?? []), []);
    assert.equal(result.findings, 2);
  });
});

describe("shell-script-header on Genkit's trees", function () {
  this.timeout(300_000);
  const SCRATCH = process.env.PYGUIDE_SCRATCH ?? '/work/scratch';
  // The counts of docs/rules/shell-script-header.md: scripts checked, and the findings read by hand.
  const TREES: [string, number][] = [
    ['genkit-846fb0ca/py', 7],
    ['genkit-eb16643e8/py', 71],
    ['genkit-77656d5e/py', 9],
  ];
  for (const [name, scripts] of TREES) {
    it(`${name}: ${scripts} scripts, #!/bin/bash in bin/check_versions and bin/create_release; the unsafe fixes leave \`bash -n\` happy and fix-all idempotent`, async function () {
      const root = join(SCRATCH, name);
      if (!existsSync(root)) {
        console.log(`      skipped: ${root} is not here (see /work/scratch/README.md)`);
        this.skip();
      }
      const session = await sessionWith([shellScriptHeader], 'off');
      const files = (await scanFiles(root)).filter((f) => fileKind(f, readFileSync(f, 'utf8')) === 'shell');
      assert.equal(files.length, scripts);
      const found: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const lint = (t: string) => session.lintText(file, t);
        const findings = lint(text);
        found.push(...findings.map((f) => `${relative(root, file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.fix?.safe ? 'safe' : 'unsafe'}`));
        if (findings.length === 0) continue;
        assert.equal(fixAllText(file, text, lint).text, text, 'no safe fix');
        const once = fixAllText(file, text, lint, { unsafe: true });
        assert.equal(await syntaxErrors('x.sh', once.text), 0, `bash -n rejects the fixed ${file}`);
        assert.equal(fixAllText(file, once.text, lint, { unsafe: true }).applied, 0);
      }
      assert.deepEqual(found.sort(), ['bin/check_versions:1:1 unsafe', 'bin/create_release:1:1 unsafe']);
    });
  }
});
