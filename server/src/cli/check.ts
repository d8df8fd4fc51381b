// `pyguide check`: the engine without LSP, for CI and the terminal.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configFindings, inactiveNotes, withConfigFindings } from '../engine/configFindings';
import { compareFindings } from '../engine/linter';
import { LintSession } from '../engine/session';
import type { Finding } from '../engine/types';
import { sweepWithCache } from '../cache/cachedSweep';
import { ResultCache } from '../cache/resultCache';
import { isEmptyPlan, PlannedFiles } from '../engine/fixPlan';
import { DiskFiles } from '../workspace/files';
import { isLintable, needsFirstLine, readFirstLineSync, scanFiles } from '../workspace/scan';
import { FILE_KINDS } from '../engine/fileKinds';
import { UsageError, type CheckOptions } from './args';
import { runWithBaseline } from './baselineRun';
import { configFileFor } from './configFile';
import { runFixes } from './fix';
import { isHumanFormat, report, ruleSelection, selectRules } from './report';
import { ruleCatalogue } from './catalogue';
import { INVALID_CONFIG } from '../engine/configSchema';

/** The files named on the command line: files as given, directories walked (`walked` gets each walk). */
export async function collectFiles(paths: string[], cwd: string, walked?: Map<string, string[]>): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (isDir) {
      const found = await scanFiles(abs);
      found.forEach((f) => files.add(f));
      walked?.set(abs, found);
    }
    else if (isLintable(abs) || (needsFirstLine(abs) && isLintable(abs, readFirstLineSync(abs)))) files.add(abs);
    else throw new UsageError(`not a file pyguide lints (${FILE_KINDS.map((k) => k.title).join(', ')}): ${p}`);
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

/** Runs `pyguide check`; returns the exit code. */
export async function runCheck(options: CheckOptions, cwd: string, version: string): Promise<number> {
  // Fixes are planned on an overlay of the disk, so that --diff can show them without writing.
  const overlay = new PlannedFiles(new DiskFiles());
  // The parser loads while the tree is walked.
  const starting = LintSession.create(overlay, (rule, file, error) => reportRuleError(rule.id, file, (error as Error)?.stack ?? String(error)));
  const walked = new Map<string, string[]>();
  const [session, walkedFiles] = await Promise.all([starting, collectFiles(options.paths, cwd, walked)]);
  let files = walkedFiles;
  if (options.config) session.workspaces.configFile = configFileFor(options.config, cwd);
  // A walk of a workspace root without excludes is the walk rules that compare files need.
  for (const [dir, found] of walked) {
    const ws = session.workspaces.forFile(join(dir, 'pyproject.toml'));
    if (ws.root === dir && ws.config.exclude.length === 0) session.adoptScan(ws, found);
  }
  const warn = (message: string) => process.stderr.write(`pyguide: ${message}\n`);
  const cache = options.cache ? new ResultCache({ dir: options.cacheDir && resolve(cwd, options.cacheDir), warn }) : undefined;
  let fixed = 0;
  const workspacesOf = (fs: string[]) => [...new Set(fs.map((f) => session.workspaces.forFile(f)))];
  const known = new Set([...ruleCatalogue().map((r) => r.id), INVALID_CONFIG, ...workspacesOf(files).flatMap((ws) => ws.customRules.map((r) => r.id))]);
  for (const id of [...(options.select ?? []), ...options.ignore]) if (!known.has(id)) throw new UsageError(`unknown rule "${id}" in --select or --ignore; \`pyguide rules\` lists them (team rules too, run in the workspace)`);
  // Fail closed: a configuration with problems checks with its valid rest, but fixes nothing.
  if ((options.fix || options.diff) && configFindings(workspacesOf(files)).length > 0) warn('not fixing anything: [tool.pyguide] has problems (the invalid-config findings below).');
  else if (options.fix || options.diff) {
    for (const f of files) await session.prepare(session.workspaces.forFile(f));
    // The result cache only tells which files certainly have no fix; fixes are always computed afresh.
    const hasNoFix = (file: string) => cache?.hasNoFix(session, file) ?? false;
    const plan = runFixes(session, overlay, files, { mode: options.diff ? 'diff' : 'write', unsafe: options.unsafeFixes, rules: ruleSelection(options), report: isHumanFormat(options.format), cwd, hasNoFix });
    if (options.diff) return !isEmptyPlan(plan) && !options.exitZero ? 1 : 0;
    ({ files, fixes: fixed } = plan);
  }
  let findings = selectRules(await lintAll(session, files, cache), options);
  let baselined = 0;
  if (options.baseline) ({ findings, baselined } = runWithBaseline(session.workspaces, findings, { files, paths: options.paths }, { write: options.writeBaseline, cwd }, warn));
  // The configuration's own problems are never selected away or baselined: the run fails closed.
  const { findings: all, invalid } = withConfigFindings(findings, workspacesOf(files));
  findings = all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareFindings(a, b)));
  inactiveNotes(files, (f) => session.workspaces.forFile(f)).forEach(warn);
  files = files.filter((f) => session.workspaces.forFile(f).activation.active);
  const readText = (file: string) => {
    const read = session.files.read(file);
    return read.ok ? read.text : undefined;
  };
  await report(options, findings, { cwd, version, readText, files: files.length, fixed, baselined });
  if (invalid.length > 0) {
    warn(`[tool.pyguide] has ${invalid.length} problem${invalid.length === 1 ? '' : 's'} (invalid-config); exit 2 until ${invalid.length === 1 ? 'it is' : 'they are'} fixed.`);
    return 2;
  }
  const failing = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  return failing && !options.exitZero ? 1 : 0;
}
