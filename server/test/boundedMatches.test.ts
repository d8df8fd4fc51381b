// The syntax of a file with huge sibling runs (a one-line list literal of millions of items, a
// module of many statements) is matched without starting a query above such a run, and the matches
// are exactly those of one query over the whole tree.
import * as assert from 'node:assert/strict';
import { Query, type Node, type QueryMatch } from 'web-tree-sitter';
import { BoundedQuery, withoutPredicates } from '../src/parsing/boundedMatches';
import { PythonParser } from '../src/parsing/python';

const FACTS = '[(comment) (import_statement) (import_from_statement)] @node\n[(function_definition)] @node\n[(class_definition)] @node';
const GENERAL = [
  FACTS,
  '(call function: (identifier) @fn (#eq? @fn "f")) @call',
  '((identifier) @name (#match? @name "^m[0-9]+$"))',
  '((integer) @int (#eq? @int "37"))',
  '"," @comma',
  '(list (comment) @c) @l',
].join('\n');
const UNROOTED = FACTS + '\n((comment) @a . (function_definition) @b)';

const SHAPES: Record<string, string> = {
  flatList: 'x = [' + Array.from({ length: 400 }, (_, i) => (i % 37 === 0 ? `${i},  # item ${i}\n` : `${i}, `)).join('') + ']  # noqa\n',
  manyStatements: Array.from({ length: 120 }, (_, i) => (i % 5 === 0 ? `# c${i}\ndef f${i}():\n    import os  # c${i}\n    return f(os)\n` : `x${i} = ${i}  # v${i}\n`)).join(''),
  nested: 'class A:\n' + Array.from({ length: 60 }, (_, i) => `    def m${i}(self):\n        # m${i}\n        from a import b\n        return [${'1, '.repeat(i)}]\n`).join(''),
  deepCalls: 'y = ' + 'f('.repeat(300) + 'x  # deep\n' + ')'.repeat(300) + '\n# after\ndef g():\n    pass\n',
  broken: 'def f(:\n    x = [1, 2\n# c\nclass :\n' + 'import os\n'.repeat(50),
};

const key = (m: QueryMatch) => `${m.patternIndex}:` + m.captures.map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}:${c.node.type}`).join(',');
const keys = (ms: QueryMatch[]) => ms.map(key).sort();

describe('bounded query matches', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await PythonParser.create();
  });

  /** A bounded query whose query records where each run starts: subtree size and start-depth limit. */
  function watched(source: string): { bounded: BoundedQuery; plain: Query; starts: Array<{ nodes: number; maxStartDepth?: number }> } {
    const plain = new Query(parser.language, source);
    const starts: Array<{ nodes: number; maxStartDepth?: number }> = [];
    const proxy = new Proxy(plain, {
      get(target, prop) {
        if (prop === 'matches') {
          return (node: Node, options?: { maxStartDepth?: number }) => {
            starts.push({ nodes: node.descendantCount, maxStartDepth: options?.maxStartDepth });
            return target.matches(node, options);
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { bounded: new BoundedQuery(proxy, parser.language, source), plain, starts };
  }

  for (const [name, text] of Object.entries(SHAPES)) {
    for (const [qname, source] of Object.entries({ facts: FACTS, general: GENERAL })) {
      it(`${name}, ${qname} query: the same matches as one query, none started above more than the limit`, () => {
        const tree = parser.parse(text);
        const w = watched(source);
        try {
          const whole = keys(w.plain.matches(tree.rootNode));
          assert.ok(whole.length >= 3, 'the shape has matches');
          for (const limit of [1, 7, 50, 400]) {
            w.starts.length = 0;
            assert.deepEqual(keys(w.bounded.matches(tree.rootNode, undefined, limit)), whole, `limit ${limit}`);
            const over = w.starts.filter((s) => s.nodes > limit && s.maxStartDepth !== 0);
            assert.deepEqual(over, [], `limit ${limit}`);
          }
        } finally {
          tree.delete();
        }
      });

      it(`${name}, ${qname} query: a range keeps what the query's own range keeps`, () => {
        const tree = parser.parse(text);
        const w = watched(source);
        try {
          let seed = 7;
          const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
          for (let i = 0; i < 30; i++) {
            const a = rand(text.length);
            const b = Math.min(text.length, a + 1 + rand(Math.floor(text.length / 4)));
            const expected = keys(w.plain.matches(tree.rootNode, { startIndex: a * 2, endIndex: b * 2 }));
            // Limits below the range's length, so the tree is split rather than queried with the range.
            for (const limit of [1, b - a - 1].filter((l) => l >= 1 && l < b - a)) {
              assert.deepEqual(keys(w.bounded.matches(tree.rootNode, { startIndex: a, endIndex: b }, limit)), expected, `[${a}, ${b}) limit ${limit}`);
            }
          }
        } finally {
          tree.delete();
        }
      });
    }
  }

  it('a query with a sibling sequence (no single root) runs whole, so it still finds those matches', () => {
    const tree = parser.parse(SHAPES.manyStatements);
    const w = watched(UNROOTED);
    try {
      const found = w.bounded.matches(tree.rootNode, undefined, 1);
      assert.deepEqual(keys(found), keys(w.plain.matches(tree.rootNode)));
      assert.ok(found.some((m) => m.captures.length === 2));
      assert.deepEqual(w.starts, [{ nodes: tree.rootNode.descendantCount, maxStartDepth: undefined }]);
    } finally {
      tree.delete();
    }
  });

  it('a list of 200,000 items is split at the default limit, and its leaves are not queried one by one', () => {
    const tree = parser.parse('x = [' + '1, '.repeat(200_000) + ']  # noqa\n');
    const w = watched(FACTS);
    try {
      const found = w.bounded.matches(tree.rootNode);
      assert.deepEqual(found.map((m) => m.captures.map((c) => c.node.text)), [['# noqa']]);
      assert.ok(tree.rootNode.descendantCount > 400_000);
      assert.deepEqual(w.starts.filter((s) => s.nodes > 50_000 && s.maxStartDepth !== 0), []);
      // The list's own match run, the assignment's, ...: a handful, not one per item.
      assert.ok(w.starts.length < 20, `${w.starts.length} queries`);
    } finally {
      tree.delete();
    }
  });

  it('predicates are removed from a query source, strings and comments kept intact', () => {
    assert.equal(withoutPredicates('(call) @c (#eq? @c "a)(#b")\n; (#x) comment\n"(#" @s ((x) @y (#match? @y "\\")"))'), '(call) @c \n\n"(#" @s ((x) @y )');
  });
});
