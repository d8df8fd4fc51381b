// What a keystroke costs: which facts and rules the server checks again after an edit, and that
// what it keeps is exactly what a fresh lint would find.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintSession } from '../src/engine/session';
import { TextIndex } from '../src/engine/textIndex';
import type { Finding, PythonRule } from '../src/engine/types';
import { OpenDocuments } from '../src/engine/documents';
import { nodeRange, type FactKind } from '../src/parsing/pythonSyntax';
import { Parser, type Tree } from 'web-tree-sitter';
import { chunkedInput, loadPython, PythonParser, READ_CHUNK, toEdit } from '../src/parsing/python';
import { MAX_PLANS, QueryError, SyntaxPlan } from '../src/parsing/syntaxPlan';
import { DiskFiles } from '../src/workspace/files';
import { LspHarness } from './lspHarness';

/** A rule over one fact kind that records how many facts each run was given. */
function counting(kind: FactKind, report: (n: { range: Finding['range'] }) => Finding['range'] = (n) => n.range): PythonRule & { runs: number[] } {
  const rule = {
    id: `count-${kind}`,
    kind: 'python' as const,
    defaultSeverity: 'hint' as const,
    guideline: 'tests',
    summary: 'counts',
    each: kind,
    runs: [] as number[],
    check({ syntax }: Parameters<PythonRule['check']>[0]) {
      rule.runs.push(syntax[kind].length);
      return syntax[kind].map((n) => ({ range: report({ range: nodeRange(n) }), message: n.text.split('\n')[0] }));
    },
  };
  return rule;
}

const MODULE = Array.from({ length: 40 }, (_, i) => `def f${i}(x):\n    # step ${i}\n    return x + ${i}\n`).join('\n');

async function setup(rules: PythonRule[]) {
  const session = await LintSession.create(
    new DiskFiles(),
    (rule, _file, error) => {
      throw new Error(`${rule.id}: ${String(error)}`);
    },
    rules,
    { unconfigured: 'genkit-plugins' },
  );
  const store = new OpenDocuments(session);
  const uri = 'file:///incremental/mod.py';
  const path = '/incremental/mod.py';
  store.open(uri, path, 'python', 1, MODULE);
  let version = 1;
  // With fixes as the CLI has them, to compare with a fresh lint.
  const lint = () => store.withFixes(uri, store.lint(uri)!.findings);
  // A fresh lint for comparison: its runs of the counting rules are not what is being counted.
  const fresh = () => {
    const counts = rules.map((r) => ('runs' in r ? (r.runs as number[]).length : 0));
    const findings = session.lintText(path, store.get(uri)!.text);
    rules.forEach((r, i) => 'runs' in r && ((r.runs as number[]).length = counts[i]));
    return findings;
  };
  const edit = (line: number, character: number, text: string, endCharacter = character) =>
    store.edit(uri, ++version, [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text }]);
  /** The document's current fact lists (the arrays themselves). */
  const lists = () => {
    const parsed = store.parsed(uri)!;
    return parsed.facts.sync(parsed.tree, store.get(uri)!.text, parsed.facts.plan!);
  };
  /** How many facts the document's incremental layer could not find again in its tree. */
  const lost = () => store.parsed(uri)!.facts.lostFacts;
  /** What the linter keeps of the document's suppressions. */
  const kept = () => session.linter.keptSuppressionsOf(store.parsed(uri)!)!;
  return { lint, fresh, edit, lists, lost, kept };
}

