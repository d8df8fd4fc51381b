// The command line: which command, and the options of `pyguide check`.
import { parseArgs } from 'node:util';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './output';

export const USAGE = `Usage: pyguide check [paths...] [--format text|json|sarif] [--fix] [--unsafe-fixes] [--diff] [--exit-zero] [--no-cache] [--cache-dir <dir>]

Checks Python files and pyproject.toml files against the team's guidelines.

Options:
  --format <fmt>   text (default, path:line:col: severity rule message), json or sarif
  --fix            apply every safe fix, list what changed, then report what is left
  --unsafe-fixes   with --fix or --diff, apply unsafe fixes too; alone, count them as fixable
  --diff           print what --fix would change as a unified diff and write nothing
                   (exit 1 when there is something to change)
  --exit-zero      exit 0 even when there are findings
  --no-cache       neither read nor write the result cache
  --cache-dir <d>  keep the result cache in <d> (default: .pyguide_cache in the workspace root)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 no findings at warning or above, 1 findings, 2 usage or internal error.`;

/** A mistake on the command line or in what it names: exit 2 with the message. */
export class UsageError extends Error {}

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  /** Apply (with `fix` or `diff`) or count unsafe fixes too. */
  unsafeFixes: boolean;
  /** Print what `fix` would change instead of writing it. */
  diff: boolean;
  exitZero: boolean;
  /** Whether to use the result cache, and where it lives when not in the workspace root. */
  cache: boolean;
  cacheDir: string | undefined;
}

export type Command = { command: 'help' } | { command: 'version' } | { command: 'check'; options: CheckOptions };

export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        'unsafe-fixes': { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        'exit-zero': { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format as string;
  if (!isOutputFormat(format)) throw new UsageError(`unknown format "${format}" (${OUTPUT_FORMATS.join(', ')})`);
  if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a directory');
  const cache = { cache: !values['no-cache'], cacheDir: values['cache-dir'] };
  const fixes = { fix: values.fix, unsafeFixes: values['unsafe-fixes'], diff: values.diff };
  return { command: 'check', options: { paths: paths.length > 0 ? paths : ['.'], format, ...fixes, exitZero: values['exit-zero'], ...cache } };
}
