// dunder-all beyond its fixtures: severities and messages (the core package's missing `__all__` is
// an error, as in the old consistency check; a plugin's a warning), which order findings carry a
// fix, and the presets that run it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfig, resolveConfig } from '../src/engine/config';
import { dunderAll } from '../src/rules/python/dunder-all';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

const DIR = join(FIXTURES, 'rules', 'dunder-all');

describe('dunder-all', () => {
  it('a missing `__all__` is an error in the main package, a warning in a plugin', async () => {
    const session = await sessionWith([dunderAll]);
    const findings = await lintWorkspace(session, join(DIR, 'ws'));
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message]).sort(),
      [
        ['error', 'The main package `genkit` defines no `__all__`: the guidelines want its public API listed, for IDE autocomplete and `from genkit import *`.'],
        ['warning', '`genkit.plugins.big` has more than 5 lines of code but no `__all__`: list its public names, for IDE autocomplete.'],
      ],
    );
  });

  it('says which name goes first, and offers the sort only without duplicates or comments on names’ lines', async () => {
    const session = await sessionWith([dunderAll]);
    const order = session.lintText(join(DIR, 'order.py'), readFileSync(join(DIR, 'order.py'), 'utf8'));
    assert.equal(order[0].message, "`__all__` is not in plain code-point order (uppercase before lowercase, as the guidelines ask; Ruff's RUF022 sorts otherwise): `'AnyToolChoice'` goes before `'AutoToolChoice'`.");
    assert.match(order[2].message, /order within each comment-separated group .*`'EmbedderOptions'` goes before `'EmbedderSupports'`/);
    assert.deepEqual(order.map((f) => f.fix && [f.fix.title, f.fix.safe]), [['Sort `__all__`', true], ['Sort `__all__`', true], ['Sort `__all__`', true]]);
    const noFix = session.lintText(join(DIR, 'no-fix.py'), readFileSync(join(DIR, 'no-fix.py'), 'utf8'));
    assert.deepEqual(noFix.map((f) => [f.message, f.fix]), [
      ["`__all__` is not in plain code-point order (uppercase before lowercase, as the guidelines ask; Ruff's RUF022 sorts otherwise): `'a'` goes before `'b'`.", undefined],
      ["`'b'` is listed in `__all__` more than once.", undefined],
      ["`__all__` is not in plain code-point order (uppercase before lowercase, as the guidelines ask; Ruff's RUF022 sorts otherwise): `'alpha'` goes before `'beta'`.", undefined],
    ]);
  });

  it('runs in the Genkit presets only: the order is Genkit’s convention (Ruff’s RUF022 disagrees)', () => {
    const on = (preset: 'genkit' | 'genkit-plugins' | 'generic') => resolveConfig(buildConfig({}, preset)).severityOf('dunder-all', 'warning');
    assert.deepEqual([on('genkit'), on('genkit-plugins'), on('generic')], ['warning', 'warning', 'off']);
  });
});
