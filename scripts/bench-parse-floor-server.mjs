// The bench's parse floor: the floor's bare server (scripts/bench-floor-server.mjs) that also does
// what no pyguide keystroke can skip: each change is applied to the open document and its tree
// re-parsed incrementally with tree-sitter, through pyguide's own OpenDocuments (edit + parsed),
// before the same diagnostics go out. No syntax facts, no rules. What a keystroke costs it is the
// connection plus the parse: a lower bound for any server that parses Python with tree-sitter WASM.
// scripts/bench.mjs bundles it with esbuild (it imports the TypeScript sources) and runs the bundle
// with `--stdio`; never run on its own.
import { createConnection, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { OpenDocuments } from '../server/src/engine/documents';
import { LintSession } from '../server/src/engine/session';
import { DiskFiles } from '../server/src/workspace/files';

const connection = createConnection();
const ready = LintSession.create(new DiskFiles()).then((session) => new OpenDocuments(session));
let diagnostics = [];
let documents;

connection.onInitialize(async (params) => {
  diagnostics = params.initializationOptions?.diagnostics ?? [];
  documents = await ready;
  return { capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } };
});
const parsedAndSent = (uri, version) => {
  documents.parsed(uri);
  void connection.sendDiagnostics({ uri, version, diagnostics });
};
connection.onDidOpenTextDocument(({ textDocument: d }) => {
  documents.open(d.uri, new URL(d.uri).pathname, d.languageId, d.version, d.text);
  parsedAndSent(d.uri, d.version);
});
connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  documents.edit(textDocument.uri, textDocument.version, contentChanges);
  parsedAndSent(textDocument.uri, textDocument.version);
});
connection.onDidCloseTextDocument(({ textDocument }) => documents.close(textDocument.uri));
connection.listen();
