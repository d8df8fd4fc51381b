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

export const functionName: PythonRule = {
  id: ID,
  options: IGNORE_NAMES_OPTION,
  kind: 'python',
  // Not `each`: whether `visit_Name` is allowed depends on the module's imports and other classes.
  reads: { kinds: ['function_definition'], scope: 'module' },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Typing & Style',
  summary: 'a function or method name that is not snake_case',
  ruffTwin: 'N802',
  check({ matches, syntax, config, text }) {
    const findings: RuleFinding[] = [];
    const ignored = ignoredNames(config, ID);
    const bases = new ClassBases(syntax);
    for (const match of matches) {
      const name = definitionNameOf(match, text);
      if (!name || isSnakeCase(name.text) || TEST_FRAMEWORK_NAMES.has(name.text) || ignored(name.text)) continue;
      const fn = match.node;
      if (decoratorNames(fn).some((d) => SIGNATURE_DECORATOR.test(d))) continue;
      const callback = CALLBACK_METHODS.find((c) => name.text.startsWith(c.prefix));
      const cls = callback && methodClass(fn);
      if (cls && bases.derivesFrom(cls, callback.bases)) continue;
      findings.push({
        range: name.range,
        message: `Function name \`${name.text}\` is not snake_case: use lower-case words joined by underscores, e.g. \`${toSnakeCase(name.text)}\`.`,
      });
    }
    return findings;
  },
};
