// `pyguide check --diff` and the `--fix` report: a fix plan as Git-style unified diffs (which
// `git apply` and `patch -p1` accept), and as the list of files a fix run changed.
import { statSync } from 'node:fs';
import { formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import type { FixPlan } from '../engine/fixPlan';
import { displayPath } from './output/paths';

/** Lines of context around each change, as `git diff` and `ruff --diff` show. */
const CONTEXT = 3;

/** The Git file mode of a file on disk: executable or not. */
function modeOf(file: string): string {
  try {
    return statSync(file).mode & 0o111 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

function patch(oldName: string, newName: string, before: string, after: string, extra: Partial<StructuredPatch>): StructuredPatch {
  const p = structuredPatch(`a/${oldName}`, `b/${newName}`, before, after, undefined, undefined, { context: CONTEXT });
  return { ...p, isGit: true, ...extra, ...(extra.isCreate ? { oldFileName: '/dev/null' } : {}), ...(extra.isDelete ? { newFileName: '/dev/null' } : {}) };
}

/** Every change of the plan as one Git-style patch: edits, renames (with any edit), creations and deletions. */
export function formatPlanDiff(plan: FixPlan, cwd: string): string {
  const renamedTo = new Map(plan.renamed.map((r) => [r.to, r.from]));
  const edits = new Map(plan.edited.map((e) => [e.file, e]));
  const patches: { key: string; patch: StructuredPatch }[] = [];
  for (const e of plan.edited) {
    if (renamedTo.has(e.file)) continue;
    patches.push({ key: e.file, patch: patch(displayPath(e.file, cwd), displayPath(e.file, cwd), e.before, e.after, {}) });
  }
  for (const r of plan.renamed) {
    const e = edits.get(r.to);
    const p = e ? patch(displayPath(r.from, cwd), displayPath(r.to, cwd), e.before, e.after, { isRename: true }) : patch(displayPath(r.from, cwd), displayPath(r.to, cwd), '', '', { isRename: true });
    patches.push({ key: r.from, patch: p });
  }
  for (const c of plan.created) patches.push({ key: c.file, patch: patch(displayPath(c.file, cwd), displayPath(c.file, cwd), '', c.content, { isCreate: true, newMode: '100644' }) });
  for (const d of plan.deleted) patches.push({ key: d.file, patch: patch(displayPath(d.file, cwd), displayPath(d.file, cwd), d.before, '', { isDelete: true, oldMode: modeOf(d.file) }) });
  patches.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return patches.map((p) => formatPatch(p.patch)).join('');
}

/** What a fix run changed, one file a line, for the terminal. */
export function formatPlanSummary(plan: FixPlan, cwd: string): string[] {
  const renamedTo = new Map(plan.renamed.map((r) => [r.to, r.from]));
  const lines: { key: string; line: string }[] = [];
  for (const e of plan.edited) {
    if (renamedTo.has(e.file)) continue;
    lines.push({ key: e.file, line: `  edited  ${displayPath(e.file, cwd)} (${e.fixes} fix${e.fixes === 1 ? '' : 'es'})` });
  }
  const edited = new Set(plan.edited.map((e) => e.file));
  for (const r of plan.renamed) lines.push({ key: r.from, line: `  renamed ${displayPath(r.from, cwd)} -> ${displayPath(r.to, cwd)}${edited.has(r.to) ? ' (and edited)' : ''}` });
  for (const c of plan.created) lines.push({ key: c.file, line: `  created ${displayPath(c.file, cwd)}` });
  for (const d of plan.deleted) lines.push({ key: d.file, line: `  deleted ${displayPath(d.file, cwd)}` });
  return lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((l) => l.line);
}
