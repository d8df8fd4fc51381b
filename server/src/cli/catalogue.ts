// Every id a finding can carry: the registered rules plus the engine's pseudo-rules for unreadable and
// partially checked files.
import { PARTIALLY_CHECKED_FILE, UNREADABLE_FILE } from '../engine/linter';
import { RULES } from '../engine/registry';
import type { Severity } from '../engine/types';

export interface RuleEntry {
  id: string;
  summary: string;
  defaultSeverity: Severity;
  guideline: string;
}

export const UNREADABLE_FILE_ENTRY: RuleEntry = {
  id: UNREADABLE_FILE,
  summary: 'a file pyguide could not lint: binary, not valid UTF-8, or over the size limit',
  defaultSeverity: 'info',
  guideline: 'none (reported by pyguide itself)',
};

export const PARTIALLY_CHECKED_FILE_ENTRY: RuleEntry = {
  id: PARTIALLY_CHECKED_FILE,
  summary: 'a Python file over 1 MB checked in pieces, on which the rules that look across the whole module did not run',
  defaultSeverity: 'info',
  guideline: 'none (reported by pyguide itself)',
};

export function ruleCatalogue(): RuleEntry[] {
  return [...RULES, UNREADABLE_FILE_ENTRY, PARTIALLY_CHECKED_FILE_ENTRY].map((r) => ({ id: r.id, summary: r.summary, defaultSeverity: r.defaultSeverity, guideline: r.guideline }));
}
