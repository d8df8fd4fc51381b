// The CLI's sweep over many files, spread over the machine's cores: this thread lints too, and one
// worker thread per other core lints with its own parser. Files go out in small chunks from one
// queue, so a slow file never leaves a core idle; results come back in file order.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintRecorded } from './cache/recordedLint';
import type { FileRecord } from './cache/resultCache';
import { Linter } from './engine/linter';
import type { LintSession } from './engine/session';
import type { Finding } from './engine/types';
import { knownRequirements, type ParsedRequirements } from './workspace/metadata';

/**
 * Bytes of source per worker thread. A worker's start-up (its bundle, wasm parser, combined query
 * and workspace model) costs about 0.4 CPU-seconds, the lint of 1.3 MB of Python: below this much
 * work per worker it costs more CPU than it can save (on a shared 2-core machine it saved no wall
 * time on Genkit's 4 MB tree and cost 27% more CPU; see docs/performance.md).
 */
export const MIN_BYTES_PER_WORKER = 8_000_000;
/** Files per message; small enough to balance, large enough that messages are not the cost. */
const CHUNK = 6;

/** What a worker needs to know of a workspace: the Python files the main thread found in it. */
export interface WorkspaceFiles {
  pythonFiles: string[];
}

export type WorkerRequest =
  | { type: 'init'; workspaces: WorkspaceFiles[]; requirements: ParsedRequirements; configFile: string | undefined }
  | { type: 'lint'; chunk: number; files: string[]; record: boolean };
export type WorkerReply =
  | { type: 'done'; chunk: number; results: LintResult[] }
  | { type: 'ruleError'; rule: string; file: string; error: string }
  | { type: 'fatal'; error: string };

/** A file's findings and, when the result cache asked for it, what they were computed from. */
export interface LintResult {
  findings: Finding[];
  record?: FileRecord;
}

/** Lints one file, turning an internal error into a finding instead of losing the run. */
export function lintFileSafely(session: LintSession, file: string, record: boolean): LintResult {
  try {
    return record ? lintRecorded(session, file) : { findings: session.lintFile(file) };
  } catch (e) {
    return { findings: [Linter.unreadable(file, `internal error: ${(e as Error)?.message ?? String(e)}`)] };
  }
}

export interface SweepOptions {
  /** Called once per rule and file that threw in a worker (the main thread's own session reports its own). */
  onRuleError: (rule: string, file: string, error: string) => void;
  /** Worker threads to use; default one per core beyond this one, as far as there is work for them. */
  workers?: number;
  /** The worker bundle; default the one built beside this bundle. */
  workerScript?: string;
  /** Asks for each file's cache record (see cache/recordedLint.ts), passed here as it comes. */
  onRecord?: (file: string, record: FileRecord) => void;
}

/**
 * The worker threads worth starting for `files`: one per core beyond this thread, as far as each
 * gets `MIN_BYTES_PER_WORKER` of source (a file that cannot be read counts as nothing).
 */
export function defaultWorkers(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(bytes / MIN_BYTES_PER_WORKER)));
}

/**
 * Lints `files` (workspaces already prepared in `session`) and returns their findings in file order.
 * Falls back to this thread alone for small runs, or when the worker bundle is not beside this one.
 */
export async function sweepFiles(session: LintSession, files: string[], options: SweepOptions): Promise<Finding[][]> {
  const results: Finding[][] = new Array(files.length);
  const record = options.onRecord !== undefined;
  const lintOne = (i: number): Finding[] => {
    const result = lintFileSafely(session, files[i], record);
    if (result.record) options.onRecord?.(files[i], result.record);
    return result.findings;
  };
  const script = options.workerScript ?? join(__dirname, 'sweepWorker.js');
  // An explicit count is obeyed (tests, PYGUIDE_SWEEP_WORKERS); the default weighs start-up against work.
  const count = options.workers !== undefined ? Math.min(options.workers, files.length) : defaultWorkers(files);
  if (count <= 0 || !existsSync(script)) {
    files.forEach((_, i) => (results[i] = lintOne(i)));
    return results;
  }

  const chunks: number[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, files.length - i) }, (_, k) => i + k));
  let next = 0;
  const take = () => (next < chunks.length ? next++ : undefined);
  const workspaces: WorkspaceFiles[] = session.workspaces.all().map((w) => ({ pythonFiles: [...w.pythonFiles()] }));
  // Every member's dependencies, parsed here once for all threads (the parser is slow).
  for (const w of session.workspaces.all()) for (const pkg of w.packages) void w.metadata(pkg.pyprojectPath)?.dependencies;
  const requirements = knownRequirements();

  let settle!: () => void;
  const allDone = new Promise<void>((resolve) => (settle = resolve));
  let pending = chunks.length;
  const finish = (chunk: number, findings: Finding[][]) => {
    chunks[chunk].forEach((fileIndex, k) => (results[fileIndex] = findings[k]));
    if (--pending === 0) settle();
  };
  const finishFromWorker = (chunk: number, done: LintResult[]) => {
    done.forEach((result, k) => {
      if (result.record) options.onRecord?.(files[chunks[chunk][k]], result.record);
    });
    finish(chunk, done.map((r) => r.findings));
  };

  const workers: Worker[] = [];
  for (let w = 0; w < count; w++) {
    const worker = new Worker(script);
    const inFlight = new Set<number>();
    // Two chunks in flight: the worker starts the next while its last result travels back.
    const feed = () => {
      while (inFlight.size < 2) {
        const chunk = take();
        if (chunk === undefined) return;
        inFlight.add(chunk);
        worker.postMessage({ type: 'lint', chunk, files: chunks[chunk].map((i) => files[i]), record } satisfies WorkerRequest);
      }
    };
    // A worker that dies leaves its chunks to this thread, so the run still completes.
    const orphan = () => {
      for (const chunk of inFlight) finish(chunk, chunks[chunk].map(lintOne));
      inFlight.clear();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'done') {
        inFlight.delete(reply.chunk);
        finishFromWorker(reply.chunk, reply.results);
        feed();
      } else if (reply.type === 'ruleError') options.onRuleError(reply.rule, reply.file, reply.error);
      else {
        process.stderr.write(`pyguide: a sweep worker failed, continuing without it: ${reply.error}\n`);
        orphan();
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      process.stderr.write(`pyguide: a sweep worker failed, continuing without it: ${e.stack ?? e}\n`);
      orphan();
    });
    worker.on('exit', orphan);
    worker.postMessage({ type: 'init', workspaces, requirements, configFile: session.workspaces.configFile } satisfies WorkerRequest);
    feed();
    workers.push(worker);
  }

  // This thread takes chunks too, yielding between them so worker replies are handled promptly.
  for (let chunk = take(); chunk !== undefined; chunk = take()) {
    finish(chunk, chunks[chunk].map(lintOne));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await allDone;
  await Promise.all(workers.map((w) => w.terminate()));
  return results;
}
