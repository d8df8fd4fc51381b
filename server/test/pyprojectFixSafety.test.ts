// Which pyproject fixes are safe (Ruff's definition: nothing the package builds, installs or does
// at run time changes), on the rules' own fixture workspaces.
import * as assert from 'node:assert/strict';
import { join, relative, sep } from 'node:path';
import { RULES } from '../src/engine/registry';
import { FIXTURES, lintWorkspace, sessionWith } from './fixtureHarness';

async function fixesIn(rule: string, workspace: string): Promise<string[]> {
  const dir = join(FIXTURES, 'rules', rule, workspace);
  const findings = await lintWorkspace(await sessionWith(RULES.filter((r) => r.id === rule)), dir);
  return findings.filter((f) => f.fix).map((f) => `${relative(dir, f.file).split(sep).join('/')}: ${f.fix!.title} (${f.fix!.safe ? 'safe' : 'unsafe'})`);
}

describe('pyproject fix safety', () => {
  it('missing-metadata: descriptive fields are safe; name, version, requires-python and license are not', async () => {
    assert.deepEqual(await fixesIn('missing-metadata', 'workspace'), [
      'plugins/bare/pyproject.toml: Add license, requires-python, authors, classifiers to [project] (unsafe)',
      'plugins/bare/pyproject.toml: Add readme to [project] (safe)',
      'samples/no-project/pyproject.toml: Add name, version, requires-python to [project] (unsafe)',
      'samples/partial/pyproject.toml: Add version, requires-python to [project] (unsafe)',
    ]);
  });

  it('python-classifiers: safe, except a license classifier next to a PEP 639 license expression', async () => {
    // plugins/inline has `license = "Apache-2.0"` and lacks the license classifier.
    assert.deepEqual(await fixesIn('python-classifiers', 'workspace'), [
      'plugins/inline/pyproject.toml: Add missing classifiers (unsafe)',
      'plugins/old/pyproject.toml: Add missing classifiers (safe)',
    ]);
  });

  it('namespace-wheel-config: safe only where the wheel keeps its files where they are', async () => {
    const fixes = [...(await fixesIn('namespace-wheel-config', 'workspace')), ...(await fixesIn('namespace-wheel-config', 'hatchling'))];
    assert.deepEqual(fixes, [
      // `packages` beside `only-include` is not walked: dropping it changes nothing in the wheel.
      'plugins/both/pyproject.toml: Remove packages (only-include is set) (safe)',
      'plugins/empty-table/pyproject.toml: Add only-include = ["src/genkit/plugins/empty_table"] (unsafe)',
      // Adding a `sources` rewrite moves the modules (to where `import` finds them, but still).
      'plugins/empty-table/pyproject.toml: Add sources = ["src"] (unsafe)',
      'plugins/no-sources/pyproject.toml: Add sources = ["src"] (unsafe)',
      'plugins/no-table/pyproject.toml: Add [tool.hatch.build.targets.wheel] (unsafe)',
      // The same files, walked once instead of twice.
      'plugins/packages/pyproject.toml: Replace packages with only-include = ["src/genkit/plugins/packages"] (safe)',
      'plugins/wrong-sources/pyproject.toml: Set sources to ["src"] (unsafe)',
      'plugins/deep-packages/pyproject.toml: Add sources = ["src"] (unsafe)',
      'plugins/inline/pyproject.toml: Replace packages with only-include = ["src/genkit/plugins/inline"] and sources = ["src"] (unsafe)',
      'plugins/listed-twice/pyproject.toml: Set only-include to ["src/genkit/plugins/listed_twice"] (safe)',
      'plugins/namespace-listed/pyproject.toml: Replace packages with only-include = ["src/genkit/plugins/namespace_listed"] and sources = ["src"] (unsafe)',
      'plugins/sources-too-deep/pyproject.toml: Set sources to ["src"] (unsafe)',
      // A stray `__init__.py` in the namespace directories would stop shipping.
      'plugins/stray/pyproject.toml: Replace packages with only-include = ["src/genkit/plugins/stray"] (unsafe)',
    ]);
  });

  it('every other pyproject rule with a fix is unsafe, except creating py.typed and LICENSE', async () => {
    const unsafe = ['requires-python', 'version-sync', 'workspace-source', 'missing-dependency', 'package-name'];
    for (const rule of unsafe) {
      const fixes = await fixesIn(rule, 'workspace');
      assert.ok(fixes.length > 0, `${rule}: no fix found on its fixture`);
      assert.deepEqual(fixes.filter((f) => f.endsWith('(safe)')), [], rule);
    }
    const created = await fixesIn('missing-package-file', 'workspace');
    assert.ok(created.length > 0 && created.every((f) => f.endsWith('(safe)')), created.join('\n'));
  });
});
