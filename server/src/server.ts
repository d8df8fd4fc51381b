// pyguide-lsp: the language server entry point (--stdio, --node-ipc or --socket=N).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LintSession } from './engine/session';
import { PyguideServer } from './lsp/pyguideServer';
import { ruleErrorReporter } from './lsp/ruleErrors';
import { OverlayFiles } from './workspace/files';
import { hardenProcess } from './hardening';
import { HeapGrowthBound } from './heapGrowth';

hardenProcess();

const connection = createConnection(ProposedFeatures.all);
const overlay = new OverlayFiles();

// The session needs the wasm grammar, which loads asynchronously; requests wait for it.
const ready = LintSession.create(overlay, ruleErrorReporter(connection));

process.on('uncaughtException', (e) => connection.console.error(`pyguide: uncaught error: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`pyguide: unhandled rejection: ${(e as Error)?.stack ?? e}`));

void ready.then(
  (session) => {
    new PyguideServer(connection, session, overlay, new HeapGrowthBound()).register();
    connection.listen();
    connection.console.log('pyguide: intrinsic prototypes frozen (a repository cannot plant inherited properties).');
  },
  (error) => {
    process.stderr.write(`pyguide: cannot start: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
