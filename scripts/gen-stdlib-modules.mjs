// Writes server/src/rules/python/data/stdlib-modules.json: the top-level standard-library module
// names of each Python minor version (CPython's own `sys.stdlib_module_names`), which decide which
// imports isort files under "standard-library". Run with the pyenv versions installed:
//   node scripts/gen-stdlib-modules.mjs 3.10 3.11 3.12 3.13
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const versions = process.argv.slice(2);
if (versions.length === 0) throw new Error('name the Python minor versions, e.g. 3.10 3.11 3.12 3.13');
const out = {};
for (const v of versions) {
  const python = execFileSync('pyenv', ['prefix', execFileSync('pyenv', ['latest', v], { encoding: 'utf8' }).trim()], { encoding: 'utf8' }).trim();
  const names = execFileSync(join(python, 'bin', 'python3'), ['-c', 'import sys, json; print(json.dumps(sorted(sys.stdlib_module_names)))'], { encoding: 'utf8' });
  out[v] = JSON.parse(names);
}
const target = join(import.meta.dirname, '..', 'server', 'src', 'rules', 'python', 'data', 'stdlib-modules.json');
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`wrote ${target}: ${Object.entries(out).map(([v, n]) => `${v} ${n.length}`).join(', ')}`);
