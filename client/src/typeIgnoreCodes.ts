import * as vscode from 'vscode';
import { BARE_TYPE_IGNORE } from '../../server/src/lsp/protocol';

const PYGUIDE = 'pyguide';

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/**
 * VS Code passes a code-action provider only the diagnostics under the cursor. On a bare
 * `# type: ignore` that is pyguide's own diagnostic, while the type checker's error it silences
 * usually sits earlier on the line. This adds the coded diagnostics of other extensions (Pylance,
 * mypy, pyrefly, ...) on the lines of pyguide's bare-type-ignore diagnostics, so the server can
 * offer "Use specific code [<code>]".
 */
export function withOtherCheckersDiagnostics(context: vscode.CodeActionContext, all: readonly vscode.Diagnostic[]): vscode.CodeActionContext {
  const lines = new Set(context.diagnostics.filter((d) => d.source === PYGUIDE && codeOf(d) === BARE_TYPE_IGNORE).map((d) => d.range.start.line));
  if (lines.size === 0) return context;
  const extra = all.filter(
    (d) => d.source !== PYGUIDE && codeOf(d) !== undefined && codeOf(d) !== '' && lines.has(d.range.start.line) && !context.diagnostics.includes(d),
  );
  if (extra.length === 0) return context;
  return { diagnostics: [...context.diagnostics, ...extra], only: context.only, triggerKind: context.triggerKind };
}
