// What a run says about configuration, beside the findings of the files it checked: the
// `invalid-config` findings of every workspace it touched (also when its pyproject.toml was not
// among the files), and the folders it left alone because nothing asks pyguide to check them.
import type { WorkspaceModel } from '../workspace/model';
import { INVALID_CONFIG } from './configSchema';
import type { Finding } from './types';

/** The `invalid-config` findings of these workspaces, one per problem. */
export function configFindings(workspaces: readonly WorkspaceModel[]): Finding[] {
  return workspaces.flatMap((ws) => ws.configProblems.map((p) => ({ rule: INVALID_CONFIG, severity: 'error' as const, file: p.file, range: p.range, message: p.message })));
}

const key = (f: Finding) => `${f.file}\0${f.range.start.line}:${f.range.start.character}\0${f.message}`;

/** `findings` plus the configuration's findings they lack; whether the configuration is invalid. */
export function withConfigFindings(findings: Finding[], workspaces: readonly WorkspaceModel[]): { findings: Finding[]; invalid: Finding[] } {
  const invalid = configFindings(workspaces);
  const seen = new Set(findings.filter((f) => f.rule === INVALID_CONFIG).map(key));
  return { findings: [...findings, ...invalid.filter((f) => !seen.has(key(f)))], invalid };
}

/** One line per workspace (or loose folder) whose files were not checked, saying why and how to opt in. */
export function inactiveNotes(files: readonly string[], workspaceOf: (file: string) => WorkspaceModel): string[] {
  const skipped = new Map<WorkspaceModel, number>();
  for (const f of files) {
    const ws = workspaceOf(f);
    if (!ws.activation.active) skipped.set(ws, (skipped.get(ws) ?? 0) + 1);
  }
  return [...skipped].map(([ws, count]) => {
    const where = ws.root ?? 'files outside any workspace';
    const how = ws.activation.configFile
      ? `add a [tool.pyguide] table to ${ws.activation.configFile} (for example \`preset = "generic"\`; see docs/presets.md)`
      : 'add a [tool.pyguide] table to the pyproject.toml at the project root (for example `preset = "generic"`; see docs/presets.md)';
    return `checked nothing in ${where} (${count} file${count === 1 ? '' : 's'}): ${ws.activation.reason}. To check it, ${how}.`;
  });
}
