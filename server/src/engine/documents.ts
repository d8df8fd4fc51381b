// The engine owns open documents: each one's text, tree, syntax facts, line index and findings,
// driven through open / edit / lint / close by the server, the tests and the bench alike.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Tree } from 'web-tree-sitter';
import { toEdit } from '../parsing/python';
import { IncrementalSyntax } from '../parsing/syntaxFacts';
import type { EditorOverrides } from './config';
import { FactFindings } from './factFindings';
import { fixAllText } from './fixAll';
import { RecordingView, type FactReading } from '../cache/workspaceFacts';
import { fileKind, type ParsedPython } from './linter';
import type { LintSession } from './session';
import { TextIndex } from './textIndex';
import type { Finding, Fix } from './types';

export type { TextDocumentContentChangeEvent };

/** How many parsed trees stay in memory; older ones are freed and re-parsed when needed. */
export const TREE_CACHE_SIZE = 64;

interface Entry {
  languageId: string;
  version: number;
  /** The text and its line starts, updated by each change rather than rebuilt. */
  index: TextIndex;
  /** The path pyguide lints the document as. */
  path: string;
  tree?: Tree;
  /** Whether `tree` matches the text, or has pending edits that need a re-parse. */
  stale: boolean;
  /** Syntax facts, kept in step with the tree by the same edits. */
  facts: IncrementalSyntax;
  /** Findings of the rules that check facts one by one, kept per fact. */
  factFindings: FactFindings;
  /** `tree` came from a parse from scratch, not from an incremental one. */
  fromScratch?: boolean;
  /** The findings of the last lint and the version they are for. */
  linted?: LintResult;
}

export interface LintResult {
  version: number;
  findings: Finding[];
  /** The workspace facts the findings were computed from (see cache/workspaceFacts). */
  readings: FactReading[];
}

/** An open document as its users see it. */
export interface OpenDocument {
  readonly uri: string;
  readonly path: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: string;
  /** The text's line index (the document's own: read it, never edit it). */
  readonly index: TextIndex;
  /** The findings of the last lint, if it was of this version. */
  readonly findings: Finding[] | undefined;
  /** The workspace facts the last lint read (whatever its version). */
  readonly readings: readonly FactReading[] | undefined;
}

/**
 * Open documents, each with an incrementally updated tree-sitter tree: LSP changes are applied
 * to the text and, as edits, to the tree, so the next parse reuses every unchanged subtree. The
 * syntax facts and the line index follow the same edits, so a keystroke costs work in proportion
 * to what it changed, not to the size of the file.
 */
export class OpenDocuments {
  private readonly entries = new Map<string, Entry>();
  /** Uris with a tree, least recently used first. */
  private readonly lru: string[] = [];

  constructor(readonly session: LintSession) {}

  /** Opens (or re-opens) a document; `path` is what pyguide lints it as. */
  open(uri: string, path: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    this.entries.set(uri, { languageId, version, index: new TextIndex(text), path, stale: true, facts: new IncrementalSyntax(), factFindings: new FactFindings() });
    return this.get(uri)!;
  }

  get(uri: string): OpenDocument | undefined {
    const entry = this.entries.get(uri);
    return entry && view(uri, entry);
  }

  all(): OpenDocument[] {
    return [...this.entries].map(([uri, entry]) => view(uri, entry));
  }

