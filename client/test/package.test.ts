// What `npm run package` puts into pyguide.vsix: only what the installed extension runs or shows.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('the .vsix contents', function () {
  this.timeout(60_000);

  it('are exactly the allow-list: bundles, wasm grammars, syntaxes, snippets, rule docs, README, CHANGELOG, LICENSE, icon', () => {
    const listed = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(listed.trim().split('\n').sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/client.js',
      'dist/server.js',
      'dist/tree-sitter-python.wasm',
      'dist/web-tree-sitter.wasm',
      ...readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`),
      'images/icon.png',
      'package.json',
      'snippets/python.code-snippets',
      'syntaxes/eli5-docstring.injection.tmLanguage.json',
    ]);
  });
});
