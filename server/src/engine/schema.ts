// A small schema vocabulary for configuration tables and the validator that applies it to located
// TOML (parsing/tomlTree.ts). Validation keeps what is valid and says, at the key or value, what is
// not: the caller gets the clean value (objects without prototypes, only known keys) and problems.
import type { TomlNode, TomlTableNode } from '../parsing/tomlTree';
import type { Range } from '../base/text';

/** A check of a string (or of a table key): the problem in words, or undefined when it is fine. */
export type Check = (value: string) => string | undefined;

export type Schema =
  | { type: 'string'; oneOf?: readonly string[]; check?: Check; hint?: string }
  | { type: 'boolean' }
  | { type: 'integer'; min?: number; max?: number; hint?: string }
  /** `wholeOrNothing`: one bad item drops the whole array (a `select` with a typo must not narrow the rules). */
  | { type: 'array'; items: Schema; wholeOrNothing?: boolean; nonEmpty?: string }
  | { type: 'table'; keys: Readonly<Record<string, Schema>>; required?: readonly string[] }
  /** A table with free keys (rule ids, say), each key checked, each value by the schema its key gives. */
  | { type: 'map'; key: Check; values: (key: string) => Schema }
  /** One of several shapes (a string or an array of them, say): the one of the value's kind applies. */
  | { type: 'anyOf'; of: readonly Schema[] };

export interface SchemaProblem {
  /** The path as people write it: `layout.members[1].path`. */
  path: string;
  message: string;
  range: Range;
}

const INVALID = Symbol('invalid');

function article(node: TomlNode): string {
  switch (node.kind) {
    case 'table':
      return 'a table';
    case 'array':
      return 'an array';
    case 'string':
      return `a string (${JSON.stringify(node.value)})`;
    case 'integer':
      return `an integer (${String(node.value)})`;
    case 'float':
      return 'a number';
    case 'boolean':
      return `a boolean (${String(node.value)})`;
    default:
      return 'a date';
  }
}

function expected(schema: Schema): string {
  switch (schema.type) {
    case 'string':
      return schema.oneOf ? `one of ${schema.oneOf.map((v) => JSON.stringify(v)).join(', ')}` : 'a string';
    case 'boolean':
      return 'true or false';
    case 'integer':
      if (schema.min !== undefined && schema.max !== undefined) return `an integer from ${schema.min} to ${schema.max}`;
      return schema.min !== undefined ? `an integer of at least ${schema.min}` : 'an integer';
    case 'array':
      return 'an array';
    case 'anyOf':
      return schema.of.map(expected).join(' or ');
    default:
      return 'a table';
  }
}

/** The node kind a schema takes. */
const KIND_OF: Record<Exclude<Schema['type'], 'anyOf'>, TomlNode['kind']> = { string: 'string', boolean: 'boolean', integer: 'integer', array: 'array', table: 'table', map: 'table' };

