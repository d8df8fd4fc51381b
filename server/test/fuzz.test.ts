// Thousands of random edits through the incremental path (DocumentStore: tree edits, syntax facts,
// line index) and through a real stdio server: after every batch the findings must equal those of
// a fresh parse of the same text. PYGUIDE_FUZZ_LONG=1 runs many more edits on larger files.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { LintSession } from '../src/engine/session';
import { TextIndex } from '../src/engine/textIndex';
import { RULES } from '../src/engine/registry';
import type { Finding, PythonRule, Rule } from '../src/engine/types';
import type { SyntaxMatch } from '../src/parsing/syntaxPlan';
import { OpenDocuments } from '../src/engine/documents';
import { FactFindings } from '../src/engine/factFindings';
import { FACT_KINDS, nodeRange } from '../src/parsing/pythonSyntax';
import { IncrementalSyntax } from '../src/parsing/syntaxFacts';
import { DiskFiles } from '../src/workspace/files';
import { genModule, prng, type Random } from '../../scripts/genkit-shapes.mjs';
import { FIXTURES } from './fixtureHarness';
import { LspHarness } from './lspHarness';
import { TEAM_PYPROJECT } from './teamRulesHarness';
import { makeTree } from './tempTree';

const LONG = process.env.PYGUIDE_FUZZ_LONG === '1';

/** Every Python fixture text: the material edits paste from. */
function fixtureTexts(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...fixtureTexts(full));
    else if (name.endsWith('.py')) out.push(readFileSync(full, 'utf8'));
  }
  return out;
}

/** Snippets that make rules fire, break syntax, or play with line breaks and UTF-16. */
const SNIPPETS = [
  'x', 'q', ' ', '\n', '    ', '\t', ':', '(', ')', '[', ']', '"', "'", '"""', '#', '\\', ',', '.',
  '\r\n', '\r', 'é', '😀', '\u00a0', 'ünïcode_名前 = 1\n',
  '  # noqa\n', '  # type: ignore\n', '  # pyguide: ignore[bare-noqa]\n', '# pyguide: ignore-file[bare-noqa]\n',
  'def f():\n    import os\n    return os\n', 'class bad_name:\n    def camelCase(self):\n        pass\n',
  'from genkit.plugins.foo import Foo\n', 'if True:\n', 'async def g():\n    from . import x  # noqa: PLC0415\n',
];

/**
 * What an editor does at a line, mostly keeping the code valid: Enter at its end (the new line
 * indented as an editor would: one level deeper after a colon), a letter typed in a name, a
 * statement inserted before it at its indentation, the line deleted, its indentation one level
 * shallower or deeper.
 */
function lineEdit(r: Random, text: string): { a: number; b: number; insert: string } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const line = r.int(0, starts.length - 1);
  const start = starts[line];
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  const content = text.slice(start, end);
  const indent = /^[ \t]*/.exec(content)![0];
  const kind = r.next();
  if (kind < 0.3) return { a: end, b: end, insert: `\n${indent}${/:\s*$/.test(content) ? '    ' : ''}` };
  if (kind < 0.55) {
    const names = [...content.matchAll(/[A-Za-z_]\w*/g)];
    if (names.length > 0) {
      const name = r.pick(names);
      const at = start + name.index! + r.int(0, name[0].length);
      return { a: at, b: at, insert: r.pick(['x', 'q', '_']) };
    }
  }
  if (kind < 0.75) {
    const statement = r.pick(['x = f(1)', 'call(self)', '# note', 'pass', '"""Doc."""', 'def __init__(self):\n@    pass', '@staticmethod\n@def s():\n@    return 1', 'class N:\n@    def __init__(self):\n@        g(self)', 'if a:\n@    return h(a)']);
    return { a: start + indent.length, b: start + indent.length, insert: `${statement.replace(/@/g, indent)}\n${indent}` };
  }
  if (kind < 0.85) return { a: start, b: Math.min(text.length, end + 1), insert: '' };
  if (kind < 0.93 && indent.length >= 4) return { a: start, b: start + 4, insert: '' };
  return { a: start, b: start, insert: '    ' };
}

