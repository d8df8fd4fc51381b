// Writes a generated Genkit-shaped workspace (or prints one module) for benchmarks and experiments.
//
//   node scripts/gen-workspace.mjs <dir> [--files 400] [--lines 100000] [--seed 1]
//   node scripts/gen-workspace.mjs --module 5000 [--seed 1] > big.py
import { genModule, genWorkspace } from './genkit-shapes.mjs';

const args = process.argv.slice(2);
const opt = (flag, dflt) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
if (args.includes('--module')) process.stdout.write(genModule(opt('--seed', 1), opt('--module', 5000)));
else if (args[0] && !args[0].startsWith('--')) {
  const written = genWorkspace(args[0], { files: opt('--files', 400), lines: opt('--lines', 100_000), seed: opt('--seed', 1) });
  process.stderr.write(`wrote ${written.length} files under ${args[0]}\n`);
} else {
  process.stderr.write('usage: node scripts/gen-workspace.mjs <dir> [--files N] [--lines N] [--seed N] | --module LINES\n');
  process.exitCode = 2;
}
