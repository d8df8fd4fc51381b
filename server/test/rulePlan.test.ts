// The rules' syntax declarations become one combined query. tree-sitter analyses the grammar once
// per compiled query, so a process compiles that one query alone when every declaration is valid,
// and compiles declarations one by one only to name the broken ones.
import * as assert from 'node:assert/strict';
import { rulePlan } from '../src/engine/rulePlan';
import type { PythonRule } from '../src/engine/types';
import { PythonParser } from '../src/parsing/python';
import { queryCompilations } from '../src/parsing/syntaxPlan';

const rule = (id: string, query: string): PythonRule => ({ id, kind: 'python', defaultSeverity: 'warning', guideline: 'test', summary: id, reads: { query, scope: 'module' }, check: () => [] });

describe('rule plan: compiling the rules’ queries', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await PythonParser.create();
  });

  it('compiles one query when every declaration is valid, and gives each rule its own matches', () => {
    const rules = [rule('calls', '(call function: (identifier) @fn) @call'), rule('strings', '((string) @s (#match? @s "x"))\n(integer) @i'), rule('defs', '(function_definition name: (identifier) @name) @def')];
    const before = queryCompilations();
    const plan = rulePlan(parser.language, rules);
    assert.equal(queryCompilations() - before, 1);
    assert.equal(plan.broken.size, 0);
    const tree = parser.parse('def f():\n    return g("x", 3)\n');
    try {
      const matches = plan.plan.matches(tree);
      const of = (r: PythonRule) => matches[plan.channelOf.get(r)!].map((m) => `${m.type}@${m.startRow}:${m.startCol}`);
      assert.deepEqual(of(rules[0]), ['call@1:11']);
      assert.deepEqual(of(rules[1]), ['string@1:13', 'integer@1:18']);
      assert.deepEqual(of(rules[2]), ['function_definition@0:0']);
      assert.deepEqual(matches[plan.comments], []);
    } finally {
      tree.delete();
    }
  });

  // Each case: the broken declaration, the one after it, and the rules named broken.
  const brokenCases: [string, string, string, string[]][] = [
    ['does not compile', '(call function: (identifier) @fn', '(identifier) @x', ['bad']],
    ['holds no pattern', '; only a comment', '(identifier) @x', ['bad']],
    // Joined, the two would read as one valid pattern; each alone does not compile.
    ['does not close, and the next closes it', '((identifier) @a', '(identifier) @x)', ['bad', 'after']],
  ];
  for (const [what, bad, after, named] of brokenCases) {
    it(`a declaration that ${what}: named broken; the others run`, () => {
      const rules = [rule('before', '(call) @c'), rule('bad', bad), rule('after', after)];
      const plan = rulePlan(parser.language, rules);
      assert.deepEqual([...plan.broken.keys()].map((r) => r.id), named);
      const tree = parser.parse('f(y)\n');
      try {
        const matches = plan.plan.matches(tree);
        assert.deepEqual(matches[plan.channelOf.get(rules[0])!].map((m) => m.type), ['call']);
        if (!named.includes('after')) assert.deepEqual(matches[plan.channelOf.get(rules[2])!].map((m) => `${m.type}@${m.startCol}`), ['identifier@0', 'identifier@2']);
      } finally {
        tree.delete();
      }
    });
  }
});
