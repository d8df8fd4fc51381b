// A Python text too large to parse whole is parsed in pieces of whole top-level statements (and a
// statement too large for one piece at its commas): where the pieces are cut, that each piece
// parses as the whole text does, and that the findings of the rules that run on pieces are those
// of a whole parse. Small limits are injected so that small texts make many pieces.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import { Linter } from '../src/engine/linter';
import { runsInPieces } from '../src/engine/piecewise';
import { RULES } from '../src/engine/registry';
import type { LintSession } from '../src/engine/session';
import { TextIndex } from '../src/engine/textIndex';
import type { Finding, PythonRule } from '../src/engine/types';
import { pieces, type PieceLimits } from '../src/parsing/pieces';
import { PythonParser } from '../src/parsing/python';
import { genModule } from '../../scripts/genkit-shapes.mjs';
import { sessionWith } from './fixtureHarness';
import { makeTree } from './tempTree';

const starts = (text: string, size = 1) => pieces(text, { from: 0, size }).map((p) => p.own.start);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

/** Each top-level node as `type start-end`, for comparing trees. */
function topLevel(trees: Tree[]): string[] {
  return trees.flatMap((t) => t.rootNode.children.filter((c): c is Node => !!c).map((c) => `${c.type} ${c.startIndex}-${c.endIndex} ${c.startPosition.row}:${c.startPosition.column}`));
}

function parseInPieces(parser: PythonParser, text: string, limits: PieceLimits): Tree[] {
  const index = new TextIndex(text);
  return pieces(text, limits).map((p) =>
    parser.parseRanges(text, p.ranges, (o) => {
      const pos = index.positionAt(o);
      return { row: pos.line, column: pos.character };
    }),
  );
}

describe('pieces of a large Python text', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await PythonParser.create();
  });

  it('cuts only before a top-level statement at column 0: never in a string, a bracket, a continued line, a block, or between a decorator, else/elif/except/finally and what they belong to', () => {
    const text = [
      '"""Docstring.', // 0
      'def not_code():', // 1: inside the docstring
      '"""',
      'import os', // 3
      'x = [', // 4
      '1,',
      ']',
      'y = 1 + \\', // 7
      '2',
      '@decorator', // 9
      '@other',
      'def f():',
      '    a = 1',
      '# a comment at column 0 inside the body',
      '    return a',
      'if x:', // 15
      '    pass',
      'else:',
      '    pass',
      'try:', // 19
      '    pass',
      'except ValueError:',
      '    pass',
      'finally:',
      '    pass',
      "s = '''", // 25
      "class Fake: '''",
      'class C:', // 27
      '    pass',
      '',
    ].join('\n');
    const lines = starts(text).map((o) => lineOf(text, o));
    assert.deepEqual(lines, [0, 3, 4, 7, 9, 15, 19, 25, 27]);
  });

  it('a bracket left open before a definition at column 0 is a syntax error: the definition still starts a piece', () => {
    const text = ['x = (1,', 'def f():', '    return [', '1]', 'class C:', '    pass', ''].join('\n');
    assert.deepEqual(starts(text).map((o) => lineOf(text, o)), [0, 1, 4]);
  });

  it('each piece of a module parses as the whole text does: the same top-level statements at the same offsets and rows, no errors', () => {
    const text = genModule(7, 600);
    const whole = parser.parse(text);
    const parts = parseInPieces(parser, text, { from: 0, size: 400 });
    try {
      assert.ok(parts.length > 10, `${parts.length} pieces`);
      assert.ok(parts.every((t) => !t.rootNode.hasError));
      assert.deepEqual(topLevel(parts), topLevel([whole]));
    } finally {
      whole.delete();
      for (const t of parts) t.delete();
    }
  });

  it('splits a one-line list at its commas: each piece reads the head, a run of items ending after a comma, and the tail', () => {
    // Non-ASCII items (one and two UTF-16 units a character) before and inside the runs: columns count UTF-16 units.
    const text = `DATA = [${Array.from({ length: 60 }, (_, i) => (i % 3 ? `'x${i}'` : `'é🙂${i}'`)).join(', ')}]  # noqa\n`;
    const all = pieces(text, { from: 0, size: 100 });
    assert.ok(all.length > 3 && all.every((p) => p.partial && p.group === 0));
    const head = 'DATA = ['.length;
    assert.deepEqual(all[0].ranges[0], { start: 0, end: head });
    assert.equal(text.slice(all[0].ranges[2].start), ']  # noqa\n');
    // The runs cover the items exactly, one after the other; the first piece owns the head, the last the tail.
    assert.equal(all[0].ranges[1].start, head);
    for (let i = 1; i < all.length; i++) assert.equal(all[i].ranges[1].start, all[i - 1].ranges[1].end);
    assert.equal(all[all.length - 1].ranges[1].end, text.indexOf(']'));
    assert.ok(all.slice(0, -1).every((p) => text[p.ranges[1].end - 1] === ','));
    assert.deepEqual(all.map((p) => p.own), [{ start: 0, end: all[0].ranges[1].end }, ...all.slice(1, -1).map((p) => p.ranges[1]), { start: all[all.length - 1].ranges[1].start, end: text.length }]);
    // Every string of the list is in exactly one piece's tree, where the whole parse has it.
    const parts = parseInPieces(parser, text, { from: 0, size: 100 });
    const whole = parser.parse(text);
    try {
      assert.ok(parts.every((t) => !t.rootNode.hasError));
      const strings = (t: Tree) => t.rootNode.descendantsOfType('string').map((n) => `${n?.startIndex} ${n?.startPosition.column} ${n?.endPosition.column} ${n?.text}`);
      assert.deepEqual(parts.flatMap(strings), strings(whole));
    } finally {
      whole.delete();
      for (const t of parts) t.delete();
    }
  });

  it('splits the bracket with the most commas, at any depth', () => {
    const text = `CALL = f(a, [${Array.from({ length: 60 }, (_, i) => String(i)).join(', ')}], b=2)\n`;
    const all = pieces(text, { from: 0, size: 50 });
    assert.ok(all.length > 3 && all.every((p) => p.partial));
    assert.equal(text.slice(0, all[0].ranges[0].end), 'CALL = f(a, [');
    assert.equal(text.slice(all[0].ranges[2].start), '], b=2)\n');
    const parts = parseInPieces(parser, text, { from: 0, size: 50 });
    try {
      assert.ok(parts.every((t) => !t.rootNode.hasError));
      assert.equal(parts.reduce((n, t) => n + t.rootNode.descendantsOfType('integer').length, 0), 60 + all.length);
    } finally {
      for (const t of parts) t.delete();
    }
  });

  it('does not split a statement whose items cannot stand alone after a comma: the lambda parses whole', () => {
    const text = `f = [lambda ${Array.from({ length: 40 }, (_, i) => `a${i}`).join(', ')}: 0]\n`;
    // The cut text would not parse; the linter then parses the statement whole (see below).
    const all = pieces(text, { from: 0, size: 60 });
    assert.ok(all.length > 1 && all.every((p) => p.partial));
  });
});

