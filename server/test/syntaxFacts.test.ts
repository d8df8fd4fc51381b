// What a keystroke re-queries: every pattern of the combined query captures its root node, so the
// facts of the statement an edit touched and those hanging from its ancestors are all a sync
// re-derives; a plan with a pattern that has no single root re-queries whole top-level statements.
import * as assert from 'node:assert/strict';
import { Query, type Tree } from 'web-tree-sitter';
import { FACT_CHANNELS } from '../src/parsing/pythonSyntax';
import { PythonParser, toEdit } from '../src/parsing/python';
import { IncrementalSyntax } from '../src/parsing/syntaxFacts';
import { kindsQuery, SyntaxPlan, type ChannelSpec, type Fact } from '../src/parsing/syntaxPlan';

/** A class of `methods` ten-line methods (the first one `__init__`), after an import line. */
function bigClass(methods: number): string {
  const body = Array.from({ length: methods }, (_, i) =>
    [
      `    def ${i === 0 ? '__init__' : `m${i}`}(self, x):`,
      `        # step ${i}`,
      `        a = f${i}(x)`,
      `        b = g${i}(a)`,
      `        if a:`,
      `            b = h${i}(b)`,
      `        c = [a, b]`,
      `        d = len(c)`,
      `        return d`,
      '',
    ].join('\n'),
  );
  return `import os\n\n\nclass Big:\n${body.join('\n')}\n\ndef after():\n    return os.sep\n`;
}

/** A document's facts driven as the editor drives them: edit the tree and the facts, re-parse, note the changed ranges, sync. */
class Driven {
  tree: Tree;
  readonly facts = new IncrementalSyntax();

  constructor(
    private readonly parser: PythonParser,
    readonly plan: SyntaxPlan,
    public text: string,
  ) {
    this.tree = parser.parse(text);
    this.facts.sync(this.tree, text, plan);
  }

  /** Replaces `length` characters at `offset` with `insert` and syncs; returns what the sync inserted, per channel, as `type line: text`. */
  replace(offset: number, length: number, insert: string): string[][] {
    const point = (t: string, o: number) => {
      const before = t.slice(0, o).split('\n');
      return { row: before.length - 1, column: before[before.length - 1].length };
    };
    const next = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    const edit = toEdit({ startOffset: offset, endOffset: offset + length, newLength: insert.length, start: point(this.text, offset), end: point(this.text, offset + length), newEnd: point(next, offset + insert.length) });
    this.tree.edit(edit);
    this.facts.edit(edit);
    const old = this.tree;
    this.tree = this.parser.parse(next, old);
    this.facts.changed(old.getChangedRanges(this.tree));
    old.delete();
    this.text = next;
    this.facts.sync(this.tree, next, this.plan);
    return this.plan.channels.map((_, channel) => (this.facts.added(channel) ?? []).map((f) => this.show(f)));
  }

  insert(offset: number, insert: string): string[][] {
    return this.replace(offset, 0, insert);
  }

  show(f: Fact): string {
    return `${f.type} ${f.startRow}: ${this.text.slice(f.start, f.end).split('\n')[0]}`;
  }

  /** Every fact of the channel inside lines [from, to]. */
  within(channel: number, from: number, to: number): string[] {
    return this.facts.snapshot()![channel].filter((f) => f.startRow >= from && f.endRow <= to).map((f) => this.show(f));
  }

  /** The facts equal a fresh collection's. */
  fresh(): void {
    const again = new IncrementalSyntax();
    again.sync(this.tree, this.text, this.plan);
    assert.deepEqual(this.facts.snapshot(), again.snapshot());
  }
}