/** An LSP change and the change that undoes it; with `lines`, that share of them are editor-like line edits (lineEdit). */
function randomChange(r: Random, doc: TextDocument, pastes: readonly string[], snippets: readonly string[] = SNIPPETS, lines = 0): { change: TextDocumentContentChangeEvent; undo: (after: TextDocument) => TextDocumentContentChangeEvent } {
  const text = doc.getText();
  if (lines > 0 && r.chance(lines)) {
    const { a, b, insert } = lineEdit(r, text);
    const removed = text.slice(a, b);
    return {
      change: { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert },
      undo: (after) => ({ range: { start: after.positionAt(a), end: after.positionAt(a + insert.length) }, text: removed }),
    };
  }
  const a = r.int(0, text.length);
  const kind = r.next();
  let b = a;
  let insert = '';
  if (kind < 0.45) insert = r.pick(snippets);
  else if (kind < 0.75) b = Math.min(text.length, a + (r.chance(0.85) ? r.int(1, 12) : r.int(13, 600)));
  else if (kind < 0.9) {
    const source = r.pick(pastes);
    const from = r.int(0, Math.max(0, source.length - 1));
    insert = source.slice(from, from + r.int(1, r.chance(0.8) ? 80 : 1500));
  } else {
    b = Math.min(text.length, a + r.int(1, 20));
    insert = r.pick(snippets);
  }
  // Positions may fall inside a \r\n pair or a surrogate pair: editors send such ranges too.
  const change = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert };
  const removed = text.slice(a, b);
  return {
    change,
    undo: (after) => ({ range: { start: after.positionAt(a), end: after.positionAt(a + insert.length) }, text: removed }),
  };
}

/**
 * Applies random edits in batches, with undo-like reversals of recent edits, calling `check` after
 * each batch. With `broken`, a text it says is broken is mostly undone, so valid code gets edited too.
 */
async function fuzz(r: Random, start: string, pastes: readonly string[], batches: number, apply: (changes: TextDocumentContentChangeEvent[], doc: TextDocument) => Promise<void> | void, snippets: readonly string[] = SNIPPETS, lines = 0, broken?: () => boolean): Promise<number> {
  let doc = TextDocument.create('file:///fuzz.py', 'python', 1, start);
  const undo: Array<(after: TextDocument) => TextDocumentContentChangeEvent> = [];
  let edits = 0;
  for (let batch = 0; batch < batches; batch++) {
    const changes: TextDocumentContentChangeEvent[] = [];
    const n = r.int(1, 5);
    for (let k = 0; k < n; k++) {
      let change: TextDocumentContentChangeEvent;
      if (undo.length > 0 && r.chance(broken?.() ? 0.8 : 0.15)) change = undo.pop()!(doc);
      else {
        const made = randomChange(r, doc, pastes, snippets, lines);
        change = made.change;
        undo.push(made.undo);
      }
      doc = TextDocument.update(TextDocument.create(doc.uri, 'python', doc.version, doc.getText()), [change], doc.version + 1);
      changes.push(change);
      edits++;
    }
    await apply(changes, doc);
  }
  return edits;
}

const LOGGING_IDS = ['logging-fstring', 'sync-log-in-async'];

/**
 * A rule checked match by match with context, reporting on both: each call of a plain name with the
 * names the module assigns from calls (its context), and each such assignment itself.
 */
const CONTEXT_ECHO_RULE: PythonRule = {
  id: 'echo-call-in-context',
  kind: 'python',
  defaultSeverity: 'hint',
  guideline: 'tests',
  summary: 'a call, with the names the module assigns',
  reads: { query: '((call function: (identifier) @fn) @call)\n((assignment left: (identifier) @name right: (call)) @assignment)', scope: 'each', context: ['assignment'] },
  check: ({ matches }) => {
    const names = matches.filter((m) => m.type === 'assignment').map((m) => m.captures.name[0].text);
    return matches.map((m) => ({ range: nodeRange(m.node), message: m.type === 'assignment' ? `binds ${m.captures.name[0].text}` : `${m.captures.fn[0].text}() with ${names.join(' ')}` }));
  },
};

/** A rule that reads the comment before each comment (SyntaxNeed.previous): its text, and whether it ends on the line right above. */
const PREVIOUS_ECHO_RULE: PythonRule = {
  id: 'echo-comment-after',
  kind: 'python',
  defaultSeverity: 'hint',
  guideline: 'tests',
  summary: 'a comment, with the comment before it',
  reads: { kinds: ['comment'], scope: 'each', previous: true },
  check: ({ matches, text }) =>
    matches.map((m, i) => {
      const before = matches[i - 1];
      const said = before ? `${text.slice(before.start, before.end)} ${before.node.endPosition.row === m.startRow - 1 ? 'right above' : 'apart'}` : 'nothing';
      return { range: nodeRange(m.node), message: `${text.slice(m.start, m.end)} after ${said}` };
    }),
};

