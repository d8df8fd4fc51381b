import { basename, join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { PythonContext, PythonRule, RuleFinding, TextEdit } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';

// `__all__ = [...]`, `__all__: list[str] = (...)` and `__all__ += [...]`; the check keeps those at
// module level. Rooted at the statement, not at the module: a pattern hanging from the module is
// looked for again on every edit, among all the module's statements.
const QUERY = `((expression_statement [
  (assignment left: (identifier) @name right: [(list) (tuple)] @names)
  (augmented_assignment left: (identifier) @name operator: "+=" right: [(list) (tuple)] @names)
] @binding) (#eq? @name "__all__"))`;

/** The `__all__` bindings written directly in the module, not in a function, class or block. */
function moduleLevel(ctx: PythonContext): PythonContext['matches'] {
  return ctx.matches.filter((m) => m.captures.binding[0].parent?.parent?.type === 'module');
}

/** How many lines of code (not the docstring, not comments) make a plugin's `__init__.py` worth an `__all__`: the old check's 5. */
const TRIVIAL_LINES = 5;

/** Python's order for `str`: by code point (so `Z` before `a`). */
function codePointOrder(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

interface Entry {
  node: Node;
  value: string;
}

/** The list's names in groups (own-line comments start a new one), or undefined when an element is not a plain string. */
function groupsOf(list: Node, text: string): { groups: Entry[][]; trailingComment: boolean } | undefined {
  const groups: Entry[][] = [[]];
  let trailingComment = false;
  for (const child of list.namedChildren) {
    if (!child) continue;
    if (child.type === 'comment') {
      const before = text.slice(text.lastIndexOf('\n', child.startIndex - 1) + 1, child.startIndex);
      if (before.trim() === '') {
        if (groups[groups.length - 1].length > 0) groups.push([]);
      } else trailingComment = true;
      continue;
    }
    if (child.type !== 'string' || child.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
    const value = child.namedChildren
      .filter((c): c is Node => c?.type === 'string_content' || c?.type === 'escape_sequence')
      .map((c) => text.slice(c.startIndex, c.endIndex))
      .join('');
    // An escape would need decoding to compare; such names do not occur.
    if (child.namedChildren.some((c) => c?.type === 'escape_sequence')) return undefined;
    groups[groups.length - 1].push({ node: child, value });
  }
  return { groups, trailingComment };
}

function checkOrder(ctx: PythonContext, list: Node): RuleFinding[] {
  const parsed = groupsOf(list, ctx.text);
  if (!parsed) return [];
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  let duplicates = false;
  for (const entry of parsed.groups.flat()) {
    if (seen.has(entry.value)) {
      duplicates = true;
      findings.push({ range: nodeRange(entry.node), message: `\`'${entry.value}'\` is listed in \`__all__\` more than once.` });
    }
    seen.add(entry.value);
  }
  const edits: TextEdit[] = [];
  let first: { entry: Entry; before: Entry } | undefined;
  for (const group of parsed.groups) {
    const sorted = [...group].sort((a, b) => codePointOrder(a.value, b.value));
    group.forEach((entry, i) => {
      if (sorted[i] !== entry) edits.push({ range: nodeRange(entry.node), newText: ctx.text.slice(sorted[i].node.startIndex, sorted[i].node.endIndex) });
      if (!first && i > 0 && codePointOrder(group[i - 1].value, entry.value) > 0) first = { entry: group[i - 1], before: entry };
    });
  }
  if (!first) return findings;
  const grouped = parsed.groups.length > 1 ? ' within each comment-separated group' : '';
  findings.push({
    range: nodeRange(list),
    message: `\`__all__\` is not in plain code-point order${grouped} (uppercase before lowercase, as the guidelines ask; Ruff's RUF022 sorts otherwise): \`'${first.before.value}'\` goes before \`'${first.entry.value}'\`.`,
    // Moving names between slots would move a comment on a name's line to another name.
    ...(!duplicates && !parsed.trailingComment && { fix: { title: 'Sort `__all__`', safe: true, changes: [{ type: 'edit', file: ctx.file, edits }] } }),
  });
  return findings;
}

/** How many lines the module's statements span, leaving out the docstring (and comments, which are no statements). */
function codeLines(root: Node): number {
  let lines = 0;
  root.namedChildren.forEach((s, i) => {
    if (!s || s.type === 'comment') return;
    if (i === 0 && s.type === 'expression_statement' && s.namedChildren[0]?.type === 'string') return;
    lines += s.endPosition.row - s.startPosition.row + 1;
  });
  return lines;
}

/**
 * Whether this file must define `__all__`, and how badly: the core package's `__init__.py` always
 * (an error in the old check), another package's or plugin's when it holds more than a few lines
 * of code (a warning there). Samples are applications, not APIs.
 */
function requiredHere(ctx: PythonContext): { core: boolean; name: string } | undefined {
  if (basename(ctx.file) !== '__init__.py') return undefined;
  const member = ctx.workspace.packageOf(ctx.file);
  if (!member || member.kind.kind === 'sample') return undefined;
  const pkg = ctx.workspace.packageFiles(member).modules.find((m) => join(m.dir, '__init__.py') === ctx.file);
  if (!pkg) return undefined;
  const core = ctx.workspace.corePackage?.dir === member.dir;
  if (!core && codeLines(ctx.tree.rootNode) <= TRIVIAL_LINES) return undefined;
  return { core, name: pkg.module };
}

export const dunderAll: PythonRule = {
  id: 'dunder-all',
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Consistency checks (`__all__` exports); Reviewer preferences (`__all__` sorted case-sensitively)',
  summary: "a package `__init__.py` without `__all__`, or an `__all__` that is not in code-point order or lists a name twice",
  // Module scope: whether `__all__` is missing depends on every statement of the module.
  reads: { query: QUERY, scope: 'module' },
  check(ctx) {
    const bindings = moduleLevel(ctx);
    const findings = bindings.flatMap((m) => checkOrder(ctx, m.captures.names[0]));
    const required = bindings.length === 0 ? requiredHere(ctx) : undefined;
    if (required) {
      findings.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: ctx.index.lineText(0).length } },
        message: required.core
          ? `The main package \`${required.name}\` defines no \`__all__\`: the guidelines want its public API listed, for IDE autocomplete and \`from ${required.name} import *\`.`
          : `\`${required.name}\` has more than ${TRIVIAL_LINES} lines of code but no \`__all__\`: list its public names, for IDE autocomplete.`,
        ...(required.core && { severity: 'error' as const }),
      });
    }
    return findings;
  },
};
