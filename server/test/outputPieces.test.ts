// `pyguide check` writes its report as it formats it, no faster than stdout takes it: the same bytes
// as one string would be, in batches.
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Finding } from '../src/engine/types';
import { formatFindings } from '../src/cli/output';
import { toJson } from '../src/cli/output/json';
import { writePieces } from '../src/cli/output/pieces';
import { PLAIN } from '../src/cli/style';

function finding(i: number, message: string): Finding {
  return {
    rule: i % 2 ? 'bare-noqa' : 'in-function-import',
    severity: i % 3 ? 'warning' : 'info',
    file: `/ws/pkg/m${i % 7}.py`,
    range: { start: { line: i, character: 4 }, end: { line: i, character: 20 } },
    message,
    ...(i % 5 === 0 ? { fix: { title: 'Move the import to the top', safe: true, edits: [] } } : {}),
  } as Finding;
}

/** A stream that takes `capacity` writes before it is full, and drains when told to. */
class SlowSink extends EventEmitter {
  readonly writes: string[] = [];
  queued = 0;
  maxQueued = 0;
  constructor(private readonly capacity = Infinity) {
    super();
  }
  write(text: string): boolean {
    this.writes.push(text);
    this.queued++;
    this.maxQueued = Math.max(this.maxQueued, this.queued);
    return this.queued < this.capacity;
  }
  drain(): void {
    this.queued = 0;
    this.emit('drain');
  }
}

const ctx = { cwd: '/ws', version: '0.1.0', readText: () => undefined, style: PLAIN };
async function written(pieces: Iterable<string>): Promise<string[]> {
  const sink = new SlowSink();
  await writePieces(pieces, sink);
  return sink.writes;
}

describe('report pieces (pyguide check output)', () => {
  const messages = ['plain', 'with "quotes" and \\ backslash', 'line\nbreak and\ttab', 'unicode é 漢字 🐍', ''];
  const findings = Array.from({ length: 40 }, (_, i) => finding(i, messages[i % messages.length]));

  it('writes --format json byte for byte as JSON.stringify of the whole list, with a newline', async () => {
    const out = (await written(formatFindings('json', findings, ctx))).join('');
    assert.equal(out, `${JSON.stringify(findings.map((f) => toJson(f, '/ws')), null, 2)}\n`);
    assert.equal((await written(formatFindings('json', [], ctx))).join(''), '[]\n');
  });

  it('writes text and github lines joined by newlines, and nothing at all without findings', async () => {
    const text = (await written(formatFindings('text', findings.slice(0, 2), ctx))).join('');
    assert.equal(text, 'pkg/m0.py:1:5: info in-function-import plain\npkg/m1.py:2:5: warning bare-noqa with "quotes" and \\ backslash\n');
    assert.deepEqual(await written(formatFindings('text', [], ctx)), []);
    assert.deepEqual(await written(formatFindings('github', [], ctx)), []);
    assert.equal((await written(formatFindings('github', findings.slice(1, 2), ctx))).join(''), '::warning file=pkg/m1.py,line=2,col=5,endLine=2,endColumn=21,title=bare-noqa::with "quotes" and \\ backslash\n');
  });

  it('writes a large report in batches of about 64 KB, each once the stream took the one before', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(i, `message number ${i}`));
    const sink = new SlowSink(1);
    const done = writePieces(formatFindings('json', many, ctx), sink);
    let drains = 0;
    // The stream is full after every write: the next batch waits for its drain.
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (sink.queued === 0) break;
      assert.equal(sink.writes.length, drains + 1, 'no write before the drain');
      drains++;
      sink.drain();
    }
    await done;
    assert.ok(sink.writes.length > 10, `${sink.writes.length} writes`);
    assert.equal(sink.maxQueued, 1);
    assert.ok(sink.writes.every((w) => w.length < 65536 + 1024), 'a batch is at most one piece over 64 KB');
    assert.equal(sink.writes.join(''), `${JSON.stringify(many.map((f) => toJson(f, '/ws')), null, 2)}\n`);
  });
});
