// pytest-fail-in-if beyond its fixture: which rewrites are safe (the negation the language defines),
// which are unsafe (`==`/`!=`, which a class may define apart), which get none, and the modules
// whose asserts pytest does not rewrite.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllText } from '../src/engine/fixAll';
import { pytestFailInIf } from '../src/rules/python/pytest-fail-in-if';
import { FIXTURES, sessionWith } from './fixtureHarness';

const DIR = join(FIXTURES, 'rules', 'pytest-fail-in-if');

describe('pytest-fail-in-if', () => {
  it('offers a safe rewrite for defined negations, an unsafe one for == and !=, none where assert could behave differently', async () => {
    const session = await sessionWith([pytestFailInIf]);
    const file = join(DIR, 'part_converter_test.py');
    const findings = session.lintText(file, readFileSync(file, 'utf8'));
    // lintText computes deferred fixes at once, as the CLI does.
    const byLine = Object.fromEntries(findings.map((f) => [f.range.start.line + 1, f.fix ? `${f.fix.title} (${f.fix.safe ? 'safe' : 'unsafe'})` : 'none']));
    assert.deepEqual(byLine, {
      8: 'Rewrite as assert (safe)',
      13: 'Rewrite as assert (safe)',
      15: 'Rewrite as assert (safe)',
      17: 'Rewrite as assert (safe)',
      19: 'none', // a comment in the statement
      24: 'Rewrite as assert (unsafe)',
      26: 'Rewrite as assert (unsafe)',
      31: 'Rewrite as assert (safe)',
      33: 'Rewrite as assert (safe)',
      35: 'Rewrite as assert (safe)',
      37: 'Rewrite as assert (unsafe)',
      43: 'Rewrite as assert (safe)',
      49: 'none', // inside try: `except Exception` catches AssertionError, not pytest's Failed
      54: 'none', // inside with: a context manager may swallow one and not the other
      56: 'none', // an assignment expression
      58: 'none', // pytrace=False
      60: 'none', // a comment in the body
      66: 'none', // not a test function
    });
  });

  it('fix-all applies only the safe rewrites', async () => {
    const session = await sessionWith([pytestFailInIf]);
    const file = join(DIR, 'part_converter_test.py');
    const text = readFileSync(file, 'utf8');
    const fixed = fixAllText(file, text, (t) => session.lintText(file, t)).text;
    assert.match(fixed, /^ {4}if got != want:\n {8}pytest\.fail\(f'got \{got\}, want \{want\}'\)$/m);
    assert.match(fixed, /^ {4}assert got, f'is_text\(x\) = \{got\}, want True'$/m);
    assert.match(fixed, /^ {4}assert result is None, 'want None'$/m);
  });

  it('leaves a module that opts out of assertion rewriting alone (its asserts would vanish under python -O)', async () => {
    const session = await sessionWith([pytestFailInIf]);
    const file = join(DIR, 'opt_out_test.py');
    const text = '"""PYTEST_DONT_REWRITE"""\n\nimport pytest\n\n\ndef test_x() -> None:\n    if not ok():\n        pytest.fail("no")\n';
    assert.equal(session.lintText(file, text).length, 1);
    assert.equal(fixAllText(file, text, (t) => session.lintText(file, t), { unsafe: true }).text, text);
  });
});
