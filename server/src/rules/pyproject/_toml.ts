// Edits to pyproject.toml text that keep the file's own layout: its quote style, its array style
// (one item a line or all on one, trailing comma or not), its indentation, line breaks and comments.
import type { TextIndex } from '../../engine/textIndex';
import type { TextEdit } from '../../engine/types';
import { keyValues, locateTable, type TableLocation, type TomlArray, type TomlAst, type TomlContent, type TomlKeyValue, type TomlTable } from '../../parsing/toml';

/** A parsed pyproject.toml with its text, as the edit builders need it. */
export interface TomlSource {
  text: string;
  index: TextIndex;
  ast: TomlAst;
}

/** A TOML basic string. */
export function renderString(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** A key, bare when TOML allows it. */
export function renderKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : renderString(key);
}

export function renderStringArray(items: readonly string[]): string {
  return `[${items.map(renderString).join(', ')}]`;
}

function insertAt(src: TomlSource, offset: number, newText: string): TextEdit {
  const at = src.index.positionAt(offset);
  return { range: { start: at, end: at }, newText };
}

function replaceRange(src: TomlSource, start: number, end: number, newText: string): TextEdit {
  return { range: src.index.rangeOf(start, end), newText };
}

function lineOf(src: TomlSource, offset: number): number {
  return src.index.positionAt(offset).line;
}

/** The whitespace a line starts with. */
function indentOf(src: TomlSource, line: number): string {
  return /^[ \t]*/.exec(src.index.lineText(line))?.[0] ?? '';
}

/** The indentation one level deeper than a line's: its own plus four spaces (or a tab, if it uses tabs). */
function deeperIndent(src: TomlSource, line: number): string {
  const own = indentOf(src, line);
  return own + (own.includes('\t') ? '\t' : '    ');
}

/** Replaces a value by other TOML text. */
export function replaceValue(src: TomlSource, node: TomlContent, newText: string): TextEdit {
  return replaceRange(src, node.range[0], node.range[1], newText);
}

