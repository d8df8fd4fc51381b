// What a keystroke costs the logging rules: they check log calls one at a time with the module's
// logger bindings as context (SyntaxNeed.context). Typing in one log call checks that call (and
// reads the bindings); editing a binding checks every call again; the findings always equal a
// fresh lint's.
import * as assert from 'node:assert/strict';
import type { Finding } from '../src/engine/types';
import { loggingFstring } from '../src/rules/logging/logging-fstring';
import { syncLogInAsync } from '../src/rules/logging/sync-log-in-async';
import { probedModule } from './keystrokeProbe';

const IDS = ['logging-fstring', 'sync-log-in-async'];
const BINDING = 'logger = structlog.get_logger()';

/** Thirty coroutines, each with an f-string log call (both rules report it) and an awaited key-value one (neither does). */
const MODULE = `import structlog\n\n${BINDING}\n\n\n${Array.from({ length: 30 }, (_, i) => `async def f${i}(x):\n    logger.info(f"got {x}")\n    await logger.adebug("fixed", x=x)\n`).join('\n\n')}`;
/** The line of f<i>'s f-string call: 5 lines of head, then 5 lines per function. */
const callLine = (i: number) => 5 + i * 5 + 1;
const CALLS = 60;

const where = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule}${f.fix ? ' fix' : ''}`);

describe('logging rules on a keystroke', function () {
  this.timeout(30_000);

  it('typing in a log call checks that call with the bindings; editing a binding checks every call; findings equal a fresh lint', async () => {
    assert.deepEqual([loggingFstring.reads?.scope, syncLogInAsync.reads?.scope], ['each', 'each']);
    const probed = await probedModule(MODULE, [loggingFstring, syncLogInAsync], 'pyguide-logkeys-');
    const { runs, live, fresh, looked, store, uri, dispose } = probed;
    try {
      // Within one line.
      const edit = (line: number, character: number, endCharacter: number, text: string) => probed.edit(line, character, line, endCharacter, text);
      const lastRun = (id: string) => runs.get(id)!.at(-1);

      const opened = live();
      assert.deepEqual(opened, fresh());
      assert.deepEqual(
        IDS.map((id) => opened.filter((f) => f.rule === id).length),
        [30, 30],
      );
      assert.deepEqual(where(opened).slice(0, 2), [`${callLine(0)}:4-${callLine(0)}:15 sync-log-in-async fix`, `${callLine(0)}:16-${callLine(0)}:26 logging-fstring fix`]);
      assert.equal(lastRun('logging-fstring')!.length, CALLS + 1);

      // Type in f10's f-string: its call is the only new fact; the binding comes along as context.
      edit(callLine(10), 21, 21, 'y');
      const typed = live();
      assert.deepEqual(typed, fresh());
      assert.deepEqual(looked(), { 'logging-fstring': { fresh: 2, kept: 29 }, 'sync-log-in-async': { fresh: 2, kept: 29 } });
      for (const id of IDS) assert.deepEqual(lastRun(id), [BINDING, 'logger.info(f"goty {x}")']);
      assert.deepEqual(
        where(typed.filter((f) => f.range.start.line === callLine(10))),
        [`${callLine(10)}:4-${callLine(10)}:15 sync-log-in-async fix`, `${callLine(10)}:16-${callLine(10)}:27 logging-fstring fix`],
      );

      // A letter typed outside any log call and binding: no rule runs, every finding is kept.
      const before = IDS.map((id) => runs.get(id)!.length);
      const reported = () => store.lint(uri)!.findings.filter((f) => IDS.includes(f.rule));
      const shown = reported();
      edit(0, 16, 16, 'z');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(looked(), { 'logging-fstring': { fresh: 0, kept: 30 }, 'sync-log-in-async': { fresh: 0, kept: 30 } });
      // ... and each is reported as the very object the previous lint reported.
      const again = reported();
      assert.equal(again.length, 60);
      assert.deepEqual(
        again.map((f, i) => f === shown[i]),
        shown.map(() => true),
      );
      assert.deepEqual(IDS.map((id) => runs.get(id)!.length), before);

      // The binding becomes a stdlib logger's: every call is checked again, with the new binding.
      edit(2, 9, 29, 'logging.getLogger');
      const stdlib = live();
      assert.deepEqual(stdlib, fresh());
      assert.deepEqual(looked(), { 'logging-fstring': { fresh: CALLS + 1, kept: 0 }, 'sync-log-in-async': { fresh: CALLS + 1, kept: 0 } });
      assert.equal(lastRun('logging-fstring')![0], 'logger = logging.getLogger()');
      // A stdlib logger has no `ainfo`, and no key-value fix: f-string findings without a fix.
      assert.deepEqual(
        IDS.map((id) => stdlib.filter((f) => f.rule === id).length),
        [30, 0],
      );
      assert.deepEqual(where(stdlib).slice(0, 1), [`${callLine(0)}:16-${callLine(0)}:26 logging-fstring`]);

      // The binding deleted: every call again, with no binding; `logger` still looks like a logger.
      edit(2, 0, 28, '');
      const unbound = live();
      assert.deepEqual(unbound, fresh());
      assert.deepEqual(looked(), { 'logging-fstring': { fresh: CALLS, kept: 0 }, 'sync-log-in-async': { fresh: CALLS, kept: 0 } });
      assert.deepEqual(
        IDS.map((id) => unbound.filter((f) => f.rule === id).length),
        [30, 0],
      );

      // A structlog binding typed back: every call again; both rules report every f-string call, with fixes.
      edit(2, 0, 0, BINDING);
      const rebound = live();
      assert.deepEqual(rebound, fresh());
      assert.deepEqual(looked(), { 'logging-fstring': { fresh: CALLS + 1, kept: 0 }, 'sync-log-in-async': { fresh: CALLS + 1, kept: 0 } });
      assert.deepEqual(where(rebound), where(typed));
    } finally {
      dispose();
    }
  });
});