describe('incremental re-checking', () => {
  it('a rule that checks facts one by one sees only the facts of the statement an edit touched', async () => {
    const comments = counting('comments');
    const functions = counting('functions');
    const { lint, fresh, edit } = await setup([comments, functions]);
    assert.deepEqual(lint(), fresh());
    assert.deepEqual([comments.runs, functions.runs], [[40], [40]]);
    // Type inside the body of f10 (line 41): only f10 and its comment are new facts.
    edit(41, 10, 'more ');
    assert.deepEqual(lint(), fresh());
    assert.deepEqual([comments.runs.at(-1), functions.runs.at(-1)], [1, 1]);
    // Insert lines between f0 and f1: every later fact moves, none is checked again, findings move with them.
    edit(3, 0, '\n\n');
    const moved = lint();
    assert.deepEqual(moved, fresh());
    assert.deepEqual([comments.runs.length, functions.runs.length], [2, 2]);
    assert.equal(moved.find((f) => f.message === '# step 5')!.range.start.line, 23);
  });

  it('a channel an edit leaves alone keeps its very list, and its findings only move', async () => {
    const comments = counting('comments');
    const { lint, fresh, edit, lists } = await setup([comments]);
    lint();
    const channel = lists().findIndex((l) => l.some((f) => f.type === 'comment'));
    const before = lists()[channel];
    // A statement without comments added at the end: the comments' list is the same array.
    edit(159, 0, 'y = 1\n');
    assert.deepEqual(lint(), fresh());
    assert.equal(lists()[channel], before);
    assert.deepEqual(comments.runs, [40]);
    // Lines inserted inside that statement's region move nothing; inside f0 they move every comment below.
    edit(160, 0, 'z = 2\n');
    assert.deepEqual(lint(), fresh());
    assert.equal(lists()[channel], before);
    edit(1, 0, '\n');
    const moved = lint();
    assert.deepEqual(moved, fresh());
    assert.notEqual(lists()[channel], before);
    assert.equal(moved.find((f) => f.message === '# step 5')!.range.start.line, 22);
  });

  it('a syntax error anywhere, or new settings, re-checks every fact (hasErrors is part of what they read)', async () => {
    const functions = counting('functions');
    const { lint, fresh, edit } = await setup([functions]);
    lint();
    edit(80, 0, '(');
    assert.deepEqual(lint(), fresh());
    assert.ok(functions.runs.at(-1)! >= 39, `${functions.runs}`);
  });

  it('a rule that reports outside the facts it was given is run over the whole file from then on', async () => {
    const liar = counting('comments', () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }));
    const { lint, fresh, edit } = await setup([liar]);
    assert.deepEqual(lint(), fresh());
    edit(41, 10, 'more ');
    assert.deepEqual(lint(), fresh());
    // Each lint ran it once over its facts, then (after its first finding off its fact) over the whole file.
    assert.deepEqual(liar.runs.slice(-2), [40, 40]);
  });
});

/** A rule declaring syntax no built-in rule reads, registered at run time, recording what each run was given. */
function declaring(reads: PythonRule['reads'], describe: (m: { node: { text: string }; captures: Record<string, readonly { text: string }[]> }) => string): PythonRule & { runs: string[][] } {
  const rule = {
    id: 'declared',
    kind: 'python' as const,
    defaultSeverity: 'hint' as const,
    guideline: 'tests',
    summary: 'records',
    reads,
    runs: [] as string[][],
    check({ matches }: Parameters<PythonRule['check']>[0]) {
      rule.runs.push(matches.map(describe));
      return matches.map((m) => ({ range: nodeRange(m.node), message: describe(m) }));
    },
  };
  return rule;
}

