// TOML values are data: tables have no prototype, so `__proto__`, `constructor` and `prototype` are
// ordinary keys in every table position and never reach the objects the program is made of.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { getPath, parseTomlDocument } from '../src/parsing/toml';
import { MAX_TOML_NESTING, tomlData, tooDeep } from '../src/parsing/tomlData';

const FIXTURES = join(__dirname, '..', '..', '..', 'test-fixtures');

function tomlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tomlFiles(full));
    else if (name.endsWith('.toml')) out.push(full);
  }
  return out;
}

/** A value with every table turned into a plain object, to compare with the parser's own converter. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Date || v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

/** Every object in a value has no prototype (arrays and dates aside). */
function allTablesBare(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(allTablesBare);
  if (v instanceof Date || v === null || typeof v !== 'object') return true;
  return Object.getPrototypeOf(v) === null && Object.values(v).every(allTablesBare);
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Every way TOML can name a key, with a prototype name in each position. */
function hostileDocuments(): string[] {
  const docs: string[] = [];
  for (const k of PROTO_KEYS) {
    const q = `"${k}"`;
    docs.push(
      `[${k}]\npolluted = true\n`,
      `[${k}.fix]\nsafe = true\n[[${k}.fix.changes]]\ntype = "delete"\nfile = "/etc/passwd"\n`,
      `${k}.polluted = true\n`,
      `[a]\n${k} = { polluted = true }\n`,
      `[a.${k}]\npolluted = true\n`,
      `[[${k}]]\npolluted = true\n`,
      `[[a.${k}]]\npolluted = true\n[[a.${k}]]\npolluted = 2\n`,
      `a = { ${k} = { polluted = true } }\n`,
      `a = [{ ${k} = { polluted = true } }]\n`,
      `[${q}.${k}]\npolluted = true\n`,
      `[tool.pyguide.${k}]\npolluted = true\n[tool.pyguide.severity]\n${k} = "error"\n`,
      `[constructor.prototype]\npolluted = true\n[__proto__.constructor]\npolluted = true\n`,
      `[${k}]\nid = 7\ntoString = "x"\nvalueOf = 1\nhasOwnProperty = 2\n`,
    );
  }
  return docs;
}

describe('TOML values as data', () => {
  it('equal the parser\'s own values for every TOML fixture, with bare tables throughout', () => {
    const files = tomlFiles(FIXTURES);
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let ast;
      try {
        ast = parseTOML(text);
      } catch {
        continue; // invalid-pyproject fixtures
      }
      const ours = tomlData(ast);
      assert.ok(allTablesBare(ours), file);
      // The parser's own converter turns a `__proto__` key into a prototype: those fixtures are
      // the hostile documents' business below.
      if (/\b__proto__\b/.test(text)) continue;
      assert.deepEqual(plain(ours), plain(getStaticTOMLValue(ast)), file);
    }
  });

  it('arrays of tables, nested arrays of tables and dotted keys land where TOML puts them', () => {
    const doc = parseTomlDocument('a.b = 1\n[[x.y]]\nk = 1\n[[x.y]]\nk = 2\n[[x.y.z]]\nq = 1\n[x.y.w]\nr = 1\n[t]\nu.v = { w = [1, { z = 2 }] }\n');
    assert.ok(doc.ok);
    assert.deepEqual(plain(doc.value), { a: { b: 1 }, x: { y: [{ k: 1 }, { k: 2, z: [{ q: 1 }], w: { r: 1 } }] }, t: { u: { v: { w: [1, { z: 2 }] } } } });
  });

  for (const text of hostileDocuments()) {
    it(`keeps prototype names as own keys: ${JSON.stringify(text.split('\n')[0])}`, () => {
      const doc = parseTomlDocument(text);
      assert.ok(doc.ok, text);
      assert.ok(allTablesBare(doc.value));
      const probe: Record<string, unknown> = {};
      for (const name of ['polluted', 'fix', 'id', 'safe', 'changes']) {
        assert.equal(probe[name], undefined, `Object.prototype.${name} after ${text}`);
        assert.equal(([] as unknown as Record<string, unknown>)[name], undefined);
        assert.equal((Object as unknown as Record<string, unknown>)[name], undefined);
      }
      assert.equal(Object.getPrototypeOf(probe), Object.prototype);
      // The key is readable as what it is: an own key of its table.
      const first = Object.keys(doc.value)[0];
      assert.ok(PROTO_KEYS.includes(first) || first === 'a' || first === 'tool' || first === 'constructor', first);
      assert.ok(Object.hasOwn(doc.value, first));
    });
  }

  it('reads only own keys: an inherited name is not a value', () => {
    const doc = parseTomlDocument('[tool.pyguide]\nselect = ["bare-noqa"]\n');
    assert.ok(doc.ok);
    assert.equal(getPath(doc.value, 'toString'), undefined);
    assert.equal(getPath(doc.value, 'tool', 'constructor'), undefined);
    assert.equal(getPath(doc.value, 'tool', '__proto__'), undefined);
    assert.deepEqual(getPath(doc.value, 'tool', 'pyguide', 'select'), ['bare-noqa']);
    assert.equal(getPath({ a: 1 }, 'hasOwnProperty'), undefined);
  });

  it('nesting deeper than the limit is a clear parse error at the bracket, not a stack overflow', () => {
    const deepInline = 'x = 1\na = ' + '{b='.repeat(5000) + '1' + '}'.repeat(5000) + '\n';
    const doc = parseTomlDocument(deepInline);
    assert.equal(doc.ok, false);
    assert.deepEqual(!doc.ok && doc.error, { message: `arrays or inline tables nest more than ${MAX_TOML_NESTING} levels deep`, line: 1, column: 4 + 3 * MAX_TOML_NESTING });
    const deepArray = parseTomlDocument('a = ' + '['.repeat(20000) + ']'.repeat(20000) + '\n');
    assert.equal(deepArray.ok, false);
    // At the limit it parses; brackets inside strings and comments do not count.
    assert.ok(parseTomlDocument('a = ' + '['.repeat(MAX_TOML_NESTING) + ']'.repeat(MAX_TOML_NESTING) + '\n').ok);
    const quoted = `s = "${'['.repeat(500)}"\nt = '${'{'.repeat(500)}'\nu = """\n${'['.repeat(500)}\n"""\n# ${'['.repeat(500)}\n[x]\ny = 1\n`;
    assert.equal(tooDeep(quoted), undefined);
    assert.ok(parseTomlDocument(quoted).ok);
  });
});
