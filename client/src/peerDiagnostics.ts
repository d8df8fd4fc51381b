import * as vscode from 'vscode';

const PYGUIDE = 'pyguide';

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Whether a pyguide diagnostic's rule reads other tools' diagnostics on its line (the server marks it in `data`). */
function readsPeers(d: vscode.Diagnostic): boolean {
  const data = (d as vscode.Diagnostic & { data?: { peers?: boolean } }).data;
  return d.source === PYGUIDE && data?.peers === true;
}

/**
 * VS Code passes a code-action provider only the diagnostics under the cursor. A rule's action may
 * need other tools' diagnostics on the same line (bare-type-ignore's "Use specific code [<code>]":
 * the type checker's error it silences usually sits earlier on the line). This adds the coded
 * diagnostics of other extensions (Pylance, mypy, pyrefly, ...) on the lines of the pyguide
 * diagnostics whose data asks for them; the client names no rule.
 */
export function withOtherCheckersDiagnostics(context: vscode.CodeActionContext, all: readonly vscode.Diagnostic[]): vscode.CodeActionContext {
  const lines = new Set(context.diagnostics.filter(readsPeers).map((d) => d.range.start.line));
  if (lines.size === 0) return context;
  const extra = all.filter(
    (d) => d.source !== PYGUIDE && codeOf(d) !== undefined && codeOf(d) !== '' && lines.has(d.range.start.line) && !context.diagnostics.includes(d),
  );
  if (extra.length === 0) return context;
  return { diagnostics: [...context.diagnostics, ...extra], only: context.only, triggerKind: context.triggerKind };
}
