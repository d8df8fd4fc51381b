import type { Node } from 'web-tree-sitter';
import type { TextIndex } from '../../engine/textIndex';
import type { Fix, PythonContext, PythonRule, RuleFinding } from '../../engine/types';
import { ruffLineLength } from '../../docstrings/tableOptions';
import { nodeRange } from '../../parsing/pythonSyntax';
import { isTestModule } from '../files/_testModules';

// `if <condition>: pytest.fail(...)` with nothing else in the body and no elif or else.
const QUERY = `(if_statement
  condition: (_) @condition
  consequence: (block (expression_statement (call function: (attribute object: (identifier) @module attribute: (identifier) @fail) arguments: (argument_list) @args)) @body)
  (#eq? @module "pytest") (#eq? @fail "fail")) @if`;

const FIX_TITLE = 'Rewrite as assert';

/** Comparison operators whose negation the language defines as the other one (`x is not y` is `not x is y`). */
const DEFINED_NEGATION: Record<string, string> = { is: 'is not', 'is not': 'is', in: 'not in', 'not in': 'in' };
/** Operators whose flip is only conventionally the negation: a class may define `__ne__` apart from `__eq__`. */
const CONVENTIONAL_NEGATION: Record<string, string> = { '==': '!=', '!=': '==' };

/** Expressions `not X` takes without parentheses and stays readable. */
const PRIMARY = new Set(['identifier', 'attribute', 'call', 'subscript', 'parenthesized_expression', 'await', 'string', 'integer', 'true', 'false', 'none', 'list', 'tuple', 'dictionary', 'set']);

interface Negation {
  text: string;
  /** Whether the negation is the condition's exact opposite in every program. */
  exact: boolean;
}

/** The text asserting the opposite of `condition`, written on the syntax tree. */
function negate(condition: Node, text: string): Negation | undefined {
  const src = (n: Node) => text.slice(n.startIndex, n.endIndex);
  // An assignment expression moves a binding into the assert; left alone.
  if (condition.descendantsOfType('named_expression').length > 0) return undefined;
  if (condition.type === 'not_operator') {
    const argument = condition.childForFieldName('argument');
    return argument ? { text: src(argument), exact: true } : undefined;
  }
  if (condition.type === 'comparison_operator') {
    const operators = condition.childrenForFieldName('operators');
    if (operators.length === 1 && operators[0]) {
      const op = operators[0];
      const name = src(op).replace(/\s+/g, ' ');
      const flipped = DEFINED_NEGATION[name] ?? CONVENTIONAL_NEGATION[name];
      if (flipped) return { text: text.slice(condition.startIndex, op.startIndex) + flipped + text.slice(op.endIndex, condition.endIndex), exact: name in DEFINED_NEGATION };
    }
    return { text: `not (${src(condition)})`, exact: true };
  }
  return { text: PRIMARY.has(condition.type) ? `not ${src(condition)}` : `not (${src(condition)})`, exact: true };
}

/** The failure message: `pytest.fail(msg)` or `pytest.fail(reason=msg)`; undefined when the call says more. */
function message(args: Node, text: string): { text?: string } | undefined {
  const named = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  if (named.length === 0) return {};
  if (named.length > 1) return undefined;
  const arg = named[0];
  if (arg.type === 'keyword_argument') {
    const name = arg.childForFieldName('name');
    const value = arg.childForFieldName('value');
    if (!name || !value || !['reason', 'msg'].includes(text.slice(name.startIndex, name.endIndex))) return undefined;
    return { text: text.slice(value.startIndex, value.endIndex) };
  }
  if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return undefined;
  return { text: text.slice(arg.startIndex, arg.endIndex) };
}

/**
 * Whether an `assert` raising AssertionError where `pytest.fail` raised `Failed` (a BaseException)
 * fails the test just the same: the `if` stands in a pytest test function, and no `try` or `with`
 * between them could catch or swallow one and not the other.
 */
function failsTheSameWay(ifNode: Node): boolean {
  for (let n = ifNode.parent; n; n = n.parent) {
    if (n.type === 'try_statement' || n.type === 'with_statement' || n.type === 'lambda') return false;
    if (n.type === 'function_definition') {
      const name = n.childForFieldName('name');
      return !!name && name.text.startsWith('test');
    }
  }
  return false;
}

