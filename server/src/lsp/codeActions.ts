// Code actions: each finding's fix, the actions its rule owns, ignore comments and the docs link;
// fix-all. Fixes a rule defers, and fix-all, are computed when the editor resolves the action (or,
// for a client that cannot resolve, when it asks for the actions), never on a keystroke.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { EditorOverrides } from '../engine/config';
import type { OpenDocuments } from '../engine/documents';
import { ruleById } from '../engine/registry';
import { ignoreForFileEdit, ignoreForLineEdit } from '../engine/suppression';
import { minimalEdit } from '../engine/textEdits';
import type { TextIndex } from '../engine/textIndex';
import type { ContextualAction, Finding, Fix, PeerDiagnostic, Rule } from '../engine/types';
import { snippetText, SOURCE, toWorkspaceEdit, type DiagnosticData, type EditTarget } from './convert';
import { overridesOf, type FolderSettings } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pyguide`;
export const SHOW_DOCUMENTATION_COMMAND = 'pyguide.showDocumentation';

type PyguideDiagnostic = Diagnostic & { code: string; data: DiagnosticData };

export function isPyguideDiagnostic(d: Diagnostic): d is PyguideDiagnostic {
  return d.source === SOURCE && typeof d.code === 'string' && !!d.data;
}

/** Edits bound to the document version they were computed for. */
export function versionedEdit(doc: { uri: string; version: number }, edits: (TextEdit | SnippetTextEdit)[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

/** What an action left for `codeAction/resolve` carries. */
type ResolveData = { uri: string; version: number; fixAll: true } | { uri: string; version: number; rule: string; range: Diagnostic['range']; message: string };

/** A document as the code actions read it. */
export interface ActionDocument {
  uri: string;
  path: string;
  version: number;
  index: TextIndex;
}

export interface ActionSources {
  target: EditTarget;
  rule(id: string): Rule | undefined;
  /** The action applying a finding's fix: its own, or one left for resolve when the rule defers it. */
  fixAction(d: PyguideDiagnostic): CodeAction | undefined;
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup). */
function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The diagnostic as the finding it was made from, for a rule's contextual actions. */
function findingOf(d: PyguideDiagnostic, file: string): Finding {
  return { rule: d.code, range: d.range, message: messageText(d), severity: 'warning', file };
}

/** A fix's title in the quick fix menu: unsafe ones say so, since they may change what the code does. */
export function quickFixTitle(fix: { title: string; safe: boolean }): string {
  return fix.safe ? fix.title : `${fix.title} (unsafe)`;
}

function peersOn(line: number, diagnostics: readonly Diagnostic[]): PeerDiagnostic[] {
  return diagnostics
    .filter((d) => d.source !== SOURCE && d.code !== undefined && d.code !== '' && d.range.start.line === line)
    .map((d) => ({ source: d.source, code: String(d.code), range: d.range }));
}

/** A rule action's edits as the client takes them: snippets where it can, else their plain text. */
function actionEdits(action: ContextualAction, target: EditTarget): (TextEdit | SnippetTextEdit)[] {
  const edits = action.edits ?? [];
  if (!action.snippet) return edits;
  if (target.supportsSnippetEdits) return edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet', value: e.newText } }));
  return edits.map((e) => ({ range: e.range, newText: snippetText(e.newText) }));
}

/**
 * "Ignore … for this line": a new directive leaves the cursor where its reason goes (` - `), for a
 * client that takes snippet edits, since the guidelines want a reason with every suppression.
 */
function lineIgnoreEdit(doc: ActionDocument, d: PyguideDiagnostic, target: EditTarget): TextEdit | SnippetTextEdit {
  const edit = ignoreForLineEdit(doc.index, d.range.start.line, d.code);
  const writesDirective = edit.range.start.character === edit.range.end.character && /^\s*# pyguide: ignore\[[\w-]+\]$/.test(edit.newText);
  return target.supportsSnippetEdits && writesDirective ? { range: edit.range, snippet: { kind: 'snippet', value: `${edit.newText} - $0` } } : edit;
}

/** Quick fixes, rule actions, ignore comments and documentation links for the pyguide diagnostics in a range. */
export function quickFixActions(doc: ActionDocument, diagnostics: Diagnostic[], sources: ActionSources): CodeAction[] {
  const actions: CodeAction[] = [];
  const fileIgnores = new Set<string>();
  // Every action below but the documentation link edits this document: none for a file the write gate refuses.
  const writable = sources.target.gate.allowsOwnEdits(doc.path);
  for (const d of diagnostics.filter(isPyguideDiagnostic)) {
    // A diagnostic from an older version of the document points at text that is gone: its fix and
    // its line are refused (the editor asks again once the diagnostics are current).
    const current = d.data.version === doc.version;
    if (current && writable) {
      const fix = sources.fixAction(d);
      if (fix) actions.push(fix);
      const rule = sources.rule(d.code);
      for (const a of rule?.actions?.({ file: doc.path, text: doc.index.text, index: doc.index, finding: findingOf(d, doc.path), peers: peersOn(d.range.start.line, diagnostics) }) ?? []) {
        const action = a.command
          ? CodeAction.create(a.title, { title: a.title, ...a.command }, CodeActionKind.QuickFix)
          : CodeAction.create(a.title, versionedEdit(doc, actionEdits(a, sources.target)), CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = !!a.preferred;
        actions.push(action);
      }
      const lineAction = CodeAction.create(`Ignore ${d.code} for this line`, versionedEdit(doc, [lineIgnoreEdit(doc, d, sources.target)]), CodeActionKind.QuickFix);
      lineAction.diagnostics = [d];
      actions.push(lineAction);
    }
    if (!fileIgnores.has(d.code)) {
      fileIgnores.add(d.code);
      if (writable) {
        const fileAction = CodeAction.create(`Ignore ${d.code} for this file`, versionedEdit(doc, [ignoreForFileEdit(doc.index, d.code)]), CodeActionKind.QuickFix);
        fileAction.diagnostics = [d];
        actions.push(fileAction);
      }
      actions.push(CodeAction.create(`Show documentation for ${d.code}`, { title: `Show documentation for ${d.code}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [d.code] }, CodeActionKind.QuickFix));
    }
  }
  return actions;
}

