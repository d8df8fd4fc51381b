// Team rules (`[tool.pyguide.custom-rules]`): patterns with each metavariable form, queries,
// constraints, fixes, globs and suppressions through the CLI; the malformed and hostile rules a
// repository may hold, each one `invalid-config` finding at its key (inside the string for a
// syntax error) or a bounded run, while every other rule goes on running.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'web-tree-sitter';
import { LintSession } from '../src/engine/session';
import type { Finding } from '../src/engine/types';
import { Budget, BudgetExceeded, matchNode } from '../src/custom/match';
import { parsePattern } from '../src/custom/pattern';
import { PythonParser } from '../src/parsing/python';
import { DiskFiles } from '../src/workspace/files';
import type { JsonFinding } from '../src/cli/output/json';
import { run } from './cliHarness';
import { FIXTURES } from './fixtureHarness';
import { LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

const WORKSPACE = join(FIXTURES, 'workspaces', 'team-rules');

const HEADER = '[tool.pyguide]\npreset = "generic"\n';

/** Lints `files` (with `pyproject` as the root's) in-process, the way the CLI does; every finding. */
async function lintTree(pyproject: string, files: Record<string, string>): Promise<Finding[]> {
  const root = makeTree({ 'pyproject.toml': pyproject, ...files });
  try {
    const session = await LintSession.create(new DiskFiles());
    return ['pyproject.toml', ...Object.keys(files)].flatMap((f) => session.lintFile(join(root, f)).map((x) => ({ ...x, file: f })));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.rule} ${f.message}`);

/** One rule's findings on one Python text. */
async function ruleOn(rule: string, source: string): Promise<string[]> {
  return brief((await lintTree(`${HEADER}\n[tool.pyguide.custom-rules.r]\n${rule}\n`, { 'a.py': source })).filter((f) => f.rule === 'r'));
}

describe('team rules', function () {
  this.timeout(60_000);

  describe('the team-rules workspace through the CLI', () => {
    it('reports each rule where its pattern, query, constraints and globs say, honouring suppressions', () => {
      const r = run(WORKSPACE, 'check', '.', '--format', 'json', '--no-cache');
      assert.equal(r.code, 1, r.stderr);
      const found = (JSON.parse(r.stdout) as JsonFinding[]).map((f) => [f.file, `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`, f.rule, f.message, f.fix ? `${f.fix.safe ? 'safe' : 'unsafe'}: ${f.fix.title}` : '-']);
      assert.deepEqual(found, [
        // $$$ARGS: every argument, quoted in the message and carried by the fix; unsafe by default.
        ['samples/hello/main.py', '5:5-5:22', 'no-print-args', 'Log "hello", 1 with the logger', 'unsafe: Replace with `logger.info("hello", 1)`'],
        // $MAIN, a glob taking samples/ only, and a fix marked safe.
        ['samples/hello/main.py', '9:5-9:24', 'sample-entry-point', 'Samples start with ai.run_main(main()), not asyncio.run', 'safe: Replace with `ai.run_main(main())`'],
        // where.NAME: regex and not-regex (GENKIT_MODEL is left alone).
        ['src/app/config.py', '4:7-4:28', 'genkit-env-prefix', "Environment variables read by Genkit code start with GENKIT_, not 'API_KEY'", '-'],
        // The same metavariable twice: `x == x`, never `x == 2`.
        ['src/app/config.py', '7:8-7:14', 'same-operands', 'Comparing x with itself', '-'],
        // $$$ on both sides of a keyword argument, with a not-regex on its value.
        ['src/app/config.py', '9:10-9:66', 'default-region', "Default region is us-central1, not 'europe-west1'", '-'],
        // A query with #match? (run by RE2) reporting its @finding capture.
        ['src/app/config.py', '11:1-11:16', 'todo-owner', 'A TODO names its owner: # TODO(name): ...', '-'],
      ]);
    });

    it('--fix applies the safe fix only, and the unsafe one with --unsafe-fixes', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pyguide-team-'));
      try {
        cpSync(WORKSPACE, dir, { recursive: true });
        run(dir, 'check', '.', '--fix', '--no-cache');
        const main = () => readFileSync(join(dir, 'samples/hello/main.py'), 'utf8');
        assert.match(main(), /^ {4}ai\.run_main\(main\(\)\)$/m);
        assert.match(main(), /^ {4}print\("hello", 1\)$/m);
        run(dir, 'check', '.', '--fix', '--unsafe-fixes', '--no-cache');
        assert.match(main(), /^ {4}logger\.info\("hello", 1\)$/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('pyguide rules and SARIF name the team rules', () => {
      const sarif = JSON.parse(run(WORKSPACE, 'check', '.', '--format', 'sarif', '--no-cache').stdout) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
      const ids = ['default-region', 'genkit-env-prefix', 'no-print-args', 'same-operands', 'sample-entry-point', 'todo-owner'];
      assert.deepEqual([...new Set(sarif.runs[0].results.map((x) => x.ruleId))].sort(), ids);
      const described = sarif.runs[0].tool.driver.rules.filter((d) => ids.includes(d.id));
      assert.deepEqual(described.map((d) => d.id).sort(), ids);
      assert.equal(described.find((d) => d.id === 'genkit-env-prefix')!.helpUri, 'https://example.com/env');
    });
  });

  describe('pyguide query and pyguide rules', () => {
    it('pyguide query prints every match of a pattern with its metavariables, and exits 1 when nothing matches', () => {
      const r = run(WORKSPACE, 'query', 'asyncio.run($MAIN)');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'samples/hello/main.py:9:5: asyncio.run(main())\n    $MAIN = main()\nsrc/app/config.py:17:5: asyncio.run(run())\n    $MAIN = run()\n2 matches.\n');
      assert.equal(run(WORKSPACE, 'query', 'trio.run($MAIN)', 'src').code, 1);
      const json = JSON.parse(run(WORKSPACE, 'query', '--query', '(call function: (identifier) @finding (#match? @finding "^pri"))', 'src', '--format', 'json').stdout) as { file: string; line: number }[];
      assert.deepEqual(json.map((m) => `${m.file}:${m.line}`), ['src/app/config.py:13']);
    });

    it('pyguide query says where a pattern stops being Python, exit 2', () => {
      const r = run(WORKSPACE, 'query', 'print($name)');
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'pyguide: a "$" starts a metavariable, whose name is upper case ($NAME, $$$ARGS, $_)\n  print($name)\n        ^ (character 7)\n');
    });

    it('pyguide explain shows a team rule’s table', () => {
      const r = run(WORKSPACE, 'explain', 'default-region');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        '# default-region\n\nA team rule: [tool.pyguide.custom-rules.default-region] (configuration: pyproject.toml, preset generic).\n\nMessage: Default region is us-central1, not $LOC\nSeverity: warning\nPattern: $F($$$BEFORE, location=$LOC, $$$AFTER)\nWhere: {"LOC":{"not-regex":"us-central1"}}\n',
      );
    });

    it('pyguide rules lists the team rules of the workspace it runs in', () => {
      const rows = (JSON.parse(run(WORKSPACE, 'rules', '--format', 'json').stdout) as { id: string; presets: string[]; severity: string; fix: string }[]).slice(-6);
      assert.deepEqual(rows.map((r) => [r.id, r.severity, r.fix, r.presets.join()]), [
        ['sample-entry-point', 'warning', 'safe', 'team rule of this project'],
        ['genkit-env-prefix', 'error', 'none', 'team rule of this project'],
        ['no-print-args', 'warning', 'unsafe', 'team rule of this project'],
        ['same-operands', 'info', 'none', 'team rule of this project'],
        ['default-region', 'warning', 'none', 'team rule of this project'],
        ['todo-owner', 'warning', 'none', 'team rule of this project'],
      ]);
    });
  });

  describe('pattern semantics', () => {
    it('$$$ stands for statements too, and comments inside a match are ignored', async () => {
      const rule = 'pattern = "try:\\n    $$$BODY\\nexcept Exception:\\n    pass"\nmessage = "swallowed: $$$BODY"';
      const source = 'try:\n    a()\n    # why\n    b()\nexcept Exception:\n    pass\ntry:\n    c()\nexcept Exception:\n    log()\n';
      assert.deepEqual(await ruleOn(rule, source), ['a.py:1:1-6:9 r swallowed: a() # why b()']);
    });

    it('$_ matches one node without capturing; tokens the pattern leaves out (a trailing comma) are skipped', async () => {
      assert.deepEqual(await ruleOn('pattern = "open($_, $_)"\nmessage = "two"', 'open(a, b)\nopen(a)\nopen(a, b,)\nopen(a, b, c)\n'), ['a.py:1:1-1:11 r two', 'a.py:3:1-3:12 r two']);
    });

    it("a string matches in either quote, and different operators never match", async () => {
      assert.deepEqual(await ruleOn('pattern = "region == \'us\'"\nmessage = "m"', 'region == "us"\nregion != "us"\nregion == "eu"\n'), ['a.py:1:1-1:15 r m']);
    });

    it("a pattern's literals holding regex and query-string characters narrow its candidates to exactly the nodes that hold them, escape sequences and all", async () => {
      // The candidates are found by the query's #match? on the literals, escaped: `.`, brackets,
      // quantifiers, a double quote and a backslash stand for themselves; a string with an escape
      // sequence matches only the same text, not any string with the same escape sequences.
      const rule = "pattern = '''call_it(\"a.b(c)[d]*+?^|{1}\", 'q\"\\\\q')'''\nmessage = \"m\"";
      const line = 'call_it("a.b(c)[d]*+?^|{1}", \'q"\\\\q\')';
      const source = [line, line.replace('a.b', 'aXb'), line.replace('\\\\q', '\\\\x'), line.replace('{1}', '{11}')].join('\n') + '\n';
      assert.deepEqual(await ruleOn(rule, source), [`a.py:1:1-1:${line.length + 1} r m`]);
    });

    it('a match nested in another is reported too, each at its own node', async () => {
      assert.deepEqual(await ruleOn('pattern = "f($X)"\nmessage = "f of $X"', 'f(f(1))\n'), ['a.py:1:1-1:8 r f of f(1)', 'a.py:1:3-1:7 r f of 1']);
    });

    it('a $$$ capture that took nothing takes one comma beside it out of the fix, so the fix parses', async () => {
      const rule = 'pattern = "connect($$$BEFORE, location=$LOC, $$$AFTER)"\nmessage = "m"\nfix = "connect($$$BEFORE, region=$LOC, $$$AFTER)"';
      const source = 'connect(location="eu")\nconnect(h, location="eu")\nconnect(location="eu", retries=3)\nconnect(h, p, location="eu", retries=3)\n';
      const found = await lintTree(`${HEADER}\n[tool.pyguide.custom-rules.r]\n${rule}\n`, { 'a.py': source });
      assert.deepEqual(
        found.filter((f) => f.rule === 'r').map((f) => f.fix?.changes[0].type === 'edit' && f.fix.changes[0].edits[0].newText),
        ['connect(region="eu")', 'connect(h, region="eu")', 'connect(region="eu", retries=3)', 'connect(h, p, region="eu", retries=3)'],
      );
    });

    it('pyguide: ignore and ignore-file name team rules like any other', async () => {
      const rule = 'pattern = "print($$$)"\nmessage = "m"';
      assert.deepEqual(await ruleOn(rule, 'print(1)  # pyguide: ignore[r]\n# pyguide: ignore[r]\nprint(2)\nprint(3)\n'), ['a.py:4:1-4:9 r m']);
      assert.deepEqual(await ruleOn(rule, '# pyguide: ignore-file[r]\nprint(3)\n'), []);
    });

    it('severity, select and ignore apply to team rules by id', async () => {
      const toml = `${HEADER}ignore = ["quiet"]\n[tool.pyguide.severity]\nloud = "error"\n[tool.pyguide.custom-rules.loud]\npattern = "print($$$)"\nmessage = "m"\nseverity = "hint"\n[tool.pyguide.custom-rules.quiet]\npattern = "print($$$)"\nmessage = "m"\n`;
      const found = await lintTree(toml, { 'a.py': 'print()\n' });
      assert.deepEqual(found.map((f) => `${f.rule} ${f.severity}`), ['loud error']);
    });
  });

  describe('docs/custom-rules.md', () => {
    it('every example table is a valid team rule', async () => {
      const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'custom-rules.md'), 'utf8');
      const tables = [...page.matchAll(/```toml\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
      const found = await lintTree(`${HEADER}${tables}`, { 'a.py': 'x = 1\n' });
      assert.deepEqual(brief(found.filter((f) => f.rule === 'invalid-config')), []);
      assert.ok((tables.match(/^\[tool\.pyguide\.custom-rules\./gm) ?? []).length >= 5);
    });
  });

  describe("the Genkit presets' team rules", () => {
    it('report the guidelines’ sample entry point, signal handler and Sentry PII rules, and nothing in code that follows them', async () => {
      const toml = '[tool.pyguide]\npreset = "genkit"\nselect = ["sample-entry-point", "signal-default-int-handler", "sentry-send-default-pii"]\n';
      const bad = 'import asyncio\nimport signal\n\nimport sentry_sdk\n\n\ndef stop(signum, frame):\n    signal.default_int_handler(signum, frame)\n\n\nsentry_sdk.init(dsn=DSN, send_default_pii=True)\nsentry_sdk.init(dsn=DSN, send_default_pii=False)\n\nif __name__ == "__main__":\n    asyncio.run(main())\n';
      const good = 'import os\nimport signal\n\n\ndef stop(signum, frame):\n    signal.signal(signum, signal.SIG_DFL)\n    os.kill(os.getpid(), signum)\n\n\nif __name__ == "__main__":\n    ai.run_main(main())\n';
      const found = await lintTree(toml, { 'samples/bad/src/main.py': bad, 'samples/good/src/main.py': good, 'tools/run.py': 'import asyncio\nasyncio.run(main())\n' });
      assert.deepEqual(brief(found), [
        'samples/bad/src/main.py:8:5-8:46 signal-default-int-handler signal.default_int_handler only suits SIGINT: restore the default with signal.signal(signum, signal.SIG_DFL), then os.kill(os.getpid(), signum)',
        'samples/bad/src/main.py:11:1-11:48 sentry-send-default-pii Initialise Sentry with send_default_pii=False: personal data stays out of error reports',
        'samples/bad/src/main.py:15:5-15:24 sample-entry-point Samples start with ai.run_main(main()), not asyncio.run: it starts the Dev UI and registers the flows with the reflection API',
      ]);
      // The entry-point fix assumes the sample's Genkit instance is `ai`: offered, never applied by fix-all.
      assert.deepEqual(found.at(-1)!.fix && { title: found.at(-1)!.fix!.title, safe: found.at(-1)!.fix!.safe }, { title: 'Replace with `ai.run_main(main())`', safe: false });
    });
  });

  describe('malformed and hostile rules', () => {
    /** Each case: one rule table, where its one invalid-config finding stands (1-based line:col of the table's text) and what it says. */
    const CASES: [string, string, string, RegExp][] = [
      ['unclosed call', 'pattern = "asyncio.run("', '2:12', /the pattern is not valid Python/],
      ['error after escapes, mapped through them', 'pattern = "f(\\"\\u00e9\\", )) + 1"', '2:27', /"\)" is not valid Python here/],
      ['error inside a multi-line literal string', "pattern = '''\nif x:\n    foo(\n'''", '4:5', /not valid Python/],
      ['two statements', 'pattern = "a = 1\\nb = 2"', '2:19', /one expression or one statement, not 2/],
      ['a bare metavariable (every node)', 'pattern = "$X"', '2:12', /matches every node/],
      ['a bare $$$', 'pattern = "$$$"', '2:12', /matches every node/],
      ['a lower-case metavariable', 'pattern = "print($name)"', '2:18', /name is upper case/],
      ['the expando character', 'pattern = "print(µ)"', '2:18', /holds "µ"/],
      ['pattern and query', 'pattern = "print($X)"\nquery = "(call) @finding"', '1:28', /exactly one of "pattern" and "query"/],
      ['neither pattern nor query', '', '1:28', /exactly one of "pattern" and "query"/],
      ['a query that does not close', 'query = "(call function: (identifier) @f"', '2:41', /query does not compile: Bad syntax/],
      ['a query naming no node type', 'query = "(call function: (cal) @finding)"', '2:27', /Bad node name 'cal'/],
      ['a query without @finding', 'query = "(call) @call"', '2:9', /no @finding capture/],
      ['a query of two patterns', 'query = "(call) @finding (identifier) @finding"', '2:9', /holds one pattern/],
      ['a query pairing every two siblings (quadratic)', "query = '(module (_) @a (_) @finding)'", '2:25', /side by side without an anchor/],
      ['a query with two quantified siblings (anchored or not)', "query = '(module (_)* @a . (_)* @finding)'", '2:31', /two are quantified/],
      ['a pattern over 10,000 characters', `pattern = "f(${'x, '.repeat(3400)})"`, '2:10012', /at most 10000/],
      ['a query regex with look-ahead', 'query = \'((identifier) @finding (#match? @finding "a(?=b)"))\'', '2:9', /not a regular expression RE2 accepts/],
      ['a where regex with a back-reference', "pattern = \"print($X)\"\nwhere.X = { regex = '(a)\\1' }", '3:21', /RE2 has no look-around or backreferences/],
      ['a regex over 1000 characters', `pattern = "print($X)"\nwhere.X = { regex = "${'a'.repeat(1001)}" }`, '3:21', /longer than 1000 characters/],
      ['where names no metavariable', "pattern = \"print($X)\"\nwhere.Y = { regex = 'a' }", '3:7', /the pattern has no metavariable "Y"/],
      ['a fix using an unknown metavariable', 'pattern = "print($X)"\nfix = "log($Y)"', '3:7', /the fix uses "\$Y"/],
      ['an unknown severity', 'pattern = "print($X)"\nseverity = "fatal"', '3:12', /must be one of "error", "warning", "info", "hint"/],
      ['a glob leading out of the workspace', 'pattern = "print($X)"\nfiles = ["../x/*.py"]', '3:10', /leads out of the workspace/],
      ['no message', 'pattern = "print($X)"', '1:28', /needs "message"/],
    ];

    for (const [what, body, at, message] of CASES) {
      it(`${what}: one invalid-config finding there; the rule stays off and the others run`, async () => {
        const needsMessage = !/needs "message"/.test(message.source);
        const table = `[tool.pyguide.custom-rules.r]\n${body}${needsMessage ? '\nmessage = "m"' : ''}\n`;
        const toml = `${table}\n[tool.pyguide.custom-rules.control]\npattern = "print($$$)"\nmessage = "control"\n\n${HEADER}`;
        const found = await lintTree(toml, { 'a.py': 'print("a")\nb = x.y(1)\n' });
        const invalid = found.filter((f) => f.rule === 'invalid-config');
        assert.equal(invalid.length, 1, brief(found).join('\n'));
        assert.equal(`${invalid[0].range.start.line + 1}:${invalid[0].range.start.character + 1}`, at, invalid[0].message);
        assert.match(invalid[0].message, message);
        assert.deepEqual(found.filter((f) => f.rule !== 'invalid-config').map((f) => f.rule), ['control']);
      });
    }

    it('over a real LSP connection, all of them at once: one invalid-config diagnostic each, and the server goes on serving', async () => {
      const tables = CASES.map(([, body, , message], i) => `[tool.pyguide.custom-rules.r${i}]\n${body}${/needs "message"/.test(message.source) ? '' : '\nmessage = "m"'}\n`).join('\n');
      const toml = `${HEADER}${tables}\n[tool.pyguide.custom-rules.control]\npattern = "print($$$)"\nmessage = "control"\n`;
      const root = makeTree({ 'pyproject.toml': toml });
      const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      try {
        const tomlUri = await lsp.open(join(root, 'pyproject.toml'), toml);
        const ds = await lsp.waitForDiagnostics(tomlUri, (d) => d.length > 0);
        assert.equal(ds.filter((d) => d.code === 'invalid-config').length, CASES.length);
        const py = await lsp.open(join(root, 'a.py'), `print(1)\n${'f(x)\n'.repeat(5000)}`);
        assert.deepEqual((await lsp.waitForDiagnostics(py, (d) => d.length > 0)).map((d) => d.code), ['control']);
        await lsp.change(py, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'print(0)\n' }]);
        assert.deepEqual((await lsp.waitForDiagnostics(py, (d) => d.length === 2)).map((d) => [d.code, d.range.start.line]), [['control', 0], ['control', 1]]);
      } finally {
        await lsp.shutdown();
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('past 200 team rules, one invalid-config finding at the first left out; the 200 run', async () => {
      const tables = Array.from({ length: 205 }, (_, i) => `[tool.pyguide.custom-rules.r${i}]\npattern = "print($$$)"\nmessage = "m"\n`).join('');
      const found = await lintTree(`${HEADER}${tables}`, { 'a.py': 'print()\n' });
      assert.deepEqual(brief(found.filter((f) => f.rule === 'invalid-config')), [
        'pyproject.toml:603:28-603:32 invalid-config custom rule "r200" is one more than the 200 team rules a project may have; it and the ones after it do not run.',
      ]);
      assert.equal(found.filter((f) => f.file === 'a.py').length, 200);
    });

    it('an id that is a built-in rule’s, or not kebab-case, is refused at its key', async () => {
      const toml = `${HEADER}[tool.pyguide.custom-rules.in-function-import]\npattern = "print($$$)"\nmessage = "m"\n[tool.pyguide.custom-rules.Bad_Id]\npattern = "print($$$)"\nmessage = "m"\n`;
      const found = await lintTree(toml, { 'a.py': 'print()\n' });
      assert.deepEqual(brief(found), [
        'pyproject.toml:3:28-3:46 invalid-config [tool.pyguide.custom-rules]: "in-function-import" is a built-in rule\'s id; give the team rule its own.',
        'pyproject.toml:6:28-6:34 invalid-config [tool.pyguide.custom-rules]: "Bad_Id" is not a rule id: team rule ids are kebab-case, like "sample-entry-point".',
      ]);
    });

    it('catastrophic regexes run in linear time on RE2 (a where constraint and a query #match?)', async () => {
      const long = `${'a'.repeat(30_000)}!`;
      const where = await ruleOn("pattern = \"print($X)\"\nwhere.X = { regex = '^(a+)+$' }\nmessage = \"m\"", `print(${long})\nprint(aaa)\n`);
      assert.deepEqual(where, ['a.py:2:1-2:11 r m']);
      const query = await ruleOn('query = \'((identifier) @finding (#match? @finding "^(a+)+$"))\'\nmessage = "m"', `${long.slice(0, -1)}b = 1\naaa = 2\n`);
      assert.deepEqual(query, ['a.py:2:1-2:4 r m']);
    });

    it('a pattern matching every call of a 50,000-line file runs through it, one finding per call', async () => {
      const source = 'f(x)\n'.repeat(50_000);
      const found = await lintTree(`${HEADER}[tool.pyguide.custom-rules.r]\npattern = "$F($$$)"\nmessage = "m"\n`, { 'a.py': source });
      assert.equal(found.filter((f) => f.rule === 'r').length, 50_000);
    });

    it('a match that would take more steps than its budget stops with BudgetExceeded', async () => {
      const parser = await PythonParser.create();
      const pattern = parsePattern(parser.language, '[$$$, [[[[1]]]], $$$]');
      const tree = parser.parse(`[${'[[[[2]]]], '.repeat(2000)}]`);
      try {
        const list = tree.rootNode.namedChild(0)!.namedChild(0) as Node;
        assert.throws(() => matchNode(pattern.root, list, new Map(), new Budget(5_000)), BudgetExceeded);
        assert.equal(matchNode(pattern.root, list, new Map(), new Budget(1_000_000)), false);
      } finally {
        tree.delete();
      }
    });
  });

  describe('over a real LSP connection', () => {
    let lsp: LspHarness | undefined;
    let root: string;
    afterEach(async () => {
      await lsp?.shutdown();
      lsp = undefined;
      rmSync(root, { recursive: true, force: true });
    });

    const RULE = '[tool.pyguide.custom-rules.entry]\npattern = "asyncio.run($MAIN)"\nmessage = "Start with ai.run_main($MAIN)"\nfix = "ai.run_main($MAIN)"\nfix-safe = true\ndocs = "docs/entry.md"\n';
    const SOURCE = 'import asyncio\n\nasyncio.run(main())\nprint(1)  # pyguide: ignore[entry] - the demo prints its result\n';

    it('diagnostics, quick fix and fix-all; editing the rule in pyproject.toml re-lints the open file; a broken rule is invalid-config', async () => {
      const toml = `${HEADER}${RULE}`;
      root = makeTree({ 'pyproject.toml': toml });
      lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      const tomlUri = await lsp.open(join(root, 'pyproject.toml'), toml);
      const py = await lsp.open(join(root, 'a.py'), SOURCE);
      const ds = await lsp.waitForDiagnostics(py, (d) => d.length === 1);
      assert.deepEqual(
        ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
        [['entry', 2, 2, 0, 2, 19, 'Start with ai.run_main(main())']],
      );
      // The rule's docs, a path in the repository, is the diagnostic's link.
      assert.equal(ds[0].codeDescription?.href, pathToFileURL(join(root, 'docs', 'entry.md')).toString());
      const actions = await lsp.codeActions(py, ds[0].range, ds);
      const fix = actions.find((a) => a.title === 'Replace with `ai.run_main(main())`');
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.deepEqual((fix.edit.documentChanges![0] as { edits: unknown[] }).edits, [{ range: ds[0].range, newText: 'ai.run_main(main())' }]);
      assert.equal(fix.isPreferred, true);
      // Fix-all applies the safe fix.
      assert.equal(await lsp.executeCommand('pyguide.server.fixAll', [py, lsp.versionOf(py)]), true);
      const applied = lsp.appliedEdits.at(-1)!.edit.documentChanges![0] as { edits: TextEdit[] };
      assert.equal(TextDocument.applyEdits(TextDocument.create(py, 'python', 1, SOURCE), applied.edits), SOURCE.replace('asyncio.run(main())', 'ai.run_main(main())'));

      // The rule is edited in the editor (not saved): the open file is checked with the new pattern.
      await lsp.change(tomlUri, [{ text: `${HEADER}[tool.pyguide.custom-rules.entry]\npattern = "import $M"\nmessage = "No $M"\n` }]);
      const edited = await lsp.waitForDiagnostics(py, (d) => d.length === 1 && d[0].range.start.line === 0);
      assert.deepEqual([edited[0].code, edited[0].message], ['entry', 'No asyncio']);

      // A rule that no longer parses: one invalid-config diagnostic inside its string, the rule stops, the server goes on.
      const broken = `${HEADER}${RULE.replace('asyncio.run($MAIN)', 'asyncio.run($MAIN')}`;
      await lsp.change(tomlUri, [{ text: broken }]);
      const tomlDs = await lsp.waitForDiagnostics(tomlUri, (d) => d.length === 1);
      assert.deepEqual([tomlDs[0].code, tomlDs[0].range.start.line, tomlDs[0].range.start.character], ['invalid-config', 3, 11]);
      assert.match(String(tomlDs[0].message), /custom rule "entry": the pattern is not valid Python/);
      await lsp.waitForDiagnostics(py, (d) => d.length === 0);
      await lsp.change(py, [{ text: `${SOURCE}def f():\n    import os\n    return os\n` }]);
      assert.deepEqual((await lsp.waitForDiagnostics(py, (d) => d.length === 1)).map((d) => d.code), ['in-function-import']);
    });

    it('the team-rules workspace: every file gets over LSP exactly what the CLI reports (each metavariable form, query, constraints, globs, suppressions)', async () => {
      root = mkdtempSync(join(tmpdir(), 'pyguide-team-lsp-'));
      cpSync(WORKSPACE, root, { recursive: true });
      const cli = JSON.parse(run(root, 'check', '.', '--format', 'json', '--no-cache').stdout) as JsonFinding[];
      lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      for (const rel of ['samples/hello/main.py', 'src/app/config.py']) {
        const text = readFileSync(join(root, rel), 'utf8');
        const uri = await lsp.open(join(root, rel), text);
        const expected = cli.filter((f) => f.file === rel).map((f) => [f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1, f.rule, f.message, f.fix?.title ?? '-']);
        assert.ok(expected.length > 0, rel);
        const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === expected.length);
        const got = [];
        for (const d of ds) {
          const actions = await lsp.codeActions(uri, d.range, [d]);
          const fix = actions.find((a) => a.title.startsWith('Replace with'));
          got.push([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, d.message, fix ? fix.title.replace(/ \(unsafe\)$/, '') : '-']);
        }
        assert.deepEqual(got, expected, rel);
      }
    });

    it('Check Workspace publishes the team rules’ findings of files nobody opened, as the CLI reports them', async () => {
      root = mkdtempSync(join(tmpdir(), 'pyguide-team-sweep-'));
      cpSync(WORKSPACE, root, { recursive: true });
      const cli = (JSON.parse(run(root, 'check', '.', '--format', 'json', '--no-cache').stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`).sort();
      lsp = await LspHarness.start({ root });
      const result = (await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'team' })) as { cancelled: boolean };
      assert.equal(result.cancelled, false);
      const swept = [...lsp.diagnostics].flatMap(([uri, p]) => p.diagnostics.map((d) => `${fileURLToPath(uri).slice(root.length + 1).split(sep).join('/')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`)).sort();
      assert.deepEqual(swept, cli);
    });

    it('Test Rule Pattern: the matches of a pattern in an open file, with bindings, or where the pattern breaks', async () => {
      root = makeTree({ 'pyproject.toml': HEADER });
      lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      const py = await lsp.open(join(root, 'a.py'), SOURCE);
      await lsp.waitForDiagnostics(py);
      const result = await lsp.executeCommand('pyguide.server.testPattern', [{ uri: py, pattern: 'asyncio.run($MAIN)' }]);
      assert.deepEqual(result, { ok: true, matches: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } }, text: 'asyncio.run(main())', bindings: { MAIN: 'main()' } }] });
      assert.deepEqual(await lsp.executeCommand('pyguide.server.testPattern', [{ uri: py, pattern: 'print($x)' }]), {
        ok: false,
        message: 'a "$" starts a metavariable, whose name is upper case ($NAME, $$$ARGS, $_)',
        offset: 6,
      });
      const query = (await lsp.executeCommand('pyguide.server.testPattern', [{ uri: py, pattern: '(import_statement) @finding', query: true }])) as { matches: { text: string }[] };
      assert.deepEqual(query.matches.map((m) => m.text), ['import asyncio']);
    });
  });
});
