// Every fix on every fixture and on a generated Genkit-shaped workspace: applied alone, or all at
// once by fix-all, it leaves the file parseable with no new syntax errors, and fix-all is idempotent.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixAllText, textOnlyEdits } from '../src/engine/fixAll';
import { fileKind } from '../src/engine/linter';
import type { LintSession } from '../src/engine/session';
import { applyTextEdits } from '../src/engine/textEdits';
import type { Finding } from '../src/engine/types';
import { RULES } from '../src/engine/registry';
import { scanFiles } from '../src/workspace/scan';
import { genWorkspace } from '../../scripts/genkit-shapes.mjs';
import { FIXTURES, lintPath, sessionWith, syntaxErrors } from './fixtureHarness';

/** Fixture inputs: every .py and .toml file, with the path it is linted as. */
function fixtureFiles(dir = FIXTURES): { source: string; path: string }[] {
  const out: { source: string; path: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...fixtureFiles(full));
    else if (name.endsWith('.py') || name === 'pyproject.toml') out.push({ source: full, path: full });
    // Single-file pyproject fixtures (<case>.toml) are linted as <case>/pyproject.toml.
    else if (name.endsWith('.toml') && !existsSync(join(dir, name.replace(/\.toml$/, '')))) out.push({ source: full, path: lintPath(dir, name) });
  }
  return out;
}

/** Checks every fix of one file; returns how many fixes it applied. */
async function checkFixes(session: LintSession, source: string, path: string): Promise<number> {
  const text = readFileSync(source, 'utf8');
  const before = await syntaxErrors(path, text);
  const where = relative(join(FIXTURES, '..'), source);
  const lint = (t: string): Finding[] => session.lintText(path, t);
  let checked = 0;
  for (const finding of lint(text)) {
    if (!finding.fix) continue;
    const edits = textOnlyEdits(finding.fix, path);
    if (edits) {
      const { text: after, skipped } = applyTextEdits(text, edits);
      assert.deepEqual(skipped, [], `${where}: ${finding.rule}'s fix has overlapping edits`);
      assert.ok((await syntaxErrors(path, after)) <= before, `${where}: ${finding.rule}'s fix "${finding.fix.title}" adds syntax errors`);
      checked++;
      continue;
    }
    // Fixes that touch other files: their edits must apply to those files as they are, cleanly.
    for (const change of finding.fix.changes) {
      if (change.type === 'edit' && change.file !== path && existsSync(change.file)) {
        const other = readFileSync(change.file, 'utf8');
        const { text: after, skipped } = applyTextEdits(other, change.edits);
        assert.deepEqual(skipped, [], `${where}: ${finding.rule}'s fix overlaps itself in ${change.file}`);
        assert.ok((await syntaxErrors(change.file, after)) <= (await syntaxErrors(change.file, other)), `${where}: ${finding.rule}'s fix breaks ${change.file}`);
      } else if (change.type === 'rename' || change.type === 'delete') {
        // A rule renames or deletes only the file it checked.
        assert.equal(change.type === 'rename' ? change.from : change.file, path, `${where}: ${finding.rule} moves a file it did not check`);
      }
    }
    checked++;
  }
  for (const unsafe of [false, true]) {
    const once = fixAllText(path, text, lint, { unsafe });
    assert.ok((await syntaxErrors(path, once.text)) <= before, `${where}: fix-all${unsafe ? ' with unsafe fixes' : ''} adds syntax errors`);
    const twice = fixAllText(path, once.text, lint, { unsafe });
    assert.equal(twice.applied, 0, `${where}: fix-all${unsafe ? ' with unsafe fixes' : ''} is not idempotent`);
    assert.equal(twice.text, once.text);
  }
  return checked;
}

describe('fix safety', function () {
  this.timeout(120_000);

  it('every fix of every fixture file, alone and through fix-all', async () => {
    const session = await sessionWith(RULES);
    const files = fixtureFiles();
    assert.ok(files.length > 100, `only ${files.length} fixture files`);
    let fixes = 0;
    for (const { source, path } of files) {
      await session.prepare(session.workspaces.forFile(path));
      fixes += await checkFixes(session, source, path);
    }
    assert.ok(fixes > 20, `only ${fixes} fixes were checked`);
  });

  it('every fix of a generated Genkit-shaped workspace, alone and through fix-all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-fixes-'));
    try {
      genWorkspace(root, { files: 150, lines: 30_000, seed: 17 });
      const session = await sessionWith(RULES);
      const files = (await scanFiles(root)).filter((f) => fileKind(f));
      let fixes = 0;
      for (const file of files) {
        await session.prepare(session.workspaces.forFile(file));
        fixes += await checkFixes(session, file, file);
      }
      assert.ok(fixes > 10, `only ${fixes} fixes were checked`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
