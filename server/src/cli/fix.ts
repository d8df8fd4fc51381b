// `pyguide check --fix` and `--diff`: the fixes are planned in memory, then written or printed.
import { applyChangesToDisk } from '../engine/diskChanges';
import { isEmptyPlan, planChanges, planFixes, type FixPlan, type PlannedFiles } from '../engine/fixPlan';
import type { LintSession } from '../engine/session';
import { WriteGate, writeRoot } from '../engine/writeGate';
import { formatPlanDiff, formatPlanSummary } from './diff';

export interface FixRun {
  /** Write the fixes (`--fix`), or only print them as a diff (`--diff`). */
  mode: 'write' | 'diff';
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe: boolean;
  /** Say what changed on stderr (text output). */
  report: boolean;
  cwd: string;
  /** Files that certainly have no fix (the result cache says so): not linted for fixes. */
  hasNoFix?: (file: string) => boolean;
}

/**
 * Plans every selected fix of `files`, then writes the plan (and says what it changed) or prints it
 * as a diff. `session` reads through `overlay`; after writing, the overlay is cleared so the session
 * reads the disk again. Returns the plan, whose `files` are the lintable files afterwards.
 */
export function runFixes(session: LintSession, overlay: PlannedFiles, files: string[], run: FixRun): FixPlan {
  const gate = new WriteGate((file) => writeRoot(session.workspaces.forFile(file).root, file), (reason) => process.stderr.write(`pyguide: fix not applied: ${reason}\n`));
  const plan = planFixes(session, overlay, files, { unsafe: run.unsafe }, run.hasNoFix, gate);
  plan.skipped.forEach((s) => process.stderr.write(`pyguide: fix not applied: ${s}\n`));
  const n = plan.fixes;
  if (run.mode === 'diff') {
    process.stdout.write(formatPlanDiff(plan, run.cwd));
    process.stderr.write(isEmptyPlan(plan) ? 'No fixes to apply.\n' : `Would fix ${n} problem${n === 1 ? '' : 's'}.\n`);
    return plan;
  }
  const written = applyChangesToDisk(planChanges(plan));
  written.skipped.forEach((s) => process.stderr.write(`pyguide: fix not applied: ${s}\n`));
  overlay.clear();
  // The workspace model followed the plan; a change the disk refused must be undone in it too.
  const touched = [...plan.edited.map((e) => e.file), ...plan.renamed.flatMap((r) => [r.from, r.to]), ...plan.created.map((c) => c.file), ...plan.deleted.map((d) => d.file)];
  for (const file of touched) session.workspaces.changed(file, session.files.exists(file) ? 'created' : 'deleted');
  if (written.skipped.length > 0) {
    const present = new Set(plan.files.filter((f) => session.files.exists(f)));
    for (const f of [...plan.renamed.map((r) => r.from), ...plan.deleted.map((d) => d.file)]) if (session.files.exists(f)) present.add(f);
    plan.files = [...present].sort();
  }
  if (run.report && !isEmptyPlan(plan)) process.stderr.write(`Fixed ${n} problem${n === 1 ? '' : 's'}:\n${formatPlanSummary(plan, run.cwd).join('\n')}\n`);
  return plan;
}
