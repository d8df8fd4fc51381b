// Linting one file for the result cache: the findings, and what they were computed from.
import { Linter } from '../engine/linter';
import type { LintSession } from '../engine/session';
import type { Finding } from '../engine/types';
import type { FileRecord } from './resultCache';
import { RecordingView, digest } from './workspaceFacts';

/**
 * Lints a file as `LintSession.lintFile` does, recording the workspace facts its rules read. The
 * record is left out when the result must not be cached: the file could not be read, a rule threw
 * (its error is to be told again next time), or a fact changed while the file was linted.
 */
export function lintRecorded(session: LintSession, file: string): { findings: Finding[]; record?: FileRecord } {
  const workspace = session.workspaces.forFile(file);
  const config = workspace.configFor(undefined);
  const read = session.files.read(file, config.maxFileSize);
  if (!read.ok) return { findings: read.missing ? [] : Linter.reported(config, Linter.unreadable(file, read.reason)) };
  const view = new RecordingView(workspace);
  const failures: string[] = [];
  const findings = session.lintText(file, read.text, { view, failures });
  const record = failures.length === 0 && view.consistent ? { hash: digest(read.text), readings: view.readings() } : undefined;
  return { findings, record };
}
