// What `pyguide check --fix` would change, worked out in memory before anything is written: `--fix`
// writes the plan, `--diff` prints it. Fixes are applied to an overlay of the files, re-linting
// between rounds, so that a fix never builds on text another fix has made stale.
import { TextIndex } from './textIndex';
import { fixAllText, isSelected, MAX_FIX_PASSES, type FixSelection } from './fixAll';
import { applyTextEdits } from './textEdits';
import type { LintSession } from './session';
import type { FileChange } from './types';
import type { FixGate } from './writeGate';
import type { FileSource, ReadResult } from '../workspace/files';
import { isLintable } from '../workspace/scan';

/**
 * The disk as the planned fixes would leave it: files edited, created, renamed and deleted in
 * memory. `null` marks a file the plan removes (deleted, or renamed away).
 */
export class PlannedFiles implements FileSource {
  private readonly planned = new Map<string, string | null>();

  constructor(private readonly base: FileSource) {}

  read(path: string, maxFileSize?: number): ReadResult {
    const text = this.planned.get(path);
    if (text === null) return { ok: false, reason: 'file does not exist', missing: true };
    return text !== undefined ? { ok: true, text } : this.base.read(path, maxFileSize);
  }

  exists(path: string): boolean {
    const text = this.planned.get(path);
    return text === undefined ? this.base.exists(path) : text !== null;
  }

  /** The file's text before the plan, as the base has it. */
  original(path: string): ReadResult {
    return this.base.read(path);
  }

  set(path: string, text: string | null): void {
    this.planned.set(path, text);
  }

  paths(): string[] {
    return [...this.planned.keys()];
  }

  /** Forgets the plan: reads see the base again (after the plan has been written to it). */
  clear(): void {
    this.planned.clear();
  }
}

export interface PlannedEdit {
  /** Where the file ends up (its new name when it is also renamed). */
  file: string;
  before: string;
  after: string;
  /** How many fixes changed it. */
  fixes: number;
}

export interface FixPlan {
  edited: PlannedEdit[];
  created: { file: string; content: string }[];
  /** A renamed file's text changes too when it is also in `edited` under its new name. */
  renamed: { from: string; to: string }[];
  deleted: { file: string; before: string }[];
  /** Fixes applied in the plan. */
  fixes: number;
  /** Fixes that could not be applied, and why. */
  skipped: string[];
  /** The lintable files after the plan (renamed ones under their new names, deleted ones gone). */
  files: string[];
}

export function isEmptyPlan(plan: FixPlan): boolean {
  return plan.edited.length + plan.created.length + plan.renamed.length + plan.deleted.length === 0;
}

/** Applies one change of a cross-file fix to the overlay; a reason when it cannot be applied. */
function applyToOverlay(files: PlannedFiles, change: FileChange): string | undefined {
  switch (change.type) {
    case 'edit': {
      const read = files.read(change.file);
      if (!read.ok) return `edit ${change.file}: ${read.reason}`;
      files.set(change.file, applyTextEdits(read.text, change.edits).text);
      return undefined;
    }
    case 'create':
      if (files.exists(change.file)) return `create ${change.file}: already exists`;
      files.set(change.file, change.content);
      return undefined;
    case 'rename': {
      if (files.exists(change.to)) return `rename ${change.from}: ${change.to} already exists`;
      const read = files.read(change.from);
      if (!read.ok) return `rename ${change.from}: ${read.reason}`;
      files.set(change.to, read.text);
      files.set(change.from, null);
      return undefined;
    }
    case 'delete':
      if (!files.exists(change.file)) return `delete ${change.file}: file does not exist`;
      files.set(change.file, null);
      return undefined;
  }
}

/**
 * Works out every selected fix for `files` (safe ones; unsafe ones too with `selection.unsafe`)
 * without writing anything. `session` must read through `overlay`. Each round applies every file's
 * own text fixes (re-linting between passes), then fixes that touch other files, at most one per
 * target file per round since their edits were computed on the text as it was. `hasNoFix` names
 * files known to have no fix at all (the result cache), which are then not linted for fixes.
 * `gate` (the write gate) sees every fix before it enters the plan; what it refuses stays out.
 */
