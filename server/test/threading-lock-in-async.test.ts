// threading-lock-in-async beyond its fixture: the message, where the await is, and `strict`.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadingLockInAsync } from '../src/rules/concurrency/threading-lock-in-async';
import { sessionWith } from './fixtureHarness';

const TEXT = [
  'import threading',
  '',
  'lock = threading.Lock()',
  '',
  '',
  'async def f(x):',
  '    with lock:',
  '        y = 1',
  '        await x',
  '    with lock:',
  '        return y',
  '',
].join('\n');

describe('threading-lock-in-async details', () => {
  it('says why, points at the await, and offers no fix', async () => {
    const session = await sessionWith([threadingLockInAsync]);
    const file = join(tmpdir(), 'sample.py');
    const [f, ...rest] = session.lintText(file, TEXT);
    assert.equal(rest.length, 0, 'the sync-only section is not reported without `strict`');
    assert.equal(f.rule, 'threading-lock-in-async');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 6, character: 9 }, end: { line: 6, character: 13 } });
    assert.equal(
      f.message,
      '`lock` is a threading.Lock held across an `await` (line 9): a second coroutine that reaches it blocks the event loop thread, which then never runs the first one to release it: a deadlock. Release it before awaiting (copy what you need under the lock, await outside), or use an asyncio lock if no thread shares it.',
    );
    assert.deepEqual(f.related, [{ file, range: { start: { line: 8, character: 8 }, end: { line: 8, character: 15 } }, message: 'awaits here while holding the lock' }]);
    assert.ok(!('fix' in f));
  });

  it('with `strict = true` also reports a sync-only section in a coroutine, as a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-lock-'));
    try {
      writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyguide]\npreset = "generic"\n\n[tool.pyguide.rules.threading-lock-in-async]\nstrict = true\n');
      const session = await sessionWith([threadingLockInAsync]);
      const findings = session.lintText(join(dir, 'sample.py'), TEXT);
      assert.deepEqual(
        findings.map((f) => [f.range.start.line, f.severity]),
        [
          [6, 'error'],
          [9, 'warning'],
        ],
      );
      assert.match(findings[1].message, /^`lock` is a threading\.Lock taken inside `async def`: the guidelines want no threading locks in async code/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows aliases of threading and of its lock types, and names the real type', async () => {
    const session = await sessionWith([threadingLockInAsync]);
    const body = '\n\nasync def f(x):\n    with lock:\n        await x\n';
    const [f] = session.lintText(join(tmpdir(), 'sample.py'), `from threading import RLock as L\n\nlock = L()\n${body}`);
    assert.match(f.message, /^`lock` is a threading\.RLock held across an `await` \(line 8\)/);
    const [g] = session.lintText(join(tmpdir(), 'sample.py'), `import threading as th\n\nlock = th.Semaphore()\n${body}`);
    assert.match(g.message, /^`lock` is a threading\.Semaphore held across an `await`/);
    assert.deepEqual(session.lintText(join(tmpdir(), 'sample.py'), `from multiprocessing import Lock as L\n\nlock = L()\n${body}`), []);
  });
});
