// Bundles the client, server and CLI (and, with --tests, every test file and the e2e suite) with esbuild, and puts
// the tree-sitter wasm files beside the bundles so `locateFile` finds them at run time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const withTests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

// esbuild would pick web-tree-sitter's ESM build for a CJS bundle; point it at the CJS file by path.
const webTreeSitterCjs = require.resolve('web-tree-sitter');
const webTreeSitterWasm = join(dirname(webTreeSitterCjs), 'web-tree-sitter.wasm');
const grammarWasm = join(root, 'grammars', 'tree-sitter-python.wasm');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  alias: { 'web-tree-sitter': webTreeSitterCjs },
  external: ['vscode'],
  define: { PYGUIDE_VERSION: JSON.stringify(pkg.version), PYGUIDE_REPOSITORY: JSON.stringify(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')) },
};

function copyWasm(outdir) {
  mkdirSync(outdir, { recursive: true });
  copyFileSync(webTreeSitterWasm, join(outdir, 'web-tree-sitter.wasm'));
  copyFileSync(grammarWasm, join(outdir, 'tree-sitter-python.wasm'));
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    client: join(root, 'client/src/extension.ts'),
    server: join(root, 'server/src/server.ts'),
    cli: join(root, 'server/src/cli/main.ts'),
    sweepWorker: join(root, 'server/src/sweepWorker.ts'),
  },
  outdir: dist,
  minify: !watch && process.env.PYGUIDE_NO_MINIFY !== '1',
});
copyWasm(dist);

if (withTests) {
  const out = join(root, 'out');
  rmSync(out, { recursive: true, force: true });
  const tests = [join(root, 'server/test'), join(root, 'client/test')]
    .filter((d) => { try { return statSync(d).isDirectory(); } catch { return false; } })
    .flatMap(findTests);
  await build({
    ...common,
    entryPoints: tests.map((t) => ({ in: t, out: relative(root, t).replace(/\.ts$/, '') })),
    outdir: out,
    external: ['vscode', 'mocha'],
  });
  copyWasm(out);
  // The end-to-end suite, which VS Code loads into its extension host (see scripts/e2e/run.mjs).
  const e2e = join(root, 'client/test/e2e');
  await build({
    ...common,
    entryPoints: readdirSync(e2e).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => join(e2e, f)),
    outdir: join(out, 'e2e'),
    external: ['vscode', 'mocha'],
  });
}
