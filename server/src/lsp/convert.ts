import { URI } from 'vscode-uri';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { ruleById } from '../engine/registry';
import { ruleDocsLink } from '../engine/ruleDocs';
import type { DeferredFix, Finding, Fix } from '../engine/types';
import type { FixGate } from '../engine/writeGate';

export const SOURCE = 'pyguide';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * What travels in `diagnostic.data`: the version it was computed for, and the finding's fix as the
 * quick fix menu names it. The edits stay in the server, with the findings of that version: every
 * publish carries every diagnostic again, and a fix's edits would be most of the bytes sent per
 * keystroke (code actions look them up, or compute a deferred fix, when the editor asks).
 */
export interface DiagnosticData {
  version: number | null;
  fix?: DeferredFix;
  /** The client should add other tools' diagnostics on this line to code action requests. */
  peers?: true;
}

/**
 * Paths of the URIs seen lately. A pyproject.toml keystroke asks for the path of every swept file,
 * and parsing a URI costs more than the rest of telling whether the file is affected.
 */
const paths = new Map<string, string | undefined>();
const MAX_REMEMBERED_PATHS = 20_000;

export function uriToPath(uri: string): string | undefined {
  if (paths.has(uri)) return paths.get(uri);
  const parsed = URI.parse(uri);
  const path = parsed.scheme === 'file' ? parsed.fsPath : undefined;
  if (paths.size >= MAX_REMEMBERED_PATHS) paths.clear();
  paths.set(uri, path);
  return path;
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

export function toDiagnostic(f: Finding, version: number | null): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = f.related?.map((r) => ({
    location: { uri: pathToUri(r.file), range: r.range },
    message: r.message,
  }));
  const data: DiagnosticData = { version };
  if (f.fix) data.fix = { title: f.fix.title, safe: f.fix.safe };
  else if (f.deferredFix) data.fix = f.deferredFix;
  if (ruleById(f.rule)?.readsPeerDiagnostics) data.peers = true;
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: f.docs ?? ruleDocsLink(f.rule).uri },
    source: SOURCE,
    message: f.message,
    relatedInformation: related,
    tags: f.rule === 'unreadable-file' ? [DiagnosticTag.Unnecessary] : undefined,
    data,
  };
}

export interface EditTarget {
  /** The open document's version for a uri, or null when it is not open. */
  versionOf(uri: string): number | null;
  supportsResourceOperations: boolean;
  /** The client applies snippet edits (`workspace.workspaceEdit.snippetEditSupport`, LSP 3.18). */
  supportsSnippetEdits?: boolean;
  /** The write gate: whether a fix reported on a file may be written (refusals are logged). */
  gate: FixGate;
}

/**
 * A fix reported on `origin` as a workspace edit, once the write gate lets it through. Text edits
 * are bound to the document version they were computed for, so a client refuses them if the
 * document has moved on.
 */
export function toWorkspaceEdit(fix: Fix, target: EditTarget, origin: string): WorkspaceEdit | undefined {
  if (!target.gate.allowsFix(fix, origin)) return undefined;
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const change of fix.changes) {
    switch (change.type) {
      case 'edit': {
        const uri = pathToUri(change.file);
        documentChanges.push({ textDocument: { uri, version: target.versionOf(uri) }, edits: change.edits });
        break;
      }
      case 'create':
        if (!target.supportsResourceOperations) return undefined;
        documentChanges.push({ kind: 'create', uri: pathToUri(change.file), options: { ignoreIfExists: true } });
        if (change.content) {
          documentChanges.push({
            textDocument: { uri: pathToUri(change.file), version: null },
            edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.content }],
          });
        }
        break;
      case 'rename':
        if (!target.supportsResourceOperations) return undefined;
        documentChanges.push({ kind: 'rename', oldUri: pathToUri(change.from), newUri: pathToUri(change.to), options: { ignoreIfExists: true } });
        break;
      case 'delete':
        if (!target.supportsResourceOperations) return undefined;
        documentChanges.push({ kind: 'delete', uri: pathToUri(change.file), options: { ignoreIfNotExists: true } });
        break;
    }
  }
  return { documentChanges };
}

/** A snippet's text as a plain edit inserts it: tab stops and placeholders' markup removed, escapes undone. */
export function snippetText(snippet: string): string {
  return snippet.replace(/\\([$}\\])|\$\{\d+:((?:[^}\\]|\\.)*)\}|\$\{\d+\}|\$\d+/g, (_, escaped: string | undefined, placeholder: string | undefined) =>
    escaped ?? (placeholder === undefined ? '' : snippetText(placeholder)),
  );
}
