// The file-kind registry (engine/fileKinds.ts): what makes a file Python, pyproject.toml or a shell
// script, and what the client and the watchers get from it.
import * as assert from 'node:assert/strict';
import { documentSelector, FILE_KINDS, FIRST_LINE_CHARS, firstLineOf, kindOf } from '../src/engine/fileKinds';
import { fileKind } from '../src/engine/linter';
import { watchedGlobs } from '../src/lsp/watchers';
import { readShellScript } from '../src/parsing/shellScript';

describe('shell file kind', () => {
  it('is recognised by `.sh`, or by a sh/bash shebang on an extensionless file', () => {
    assert.equal(kindOf('/w/run.sh'), 'shell');
    assert.equal(kindOf('/w/bin/create_release', '#!/bin/bash'), 'shell');
    assert.equal(kindOf('/w/bin/x', '#!/usr/bin/env bash'), 'shell');
    assert.equal(kindOf('/w/bin/x', '#! /usr/bin/env -S bash -e'), 'shell');
    assert.equal(kindOf('/w/bin/x', '#!/bin/sh'), 'shell');
    assert.equal(kindOf('/w/bin/x', '#!/usr/bin/env python3'), undefined);
    assert.equal(kindOf('/w/bin/x', '#!/bin/zsh'), undefined);
    assert.equal(kindOf('/w/bin/x', '#!/bin/bashful'), undefined);
    assert.equal(kindOf('/w/bin/x'), undefined, 'an extensionless file without its first line is no kind');
    assert.equal(kindOf('/w/notes.txt', '#!/bin/bash'), undefined, 'only extensionless files are read for a shebang');
    assert.equal(kindOf('/w/a.py'), 'python');
    assert.equal(kindOf('/w/pyproject.toml'), 'pyproject');
  });

  it('the first line is taken from the first 256 characters only, and only for extensionless files', () => {
    const long = `#!/bin/bash ${'x'.repeat(1_000_000)}`;
    assert.equal(firstLineOf(long).length, FIRST_LINE_CHARS);
    assert.equal(firstLineOf('#!/bin/sh\r\necho'), '#!/bin/sh');
    assert.equal(fileKind('/w/bin/x', long), 'shell');
    assert.equal(fileKind('/w/a.py', long), 'python');
    assert.equal(fileKind('/w/a.txt', '#!/bin/bash\n'), undefined);
  });

  it("the client's document selector takes shellscript documents from files, and every kind's", () => {
    assert.deepEqual(documentSelector(), [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'file', pattern: '**/pyproject.toml' },
      { scheme: 'file', language: 'shellscript' },
    ]);
    assert.deepEqual(FILE_KINDS.map((k) => k.id), ['python', 'pyproject', 'shell']);
  });
});

describe('file kinds in the watchers', () => {
  it("every kind's globs are watched", () => {
    const globs = watchedGlobs([]);
    for (const glob of FILE_KINDS.flatMap((k) => k.watch)) assert.ok(globs.includes(glob), glob);
    assert.ok(globs.includes('**/*.sh'));
  });
});

describe('reading a shell script line by line', () => {
  it('tells blank, comment and code lines apart and finds a trailing comment outside quotes', () => {
    const script = readShellScript('#!/usr/bin/env bash\r\n\r\n  # note\r\necho "a # b" \'c # d\' $# ${#arr[@]} # real\r\nx=1;# also\r\n');
    assert.equal(script.eol, '\r\n');
    assert.deepEqual(
      script.lines.map((l) => [l.kind, l.commentAt]),
      [
        ['comment', 0],
        ['blank', undefined],
        ['comment', 2],
        ['code', 35],
        ['code', 4],
        ['blank', undefined],
      ],
    );
    assert.equal(script.lines[3].text.slice(35), '# real');
  });
});
