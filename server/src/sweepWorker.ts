// A sweep worker thread: its own parser and engine, linting the chunks of files the CLI sends.
import { parentPort } from 'node:worker_threads';
import { LintSession } from './engine/session';
import { DiskFiles } from './workspace/files';
import { learnRequirements } from './workspace/metadata';
import { lintFileSafely, type WorkerReply, type WorkerRequest } from './sweep';
import { hardenProcess } from './hardening';

hardenProcess();

const port = parentPort!;
const send = (reply: WorkerReply) => port.postMessage(reply);

const ready = LintSession.create(new DiskFiles(), (rule, file, error) => {
  send({ type: 'ruleError', rule: rule.id, file, error: (error as Error)?.stack ?? String(error) });
});

// Messages are handled one at a time, in order, once the parser is loaded.
let queue: Promise<unknown> = ready;
port.on('message', (request: WorkerRequest) => {
  queue = queue
    .then(async () => {
      const session = await ready;
      if (request.type === 'init') {
        learnRequirements(request.requirements);
        // Before any workspace exists here: `--config` configures them all.
        session.workspaces.configFile = request.configFile;
        // The main thread walked the workspaces already; rules that compare files get its lists.
        for (const { pythonFiles } of request.workspaces) {
          if (pythonFiles.length > 0) session.workspaces.forFile(pythonFiles[0]).setPythonFiles(pythonFiles);
        }
      } else {
        send({ type: 'done', chunk: request.chunk, results: request.files.map((f) => lintFileSafely(session, f, request.record)) });
      }
    })
    .catch((e: unknown) => send({ type: 'fatal', error: (e as Error)?.stack ?? String(e) }));
});
