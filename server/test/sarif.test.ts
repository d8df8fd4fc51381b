// SARIF for GitHub code scanning, checked by Microsoft's SARIF Multitool with GitHub's rules, and
// what code scanning relies on: rule help, fixes and fingerprints that survive unrelated edits.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../src/engine/registry';
import { FINGERPRINT_KEY } from '../src/cli/output/sarif';
import { run, tree } from './cliHarness';
import { FIXTURES } from './fixtureHarness';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = join(FIXTURES, 'workspaces', 'genkit-py');

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
}

function sarifOf(cwd: string, ...args: string[]) {
  const r = run(cwd, 'check', '--format', 'sarif', '--exit-zero', ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The Multitool's native binary (the npm package picks the one for this platform), if it runs here. */
function multitool(): string | undefined {
  try {
    const bin = require(join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool')) as string;
    return existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0 ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `validate` with the SARIF and GitHub rule sets; returns its results as `ruleId: message`. */
function validate(bin: string, log: unknown, levels: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pyguide-sarif-'));
  try {
    writeFileSync(join(dir, 'in.sarif'), JSON.stringify(log));
    const r = spawnSync(bin, ['validate', join(dir, 'in.sarif'), '-o', join(dir, 'out.sarif'), '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', levels], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    return out.runs[0].results.map((x: { ruleId: string; message: { id: string; arguments?: string[] } }) => `${x.ruleId}: ${x.message.id} ${(x.message.arguments ?? []).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PYPROJECT = '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\nselect = ["bare-noqa", "in-function-import"]\n';

describe('SARIF output', () => {
  describe("with Microsoft's SARIF Multitool (GitHub code scanning's rules)", function () {
    this.timeout(120_000);
    const bin = multitool();
    before(function () {
      if (!bin) {
        console.log('      (skipped: @microsoft/sarif-multitool does not run on this platform; run npm ci)');
        this.skip();
      }
    });

    it('validates the sample workspace with no errors or warnings', () => {
      const log = sarifOf(ROOT, SAMPLE);
      assert.ok(log.runs[0].results.length > 20);
      assert.deepEqual(validate(bin!, log, 'Error;Warning'), []);
    });

    it('would report a rule without help or full description (the check is live)', () => {
      const log = sarifOf(ROOT, SAMPLE);
      delete log.runs[0].tool.driver.rules[0].fullDescription;
      delete log.runs[0].tool.driver.rules[0].help;
      assert.ok(validate(bin!, log, 'Error;Warning').some((r) => r.startsWith('GH2012: Error_MissingFullDescription')));
    });
  });

  it('describes every rule from its docs page: short and full description, help text and markdown, help URI', () => {
    const rules = sarifOf(ROOT, SAMPLE).runs[0].tool.driver.rules as { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[];
    assert.deepEqual(rules.map((r) => r.id), [...RULES.map((r) => r.id), 'unreadable-file', 'partially-checked-file']);
    for (const rule of rules) {
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.equal(rule.shortDescription.text, RULES.find((r) => r.id === rule.id)?.summary ?? rule.shortDescription.text);
      assert.ok(rule.fullDescription.text.length > 40 && !rule.fullDescription.text.includes('`'), `${rule.id}: ${rule.fullDescription.text}`);
      assert.equal(rule.help.markdown, page.replace(/^# .*\n+/, '').trim());
      assert.equal(rule.help.text, rule.help.markdown);
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
    }
    const bareNoqa = rules.find((r) => r.id === 'bare-noqa')!;
    assert.equal(bareNoqa.name, 'BareNoqa');
    assert.match(bareNoqa.fullDescription.text, /^A # noqa comment with no rule codes after it/);
  });

  describe('results', () => {
    const HEADER = '# Copyright 2025 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n\n';
    let root: string;
    beforeEach(() => {
      root = tree({
        'pyproject.toml': PYPROJECT,
        'src/a.py': `${HEADER}def f():\n    import os\n    return os\n\n\nx = 1  # noqa\ny = 2  # noqa\nx = 1  # noqa\n`,
      });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('carry safe text fixes as SARIF fixes, with 1-based regions; unsafe and no fixes carry none', () => {
      writeFileSync(join(root, 'pyproject.toml'), PYPROJECT.replace('select = ["bare-noqa", "in-function-import"]', 'select = ["bare-noqa", "in-function-import", "missing-license-header"]\nlicense = { holder = "Example Inc", spdx = "MIT" }'));
      writeFileSync(join(root, 'src/b.py'), 'y = 1\n');
      const results = sarifOf(root).runs[0].results as SarifResult[];
      const header = results.find((r) => r.ruleId === 'missing-license-header' && r.locations[0].physicalLocation.artifactLocation.uri === 'src/b.py')!;
      assert.deepEqual(header.fixes, [
        {
          description: { text: 'Add license header' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'src/b.py' },
              replacements: [{ deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: `# Copyright ${new Date().getFullYear()} Example Inc\n# SPDX-License-Identifier: MIT\n\n` } }],
            },
          ],
        },
      ]);
      // The import move is unsafe (it may change when the import runs): no SARIF fix offers it.
      assert.ok(results.filter((r) => r !== header).every((r) => r.fixes === undefined));
      assert.ok(results.some((r) => r.ruleId === 'in-function-import'));
    });

    it('keep their fingerprints when lines are added above them; equal lines are numbered', () => {
      const prints = () => (sarifOf(root).runs[0].results as SarifResult[]).map((r) => `${r.ruleId} ${r.locations[0].physicalLocation.region.startLine} ${r.partialFingerprints[FINGERPRINT_KEY]}`);
      const before = prints();
      assert.equal(before.length, 4);
      const [, x1, y, x2] = before.map((p) => p.split(' ')[2]);
      assert.match(x1, /^[0-9a-f]{32}:1$/);
      assert.equal(x2, `${x1.slice(0, -2)}:2`);
      assert.notEqual(y.slice(0, 32), x1.slice(0, 32));
      const text = readFileSync(join(root, 'src/a.py'), 'utf8');
      writeFileSync(join(root, 'src/a.py'), text.replace(HEADER, `${HEADER}import sys\n\nprint(sys.argv)\n`));
      const after = prints();
      assert.deepEqual(after.map((p) => p.split(' ')[2]), before.map((p) => p.split(' ')[2]));
      assert.deepEqual(after.map((p) => Number(p.split(' ')[1])), before.map((p) => Number(p.split(' ')[1]) + 3));
    });
  });
});
