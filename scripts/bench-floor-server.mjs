// The bench's floor: a bare vscode-languageserver server over stdio that keeps each open document's
// text and answers every change at once with the same diagnostics, those pyguide published for the
// file (passed as `initializationOptions.diagnostics`), carrying the change's version. What a
// keystroke costs it is what the connection alone costs: no lint, nothing else on the way.
// Run by scripts/bench.mjs (`node scripts/bench-floor-server.mjs --stdio`), never on its own.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createConnection, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
let diagnostics = [];

connection.onInitialize((params) => {
  diagnostics = params.initializationOptions?.diagnostics ?? [];
  return { capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } };
});
// On open and on every change (TextDocuments reports an open as a change of content too).
documents.onDidChangeContent(({ document }) => void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }));
documents.listen(connection);
connection.listen();
