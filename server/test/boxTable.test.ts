// The box-table formatter and misaligned-box-table beyond the fixtures: messages, which findings
// carry a fix, options, display widths, word wrapping, and (when the trees are on this machine)
// Genkit's real docstrings.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutTable, parseBoxTable } from '../src/docstrings/boxTable';
import { displayWidth } from '../src/docstrings/displayWidth';
import { joinLines, wrapWords } from '../src/docstrings/wrap';
import { fixAllText } from '../src/engine/fixAll';
import type { Finding, PythonRule } from '../src/engine/types';
import { misalignedBoxTable } from '../src/rules/docstrings/misaligned-box-table';
import { scanFiles } from '../src/workspace/scan';
import { sessionWith, syntaxErrors } from './fixtureHarness';

const OPTIONS = { ambiguousWidth: 1 as const, maxLineLength: 120 };

describe('display width', () => {
  it('counts columns as the editor draws them', () => {
    assert.equal(displayWidth('Span'), 4);
    assert.equal(displayWidth('漢字'), 4);
    assert.equal(displayWidth('✅'), 2);
    assert.equal(displayWidth('Cafe\u0301'), 4);
    assert.equal(displayWidth('a\u200bb'), 2);
    assert.equal(displayWidth('→ ▶'), 3);
    assert.equal(displayWidth('→ ▶', { ambiguousWidth: 2 }), 5);
  });
});

describe('word wrap', () => {
  it('never splits a word, however long', () => {
    assert.deepEqual(wrapWords('see https://genkit.dev/docs/plugins/anthropic/ now', 10), ['see', 'https://genkit.dev/docs/plugins/anthropic/', 'now']);
    assert.deepEqual(wrapWords('', 10), ['']);
  });

  it('wraps by display width', () => {
    assert.deepEqual(wrapWords('漢字 漢字 ab', 9), ['漢字 漢字', 'ab']);
  });

  it('joins a word broken at its hyphen only before a lower-case letter', () => {
    assert.equal(joinLines(['Picks a model per-', 'task.']), 'Picks a model per-task.');
    assert.equal(joinLines(['Input -', 'Output']), 'Input - Output');
    assert.equal(joinLines(['  a  ', '', 'b']), 'a b');
  });
});

describe('box table parsing', () => {
  const parse = (lines: string[]) => parseBoxTable(lines, OPTIONS);

  it('takes the top border as the grid', () => {
    const t = parse(['  ┌───┬────┐', '  │ a │ b │', '  └───┴────┘'])!;
    assert.deepEqual([t.indent, t.columns, t.widths], ['  ', 2, [3, 4]]);
  });

  it('takes the first separator as the grid when the top border lost its junction', () => {
    const t = parse(['┌─────────┐', '│ a │ b   │', '├───┼─────┤', '│ c │ d   │', '└───┴─────┘'])!;
    assert.deepEqual(t.widths, [3, 5]);
  });

  it('is not a table: one column, nested boxes, cells after the edge, mixed cell counts', () => {
    assert.equal(parse(['┌─────┐', '│ a   │', '└─────┘']), undefined);
    assert.equal(parse(['┌───┬───┐', '│ ┌─┐ │ b │', '└───┴───┘']), undefined);
    assert.equal(parse(['┌───┬───┐', '│ a │ b │ ──▶ c', '└───┴───┘']), undefined);
    assert.equal(parse(['┌───┬───┐', '│ a │ b │', '│ a │ b │ c │', '└───┴───┘']), undefined);
    assert.equal(parse(['┌───┬───┐', '│ a │ b │', '├───┼───┼───┤', '└───┴───┘']), undefined);
  });

  it('renders a fixed point: aligning an aligned table changes nothing', () => {
    const lines = ['┌──────┬──────┐', '│ a    │ b    │', '├──────┼──────┤', '│ c    │ d    │', '│      │ e    │', '└──────┴──────┘'];
    const layout = layoutTable(parse(lines)!, OPTIONS);
    assert.deepEqual(layout, { ok: true, lines, widths: [6, 6] });
  });
});

