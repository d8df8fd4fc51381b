// Every rule against its fixtures in test-fixtures/rules/<rule-id>/:
//   <case>.py | .toml | .sh      a file, linted with only that rule on, findings in <case>.expected
//   <case>.fixed.py | .toml | .sh the same file after fix-all with unsafe fixes (`--fix --unsafe-fixes`)
//   <case>/                        a workspace, every file linted, findings in <case>.expected (with paths)
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllText } from '../src/engine/fixAll';
import { RULES } from '../src/engine/registry';
import type { Finding, Rule } from '../src/engine/types';
import { FIXTURES, formatFinding, lintPath, lintWorkspace, listDir, readExpected, sessionWith, syntaxErrors } from './fixtureHarness';

const RULE_FIXTURES = join(FIXTURES, 'rules');

/**
 * A message or fix title holds no character beyond ASCII but what it quotes from the file: one
 * such character makes a whole publish a two-byte string, which costs the server's encoding and
 * the client's parsing about twice as much (0.3 ms of a keystroke in a 5,000-line module).
 */
function assertAsciiButQuoted(findings: readonly Finding[], textOf: (file: string) => string): void {
  for (const f of findings) {
    for (const said of [f.message, f.fix?.title ?? f.deferredFix?.title ?? '']) {
      const foreign = [...said].filter((ch) => ch.charCodeAt(0) > 0x7f && !textOf(f.file).includes(ch));
      assert.deepEqual(foreign, [], `${f.rule}: ${JSON.stringify(said)}`);
    }
  }
}

describe('rules on their fixtures', () => {
  it('every rule has a fixture folder and a docs page', () => {
    for (const rule of RULES) {
      assert.ok(existsSync(join(RULE_FIXTURES, rule.id)), `test-fixtures/rules/${rule.id}/ is missing`);
      assert.ok(existsSync(join(FIXTURES, '..', 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
    }
  });

  for (const rule of RULES) {
    const dir = join(RULE_FIXTURES, rule.id);
    if (!existsSync(dir)) continue;
    describe(rule.id, () => {
      const { files, dirs } = listDir(dir);
      const cases = files.filter((f) => /\.(py|toml|sh)$/.test(f) && !/\.fixed\.(py|toml|sh)$/.test(f));
      for (const file of cases) {
        it(`${file}: exact findings`, async () => {
          const session = await sessionWith([rule as Rule]);
          const text = readFileSync(join(dir, file), 'utf8');
          const findings = session.lintText(lintPath(dir, file), text);
          assert.deepEqual(findings.map((f) => formatFinding(f)), readExpected(join(dir, file.replace(/\.(py|toml|sh)$/, '.expected'))));
          assertAsciiButQuoted(findings, () => text);
        });
        const fixed = join(dir, file.replace(/\.(py|toml|sh)$/, '.fixed.$1'));
        if (existsSync(fixed)) {
          it(`${file}: fix-all with unsafe fixes gives the .fixed file, stays valid and is idempotent`, async () => {
            const session = await sessionWith([rule as Rule]);
            const path = lintPath(dir, file);
            const text = readFileSync(join(dir, file), 'utf8');
            const lint = (t: string) => session.lintText(path, t);
            const once = fixAllText(path, text, lint, { unsafe: true });
            assert.equal(once.text, readFileSync(fixed, 'utf8'));
            assert.ok((await syntaxErrors(file, once.text)) <= (await syntaxErrors(file, text)), 'the fix added syntax errors');
            const twice = fixAllText(path, once.text, lint, { unsafe: true });
            assert.equal(twice.applied, 0);
            assert.equal(twice.text, once.text);
          });
          it(`${file}: fix-all without unsafe fixes applies the safe ones only`, async () => {
            const session = await sessionWith([rule as Rule]);
            const path = lintPath(dir, file);
            const text = readFileSync(join(dir, file), 'utf8');
            const lint = (t: string) => session.lintText(path, t);
            const safe = fixAllText(path, text, lint);
            // Whatever fix-all changed, each step was a safe fix: where the rule has none, nothing changes.
            if (!lint(text).some((f) => f.fix?.safe)) assert.equal(safe.text, text);
            else assert.notEqual(safe.text, text);
            assert.ok(lint(safe.text).every((f) => !f.fix?.safe), 'a safe fix is left after fix-all');
          });
        }
      }
      for (const ws of dirs) {
        it(`${ws}/: exact findings across the workspace`, async () => {
          const session = await sessionWith([rule as Rule]);
          const findings = await lintWorkspace(session, join(dir, ws));
          assert.deepEqual(findings.map((f) => formatFinding(f, join(dir, ws))).sort(), readExpected(join(dir, `${ws}.expected`)).sort());
          assertAsciiButQuoted(findings, (file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
        });
      }
    });
  }
});
