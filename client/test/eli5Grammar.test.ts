// The ELI5 injection grammar's patterns on the headings and rows the team writes, and the
// configuration defaults that keep VS Code from flagging box-drawing characters in Python files.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/eli5-docstring.injection.tmLanguage.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The patterns use no Oniguruma-only syntax, so JavaScript runs them as VS Code does.
const pattern = (name: string) => new RegExp(grammar.repository[name].match, 'u');

describe('ELI5 grammar', () => {
  it('highlights the headings as the team writes them (feb10/fb04 corpora), on a line of their own', () => {
    const heading = pattern('heading');
    for (const h of ['Key Concepts (ELI5)::', 'Key Concepts:', 'Key Concepts::', 'Data Flow::', 'Data Flow (RAG Pipeline)::', 'Data Flow (Realtime vs Normal)::', 'Data Flow — TTS::', 'Architecture::', 'Architecture:', 'Architecture Overview::']) {
      const m = heading.exec(`    ${h}  `);
      assert.ok(m, h);
      assert.equal(m[1], h);
    }
    for (const prose of ['Key Concepts (ELI5):: and more', 'The Data Flow: explained', 'Key Concepts', 'Data Flow: a: b']) assert.equal(heading.exec(prose), null, prose);
  });

  it('colours concept names, not the header row', () => {
    const row = pattern('concept-row');
    assert.equal(row.exec('    │ Concept             │ ELI5 Explanation     │'), null);
    assert.equal(row.exec('    │ Span                │ A "timer" that …     │')?.[2], ' Span                ');
    assert.equal(row.exec('    │ Concepts            │ plural is a concept  │')?.[2], ' Concepts            ');
  });
});

describe('configuration defaults', () => {
  it('allow every box-drawing character and arrow of the snippets in Python files, and only there', () => {
    const defaults = manifest.contributes.configurationDefaults;
    assert.deepEqual(Object.keys(defaults), ['[python]']);
    const allowed = defaults['[python]']['editor.unicodeHighlight.allowedCharacters'];
    const snippets = readFileSync(join(root, 'snippets/python.code-snippets'), 'utf8');
    for (const ch of new Set(snippets.match(/[\u2500-\u257f\u25a0-\u25ff]/gu))) assert.equal(allowed[ch], true, ch);
  });
});
