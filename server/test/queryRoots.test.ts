// Every pattern of the combined query captures its root node (a reserved capture no rule sees), so
// each fact knows the node its match hangs from; a pattern without a single root leaves the plan
// unrooted.
import * as assert from 'node:assert/strict';
import { rootCaptured } from '../src/parsing/queryRoots';

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
});