describe('rules over a text parsed in pieces', function () {
  this.timeout(60_000);
  const SMALL: PieceLimits = { from: 1000, size: 700 };
  let session: LintSession;
  let root: string;
  before(async () => {
    session = await sessionWith(RULES);
    root = makeTree({ 'pyproject.toml': '[project]\nname = "ws"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n' }, 'pyguide-pieces-');
  });

  /** The findings of a whole parse and of a parse in pieces (recording what was parsed), and the rules that ran in pieces. */
  function both(file: string, text: string): { whole: Finding[]; inPieces: Finding[]; partial: Finding; parsed: number[][] } {
    const workspace = session.workspaces.forFile(file);
    // Deferred fixes stay deferred here: a text parsed in pieces offers none (they read the whole module).
    const whole = session.linter.lint({ file, text, workspace, fixes: 'deferred' });
    const parsed: number[][] = [];
    const recording = Object.create(session.parser) as PythonParser;
    recording.parse = () => assert.fail('a text over the limit was parsed whole');
    recording.parseRanges = (t, ranges, positionAt) => {
      parsed.push(ranges.flatMap((r) => [r.start, r.end]));
      return session.parser.parseRanges(t, ranges, positionAt);
    };
    const threw = (rule: { id: string }, _file: string, error: unknown) => assert.fail(`${rule.id} threw: ${String(error)}`);
    const all = new Linter(recording, threw, RULES, SMALL).lint({ file, text, workspace });
    const inPieces = all.filter((f) => f.rule !== 'partially-checked-file');
    assert.equal(all.length - inPieces.length, 1, 'one partially-checked-file finding');
    return { whole, inPieces, partial: all.find((f) => f.rule === 'partially-checked-file')!, parsed };
  }

  const ran = (f: Finding) => runsInPieces(RULES.find((r) => r.id === f.rule) as PythonRule);
  /** A finding as a user sees it, with its fix unless the rule computes it later (deferred fixes read the whole module). */
  const seen = (f: Finding) => ({ rule: f.rule, range: f.range, message: f.message, severity: f.severity, fix: f.fix });

  it('a module of many pieces: the findings of every rule that runs on pieces equal those of the whole parse, fixes included; suppressions anywhere apply', () => {
    const file = join(root, 'tests', 'test_big.py');
    // No license header: the first piece's rule reads every piece's comments and finds one far below.
    const modules = [3, 11, 21].map((seed) => genModule(seed, 900, { header: seed !== 3 }));
    const text = `${modules.join('\nclass suppressed_name:  # pyguide: ignore[class-name]\n    pass\n')}\nimport json  # noqa: F401\nimport sys  # noqa\nclass bad_name:  # type: ignore\n    pass\n`;
    const { whole, inPieces, partial, parsed } = both(file, text);
    assert.ok(parsed.length > 10, `${parsed.length} pieces`);
    const expected = whole.filter(ran);
    const rules = new Set(expected.map((f) => f.rule));
    // The rules that look at each statement, and the test module's name (the first piece's rule).
    for (const id of ['class-name', 'in-function-import', 'bare-noqa', 'bare-type-ignore', 'test-file-name', 'missing-license-header']) assert.ok(rules.has(id), `${id} in ${[...rules]}`);
    assert.deepEqual(
      inPieces.map(seen),
      expected.map((f) => seen(f.deferredFix ? stripDeferred(f) : f)),
    );
    // What runs only on the whole module is silent here, not wrong, and a finding at line 1 says so.
    assert.ok(inPieces.every(ran));
    const config = session.workspaces.forFile(file).configFor(undefined);
    const skipped = RULES.filter((r) => r.kind === 'python' && !runsInPieces(r as PythonRule) && config.severityOf(r.id, r.defaultSeverity) !== 'off').map((r) => r.id);
    assert.ok(skipped.includes('function-name') && skipped.includes('dunder-all'), skipped.join());
    assert.deepEqual(seen(partial), {
      rule: 'partially-checked-file',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `pyguide checked this ${Math.round(text.length / 1e3)} KB file in pieces (files over 1 KB), so the rules that look across the whole module did not run on it: ${skipped.join(', ')}.`,
      severity: 'info',
      fix: undefined,
    });
    assert.ok(!whole.some((f) => f.rule === 'partially-checked-file'));
    assert.ok(!inPieces.some((f) => text.split('\n')[f.range.start.line].includes('suppressed_name')));
  });

  it('a one-line list over the piece size is split at its commas: findings inside the items are the whole parse\'s, a suppression at the line\'s end applies to them', () => {
    const file = join(root, 'big_list.py');
    const secret = 'sk-proj-q8Zr2mK7vX4pL9nB3tW6yH1cJ5q8Zr2mK7vX4pL9nB3';
    const items = Array.from({ length: 300 }, (_, i) => (i === 150 ? `'${secret}'` : `'item_${i}'`));
    const list = `DATA = [${items.join(', ')}]`;
    const other = `OTHER = ['${secret}']`;
    const text = `${list}  # type: ignore\n${other}\n${list}  # pyguide: ignore[hardcoded-secret]\n`;
    const { whole, inPieces, parsed } = both(file, text);
    // The list was read in runs (head, items, tail), never whole.
    assert.ok(parsed.filter((p) => p.length === 6).length > 6);
    const expected = whole.filter(ran).map(seen);
    assert.deepEqual(
      expected.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}`),
      ['missing-license-header 0:0', `hardcoded-secret 0:${list.indexOf(secret) - 1}`, `bare-type-ignore 0:${list.length + 2}`, 'hardcoded-secret 1:9'],
    );
    assert.deepEqual(inPieces.map(seen), expected);
  });

  it('a piece with a syntax error is parsed again with the next piece; findings away from the error are the whole parse\'s', () => {
    const file = join(root, 'broken.py');
    const defs = (from: number) => Array.from({ length: 40 }, (_, i) => `class bad_${from + i}:\n    pass\n`).join('');
    const text = `${defs(0)}value = (1,\n${defs(100)}`;
    const { whole, inPieces, parsed } = both(file, text);
    const broken = text.indexOf('value');
    const merged = parsed.find((p) => p.length === 2 && p[0] <= broken && p[1] > broken);
    assert.ok(merged, 'the piece holding the error was parsed again');
    assert.ok(parsed.filter((p) => p.length === 2 && p[0] <= broken && p[1] > broken).length === 2);
    const away = (f: Finding) => {
      const at = new TextIndex(text).offsetAt(f.range.start);
      return at < merged![0] || at >= merged![1];
    };
    assert.ok(inPieces.filter(away).length > 40);
    assert.deepEqual(inPieces.filter(away).map(seen), whole.filter(ran).filter(away).map(seen));
  });

  it('a statement whose cut items do not parse (a lambda\'s parameters) is parsed whole, and its findings are the whole parse\'s', () => {
    const file = join(root, 'big_lambda.py');
    const text = `f = [lambda ${Array.from({ length: 300 }, (_, i) => `a${i}`).join(', ')}: 0]  # noqa\n`;
    const { whole, inPieces, parsed } = both(file, text);
    assert.ok(parsed.some((p) => p.length === 6));
    assert.deepEqual(parsed.slice(-2), [[0, text.length], [0, text.length]]);
    assert.deepEqual(inPieces.map(seen), whole.filter(ran).map(seen));
    assert.deepEqual(inPieces.map((f) => f.rule), ['missing-license-header', 'bare-noqa']);
  });
});

function stripDeferred(f: Finding): Finding {
  const { deferredFix: _, fix: __, ...rest } = f;
  return rest;
}
