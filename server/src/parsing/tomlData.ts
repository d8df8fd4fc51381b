// A parsed TOML document as plain data that a repository cannot turn against the program: every
// table is an object without a prototype, so keys such as `__proto__`, `constructor` or `prototype`
// are ordinary own keys and never reach Object.prototype (toml-eslint-parser's getStaticTOMLValue
// builds plain objects and assigns through them, so `[__proto__.fix]` polluted every object).
import type { AST } from 'toml-eslint-parser';

/** A TOML table: own keys only, no prototype. */
export type TomlTableData = Record<string, unknown>;

/** A new empty table without a prototype. */
export function dataTable(): TomlTableData {
  return Object.create(null) as TomlTableData;
}

/** Whether a value is a table built here (or any object without a prototype). */
export function isDataTable(value: unknown): value is TomlTableData {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === null;
}

/** The own value of `key` in an object, never one it inherits. */
export function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
}

/** The table at `key` of `table`, created when missing; the last table of an array of tables. */
function childTable(table: TomlTableData, key: string): TomlTableData {
  let next = own(table, key);
  if (Array.isArray(next)) next = next[next.length - 1] as unknown;
  if (isDataTable(next)) return next;
  const created = dataTable();
  table[key] = created;
  return created;
}

function setKey(table: TomlTableData, keys: readonly string[], value: unknown): void {
  let target = table;
  for (let i = 0; i < keys.length - 1; i++) target = childTable(target, keys[i]);
  target[keys[keys.length - 1]] = value;
}

/** The container a `[table]` or `[[array.of.tables]]` header names, by its resolved key (indices included). */
function tableAt(root: TomlTableData, path: readonly (string | number)[]): TomlTableData {
  let cur: TomlTableData | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const wantArray = typeof path[i + 1] === 'number';
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') throw new Error('TOML: a key inside an array');
      if (!isDataTable(cur[seg])) cur[seg] = dataTable();
      cur = cur[seg] as TomlTableData;
      continue;
    }
    const key = String(seg);
    let next = own(cur, key);
    if (wantArray ? !Array.isArray(next) : !isDataTable(next) && !Array.isArray(next)) {
      next = wantArray ? [] : dataTable();
      cur[key] = next;
    }
    cur = next as TomlTableData | unknown[];
  }
  if (Array.isArray(cur)) {
    const last = cur[cur.length - 1];
    if (isDataTable(last)) return last;
    const table = dataTable();
    cur.push(table);
    return table;
  }
  return cur;
}

function contentValue(node: AST.TOMLContentNode): unknown {
  switch (node.type) {
    case 'TOMLValue':
      return node.value;
    case 'TOMLArray':
      return node.elements.map(contentValue);
    case 'TOMLInlineTable': {
      const table = dataTable();
      for (const kv of node.body) setKey(table, keyNames(kv.key), contentValue(kv.value));
      return table;
    }
  }
}

/** The document's value: tables without prototypes, arrays, strings, numbers, booleans and dates. */
export function tomlData(ast: AST.TOMLProgram): TomlTableData {
  const root = dataTable();
  for (const item of ast.body[0].body) {
    if (item.type === 'TOMLKeyValue') {
      setKey(root, keyNames(item.key), contentValue(item.value));
    } else {
      const table = tableAt(root, item.resolvedKey);
      for (const kv of item.body) setKey(table, keyNames(kv.key), contentValue(kv.value));
    }
  }
  return root;
}

/**
 * How deeply arrays and inline tables may nest. The parser recurses once per level (thousands of
 * levels exhaust the stack); real files nest a handful of levels.
 */
export const MAX_TOML_NESTING = 100;

/**
 * Where brackets and braces outside strings and comments nest deeper than `limit`, as a 0-based
 * line and UTF-16 column; undefined when they never do. Table headers count like arrays, which is
 * harmless: they are one or two levels deep.
 */
export function tooDeep(text: string, limit = MAX_TOML_NESTING): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      lineStart = i + 1;
    } else if (ch === 35 /* # */) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
    } else if (ch === 34 /* " */ || ch === 39 /* ' */) {
      const quote = text[i];
      const triple = text.startsWith(quote.repeat(3), i);
      const close = triple ? quote.repeat(3) : quote;
      let j = i + close.length;
      while (j < text.length) {
        if (quote === '"' && text[j] === '\\') j += 2;
        else if (text.startsWith(close, j)) break;
        else if (!triple && text[j] === '\n') break;
        else j++;
      }
      // Line breaks inside a multi-line string still count as lines.
      for (let k = i; k < j && k < text.length; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = text.startsWith(close, j) ? j + close.length - 1 : j - 1;
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) return { line, column: i - lineStart };
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
