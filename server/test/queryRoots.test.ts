// Every pattern of the combined query captures its root node (a reserved capture no rule sees), so
// each fact knows the node its match hangs from; a pattern without a single root leaves the plan
// unrooted.
import * as assert from 'node:assert/strict';
import { PythonParser } from '../src/parsing/python';
import { ROOT_CAPTURE, rootCaptured, rootTypes } from '../src/parsing/queryRoots';
import { kindsQuery, SyntaxPlan } from '../src/parsing/syntaxPlan';

describe('the root node of each query pattern', () => {
  const rooted: Array<[string, string]> = [
    ['(call) @c', '(call) @c @pyguide.root'],
    ['(call)', '(call) @pyguide.root'],
    ['[ (a) (b) ] @x', '[ (a) (b) ] @x @pyguide.root'],
    ['((string) @s (#match? @s "x"))', '((string) @s @pyguide.root (#match? @s "x"))'],
    ['(module (expression_statement) @e)', '(module (expression_statement) @e) @pyguide.root'],
    ['(a) @x\n(b) @y @z', '(a) @x @pyguide.root\n(b) @y @z @pyguide.root'],
    ['((string) @s (#eq? @s "(;)\\" ]"))', '((string) @s @pyguide.root (#eq? @s "(;)\\" ]"))'],
    ['; a comment with ( and "\n(call) @c ; (another\n', '; a comment with ( and "\n(call) @c @pyguide.root ; (another\n'],
    ['"def" @kw', '"def" @kw @pyguide.root'],
    ['_ @any', '_ @any @pyguide.root'],
    ['(_ (identifier) @i) @n', '(_ (identifier) @i) @n @pyguide.root'],
    ['(class_definition name: (identifier) @finding body: (block (function_definition name: (identifier) @m (#eq? @m "__init__"))))', '(class_definition name: (identifier) @finding body: (block (function_definition name: (identifier) @m (#eq? @m "__init__")))) @pyguide.root'],
    ['(((call) @c))', '(((call) @c @pyguide.root))'],
    ['(block . (expression_statement) @first)', '(block . (expression_statement) @first) @pyguide.root'],
    ['((call)@c(#eq? @c "x"))', '((call)@c @pyguide.root(#eq? @c "x"))'],
  ];
  for (const [source, expected] of rooted) {
    it(`captures the root of ${JSON.stringify(source)}`, () => assert.equal(rootCaptured(source), expected));
  }
  const unrooted = ['((comment) (comment))', '((comment) @a . (function_definition) @b)', '(comment)+ @c', '(comment)* @c', '(comment)? @c', '((call) @c) @g', '((call) @c)+', '(#eq? @x "a")', '(call) @c (#eq? @c "x")', 'name: (identifier) @n', '(call) @pyguide.root', ''];
  for (const source of unrooted) {
    it(`names no single root in ${JSON.stringify(source)}`, () => assert.equal(rootCaptured(source), undefined));
  }

  const typed: Array<[string, string[] | undefined]> = [
    ['(call) @c', ['call']],
    ['[ (a) (b) ] @x', ['a', 'b']],
    ['((string) @s (#match? @s "x"))', ['string']],
    ['(module (expression_statement) @e)', ['module']],
    ['(a) @x\n(b) @y @z', ['a', 'b']],
    ['"def" @kw', ['def']],
    ['(((call) @c))', ['call']],
    ['[(call) [(string) (integer)]] @x', ['call', 'string', 'integer']],
    ['(block . (expression_statement) @first)', ['block']],
    ['_ @any', undefined],
    ['(_ (identifier) @i) @n', undefined],
    ['[(call) _] @x', undefined],
    ['(expression/identifier) @e', undefined],
    ['(MISSING identifier) @m', undefined],
    ['((comment) (comment))', undefined],
    ['(#eq? @x "a")', undefined],
  ];
  for (const [source, expected] of typed) {
    it(`reads the root types of ${JSON.stringify(source)}`, () => {
      const types = rootTypes(source);
      assert.deepEqual(types && [...types], expected);
    });
  }

  it('a plan is rooted when every channel is, and no rule sees the root capture', async () => {
    const parser = await PythonParser.create();
    const language = parser.language;
    const query = '(class_definition name: (identifier) @name body: (block (function_definition name: (identifier) @m (#eq? @m "__init__"))))';
    const plan = SyntaxPlan.for(language, [{ source: kindsQuery(['call']) }, { source: query }]);
    assert.equal(plan.rooted, true);
    assert.equal(SyntaxPlan.for(language, [{ source: kindsQuery(['call']) }, { source: '((comment) @a . (function_definition) @b)' }]).rooted, false);
    const tree = parser.parse('class Shape:\n    def __init__(self):\n        f(1)\n');
    try {
      const matches = plan.matches(tree);
      assert.deepEqual(matches.map((list) => list.map((m) => [m.type, Object.keys(m.captures).sort()])), [[['call', ['node']]], [['identifier', ['m', 'name']]]]);
      const facts = plan.facts(tree);
      // The class match reports `__init__` (its widest capture) and hangs from the class.
      assert.deepEqual(facts[1].map((f) => [f.name, f.type, f.start, f.others?.map((c) => c.name), f.root]), [['m', 'identifier', 21, ['name'], { start: 0, end: 49, type: 'class_definition' }]]);
      // A fact that is its own root stores none.
      assert.equal(facts[0][0].root, undefined);
      assert.ok(facts.flat().every((f) => f.name !== ROOT_CAPTURE && !f.others?.some((c) => c.name === ROOT_CAPTURE)));
    } finally {
      tree.delete();
    }
  });
});