describe('rules that declare the syntax they read', () => {
  it('a rule with a node kind nothing else reads (call), added at run time, is re-checked only where an edit touched', async () => {
    const calls = declaring({ kinds: ['call'], scope: 'each' }, (m) => m.node.text);
    const { lint, fresh, edit } = await setup([calls]);
    // The module has no call: nothing to check.
    assert.deepEqual(lint(), []);
    // Turn `return x + 10` into `return x + g(10)`: one new call, in f10 only.
    edit(42, 15, 'g(');
    edit(42, 19, ')');
    const found = lint();
    assert.deepEqual(found, fresh());
    assert.deepEqual(found.map((f) => [f.range.start.line, f.message]), [[42, 'g(10)']]);
    assert.deepEqual(calls.runs.at(-1), ['g(10)']);
    const runs = calls.runs.length;
    // An edit in another function re-checks nothing of this rule's (that function holds no call); the finding moves.
    edit(0, 0, '\n');
    assert.deepEqual(lint().map((f) => f.range.start.line), [43]);
    assert.equal(calls.runs.length, runs);
  });

  it('a query rule gets each match with its captures, found again after edits elsewhere', async () => {
    const rule = declaring({ query: '(call function: (attribute object: (identifier) @obj attribute: (identifier) @method)) @call', scope: 'each' }, (m) => `${m.captures.obj[0].text}.${m.captures.method[0].text}`);
    const { lint, fresh, edit } = await setup([rule]);
    edit(42, 15, 'log.info(');
    edit(42, 26, ')');
    assert.deepEqual(lint().map((f) => f.message), ['log.info']);
    edit(2, 4, 'y = 1\n    ');
    assert.deepEqual(lint(), fresh());
    // The edit in f0 touched no call: the rule was not run again.
    assert.deepEqual(rule.runs, [['log.info']]);
  });

  it('a capture tree-sitter inserted as an empty MISSING node is found again in the tree (the long fuzz lost it)', async () => {
    const rule = declaring({ query: '(call function: (attribute object: (identifier) @obj attribute: (identifier) @method) arguments: (argument_list) @args) @call', scope: 'each' }, (m) => `${m.captures.obj[0].text}.${m.captures.method[0].text}${m.captures.args[0].text}`);
    const { lint, fresh, edit, lost } = await setup([rule]);
    edit(42, 15, 'log.info(');
    edit(42, 26, ')');
    assert.deepEqual(lint().map((f) => f.message), ['log.info(10)']);
    // Deleting `info` leaves `log.(10)`: the method is an empty identifier where `(10)` starts.
    edit(42, 19, '', 23);
    const found = lint();
    assert.deepEqual(found, fresh());
    assert.deepEqual(found.map((f) => [f.range.start.line, f.range.start.character, f.message]), [[42, 15, 'log.(10)']]);
    assert.equal(lost(), 0);
  });

  it('a module rule gets every match on every lint', async () => {
    const rule = declaring({ kinds: ['comment'], scope: 'module' }, (m) => m.node.text);
    const { lint, edit } = await setup([rule]);
    lint();
    edit(41, 10, 'more ');
    lint();
    assert.deepEqual(rule.runs.map((r) => r.length), [40, 40]);
  });

  it('a query that does not compile is reported as the rule failing, and the other rules run', async () => {
    const bad = declaring({ query: '(call function: @oops', scope: 'each' }, () => '');
    const errors: string[] = [];
    const session = await LintSession.create(new DiskFiles(), (r, _file, error) => errors.push(`${r.id}: ${error instanceof QueryError}`), [bad, counting('functions')], { unconfigured: 'genkit-plugins' });
    const findings = session.lintText('/q/mod.py', MODULE);
    assert.equal(findings.length, 40);
    assert.deepEqual(errors, ['declared: true']);
  });

  it('in-function-import re-checks only the imports of the statement an edit touched', async () => {
    const { inFunctionImport } = await import('../src/rules/python/in-function-import');
    let given: number[] = [];
    const spy: PythonRule = { ...inFunctionImport, check: (ctx) => (given.push(ctx.matches.length), inFunctionImport.check(ctx)) };
    const { lint, fresh, edit } = await setup([spy]);
    edit(41, 0, '    import os\n');
    edit(1, 0, '    import sys\n');
    given = [];
    const found = lint();
    assert.deepEqual(found.map((f) => f.range.start.line), [1, 42]);
    assert.deepEqual(given, [2]);
    edit(43, 4, 'import json\n    ');
    given = [];
    const after = lint();
    // f10 now holds two imports: only the new one was checked, not f10's other one nor f0's.
    assert.deepEqual(given, [1]);
    assert.deepEqual(after, fresh());
  });
});

describe('suppressions on a keystroke', () => {
  it('a comment text read for directives once is not read again; an edited directive is', async () => {
    const { directiveStats } = await import('../src/engine/suppression');
    const rule = counting('functions');
    const { lint, fresh, edit } = await setup([rule]);
    // Silence f3 and f7 (lines 12 and 28), each with a directive no other test writes.
    edit(28, 0, '# pyguide: ignore[count-functions]  # keys-7\n');
    edit(12, 0, '# pyguide: ignore[count-functions]  # keys-3\n');
    const before = directiveStats.reads;
    const silenced = lint();
    assert.deepEqual(silenced, fresh());
    assert.equal(silenced.length, 38);
    assert.equal(directiveStats.reads - before, 2);
    // A letter typed elsewhere: the two directives are not read again, and still silence.
    edit(45, 10, 'x');
    assert.deepEqual(lint(), fresh());
    assert.equal(directiveStats.reads - before, 2);
    // One directive edited to name another rule: f3 shows again; only that new text is read.
    edit(12, 18, 'other-rule', 33);
    const after = lint();
    assert.deepEqual(after, fresh());
    assert.equal(after.length, 39);
    assert.equal(directiveStats.reads - before, 3);
  });
});

