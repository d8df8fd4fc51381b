// The language server bounds V8's heap growth itself, whoever starts it (VS Code, another editor,
// the bench): the flag is set by its process entry, first thing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundHeapGrowth, HEAP_GROWING_PERCENT, SERVER_V8_FLAGS } from '../src/heapGrowth';

const ROOT = join(__dirname, '..', '..', '..');

describe('the server bounds its heap growth', () => {
  it('boundHeapGrowth sets the heap-growing flag', () => {
    const set: string[] = [];
    boundHeapGrowth((flag) => set.push(flag));
    assert.deepEqual(set, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    assert.deepEqual(SERVER_V8_FLAGS, set);
  });

  it('the server process sets it first thing, as the pyguide-lsp binary starts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-heap-'));
    try {
      // Records every V8 flag the process sets, in order.
      const recorder = join(dir, 'record-flags.js');
      writeFileSync(
        recorder,
        `const v8 = require('node:v8');
         const set = v8.setFlagsFromString;
         v8.setFlagsFromString = (flag) => {
           process.stderr.write('V8FLAG ' + flag + '\\n');
           return set(flag);
         };`,
      );
      // With stdin closed the server's connection ends and the process exits.
      const r = spawnSync(process.execPath, ['--require', recorder, join(ROOT, 'bin', 'pyguide-lsp.js'), '--stdio'], { input: '', encoding: 'utf8', timeout: 15000 });
      const flags = [...r.stderr.matchAll(/^V8FLAG (.*)$/gm)].map((m) => m[1]);
      assert.deepEqual(flags, SERVER_V8_FLAGS, r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
