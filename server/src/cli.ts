// `pyguide check`: the engine without LSP, for CI and the terminal.
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sweepWithCache } from './cache/cachedSweep';
import { ResultCache } from './cache/resultCache';
import { formatSarif, formatText, toJson, type OutputFormat } from './cliFormat';
import { applyChangesToDisk } from './engine/diskChanges';
import { fixAllText, MAX_FIX_PASSES } from './engine/fixAll';
import { compareFindings } from './engine/linter';
import { LintSession } from './engine/session';
import type { FileChange, Finding } from './engine/types';
import { DiskFiles } from './workspace/files';
import { isLintable, scanFiles } from './workspace/scan';

declare const PYGUIDE_VERSION: string | undefined;
const VERSION = typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : '0.0.0-dev';

const USAGE = `Usage: pyguide check [paths...] [--format text|json|sarif] [--fix] [--exit-zero] [--no-cache] [--cache-dir <dir>]

Checks Python files and pyproject.toml files against the team's guidelines.

Options:
  --format <fmt>   text (default, path:line:col: severity rule message), json or sarif
  --fix            apply every safe fix, then report what is left
  --exit-zero      exit 0 even when there are findings
  --no-cache       neither read nor write the result cache
  --cache-dir <d>  keep the result cache in <d> (default: .pyguide_cache in the workspace root)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 no findings at warning or above, 1 findings, 2 usage or internal error.`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  exitZero: boolean;
  /** Whether to use the result cache, and where it lives when not in the workspace root. */
  cache: boolean;
  cacheDir: string | undefined;
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
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
  if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a directory');
  return { paths: paths.length > 0 ? paths : ['.'], format, fix: values.fix, exitZero: values['exit-zero'], cache: !values['no-cache'], cacheDir: values['cache-dir'] };
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

async function lintAll(session: LintSession, files: string[], cache: ResultCache | undefined): Promise<Finding[]> {
  for (const f of files) await session.prepare(session.workspaces.forFile(f));
  const workers = process.env.PYGUIDE_SWEEP_WORKERS;
  return (await sweepWithCache(session, files, cache, { onRuleError: reportRuleError, workers: workers ? Number(workers) : undefined })).flat();
}

/**
 * Applies safe fixes: text edits per file first, then renames, deletions and other files' edits.
 * Fixes are always computed afresh; the cache only tells which files certainly have none.
 */
async function fix(session: LintSession, files: string[], cwd: string, paths: string[], cache: ResultCache | undefined): Promise<{ files: string[]; applied: number }> {
  const noFix = (file: string) => cache?.hasNoFix(session, file) ?? false;
  // The cache's checks read the workspace's file lists, as the final lint does.
  for (const f of files) await session.prepare(session.workspaces.forFile(f));
  let applied = 0;
  for (let round = 0; round < MAX_FIX_PASSES; round++) {
    let changed = 0;
    const otherChanges: FileChange[] = [];
    const edited = new Set<string>();
    for (const file of files) {
      if (noFix(file)) continue;
      const read = session.files.read(file, session.workspaces.forFile(file).config.maxFileSize);
      if (!read.ok) continue;
      const result = fixAllText(file, read.text, (text) => session.lintText(file, text));
      if (result.applied > 0) {
        writeFileSync(file, result.text);
        session.workspaces.changed(file, 'changed');
        changed += result.applied;
      }
    }
    // Fixes that touch other files are collected once every file's own fixes are written, and
    // only one per edited file per round: their edits are computed on the text as it is now.
    for (const file of files) {
      if (noFix(file)) continue;
      for (const finding of session.lintFile(file)) {
        if (!finding.fix?.safe || !finding.fix.changes.some((c) => c.type !== 'edit' || c.file !== file)) continue;
        const targets = finding.fix.changes.flatMap((c) => (c.type === 'edit' ? [c.file] : []));
        if (targets.some((t) => edited.has(t))) continue;
        targets.forEach((t) => edited.add(t));
        otherChanges.push(...finding.fix.changes);
      }
    }
    if (otherChanges.length > 0) {
      const result = applyChangesToDisk(dedupe(otherChanges));
      changed += result.applied;
      result.skipped.forEach((s) => process.stderr.write(`pyguide: fix not applied: ${s}\n`));
      for (const c of otherChanges) {
        if (c.type === 'rename') {
          session.workspaces.changed(c.from, 'deleted');
          session.workspaces.changed(c.to, 'created');
        } else session.workspaces.changed(c.file, c.type === 'edit' ? 'changed' : c.type === 'create' ? 'created' : 'deleted');
      }
      files = await collectFiles(paths, cwd);
    }
    applied += changed;
    if (changed === 0) break;
  }
  return { files, applied };
}

function dedupe(changes: FileChange[]): FileChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
    const session = await LintSession.create(new DiskFiles(), (rule, file, error) => reportRuleError(rule.id, file, (error as Error)?.stack ?? String(error)));
    let files = await collectFiles(options.paths, cwd);
    const warn = (message: string) => process.stderr.write(`pyguide: ${message}\n`);
    const cache = options.cache ? new ResultCache({ dir: options.cacheDir && resolve(cwd, options.cacheDir), warn }) : undefined;
    let fixed = 0;
    if (options.fix) ({ files, applied: fixed } = await fix(session, files, cwd, options.paths, cache));
    const findings = (await lintAll(session, files, cache)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareFindings(a, b)));
    for (const ws of session.workspaces.all()) ws.configProblems.forEach((p) => process.stderr.write(`pyguide: [tool.pyguide] in ${ws.rootPyproject}: ${p}\n`));
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(findings.map((f) => toJson(f, cwd)), null, 2)}\n`);
    else if (options.format === 'sarif') process.stdout.write(`${formatSarif(findings, cwd, VERSION)}\n`);
    else {
      if (findings.length > 0) process.stdout.write(`${formatText(findings, cwd)}\n`);
      const fixable = findings.filter((f) => f.fix?.safe).length;
      process.stderr.write(
        `${findings.length === 0 ? 'No problems' : `Found ${findings.length} problem${findings.length === 1 ? '' : 's'}`} in ${files.length} file${files.length === 1 ? '' : 's'}` +
          `${fixed ? `, ${fixed} fixed` : ''}${fixable ? ` (${fixable} fixable with --fix)` : ''}.\n`,
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
