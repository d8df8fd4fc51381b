// What Python import statements bind and where they may move: shared by the rules that reason
// about imports (placement, guarded optional imports, duplicates at module level).
import type { Node } from 'web-tree-sitter';

export const IMPORT_TYPES: ReadonlySet<string> = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** One name an import binds. */
export interface ImportItem {
  /** Equal for equivalent imports: `import a.b as c`, `from .m import n` (spacing, parentheses and comments dropped). */
  key: string;
  /** The name bound in the importing scope; `*` for a wildcard import. */
  name: string;
  /** What the name is bound to: `import a.b` binds `a` to the package `a`, whatever follows the dot. */
  value: string;
}

/** A dotted or relative name without the spaces, comments and line continuations Python allows inside it. */
function compact(node: Node): string {
  return node.text.replace(/#[^\r\n]*|\\\r?\n|\\\r|\s+/g, '');
}

function aliasOf(node: Node): { target: string; alias: string } | undefined {
  const target = node.childForFieldName('name');
  const alias = node.childForFieldName('alias');
  return target && alias ? { target: compact(target), alias: compact(alias) } : undefined;
}

/** The names an import statement binds; empty for statements too broken to read. */
export function importItems(node: Node): ImportItem[] {
  const items: ImportItem[] = [];
  if (node.type === 'import_statement') {
    for (const n of node.childrenForFieldName('name')) {
      if (n.type === 'aliased_import') {
        const a = aliasOf(n);
        if (a) items.push({ key: `import ${a.target} as ${a.alias}`, name: a.alias, value: `module ${a.target}` });
      } else {
        const dotted = compact(n);
        const top = dotted.split('.')[0];
        items.push({ key: `import ${dotted}`, name: top, value: `module ${top}` });
      }
    }
    return items;
  }
  const moduleNode = node.type === 'future_import_statement' ? undefined : node.childForFieldName('module_name');
  const module = node.type === 'future_import_statement' ? '__future__' : moduleNode ? compact(moduleNode) : undefined;
  if (!module) return items;
  for (const n of node.children) {
    if (n.type === 'wildcard_import') items.push({ key: `from ${module} import *`, name: '*', value: `from ${module} *` });
  }
  for (const n of node.childrenForFieldName('name')) {
    if (n.type === 'aliased_import') {
      const a = aliasOf(n);
      if (a) items.push({ key: `from ${module} import ${a.target} as ${a.alias}`, name: a.alias, value: `from ${module} ${a.target}` });
    } else {
      const name = compact(n);
      items.push({ key: `from ${module} import ${name}`, name, value: `from ${module} ${name}` });
    }
  }
  return items;
}

const CATCHES_IMPORT_ERROR = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

/** Whether an `except` clause would catch a failed import (bare `except:` and base classes included). */
function catchesImportError(clause: Node): boolean {
  const caught = clause.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  if (!caught) return true;
  // `except ImportError as e` and `except (A, B)`: the names are the identifiers before any `as`.
  const types = caught.type === 'as_pattern' ? caught.namedChildren[0] : caught;
  if (!types) return false;
  const names = types.type === 'tuple' || types.type === 'parenthesized_expression' ? types.namedChildren : [types];
  return names.some((n) => CATCHES_IMPORT_ERROR.has(compact(n).split('.').pop() ?? ''));
}

export type ImportGuard = 'conditional' | 'optional';

/**
 * Why a statement only runs sometimes: under an `if`/`match` (`conditional`), or inside a `try`
 * (body or handler) whose handler catches ImportError (`optional`, the optional-dependency idiom).
 * Looks at every enclosing statement up to the module.
 */
export function importGuard(node: Node): ImportGuard | undefined {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    switch (p.type) {
      case 'if_statement':
      case 'match_statement':
        return 'conditional';
      case 'try_statement': {
        const guarded = child.type === 'block' || child.type === 'except_clause' || child.type === 'except_group_clause';
        if (guarded && p.namedChildren.some((c) => (c.type === 'except_clause' || c.type === 'except_group_clause') && catchesImportError(c))) {
          return 'optional';
        }
        break;
      }
    }
  }
  return undefined;
}

/** True for a module (or block) docstring: a statement that is only a string. */
export function isDocstring(node: Node): boolean {
  if (node.type !== 'expression_statement' || node.namedChildCount !== 1) return false;
  const t = node.namedChildren[0]?.type;
  return t === 'string' || t === 'concatenated_string';
}

/** Where the module's imports are, as the placement of a new top-level import needs them. */
export interface ModuleImportBlock {
  /** The last plain import of the leading import block (docstring, comments, imports). */
  lastImport?: Node;
  /** Without imports: the last of the license comments, module docstring and `__future__` imports. */
  header?: Node;
  /** An ERROR node before the end of the leading block: where imports go is not known for sure. */
  broken: boolean;
}

