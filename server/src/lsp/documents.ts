import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Tree } from 'web-tree-sitter';
import { editTree, type PythonParser } from '../parsing/python';
import { collectSyntax, type PythonSyntax } from '../parsing/pythonSyntax';

/** How many parsed trees stay in memory; older ones are freed and re-parsed when needed. */
export const TREE_CACHE_SIZE = 64;

interface Entry {
  doc: TextDocument;
  tree?: Tree;
  /** Whether `tree` matches `doc`'s text, or has pending edits that need a re-parse. */
  stale: boolean;
  syntax?: PythonSyntax;
}

/**
 * Open documents, each with an incrementally updated tree-sitter tree: LSP changes are applied
 * to the text and, as edits, to the tree, so the next parse reuses every unchanged subtree.
 */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  /** Uris with a tree, least recently used first. */
  private readonly lru: string[] = [];

  constructor(private readonly parser: PythonParser) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.close(uri);
    const doc = TextDocument.create(uri, languageId, version, text);
    this.entries.set(uri, { doc, stale: true });
    return doc;
  }

  get(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  all(): TextDocument[] {
    return [...this.entries.values()].map((e) => e.doc);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      if ('range' in change && entry.tree) {
        const startOffset = entry.doc.offsetAt(change.range.start);
        const endOffset = entry.doc.offsetAt(change.range.end);
        // offsetAt clamps; positions must agree with the offsets the tree sees.
        const start = entry.doc.positionAt(startOffset);
        const end = entry.doc.positionAt(endOffset);
        editTree(entry.tree, {
          startOffset,
          endOffset,
          start: { row: start.line, column: start.character },
          end: { row: end.line, column: end.character },
          text: change.text,
        });
      } else if (entry.tree) {
        this.dropTree(uri, entry);
      }
      entry.doc = TextDocument.update(entry.doc, [change], version);
    }
    entry.stale = true;
    entry.syntax = undefined;
    return entry.doc;
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.dropTree(uri, entry);
    this.entries.delete(uri);
  }

  /** The document's tree and syntax facts, parsed incrementally from the previous tree. */
  parsed(uri: string): { tree: Tree; syntax: PythonSyntax } | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.stale || !entry.tree) {
      const next = this.parser.parse(entry.doc.getText(), entry.tree);
      entry.tree?.delete();
      entry.tree = next;
      entry.stale = false;
      entry.syntax = undefined;
    }
    entry.syntax ??= collectSyntax(entry.tree);
    this.touch(uri);
    return { tree: entry.tree, syntax: entry.syntax };
  }

  private touch(uri: string): void {
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
    entry.syntax = undefined;
    entry.stale = true;
    const i = this.lru.indexOf(uri);
    if (i >= 0) this.lru.splice(i, 1);
  }

  dispose(): void {
    for (const [uri, entry] of this.entries) this.dropTree(uri, entry);
    this.entries.clear();
  }
}