/** The edit distance of two short strings, to suggest the key or rule id someone meant. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** ` (did you mean "x"?)` when one candidate is close, else empty. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const written = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${written}` : written;
}

function tableName(path: string, root: string): string {
  return path ? `[${root}.${path}]` : `[${root}]`;
}

class Validator {
  readonly problems: SchemaProblem[] = [];

  constructor(private readonly root: string) {}

  private report(path: string, range: Range, message: string): typeof INVALID {
    this.problems.push({ path, range, message });
    return INVALID;
  }

  value(node: TomlNode, schema: Schema, path: string): unknown {
    const at = path || this.root;
    switch (schema.type) {
      case 'string': {
        if (node.kind !== 'string') return this.report(path, node.range, `${at} must be ${expected(schema)}, not ${article(node)}${schema.hint ? `; ${schema.hint}` : ''}.`);
        const value = node.value as string;
        if (schema.oneOf && !schema.oneOf.includes(value)) {
          return this.report(path, node.range, `${at} must be ${expected(schema)}, not ${JSON.stringify(value)}${suggestion(value, schema.oneOf)}.`);
        }
        const problem = schema.check?.(value);
        return problem ? this.report(path, node.range, `${at}: ${problem}.`) : value;
      }
      case 'boolean':
        return node.kind === 'boolean' ? node.value : this.report(path, node.range, `${at} must be ${expected(schema)}, not ${article(node)}.`);
      case 'integer': {
        const n = node.kind === 'integer' ? (node.value as number) : NaN;
        const ok = node.kind === 'integer' && (schema.min === undefined || n >= schema.min) && (schema.max === undefined || n <= schema.max);
        return ok ? node.value : this.report(path, node.range, `${at} must be ${expected(schema)}, not ${article(node)}${schema.hint ? `; ${schema.hint}` : ''}.`);
      }
      case 'array':
        return this.array(node, schema, path);
      case 'table':
        return this.table(node, schema, path);
      case 'map':
        return this.map(node, schema, path);
      case 'anyOf': {
        const fitting = schema.of.find((s) => s.type !== 'anyOf' && KIND_OF[s.type] === node.kind);
        return fitting ? this.value(node, fitting, path) : this.report(path, node.range, `${at} must be ${expected(schema)}, not ${article(node)}.`);
      }
    }
  }

  private array(node: TomlNode, schema: Extract<Schema, { type: 'array' }>, path: string): unknown {
    if (node.kind !== 'array') return this.report(path, node.range, `${path || this.root} must be an array, not ${article(node)}.`);
    if (schema.nonEmpty && node.items.length === 0) return this.report(path, node.range, `${path || this.root} is empty: ${schema.nonEmpty}.`);
    const out: unknown[] = [];
    let bad = false;
    node.items.forEach((item, i) => {
      const v = this.value(item, schema.items, childPath(path, i));
      if (v === INVALID) bad = true;
      else out.push(v);
    });
    return bad && schema.wholeOrNothing ? INVALID : out;
  }

  private table(node: TomlNode, schema: Extract<Schema, { type: 'table' }>, path: string): unknown {
    if (node.kind !== 'table') return this.report(path, node.range, `${path || this.root} must be a table, not ${article(node)}.`);
    const out: Record<string, unknown> = Object.create(null);
    const known = Object.keys(schema.keys);
    for (const [key, child] of node.entries) {
      const sub = Object.hasOwn(schema.keys, key) ? schema.keys[key] : undefined;
      if (!sub) {
        this.report(childPath(path, key), child.keyRange, `Unknown key "${key}" in ${tableName(path, this.root)}${suggestion(key, known)}.`);
        continue;
      }
      const v = this.value(child, sub, childPath(path, key));
      if (v !== INVALID) out[key] = v;
    }
    const missing = (schema.required ?? []).filter((k) => !node.entries.has(k));
    if (missing.length > 0) {
      return this.report(path, node.keyRange, `${path || this.root} needs ${missing.map((k) => `"${k}"`).join(' and ')}; this entry is left out.`);
    }
    // A required key that was present but invalid leaves the entry incomplete: drop it whole.
    if ((schema.required ?? []).some((k) => !(k in out))) return INVALID;
    return out;
  }

  private map(node: TomlNode, schema: Extract<Schema, { type: 'map' }>, path: string): unknown {
    if (node.kind !== 'table') return this.report(path, node.range, `${path || this.root} must be a table, not ${article(node)}.`);
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, child] of node.entries) {
      const problem = schema.key(key);
      if (problem) {
        this.report(childPath(path, key), child.keyRange, `${tableName(path, this.root)}: ${problem}.`);
        continue;
      }
      const v = this.value(child, schema.values(key), childPath(path, key));
      if (v !== INVALID) out[key] = v;
    }
    return out;
  }
}

/**
 * Validates a located table against a table schema. `root` names it in messages (`tool.pyguide`).
 * The value holds only what is valid; every problem is at the key or value it is about.
 */
export function validateTable(node: TomlTableNode, schema: Extract<Schema, { type: 'table' }>, root: string): { value: Record<string, unknown>; problems: SchemaProblem[] } {
  const validator = new Validator(root);
  const value = validator.value(node, schema, '');
  return { value: value === INVALID ? Object.create(null) : (value as Record<string, unknown>), problems: validator.problems };
}