/** Suppressions with and without a reason, reasons on the line above, what comes between them, banners and drawings. */
const SUPPRESSION_SNIPPETS = [
  '# ---------\n', '# ---- Helpers ----\n', '# | a | b |\n', '# the reason it is safe\n', 'x = 1  # noqa: E501\n', '# noqa: S101\n', 'y = g()  # type: ignore[attr-defined]\n', '# pyright: ignore[reportAny]\n', '  # noqa: E501 - long URL\n',
  '# reason\nz = 2  # noqa: PLC0415\n', '# noqa: E501\n# noqa: E501\n', '# type: ignore\n', 'pass\n', '\n', '# ', 'noqa: E501', 'reason ', '#',
];

/** Logger bindings (structlog's, stdlib's, derived) and log calls the logging rules report, or nearly do. */
const LOGGING_SNIPPETS = [
  'logger = structlog.get_logger()\n', 'log = logging.getLogger(__name__)\n', 'logger = logging.getLogger(__name__)\n', 'log = logger.bind(request_id=rid)\n', 'self._logger = get_logger(__name__)\n',
  'async def f():\n    logger.info(f"x {y}")\n', 'async def g():\n    log.warning("a %s", y)\n    await logger.ainfo("fixed", y=y)\n', 'logger.info(f"x {y}")\n', 'log.error("x" + y)', 'async def h():\n    return logger.info("done")\n',
  'self._logger.debug(f"{a.b} done")', 'logger.bind(k=1).info("{}".format(y))\n', 'logger', 'log', 'structlog.', 'get_logger()', '= ', 'a', 'await ',
];

/** Imports (aliased or not), bindings and uses of `logging` and `threading` that stdlib-logging and threading-lock-in-async read across a module. */
const MODULE_NAME_SNIPPETS = [
  'import logging\n', 'import logging as lg\n', 'from logging import getLogger\n', 'import threading\n', 'import threading as th\n', 'from threading import Lock\n', 'from threading import Thread\n',
  'logging = None\n', 'threading = object()\n', 'def logging():\n    pass\n', 'logger = logging.getLogger(__name__)\n', 'log = lg.getLogger(__name__)\n', 'logging.info("x")\n', 'getLogger(__name__).info("y")\n',
  '_lock = threading.Lock()\n', 'self._lock = threading.RLock()\n', '_sem = th.Semaphore(2)\n', '_cond = Lock()\n',
  'def h(logging):\n    logging.info("x")\n', 'for logging in xs:\n    pass\n', 'with open(p) as threading:\n    pass\n', 'a, (b, logging) = c\n', 'class threading:\n    pass\n', 'threading += 1\n', 'try:\n    pass\nexcept E as logging:\n    pass\n',
  'async def run(self):\n    with _lock:\n        await step()\n', 'async def go(self):\n    with self._lock:\n        await step()\n', 'async def s():\n    with _sem, _cond:\n        x = await y\n',
  'logging', 'threading', ' as lg', 'Lock()', 'await ', 'async ',
];

/** Code each of the ten team rules (teamRulesHarness.ts) reports, or nearly does, one piece a line. */
const TEAM_SNIPPETS = [
  'asyncio.run(main())\n', 'print(a, b)\n', 'print()', 'x = os.environ["KEY"]\n', 'os.environ["GENKIT_KEY"]', 'if a == a:\n    pass\n', 'a == b',
  'connect(h, location="eu")\n', 'connect(location="us-central1")', 'log = logging.getLogger(__name__)\n', 'time.sleep(1)\n',
  'try:\n    a()\nexcept Exception:\n    pass\n', 'try:\n    a()\nexcept Exception:\n    raise\n', "d.get(k, '')\n", 'd.get(k, "")', '# TODO fix\n', '# TODO(me) fix\n',
  'def t(self):\n    print(self)\n', 'class T:\n    def m(self):\n        time.sleep(2)\n',
];

/** Rules that report every fact of a kind, with what they may read about it: fact-by-fact caching at its widest. */
export const ECHO_RULES: PythonRule[] = FACT_KINDS.map((kind) => ({
  id: `echo-${kind}`,
  kind: 'python',
  defaultSeverity: 'hint',
  guideline: 'tests',
  summary: `every ${kind} fact`,
  each: kind,
  check: ({ syntax }) =>
    syntax[kind].map((n) => ({ range: nodeRange(n), message: `${n.type} in ${n.parent?.type} (errors: ${syntax.hasErrors}): ${n.text.slice(0, 30)}` })),
}));

/**
 * Rules declaring syntax no built-in list holds (a node kind, a query with several captures), the
 * way new rules do: they must be as exact incrementally as the built-in lists.
 */
