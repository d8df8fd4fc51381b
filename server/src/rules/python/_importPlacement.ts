// Where a new module-level import goes so that the project's isort (Ruff's I001) finds the block
// still sorted: in its section, in order, merged into a from-import of the same module, with a
// blank line only between sections.
import type { Node } from 'web-tree-sitter';
import type { TextIndex } from '../../engine/textIndex';
import type { TextEdit } from '../../engine/types';
import type { WorkspaceView } from '../../workspace/view';
import { compareKeys, importKey, isortSettings, memberKey, renderFrom, sectionOf, type IsortSettings, type Section, type SortedImport } from './_isort';

/** What an import statement imports, read from its syntax tree. */
export interface ImportShape {
  style: 'straight' | 'from';
  module: string | undefined;
  level: number;
  /** Straight: each dotted name; from: each member (`*` for a wildcard). */
  names: { name: string; asname?: string }[];
}

const compact = (n: Node) => n.text.replace(/\s+/g, '');

export function importShape(node: Node): ImportShape | undefined {
  if (node.type === 'import_statement') {
    const names = node.childrenForFieldName('name').map((n) =>
      n.type === 'aliased_import' ? { name: compact(n.childForFieldName('name')!), asname: compact(n.childForFieldName('alias')!) } : { name: compact(n) },
    );
    return { style: 'straight', module: undefined, level: 0, names };
  }
  if (node.type !== 'import_from_statement' && node.type !== 'future_import_statement') return undefined;
  let module: string | undefined = '__future__';
  let level = 0;
  if (node.type === 'import_from_statement') {
    const m = node.childForFieldName('module_name');
    if (!m) return undefined;
    const text = compact(m);
    level = /^\.*/.exec(text)![0].length;
    module = text.slice(level) || undefined;
  }
  const names: { name: string; asname?: string }[] = [];
  if (node.children.some((c) => c.type === 'wildcard_import')) names.push({ name: '*' });
  for (const n of node.childrenForFieldName('name')) {
    names.push(n.type === 'aliased_import' ? { name: compact(n.childForFieldName('name')!), asname: compact(n.childForFieldName('alias')!) } : { name: compact(n) });
  }
  return { style: 'from', module, level, names };
}

interface BlockEntry {
  node: Node;
  shape: ImportShape;
  section: Section;
  key: ReturnType<typeof importKey>;
}

function sorted(shape: ImportShape, settings: IsortSettings): { name: string; asname?: string }[] {
  return [...shape.names].sort((a, b) => compareKeys(memberKey(a.name, a.asname, settings), memberKey(b.name, b.asname, settings)));
}

function keyOf(shape: ImportShape, settings: IsortSettings) {
  const first = shape.style === 'from' ? sorted(shape, settings)[0] : shape.names[0];
  const imp: SortedImport =
    shape.style === 'straight'
      ? { style: 'straight', module: first?.name, level: 0, asname: first?.asname }
      : { style: 'from', module: shape.module, level: shape.level, first };
  return importKey(imp, settings);
}

function fromText(shape: ImportShape): string {
  return `${'.'.repeat(shape.level)}${shape.module ?? ''}`;
}

/** The leading import statements of the module (after the header), up to the first other statement. */
function leadingImports(root: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0, c = root.namedChild(0); c; c = root.namedChild(++i)) {
    if (c.type === 'comment') continue;
    if (c.type === 'import_statement' || c.type === 'import_from_statement' || c.type === 'future_import_statement') out.push(c);
    else if (out.length > 0) break;
    else if (!(c.type === 'expression_statement' && c.namedChildCount === 1 && /string/.test(c.namedChildren[0]?.type ?? ''))) break;
  }
  return out;
}

/** The last row of the comments the file starts with (its license header); -1 when it starts otherwise. */
function headerEnd(root: Node): number {
  let row = -1;
  for (let i = 0, c = root.namedChild(0); c?.type === 'comment' && c.startPosition.row === row + 1; c = root.namedChild(++i)) row = c.endPosition.row;
  return row;
}

/** Where a statement's own comment lines start: the comments directly above it (no blank line between), never the license header. */
function leadingStart(node: Node, index: TextIndex, floorRow: number): number {
  let row = node.startPosition.row;
  for (let p = node.previousSibling; p?.type === 'comment' && p.endPosition.row === row - 1 && p.startPosition.row > floorRow; p = p.previousSibling) row = p.startPosition.row;
  return index.lineStart(row);
}

export interface Placement {
  /** The edits that add the import (a new statement, or members merged into an existing one). */
  edits: TextEdit[];
}

/**
 * The edit that adds `shape` (written as `statement`, with `comments` lines above it) to the module's
 * leading import block where isort puts it; undefined when the module has no leading import block.
 */
