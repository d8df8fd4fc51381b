// Ruff's WASM build as the tests use it: a tree's own [tool.ruff] settings, and what Ruff reports
// after a fix that it did not report before.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTomlDocument } from '../src/parsing/toml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ruffWasm = require('@astral-sh/ruff-wasm-nodejs') as typeof import('@astral-sh/ruff-wasm-nodejs');

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

/** `[tool.ruff]` of a pyproject.toml as Ruff's WASM build takes its options (file selection left out). */
export function ruffOptions(pyproject: string, extraFirstParty: string[] = []): Record<string, unknown> {
  const doc = parseTomlDocument(readFileSync(pyproject, 'utf8'));
  assert.ok(doc.ok);
  const ruff = structuredClone((doc.value.tool as { ruff: Record<string, unknown> }).ruff);
  delete ruff.exclude;
  delete ruff['extend-exclude'];
  if (extraFirstParty.length > 0) {
    const lint = ruff.lint as Record<string, Record<string, unknown>>;
    lint.isort = { ...lint.isort, 'known-first-party': [...((lint.isort?.['known-first-party'] as string[]) ?? []), ...extraFirstParty] };
  }
  return ruff;
}

/** Ruff's findings as `code: line text` (the line, not its number: moved code shifts lines). */
export function ruffFindings(workspace: InstanceType<typeof ruffWasm.Workspace>, text: string): string[] {
  const lines = text.split('\n');
  return (workspace.check(text) as RuffDiagnostic[]).map((d) => `${d.code ?? d.message}: ${lines[d.start_location.row - 1]?.trim()}`);
}

/** What `after` reports that `before` did not (as a multiset). */
export function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((f) => {
    const i = left.indexOf(f);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}