export const DECLARING_ECHO_RULES: PythonRule[] = [
  {
    id: 'echo-calls',
    kind: 'python',
    defaultSeverity: 'hint',
    guideline: 'tests',
    summary: 'every call',
    reads: { kinds: ['call'], scope: 'each' },
    check: ({ matches, syntax }) => matches.map(({ node }) => ({ range: nodeRange(node), message: `call in ${node.parent?.type} (errors: ${syntax.hasErrors}): ${node.text.slice(0, 30)}` })),
  },
  {
    id: 'echo-method-calls',
    kind: 'python',
    defaultSeverity: 'hint',
    guideline: 'tests',
    summary: 'every obj.method(...) call',
    reads: { query: '(call function: (attribute object: (identifier) @obj attribute: (identifier) @method) arguments: (argument_list) @args) @call', scope: 'each' },
    check: ({ matches }) =>
      matches.map(({ node, captures }) => ({ range: nodeRange(captures.method[0]), message: `${captures.obj[0].text}.${captures.method[0].text} with ${captures.args[0].namedChildCount} arguments in ${node.type}` })),
  },
  {
    id: 'echo-strings-module',
    kind: 'python',
    defaultSeverity: 'hint',
    guideline: 'tests',
    summary: 'how many strings the module holds',
    reads: { kinds: ['string'], scope: 'module' },
    check: ({ matches }) => (matches.length > 0 ? [{ range: nodeRange(matches[matches.length - 1].node), message: `${matches.length} strings` }] : []),
  },
];

/** Snippets of classes, methods and decorators: new statements between methods, `__init__` coming and going. */
const CLASS_SNIPPETS = [
  '\n', '\n    ', '\n        ', '    ', 'x', '__init__', 'def __init__(self):\n        self.a = f(1)\n', '    def m(self):\n        g(self)\n', '@staticmethod\n    ',
  'class Nested:\n        def __init__(self):\n            pass\n', 'call(1)\n', 'a = b\n', '"""Doc."""\n', '# note\n', 'pass\n', 'return\n',
];

/** Nested classes and decorated methods, one after another. */
function classModule(r: Random, classes: number): string {
  const method = (indent: string, name: string) => {
    const body = `${indent}    ${r.pick(['a = f(1)', 'self.x = g(a)', 'print(a)', 'return h(2)', '"""Doc."""', '# why', 'pass', 'b = a'])}`;
    const decorator = r.chance(0.3) ? `${indent}@${r.pick(['staticmethod', 'property', 'functools.cache'])}\n` : '';
    return `${decorator}${indent}def ${name}(self):\n${body}\n${indent}    ${r.pick(['return 1', 'call(self)', 'x = 2'])}\n`;
  };
  const classOf = (indent: string, depth: number): string => {
    const parts = [`${indent}class ${r.pick(['A', 'Shape', 'Inner', 'Outer'])}${depth}:\n`];
    if (r.chance(0.5)) parts.push(`${indent}    """Doc."""\n\n`);
    for (let i = r.int(1, 4); i > 0; i--) parts.push(method(`${indent}    `, r.chance(0.3) ? '__init__' : `m${i}`), '\n');
    if (depth < 2 && r.chance(0.6)) parts.push(classOf(`${indent}    `, depth + 1));
    return parts.join('');
  };
  return `import functools\n\n__all__ = ['A0']\n\n\n${Array.from({ length: classes }, () => classOf('', 0)).join('\n\n')}\n\ndef top():\n    return 1\n`;
}

/** Echo rules whose patterns hang from a node above what they report: a class, a block, the module. */
export const ROOTED_ECHO_RULES: PythonRule[] = [
  {
    id: 'echo-init',
    query: '(class_definition name: (identifier) @class body: (block (function_definition name: (identifier) @init (#eq? @init "__init__")) @def))',
    scope: 'each' as const,
    describe: (m: SyntaxMatch) => `${m.captures.class[0].text} has ${m.captures.init[0].text}`,
  },
  {
    id: 'echo-first-statement',
    query: '(block . (expression_statement) @first)',
    scope: 'each' as const,
    describe: (m: SyntaxMatch) => `first of a block in ${m.node.parent?.parent?.type}: ${m.node.text.slice(0, 20)}`,
  },
  {
    id: 'echo-module-assignments',
    query: '(module (expression_statement (assignment left: (identifier) @name)) @statement)',
    scope: 'each' as const,
    describe: (m: SyntaxMatch) => `module binds ${m.captures.name[0].text}`,
  },
  {
    id: 'echo-decorated-module',
    query: '(decorated_definition (decorator) @decorator definition: (function_definition name: (identifier) @name)) @definition',
    scope: 'module' as const,
    describe: (m: SyntaxMatch) => `${m.captures.name[0].text} decorated by ${m.captures.decorator[0].text}`,
  },
].map(({ id, query, scope, describe }) => ({
  id,
  kind: 'python' as const,
  defaultSeverity: 'hint' as const,
  guideline: 'tests',
  summary: id,
  reads: { query, scope },
  check: ({ matches, syntax }: Parameters<PythonRule['check']>[0]) => matches.map((m) => ({ range: nodeRange(m.node), message: `${describe(m)} (errors: ${syntax.hasErrors})` })),
}));