/** Sets a string value, keeping single quotes when the value was written that way and still can be. */
export function setString(src: TomlSource, node: TomlContent, value: string): TextEdit {
  const literal = node.type === 'TOMLValue' && node.kind === 'string' && node.style === 'literal' && !node.multiline;
  return replaceValue(src, node, literal && !/['\n\r]/.test(value) ? `'${value}'` : renderString(value));
}

/** Offset of the comma after an array's last element, if it has one (comments and line breaks may come between). */
function trailingComma(src: TomlSource, array: TomlArray): number | undefined {
  const last = array.elements.at(-1);
  if (!last) return undefined;
  const close = array.range[1] - 1;
  for (let i = last.range[1]; i < close; i++) {
    const c = src.text[i];
    if (c === ',') return i;
    if (c === '#') {
      while (i < close && src.text[i] !== '\n') i++;
    } else if (!/\s/.test(c)) return undefined;
  }
  return undefined;
}

/**
 * Appends already-rendered values to an array in the array's own style: one item a line with the
 * same indentation when it is written over several lines, `, `-separated when on one line, with a
 * trailing comma only if it had one.
 */
export function appendToArray(src: TomlSource, array: TomlArray, items: readonly string[]): TextEdit[] {
  const eol = src.index.eol;
  const open = array.range[0];
  const close = array.range[1] - 1;
  const last = array.elements.at(-1);
  const ownLine = lineOf(src, open);
  if (!last) {
    if (lineOf(src, close) === ownLine) return [replaceRange(src, open + 1, close, items.join(', '))];
    const indent = deeperIndent(src, ownLine);
    return [insertAt(src, open + 1, items.map((i) => `${eol}${indent}${i},`).join(''))];
  }
  const comma = trailingComma(src, array);
  const lastLine = lineOf(src, last.range[1]);
  const afterLast = comma ?? last.range[1];
  const insertion = src.index.lineEnd(lineOf(src, afterLast));
  if (lineOf(src, close) > lastLine && insertion < close) {
    const startLine = lineOf(src, last.range[0]);
    const before = src.text.slice(src.index.lineStart(startLine), last.range[0]);
    const indent = before.trim() === '' ? before : deeperIndent(src, ownLine);
    const added = items.map((i) => `${eol}${indent}${i}`).join(',');
    if (comma !== undefined) return [insertAt(src, insertion, `${added},`)];
    return [insertAt(src, last.range[1], ','), insertAt(src, insertion, added)];
  }
  const first = array.elements[0];
  const separator = array.elements.length > 1 ? src.text.slice(first.range[1], array.elements[1].range[0]) : ', ';
  const sep = /^\s*,[ \t]*$/.test(separator) ? separator.trim() + (separator.endsWith(' ') ? ' ' : '') : ', ';
  if (comma !== undefined) return [insertAt(src, comma + 1, `${sep.slice(1)}${items.join(sep)},`)];
  return [insertAt(src, last.range[1], `${sep}${items.join(sep)}`)];
}

/**
 * Inserts an already-rendered value into an array in the array's style: on a line of its own before
 * `before` when the array is written one item a line, else `, `-separated before it; at the end
 * (appendToArray) without `before`.
 */
export function insertIntoArray(src: TomlSource, array: TomlArray, item: string, before?: TomlContent): TextEdit[] {
  if (!before) return appendToArray(src, array, [item]);
  const line = lineOf(src, before.range[0]);
  const lineStart = src.index.lineStart(line);
  const leading = src.text.slice(lineStart, before.range[0]);
  if (leading.trim() === '' && lineOf(src, array.range[0]) < line) return [insertAt(src, lineStart, `${leading}${item},${src.index.eol}`)];
  return [insertAt(src, before.range[0], `${item}, `)];
}

/**
 * Adds `key = value` entries (rendered) to a table: under its header after its last key (or before
 * `before`, to keep a sorted table sorted), or inside its inline braces.
 */
export function addKeys(src: TomlSource, where: TableLocation, entries: readonly (readonly [string, string])[], before?: TomlKeyValue): TextEdit {
  const eol = src.index.eol;
  const lines = entries.map(([key, value]) => `${key} = ${value}`);
  if (where.type === 'inline') {
    const { table } = where;
    const lastKv = table.body.at(-1);
    if (lastKv) return insertAt(src, lastKv.range[1], `, ${lines.join(', ')}`);
    return replaceRange(src, table.range[0] + 1, table.range[1] - 1, ` ${lines.join(', ')} `);
  }
  const { table } = where;
  if (before) {
    const line = lineOf(src, before.range[0]);
    const indent = indentOf(src, line);
    return insertAt(src, src.index.lineStart(line), lines.map((l) => `${indent}${l}${eol}`).join(''));
  }
  const lastKv = table.body.at(-1);
  const indent = lastKv ? indentOf(src, lineOf(src, lastKv.range[0])) : '';
  const after = lastKv ? lineOf(src, lastKv.range[1]) : lineOf(src, table.range[0]);
  return insertAt(src, src.index.lineEnd(after), lines.map((l) => `${eol}${indent}${l}`).join(''));
}

export function addKey(src: TomlSource, where: TableLocation, key: string, value: string, before?: TomlKeyValue): TextEdit {
  return addKeys(src, where, [[key, value]], before);
}

/** One path starts the other (or they are equal). */
function nested(a: readonly (string | number)[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((x, i) => x === b[i]);
}

/**
 * Adds entries to the table at `path`, wherever it is written (header or braces), or as a new
 * `[path]` table (after `after`) when the document does not define it. Undefined when the table
 * is written in a way a header would clash with: dotted keys, a value, an array of tables.
 */
export function addToTable(
  src: TomlSource,
  path: readonly string[],
  entries: readonly (readonly [string, string])[],
  options: { before?: TomlKeyValue; after?: TomlTable } = {},
): TextEdit | undefined {
  const where = locateTable(src.ast, path);
  if (where) return addKeys(src, where, entries, options.before);
  for (const kv of keyValues(src.ast)) if (nested(kv.path, path)) return undefined;
  for (const item of src.ast.body[0].body) if (item.type === 'TOMLTable' && item.kind === 'array' && nested(item.resolvedKey, path)) return undefined;
  return addTable(src, path.join('.'), entries.map(([k, v]) => `${k} = ${v}`), options.after);
}

/** Replaces a whole `key = value` by other text. */
export function replaceKeyValue(src: TomlSource, kv: TomlKeyValue, newText: string): TextEdit {
  return replaceRange(src, kv.range[0], kv.range[1], newText);
}

/** Removes a key-value with its whole line when it stands alone on it. */
export function removeKeyValue(src: TomlSource, kv: TomlKeyValue): TextEdit {
  const first = lineOf(src, kv.range[0]);
  const last = lineOf(src, kv.range[1]);
  const lineStart = src.index.lineStart(first);
  const alone = src.text.slice(lineStart, kv.range[0]).trim() === '' && src.text.slice(kv.range[1], src.index.lineEnd(last)).trim().replace(/^#.*/, '') === '';
  if (!alone) return replaceRange(src, kv.range[0], kv.range[1], '');
  const nextLine = last + 1 < src.index.lineCount ? src.index.lineStart(last + 1) : src.text.length;
  return replaceRange(src, lineStart, nextLine, '');
}

/** A string array over several lines, one item a line, as pyproject files usually write long arrays. */
export function renderStringArrayOverLines(src: TomlSource, items: readonly string[], indent = '    '): string {
  const eol = src.index.eol;
  return `[${items.map((i) => `${eol}${indent}${renderString(i)},`).join('')}${eol}]`;
}

/** Adds a `[path]` table holding the given `key = value` lines, after `after` or at the end of the file. */
export function addTable(src: TomlSource, header: string, lines: readonly string[], after?: TomlTable): TextEdit {
  const eol = src.index.eol;
  const body = [`[${header}]`, ...lines].join(eol);
  if (after) return insertAt(src, src.index.lineEnd(lineOf(src, after.range[1])), `${eol}${eol}${body}`);
  const text = src.text;
  const lead = text === '' ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return insertAt(src, text.length, `${lead}${body}${eol}`);
}