export function moduleImportBlock(root: Node): ModuleImportBlock {
  const block: ModuleImportBlock = { broken: false };
  // One child at a time: the leading block is short, and a big module has many children.
  let i = 0;
  let c = root.namedChild(0);
  const next = () => (c = root.namedChild(++i));
  // The first comments (shebang, encoding line, license), as long as they stand on consecutive lines.
  let row = c?.startPosition.row;
  while (c?.type === 'comment' && c.startPosition.row === row) {
    block.header = c;
    row = c.endPosition.row + 1;
    next();
  }
  if (c && isDocstring(c)) {
    block.header = c;
    next();
  }
  for (; c; next()) {
    if (c.type === 'comment') continue;
    if (c.type === 'future_import_statement') {
      if (!block.lastImport) block.header = c;
    } else if (c.type === 'import_statement' || c.type === 'import_from_statement') {
      block.lastImport = c;
    } else {
      block.broken = c.type === 'ERROR' || c.isMissing;
      break;
    }
  }
  return block;
}

/**
 * Query patterns capturing, as `@<capture>`, each identifier `name` where a statement binds it as
 * scopeBindings reads bindings (imports, def and class names, assignment, `for`, `with ... as`,
 * `except ... as` targets; the holders of a target at any depth), and a few more (an identifier in
 * any tuple, list or parentheses). Parameters, lambdas and comprehensions are left out: what they
 * bind is read only inside the statement that holds them, which an edit of them touches. A rule
 * that takes these as context (SyntaxNeed.context) learns of every edit that may rebind `name`
 * in another statement, for far fewer raw matches than a pattern on every identifier.
 */
export function bindingPatterns(name: string, capture: string): string {
  const n = `@${capture}`;
  const eq = `(#eq? ${n} "${name}")`;
  // One pattern per parent (no top-level alternation): each keeps a single root node.
  const parents = ['function_definition name:', 'class_definition name:', 'assignment left:', 'augmented_assignment left:', 'for_statement left:', ...TARGET_HOLDERS];
  return [
    `((import_statement name: [(dotted_name . (identifier) ${n}) (aliased_import alias: (identifier) ${n})]) ${eq})`,
    `((import_from_statement name: [(dotted_name . (identifier) ${n}) (aliased_import alias: (identifier) ${n})]) ${eq})`,
    ...parents.map((p) => `((${p} (identifier) ${n}) ${eq})`),
  ].join('\n');
}

/** Compound statements whose bodies bind names in the scope they stand in (unlike def and class). */
const SAME_SCOPE_BODIES = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'match_statement',
  'case_clause',
  'block',
]);

const TARGET_HOLDERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'as_pattern_target']);

function targetNames(target: Node | null | undefined, out: (name: string) => void): void {
  if (!target) return;
  if (target.type === 'identifier') out(target.text);
  else if (TARGET_HOLDERS.has(target.type)) for (const c of target.namedChildren) targetNames(c, out);
}

/** `as x` targets of a with statement's items or an except clause. */
function asTargets(statement: Node, out: (name: string) => void): void {
  const patterns = statement.type === 'with_statement' ? (statement.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren.map((item) => item.namedChildren[0]) ?? []) : statement.namedChildren;
  for (const p of patterns) if (p?.type === 'as_pattern') targetNames(p.namedChildren.find((c) => c.type === 'as_pattern_target'), out);
}

/** The name a parameter binds (`x`, `x: int`, `x=1`, `*args`, `**kwargs`); none for `/` and `*`. */
function parameterName(param: Node): string | undefined {
  if (param.type === 'identifier') return param.text;
  const inner = param.childForFieldName('name') ?? param.namedChildren[0];
  return inner ? parameterName(inner) : undefined;
}

export type Bindings = Map<string, Set<string>>;

/** Whether one of the names of interest occurs in a text range: lets a scan skip statements that cannot bind them. */
export type Mentions = (start: number, end: number) => boolean;

/** Where the names occur as whole words in the text. */
export function nameMentions(text: string, names: Iterable<string>): Mentions {
  const words = [...new Set(names)].filter((n) => /^[\p{L}\p{N}_]+$/u.test(n));
  if (words.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const offsets = Array.from(text.matchAll(pattern), (m) => m.index);
  return (start, end) => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets.length && offsets[lo] < end;
  };
}

/**
 * Every name a scope binds and what it is bound to (`import` values as in ImportItem; anything
 * else, such as an assignment, a parameter, a def or a class, as `local`). The scope is the module
 * or a function; statements nested in its `if`/`try`/`with`/`for` count, since they bind names of
 * the same scope, while the bodies of nested functions and classes do not. With `mentions`, only
 * statements that mention one of its names are read, and only those names are sure to be complete.
 */
