// The syntax facts of a file with huge sibling runs (a one-line list literal of millions of items, a
// module of many statements) are gathered without starting a query above such a run, and they are
// exactly what one query over the whole tree returns.
import * as assert from 'node:assert/strict';
import { Query, type Node, type QueryCapture } from 'web-tree-sitter';
import { boundedCaptures } from '../src/parsing/boundedCaptures';
import { PythonParser } from '../src/parsing/python';

const CAPTURE_OF = new Map([
  ['comment', 'comments'],
  ['import_statement', 'imports'],
  ['import_from_statement', 'imports'],
  ['function_definition', 'functions'],
  ['class_definition', 'classes'],
]);

const SHAPES: Record<string, string> = {
  flatList: 'x = [' + Array.from({ length: 400 }, (_, i) => (i % 37 === 0 ? `${i},  # item ${i}\n` : `${i}, `)).join('') + ']  # noqa\n',
  manyStatements: Array.from({ length: 120 }, (_, i) => (i % 5 === 0 ? `def f${i}():\n    import os  # c${i}\n    return os\n` : `x${i} = ${i}  # v${i}\n`)).join(''),
  nested: 'class A:\n' + Array.from({ length: 60 }, (_, i) => `    def m${i}(self):\n        # m${i}\n        from a import b\n        return [${'1, '.repeat(i)}]\n`).join(''),
  deepCalls: 'y = ' + 'f('.repeat(300) + 'x  # deep\n' + ')'.repeat(300) + '\n# after\ndef g():\n    pass\n',
};

const key = (c: QueryCapture) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}:${c.node.type}`;

describe('bounded fact captures', () => {
  let parser: PythonParser;
  let query: Query;
  before(async () => {
    parser = await PythonParser.create();
    query = new Query(parser.language, [...CAPTURE_OF].map(([type, name]) => `(${type}) @${name}`).join('\n'));
  });

  /** The query, watched: every node a query starts at, with the size of its subtree. */
  function watched(): { query: Query; roots: number[] } {
    const roots: number[] = [];
    const proxy = new Proxy(query, {
      get(target, prop) {
        if (prop === 'captures') return (node: Node, options?: object) => (roots.push(node.descendantCount), target.captures(node, options));
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { query: proxy, roots };
  }

  for (const [name, text] of Object.entries(SHAPES)) {
    it(`${name}: same captures as one query, and no query over more than the limit`, () => {
      const tree = parser.parse(text);
      try {
        const whole = query.captures(tree.rootNode).map(key);
        assert.ok(whole.length >= 3, 'the shape has facts');
        for (const limit of [1, 7, 50, 400]) {
          const w = watched();
          assert.deepEqual(boundedCaptures(w.query, CAPTURE_OF, tree.rootNode, undefined, limit).map(key), whole, `limit ${limit}`);
          assert.ok(w.roots.every((n) => n <= limit), `limit ${limit}: a query started over ${Math.max(...w.roots)} nodes`);
        }
      } finally {
        tree.delete();
      }
    });

    it(`${name}: a range keeps what the query's own range keeps`, () => {
      const tree = parser.parse(text);
      try {
        let seed = 7;
        const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
        for (let i = 0; i < 40; i++) {
          const a = rand(text.length);
          const b = Math.min(text.length, a + 1 + rand(Math.floor(text.length / 4)));
          const expected = query.captures(tree.rootNode, { startIndex: a * 2, endIndex: b * 2 }).map(key);
          // The range is larger than the limit, so the tree is split rather than queried with it.
          for (const limit of [1, b - a - 1].filter((l) => l >= 1 && l < b - a)) {
            assert.deepEqual(boundedCaptures(query, CAPTURE_OF, tree.rootNode, { startIndex: a, endIndex: b }, limit).map(key), expected, `[${a}, ${b}) limit ${limit}`);
          }
        }
      } finally {
        tree.delete();
      }
    });
  }

  it('a list of 200,000 items is split: every query starts below the default limit', () => {
    const tree = parser.parse('x = [' + '1, '.repeat(200_000) + ']  # noqa\n');
    try {
      const w = watched();
      const captures = boundedCaptures(w.query, CAPTURE_OF, tree.rootNode);
      assert.deepEqual(captures.map((c) => [c.name, c.node.text]), [['comments', '# noqa']]);
      assert.ok(tree.rootNode.descendantCount > 400_000);
      assert.ok(w.roots.every((n) => n <= 50_000), `a query started over ${Math.max(...w.roots)} nodes`);
    } finally {
      tree.delete();
    }
  });
});
