import { applyTextEdits } from './textEdits';
import type { Finding, Fix, TextEdit } from './types';

/**
 * How many lint-and-fix passes fix-all makes at most. Fixes that insert at one place (imports moved
 * to the top, entries added to a new table) take one pass each, so the bound is set by how many
 * of those a file may hold, not by how deep fixes chain; it only stops a rule that never settles.
 */
export const MAX_FIX_PASSES = 100;

/** Which fixes fix-all and `--fix` apply: safe ones, and unsafe ones only when asked (`--unsafe-fixes`). */
export interface FixSelection {
  unsafe?: boolean;
}

/** Whether a fix is one the selection applies. */
export function isSelected(fix: Fix | undefined, selection: FixSelection = {}): fix is Fix {
  return !!fix && (fix.safe || selection.unsafe === true);
}

/** The text edits of a fix when it only edits `file`; undefined for fixes that touch anything else. */
export function textOnlyEdits(fix: Fix, file: string): TextEdit[] | undefined {
  if (!fix.changes.every((c) => c.type === 'edit' && c.file === file)) return undefined;
  return fix.changes.flatMap((c) => (c.type === 'edit' ? c.edits : []));
}

function compare(p: TextEdit['range']['start'], q: TextEdit['range']['start']): number {
  return p.line - q.line || p.character - q.character;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two edits starting at one place would apply in an arbitrary order: keep one for the next pass.
  if (compare(a.range.start, b.range.start) === 0) return true;
  return compare(a.range.start, b.range.end) < 0 && compare(b.range.start, a.range.end) < 0;
}

/**
 * Applies every selected (by default: safe), text-only fix of a file, re-linting between passes
 * until nothing more changes. Fixes that overlap one already taken wait for the next pass, so no
 * two fixes ever edit the same text at once.
 */
export function fixAllText(file: string, text: string, lint: (text: string) => Finding[], selection: FixSelection = {}): { text: string; applied: number } {
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const taken: TextEdit[] = [];
    let count = 0;
    for (const finding of lint(text)) {
      if (!isSelected(finding.fix, selection)) continue;
      const edits = textOnlyEdits(finding.fix, file);
      if (!edits || edits.length === 0 || edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      taken.push(...edits);
      count++;
    }
    if (count === 0) break;
    const next = applyTextEdits(text, taken).text;
    if (next === text) break;
    text = next;
    applied += count;
  }
  return { text, applied };
}
