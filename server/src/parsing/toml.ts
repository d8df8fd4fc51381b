import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import type { Range } from '../base/text';
import { MAX_TOML_NESTING, own, tomlData, tooDeep } from './tomlData';

export type TomlAst = AST.TOMLProgram;

export interface TomlError {
  message: string;
  /** 0-based line and UTF-16 column of the error. */
  line: number;
  column: number;
}

export type TomlDocument =
  | { ok: true; ast: TomlAst; value: Record<string, unknown> }
  | { ok: false; error: TomlError };

/** Parses a TOML document; its value holds tables without prototypes (see tomlData). */
export function parseTomlDocument(text: string): TomlDocument {
  const deep = tooDeep(text);
  if (deep) return { ok: false, error: { message: `arrays or inline tables nest more than ${MAX_TOML_NESTING} levels deep`, ...deep } };
  try {
    const ast = parseTOML(text);
    return { ok: true, ast, value: tomlData(ast) };
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number; column?: number };
    // toml-eslint-parser reports 1-based lines and 0-based columns.
    return {
      ok: false,
      error: {
        message: String(err.message ?? e),
        line: Math.max(0, (err.lineNumber ?? 1) - 1),
        column: Math.max(0, err.column ?? 0),
      },
    };
  }
}

/** The range of a TOML node, from its `loc` (1-based lines, 0-based columns). */
export function tomlRange(node: { loc: AST.SourceLocation }): Range {
  return {
    start: { line: node.loc.start.line - 1, character: node.loc.start.column },
    end: { line: node.loc.end.line - 1, character: node.loc.end.column },
  };
}

/** Reads a nested value of a parsed document, e.g. `get(doc, 'tool', 'uv', 'workspace')`: own keys only. */
export function getPath(value: unknown, ...keys: string[]): unknown {
  let cur = value;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = own(cur, k);
  }
  return cur;
}

export type TomlKeyValue = AST.TOMLKeyValue;
export type TomlTable = AST.TOMLTable;
export type TomlArray = AST.TOMLArray;
export type TomlInlineTable = AST.TOMLInlineTable;
export type TomlContent = AST.TOMLContentNode;
export type TomlStringValue = AST.TOMLStringValue;

/** The names of a (possibly dotted) key, quotes resolved. */
export function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
}

function samePath(a: readonly (string | number)[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Every key-value of a document with its full path, inline tables included, in source order. */
export function* keyValues(ast: TomlAst): Generator<{ path: (string | number)[]; node: TomlKeyValue }> {
  function* within(prefix: (string | number)[], kvs: readonly TomlKeyValue[]): Generator<{ path: (string | number)[]; node: TomlKeyValue }> {
    for (const node of kvs) {
      const path = [...prefix, ...keyNames(node.key)];
      yield { path, node };
      if (node.value.type === 'TOMLInlineTable') yield* within(path, node.value.body);
    }
  }
  for (const item of ast.body[0].body) {
    if (item.type === 'TOMLKeyValue') yield* within([], [item]);
    else yield* within(item.resolvedKey, item.body);
  }
}

/** The key-value at a full path, e.g. `findKeyValue(ast, ['project', 'version'])`, however it is written. */
export function findKeyValue(ast: TomlAst, path: readonly string[]): TomlKeyValue | undefined {
  for (const kv of keyValues(ast)) if (samePath(kv.path, path)) return kv.node;
  return undefined;
}

/** The `[a.b]` header table of a path (not an array of tables). */
export function findTable(ast: TomlAst, path: readonly string[]): TomlTable | undefined {
  for (const item of ast.body[0].body) {
    if (item.type === 'TOMLTable' && item.kind === 'standard' && samePath(item.resolvedKey, path)) return item;
  }
  return undefined;
}

/** Where a table's keys are written: under its own header, or in an inline table `key = { ... }`. */
export type TableLocation = { type: 'header'; table: TomlTable } | { type: 'inline'; table: TomlInlineTable; keyValue: TomlKeyValue };

export function locateTable(ast: TomlAst, path: readonly string[]): TableLocation | undefined {
  const table = findTable(ast, path);
  if (table) return { type: 'header', table };
  const kv = findKeyValue(ast, path);
  return kv?.value.type === 'TOMLInlineTable' ? { type: 'inline', table: kv.value, keyValue: kv } : undefined;
}

/** The range of a table's header, `[a.b]` or `[[a.b]]`, brackets included. */
export function tableHeaderRange(table: TomlTable, text: string): Range {
  let end = table.key.range[1];
  const closing = table.kind === 'array' ? ']]' : ']';
  const at = text.indexOf(closing, end);
  if (at >= 0 && text.slice(end, at).trim() === '') end = at + closing.length;
  const line = table.loc.start.line - 1;
  return { start: { line, character: table.loc.start.column }, end: { line, character: table.loc.start.column + (end - table.range[0]) } };
}

/** A value as a string, when it is one. */
export function stringValue(node: TomlContent | undefined): string | undefined {
  return node?.type === 'TOMLValue' && node.kind === 'string' ? node.value : undefined;
}
