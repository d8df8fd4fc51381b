import type { Node } from 'web-tree-sitter';
import type { TextIndex } from '../../engine/textIndex';
import type { Fix, PythonContext, PythonRule, RuleFinding, TextEdit } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { importShape, placeImport } from './_importPlacement';
import { IMPORT_TYPES, importGuard, importItems, isDocstring, moduleImportBlock, nameMentions, ScopedNames, type ImportItem, type ModuleImportBlock } from './_imports';

export const MOVE_IMPORT_TITLE = 'Move import to top of file';

/** Statements that D202 lets follow a docstring after a blank line (an inner function or class). */
const DEFINITIONS: ReadonlySet<string> = new Set(['function_definition', 'class_definition', 'decorated_definition']);

/** The function an import runs in, or undefined at module or class level (or when the tree is unsure). */
function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return p;
    if (p.type === 'ERROR' || p.type === 'module') return undefined;
  }
  return undefined;
}

/** Facts about the file, computed once per check and only when an in-function import exists. */
class ModuleFacts {
  readonly block: ModuleImportBlock;
  /** Keys of the module-level imports. */
  readonly keys = new Set<string>();
  /** Scopes are only read where they mention a name that one of the moved imports binds. */
  private readonly names: ScopedNames;

  constructor(
    private readonly root: Node,
    text: string,
    imports: readonly Node[],
    moved: readonly Node[],
  ) {
    this.block = moduleImportBlock(root);
    for (const imp of imports) if (imp.parent?.type === 'module') for (const item of importItems(imp)) this.keys.add(item.key);
    this.names = new ScopedNames(root, nameMentions(text, moved.flatMap((imp) => importItems(imp).map((item) => item.name))));
  }

  /**
   * Whether the import, once at module level, could mean something else: it would bind a class
   * attribute no more, or a name that a scope it passes through (its functions, the module) binds
   * to something else would shadow it or be clobbered.
   */
  changesMeaning(imp: Node, items: readonly ImportItem[]): boolean {
    const rebinds = (scope: Node) => {
      const bindings = this.names.bindings(scope);
      return items.some((item) => [...(bindings.get(item.name) ?? [])].some((value) => value !== item.value));
    };
    let nearest = true;
    for (let p = imp.parent; p; p = p.parent) {
      if (p.type === 'class_definition' && nearest) return true;
      if (p.type === 'function_definition' && rebinds(p)) return true;
      if (p.type === 'class_definition' || p.type === 'function_definition') nearest = false;
    }
    return rebinds(this.root);
  }
}

/** The import's text at column 0: continuation lines lose the indentation the statement had. */
function dedented(imp: Node, text: string, eol: string): string {
  const indent = imp.startPosition.column;
  return text
    .slice(imp.startIndex, imp.endIndex)
    .split(/\r\n|\r|\n/)
    .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '')))
    .join(eol);
}

interface Removal {
  edit: TextEdit;
  /** A comment that stood after the import on its own line; it moves with the import. */
  comment: string;
  /** The comment lines above the import that explain it (`# Deferred import to avoid ...`); they move with it. */
  above: string[];
}

/** Comments that tell tools something (`# noqa`, `# type: ignore`, ...): they stay where they are. */
const DIRECTIVE = /^#\s*(?:noqa|type:|pyguide:|pragma|fmt:|ruff:|pyright:|mypy:|isort:)/i;

/** Whether comment line `lower` continues the sentence of the comment line `upper`. */
function continues(upper: string, lower: string): boolean {
  return !/[.:!?]\s*$/.test(upper) && /^#\s*[a-z(]/.test(lower);
}

/**
 * The comment lines directly above an import, at its indentation, that belong to it: the line right
 * above it, and the lines above that one which continue its sentence. A heading over a paragraph
 * (`# Register the evaluators`) followed by an explanation of the import stays where it is.
 */
function ownComments(imp: Node, text: string, index: TextIndex): Node[] {
  const out: Node[] = [];
  let row = imp.startPosition.row;
  for (let p = imp.previousSibling; p?.type === 'comment' && p.endPosition.row === row - 1; p = p.previousSibling) {
    const own = p.startPosition.column === imp.startPosition.column && text.slice(index.lineStart(p.startPosition.row), p.startIndex).trim() === '';
    if (!own || DIRECTIVE.test(p.text) || (out.length > 0 && !continues(p.text, out[0].text))) break;
    out.unshift(p);
    row = p.startPosition.row;
  }
  return out;
}

/**
 * The edit that takes an import out of its block, leaving `pass` when nothing else would remain.
 * With `carry`, the comment lines that explain the import go with it.
 */
