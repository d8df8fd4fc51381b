import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Tree } from 'web-tree-sitter';
import { FactFindings } from '../engine/factFindings';
import { TextIndex } from '../engine/textIndex';
import { toEdit, type PythonParser } from '../parsing/python';
import { IncrementalSyntax } from '../parsing/syntaxFacts';

/** How many parsed trees stay in memory; older ones are freed and re-parsed when needed. */
export const TREE_CACHE_SIZE = 64;

interface Entry {
  doc: TextDocument;
  tree?: Tree;
  /** Whether `tree` matches `doc`'s text, or has pending edits that need a re-parse. */
  stale: boolean;
  /** Syntax facts, kept in step with the tree by the same edits. */
  facts: IncrementalSyntax;
  /** Line starts of `doc`'s text, updated by each change rather than rebuilt. */
  index?: TextIndex;
  /** Findings of the rules that check facts one by one, kept per fact. */
  factFindings: FactFindings;
  /** `tree` came from a parse from scratch, not from an incremental one. */
  fromScratch?: boolean;
}

/** What the linter needs of an open Python document, all current. */
export interface ParsedDocument {
  tree: Tree;
  index: TextIndex;
  facts: IncrementalSyntax;
  factFindings: FactFindings;
}

/**
 * Open documents, each with an incrementally updated tree-sitter tree: LSP changes are applied
 * to the text and, as edits, to the tree, so the next parse reuses every unchanged subtree. The
 * syntax facts and the line index follow the same edits, so a keystroke costs work in proportion
 * to what it changed, not to the size of the file.
 */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  /** Uris with a tree, least recently used first. */
  private readonly lru: string[] = [];

  constructor(private readonly parser: PythonParser) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.close(uri);
    const doc = TextDocument.create(uri, languageId, version, text);
    this.entries.set(uri, { doc, stale: true, facts: new IncrementalSyntax(), factFindings: new FactFindings() });
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
      if ('range' in change) {
        const before = entry.doc;
        const old = before.getText();
        let start = before.offsetAt(change.range.start);
        let end = before.offsetAt(change.range.end);
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
          const p = entry.doc.positionAt(offset);
          return { row: p.line, column: p.character };
        };
        const startPoint = point(start);
        const endPoint = point(end);
        // TextDocument.update changes the document in place: positions before it are in the old text.
        entry.doc = TextDocument.update(before, [change], version);
        if (entry.tree) {
          const edit = toEdit({ startOffset: start, endOffset: end, newLength: length, start: startPoint, end: endPoint, newEnd: point(start + length) });
          entry.tree.edit(edit);
          entry.facts.edit(edit);
        }
        entry.index = entry.index?.edited(entry.doc.getText(), start, end, start + length);
      } else {
        this.dropTree(uri, entry);
        entry.doc = TextDocument.update(entry.doc, [change], version);
        entry.index = undefined;
      }
    }
    // A change list may be empty; the version still moves on.
    if (changes.length === 0) entry.doc = TextDocument.update(entry.doc, [], version);
    entry.stale = true;
    return entry.doc;
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.dropTree(uri, entry);
    this.entries.delete(uri);
  }

  /** The document's line index, kept across changes. */
  index(uri: string): TextIndex | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    entry.index ??= new TextIndex(entry.doc.getText());
    return entry.index;
  }

  /** The document's tree, syntax facts and line index, parsed incrementally from the previous tree. */
  parsed(uri: string): ParsedDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.stale || !entry.tree) {
      const text = entry.doc.getText();
      const old = entry.tree;
      const next = this.parser.parse(text, old);
      const changed = old ? old.getChangedRanges(next) : [];
      old?.delete();
      entry.tree = next;
      entry.stale = false;
      entry.fromScratch = !old;
      entry.facts.changed(changed);
    }
    this.touch(uri);
    return { tree: entry.tree, index: this.index(uri)!, facts: entry.facts, factFindings: entry.factFindings };
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
    const text = entry.doc.getText();
    const fresh = this.parser.parse(text);
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
