// hatchling's file selection as namespace-wheel-config models it. Each expected wheel path below
// is what hatchling (Debian's python3-hatchling 1.12.2; the code is unchanged up to 1.32) put in a
// wheel built from `src/genkit/plugins/fastapi/__init__.py` with that configuration.
import * as assert from 'node:assert/strict';
import { overlappingPaths, sourceRewrites, walkedPaths, wheelPath, type WheelSelection } from '../src/rules/pyproject/_hatchWheel';

const MODULE = 'src/genkit/plugins/fastapi/__init__.py';

function shipped(selection: WheelSelection): string[] {
  const rewrites = sourceRewrites(selection);
  return walkedPaths(selection).map((walked) => (MODULE.startsWith(`${walked}/`) ? wheelPath(rewrites, MODULE) : undefined)).filter((p): p is string => p !== undefined);
}

describe("hatchling's wheel paths", () => {
  const cases: [string, WheelSelection, string[]][] = [
    ['packages = ["src/genkit"]', { packages: ['src/genkit'] }, ['genkit/plugins/fastapi/__init__.py']],
    ['packages = ["src/genkit/plugins/fastapi"]', { packages: ['src/genkit/plugins/fastapi'] }, ['fastapi/__init__.py']],
    ['the same with sources = ["src"]', { packages: ['src/genkit/plugins/fastapi'], sources: ['src'] }, ['genkit/plugins/fastapi/__init__.py']],
    ['the same with sources = { "src" = "" }', { packages: ['src/genkit/plugins/fastapi'], sources: { src: '' } }, ['genkit/plugins/fastapi/__init__.py']],
    ['packages = ["src/genkit", "src/genkit/plugins"]', { packages: ['src/genkit', 'src/genkit/plugins'] }, ['genkit/plugins/fastapi/__init__.py', 'genkit/plugins/fastapi/__init__.py']],
    ['packages = ["src/genkit/plugins"]', { packages: ['src/genkit/plugins'] }, ['plugins/fastapi/__init__.py']],
    ['only-include without sources', { onlyInclude: ['src/genkit/plugins/fastapi'] }, ['src/genkit/plugins/fastapi/__init__.py']],
    ['only-include with sources = ["src"]', { onlyInclude: ['src/genkit/plugins/fastapi'], sources: ['src'] }, ['genkit/plugins/fastapi/__init__.py']],
    ['only-include wins over packages, whose parent still rewrites', { onlyInclude: ['src/genkit/plugins/fastapi'], packages: ['src/genkit'] }, ['genkit/plugins/fastapi/__init__.py']],
    ['an empty only-include falls back to packages', { onlyInclude: [], packages: ['src/genkit'] }, ['genkit/plugins/fastapi/__init__.py']],
    ['sources = ["src/genkit"]', { onlyInclude: ['src/genkit/plugins/fastapi'], sources: ['src/genkit'] }, ['plugins/fastapi/__init__.py']],
  ];
  for (const [name, selection, paths] of cases) {
    it(name, () => assert.deepEqual(shipped(selection), paths));
  }

  it('finds paths walked twice: nested entries, and the same path written twice', () => {
    assert.deepEqual(overlappingPaths(walkedPaths({ packages: ['src/genkit', 'src/genkit/plugins'] })), [{ inner: 'src/genkit/plugins', outer: 'src/genkit' }]);
    assert.deepEqual(overlappingPaths(walkedPaths({ onlyInclude: ['src/a', './src/a/'] })), [{ inner: 'src/a', outer: 'src/a' }]);
    assert.deepEqual(overlappingPaths(walkedPaths({ onlyInclude: ['src/ab', 'src/a'] })), []);
  });
});