function removal(imp: Node, text: string, index: TextIndex, carry: boolean): Removal | undefined {
  const block = imp.parent;
  if (block?.type !== 'block' || block.hasError) return undefined;
  const statements = block.namedChildren.filter((c) => c.type !== 'comment');
  const semicolon = imp.nextSibling?.type === ';' ? imp.nextSibling : undefined;
  const end = semicolon ? semicolon.endIndex : imp.endIndex;
  const startLine = imp.startPosition.row;
  const endLine = index.positionAt(end).line;
  const before = text.slice(index.lineStart(startLine), imp.startIndex);
  const after = text.slice(end, index.lineEnd(endLine));
  const alone = before.trim() === '' && /^\s*(?:#.*)?$/.test(after);
  const comment = alone ? after.trimEnd() : '';
  const carried = alone && carry ? ownComments(imp, text, index) : [];
  const above = carried.map((c) => text.slice(c.startIndex, c.endIndex));
  const first = carried[0] ?? imp;
  const firstLine = first.startPosition.row;
  let from: number;
  let to: number;
  let replacement = '';
  if (statements.length === 1) {
    [from, to, replacement] = [first.startIndex, alone ? index.lineEnd(endLine) : end, 'pass'];
  } else if (alone) {
    [from, to] = [index.lineStart(firstLine), endLine + 1 < index.lineCount ? index.lineStart(endLine + 1) : text.length];
    // Blank lines that set the import apart go with it, so the body keeps its spacing: the ones
    // after it when it opened the block or a paragraph, else the ones before it at the block's end.
    // Right after the docstring, the blank lines after it go too: pydocstyle's D202 allows none
    // between a function's docstring and its code (only before an inner def or class).
    const prev = first.previousSibling;
    let next = (semicolon ?? imp).nextSibling;
    if (next?.type === 'comment' && next.startPosition.row === endLine) next = next.nextSibling;
    const opensParagraph = !prev || prev.endPosition.row < firstLine - 1;
    // The import ends a run of imports that follows the docstring line by line: the blank lines
    // after the run would then follow the docstring.
    let p = prev;
    let row = firstLine;
    while (p && p.endPosition.row === row - 1 && p.id !== statements[0].id && IMPORT_TYPES.has(p.type)) {
      row = p.startPosition.row;
      p = p.previousSibling;
    }
    const afterDocstring = !!p && p.id === statements[0].id && isDocstring(p) && p.endPosition.row === row - 1;
    const endsRun = !next || next.startPosition.row > endLine + 1 || !IMPORT_TYPES.has(next.type);
    const followsDocstring = afterDocstring && endsRun && !!next && !DEFINITIONS.has(next.type);
    if ((opensParagraph || followsDocstring) && next) to = Math.max(to, index.lineStart(next.startPosition.row));
    else if (opensParagraph && prev) from = index.lineStart(prev.endPosition.row + 1);
  } else {
    const next = semicolon?.nextNamedSibling;
    const prev = imp.previousSibling;
    if (next && next.type !== 'comment' && next.startPosition.row === endLine) {
      [from, to] = [imp.startIndex, next.startIndex];
    } else if (prev?.type === ';') {
      [from, to] = [prev.previousSibling?.endIndex ?? prev.startIndex, end];
    } else {
      [from, to] = [imp.startIndex, end];
    }
  }
  // When every statement of the block is an import, the fixes of those imports could empty it
  // between them; spanning the whole block makes them overlap, so fix-all takes one per pass and
  // the last one sees that it must leave `pass`.
  if (statements.length > 1 && statements.every((s) => IMPORT_TYPES.has(s.type))) {
    const start = Math.min(from, statements[0].startIndex);
    const last = Math.max(to, statements[statements.length - 1].endIndex);
    return { edit: { range: index.rangeOf(start, last), newText: text.slice(start, from) + replacement + text.slice(to, last) }, comment, above };
  }
  return { edit: { range: index.rangeOf(from, to), newText: replacement }, comment, above };
}

/** The edit that adds `statement` to the module's import block, or undefined where that is not known. */
function insertion(block: ModuleImportBlock, statement: string, text: string, index: TextIndex): TextEdit | undefined {
  if (block.broken) return undefined;
  const eol = index.eol;
  const insertAt = (offset: number, newText: string): TextEdit => ({ range: index.rangeOf(offset, offset), newText });
  const after = (node: Node) => {
    const offset = index.lineStart(node.endPosition.row + 1);
    // The anchor is the file's last line: the new line needs a break before it.
    return offset > index.lineStart(node.endPosition.row) ? offset : undefined;
  };
  if (block.lastImport) {
    const at = after(block.lastImport);
    return at === undefined ? insertAt(text.length, eol + statement) : insertAt(at, statement + eol);
  }
  if (block.header) {
    // A blank line parts the new import from the docstring, license or `__future__` imports.
    const at = after(block.header);
    return at === undefined ? insertAt(text.length, eol + eol + statement + eol) : insertAt(at, eol + statement + eol);
  }
  return insertAt(0, statement + eol + eol);
}

/**
 * The move, or undefined where it is not offered at all: an import that only runs sometimes (the
 * optional-dependency idiom, a platform branch) or whose name would then mean something else would
 * certainly behave differently at module level. Every other move is offered but unsafe: the import
 * then runs when the module is first imported, which can close an import cycle or require an
 * optional extra that the function only needed when called.
 */
function moveFix(ctx: PythonContext, imp: Node, facts: ModuleFacts): Fix | undefined {
  const items = importItems(imp);
  if (imp.type === 'future_import_statement' || items.length === 0 || imp.hasError) return undefined;
  if (importGuard(imp) || facts.changesMeaning(imp, items)) return undefined;
  const { text, index } = ctx;
  const present = items.every((item) => facts.keys.has(item.key));
  const removed = removal(imp, text, index, !present);
  if (!removed) return undefined;
  const edits = [removed.edit];
  if (!present) {
    const statement = dedented(imp, text, index.eol);
    const shape = importShape(imp);
    // Where the project's isort puts it, in the leading import block; else after the header.
    const placed =
      shape && !facts.block.broken
        ? placeImport(ctx.tree.rootNode, index, ctx.file, ctx.workspace, { shape, statement, trailing: removed.comment, comments: removed.above, rewritable: !/#/.test(imp.text) })
        : undefined;
    if (placed) edits.unshift(...placed.edits);
    else {
      const added = insertion(facts.block, [...removed.above, statement + removed.comment].join(index.eol), text, index);
      if (!added) return undefined;
      edits.unshift(added);
    }
  }
  return {
    title: MOVE_IMPORT_TITLE,
    safe: false,
    changes: [{ type: 'edit', file: ctx.file, edits }],
  };
}

/** Module facts for every fix asked of one view of a module (fix-all asks for them all at once). */
const moduleFacts = new WeakMap<object, ModuleFacts>();

function moduleFactsOf(ctx: PythonContext): ModuleFacts {
  let facts = moduleFacts.get(ctx.syntax);
  if (!facts) {
    const moved = ctx.syntax.imports.filter((imp) => enclosingFunction(imp));
    moduleFacts.set(ctx.syntax, (facts = new ModuleFacts(ctx.tree.rootNode, ctx.text, ctx.syntax.imports, moved)));
  }
  return facts;
}

/** The import statement a finding of this rule points at, in the current tree. */
function importAt(ctx: PythonContext, range: RuleFinding['range']): Node | undefined {
  const start = ctx.index.offsetAt(range.start);
  const end = ctx.index.offsetAt(range.end);
  for (let n: Node | null = ctx.tree.rootNode.descendantForIndex(start, end); n && n.startIndex === start && n.endIndex === end; n = n.parent) {
    if (IMPORT_TYPES.has(n.type)) return n;
  }
  return undefined;
}

export const inFunctionImport: PythonRule = {
  id: 'in-function-import',
  kind: 'python',
  // Whether an import is inside a function is a matter of its ancestors: each import is checked on
  // its own, so a keystroke re-checks only the imports of the statement it touched. The fix reads
  // the whole module (its import block, the names each scope binds), so it is computed on request.
  reads: { kinds: [...IMPORT_TYPES], scope: 'each' },
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Import Placement',
  summary: 'an `import` or `from ... import` inside a function or method body',
  ruffTwin: 'PLC0415',
  check({ matches }) {
    const findings: RuleFinding[] = [];
    for (const { node: imp } of matches) {
      if (!enclosingFunction(imp)) continue;
      // A guarded import is never moved (see moveFix); whether the name would mean something else
      // at module level needs the whole module, so that is only known when the fix is computed.
      const movable = imp.type !== 'future_import_statement' && !imp.hasError && importItems(imp).length > 0 && !importGuard(imp);
      findings.push({
        range: nodeRange(imp),
        message: "Import inside a function: move it to the top of the file. The guidelines keep every import in the module's import block, so dependencies are visible and load predictably.",
        ...(movable && { deferredFix: { title: MOVE_IMPORT_TITLE, safe: false } }),
      });
    }
    return findings;
  },
  fix(ctx, finding) {
    const imp = importAt(ctx, finding.range);
    return imp && enclosingFunction(imp) ? moveFix(ctx, imp, moduleFactsOf(ctx)) : undefined;
  },
};
