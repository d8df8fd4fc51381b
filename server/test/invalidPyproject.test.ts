// invalid-pyproject: one clear diagnostic at the line a person would fix, for any broken TOML.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintSession } from '../src/engine/session';
import { parseTomlDocument } from '../src/parsing/toml';
import { invalidPyproject } from '../src/rules/pyproject/invalid-pyproject';
import { FIXTURES, sessionWith } from './fixtureHarness';

const DIR = join(FIXTURES, 'rules', 'invalid-pyproject');
const FILE = join(DIR, 'case', 'pyproject.toml');

describe('invalid-pyproject messages', () => {
  let session: LintSession;
  before(async () => {
    session = await sessionWith([invalidPyproject]);
  });

  const cases: Array<[string, number, string]> = [
    ['unterminated-string', 2, 'Unterminated string: the `"` opened here is not closed on this line.'],
    ['duplicate-key', 4, 'Duplicate key `name` (first on line 2): TOML allows each key only once per table.'],
    ['duplicate-table', 7, 'Duplicate table `[project]` (first on line 1): a table may be opened only once; move these keys into the first one.'],
    ['unterminated-array', 3, 'Unterminated array: the `[` opened on this line is never closed with `]`.'],
    ['half-typed-header', 4, 'Unterminated table header: `[tool.uv` needs a closing `]` on the same line.'],
    ['half-typed-header-at-end', 4, 'Unterminated table header: `[tool.hatch.build.targets.` needs a closing `]` on the same line.'],
    ['unterminated-multiline-string', 3, 'Unterminated multi-line string: the `"""` opened here is never closed.'],
    ['missing-equals', 2, 'Expected `=` after the key: write `name = <value>` on one line.'],
    ['unquoted-value', 2, 'Unexpected `genkit`: string values need quotes, e.g. `"genkit"`.'],
    ['missing-comma', 2, 'Expected a comma (`,`) between the items.'],
  ];
  for (const [name, line, message] of cases) {
    it(`${name}: one error on line ${line} that says what is wrong`, () => {
      const findings = session.lintText(FILE, readFileSync(join(DIR, `${name}.toml`), 'utf8'));
      assert.deepEqual(
        findings.map((f) => [f.range.start.line + 1, f.severity, f.message]),
        [[line, 'error', message]],
      );
    });
  }

  it('an unclosed inline table is reported where it opens', () => {
    const [f] = session.lintText(FILE, '[tool.uv]\nsources = { genkit = { workspace = true }\n\n[x]\n');
    assert.equal(f.range.start.line, 1);
    assert.match(f.message, /^Unterminated inline table/);
  });

  it('every prefix of a valid file gives at most one finding, exactly one when it does not parse, and never throws', () => {
    const text = readFileSync(join(DIR, 'valid.toml'), 'utf8');
    for (let end = 0; end <= text.length; end++) {
      const prefix = text.slice(0, end);
      const findings = session.lintText(FILE, prefix);
      assert.equal(findings.length, parseTomlDocument(prefix).ok ? 0 : 1, `prefix of ${end} characters: ${JSON.stringify(findings)}`);
      for (const f of findings) assert.ok(f.range.start.line <= f.range.end.line && f.message.length > 0);
    }
  });

  it('survives hostile text', () => {
    for (const text of ['['.repeat(10_000), '\u0000\u0001', `a = "${'x'.repeat(100_000)}`, '\r\r\r[', '"""', "'''\n", '= 1', '[a]]\n']) {
      const findings = session.lintText(FILE, text);
      assert.equal(findings.length, 1, JSON.stringify(text.slice(0, 20)));
    }
  });
});
