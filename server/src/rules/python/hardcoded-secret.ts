import { basename, dirname, sep } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { PythonRule, RuleFinding } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { isTestModule } from '../files/_testModules';

// The old `bin/check_consistency` check 13, on the syntax tree: a credential's shape in a string
// literal, and a long literal given to a name like `api_key` (assignment, keyword argument,
// parameter default, dict key). Comments are not strings; docstrings and other bare string
// statements are documentation.
const KEY_PREFIXES = 'sk-|AIza|ghp_|AKIA';
const QUERY = `
[
  (assignment left: (_) @name right: (string) @value)
  (keyword_argument name: (identifier) @name value: (string) @value)
  (default_parameter name: (identifier) @name value: (string) @value)
  (typed_default_parameter name: (identifier) @name value: (string) @value)
  (pair key: (string) @name value: (string) @value)
] @binding
((string) @literal (#match? @literal "${KEY_PREFIXES}"))`;

/** Credential shapes: the old check's four, with OpenAI's and Anthropic's newer key forms. */
const KEY_SHAPES: readonly { kind: string; pattern: RegExp; prefix: string }[] = [
  { kind: 'an OpenAI or Anthropic API key', pattern: /(?<![\w-])sk-(?:(?:proj|ant|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20,})/, prefix: 'sk-' },
  { kind: 'a Google API key', pattern: /(?<![\w-])AIza[A-Za-z0-9_-]{35}/, prefix: 'AIza' },
  { kind: 'a GitHub personal access token', pattern: /(?<![\w-])ghp_[A-Za-z0-9]{36}/, prefix: 'ghp_' },
  { kind: 'an AWS access key id', pattern: /(?<![A-Za-z0-9])AKIA[0-9A-Z]{16}(?![A-Za-z0-9])/, prefix: 'AKIA' },
];

/** A name that holds a credential, as the old check's `(api_key|apikey|secret|password|token)\s*=`: at its end. */
const SECRET_NAME = /(?:api_?key|secret|password|token)$/i;
/**
 * A word every name that SECRET_NAME accepts holds. The bindings whose name is an identifier or an
 * attribute hold their name's text as it is, so one whose text holds none of these cannot match:
 * it is passed over before its nodes are looked up (most of this rule's cost on a keystroke).
 */
const SECRET_WORD = /api_?key|secret|password|token/i;
const NAMED_AS_WRITTEN = new Set(['assignment', 'keyword_argument', 'default_parameter', 'typed_default_parameter']);
/** A value the old check took for a credential: one run of 20 or more of these characters. */
const SECRET_VALUE = /^[A-Za-z0-9_-]{20,}$/;
/** Words that mark a value as made up (the old check skipped lines with the first four). */
const PLACEHOLDER = /mock|fake|dummy|example|sample|placeholder|your|xxxx|changeme|redacted|test/i;

/** A made-up value: a placeholder word, or few distinct characters (`sk-xxxxxxxx…`). */
function madeUp(body: string): boolean {
  return PLACEHOLDER.test(body) || new Set(body).size < 6;
}

/** A value that names something rather than being a secret: an environment variable's name, or words. */
function isName(value: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[_-][a-z]+)*$/.test(value);
}

/** Test code the old check skipped: `tests/` and `test/` folders, test modules, `conftest.py`. */
function isTestCode(file: string): boolean {
  const dirs = dirname(file).split(sep);
  return dirs.includes('tests') || dirs.includes('test') || isTestModule(file) || basename(file) === 'conftest.py';
}

/** A string statement on its own (a docstring, or a string used as a comment). */
function isDocumentation(string: Node): boolean {
  let n = string;
  while (n.parent?.type === 'concatenated_string') n = n.parent;
  return n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1;
}

/** The literal text of a string without interpolations, or undefined for an f-string with some. */
function plainContent(string: Node, text: string): string | undefined {
  if (string.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return string.namedChildren
    .filter((c): c is Node => c?.type === 'string_content')
    .map((c) => text.slice(c.startIndex, c.endIndex))
    .join('');
}

/** The name a binding gives its value: `x` of `self.x = ...`, the key of a dict pair. */
function boundName(name: Node, text: string): string | undefined {
  if (name.type === 'identifier') return text.slice(name.startIndex, name.endIndex);
  if (name.type === 'attribute') {
    const attr = name.childForFieldName('attribute');
    return attr ? text.slice(attr.startIndex, attr.endIndex) : undefined;
  }
  if (name.type === 'string') return plainContent(name, text);
  return undefined;
}

function keyShapeIn(content: string): (typeof KEY_SHAPES)[number] | undefined {
  return KEY_SHAPES.find((shape) => {
    const m = shape.pattern.exec(content);
    return m && !madeUp(m[0].slice(shape.prefix.length));
  });
}

export const hardcodedSecret: PythonRule = {
  id: 'hardcoded-secret',
  kind: 'python',
  defaultSeverity: 'error',
  guideline: 'Code Quality & Linting › Consistency checks: Hardcoded secrets ("No API keys in source code")',
  summary: 'an API key, token or password written into the source',
  ruffTwin: 'S105',
  reads: { query: QUERY, scope: 'each' },
  check({ matches, file, text }) {
    if (isTestCode(file)) return [];
    const findings: RuleFinding[] = [];
    for (const match of matches) {
      if (NAMED_AS_WRITTEN.has(match.type) && !SECRET_WORD.test(text.slice(match.start, match.end))) continue;
      const { captures } = match;
      const literal = captures.literal?.[0];
      if (literal) {
        if (isDocumentation(literal)) continue;
        const content = plainContent(literal, text) ?? text.slice(literal.startIndex, literal.endIndex);
        const shape = keyShapeIn(content);
        if (shape) {
          findings.push({
            range: nodeRange(literal),
            message: `This string holds what looks like ${shape.kind} (\`${shape.prefix}...\`): read it from the environment or a secret manager, and revoke the key if it was ever committed.`,
          });
        }
        continue;
      }
      const value = captures.value?.[0];
      const nameNode = captures.name?.[0];
      if (!value || !nameNode) continue;
      const name = boundName(nameNode, text);
      const content = plainContent(value, text);
      if (!name || content === undefined || !SECRET_NAME.test(name) || !SECRET_VALUE.test(content)) continue;
      // A credential's shape is reported on the string itself, above.
      if (madeUp(content) || isName(content) || PLACEHOLDER.test(name) || KEY_SHAPES.some((s) => s.pattern.test(content))) continue;
      findings.push({
        range: nodeRange(value),
        message: `\`${name}\` is given a literal that looks like a credential: read it from the environment or a secret manager instead.`,
        severity: 'warning',
      });
    }
    return findings;
  },
};