/** The assert statement replacing `ifNode`, and whether the replacement is safe; undefined when there is none. */
function rewriteOf(ifNode: Node, condition: Node, args: Node, index: TextIndex, lineLength: number | undefined): { newText: string; safe: boolean } | undefined {
  if (ifNode.childForFieldName('alternative')) return undefined;
  const block = ifNode.childForFieldName('consequence');
  // A comment in the statement would be lost.
  if (!block || block.namedChildCount !== 1 || ifNode.descendantsOfType('comment').length > 0) return undefined;
  if (!failsTheSameWay(ifNode)) return undefined;
  const msg = message(args, index.text);
  const negation = negate(condition, index.text);
  if (!msg || !negation) return undefined;
  const { start, end } = nodeRange(ifNode);
  const indent = index.lineText(start.line).slice(0, start.character);
  // Ruff's line length where the project sets one; else no line longer than the statement's own (or 79).
  let width = lineLength ?? 79;
  if (lineLength === undefined) for (let line = start.line; line <= end.line; line++) width = Math.max(width, index.lineText(line).length);
  const newText = assertText(negation.text, msg.text, indent, width);
  return newText === undefined ? undefined : { newText, safe: negation.exact };
}

/** The assert statement on one line, or with the message wrapped in parentheses, within `width`. */
function assertText(negation: string, message: string | undefined, indent: string, width: number): string | undefined {
  const head = `assert ${negation}`;
  const fits = (candidate: string) => (indent + candidate).split('\n').every((l) => l.length <= width);
  if (message === undefined) return fits(head) ? head : undefined;
  const oneLine = `${head}, ${message}`;
  if (fits(oneLine)) return oneLine;
  const wrapped = `${head}, (\n${indent}    ${message}\n${indent})`;
  return fits(wrapped) ? wrapped : undefined;
}

function ifAt(ctx: PythonContext, range: RuleFinding['range']): Node | undefined {
  const start = ctx.index.offsetAt(range.start);
  const end = ctx.index.offsetAt(range.end);
  for (let n: Node | null = ctx.tree.rootNode.descendantForIndex(start, end); n; n = n.parent) {
    if (n.type === 'if_statement' && n.startIndex === start && n.endIndex === end) return n;
    if (n.startIndex < start || n.endIndex > end) break;
  }
  return undefined;
}

export const pytestFailInIf: PythonRule = {
  id: 'pytest-fail-in-if',
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Testing Best Practices: use `assert` over `if/pytest.fail`',
  summary: '`if <condition>: pytest.fail(...)` in a test module instead of `assert`',
  reads: { query: QUERY, scope: 'each' },
  check({ matches, file, index, workspace }) {
    if (!isTestModule(file)) return [];
    const lineLength = ruffLineLength(workspace);
    const findings: RuleFinding[] = [];
    for (const { node, captures } of matches) {
      if (node.childForFieldName('alternative')) continue;
      const block = node.childForFieldName('consequence');
      if (!block || block.namedChildren.filter((c) => c?.type !== 'comment').length !== 1) continue;
      const rewrite = rewriteOf(node, captures.condition[0], captures.args[0], index, lineLength);
      findings.push({
        range: nodeRange(node),
        message: 'Use `assert <condition>, <message>` instead of `if ...: pytest.fail(...)`: pytest then shows the values that made it fail.',
        ...(rewrite && { deferredFix: { title: FIX_TITLE, safe: rewrite.safe } }),
      });
    }
    return findings;
  },
  fix(ctx, finding): Fix | undefined {
    const ifNode = ifAt(ctx, finding.range);
    const condition = ifNode?.childForFieldName('condition');
    const args = ifNode?.childForFieldName('consequence')?.namedChildren[0]?.namedChildren[0]?.childForFieldName('arguments');
    if (!ifNode || !condition || !args) return undefined;
    // pytest rewrites the asserts of test modules into `if`/`raise`, which `python -O` keeps; a
    // module that opts out keeps plain asserts, which `-O` removes.
    if (ctx.text.includes('PYTEST_DONT_REWRITE')) return undefined;
    const rewrite = rewriteOf(ifNode, condition, args, ctx.index, ruffLineLength(ctx.workspace));
    return rewrite && { title: FIX_TITLE, safe: rewrite.safe, changes: [{ type: 'edit', file: ctx.file, edits: [{ range: nodeRange(ifNode), newText: rewrite.newText }] }] };
  },
};
