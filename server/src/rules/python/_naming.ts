// Shared by the naming rules: the `ignore-names` option, decorators, and the suggested spelling.
import type { Node } from 'web-tree-sitter';
import type { ResolvedConfig } from '../../engine/config';
import { globProblem, globToRegExp } from '../../engine/glob';

export { globToRegExp };
import type { Schema } from '../../engine/schema';
import { rangeAt } from '../../engine/textIndex';
import type { Range, SyntaxMatch } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';

/** The `ignore-names` option both naming rules declare. */
export const IGNORE_NAMES_OPTION: Readonly<Record<string, Schema>> = {
  'ignore-names': { type: 'array', items: { type: 'string', check: globProblem } },
};

const matchers = new WeakMap<object, (name: string) => boolean>();
const NOTHING = () => false;

/** The rule's `[tool.pyguide.rules.<id>] ignore-names = [...]` as a test; non-string entries are skipped. */
export function ignoredNames(config: ResolvedConfig, ruleId: string): (name: string) => boolean {
  const options = config.ruleOptions[ruleId];
  if (!options) return NOTHING;
  let matcher = matchers.get(options);
  if (!matcher) {
    const globs = Array.isArray(options['ignore-names']) ? options['ignore-names'].filter((g): g is string => typeof g === 'string') : [];
    const patterns = globs.map(globToRegExp);
    matcher = patterns.length === 0 ? NOTHING : (name) => patterns.some((p) => p.test(name));
    matchers.set(options, matcher);
  }
  return matcher;
}

/** The decorators of a def or class as written, without spaces: `typing.override`, `app.route("/")`. */
export function decoratorNames(definition: Node): string[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren
    .filter((c) => c.type === 'decorator')
    .map((d) => d.namedChildren.find((n) => n.type !== 'comment')?.text.replace(/\s+/g, '') ?? '');
}

// The name right after `def`/`class` on the definition's first line, when it is followed by what
// must follow it. Reading it from the text at the node's start is ten times faster than asking the
// tree for the field, and the naming rules read every definition of the file on every keystroke.
const IDENTIFIER = String.raw`([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{N}\p{Mn}\p{Mc}\p{Pc}]*)(?=[\s(\[:\\])`;
const DEF_NAME = new RegExp(String.raw`(?:async[ \t]+)?def[ \t]+` + IDENTIFIER, 'uy');
const CLASS_NAME = new RegExp(String.raw`class[ \t]+` + IDENTIFIER, 'uy');

export interface DefinitionName {
  text: string;
  range: Range;
}

/** The name of a def or class, unless the tree lacks it (half-typed code). */
export function definitionName(definition: Node, text: string): DefinitionName | undefined {
  const s = definition.startPosition;
  return definitionNameOf({ type: definition.type, start: definition.startIndex, startRow: s.row, startCol: s.column, node: definition }, text);
}

/**
 * The same for a match of a `def` or `class`: read from the text at its start, the tree asked
 * only when the text does not say (so a rule over every definition materializes almost none).
 */
export function definitionNameOf(definition: Pick<SyntaxMatch, 'type' | 'start' | 'startRow' | 'startCol' | 'node'>, text: string): DefinitionName | undefined {
  const pattern = definition.type === 'class_definition' ? CLASS_NAME : DEF_NAME;
  pattern.lastIndex = definition.start;
  const m = pattern.exec(text);
  if (m) {
    const start = definition.startCol + m[0].length - m[1].length;
    return { text: m[1], range: rangeAt(definition.startRow, start, start + m[1].length) };
  }
  const name = definition.node.childForFieldName('name');
  return name && !name.isMissing && name.text !== '' ? { text: name.text, range: nodeRange(name) } : undefined;
}

function splitUnderscores(name: string): { lead: string; core: string; trail: string } {
  const lead = /^_*/.exec(name)?.[0] ?? '';
  const trail = name.length > lead.length ? (/_*$/.exec(name)?.[0] ?? '') : '';
  return { lead, core: name.slice(lead.length, name.length - trail.length), trail };
}

/** `fooBar`, `HTTPServer` and `visit_Name` as snake_case, keeping leading and trailing underscores. */
export function toSnakeCase(name: string): string {
  const { lead, core, trail } = splitUnderscores(name);
  const words = core
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1_$2')
    .toLowerCase()
    .replace(/_+/g, '_');
  return lead + words + trail;
}

/** `foo_bar` and `fooBar` as CapWords, keeping leading underscores. */
export function toCapWords(name: string): string {
  const { lead, core, trail } = splitUnderscores(name);
  const words = (core + trail).split('_').filter(Boolean);
  return lead + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
