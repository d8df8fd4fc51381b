// A TOML document as a tree of located nodes: every table, array and value with where its key and
// its value are written. Tables are Maps, so keys such as `__proto__` or `constructor` are plain
// entries here, never inherited properties; configuration is validated on this tree.
import type { AST } from 'toml-eslint-parser';
import type { Range } from '../base/text';
import { tomlRange, type TomlAst } from './toml';

interface Located {
  /** Where the key naming this node is written (for an array item, the item itself). */
  keyRange: Range;
  /** Where the value is written (for a table from a `[header]`, the header's key). */
  range: Range;
}

export interface TomlTableNode extends Located {
  kind: 'table';
  entries: Map<string, TomlNode>;
}

export interface TomlArrayNode extends Located {
  kind: 'array';
  items: TomlNode[];
}

export interface TomlScalarNode extends Located {
  kind: 'string' | 'integer' | 'float' | 'boolean' | 'datetime';
  value: string | number | boolean | Date;
}

export type TomlNode = TomlTableNode | TomlArrayNode | TomlScalarNode;

function table(keyRange: Range, range: Range = keyRange): TomlTableNode {
  return { kind: 'table', entries: new Map(), keyRange, range };
}

function keyPartName(part: AST.TOMLBare | AST.TOMLQuoted): string {
  return part.type === 'TOMLBare' ? part.name : part.value;
}

function content(node: AST.TOMLContentNode, keyRange: Range): TomlNode {
  const range = tomlRange(node);
  if (node.type === 'TOMLArray') return { kind: 'array', items: node.elements.map((e) => content(e, tomlRange(e))), keyRange, range };
  if (node.type === 'TOMLInlineTable') {
    const t = table(keyRange, range);
    for (const kv of node.body) addKeyValue(t, kv);
    return t;
  }
  const kind = node.kind === 'string' || node.kind === 'integer' || node.kind === 'float' || node.kind === 'boolean' ? node.kind : 'datetime';
  return { kind, value: node.value, keyRange, range };
}

/** The table under `name`, made when missing; undefined when a non-table value holds the name. */
function childTable(parent: TomlTableNode, name: string, keyRange: Range): TomlTableNode | undefined {
  const existing = parent.entries.get(name);
  if (!existing) {
    const t = table(keyRange);
    parent.entries.set(name, t);
    return t;
  }
  return existing.kind === 'table' ? existing : undefined;
}

function addKeyValue(into: TomlTableNode, kv: AST.TOMLKeyValue): void {
  const parts = kv.key.keys;
  let t: TomlTableNode | undefined = into;
  for (const part of parts.slice(0, -1)) {
    t = childTable(t, keyPartName(part), tomlRange(part));
    if (!t) return;
  }
  const last = parts[parts.length - 1];
  t.entries.set(keyPartName(last), content(kv.value, tomlRange(last)));
}

/** The table a `[header]` or `[[header]]` opens, made along its resolved key (array indices included). */
function headerTable(root: TomlTableNode, header: AST.TOMLTable): TomlTableNode | undefined {
  const path = header.resolvedKey;
  const parts = header.key.keys;
  let t: TomlTableNode | undefined = root;
  let part = 0;
  for (let i = 0; i < path.length && t; i++) {
    const seg = path[i];
    if (typeof seg === 'number') continue;
    const keyRange = tomlRange(parts[Math.min(part++, parts.length - 1)]);
    const next = path[i + 1];
    if (typeof next === 'number') {
      let array = t.entries.get(seg);
      if (!array) {
        array = { kind: 'array', items: [], keyRange, range: keyRange };
        t.entries.set(seg, array);
      }
      if (array.kind !== 'array') return undefined;
      const item: TomlNode = array.items[next] ?? table(tomlRange(header.key));
      array.items[next] = item;
      t = item.kind === 'table' ? item : undefined;
    } else t = childTable(t, seg, keyRange);
  }
  return t;
}

/** The whole document as located nodes. */
export function tomlTree(ast: TomlAst): TomlTableNode {
  const root = table(tomlRange(ast));
  for (const item of ast.body[0].body) {
    if (item.type === 'TOMLKeyValue') addKeyValue(root, item);
    else {
      const t = headerTable(root, item);
      if (!t) continue;
      // A table written by header is named by the header's last key, and written as the whole header.
      t.keyRange = tomlRange(item.key.keys[item.key.keys.length - 1]);
      t.range = tomlRange(item.key);
      for (const kv of item.body) addKeyValue(t, kv);
    }
  }
  return root;
}

/** The node at a path of table keys, e.g. `nodeAt(tree, 'tool', 'pyguide')`. */
export function nodeAt(tree: TomlTableNode, ...keys: string[]): TomlNode | undefined {
  let cur: TomlNode | undefined = tree;
  for (const k of keys) {
    if (cur?.kind !== 'table') return undefined;
    cur = cur.entries.get(k);
  }
  return cur;
}