/** A rule whose pattern is a sibling sequence: no single root, so its plan re-queries whole top-level statements. */
const UNROOTED_ECHO_RULE: PythonRule = {
  id: 'echo-comment-before-def',
  kind: 'python',
  defaultSeverity: 'hint',
  guideline: 'tests',
  summary: 'a comment right before a function',
  reads: { query: '((comment) @comment . (function_definition) @def)', scope: 'each' },
  check: ({ matches }) => matches.map((m) => ({ range: nodeRange(m.node), message: `${m.captures.comment[0].text} before ${m.captures.def[0].childForFieldName('name')?.text}` })),
};

/** A session running `rules` with the genkit-plugins preset where nothing configures one, failing on any rule that throws, and its open documents. */
async function genkitStore(rules: readonly Rule[]): Promise<{ session: LintSession; store: OpenDocuments }> {
  const session = await LintSession.create(
    new DiskFiles(),
    (rule, file, error) => {
      throw new Error(`rule ${rule.id} threw on ${file}: ${String(error)}`);
    },
    rules,
    { unconfigured: 'genkit-plugins' },
  );
  return { session, store: new OpenDocuments(session) };
}

const strip = (fs: Finding[]) => fs.map(({ rule, range, message, fix, severity }) => ({ rule, range, message, fix, severity }));

/** An open document's findings and fixes, asserted equal to a fresh lint of its text (once reconciled, where tree-sitter's incremental tree of a broken text differs). */
/**
 * Opens `start` at `path` in `store`, fuzzes it (see `fuzz`), and after every batch checks its live
 * findings against a fresh lint (liveAsFresh), handing them and the text to `seen`; closes it.
 * Returns the number of edits.
 */
async function fuzzOpenDocument(
  session: LintSession,
  store: OpenDocuments,
  path: string,
  start: string,
  r: Random,
  pastes: readonly string[],
  batches: number,
  snippets: readonly string[],
  lines: number,
  seen: (found: ReturnType<typeof strip>, text: string) => void,
): Promise<number> {
  const uri = `file://${path}`;
  store.open(uri, path, 'python', 1, start);
  let version = 1;
  const edits = await fuzz(
    r,
    start,
    pastes,
    batches,
    (changes, expected) => {
      store.edit(uri, ++version, changes);
      const text = expected.getText();
      seen(liveAsFresh(session, store, uri, path, text), text);
    },
    snippets,
    lines,
  );
  store.close(uri);
  return edits;
}

function liveAsFresh(session: LintSession, store: OpenDocuments, uri: string, path: string, text: string): ReturnType<typeof strip> {
  const lintLive = () => strip(store.withFixes(uri, store.lint(uri)!.findings));
  const incremental = lintLive();
  const fresh = session.parser.parse(text);
  try {
    const differs = store.parsed(uri)!.tree.getChangedRanges(fresh).length > 0;
    if (differs) assert.equal(store.reconcile(uri), true);
    const live = differs ? lintLive() : incremental;
    assert.deepEqual(live, strip(session.lintText(path, text)), 'findings against a fresh lint');
    return live;
  } finally {
    fresh.delete();
  }
}