export function planFixes(
  session: LintSession,
  overlay: PlannedFiles,
  files: readonly string[],
  selection: FixSelection = {},
  hasNoFix: (file: string) => boolean = () => false,
  gate?: FixGate,
): FixPlan {
  const renamedFrom = new Map<string, string>();
  const fixCounts = new Map<string, number>();
  const count = (file: string, n = 1) => fixCounts.set(file, (fixCounts.get(file) ?? 0) + n);
  const skipped: string[] = [];
  let current = [...files];
  let fixes = 0;
  for (let round = 0; round < MAX_FIX_PASSES; round++) {
    let changed = 0;
    for (const file of current) {
      if (hasNoFix(file)) continue;
      const read = overlay.read(file, session.workspaces.forFile(file).config.maxFileSize);
      if (!read.ok) continue;
      const result = fixAllText(file, read.text, (text) => session.lintText(file, text), selection);
      if (result.applied > 0 && result.text !== read.text && (gate?.allowsOwnEdits(file) ?? true)) {
        overlay.set(file, result.text);
        session.workspaces.changed(file, 'changed');
        count(file, result.applied);
        changed += result.applied;
      }
    }
    const touched = new Set<string>();
    const crossFile: FileChange[][] = [];
    for (const file of current) {
      if (hasNoFix(file)) continue;
      for (const finding of session.lintFile(file)) {
        const fix = finding.fix;
        if (!isSelected(fix, selection) || fix.changes.every((c) => c.type === 'edit' && c.file === file)) continue;
        const targets = fix.changes.map((c) => (c.type === 'rename' ? c.from : c.file));
        if (targets.some((t) => touched.has(t)) || (gate && !gate.allowsFix(fix, file))) continue;
        targets.forEach((t) => touched.add(t));
        crossFile.push(fix.changes);
      }
    }
    for (const changes of crossFile) {
      const problems = changes.map((c) => applyToOverlay(overlay, c)).filter((p): p is string => p !== undefined);
      skipped.push(...problems);
      if (problems.length === changes.length) continue;
      changed++;
      for (const c of changes) {
        if (c.type === 'rename') {
          renamedFrom.set(c.to, renamedFrom.get(c.from) ?? c.from);
          renamedFrom.delete(c.from);
          fixCounts.set(c.to, fixCounts.get(c.from) ?? 0);
          fixCounts.delete(c.from);
          session.workspaces.changed(c.from, 'deleted');
          session.workspaces.changed(c.to, 'created');
          current = current.map((f) => (f === c.from ? c.to : f));
        } else if (c.type === 'delete') {
          session.workspaces.changed(c.file, 'deleted');
          current = current.filter((f) => f !== c.file);
        } else {
          session.workspaces.changed(c.file, c.type === 'create' ? 'created' : 'changed');
          if (c.type === 'edit') count(c.file);
          if (c.type === 'create' && isLintable(c.file) && !current.includes(c.file)) current.push(c.file);
        }
      }
    }
    fixes += changed;
    if (changed === 0) break;
  }
  return summarize(overlay, renamedFrom, fixCounts, fixes, skipped, current.sort());
}

function summarize(overlay: PlannedFiles, renamedFrom: Map<string, string>, fixCounts: Map<string, number>, fixes: number, skipped: string[], files: string[]): FixPlan {
  const plan: FixPlan = { edited: [], created: [], renamed: [], deleted: [], fixes, skipped, files };
  const renameSources = new Set(renamedFrom.values());
  for (const path of overlay.paths().sort()) {
    const now = overlay.read(path);
    const was = renamedFrom.has(path) ? overlay.original(renamedFrom.get(path)!) : overlay.original(path);
    if (!now.ok) {
      if (was.ok && !renameSources.has(path)) plan.deleted.push({ file: path, before: was.text });
      continue;
    }
    if (renamedFrom.has(path)) plan.renamed.push({ from: renamedFrom.get(path)!, to: path });
    if (!was.ok && !was.missing) continue;
    if (!was.ok) plan.created.push({ file: path, content: now.text });
    else if (was.text !== now.text) plan.edited.push({ file: path, before: was.text, after: now.text, fixes: fixCounts.get(path) ?? 1 });
  }
  return plan;
}

/** The plan as changes for the disk: renames first, then the renamed and other files' new text, creations, deletions. */
export function planChanges(plan: FixPlan): FileChange[] {
  // From the start to past the last line: the whole file, whatever the disk adds before the text (a BOM).
  const wholeFile = (before: string) => ({ start: { line: 0, character: 0 }, end: { line: new TextIndex(before).lineCount, character: 0 } });
  return [
    ...plan.renamed.map((r): FileChange => ({ type: 'rename', from: r.from, to: r.to })),
    ...plan.edited.map((e): FileChange => ({ type: 'edit', file: e.file, edits: [{ range: wholeFile(e.before), newText: e.after }] })),
    ...plan.created.map((c): FileChange => ({ type: 'create', file: c.file, content: c.content })),
    ...plan.deleted.map((d): FileChange => ({ type: 'delete', file: d.file })),
  ];
}