describe('kept suppressions', () => {
  it('are built again only when a directive comment moves or changes, and read only the comments a sync inserted', async () => {
    const rule = counting('functions');
    const { lint, fresh, edit, kept } = await setup([rule]);
    edit(12, 0, '# pyguide: ignore[count-functions]  # kept-3\n');
    assert.equal(lint().length, 39);
    const { fullReads, builds } = kept().stats;
    // A letter typed in another function, and in the function under the directive (its statement,
    // comments included, is queried again): the suppressions stand as they were.
    edit(47, 11, 'x');
    assert.deepEqual(lint(), fresh());
    edit(14, 12, 'y');
    const typed = lint();
    assert.deepEqual(typed, fresh());
    assert.equal(typed.length, 39);
    assert.deepEqual(kept().stats, { fullReads, builds });
    // Enter above the directive moves it a line down: built again, from the comments kept.
    edit(0, 0, '\n');
    const moved = lint();
    assert.deepEqual(moved, fresh());
    assert.equal(moved.length, 39);
    assert.deepEqual(kept().stats, { fullReads, builds: builds + 1 });
    // A directive typed above another function: read from the comments that sync inserted, and it silences.
    edit(46, 0, '# pyguide: ignore[count-functions]\n');
    const silenced = lint();
    assert.deepEqual(silenced, fresh());
    assert.equal(silenced.length, 38);
    assert.deepEqual(kept().stats, { fullReads, builds: builds + 2 });
    // The first directive deleted: f3 shows again.
    edit(13, 0, '', 44);
    const shown = lint();
    assert.deepEqual(shown, fresh());
    assert.equal(shown.length, 39);
    assert.deepEqual(kept().stats, { fullReads, builds: builds + 3 });
  });
});

