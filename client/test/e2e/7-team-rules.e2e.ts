// Team rules in a real VS Code: the rules of the team-rules folder's pyproject.toml show as
// diagnostics, fix like built-in ones, follow edits of the rule table, and "Pyguide: Test Rule
// Pattern" finds a pattern's matches in the open file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestPatternResult } from '../../../server/src/lsp/protocol';
import { cliFindings, codeOf, describeCliFinding, described, fileIn, lineWith, open, revertAndClose, sleep, waitFor, waitForDiagnostics } from './helpers';

const FOLDER = 'team-rules';
const sample = () => fileIn(FOLDER, 'samples/hello/main.py');
const config = () => fileIn(FOLDER, 'src/app/config.py');
const pyproject = () => fileIn(FOLDER, 'pyproject.toml');

/** The CLI's findings of one file of the folder, in the shape of `described`. */
function cliOf(rel: string): string[] {
  return cliFindings(FOLDER, [rel])
    .map(describeCliFinding)
    .map((f) => f.slice(rel.length + 1))
    .sort();
}

describe('team rules', () => {
  afterEach(revertAndClose);

  it('an open file shows its team-rule findings exactly as the CLI reports them', async () => {
    await open(config());
    const want = cliOf('src/app/config.py');
    assert.deepEqual(want.map((d) => d.split(' ')[1]).sort(), ['default-region', 'genkit-env-prefix', 'same-operands', 'todo-owner']);
    await waitForDiagnostics(config(), 'the team rules\' findings', (ds) => ds.length === want.length);
    assert.deepEqual(described(config()), want);
    const env = vscode.languages.getDiagnostics(config()).find((d) => codeOf(d) === 'genkit-env-prefix')!;
    assert.equal(env.message, "Environment variables read by Genkit code start with GENKIT_, not 'API_KEY'");
    assert.equal(env.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(typeof env.code === 'object' ? env.code.target.toString() : '', 'https://example.com/env');
  });

  it('the quick fix writes the rule\'s fix template with what the metavariables matched', async () => {
    const editor = await open(sample());
    const [d] = await waitForDiagnostics(sample(), 'the sample-entry-point finding', (ds) => ds.some((x) => codeOf(x) === 'sample-entry-point')).then((ds) => ds.filter((x) => codeOf(x) === 'sample-entry-point'));
    const line = lineWith(editor.document.getText(), 'asyncio.run(');
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [line, 4, line, 23]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sample(), d.range, vscode.CodeActionKind.QuickFix.value, 100);
    const fix = actions.find((a) => a.title === 'Replace with `ai.run_main(main())`');
    assert.ok(fix?.edit, `a fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(line).text, '    ai.run_main(main())');
    await waitForDiagnostics(sample(), 'the finding to go', (ds) => !ds.some((x) => codeOf(x) === 'sample-entry-point'));
  });

  it('editing a rule in pyproject.toml re-lints the open file without a restart', async () => {
    await open(config());
    await waitForDiagnostics(config(), 'same-operands', (ds) => ds.some((x) => codeOf(x) === 'same-operands'));
    const original = (await vscode.workspace.fs.readFile(pyproject())).toString();
    const edited = original.replace('message = "Comparing $A with itself"', 'message = "$A is compared with itself"');
    assert.notEqual(edited, original);
    try {
      await vscode.workspace.fs.writeFile(pyproject(), Buffer.from(edited));
      await waitForDiagnostics(config(), 'the new message', (ds) => ds.some((x) => codeOf(x) === 'same-operands' && x.message === 'x is compared with itself'));
    } finally {
      await vscode.workspace.fs.writeFile(pyproject(), Buffer.from(original));
    }
    await waitForDiagnostics(config(), 'the old message back', (ds) => ds.some((x) => codeOf(x) === 'same-operands' && x.message === 'Comparing x with itself'));
  });

  it('"Pyguide: Test Rule Pattern" returns every match with what its metavariables matched', async () => {
    await open(config());
    const result = await vscode.commands.executeCommand<TestPatternResult>('pyguide.testRulePattern', 'os.environ[$NAME]');
    assert.ok(result?.ok, JSON.stringify(result));
    assert.deepEqual(
      result.matches.map((m) => [m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character, m.bindings]),
      [
        [3, 6, 3, 27, { NAME: "'API_KEY'" }],
        [4, 8, 4, 34, { NAME: '"GENKIT_MODEL"' }],
      ],
    );
    const bad = await vscode.commands.executeCommand<TestPatternResult>('pyguide.testRulePattern', 'os.environ[');
    assert.equal(bad?.ok, false);
  });

  it('asked from the palette, it takes the selection (else the last pattern) and jumps to the match picked', async () => {
    const editor = await open(config());
    const line = lineWith(editor.document.getText(), 'same = x == x');
    // The selection seeds the input box; the person accepts it.
    editor.selection = new vscode.Selection(line, 7, line, 13);
    const seeded = await fromPalette();
    assert.ok(seeded?.ok, JSON.stringify(seeded));
    assert.deepEqual(seeded.matches.map((m) => m.text), ['x == x']);
    // Nothing selected: the box offers the last pattern again, and picking its match selects it.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const again = await fromPalette();
    assert.ok(again?.ok, JSON.stringify(again));
    assert.equal(again.matches.length, 1);
    const s = editor.selection;
    assert.deepEqual([s.start.line, s.start.character, s.end.line, s.end.character], [line, 7, line, 13]);
  });
});

/** Runs "Pyguide: Test Rule Pattern" as from the palette, accepting the input box and then the first match. */
async function fromPalette(): Promise<TestPatternResult | undefined> {
  let result: TestPatternResult | undefined;
  let done = false;
  void vscode.commands.executeCommand<TestPatternResult>('pyguide.testRulePattern').then((r) => {
    result = r;
    done = true;
  });
  // The input box, then the list of matches, open asynchronously: accept whatever is showing until
  // the command ends (accepting while nothing shows does nothing).
  await waitFor('the command to end', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(300);
    return done;
  });
  return result;
}