describe('what a sync re-queries after a keystroke', function () {
  this.timeout(20_000);
  const INIT = '(class_definition name: (identifier) @name body: (block (function_definition name: (identifier) @init (#eq? @init "__init__")) @def))';
  const CHANNELS: ChannelSpec[] = [FACT_CHANNELS.comments, FACT_CHANNELS.functions, FACT_CHANNELS.classes, { source: kindsQuery(['call']) }, { source: INIT }];
  const text = bigClass(10);
  // Line 3 is `class Big:`; method k starts at line 4 + 10k; its `b = g(a)` line is 4 + 10k + 3.
  const m5 = 4 + 50;
  const letterAt = (t: string) => t.split('\n').slice(0, m5 + 3).join('\n').length + 1 + '        b = g5'.length;

  it('a letter typed in a method: the facts of its statement and those of the method, the class and the module that hang from them', async () => {
    const parser = await PythonParser.create();
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), text);
    assert.equal(doc.plan.rooted, true);
    const inserted = doc.insert(letterAt(text), 'x');
    assert.equal(doc.facts.lastSync, 'statements');
    assert.deepEqual(inserted, [
      [],
      ['function_definition 54: def m5(self, x):'],
      ['class_definition 3: class Big:'],
      ['call 57: g5x(a)'],
      ['function_definition 4: def __init__(self, x):'],
    ]);
    doc.fresh();
  });

  it('asks tree-sitter for the matches hanging from an ancestor only where some pattern can hang from its type', async () => {
    const parser = await PythonParser.create();
    const asked: string[] = [];
    const matches = Query.prototype.matches;
    Query.prototype.matches = function (this: Query, node, options) {
      if (options?.maxStartDepth === 0) asked.push(node.type);
      return matches.call(this, node, options);
    };
    try {
      // No pattern hangs from a module or a block: of the method's ancestors, the class and the method are asked.
      const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), text);
      asked.length = 0;
      doc.insert(letterAt(text), 'x');
      assert.deepEqual([...new Set(asked)].sort(), ['class_definition', 'function_definition']);
      doc.fresh();
      // A pattern hanging from the module: the module is asked again, and its match follows the edits.
      const VERSION = '(module (expression_statement (assignment left: (identifier) @n (#eq? @n "VERSION"))) @s)';
      const withModule = new Driven(parser, SyntaxPlan.for(parser.language, [...CHANNELS, { source: VERSION }]), text);
      asked.length = 0;
      withModule.insert(letterAt(text), 'x');
      assert.deepEqual([...new Set(asked)].sort(), ['class_definition', 'function_definition', 'module']);
      withModule.fresh();
      assert.deepEqual(withModule.insert('import os\n'.length, 'VERSION = 1\n')[5], ['expression_statement 1: VERSION = 1']);
      withModule.fresh();
    } finally {
      Query.prototype.matches = matches;
    }
  });

  it('the same keystroke with a plan that has a pattern without a single root: everything is collected afresh', async () => {
    const parser = await PythonParser.create();
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, [...CHANNELS, { source: '((comment) @a . (function_definition) @b)' }]), text);
    assert.equal(doc.plan.rooted, false);
    doc.insert(letterAt(text), 'x');
    assert.equal(doc.facts.lastSync, 'all');
    // Nothing inserted on its own: every fact is new to the rules.
    assert.ok(doc.plan.channels.every((_, channel) => doc.facts.added(channel) === undefined));
    doc.fresh();
  });

  it('the whole class is what the same keystroke re-queries where the tree has errors', async () => {
    const parser = await PythonParser.create();
    const broken = `${text}\ndef broken(:\n    pass\n`;
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), broken);
    const inserted = doc.insert(letterAt(broken), 'x');
    assert.equal(doc.facts.lastSync, 'top-level');
    const classLines: [number, number] = [3, 3 + 10 * 10];
    assert.deepEqual(
      inserted.slice(0, 4),
      [0, 1, 2, 3].map((channel) => doc.within(channel, ...classLines)),
    );
    // Every call of the class's ten methods.
    assert.equal(inserted[3].length, 40);
    doc.fresh();
  });

  it('renaming a method to `__init__` and back adds and removes the match that hangs from the class', async () => {
    const parser = await PythonParser.create();
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), text.replace('def __init__', 'def setup'));
    assert.deepEqual(doc.facts.snapshot()![4], []);
    const at = doc.text.indexOf('def m7') + 'def '.length;
    assert.deepEqual(doc.replace(at, 'm7'.length, '__init__')[4], ['function_definition 74: def __init__(self, x):']);
    doc.fresh();
    assert.deepEqual(doc.replace(at, '__init__'.length, 'm7')[4], []);
    assert.deepEqual(doc.facts.snapshot()![4], []);
    doc.fresh();
  });

  it('Enter at the end of a method, then a statement typed in the class between two methods: only that statement and the nodes holding it', async () => {
    const parser = await PythonParser.create();
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), text);
    // The end of m5's `return d` line (line 62).
    const end = doc.text.split('\n').slice(0, 63).join('\n').length;
    const enter = doc.insert(end, '\n    ');
    assert.equal(doc.facts.lastSync, 'statements');
    assert.deepEqual(enter, [[], ['function_definition 54: def m5(self, x):'], ['class_definition 3: class Big:'], [], ['function_definition 4: def __init__(self, x):']]);
    doc.fresh();
    const typed = doc.insert(end + 5, 'log(m5)');
    assert.deepEqual(typed, [[], [], ['class_definition 3: class Big:'], ['call 63: log(m5)'], ['function_definition 4: def __init__(self, x):']]);
    doc.fresh();
  });

  it('text typed before the first statement moves where the module starts: the matches hanging from it are not kept twice (the long fuzz found it)', async () => {
    const parser = await PythonParser.create();
    const plan = SyntaxPlan.for(parser.language, [{ source: '(module (expression_statement (assignment left: (identifier) @name)) @statement)' }, { source: kindsQuery(['module']) }]);
    for (const typed of ['f', '(']) {
      const doc = new Driven(parser, plan, '\n\n__all__ = ["a"]\n');
      assert.equal(doc.tree.rootNode.startIndex, 2);
      doc.insert(0, typed);
      assert.equal(doc.facts.lastSync, typed === 'f' ? 'statements' : 'top-level');
      // One module, and (where the text still parses) one `__all__` match.
      assert.deepEqual(doc.facts.snapshot()!.map((list) => list.length), [typed === 'f' ? 1 : 0, 1]);
      doc.fresh();
    }
  });

  it('a dedent that moves a statement out of its method re-derives the method it left', async () => {
    const parser = await PythonParser.create();
    const doc = new Driven(parser, SyntaxPlan.for(parser.language, CHANNELS), text);
    // m5's `return d` (line 62) dedented to the class's level: m5 ends a line earlier.
    const at = doc.text.split('\n').slice(0, 62).join('\n').length + 1;
    doc.replace(at, 4, '');
    assert.equal(doc.facts.lastSync, 'statements');
    assert.deepEqual(doc.facts.added(1)!.map((f) => doc.show(f)), ['function_definition 54: def m5(self, x):']);
    assert.equal(doc.text.split('\n')[62], '    return d');
    doc.fresh();
  });
});
