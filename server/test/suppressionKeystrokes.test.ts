// What a keystroke costs unexplained-suppression: it checks comments one at a time, each with the
// comment before it (SyntaxNeed.previous: a reason may stand on the comment line above). Typing
// outside comments checks none; typing in a comment checks it and the comment after it; the
// findings always equal a fresh lint's.
import * as assert from 'node:assert/strict';
import type { Finding } from '../src/engine/types';
import { unexplainedSuppression } from '../src/rules/python/unexplained-suppression';
import { probedModule } from './keystrokeProbe';

const ID = 'unexplained-suppression';
const BLOCKS = 20;
/** Twenty blocks: a reason, the suppression it explains, and one with no reason (the comment above it is a directive beside code). */
const MODULE = `import os\n\n${Array.from({ length: BLOCKS }, (_, i) => `# reason ${i}\na${i} = os.sep  # noqa: E501\nb${i} = 2  # noqa: E501\n`).join('\n')}`;
/** The line of block i's reason: 2 lines of head, then 4 lines per block. */
const reasonLine = (i: number) => 2 + i * 4;

const lines = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);
/** Where block i's `b` line's directive stands, `line:start-end`, when that line is `line`. */
const directiveAt = (i: number, line: number) => `${line}:${String(i).length + 7}-${String(i).length + 19}`;

describe('unexplained-suppression on a keystroke', function () {
  this.timeout(30_000);

  it('typing outside comments checks none; in a comment, that comment and the next with the one before; findings equal a fresh lint', async () => {
    assert.deepEqual([unexplainedSuppression.reads?.scope, unexplainedSuppression.reads?.previous], ['each', true]);
    const { runs, live, fresh, looked, edit, dispose } = await probedModule(MODULE, [unexplainedSuppression], 'pyguide-suppkeys-');
    try {
      const lastRun = () => runs.get(ID)!.at(-1);

      const opened = live();
      assert.deepEqual(opened, fresh());
      // Every `b` line's suppression, none of the explained `a` ones.
      assert.deepEqual(lines(opened), Array.from({ length: BLOCKS }, (_, i) => directiveAt(i, reasonLine(i) + 2)));
      assert.equal(lastRun()!.length, BLOCKS * 3);

      // A letter typed in code with no comment: the rule does not run, every finding is kept.
      const before = runs.get(ID)!.length;
      edit(0, 8, 0, 8, 'x');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(looked(), { [ID]: { fresh: 0, kept: BLOCKS } });
      assert.equal(runs.get(ID)!.length, before);

      // A letter typed in block 5's reason: that comment and the suppression after it, with the comment before it.
      edit(reasonLine(5), 3, reasonLine(5), 3, 'x');
      assert.deepEqual(live(), fresh());
      assert.deepEqual(looked(), { [ID]: { fresh: 3, kept: BLOCKS } });
      assert.deepEqual(lastRun(), ['# noqa: E501', '# rxeason 5', '# noqa: E501']);

      // Block 7's reason deleted: its suppression, now under block 6's `b` line, has no reason; the one after it is checked too.
      edit(reasonLine(7), 0, reasonLine(7) + 1, 0, '');
      const unexplained = live();
      assert.deepEqual(unexplained, fresh());
      assert.deepEqual(looked(), { [ID]: { fresh: 3, kept: BLOCKS - 1 } });
      assert.deepEqual(lastRun(), ['# noqa: E501', '# noqa: E501', '# noqa: E501']);
      assert.equal(unexplained.length, BLOCKS + 1);
      assert.ok(lines(unexplained).includes(`${reasonLine(7)}:13-25`));

      // Enter at the end of block 3's reason: it no longer stands right above its suppression.
      edit(reasonLine(3), 10, reasonLine(3), 10, '\n');
      const apart = live();
      assert.deepEqual(apart, fresh());
      assert.equal(apart.length, BLOCKS + 2);
      assert.ok(lines(apart).includes(`${reasonLine(3) + 2}:13-25`));

      // The reason typed back on the line above: explained again, and only those comments were looked at.
      edit(reasonLine(3) + 1, 0, reasonLine(3) + 1, 0, '# reason');
      const explained = live();
      assert.deepEqual(explained, fresh());
      assert.equal(explained.length, BLOCKS + 1);
      assert.deepEqual(lastRun(), ['# reason 3', '# reason', '# noqa: E501']);
    } finally {
      dispose();
    }
  });
});