export function scopeBindings(scope: Node, mentions: Mentions = () => true): Bindings {
  const bindings: Bindings = new Map();
  const bind = (value: string) => (name: string) => {
    let set = bindings.get(name);
    if (!set) bindings.set(name, (set = new Set()));
    set.add(value);
  };
  const local = bind('local');
  const visit = (node: Node, end: number): void => {
    const children = node.namedChildren;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const cEnd = i + 1 < children.length ? children[i + 1].startIndex : end;
      if (!mentions(c.startIndex, cEnd)) continue;
      switch (c.type) {
        case 'import_statement':
        case 'import_from_statement':
          for (const item of importItems(c)) bind(item.value)(item.name);
          break;
        case 'function_definition':
        case 'class_definition':
          targetNames(c.childForFieldName('name'), local);
          break;
        case 'decorated_definition':
          visit(c, cEnd);
          break;
        case 'expression_statement':
          for (let e: Node | null | undefined = c.namedChildren[0]; e && (e.type === 'assignment' || e.type === 'augmented_assignment'); e = e.childForFieldName('right')) {
            targetNames(e.childForFieldName('left'), local);
          }
          break;
        default:
          if (c.type === 'for_statement') targetNames(c.childForFieldName('left'), local);
          if (c.type === 'with_statement' || c.type === 'except_clause' || c.type === 'except_group_clause') asTargets(c, local);
          if (SAME_SCOPE_BODIES.has(c.type)) visit(c, cEnd);
      }
    }
  };
  if (scope.type === 'function_definition') {
    for (const p of scope.childForFieldName('parameters')?.namedChildren ?? []) {
      const name = parameterName(p);
      if (name) local(name);
    }
    const body = scope.childForFieldName('body');
    if (body) visit(body, Infinity);
  } else {
    visit(scope, Infinity);
  }
  return bindings;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const LOCAL: ReadonlySet<string> = new Set(['local']);

/** Whether a lambda's parameters or a comprehension's loop targets bind `name`. */
function expressionScopeBinds(scope: Node, name: string): boolean {
  let found = false;
  const see = (n: string) => (found ||= n === name);
  if (scope.type === 'lambda') {
    for (const p of scope.childForFieldName('parameters')?.namedChildren ?? []) if (parameterName(p) === name) return true;
    return false;
  }
  for (const clause of scope.namedChildren) if (clause.type === 'for_in_clause') targetNames(clause.childForFieldName('left'), see);
  return found;
}

/**
 * What names mean where they are used, as Python looks them up: the nearest lambda, comprehension or
 * function scope that binds the name, then the module (a class body only for code directly in it). Scopes are read when
 * first asked about, and only their statements that mention one of the names of interest.
 */
export class ScopedNames {
  private readonly scopes = new Map<number, Bindings>();

  constructor(
    private readonly root: Node,
    private readonly mentions: Mentions,
  ) {}

  /** What the scope binds (see scopeBindings), read once. */
  bindings(scope: Node): Bindings {
    let b = this.scopes.get(scope.id);
    if (!b) this.scopes.set(scope.id, (b = scopeBindings(scope, this.mentions)));
    return b;
  }

  /** The values `name` may have at `node`: the nearest scope's that binds it; undefined when no scope does. */
  valuesAt(node: Node, name: string): ReadonlySet<string> | undefined {
    let nearest = true;
    for (let p = node.parent; p; p = p.parent) {
      if ((p.type === 'lambda' || COMPREHENSIONS.has(p.type)) && expressionScopeBinds(p, name)) return LOCAL;
      if (p.type === 'function_definition' || (p.type === 'class_definition' && nearest)) {
        const values = this.bindings(p).get(name);
        if (values) return values;
      }
      if (p.type === 'function_definition' || p.type === 'class_definition') nearest = false;
    }
    return this.bindings(this.root).get(name);
  }
}

/** Whether `name` at `node` is certainly bound to `value` alone, or (`unboundToo`) bound by no scope at all. */
function boundOnlyTo(names: ScopedNames, node: Node, name: string, value: string, unboundToo = false): boolean {
  const values = names.valuesAt(node, name);
  if (!values) return unboundToo;
  return values.size === 1 && values.has(value);
}

/** Whether `name` at `node` is the module `module` itself: imported as it (or as an alias), or a name no scope binds spelled as it. */
export function isModuleAt(names: ScopedNames, node: Node, name: string, module: string): boolean {
  return boundOnlyTo(names, node, name, `module ${module}`, name === module);
}

/** The name `module` exports that `name` stands for at `node` (`from logging import getLogger as g`: `getLogger`), when it is bound to that alone. */
export function importedFromAt(names: ScopedNames, node: Node, name: string, module: string): string | undefined {
  const values = names.valuesAt(node, name);
  if (values?.size !== 1) return undefined;
  const [value] = values;
  const prefix = `from ${module} `;
  return value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
}
