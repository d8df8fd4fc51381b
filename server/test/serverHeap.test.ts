// The language server bounds V8's heap growth while a long document is open (each keystroke in it
// leaves a megabyte of dead text), and gives V8 back its own growth factor when none is.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_GROWING_PERCENT, HeapGrowthBound, LARGE_DOCUMENT } from '../src/heapGrowth';
import { LspHarness } from './lspHarness';

const BOUND = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
const FREE = '--heap-growing-percent=0';

describe('the server bounds its heap growth while a long document is open', function () {
  this.timeout(30_000);

  it('sets the bound when the first long document opens or grows long, lifts it when the last one closes or shrinks', () => {
    const set: string[] = [];
    const heap = new HeapGrowthBound((flag) => set.push(flag));
    heap.sized('small', 160_000);
    heap.closed('small');
    assert.deepEqual(set, []);
    heap.sized('a', LARGE_DOCUMENT);
    heap.sized('a', LARGE_DOCUMENT + 1);
    heap.sized('b', 2 * LARGE_DOCUMENT);
    assert.deepEqual(set, [BOUND]);
    heap.closed('a');
    assert.deepEqual(set, [BOUND]);
    heap.sized('b', LARGE_DOCUMENT - 1);
    assert.deepEqual(set, [BOUND, FREE]);
    heap.sized('b', LARGE_DOCUMENT);
    heap.closed('b');
    assert.deepEqual(set, [BOUND, FREE, BOUND, FREE]);
  });

  it('over a real connection: opening a 1.2 MB module sets the flag in the server process, closing it lifts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-heap-'));
    // Records every V8 flag the server process sets.
    const recorder = join(dir, 'record-flags.js');
    writeFileSync(recorder, "const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (flag) => { process.stderr.write('V8FLAG ' + flag + '\\n'); return set(flag); };");
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyguide]\npreset = "generic"\n');
    const lsp = await LspHarness.start({ root: dir, nodeArgs: ['--require', recorder] });
    const flags = () => [...lsp.stderr.join('').matchAll(/^V8FLAG (.*)$/gm)].map((m) => m[1]);
    // What the server wrote on stderr before an answer may still be on its way in the other pipe.
    const flagsOnceThere = async (count: number) => {
      for (let i = 0; i < 500 && flags().length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return flags();
    };
    try {
      const small = await lsp.open(join(dir, 'small.py'), 'x = 1\n');
      await lsp.waitForDiagnostics(small);
      assert.deepEqual(flags(), []);
      const big = await lsp.open(join(dir, 'big.py'), 'value = 1\n'.repeat(120_000));
      await lsp.waitForDiagnostics(big);
      assert.deepEqual(await flagsOnceThere(1), [BOUND]);
      await lsp.close(big);
      // The close is a notification: the server answers requests in order, so one answered after it was handled.
      await lsp.codeActions(small, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      assert.deepEqual(await flagsOnceThere(2), [BOUND, FREE]);
    } finally {
      await lsp.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