export function placeImport(
  root: Node,
  index: TextIndex,
  file: string,
  workspace: WorkspaceView,
  moved: {
    shape: ImportShape;
    /** The statement as written (dedented), without its trailing comment. */
    statement: string;
    /** Its trailing comment (with the spaces before it), or ''. */
    trailing: string;
    /** Comment lines that go above it. */
    comments: string[];
    /** Whether it may be written afresh in isort's form (it holds no comments of its own). */
    rewritable: boolean;
  },
): Placement | undefined {
  const block = leadingImports(root);
  if (block.length === 0) return undefined;
  const headerRow = headerEnd(root);
  const settings = isortSettings(file, workspace);
  const eol = index.eol;
  const section = (s: ImportShape) => sectionOf(s.module ?? s.names[0]?.name ?? '', s.level, settings, file, workspace);
  const entries: BlockEntry[] = [];
  for (const node of block) {
    const shape = importShape(node);
    if (shape) entries.push({ node, shape, section: section(shape), key: keyOf(shape, settings) });
  }
  const target = section(moved.shape);
  // A from-import is written as isort writes it (members sorted, wrapped only when too long or
  // when its magic trailing comma asks for it); a straight import is written as it was.
  const written =
    moved.shape.style === 'from' && moved.rewritable
      ? renderFrom(fromText(moved.shape), sorted(moved.shape, settings), settings, eol, settings.splitOnTrailingComma && /,\s*\)\s*$/.test(moved.statement))
      : moved.statement;
  const statement = written + moved.trailing;
  const lines = () => [...moved.comments, statement].join(eol);

  // A from-import of the same module takes the new members (isort would merge the two statements).
  if (moved.shape.style === 'from' && !settings.forceSingleLine && !moved.trailing && moved.rewritable && !moved.shape.names.some((n) => n.name === '*')) {
    const hasAs = (s: ImportShape) => s.names.some((n) => n.asname);
    const same = entries.find(
      (e) =>
        e.shape.style === 'from' &&
        e.shape.module === moved.shape.module &&
        e.shape.level === moved.shape.level &&
        !e.shape.names.some((n) => n.name === '*') &&
        !e.node.text.includes('#') &&
        (settings.combineAsImports || (!hasAs(e.shape) && !hasAs(moved.shape))),
    );
    if (same) {
      const members = [...same.shape.names];
      for (const n of moved.shape.names) if (!members.some((m) => m.name === n.name && m.asname === n.asname)) members.push(n);
      const expand = settings.splitOnTrailingComma && /,\s*\)\s*$/.test(same.node.text);
      const merged = renderFrom(fromText(moved.shape), sorted({ ...moved.shape, names: members }, settings), settings, eol, expand);
      // The moved import's own comments go above the statement's (one edit when it has none, so the
      // insertion and the rewrite do not start at one place); isort parts a commented import from
      // the one before it in its section with a blank line.
      const at = leadingStart(same.node, index, headerRow);
      const firstInSection = entries.find((e) => e.section === same.section) === same;
      const parted = !firstInSection && at === same.node.startIndex ? eol : '';
      const above = moved.comments.length > 0 ? parted + moved.comments.join(eol) + eol : '';
      if (at === same.node.startIndex) return { edits: [{ range: index.rangeOf(at, same.node.endIndex), newText: above + merged }] };
      const edits: TextEdit[] = [{ range: index.rangeOf(same.node.startIndex, same.node.endIndex), newText: merged }];
      if (above) edits.push({ range: index.rangeOf(at, at), newText: above });
      return { edits };
    }
  }

  const key = keyOf(moved.shape, settings);
  const order = settings.sectionOrder;
  const rank = (s: Section) => order.indexOf(s);
  const insertAt = (offset: number, newText: string): Placement => ({ edits: [{ range: index.rangeOf(offset, offset), newText }] });
  const after = (node: Node): number | undefined => {
    const offset = index.lineStart(node.endPosition.row + 1);
    return offset > index.lineStart(node.endPosition.row) ? offset : undefined;
  };
  const sameSection = entries.filter((e) => e.section === target);
  const greaterAt = sameSection.findIndex((e) => compareKeys(key, e.key) < 0);
  // isort parts an import with comments above it from the import before it in its section.
  const parted = moved.comments.length > 0 ? eol : '';
  if (greaterAt > 0) {
    // Right after the import before it, so the comments of the next one stay with that one.
    const at = after(sameSection[greaterAt - 1].node);
    if (at !== undefined) return insertAt(at, parted + lines() + eol);
  }
  if (greaterAt >= 0) {
    const greater = sameSection[greaterAt].node;
    const at = leadingStart(greater, index, headerRow);
    return insertAt(at, lines() + eol + (at < index.lineStart(greater.startPosition.row) ? eol : ''));
  }
  if (sameSection.length > 0) {
    const last = sameSection[sameSection.length - 1].node;
    const at = after(last);
    return at === undefined ? insertAt(index.text.length, eol + parted + lines()) : insertAt(at, parted + lines() + eol);
  }
  // A section of its own: a blank line parts it from the sections around it.
  const next = entries.find((e) => rank(e.section) > rank(target));
  if (next) return insertAt(leadingStart(next.node, index, headerRow), lines() + eol + eol);
  const last = entries[entries.length - 1].node;
  const at = after(last);
  return at === undefined ? insertAt(index.text.length, eol + eol + lines()) : insertAt(at, eol + lines() + eol);
}
