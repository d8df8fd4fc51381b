// What the fixtures cannot show: messages, the absence of fixes, option edge cases and the naming
// helpers' suggestions.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, PythonContext, Rule, SyntaxMatch } from '../src/engine/types';
import { bareTypeIgnore } from '../src/rules/python/bare-type-ignore';
import { className } from '../src/rules/python/class-name';
import { functionName, messageStats, namesSnakeCaseDef } from '../src/rules/python/function-name';
import { globToRegExp, toCapWords, toSnakeCase } from '../src/rules/python/_naming';
import { OpenDocuments } from '../src/engine/documents';
import { LintSession } from '../src/engine/session';
import { DiskFiles } from '../src/workspace/files';
import { sessionWith } from './fixtureHarness';
import { keystrokeProbe } from './keystrokeProbe';

async function lintIn(dir: string, rule: Rule, text: string): Promise<Finding[]> {
  return (await sessionWith([rule])).lintText(join(dir, 'sample.py'), text);
}

describe('bare-type-ignore details', () => {
  it('has no fix and tells the user which code form to write', async () => {
    const [t, p, r, y] = await lintIn(tmpdir(), bareTypeIgnore, 'a = 1  # type: ignore\nb = 2  # pyright: ignore\nc = 3  # PyRefly: Ignore\nd = 4  # ty: ignore\n');
    for (const f of [t, p, r, y]) assert.ok(!('fix' in f), `${f.message} carries a fix`);
    assert.match(t.message, /`# type: ignore\[attr-defined\]`/);
    assert.match(p.message, /`# pyright: ignore\[reportAttributeAccessIssue\]`/);
    assert.match(r.message, /`# pyrefly: ignore\[missing-attribute\]`/);
    assert.equal(y.message, '`# ty: ignore` without an error code silences every ty error on this line, including ones nobody has seen yet; name the code and say why, e.g. `# ty: ignore[unresolved-attribute]`.');
    assert.match(t.message, /say why/);
  });
});

describe('naming rules options', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pyguide-naming-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('ignore a malformed ignore-names instead of failing', async () => {
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyguide.rules.function-name]\nignore-names = "do_*"\n[tool.pyguide.rules.class-name]\nignore-names = ["[z-a]", "ok*"]\n');
    const fns = await lintIn(dir, functionName, 'def do_GET(self):\n    pass\n');
    assert.deepEqual(fns.map((f) => f.range.start), [{ line: 0, character: 4 }]);
    const classes = await lintIn(dir, className, 'class okay_name:\n    pass\nclass bad_name:\n    pass\n');
    assert.deepEqual(classes.map((f) => f.range.start.line), [2]);
  });

  it('reads options from the workspace pyproject.toml for each rule separately', async () => {
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyguide.rules.function-name]\nignore-names = ["camel*"]\n');
    const text = 'def camelCase():\n    pass\nclass camelCase:\n    pass\n';
    assert.equal((await lintIn(dir, functionName, text)).length, 0);
    assert.equal((await lintIn(dir, className, text)).length, 1);
  });

  it('function-name checks a visitor method again when an import elsewhere in the module changes', async () => {
    const session = await LintSession.create(new DiskFiles(), (rule, _file, error) => {
      throw new Error(`${rule.id}: ${String(error)}`);
    }, [functionName], { unconfigured: 'genkit-plugins' });
    const store = new OpenDocuments(session);
    const uri = 'file:///naming/visitor.py';
    store.open(uri, '/naming/visitor.py', 'python', 1, 'from ast import NodeVisitor\n\n\nclass V(NodeVisitor):\n    def visit_Name(self, node):\n        pass\n');
    assert.deepEqual(store.lint(uri)!.findings, []);
    // `from other import NodeVisitor`: no longer the standard library's visitor.
    store.edit(uri, 2, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } }, text: 'other' }]);
    assert.deepEqual(store.lint(uri)!.findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['function-name', 4, 8]]);
    store.edit(uri, 3, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 10 } }, text: 'ast' }]);
    assert.deepEqual(store.lint(uri)!.findings, []);
  });

  it('skip definitions whose name is not typed yet', async () => {
    assert.deepEqual(await lintIn(dir, functionName, 'def (self):\n    pass\nclass :\n    pass\n'), []);
    assert.deepEqual(await lintIn(dir, className, 'class :\n    pass\ndef\n'), []);
  });
});

describe('naming helpers', () => {
  it('suggest snake_case and CapWords spellings', () => {
    assert.equal(toSnakeCase('fetchModelList'), 'fetch_model_list');
    assert.equal(toSnakeCase('HTTPServer'), 'http_server');
    assert.equal(toSnakeCase('getHTTPResponse2'), 'get_http_response2');
    assert.equal(toSnakeCase('__Dunder__'), '__dunder__');
    assert.equal(toSnakeCase('visit_Name'), 'visit_name');
    assert.equal(toCapWords('model_config'), 'ModelConfig');
    assert.equal(toCapWords('_private_helper'), '_PrivateHelper');
    assert.equal(toCapWords('camelCase'), 'CamelCase');
    assert.equal(toCapWords('éclair'), 'Éclair');
  });

  it('match globs as Ruff ignore-names does', () => {
    const cases: [string, string, boolean][] = [
      ['do_*', 'do_GET', true],
      ['do_*', 'undo_GET', false],
      ['legacy?', 'legacy1', true],
      ['legacy?', 'legacy10', false],
      ['[abc]_base', 'b_base', true],
      ['[!abc]_base', 'b_base', false],
      ['[!abc]_base', 'd_base', true],
      ['set.Up', 'setXUp', false],
      ['a+b', 'a+b', true],
    ];
    for (const [glob, name, expected] of cases) assert.equal(globToRegExp(glob).test(name), expected, `${glob} vs ${name}`);
  });
});