  /**
   * Lints the document's current text under the editor's settings for its folder and keeps the
   * result. Fixes a rule defers are left for `fixOf`: a keystroke never pays for them.
   */
  lint(uri: string, overrides?: EditorOverrides): LintResult | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const text = entry.index.text;
    const workspace = this.session.workspaces.forFile(entry.path);
    const view = new RecordingView(workspace);
    const req = { file: entry.path, text, workspace, overrides, view, fixes: 'deferred' as const };
    const python = fileKind(entry.path) === 'python' && text.length <= workspace.configFor(overrides).maxFileSize;
    const findings = python ? this.session.linter.lintParsed(req, this.parsed(uri)!) : this.session.linter.lint(req);
    entry.linted = { version: entry.version, findings, readings: view.readings() };
    return entry.linted;
  }

  /** The fix of a finding of the document's current version, computing a deferred one now. */
  fixOf(uri: string, finding: Finding, overrides?: EditorOverrides): Fix | undefined {
    if (finding.fix) return finding.fix;
    const entry = this.entries.get(uri);
    if (!entry || !finding.deferredFix) return undefined;
    const text = entry.index.text;
    const workspace = this.session.workspaces.forFile(entry.path);
    const parsed = fileKind(entry.path) === 'python' ? this.parsed(uri) : undefined;
    return this.session.linter.fixOf({ file: entry.path, text, workspace, overrides }, parsed, finding);
  }

  /** Findings of the document's current version with every deferred fix computed: what the CLI reports for the same text. */
  withFixes(uri: string, findings: readonly Finding[], overrides?: EditorOverrides): Finding[] {
    return findings.map((f) => {
      if (!f.deferredFix) return f;
      const { deferredFix: _, ...rest } = f;
      const fix = this.fixOf(uri, f, overrides);
      return fix ? { ...rest, fix } : rest;
    });
  }

  /** The document's text with every safe fix applied (fix-all), or undefined when nothing changes. */
  fixAll(uri: string, overrides?: EditorOverrides): string | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const before = entry.index.text;
    const { text } = fixAllText(entry.path, before, (t) => this.session.lintText(entry.path, t, { overrides }));
    return text === before ? undefined : text;
  }

  /** Applies LSP content changes; returns the document, or undefined when it is not open. */
  edit(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      if ('range' in change) {
        const index = entry.index;
        const old = index.text;
        let start = index.offsetAt(change.range.start);
        let end = index.offsetAt(change.range.end);
        if (end < start) [start, end] = [end, start];
        const text = old.slice(0, start) + change.text + old.slice(end);
        let length = change.text.length;
        // A `\r` just before the change and a `\n` just after it may pair with the new text into
        // one line break, or stop pairing: then they count as changed too, so tree-sitter re-reads
        // them and rows stay right. Otherwise the edit is exactly the change.
        const code = (t: string, i: number) => (i >= 0 && i < t.length ? t.charCodeAt(i) : -1);
        const firstNew = change.text.length > 0 ? code(change.text, 0) : code(old, end);
        const lastNew = change.text.length > 0 ? code(change.text, change.text.length - 1) : code(old, start - 1);
        const joinsBefore = code(old, start - 1) === 13 && (code(old, start) === 10) !== (firstNew === 10);
        const joinsAfter = code(old, end) === 10 && (code(old, end - 1) === 13) !== (lastNew === 13);
        if (joinsBefore) {
          start--;
          length++;
        }
        if (joinsAfter) {
          end++;
          length++;
        }
        const point = (offset: number) => {
          const p = index.positionAt(offset);
          return { row: p.line, column: p.character };
        };
        // Points in the text before the change, then the index follows it.
        const startPoint = point(start);
        const endPoint = point(end);
        index.edit(text, start, end, start + length);
        if (entry.tree) {
          const edit = toEdit({ startOffset: start, endOffset: end, newLength: length, start: startPoint, end: endPoint, newEnd: point(start + length) });
          entry.tree.edit(edit);
          entry.facts.edit(edit);
        }
      } else {
        this.dropTree(uri, entry);
        entry.index = new TextIndex(change.text);
      }
    }
    // A change list may be empty; the version still moves on.
    entry.version = version;
    entry.stale = true;
    return view(uri, entry);
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.dropTree(uri, entry);
    this.entries.delete(uri);
  }

  /** The document's tree, syntax facts and line index, parsed incrementally from the previous tree. */
  parsed(uri: string): ParsedPython | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.stale || !entry.tree) {
      const text = entry.index.text;
      const old = entry.tree;
      const next = this.session.parser.parse(text, old);
      const changed = old ? old.getChangedRanges(next) : [];
      old?.delete();
      entry.tree = next;
      entry.stale = false;
      entry.fromScratch = !old;
      entry.facts.changed(changed);
    }
    this.touch(uri);
    return { tree: entry.tree!, index: entry.index, facts: entry.facts, factFindings: entry.factFindings };
  }

  /** Whether the document's current tree has syntax errors (false before its first parse). */
  hasErrors(uri: string): boolean {
    const entry = this.entries.get(uri);
    return !!entry?.tree && !entry.stale && entry.tree.rootNode.hasError;
  }

  /**
   * Tree-sitter's incremental parse of a text with syntax errors can differ from a fresh parse of
   * it: error recovery may keep subtrees that a fresh parse would not build. Once such a document
   * settles, a fresh parse puts it right. Returns whether the tree changed (then lint it again).
   */
  reconcile(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry?.tree || entry.stale || entry.fromScratch || !entry.tree.rootNode.hasError) return false;
    entry.fromScratch = true;
    const text = entry.index.text;
    const fresh = this.session.parser.parse(text);
    // Same text, no edits in between: any changed range is a difference in structure.
    if (entry.tree.getChangedRanges(fresh).length === 0) {
      fresh.delete();
      return false;
    }
    entry.tree.delete();
    entry.tree = fresh;
    entry.facts.reset();
    return true;
  }

  private touch(uri: string): void {
    if (this.lru[this.lru.length - 1] === uri) return;
    const i = this.lru.indexOf(uri);
    if (i >= 0) this.lru.splice(i, 1);
    this.lru.push(uri);
    while (this.lru.length > TREE_CACHE_SIZE) {
      const old = this.lru.shift()!;
      const entry = this.entries.get(old);
      if (entry) this.dropTree(old, entry);
    }
  }

  private dropTree(uri: string, entry: Entry): void {
    entry.tree?.delete();
    entry.tree = undefined;
    entry.facts.reset();
    entry.stale = true;
    const i = this.lru.indexOf(uri);
    if (i >= 0) this.lru.splice(i, 1);
  }

  dispose(): void {
    for (const [uri, entry] of this.entries) this.dropTree(uri, entry);
    this.entries.clear();
  }
}

function view(uri: string, entry: Entry): OpenDocument {
  return {
    uri,
    path: entry.path,
    languageId: entry.languageId,
    version: entry.version,
    text: entry.index.text,
    index: entry.index,
    findings: entry.linted?.version === entry.version ? entry.linted.findings : undefined,
    readings: entry.linted?.readings,
  };
}
