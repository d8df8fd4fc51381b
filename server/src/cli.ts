// `pyguide check`: the engine without LSP, for CI and the terminal.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSarif, formatText, toJson, type OutputFormat } from './cliFormat';
import { runFixes } from './cliFix';
import { isEmptyPlan, PlannedFiles } from './engine/fixPlan';
import { compareFindings } from './engine/linter';
import { LintSession } from './engine/session';
import type { Finding } from './engine/types';
import { sweepFiles } from './sweep';
import { DiskFiles } from './workspace/files';
import { isLintable, scanFiles } from './workspace/scan';

declare const PYGUIDE_VERSION: string | undefined;
const VERSION = typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : '0.0.0-dev';

const USAGE = `Usage: pyguide check [paths...] [--format text|json|sarif] [--fix] [--unsafe-fixes] [--diff] [--exit-zero]

Checks Python files and pyproject.toml files against the team's guidelines.

Options:
  --format <fmt>   text (default, path:line:col: severity rule message), json or sarif
  --fix            apply every safe fix, list what changed, then report what is left
  --unsafe-fixes   with --fix or --diff, apply unsafe fixes too; alone, count them as fixable
  --diff           print what --fix would change as a unified diff and write nothing
                   (exit 1 when there is something to change)
  --exit-zero      exit 0 even when there are findings
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 no findings at warning or above, 1 findings, 2 usage or internal error.`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  exitZero: boolean;
}

function parseOptions(argv: string[]): Options | 'help' | 'version' {
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
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
  return {
    paths: paths.length > 0 ? paths : ['.'],
    format,
    fix: values.fix,
    unsafeFixes: values['unsafe-fixes'],
    diff: values.diff,
    exitZero: values['exit-zero'],
  };
}

/** The files named on the command line: files as given, directories walked. */
async function collectFiles(paths: string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (isDir) (await scanFiles(abs)).forEach((f) => files.add(f));
    else if (isLintable(abs)) files.add(abs);
    else throw new UsageError(`not a Python or pyproject.toml file: ${p}`);
  }
  return [...files].sort();
}

function reportRuleError(rule: string, file: string, error: string): void {
  process.stderr.write(`pyguide: rule ${rule} failed on ${file}: ${error}\n`);
}

async function lintAll(session: LintSession, files: string[]): Promise<Finding[]> {
  for (const f of files) await session.prepare(session.workspaces.forFile(f));
  const workers = process.env.PYGUIDE_SWEEP_WORKERS;
  return (await sweepFiles(session, files, { onRuleError: reportRuleError, workers: workers ? Number(workers) : undefined })).flat();
}

/** How many findings a fix run would take care of, as Ruff says it: unsafe ones need `--unsafe-fixes`. */
function fixableNote(findings: Finding[], unsafeFixes: boolean): string {
  const safe = findings.filter((f) => f.fix?.safe).length;
  const unsafe = findings.filter((f) => f.fix && !f.fix.safe).length;
  if (unsafeFixes) return safe + unsafe ? ` (${safe + unsafe} fixable with --fix --unsafe-fixes)` : '';
  const hidden = unsafe ? `${safe ? '; ' : ''}${unsafe} more with --fix --unsafe-fixes` : '';
  return safe || unsafe ? ` (${safe ? `${safe} fixable with --fix` : ''}${hidden})` : '';
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (e) {
    process.stderr.write(`pyguide: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    // Fixes are planned on an overlay of the disk, so that --diff can show them without writing.
    const overlay = new PlannedFiles(new DiskFiles());
    const session = await LintSession.create(overlay, (rule, file, error) => reportRuleError(rule.id, file, (error as Error)?.stack ?? String(error)));
    let files = await collectFiles(options.paths, cwd);
    let fixed = 0;
    if (options.fix || options.diff) {
      for (const f of files) await session.prepare(session.workspaces.forFile(f));
      const plan = runFixes(session, overlay, files, { mode: options.diff ? 'diff' : 'write', unsafe: options.unsafeFixes, report: options.format === 'text', cwd });
      if (options.diff) return !isEmptyPlan(plan) && !options.exitZero ? 1 : 0;
      ({ files, fixes: fixed } = plan);
    }
    const findings = (await lintAll(session, files)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareFindings(a, b)));
    for (const ws of session.workspaces.all()) ws.configProblems.forEach((p) => process.stderr.write(`pyguide: [tool.pyguide] in ${ws.rootPyproject}: ${p}\n`));
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(findings.map((f) => toJson(f, cwd)), null, 2)}\n`);
    else if (options.format === 'sarif') process.stdout.write(`${formatSarif(findings, cwd, VERSION)}\n`);
    else {
      if (findings.length > 0) process.stdout.write(`${formatText(findings, cwd)}\n`);
      process.stderr.write(
        `${findings.length === 0 ? 'No problems' : `Found ${findings.length} problem${findings.length === 1 ? '' : 's'}`} in ${files.length} file${files.length === 1 ? '' : 's'}` +
          `${fixed ? `, ${fixed} fixed` : ''}${fixableNote(findings, options.unsafeFixes)}.\n`,
      );
    }
    const failing = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
    return failing && !options.exitZero ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pyguide: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`pyguide: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}
