// What a keystroke costs outside the lint, by mechanism: the status items hear of news at once and
// of lint times at most once an interval, and lint times reach the bench by request.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { LINT_TIMES_REQUEST, STATUS_NOTIFICATION, type LintTime, type StatusParams } from '../src/lsp/protocol';
import { StatusReports } from '../src/lsp/statusReports';
import type { WorkspaceModel } from '../src/workspace/model';
import { LspHarness } from './lspHarness';
import { makeTree } from './tempTree';

/** A connection that only records the notifications sent through it. */
function recordingConnection() {
  const sent: Array<{ method: string; params: StatusParams }> = [];
  let notify: () => void = () => undefined;
  const connection = {
    sendNotification: (method: string, params: StatusParams) => {
      sent.push({ method, params });
      notify();
      return Promise.resolve();
    },
  } as unknown as Connection;
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  return { connection, sent, next };
}

/** A workspace as the status items see it: its activation and its configuration's problems. */
function workspace(preset: string, problems: unknown[] = []): WorkspaceModel {
  return { activation: { active: true, preset, source: 'configured', reason: `preset "${preset}"` }, configProblems: problems } as unknown as WorkspaceModel;
}

describe('the keystroke path outside the lint', function () {
  this.timeout(60_000);

  describe('status reports', () => {
    it('sends a status at once when the findings count or the configuration changes, and none for a lint that changes neither', () => {
      const { connection, sent } = recordingConnection();
      // An interval no test outlasts: only what is sent at once is seen.
      const reports = new StatusReports(connection, 600_000);
      const ws = workspace('genkit');
      reports.linted('file:///a.py', 1, ws, 2, 0.5);
      reports.linted('file:///a.py', 2, ws, 2, 0.6);
      reports.linted('file:///a.py', 3, ws, 2, 0.7);
      reports.linted('file:///a.py', 4, ws, 3, 0.8);
      reports.linted('file:///b.py', 1, ws, 3, 0.9);
      // The same workspace with a new configuration that says something else.
      const changed = workspace('generic', [{}]);
      reports.linted('file:///a.py', 5, changed, 3, 1.0);
      reports.dispose();
      assert.deepEqual(
        sent.map(({ method, params }) => [method, params.uri, params.findings, params.lintMs, params.config?.preset, params.config?.problems]),
        [
          [STATUS_NOTIFICATION, 'file:///a.py', 2, 0.5, 'genkit', 0],
          [STATUS_NOTIFICATION, 'file:///a.py', 3, 0.8, 'genkit', 0],
          [STATUS_NOTIFICATION, 'file:///b.py', 3, 0.9, 'genkit', 0],
          [STATUS_NOTIFICATION, 'file:///a.py', 3, 1.0, 'generic', 1],
        ],
      );
    });

    it('a configuration read again that says the same is no news', () => {
      const { connection, sent } = recordingConnection();
      const reports = new StatusReports(connection, 600_000);
      const ws = workspace('genkit') as unknown as { activation: unknown; configProblems: unknown[] };
      reports.linted('file:///a.py', 1, ws as unknown as WorkspaceModel, 2, 0.5);
      // The pyproject.toml was edited (a comment): the workspace holds new configuration objects.
      ws.activation = { ...(ws.activation as object) };
      ws.configProblems = [];
      reports.linted('file:///a.py', 2, ws as unknown as WorkspaceModel, 2, 0.6);
      reports.dispose();
      assert.equal(sent.length, 1);
    });

    it('after a lint that changed nothing shown, sends the last lint time once the interval passes, once', async () => {
      const { connection, sent, next } = recordingConnection();
      const reports = new StatusReports(connection, 5);
      const ws = workspace('genkit');
      reports.linted('file:///a.py', 1, ws, 2, 0.5);
      const trailing = next();
      reports.linted('file:///a.py', 2, ws, 2, 0.6);
      reports.linted('file:///a.py', 3, ws, 2, 0.7);
      await trailing;
      assert.deepEqual(
        sent.map(({ params }) => [params.findings, params.lintMs]),
        [
          [2, 0.5],
          [2, 0.7],
        ],
      );
      // Nothing is pending any more: a news-free lint starts a new interval, a closed document none.
      reports.linted('file:///a.py', 4, ws, 2, 0.8);
      reports.closed('file:///a.py');
      reports.linted('file:///b.py', 1, ws, 1, 0.1);
      reports.dispose();
      assert.deepEqual(
        sent.map(({ params }) => [params.uri, params.lintMs]),
        [
          ['file:///a.py', 0.5],
          ['file:///a.py', 0.7],
          ['file:///b.py', 0.1],
        ],
      );
    });

    it('keeps lint times only when asked, and hands each out once', () => {
      const { connection } = recordingConnection();
      const reports = new StatusReports(connection, 600_000);
      reports.linted('file:///a.py', 1, workspace('genkit'), 0, 0.5);
      assert.deepEqual(reports.takeLintTimes(), []);
      reports.keepLintTimes();
      reports.linted('file:///a.py', 2, workspace('genkit'), 0, 0.25);
      reports.linted('file:///a.py', 3, workspace('genkit'), 0, 0.75);
      assert.deepEqual(reports.takeLintTimes(), [
        { uri: 'file:///a.py', version: 2, ms: 0.25 },
        { uri: 'file:///a.py', version: 3, ms: 0.75 },
      ]);
      assert.deepEqual(reports.takeLintTimes(), []);
      reports.dispose();
    });
  });

  describe('over LSP', () => {
    const FOLDER = { 'pyproject.toml': '[project]\nname = "f"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa"]\n' };

    it('each edit ends in one publish of its version; the status items hear of each new findings count; lint times come by request', async () => {
      const root = makeTree(FOLDER);
      const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 }, initializationOptions: { lintTimes: true } });
      try {
        const uri = await lsp.open(join(root, 'a.py'), 'x = 1  # noqa\n');
        await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
        await lsp.waitFor(() => lsp.statuses.some((s) => s.uri === uri && s.findings === 1), 'the status of the open file');
        const edits = [
          { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'y' },
          { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'z = 2  # noqa\n' },
          { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'w' },
        ];
        for (const edit of edits) {
          await lsp.change(uri, [edit]);
          await lsp.waitForDiagnostics(uri, (ds) => ds.length > 0 && lsp.diagnostics.get(uri)!.version === lsp.versionOf(uri));
        }
        assert.equal(lsp.diagnostics.get(uri)!.diagnostics.length, 2);
        // The new count reaches the status items without waiting for an interval.
        await lsp.waitFor(() => lsp.statuses.some((s) => s.uri === uri && s.findings === 2), 'the status with two findings');
        // One publish per version, in order (a lint for another reason, such as the folder's file
        // walk ending, may publish a version again with the same diagnostics).
        const mine = lsp.published.filter((p) => p.uri === uri);
        const versions = mine.filter((p, i) => i === 0 || mine[i - 1].version !== p.version || JSON.stringify(mine[i - 1].diagnostics) !== JSON.stringify(p.diagnostics)).map((p) => p.version);
        assert.deepEqual(versions, [1, 2, 3, 4]);
        const times = (await lsp.connection.sendRequest(LINT_TIMES_REQUEST)) as LintTime[];
        assert.deepEqual([...new Set(times.map((t) => t.version))], [1, 2, 3, 4]);
        assert.ok(times.every((t) => t.uri === uri && typeof t.ms === 'number' && t.ms >= 0));
        assert.deepEqual(await lsp.connection.sendRequest(LINT_TIMES_REQUEST), []);
      } finally {
        await lsp.shutdown();
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('keeps no lint times unless the client asked in its initialization options', async () => {
      const root = makeTree(FOLDER);
      const lsp = await LspHarness.start({ root, settings: { onTypeDelay: 0 } });
      try {
        const uri = await lsp.open(join(root, 'a.py'), 'x = 1  # noqa\n');
        await lsp.waitForDiagnostics(uri, (ds) => ds.length === 1);
        assert.deepEqual(await lsp.connection.sendRequest(LINT_TIMES_REQUEST), []);
      } finally {
        await lsp.shutdown();
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
