// The sweep's threads: as many as the work pays for, and what the main thread hands them so they
// need not redo it (the dependency specifiers it parsed).
import * as assert from 'node:assert/strict';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers, MIN_BYTES_PER_WORKER } from '../src/sweep';
import { knownRequirements, learnRequirements, parseDependency } from '../src/workspace/metadata';
import { makeTree } from './tempTree';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };

describe('sweep threads', () => {
  it('starts no worker for a small tree, and one per core beyond this one as the work grows', () => {
    const root = makeTree({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
    try {
      const files = [join(root, 'a.py'), join(root, 'b.py'), join(root, 'gone.py')];
      assert.equal(defaultWorkers(files), 0);
      // Sparse files: sizes without the bytes.
      truncateSync(files[0], MIN_BYTES_PER_WORKER * 2);
      truncateSync(files[1], MIN_BYTES_PER_WORKER);
      assert.equal(defaultWorkers(files), Math.min(availableParallelism() - 1, 3));
      writeFileSync(files[0], 'x = 1\n');
      assert.equal(defaultWorkers(files), Math.min(availableParallelism() - 1, 1));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('hands the requirement strings this thread parsed to another, which uses them as they are', () => {
    parseDependency('genkit-plugin-x >=1.0', RANGE);
    const parsed = knownRequirements();
    assert.deepEqual(parsed.find(([value]) => value === 'genkit-plugin-x >=1.0')?.[1], { name: 'genkit-plugin-x', extras: [], specifiers: [{ operator: '>=', version: '1.0' }] });
    // What another thread learns is taken, not parsed again: a marked entry shows it.
    learnRequirements([['marked', { name: 'learned-elsewhere', extras: [], specifiers: [] }]]);
    assert.deepEqual(parseDependency('marked', RANGE), { value: 'marked', range: RANGE, name: 'learned-elsewhere', extras: [], specifiers: [] });
  });
});
