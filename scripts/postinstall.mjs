// Builds dist/ after `npm install` in a source checkout: pre-commit (which runs `npm install`, then
// `npm pack`, then installs the tarball), the GitHub Action and `npm ci` all get a built CLI this way.
// Not a `prepare` script: npm prints a lifecycle banner on the stdout of `npm pack`, and pre-commit
// reads the tarball's name from that stdout. In an installed package (no sources) there is nothing to do.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'server', 'src'))) {
  if (!existsSync(join(root, 'node_modules', 'esbuild'))) {
    console.error('pyguide: building dist/ needs the dev dependencies (esbuild); run `npm install` without --omit=dev, then `npm run build`.');
    process.exit(1);
  }
  await import('./build.mjs');
}