describe('when the incremental tree is off', () => {
  // Tree-sitter's error recovery can keep subtrees a fresh parse would not build: here the
  // incremental tree still holds the `# noqa` comment, which a fresh parse swallows into an error.
  const BEFORE = 'e:e["""a]\nx = 1  # noqa\ne';
  const AFTER = `${BEFORE}"`;

  it('a document with errors, once settled, is parsed afresh and linted as a fresh parse would', async () => {
    const session = await LintSession.create(new DiskFiles(), undefined, undefined, { unconfigured: 'genkit-plugins' });
    const store = new OpenDocuments(session);
    const uri = 'file:///incremental/broken.py';
    const path = '/incremental/broken.py';
    store.open(uri, path, 'python', 1, BEFORE);
    store.lint(uri);
    store.edit(uri, 2, [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, text: '"' }]);
    const rules = (fs: Finding[]) => fs.map((f) => f.rule);
    const fresh = rules(session.lintText(path, AFTER));
    assert.deepEqual(fresh, ['missing-license-header']);
    // This is tree-sitter's behaviour (0.25 Python grammar); should it ever agree, the reconcile is a no-op.
    assert.deepEqual(rules(store.lint(uri)!.findings), ['missing-license-header', 'bare-noqa']);
    assert.equal(store.reconcile(uri), true);
    assert.deepEqual(rules(store.lint(uri)!.findings), fresh);
    // Reconciled once, it is not parsed again until the next change.
    assert.equal(store.reconcile(uri), false);
  });

  it('the server publishes the corrected diagnostics for the same version', async function () {
    this.timeout(20_000);
    const root = mkdtempSync(join(tmpdir(), 'pyguide-reconcile-'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "r"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n');
    const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    try {
      const uri = await lsp.open(join(root, 'broken.py'), BEFORE);
      await lsp.waitForDiagnostics(uri);
      await lsp.change(uri, [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, text: '"' }]);
      const seen: string[][] = [];
      await lsp.waitForDiagnostics(uri, (ds) => {
        seen.push(ds.map((d) => String(d.code)));
        return !ds.some((d) => d.code === 'bare-noqa');
      });
      assert.deepEqual(seen[0], ['missing-license-header', 'bare-noqa']);
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the line index after an edit', () => {
  it('equals a fresh index, also when a change joins or splits a CRLF pair', () => {
    const cases: Array<[string, number, number, string]> = [
      ['a\r\nb\r\nc', 1, 2, ''], // delete the CR of a pair
      ['a\rb', 2, 2, '\n'], // LF after a lone CR: one break
      ['a\nb', 1, 1, '\r'], // CR before an LF
      ['a\r\nb', 2, 3, ''], // delete the LF of a pair: a lone CR is left
      ['x\ny\nz', 0, 5, 'q'], // everything
      ['', 0, 0, 'a\r\n\r\nb\r'],
    ];
    for (const [text, start, end, insert] of cases) {
      const next = text.slice(0, start) + insert + text.slice(end);
      const edited = new TextIndex(text);
      edited.edit(next, start, end, start + insert.length);
      const fresh = new TextIndex(next);
      assert.deepEqual(
        Array.from({ length: fresh.lineCount }, (_, l) => fresh.lineStart(l)),
        Array.from({ length: edited.lineCount }, (_, l) => edited.lineStart(l)),
        JSON.stringify([text, start, end, insert]),
      );
    }
  });
});

describe('compiled syntax plans', () => {
  it('stay bounded while a team rule is edited keystroke by keystroke: the least recently used go first', async () => {
    const language = await loadPython();
    const channels = (i: number) => [{ source: `((identifier) @node (#eq? @node "name${i}"))` }];
    const first = SyntaxPlan.for(language, channels(0));
    const kept = SyntaxPlan.for(language, channels(1));
    for (let i = 2; i < MAX_PLANS + 10; i++) {
      SyntaxPlan.for(language, channels(i));
      // Used all along, so never the least recently used.
      assert.equal(SyntaxPlan.for(language, channels(1)), kept);
    }
    assert.notEqual(SyntaxPlan.for(language, channels(0)), first, 'the oldest plan was dropped and compiled again');
    // A dropped plan still works for whoever holds it (web-tree-sitter frees its query only once unreachable).
    const parser = await PythonParser.create();
    const tree = parser.parse('name0 = name1\n');
    try {
      assert.deepEqual(first.facts(tree)[0].map((f) => [f.start, f.end]), [[0, 5]]);
    } finally {
      tree.delete();
    }
  });
});

describe("tree-sitter's reads of the text", () => {
  /** Every node as (type, start, end, start row and column), in document order. */
  const shape = (tree: Tree) => {
    const out: string[] = [];
    const cursor = tree.walk();
    for (;;) {
      out.push(`${cursor.nodeType} ${cursor.startIndex}-${cursor.endIndex} ${cursor.startPosition.row}:${cursor.startPosition.column}`);
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
      while (cursor.gotoParent() && !cursor.gotoNextSibling());
      if (cursor.nodeId === tree.rootNode.id) break;
    }
    cursor.delete();
    return out;
  };

  it('hands the parser short pieces, never the rest of the file, and builds the same tree as the whole string', async () => {
    const parser = await PythonParser.create();
    // Characters outside the BMP (two UTF-16 units) at every offset, so some straddle a piece's end.
    const text = Array.from({ length: 3 * READ_CHUNK }, (_, i) => `x${i} = "${'😀'.repeat(i % 5)}${'a'.repeat(i % 7)}"  # ${'🐍'.repeat(i % 3)}\n`).join('');
    const read = chunkedInput(text);
    const pieces = [0, READ_CHUNK - 1, 5000, text.length - 3].map(read);
    assert.ok(pieces.every((p) => p.length <= READ_CHUNK));
    assert.equal(pieces[3], text.slice(-3));
    assert.equal(read(text.length), '', 'the end of the text');
    const whole = parser.parse(text);
    // The same text handed to web-tree-sitter whole, as a string.
    const plain = new Parser();
    plain.setLanguage(parser.language);
    const reference = plain.parse(text)!;
    assert.deepEqual(shape(whole), shape(reference));
    assert.equal(whole.rootNode.hasError, false);
    // And incrementally, after an edit that moves every later piece boundary.
    const at = text.indexOf('\n', 1000) + 1;
    const inserted = 'y = "🐍🐍"\n';
    const edited = text.slice(0, at) + inserted + text.slice(at);
    const row = text.slice(0, at).split('\n').length - 1;
    whole.edit(toEdit({ startOffset: at, endOffset: at, newLength: inserted.length, start: { row, column: 0 }, end: { row, column: 0 }, newEnd: { row: row + 1, column: 0 } }));
    const again = parser.parse(edited, whole);
    const fresh = plain.parse(edited)!;
    assert.deepEqual(shape(again), shape(fresh));
    for (const t of [whole, reference, again, fresh]) t.delete();
    plain.delete();
  });
});