describe('fuzzing the incremental path', function () {
  this.timeout(LONG ? 600_000 : 30_000);
  const pastes = [...fixtureTexts(), genModule(11, 300)];

  it('DocumentStore + engine: incremental facts, line index and findings equal a fresh parse after every batch', async () => {
    const { session, store } = await genkitStore([...RULES, ...ECHO_RULES, ...DECLARING_ECHO_RULES]);
    const starts = [genModule(5, LONG ? 2000 : 200), ...pastes.slice(0, LONG ? pastes.length : 3), ''];
    let total = 0;
    let divergences = 0;
    for (const [i, start] of starts.entries()) {
      const r = prng(1000 + i);
      const uri = `file:///fuzz/doc${i}.py`;
      const path = `/fuzz/doc${i}.py`;
      store.open(uri, path, 'python', 1, start);
      let version = 1;
      const workspace = session.workspaces.forFile(path);
      let batches = 0;
      total += await fuzz(r, start, pastes, LONG ? 2000 : Math.ceil(600 / starts.length), (changes, expected) => {
        batches++;
        const doc = store.edit(uri, ++version, changes)!;
        const text = doc.text;
        assert.equal(text, expected.getText());
        const lintLive = () => strip(store.withFixes(uri, store.lint(uri)!.findings));
        const incremental = lintLive();
        const parsed = store.parsed(uri)!;
        assert.deepEqual((parsed.index as unknown as { lineStarts: number[] }).lineStarts, (new TextIndex(text) as unknown as { lineStarts: number[] }).lineStarts, 'line index');
        const live = (store as unknown as { entries: Map<string, { facts: IncrementalSyntax }> }).entries.get(uri)!.facts;
        // The incremental layer against the same tree: facts and findings as if collected afresh.
        const again = new IncrementalSyntax();
        again.sync(parsed.tree, text, live.plan!);
        assert.deepEqual(live.snapshot(), again.snapshot(), 'syntax facts');
        const sameTree = { tree: parsed.tree, index: new TextIndex(text), facts: new IncrementalSyntax(), factFindings: new FactFindings() };
        assert.deepEqual(incremental, strip(session.linter.lintParsed({ file: path, text, workspace }, sameTree)), 'findings on the same tree');
        assert.equal(live.lostFacts + sameTree.facts.lostFacts, 0, `a syntax fact was not found again in the tree of start text ${i} after batch ${batches}`);
        // Against a fresh parse: tree-sitter's incremental tree of a broken text may differ; then the
        // reconcile a settled document gets must put it right.
        const fresh = session.parser.parse(text);
        try {
          const differs = parsed.tree.getChangedRanges(fresh).length > 0;
          if (differs) {
            divergences++;
            assert.ok(parsed.tree.rootNode.hasError, 'an incremental tree without errors differs from a fresh parse');
            assert.equal(store.reconcile(uri), true);
          }
          assert.deepEqual(differs ? lintLive() : incremental, strip(session.lintText(path, text)), 'findings against a fresh parse');
        } finally {
          fresh.delete();
        }
      });
    }
    if (LONG) process.stderr.write(`    (${total} edits; tree-sitter's incremental tree differed from a fresh parse ${divergences} times)\n`);
    assert.ok(total >= (LONG ? 10_000 : 1_000), `only ${total} edits`);
  });

  for (const unrooted of [false, true]) {
    it(`nested classes, decorated methods, Enter and indentation at block ends, rules hanging from a class, a block or the module${unrooted ? ', and a pattern without a single root (collected afresh)' : ''}: facts and findings equal a fresh parse after every batch`, async () => {
      const rules = [...RULES, ...ECHO_RULES, ...DECLARING_ECHO_RULES, ...ROOTED_ECHO_RULES, ...(unrooted ? [UNROOTED_ECHO_RULE] : [])];
      const { session, store } = await genkitStore(rules);
      const syncs = new Map<string, number>();
      const fired = new Set<string>();
      let total = 0;
      for (let i = 0; i < (LONG ? 6 : 2); i++) {
        const r = prng(7000 + i);
        const start = classModule(r, LONG ? 30 : 6);
        const uri = `file:///fuzz/classes${i}.py`;
        const path = `/fuzz/classes${i}.py`;
        store.open(uri, path, 'python', 1, start);
        let version = 1;
        const workspace = session.workspaces.forFile(path);
        total += await fuzz(
          r,
          start,
          [start, ...pastes.slice(0, 2)],
          LONG ? 1500 : 150,
          (changes, expected) => {
            const text = store.edit(uri, ++version, changes)!.text;
            assert.equal(text, expected.getText());
            const incremental = strip(store.withFixes(uri, store.lint(uri)!.findings));
            const parsed = store.parsed(uri)!;
            const live = (store as unknown as { entries: Map<string, { facts: IncrementalSyntax }> }).entries.get(uri)!.facts;
            assert.equal(live.plan!.rooted, !unrooted);
            syncs.set(live.lastSync ?? 'none', (syncs.get(live.lastSync ?? 'none') ?? 0) + 1);
            const again = new IncrementalSyntax();
            again.sync(parsed.tree, text, live.plan!);
            assert.deepEqual(live.snapshot(), again.snapshot(), 'syntax facts');
            const sameTree = { tree: parsed.tree, index: new TextIndex(text), facts: new IncrementalSyntax(), factFindings: new FactFindings() };
            assert.deepEqual(incremental, strip(session.linter.lintParsed({ file: path, text, workspace }, sameTree)), 'findings on the same tree');
            assert.equal(live.lostFacts, 0);
            for (const f of incremental) if (f.rule.startsWith('echo-')) fired.add(f.rule);
          },
          CLASS_SNIPPETS,
          0.9,
          () => store.hasErrors(uri),
        );
        store.close(uri);
      }
      assert.ok(total >= (LONG ? 10_000 : 500), `only ${total} edits`);
      if (LONG) process.stderr.write(`    (${total} edits; syncs: ${JSON.stringify([...syncs])})\n`);
      // Rooted, both paths ran: statements where the tree had no errors, whole top-level statements
      // where it had. Unrooted, every sync collected afresh.
      if (unrooted) assert.deepEqual([...syncs.keys()], ['all']);
      else {
        assert.ok((syncs.get('statements') ?? 0) > total / 10, JSON.stringify([...syncs]));
        assert.ok((syncs.get('top-level') ?? 0) > 0, JSON.stringify([...syncs]));
      }
      for (const rule of [...ROOTED_ECHO_RULES, ...(unrooted ? [UNROOTED_ECHO_RULE] : [])]) assert.ok(fired.has(rule.id), `${rule.id} never reported anything`);
    });
  }

  it('team rules (patterns, constraints, a query, a fix): findings and fixes of the incremental path equal a fresh lint after every batch', async () => {
    const root = makeTree({ 'pyproject.toml': TEAM_PYPROJECT }, 'pyguide-fuzz-team-');
    try {
      const session = await LintSession.create(new DiskFiles(), (rule, file, error) => {
        throw new Error(`rule ${rule.id} threw on ${file}: ${String(error)}`);
      });
      const store = new OpenDocuments(session);
      const teamText = TEAM_SNIPPETS.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('');
      const teamPastes = [teamText, ...pastes];
      const starts = [`import asyncio\n\n${teamText}\n${genModule(6, LONG ? 1000 : 120)}`, `def f():\n    ${teamText.replace(/\n/g, '\n    ')}\n`];
      const seen = new Set<string>();
      let total = 0;
      for (const [i, start] of starts.entries()) {
        total += await fuzzOpenDocument(session, store, join(root, 'src', `team${i}.py`), start, prng(4000 + i), teamPastes, LONG ? 1500 : 150, [...TEAM_SNIPPETS, ...SNIPPETS], 0, (found) => {
          for (const f of found) if (f.rule.startsWith('t-')) seen.add(f.rule);
        });
      }
      assert.ok(total >= (LONG ? 3000 : 300), `only ${total} edits`);
      // Every one of the ten rules reported something along the way: none passed by being silent.
      assert.deepEqual([...seen].sort(), ['t-entry', 't-env', 't-get-default', 't-logger', 't-print', 't-region', 't-same', 't-sleep', 't-swallow', 't-todo']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('logging rules and a rule reporting on its context (matches checked one by one, bindings as context): findings and fixes equal a fresh lint after every batch, as bindings come and go', async () => {
    const { session, store } = await genkitStore([...RULES, CONTEXT_ECHO_RULE]);
    const logText = LOGGING_SNIPPETS.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('');
    const starts = [`import logging\nimport structlog\n\n${logText}\n${genModule(8, LONG ? 1000 : 120)}`, `import structlog\n\nlogger = structlog.get_logger()\n\n\nasync def f(y):\n    ${logText.replace(/\n/g, '\n    ')}\n`];
    const seen = new Set<string>();
    const bindingSets = new Set<string>();
    let total = 0;
    for (const [i, start] of starts.entries()) {
      total += await fuzzOpenDocument(session, store, `/fuzz/logging${i}.py`, start, prng(5000 + i), [logText, ...pastes.slice(0, 2)], LONG ? 1500 : 150, [...LOGGING_SNIPPETS, ...SNIPPETS], 0.3, (found, text) => {
        for (const f of found) {
          if (LOGGING_IDS.includes(f.rule)) seen.add(`${f.rule}${f.fix ? ' fix' : ''}`);
          if (f.rule === CONTEXT_ECHO_RULE.id) seen.add(`${f.rule} ${f.message.startsWith('binds') ? 'context' : 'call'}`);
        }
        bindingSets.add([...text.matchAll(/^[ \t]*([\w.]+)[ \t]*=[ \t]*([\w.]+)\(/gm)].filter((m) => /get_logger|getLogger|bind|new/.test(m[2])).map((m) => `${m[1]}=${m[2]}`).join(' '));
      });
    }
    assert.ok(total >= (LONG ? 3000 : 300), `only ${total} edits`);
    // Both rules reported, with and without fixes, and the module's bindings changed many times.
    assert.deepEqual([...seen].sort(), ['echo-call-in-context call', 'echo-call-in-context context', 'logging-fstring', 'logging-fstring fix', 'sync-log-in-async', 'sync-log-in-async fix']);
    assert.ok(bindingSets.size >= 10, `the bindings took only ${bindingSets.size} forms`);
  });

  it('stdlib-logging and threading-lock-in-async (matches checked one by one, imports and names as context, every match while an alias is imported): findings equal a fresh lint after every batch, as imports, aliases and bindings come and go', async () => {
    const { session, store } = await genkitStore(RULES);
    const names = MODULE_NAME_SNIPPETS.filter((t) => t.endsWith('\n')).join('');
    const starts = [`${names}\n${genModule(8, LONG ? 1000 : 120)}`, `import logging\nimport threading\n\n_lock = threading.Lock()\n\n\nclass C:\n    ${names.replace(/\n/g, '\n    ')}\n`];
    const seen = new Set<string>();
    const aliases = new Set<boolean>();
    let total = 0;
    for (const [i, start] of starts.entries()) {
      total += await fuzzOpenDocument(session, store, `/fuzz/names${i}.py`, start, prng(7000 + i), [names, ...pastes.slice(0, 2)], LONG ? 1500 : 150, [...MODULE_NAME_SNIPPETS, ...SNIPPETS], 0.3, (found, text) => {
        for (const f of found) if (f.rule === 'stdlib-logging' || f.rule === 'threading-lock-in-async') seen.add(f.rule);
        aliases.add(/^[ \t]*(import (logging|threading) as|from logging import getLogger|from threading import Lock)/m.test(text));
      });
    }
    assert.ok(total >= (LONG ? 3000 : 300), `only ${total} edits`);
    // Both rules reported, and modules with and without an alias import were typed in.
    assert.deepEqual([...seen].sort(), ['stdlib-logging', 'threading-lock-in-async']);
    assert.deepEqual([...aliases].sort(), [false, true]);
  });

  it('unexplained-suppression and a rule reading the comment before each comment (matches checked one by one, each with the one before): findings equal a fresh lint after every batch, as comments come and go', async () => {
    const { session, store } = await genkitStore([...RULES, PREVIOUS_ECHO_RULE]);
    const suppressions = SUPPRESSION_SNIPPETS.filter((t) => t.endsWith('\n')).join('');
    const starts = [`import os\n\n${suppressions}\n${genModule(8, LONG ? 1000 : 120)}`, `def f(y):\n    ${suppressions.replace(/\n/g, '\n    ')}\n`];
    const seen = new Set<string>();
    let total = 0;
    for (const [i, start] of starts.entries()) {
      total += await fuzzOpenDocument(session, store, `/fuzz/suppression${i}.py`, start, prng(6000 + i), [suppressions, ...pastes.slice(0, 2)], LONG ? 1500 : 150, [...SUPPRESSION_SNIPPETS, ...SNIPPETS], 0.4, (found) => {
        for (const f of found) {
          if (f.rule === 'unexplained-suppression') seen.add(`${f.rule} ${f.severity ?? ''}`.trim());
          if (f.rule === 'section-banner-comment') seen.add(f.rule);
          if (f.rule === PREVIOUS_ECHO_RULE.id) seen.add(`${f.rule} ${/right above$/.test(f.message) ? 'right above' : /apart$/.test(f.message) ? 'apart' : 'first'}`);
        }
      });
    }
    assert.ok(total >= (LONG ? 3000 : 300), `only ${total} edits`);
    assert.deepEqual([...seen].sort(), ['echo-comment-after apart', 'echo-comment-after first', 'echo-comment-after right above', 'section-banner-comment', 'unexplained-suppression info', 'unexplained-suppression warning']);
  });

  it('the stdio server: diagnostics after random didChange batches equal a fresh lint, and nothing is logged as an error', async function () {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-fuzz-'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "fuzz"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "genkit-plugins"\n');
    const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
    const session = await LintSession.create(new DiskFiles());
    try {
      const path = join(root, 'mod.py');
      const start = genModule(9, LONG ? 800 : 150);
      const uri = await lsp.open(path, start);
      await lsp.waitForDiagnostics(uri);
      const shape = (d: { range: unknown; code?: unknown; message: unknown }) => JSON.stringify([d.range, d.code, d.message]);
      const edits = await fuzz(prng(77), start, pastes, LONG ? 1500 : 120, async (changes, expected) => {
        await lsp.change(uri, changes);
        const want = session.lintText(path, expected.getText()).map((f) => shape({ range: f.range, code: f.rule, message: f.message }));
        // Equal at once, or, where tree-sitter's incremental tree of a broken text was off, once reconciled.
        const got = await lsp.waitForDiagnostics(uri, (ds) => JSON.stringify(ds.map(shape)) === JSON.stringify(want), 5000);
        assert.deepEqual(got.map(shape), want);
      });
      assert.ok(edits >= (LONG ? 3000 : 300));
      assert.deepEqual(lsp.logs.filter((l) => /error|uncaught|unhandled|failed/i.test(l)), []);
    } finally {
      await lsp.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
