import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('pinned grammar', () => {
  it('grammars/tree-sitter-python.wasm is the wasm of the pinned tree-sitter-python release', () => {
    const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies['tree-sitter-python'];
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/tree-sitter-python/package.json'), 'utf8')).version;
    assert.equal(installed, pinned);
    assert.match(readFileSync(join(ROOT, 'grammars/README.md'), 'utf8'), new RegExp(`\\| ${pinned.replace(/\./g, '\\.')} \\|`));
    assert.ok(readFileSync(join(ROOT, 'grammars/tree-sitter-python.wasm')).equals(readFileSync(join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'))));
  });
});
