// The command line: which command, and its options.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TEAM_RULE_ID } from '../engine/configSchema';
import { ruleCatalogue } from './catalogue';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './output';

export const USAGE = `Usage: pyguide <command> [options]

Commands:
  check [paths...]   check Python files and pyproject.toml files against the team's guidelines
  rules              list the rules: id, default severity, fix, the presets that turn it on
  explain <rule>     show a rule's documentation
  query <pattern> [paths...]
                     show every match of a team-rule pattern (see docs/custom-rules.md)

pyguide check [paths...] [--format text|full|json|sarif|github] [--fix] [--unsafe-fixes] [--diff] [--exit-zero]
              [--select ids] [--ignore ids] [--config file] [--statistics] [--write-baseline]
              [--no-baseline] [--no-cache] [--cache-dir <dir>]
  --format <fmt>   text (default; also "concise"): path:line:col: severity rule-id message
                   full: the same line with the code around it, the fix and the docs
                   json, sarif (GitHub code scanning), github (GitHub Actions annotations)
  --fix            apply every safe fix, list what changed, then report what is left
  --unsafe-fixes   with --fix or --diff, apply unsafe fixes too; alone, count them as fixable
  --diff           print what --fix would change as a unified diff and write nothing
                   (exit 1 when there is something to change)
  --exit-zero      exit 0 even when there are findings
  --select <ids>   report only these rules (comma-separated, repeatable)
  --ignore <ids>   never report these rules (comma-separated, repeatable)
  --config <file>  configure every workspace with the [tool.pyguide] table of this TOML file
                   instead of its own pyproject.toml's
  --statistics     print how many findings each rule has instead of the findings (text or json)
  --write-baseline record today's findings per file and rule in pyguide-baseline.json at the
                   workspace root; runs with it then report (and fail on) new findings only
  --no-baseline    report every finding, whatever pyguide-baseline.json says
  --no-cache       neither read nor write the result cache
  --cache-dir <d>  keep the result cache in <d> (default: .pyguide_cache in the workspace root)

pyguide rules [--format text|json]   (team rules of the workspace here are listed too)
pyguide explain <rule>
pyguide query <pattern> [paths...] [--query] [--format text|json]
  --query          the pattern is a tree-sitter query with an @finding capture
  exit 0 when something matches, 1 when nothing does, 2 when the pattern is not one

  -h, --help       show this help
  -v, --version    show the version

Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
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
  /** Only these rules are reported (undefined: all the configuration turns on). */
  select: string[] | undefined;
  /** These rules are never reported. */
  ignore: string[];
  statistics: boolean;
  /** A TOML file whose `[tool.pyguide]` replaces every workspace's own configuration. */
  config: string | undefined;
  /** Apply the workspace roots' pyguide-baseline.json (default), and record today's findings in it first. */
  baseline: boolean;
  writeBaseline: boolean;
}

export interface QueryOptions {
  /** A team-rule pattern, or with `isQuery` a tree-sitter query. */
  source: string;
  isQuery: boolean;
  paths: string[];
  format: 'text' | 'json';
}

export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'check'; options: CheckOptions }
  | { command: 'rules'; format: 'text' | 'json' }
  | { command: 'explain'; rule: string }
  | { command: 'query'; options: QueryOptions };

const GLOBAL = { help: { type: 'boolean', short: 'h', default: false }, version: { type: 'boolean', short: 'v', default: false } } as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...GLOBAL, ...options } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--select a,b --select c` -> [a, b, c], each a known rule id. */
function ruleIds(values: string[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const known = new Set(ruleCatalogue().map((r) => r.id));
  const ids = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  // A kebab-case id may be a team rule of the workspace checked: `pyguide check` looks once it has read the configuration.
  for (const id of ids) if (!known.has(id) && !TEAM_RULE_ID.test(id)) throw new UsageError(`unknown rule "${id}" in ${flag}; \`pyguide rules\` lists them`);
  if (ids.length === 0) throw new UsageError(`${flag} needs rule ids`);
  return ids;
}

function parseCheck(args: string[]): Command {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    'unsafe-fixes': { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    'cache-dir': { type: 'string' },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    statistics: { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    config: { type: 'string' },
  });
  if (values.help) return { command: 'help' };
  const format = values.format as string;
  if (!isOutputFormat(format)) throw new UsageError(`unknown format "${format}" (${OUTPUT_FORMATS.join(', ')})`);
  if (values.statistics && format !== 'text' && format !== 'concise' && format !== 'json') throw new UsageError(`--statistics prints text or json, not ${format}`);
  if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a directory');
  if (values.config === '') throw new UsageError('--config needs a file');
  if (values['write-baseline'] && values['no-baseline']) throw new UsageError('--write-baseline and --no-baseline contradict each other');
  // A baseline records every rule of the files checked; a selection would drop the others' entries.
  if (values['write-baseline'] && (values.select || values.ignore)) throw new UsageError('--write-baseline records every rule: drop --select and --ignore');
  return {
    command: 'check',
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format,
      fix: values.fix as boolean,
      unsafeFixes: values['unsafe-fixes'] as boolean,
      diff: values.diff as boolean,
      exitZero: values['exit-zero'] as boolean,
      cache: !values['no-cache'],
      cacheDir: values['cache-dir'] as string | undefined,
      select: ruleIds(values.select as string[] | undefined, '--select'),
      ignore: ruleIds(values.ignore as string[] | undefined, '--ignore') ?? [],
      statistics: values.statistics as boolean,
      config: values.config as string | undefined,
      baseline: !values['no-baseline'],
      writeBaseline: values['write-baseline'] as boolean,
    },
  };
}

export function parseCommandLine(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command.startsWith('-')) {
    const { values } = parse(argv, {});
    if (values.help) return { command: 'help' };
    if (values.version) return { command: 'version' };
    throw new UsageError('missing command');
  }
  switch (command) {
    case 'check':
      return parseCheck(rest);
    case 'rules': {
      const { values, positionals } = parse(rest, { format: { type: 'string', default: 'text' } });
      if (values.help) return { command: 'help' };
      if (positionals.length > 0) throw new UsageError(`pyguide rules takes no arguments (got "${positionals[0]}")`);
      if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`pyguide rules prints text or json, not ${values.format}`);
      return { command: 'rules', format: values.format };
    }
    case 'explain': {
      const { values, positionals } = parse(rest, {});
      if (values.help) return { command: 'help' };
      if (positionals.length !== 1) throw new UsageError('pyguide explain takes one rule id, e.g. `pyguide explain bare-noqa`');
      return { command: 'explain', rule: positionals[0] };
    }
    case 'query': {
      const { values, positionals } = parse(rest, { query: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } });
      if (values.help) return { command: 'help' };
      if (positionals.length === 0) throw new UsageError("pyguide query takes a pattern, e.g. `pyguide query 'asyncio.run($MAIN)' samples`");
      if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`pyguide query prints text or json, not ${values.format}`);
      const [source, ...paths] = positionals;
      return { command: 'query', options: { source, isQuery: values.query as boolean, paths: paths.length > 0 ? paths : ['.'], format: values.format } };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