describe('function-name on a keystroke', () => {
  it('passes snake_case defs on their text alone, and looks closer at any other', () => {
    const snake = ['def f():', 'def run_2(x):', 'async def _fetch(self):', 'async\tdef  __init__ (self):', 'def g[T](x: T):', 'def h\\\n(): ...', 'def a:'];
    const closer = ['def fooBar():', 'def Run():', 'def café():', 'def f\u00a0():', 'def 1f():', 'def ():', 'async(): pass', 'asyncdef f():', 'def\\\n f():', 'def f', 'define():', 'def visit_Name(self, node):'];
    assert.deepEqual(
      snake.map((t) => namesSnakeCaseDef(t, 0)),
      snake.map(() => true),
    );
    assert.deepEqual(
      closer.map((t) => namesSnakeCaseDef(t, 0)),
      closer.map(() => false),
    );
    assert.equal(namesSnakeCaseDef('x = 1\ndef ok(): pass\n', 6), true);
  });

  it('never asks the tree for a snake_case function', () => {
    const text = 'def one():\n    pass\n\n\nasync def two_2(x):\n    pass\n\n\ndef threeFour():\n    pass\n';
    const reported = text.indexOf('def three');
    const at = (start: number, startRow: number): SyntaxMatch =>
      ({
        type: 'function_definition',
        start,
        end: start + 1,
        startRow,
        startCol: 0,
        get node() {
          // A reported one is asked for its decorators.
          if (start === reported) return { parent: { type: 'module' } } as unknown as SyntaxMatch['node'];
          throw new Error(`the node of the def at ${start} was looked up`);
        },
        get captures(): never {
          throw new Error(`the captures of the def at ${start} were looked up`);
        },
      }) as SyntaxMatch;
    const ctx = { matches: [at(0, 0), at(text.indexOf('async'), 4), at(reported, 8)], text, config: { ruleOptions: {}, severity: {} }, syntax: {} } as unknown as PythonContext;
    assert.deepEqual(
      functionName.check(ctx).map((f) => [f.range, f.message]),
      [[{ start: { line: 8, character: 4 }, end: { line: 8, character: 13 } }, 'Function name `threeFour` is not snake_case: use lower-case words joined by underscores, e.g. `three_four`.']],
    );
  });

  it('is handed only the functions whose def does not read as snake_case, on opening and after a keystroke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-fnkeys-'));
    try {
      const text = 'def one():\n    pass\n\n\nasync  def two_2(x):\n    pass\n\n\ndef threeFour():\n    pass\n\n\ndef \\\n    split():\n    pass\n\n\nclass A:\n    def ünï(self):\n        pass\n\n    def setUp(self):\n        pass\n';
      const path = join(dir, 'mod.py');
      writeFileSync(path, text);
      const session = await sessionWith([functionName]);
      const store = new OpenDocuments(session);
      const uri = `file://${path}`;
      const { runs, live, fresh, restore } = keystrokeProbe(session, store, uri, path, [functionName]);
      try {
        store.open(uri, path, 'python', 1, text);
        const defs = (run: string[] | undefined) => run?.map((m) => m.split('(')[0]);
        assert.deepEqual(live(), fresh());
        assert.deepEqual(defs(runs.get('function-name')!.at(-1)), ['def threeFour', 'def \\\n    split', 'def ünï', 'def setUp']);
        // `one` becomes `oneTwo`: a candidate from then on.
        store.edit(uri, 2, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: 'Two' }]);
        assert.deepEqual(live().map((f) => f.message.split('`')[1]), ['oneTwo', 'threeFour']);
        assert.deepEqual(live(), fresh());
        assert.deepEqual(defs(runs.get('function-name')!.at(-1)), ['def oneTwo', 'def threeFour', 'def \\\n    split', 'def ünï', 'def setUp']);
      } finally {
        restore();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes the message of a name once, however many keystrokes report it', async () => {
    const text = 'def fetchItemsOnce_7():\n    pass\n';
    const first = await lintIn(tmpdir(), functionName, text);
    const reads = messageStats.reads;
    const again = await lintIn(tmpdir(), functionName, `\n${text}`);
    assert.equal(messageStats.reads, reads);
    assert.deepEqual(
      [first, again].map((fs) => fs.map((f) => [f.range.start.line, f.message])),
      [0, 1].map((line) => [[line, 'Function name `fetchItemsOnce_7` is not snake_case: use lower-case words joined by underscores, e.g. `fetch_items_once_7`.']]),
    );
  });
});
