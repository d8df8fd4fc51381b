// `pyguide check --fix`: safe fixes applied on disk until nothing changes.
import { writeFileSync } from 'node:fs';
import { applyChangesToDisk } from '../engine/diskChanges';
import { fixAllText, MAX_FIX_PASSES } from '../engine/fixAll';
import type { LintSession } from '../engine/session';
import type { FileChange } from '../engine/types';
import { WriteGate, writeRoot } from '../engine/writeGate';

/**
 * Applies safe fixes: text edits per file first, then renames, deletions and other files' edits.
 * `relist` lists the files again after fixes that create, rename or delete some. Fixes are always
 * computed afresh; `hasNoFix` (the result cache) only tells which files certainly have none.
 */
export async function applySafeFixes(
  session: LintSession,
  files: string[],
  relist: () => Promise<string[]>,
  hasNoFix: (file: string) => boolean = () => false,
): Promise<{ files: string[]; applied: number }> {
  // The cache's checks read the workspace's file lists, as the final lint does.
  for (const f of files) await session.prepare(session.workspaces.forFile(f));
  const report = (message: string) => process.stderr.write(`pyguide: ${message}\n`);
  const gate = new WriteGate((file) => writeRoot(session.workspaces.forFile(file).root, file), (reason) => report(`fix not applied: ${reason}`));
  const unwritable = new Set<string>();
  let applied = 0;
  for (let round = 0; round < MAX_FIX_PASSES; round++) {
    let changed = 0;
    const otherChanges: FileChange[] = [];
    const edited = new Set<string>();
    for (const file of files) {
      if (hasNoFix(file) || unwritable.has(file)) continue;
      const read = session.files.read(file, session.workspaces.forFile(file).config.maxFileSize);
      if (!read.ok) continue;
      const result = fixAllText(file, read.text, (text) => session.lintText(file, text));
      if (result.applied > 0 && gate.allowsOwnEdits(file)) {
        try {
          writeFileSync(file, result.text);
        } catch (e) {
          // One file that cannot be written costs its own fixes, not the run's.
          report(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}; its fixes are not applied`);
          unwritable.add(file);
          continue;
        }
        session.workspaces.changed(file, 'changed');
        changed += result.applied;
      }
    }
    // Fixes that touch other files are collected once every file's own fixes are written, and
    // only one per edited file per round: their edits are computed on the text as it is now.
    for (const file of files) {
      if (hasNoFix(file)) continue;
      for (const finding of session.lintFile(file)) {
        if (!finding.fix?.safe || !finding.fix.changes.some((c) => c.type !== 'edit' || c.file !== file)) continue;
        const targets = finding.fix.changes.flatMap((c) => (c.type === 'edit' ? [c.file] : []));
        if (targets.some((t) => edited.has(t)) || !gate.allowsFix(finding.fix, file)) continue;
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
      files = await relist();
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