/** The server's code actions over the engine's open documents. */
export class CodeActions {
  /** Whether the client resolves actions (`codeAction/resolve` with `edit`): then fixes wait for it. */
  resolveSupport = false;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly settings: FolderSettings,
    private readonly target: () => EditTarget,
  ) {}

  async codeActions({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.documents.get(textDocument.uri);
    if (!doc) return [];
    const only = context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '' && k !== CodeActionKind.QuickFix);
    if (only && wantsFixAll) return this.fixAllAction(doc.uri, doc.version, 'Fix all pyguide problems', FIX_ALL_KIND);
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const overrides = overridesOf(await this.settings.forUri(doc.uri));
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== doc.version) return [];
    const actionDoc = { uri: doc.uri, path: doc.path, version: doc.version, index: doc.index };
    const actions = quickFixActions(actionDoc, context.diagnostics, {
      target: this.target(),
      rule: ruleById,
      fixAction: (d) => this.fixAction(actionDoc, d, overrides),
    });
    const fixable = doc.findings?.filter((f) => f.fix?.safe || f.deferredFix?.safe).length ?? 0;
    if (fixable > 1) actions.push(...(await this.fixAllAction(doc.uri, doc.version, 'Fix all auto-fixable pyguide problems', CodeActionKind.QuickFix)));
    return actions;
  }

  /** Computes what an action left for later does. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data as ResolveData | undefined;
    if (!data || action.edit) return action;
    const doc = this.documents.get(data.uri);
    // The document moved on: the action has nothing left to do (the editor asks again).
    if (!doc || doc.version !== data.version) return action;
    const overrides = overridesOf(await this.settings.forUri(doc.uri));
    if (this.documents.get(data.uri)?.version !== data.version) return action;
    if ('fixAll' in data) {
      const edit = this.fixAllEditWith(data.uri, overrides);
      return edit ? { ...action, edit } : action;
    }
    const finding = this.findingAt(data.uri, data.rule, data.range, data.message);
    const fix = finding && this.documents.fixOf(data.uri, finding, overrides);
    const edit = fix && toWorkspaceEdit(fix, this.target(), doc.path);
    return edit ? { ...action, edit } : action;
  }

  /** The single edit that applies every safe text fix to an open document (fix-all). */
  async fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    return this.fixAllEditWith(uri, overridesOf(await this.settings.forUri(uri)));
  }

  private fixAllEditWith(uri: string, overrides: EditorOverrides): WorkspaceEdit | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const fixed = this.documents.fixAll(uri, overrides);
    if (fixed !== undefined && fixed !== doc.text && !this.target().gate.allowsOwnEdits(doc.path)) return undefined;
    const edit = fixed === undefined ? undefined : minimalEdit(doc.text, fixed);
    return edit ? versionedEdit(doc, [edit]) : undefined;
  }

  /** The finding of the document's current version a diagnostic was made from (one rule may report several at one range: `missing-metadata`'s fields). */
  private findingAt(uri: string, rule: string, range: Diagnostic['range'], message: string): Finding | undefined {
    const same = (a: Diagnostic['range'], b: Diagnostic['range']) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
    return this.documents.get(uri)?.findings?.find((f) => f.rule === rule && f.message === message && same(f.range, range));
  }

  private fixAction(doc: ActionDocument, d: PyguideDiagnostic, overrides: EditorOverrides): CodeAction | undefined {
    const summary = d.data.fix;
    if (!summary) return undefined;
    const message = messageText(d);
    const finding = this.findingAt(doc.uri, d.code, d.range, message);
    if (!finding) return undefined;
    let action: CodeAction;
    if (!finding.fix && this.resolveSupport) {
      action = CodeAction.create(quickFixTitle(summary), CodeActionKind.QuickFix);
      action.data = { uri: doc.uri, version: doc.version, rule: d.code, range: d.range, message } satisfies ResolveData;
    } else {
      const fix: Fix | undefined = this.documents.fixOf(doc.uri, finding, overrides);
      const edit = fix && toWorkspaceEdit(fix, this.target(), doc.path);
      if (!edit || !fix) return undefined;
      action = CodeAction.create(quickFixTitle(fix), edit, CodeActionKind.QuickFix);
    }
    action.diagnostics = [d];
    // An unsafe fix is there to choose, never the one a keystroke applies without looking.
    action.isPreferred = summary.safe;
    return action;
  }

  /** The fix-all action: left for resolve when the client can, else computed now. */
  private async fixAllAction(uri: string, version: number, title: string, kind: string): Promise<CodeAction[]> {
    if (this.resolveSupport) {
      const action = CodeAction.create(title, kind);
      action.data = { uri, version, fixAll: true } satisfies ResolveData;
      return [action];
    }
    const edit = await this.fixAllEdit(uri);
    return edit && this.documents.get(uri)?.version === version ? [{ title, kind, edit }] : [];
  }
}
