// What a keystroke costs stdlib-logging and threading-lock-in-async: they check their matches one
// at a time with the module's imports from `logging`/`threading`, the bindings of that name and
// (threading) its lock factories as context (SyntaxNeed.context, keepsFindings). Typing in a statement hands a rule that
// statement's matches (and the context); a binding of the name checks every match again; an alias
// import makes every edit check every match; the findings always equal a fresh lint's.
import * as assert from 'node:assert/strict';
import type { Finding } from '../src/engine/types';
import { stdlibLogging } from '../src/rules/logging/stdlib-logging';
import { threadingLockInAsync } from '../src/rules/concurrency/threading-lock-in-async';
import { probedModule } from './keystrokeProbe';

const IDS = ['stdlib-logging', 'threading-lock-in-async'];
const N = 12;
const HEAD = 'import logging\nimport threading\n\nlogger = logging.getLogger(__name__)\n_lock = threading.Lock()\n\n\n';
/** Coroutines holding the lock across an await (one finding each), each calling a helper first. */
const MODULE = `${HEAD}${Array.from({ length: N }, (_, i) => `async def f${i}(x):\n    helper(x)\n    with _lock:\n        await g(x)\n`).join('\n\n')}`;
/** The line of f<i>'s `def`: 7 lines of head, then 6 lines per function. */
const defLine = (i: number) => 7 + i * 6;
/** stdlib-logging's matches: `logging` bound by its import, `logging.getLogger(...)`, and per coroutine `helper(x)` and `g(x)`. */
const LOGGING_FACTS = 2 + 2 * N;
/** threading-lock-in-async's: `threading` bound by its import, `_lock = threading.Lock()` and its call, and a `with` per coroutine. */
const THREADING_FACTS = 3 + N;

const where = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule}`);

describe('module-wide logging and threading rules on a keystroke', function () {
  this.timeout(30_000);

  it('typing checks what the edit touched with the context; a binding or an alias checks every match; findings equal a fresh lint', async () => {
    assert.deepEqual([stdlibLogging.reads?.scope, threadingLockInAsync.reads?.scope], ['each', 'each']);
    const probed = await probedModule(MODULE, [stdlibLogging, threadingLockInAsync], 'pyguide-modkeys-');
    const { runs, live, fresh, looked, dispose } = probed;
    try {
      // Within one line.
      const edit = (line: number, character: number, endCharacter: number, text: string) => probed.edit(line, character, line, endCharacter, text);
      const lastRun = (id: string) => runs.get(id)!.at(-1);

      const opened = live();
      assert.deepEqual(opened, fresh());
      assert.deepEqual(where(opened).slice(0, 3), ['3:9 stdlib-logging', `${defLine(0) + 2}:9 threading-lock-in-async`, `${defLine(1) + 2}:9 threading-lock-in-async`]);
      assert.deepEqual(
        IDS.map((id) => opened.filter((f) => f.rule === id).length),
        [1, N],
      );
      assert.deepEqual([lastRun('stdlib-logging')!.length, lastRun('threading-lock-in-async')!.length], [LOGGING_FACTS, THREADING_FACTS]);

      // A letter typed in f5's helper call: stdlib-logging checks that call with its context; the
      // threading rule has no match there and does not run.
      const threadingRuns = runs.get('threading-lock-in-async')!.length;
      edit(defLine(5) + 1, 10, 10, 'z');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(looked(), { 'stdlib-logging': { fresh: 2, kept: 1 }, 'threading-lock-in-async': { fresh: 0, kept: N } });
      assert.deepEqual(lastRun('stdlib-logging'), ['logging', 'helperz(x)']);
      assert.equal(runs.get('threading-lock-in-async')!.length, threadingRuns);

      // A letter typed in f7's awaited call: its `with` is checked again, with the lock's factory as context.
      edit(defLine(7) + 3, 17, 17, 'y');
      const typed = live();
      assert.deepEqual(typed, fresh());
      assert.deepEqual(looked()['threading-lock-in-async'], { fresh: 3, kept: N - 1 });
      assert.deepEqual(lastRun('threading-lock-in-async'), ['threading', 'threading.Lock()', 'with _lock:\n        await g(xy)']);
      assert.deepEqual(where(typed), where(opened));

      // A line inserted above the coroutines: the findings name their await's line, so the `with`
      // statements they are on are checked again where they moved to (and only those).
      edit(6, 0, 0, '\n');
      const moved = live();
      assert.deepEqual(moved, fresh());
      assert.deepEqual(looked()['threading-lock-in-async'], { fresh: N + 2, kept: 0 });
      assert.match(moved.find((f) => f.rule === 'threading-lock-in-async')!.message, new RegExp(`\\(line ${defLine(0) + 5}\\)`));
      probed.edit(6, 0, 7, 0, '');
      assert.deepEqual(live(), fresh());

      // `threading` rebound at module level: every match again, and the lock is no threading lock.
      edit(5, 0, 0, 'threading = None\n');
      const rebound = live();
      assert.deepEqual(rebound, fresh());
      assert.deepEqual(looked()['threading-lock-in-async'], { fresh: THREADING_FACTS + 1, kept: 0 });
      assert.deepEqual(where(rebound), ['3:9 stdlib-logging']);
      probed.edit(5, 0, 6, 0, '');
      assert.deepEqual(where(live()), where(opened));
      assert.deepEqual(live(), fresh());

      // `import logging as log`: the alias may be bound anywhere, so every edit checks every call.
      edit(0, 14, 14, ' as log');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(where(live()).filter((w) => w.endsWith('stdlib-logging')), ['3:9 stdlib-logging']);
      edit(defLine(2) + 1, 10, 10, 'w');
      assert.deepEqual(live(), fresh());
      // (The aliased import is a match, and binds no `logging`.)
      assert.deepEqual(looked()['stdlib-logging'], { fresh: LOGGING_FACTS, kept: 0 });
      assert.deepEqual(looked()['threading-lock-in-async'], { fresh: 0, kept: N });

      // The alias removed: typing in a helper call checks that call alone again.
      edit(0, 14, 21, '');
      assert.deepEqual(live(), fresh());
      edit(defLine(3) + 1, 10, 10, 'v');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(looked()['stdlib-logging'], { fresh: 2, kept: 1 });
    } finally {
      dispose();
    }
  });
});
