// The docstring snippets against the guidelines' own examples, character for character.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE_TABLE } from './guideExamples';

const root = join(__dirname, '..', '..', '..');
const snippets: Record<string, { prefix: string[]; body: string[]; description: string }> = JSON.parse(readFileSync(join(root, 'snippets/python.code-snippets'), 'utf8'));

/** The text VS Code inserts when every placeholder keeps its default. */
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

// Docstrings › Data Flow Diagram (relative to the "Data Flow::" line).
const DATA_FLOW = `Data Flow::

    User Request
         │
         ▼
    ┌─────────┐     ┌─────────┐     ┌─────────┐
    │ Flow A  │ ──▶ │ Model   │ ──▶ │ Tool    │
    │ (span)  │     │ (span)  │     │ (span)  │
    └─────────┘     └─────────┘     └─────────┘
         │               │               │
         └───────────────┼───────────────┘
                         ▼
                  ┌─────────────┐
                  │  Exporter   │  ──▶  AWS X-Ray / GCP Trace
                  └─────────────┘
`;

// Docstrings › Concepts Table, its first two concepts, one level below the heading.
const CONCEPTS = ['Key Concepts (ELI5)::', '', ...[...GUIDE_TABLE.slice(0, 8), GUIDE_TABLE.at(-1)].map((l) => `    ${l}`), ''].join('\n');

describe('docstring snippets', () => {
  it('the concepts table is the guidelines\' table', () => {
    assert.equal(expand(snippets['ELI5 Key Concepts table'].body), CONCEPTS);
  });

  it('the data flow diagram is the guidelines\' diagram', () => {
    assert.equal(expand(snippets['Data Flow diagram'].body), DATA_FLOW);
  });

  it('the plugin architecture diagram is one closed box, 75 wide, with the guidelines\' sections', () => {
    const lines = expand(snippets['Plugin architecture diagram'].body).split('\n').filter(Boolean);
    assert.ok(lines.every((l) => [...l].length === 75), 'every line of the box is 75 characters');
    assert.match(lines[0], /^┌─+┐$/);
    assert.match(lines.at(-1)!, /^└─+┘$/);
    assert.ok(lines.slice(1, -1).every((l) => /^[│├].*[│┤]$/.test(l)));
    const sections = lines.filter((l) => /^│  [^\s├└]/.test(l)).map((l) => l.slice(1, -1).trim());
    assert.deepEqual(sections, [
      'Plugin Entry Point (__init__.py)',
      'typing.py - Type-Safe Configuration Classes',
      'plugin.py - Plugin Implementation',
      'models/model.py - Model Implementation',
      'models/model_info.py - Model Registry (if applicable)',
    ]);
    assert.equal(lines[1].trim().replace(/│/g, '').trim(), 'Plugin Name');
  });

  it('uses only the box-drawing characters the guidelines list, plus arrows', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const drawing = new Set(expand(s.body).match(/[\u2500-\u257f\u2190-\u21ff\u25a0-\u25ff]/g));
      for (const ch of drawing) assert.ok('┌┐└┘─│├┤┬┴┼▶▼'.includes(ch), `${name}: unexpected ${ch}`);
    }
  });
});