describe('misaligned-box-table details', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pyguide-boxtable-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function lint(text: string): Promise<Finding[]> {
    return (await sessionWith([misalignedBoxTable])).lintText(join(dir, 'sample.py'), text);
  }

  const table = (rowEnd: string) => `"""Doc.\n\n    ┌──────┬──────┐\n    │ a    │ b    │\n    │ c    │ d   ${rowEnd}\n    └──────┴──────┘\n"""\n`;

  it('names the first line off the grid, in 1-based editor columns, and offers the safe "Re-align table"', async () => {
    const [f] = await lint(table('│'));
    assert.equal(f.message, 'Box table is not aligned (line 5 ends at column 18, the border at 19).');
    assert.deepEqual(f.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 19 } });
    assert.equal(f.fix?.title, 'Re-align table');
    assert.equal(f.fix?.safe, true);
    // One edit on the one line that changes: the cursor and undo history elsewhere survive.
    assert.deepEqual(f.fix?.changes, [{ type: 'edit', file: join(dir, 'sample.py'), edits: [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 17 } }, newText: ' ' }] }]);
  });

  it('reports a missing bottom border, a tab and an escape without a fix', async () => {
    const findings = await lint('"""Doc.\n\n┌───┬───┐\n│ a │ b │\n"""\n\n\ndef f():\n    """Doc.\n\n    ┌───┬───┐\n    │ a\t│ b │\n    └───┴───┘\n    """\n');
    assert.deepEqual(
      findings.map((f) => [f.message, f.fix]),
      [
        ['Box table has no bottom border; pyguide does not guess where it ends, so it does not re-align it.', undefined],
        ['Box table has a tab on line 12, which has no fixed width; use spaces so that it can be aligned.', undefined],
      ],
    );
  });

  it('reads line-length from Ruff\'s configuration and its own option, and ambiguous-width', async () => {
    const wide = `"""Doc.\n\n┌───┬───┐\n│ a │ ${'x'.repeat(20)}│\n└───┴───┘\n"""\n`;
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.uv.workspace]\nmembers = []\n[tool.ruff]\nline-length = 20\n');
    assert.match((await lint(wide))[0].message, /28 columns wide, over the line length of 20, so pyguide does not re-align it/);
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.uv.workspace]\nmembers = []\n[tool.ruff]\nline-length = 20\n[tool.pyguide.rules.misaligned-box-table]\nline-length = 40\n');
    assert.equal((await lint(wide))[0].fix?.title, 'Re-align table');
    const arrows = '"""Doc.\n\n┌─────┬───┐\n│ → → │ b │\n└─────┴───┘\n"""\n';
    assert.deepEqual(await lint(arrows), []);
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.uv.workspace]\nmembers = []\n[tool.pyguide.rules.misaligned-box-table]\nambiguous-width = 2\n');
    assert.equal((await lint(arrows)).length, 1);
  });

  it('only reads docstrings: not other strings, comments, f-strings or bytes', async () => {
    const box = '┌───┬───┐\n│ a │ b  │\n└───┴───┘\n';
    assert.deepEqual(await lint(`x = 1\n"""${box}"""\n# ${box.split('\n').join('\n# ')}\nb"""\n${box}"""\n`), []);
    assert.equal((await lint(`"""Doc.\n\n${box}"""\n`)).length, 1);
    assert.equal((await lint(`class A:\n    """Doc.\n\n${box}"""\n`)).length, 1);
    assert.deepEqual(await lint(`def f():\n    f"""{1}\n\n${box}"""\n`), []);
  });

  it('looks up the nodes of only the strings that hold a box character', async () => {
    // The rule, with its matches' nodes counted as they are read.
    const read: number[] = [];
    const counted: PythonRule = {
      ...misalignedBoxTable,
      check(ctx) {
        const matches = ctx.matches.map((m) => ({
          type: m.type,
          start: m.start,
          end: m.end,
          startRow: m.startRow,
          startCol: m.startCol,
          get node() {
            read.push(m.startRow);
            return m.node;
          },
          get captures() {
            read.push(m.startRow);
            return m.captures;
          },
        }));
        return misalignedBoxTable.check({ ...ctx, matches });
      },
    };
    const plain = Array.from({ length: 20 }, (_, i) => `def f${i}():\n    """Doc ${i}."""\n`).join('\n');
    const text = `${plain}\n${table('│').replace('"""Doc.', 'def g():\n    """Doc.')}`;
    const findings = (await sessionWith([counted])).lintText(join(dir, 'sample.py'), text);
    assert.deepEqual(findings, await lint(text));
    assert.deepEqual(
      findings.map((f) => [f.rule, f.range.start.line]),
      [['misaligned-box-table', 63]],
    );
    // The table's docstring (line 61) only; none of the twenty plain ones.
    assert.deepEqual([...new Set(read)], [61]);
  });
});

