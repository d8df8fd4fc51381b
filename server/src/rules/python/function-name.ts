import { detached, readOncePerText } from '../../base/strings';
import type { PythonRule, RuleFinding } from '../../engine/types';
import { ClassBases, methodClass } from './_classBases';
import { IGNORE_NAMES_OPTION, decoratorNames, definitionNameOf, ignoredNames, toSnakeCase } from './_naming';

const ID = 'function-name';

/**
 * camelCase names that test frameworks call, so a test class must spell them their way: Ruff's
 * default ignore-names for N802 and the other overridable unittest.TestCase hooks.
 */
export const TEST_FRAMEWORK_NAMES: ReadonlySet<string> = new Set([
  'setUp',
  'tearDown',
  'setUpClass',
  'tearDownClass',
  'setUpModule',
  'tearDownModule',
  'asyncSetUp',
  'asyncTearDown',
  'setUpTestData',
  'failureException',
  'longMessage',
  'maxDiff',
  'addCleanup',
  'addClassCleanup',
  'addAsyncCleanup',
  'doCleanups',
  'doClassCleanups',
  'shortDescription',
  'defaultTestResult',
  'countTestCases',
]);

/** `@override` (from typing or typing_extensions) and `@overload` name what they must. */
const SIGNATURE_DECORATOR = /^(?:[\w.]+\.)?(?:override|overload)$/;

/**
 * Methods named by the library that calls them (Ruff's N802 exemptions): `visit_<NodeType>` on
 * `ast` visitors, `do_<VERB>` on the `http.server` request handlers.
 */
const CALLBACK_METHODS: readonly { prefix: string; bases: ReadonlySet<string> }[] = [
  { prefix: 'visit_', bases: new Set(['ast.NodeVisitor', 'ast.NodeTransformer']) },
  { prefix: 'do_', bases: new Set(['http.server.BaseHTTPRequestHandler', 'http.server.CGIHTTPRequestHandler', 'http.server.SimpleHTTPRequestHandler']) },
];

/** snake_case: no upper-case letter anywhere (digits and underscores, dunders included, are fine). */
export function isSnakeCase(name: string): boolean {
  return !/[\p{Uppercase}\p{Lt}]/u.test(name);
}

const code = (c: string) => c.charCodeAt(0);
const [SPACE, TAB, LF, VT, FF, CR, OPEN_PAREN, OPEN_BRACKET, COLON, BACKSLASH] = [' ', '\t', '\n', '\v', '\f', '\r', '(', '[', ':', '\\'].map(code);
const [LOWER_A, LOWER_Z, DIGIT_0, DIGIT_9, UNDERSCORE] = ['a', 'z', '0', '9', '_'].map(code);

/** `word` stands in `text` at `at`: the offset after it, or -1. */
function after(text: string, at: number, word: string): number {
  return text.startsWith(word, at) ? at + word.length : -1;
}

function afterBlanks(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  return i;
}

/**
 * Whether the `def` at `start` names its function in ASCII snake_case (lower-case letters, digits,
 * underscores, not starting with a digit), read from the text with no regex and no allocation: almost
 * every function of a module is, and the rule reads them all on every keystroke. False says only
 * "look closer" (any other name, `def` split over lines, half-typed code).
 */
export function namesSnakeCaseDef(text: string, start: number): boolean {
  let i = start;
  const afterAsync = after(text, i, 'async');
  if (afterAsync >= 0) {
    i = afterBlanks(text, afterAsync);
    if (i === afterAsync) return false;
  }
  const afterDef = after(text, i, 'def');
  if (afterDef < 0) return false;
  const name = afterBlanks(text, afterDef);
  if (name === afterDef) return false;
  const first = text.charCodeAt(name);
  if (first >= DIGIT_0 && first <= DIGIT_9) return false;
  let j = name;
  for (let c = text.charCodeAt(j); (c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9) || c === UNDERSCORE; c = text.charCodeAt(++j));
  if (j === name) return false;
  // What `definitionNameOf` requires after the name: whitespace, `(`, `[`, `:` or a line continuation.
  const next = text.charCodeAt(j);
  return next === SPACE || next === TAB || next === LF || next === VT || next === FF || next === CR || next === OPEN_PAREN || next === OPEN_BRACKET || next === COLON || next === BACKSLASH;
}

/**
 * The functions whose `def` does not read as `namesSnakeCaseDef` passes it (it also lets `\v`, `\f`
 * and a line continuation follow the name): only these can be reported, and the query's predicate
 * tests them when facts are collected, not on every keystroke.
 */
const CANDIDATES = '((function_definition) @node (#not-match? @node "^(async[ \\t]+)?def[ \\t]+[a-z_][a-z0-9_]*[ \\t\\n\\r([:]"))';

/** The finding's message for a name, made once per name (a keystroke reports the same names again). */
const messageOf = readOncePerText((name) => detached(`Function name \`${name}\` is not snake_case: use lower-case words joined by underscores, e.g. \`${toSnakeCase(name)}\`.`), 2_000);
/** How many names had their message made (not found among those kept): for tests. */
export const messageStats: { readonly reads: number } = messageOf;

export const functionName: PythonRule = {
  id: ID,
  options: IGNORE_NAMES_OPTION,
  kind: 'python',
  // Not `each`: whether `visit_Name` is allowed depends on the module's imports and other classes.
  // Facts are only the functions `namesSnakeCaseDef` might not pass (its test, a little narrower):
  // a keystroke reads a handful of candidates, not every function of the module.
  reads: { query: CANDIDATES, scope: 'module' },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Typing & Style',
  summary: 'a function or method name that is not snake_case',
  ruffTwin: 'N802',
  check({ matches, syntax, config, text }) {
    const findings: RuleFinding[] = [];
    const ignored = ignoredNames(config, ID);
    const bases = new ClassBases(syntax);
    for (const match of matches) {
      if (namesSnakeCaseDef(text, match.start)) continue;
      const name = definitionNameOf(match, text);
      if (!name || isSnakeCase(name.text) || TEST_FRAMEWORK_NAMES.has(name.text) || ignored(name.text)) continue;
      if (decoratorNames(match.node).some((d) => SIGNATURE_DECORATOR.test(d))) continue;
      const callback = CALLBACK_METHODS.find((c) => name.text.startsWith(c.prefix));
      const cls = callback && methodClass(match.node);
      if (cls && bases.derivesFrom(cls, callback.bases)) continue;
      findings.push({
        range: name.range,
        message: messageOf(name.text),
      });
    }
    return findings;
  },
};
