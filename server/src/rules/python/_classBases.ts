// Which library classes a class derives from, as far as one module shows: its base expressions
// resolved through the module's imports, and through the module's own classes to theirs. Ruff's
// `any_base_class` with `resolve_qualified_name` does the same for N802's exemptions.
import type { Node } from 'web-tree-sitter';
import type { PythonSyntax } from '../../parsing/pythonSyntax';

const SCOPES = new Set(['function_definition', 'class_definition']);

/** Not inside a function or class: bound in the module's own namespace. */
function atModuleLevel(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (SCOPES.has(p.type)) return false;
  return true;
}

/** `a.b.c` as its names; undefined for anything but a dotted name, a name or an attribute chain. */
function dottedParts(node: Node): string[] | undefined {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'dotted_name') return node.namedChildren.filter((c) => c.type === 'identifier').map((c) => c.text);
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const head = object && dottedParts(object);
    return head && attribute ? [...head, attribute.text] : undefined;
  }
  return undefined;
}

/** What each name bound by the module's imports stands for, as a qualified name. */
function importBindings(syntax: PythonSyntax): Map<string, string[]> {
  const bound = new Map<string, string[]>();
  for (const statement of syntax.imports) {
    if (!atModuleLevel(statement)) continue;
    if (statement.type === 'import_statement') {
      for (const name of statement.childrenForFieldName('name')) {
        if (name.type === 'aliased_import') {
          const module = dottedParts(name.childForFieldName('name')!);
          const alias = name.childForFieldName('alias')?.text;
          if (module && alias) bound.set(alias, module);
        } else {
          // `import http.server` binds `http`, through which `http.server.X` is reached.
          const module = dottedParts(name);
          if (module) bound.set(module[0], [module[0]]);
        }
      }
    } else if (statement.type === 'import_from_statement') {
      const from = statement.childForFieldName('module_name');
      // Relative imports name this project's modules, never the standard library's.
      const module = from && from.type === 'dotted_name' ? dottedParts(from) : undefined;
      if (!module) continue;
      for (const name of statement.childrenForFieldName('name')) {
        const imported = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
        const parts = imported && dottedParts(imported);
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : parts?.[0];
        if (parts && local) bound.set(local, [...module, ...parts]);
      }
    }
  }
  return bound;
}

/** Base class expressions of a class: its positional superclasses, subscripts stripped (`Base[T]` is `Base`). */
function baseExpressions(cls: Node): Node[] {
  const args = cls.childForFieldName('superclasses');
  if (!args) return [];
  return args.namedChildren.filter((c) => c.type !== 'keyword_argument' && c.type !== 'comment').map((c) => (c.type === 'subscript' ? (c.childForFieldName('value') ?? c) : c));
}

/** The class a def is a method of: the def (or its decorated form) sits directly in the class body. */
export function methodClass(fn: Node): Node | undefined {
  const statement = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const block = statement.parent;
  return block?.type === 'block' && block.parent?.type === 'class_definition' ? block.parent : undefined;
}

/**
 * Resolves base classes for one module; built when the first question comes, since most files
 * never ask.
 */
export class ClassBases {
  private bindings: Map<string, string[]> | undefined;
  private classes: Map<string, Node> | undefined;

  constructor(private readonly syntax: PythonSyntax) {}

  /** Whether `cls` derives from one of `qualified` (`ast.NodeVisitor`), directly or through the module's classes. */
  derivesFrom(cls: Node, qualified: ReadonlySet<string>): boolean {
    this.bindings ??= importBindings(this.syntax);
    this.classes ??= new Map(
      this.syntax.classes.filter(atModuleLevel).flatMap((c) => {
        const name = c.childForFieldName('name')?.text;
        return name ? [[name, c] as const] : [];
      }),
    );
    const seen = new Set<number>();
    const visit = (c: Node): boolean => {
      for (const base of baseExpressions(c)) {
        const parts = dottedParts(base);
        if (!parts) continue;
        const target = this.bindings!.get(parts[0]);
        if (target && qualified.has([...target, ...parts.slice(1)].join('.'))) return true;
        const local = parts.length === 1 && !target ? this.classes!.get(parts[0]) : undefined;
        if (local && !seen.has(local.id)) {
          seen.add(local.id);
          if (visit(local)) return true;
        }
      }
      return false;
    };
    return visit(cls);
  }
}