// Genkit's trees, when they are on this machine (/work/scratch, see its README): every table
// re-aligned, no drawing touched, every file still parses, and a second run changes nothing.
const TREES: [string, number][] = [
  ['/work/scratch/genkit-eb16643e8/py', 87],
  ['/work/scratch/genkit-77656d5e/py', 18],
];

describe('misaligned-box-table on Genkit\'s trees', function () {
  this.timeout(300_000);
  for (const [tree, count] of TREES) {
    it(`${tree}: ${count} tables re-aligned, a fixed point, every file parses`, async function () {
      if (!existsSync(tree)) {
        console.log(`      (skipped: ${tree} is not on this machine)`);
        this.skip();
      }
      const copy = mkdtempSync(join(tmpdir(), 'pyguide-tree-'));
      try {
        cpSync(tree, copy, { recursive: true });
        const session = await sessionWith([misalignedBoxTable]);
        const files = (await scanFiles(copy)).filter((f) => f.endsWith('.py'));
        let findings = 0;
        let changedRuns = 0;
        for (const file of files) {
          const text = readFileSync(file, 'utf8');
          const before = session.lintText(file, text);
          findings += before.length;
          if (before.length === 0) continue;
          const once = fixAllText(file, text, (t) => session.lintText(file, t));
          assert.deepEqual(session.lintText(file, once.text), [], `${file} still has misaligned tables`);
          assert.equal(fixAllText(file, once.text, (t) => session.lintText(file, t)).applied, 0);
          assert.equal(await syntaxErrors(file, once.text), await syntaxErrors(file, text), `${file} no longer parses the same`);
          // Only tables change: the text outside box lines is the same, and every run of box lines
          // that changed is drawn like a table (borders, separators, rows between two `│`).
          const runs = (t: string) => t.split('\n').reduce<string[][]>((acc, l, i, all) => {
            if (/^\s*[┌│├└]/.test(l)) (i > 0 && /^\s*[┌│├└]/.test(all[i - 1]) ? acc[acc.length - 1] : acc[acc.push([]) - 1]).push(l);
            return acc;
          }, []);
          const prose = (t: string) => t.split('\n').filter((l) => !/^\s*[┌│├└]/.test(l)).join('\n');
          assert.equal(prose(once.text), prose(text));
          const [a, b] = [runs(text), runs(once.text)];
          assert.equal(a.length, b.length);
          a.forEach((run, i) => {
            if (run.join('\n') === b[i].join('\n')) return;
            changedRuns++;
            for (const l of run) assert.match(l, /^\s*(┌[─┬]+┐|├[─┼]+┤|└[─┴]+┘|│.*│)\s*$/, `${file}: a drawing changed at "${l}"`);
          });
        }
        assert.equal(findings, count);
        assert.equal(changedRuns, count);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});
