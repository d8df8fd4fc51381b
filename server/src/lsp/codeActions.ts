import { CodeAction, CodeActionKind, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, toWorkspaceEdit, type DiagnosticData, type EditTarget } from './convert';
import { BARE_TYPE_IGNORE } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pyguide`;
export const SHOW_DOCUMENTATION_COMMAND = 'pyguide.showDocumentation';

const LINE_DIRECTIVE = /#\s*pyguide\s*:\s*ignore\s*\[([^\]]*)\]/i;

export function isPyguideDiagnostic(d: Diagnostic): d is Diagnostic & { code: string; data: DiagnosticData } {
  return d.source === SOURCE && typeof d.code === 'string' && !!d.data;
}

/** Edits bound to the document version they were computed for. */
export function versionedEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

/** The edit that adds `rule` to the line's `# pyguide: ignore[...]`, writing one if there is none. */
export function ignoreForLineEdit(doc: TextDocument, line: number, rule: string): TextEdit {
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const existing = LINE_DIRECTIVE.exec(lineText);
  if (existing) {
    const listStart = existing.index + existing[0].indexOf('[') + 1;
    const listEnd = listStart + existing[1].length;
    const ids = existing[1].split(',').map((s) => s.trim()).filter(Boolean);
    return {
      range: { start: { line, character: listStart }, end: { line, character: listEnd } },
      newText: [...ids, rule].join(', '),
    };
  }
  return { range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, newText: `  # pyguide: ignore[${rule}]` };
}

/** The edit that adds `# pyguide: ignore-file[rule]` at the top, below a shebang or encoding line. */
export function ignoreForFileEdit(doc: TextDocument, rule: string): TextEdit {
  let line = 0;
  const first = (n: number) => doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } });
  while (line < 2 && line < doc.lineCount && /^#!|^#.*coding[:=]/.test(first(line))) line++;
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `# pyguide: ignore-file[${rule}]${eol}` };
}

/** Which checkers' codes a suppression directive understands; `type: ignore` is read by all of them. */
const DIRECTIVE_SOURCES: Record<string, RegExp> = {
  pyright: /pyright|pylance/i,
  pyrefly: /pyrefly/i,
};

/**
 * "Use specific code [<code>]" for a bare `# type: ignore` (or `# pyright:`/`# pyrefly: ignore`)
 * when another checker reports a coded diagnostic on the same line. The client adds those other
 * diagnostics to the request; the pyguide diagnostic's range is the directive, so the code goes
 * right after it.
 */
export function specificCodeActions(doc: TextDocument, bare: Diagnostic & { data: DiagnosticData }, diagnostics: Diagnostic[]): CodeAction[] {
  if (bare.data.version !== doc.version) return [];
  const directive = doc.getText(bare.range);
  const tool = /^#\s*(\w+)\s*:\s*ignore$/i.exec(directive)?.[1].toLowerCase();
  if (!tool) return [];
  const accepts = DIRECTIVE_SOURCES[tool];
  const codes: string[] = [];
  for (const d of diagnostics) {
    if (d.source === SOURCE || d.code === undefined || d.code === '' || d.range.start.line !== bare.range.start.line) continue;
    if (accepts && !accepts.test(d.source ?? '')) continue;
    const code = String(d.code);
    if (!codes.includes(code)) codes.push(code);
  }
  const choices = codes.map((c) => [c]);
  if (codes.length > 1) choices.push(codes);
  return choices.map((chosen) => {
    const title = `Use specific code${chosen.length > 1 ? 's' : ''} [${chosen.join(', ')}]`;
    const action = CodeAction.create(title, versionedEdit(doc, [{ range: { start: bare.range.end, end: bare.range.end }, newText: `[${chosen.join(', ')}]` }]), CodeActionKind.QuickFix);
    action.diagnostics = [bare];
    action.isPreferred = chosen.length === 1 && codes.length === 1;
    return action;
  });
}

/** A fix's title in the quick fix menu: unsafe ones say so, since they may change what the code does. */
export function quickFixTitle(fix: { title: string; safe: boolean }): string {
  return fix.safe ? fix.title : `${fix.title} (unsafe)`;
}

/** Quick fixes, ignore comments and documentation links for the pyguide diagnostics in a range. */
export function quickFixActions(doc: TextDocument, diagnostics: Diagnostic[], target: EditTarget): CodeAction[] {
  const actions: CodeAction[] = [];
  const fileIgnores = new Set<string>();
  for (const d of diagnostics.filter(isPyguideDiagnostic)) {
    const { fix, version } = d.data;
    // A diagnostic from an older version of the document carries a fix for text that is gone.
    if (fix && version === doc.version) {
      const edit = toWorkspaceEdit(fix, target);
      if (edit) {
        const action = CodeAction.create(quickFixTitle(fix), edit, CodeActionKind.QuickFix);
        action.diagnostics = [d];
        // An unsafe fix is there to choose, never the one a keystroke applies without looking.
        action.isPreferred = fix.safe;
        actions.push(action);
      }
    }
    if (d.code === BARE_TYPE_IGNORE) actions.push(...specificCodeActions(doc, d, diagnostics));
    const lineAction = CodeAction.create(
      `Ignore ${d.code} for this line`,
      versionedEdit(doc, [ignoreForLineEdit(doc, d.range.start.line, d.code)]),
      CodeActionKind.QuickFix,
    );
    lineAction.diagnostics = [d];
    actions.push(lineAction);
    if (!fileIgnores.has(d.code)) {
      fileIgnores.add(d.code);
      const fileAction = CodeAction.create(`Ignore ${d.code} for this file`, versionedEdit(doc, [ignoreForFileEdit(doc, d.code)]), CodeActionKind.QuickFix);
      fileAction.diagnostics = [d];
      actions.push(fileAction);
      actions.push(CodeAction.create(`Show documentation for ${d.code}`, { title: `Show documentation for ${d.code}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [d.code] }, CodeActionKind.QuickFix));
    }
  }
  return actions;
}
