// unexplained-suppression beyond its fixture: which findings weigh more (silenced security codes),
// the `codes` option, and "Add reason" as the editor gets it: a snippet edit that leaves the cursor
// after the separator where the client takes snippets, the plain separator where it does not.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleById } from '../src/engine/registry';
import { TextIndex } from '../src/engine/textIndex';
import { quickFixActions, type ActionDocument } from '../src/lsp/codeActions';
import { snippetText } from '../src/lsp/convert';
import { copyStats } from '../src/base/strings';
import { OpenDocuments } from '../src/engine/documents';
import { readingStats, unexplainedSuppression } from '../src/rules/python/unexplained-suppression';
import { formatFinding, sessionWith } from './fixtureHarness';
import { LspHarness } from './lspHarness';

const TEXT = ['PASS_ = "PASS"  # noqa: S105', 'x = f()  # noqa: ANN401', 'y = g()  # type: ignore[arg-type]', 'z = h()  # pyrefly: ignore[bad-override]', ''].join('\n');

describe('unexplained-suppression', () => {
  it('reports a silenced security code (S…) as a warning, every other one as information', async () => {
    const session = await sessionWith([unexplainedSuppression]);
    const findings = session.lintText('/ws/a.py', TEXT);
    assert.deepEqual(
      findings.map((f) => `${formatFinding(f)} ${f.severity}`),
      ['1:17-1:29 unexplained-suppression warning', '2:10-2:24 unexplained-suppression info', '3:10-3:34 unexplained-suppression info', '4:10-4:41 unexplained-suppression info'],
    );
    assert.equal(findings[0].message, '`# noqa: S105` without a reason: say why, e.g. `# noqa: S105 - <why this is safe here>`.');
    assert.equal(findings[2].message, '`# type: ignore[arg-type]` without a reason: say why, e.g. `# type: ignore[arg-type]  # <why this is safe here>`.');
  });

  it('with `codes`, asks reasons only of those codes (`S*` is a prefix)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyguide-unexplained-'));
    try {
      writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.pyguide]\npreset = "generic"\n\n[tool.pyguide.rules.unexplained-suppression]\ncodes = ["S*", "bad-override"]\n');
      const file = join(root, 'a.py');
      writeFileSync(file, TEXT);
      const session = await sessionWith([unexplainedSuppression]);
      await session.prepare(session.workspaces.forFile(file));
      assert.deepEqual(session.lintFile(file).map((f) => formatFinding(f)), ['1:17-1:29 unexplained-suppression', '4:10-4:41 unexplained-suppression']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a keystroke reads no comment text it has read before; a reason above still counts', async () => {
    const session = await sessionWith([unexplainedSuppression]);
    const store = new OpenDocuments(session);
    const uri = 'file:///ws/keys.py';
    // Texts no other test uses, so that what is counted is this document's reading.
    const text = ['# keys: the reason it is safe', 'a = f()  # noqa: KEY101', 'b = g()  # noqa: KEY102', 'c = 1', ''].join('\n');
    store.open(uri, '/ws/keys.py', 'python', 1, text);
    const before = readingStats.reads;
    assert.deepEqual(store.lint(uri)!.findings.map((f) => formatFinding(f)), ['3:10-3:24 unexplained-suppression']);
    assert.equal(readingStats.reads - before, 3);
    // A letter typed on the last line: the same comments, none read again, the same finding.
    store.edit(uri, 2, [{ range: { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }, text: 'x' }]);
    assert.deepEqual(store.lint(uri)!.findings.map((f) => formatFinding(f)), ['3:10-3:24 unexplained-suppression']);
    assert.equal(readingStats.reads - before, 3);
    // The reason line gone: line 2's directive loses its reason; only the changed text is read.
    store.edit(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.deepEqual(store.lint(uri)!.findings.map((f) => formatFinding(f)), ['1:10-1:24 unexplained-suppression', '2:10-2:24 unexplained-suppression']);
    assert.equal(readingStats.reads - before, 3);
  });

  it('a keystroke copies no message it copied before (findings are kept as copies of their strings)', async () => {
    const session = await sessionWith([unexplainedSuppression]);
    const store = new OpenDocuments(session);
    const uri = 'file:///ws/copies.py';
    const text = ['a = f()  # noqa: KEY201', 'b = g()  # noqa: KEY201', 'c = h()  # noqa: KEY202', 'd = 1', ''].join('\n');
    store.open(uri, '/ws/copies.py', 'python', 1, text);
    const before = copyStats.made;
    assert.deepEqual(store.lint(uri)!.findings.map((f) => formatFinding(f)), ['1:10-1:24 unexplained-suppression', '2:10-2:24 unexplained-suppression', '3:10-3:24 unexplained-suppression']);
    const first = copyStats.made - before;
    // Two messages (the two lines naming KEY201 read the same), and the comments' texts.
    assert.ok(first > 0);
    store.edit(uri, 2, [{ range: { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }, text: 'x' }]);
    const again = store.lint(uri)!.findings;
    assert.equal(again.length, 3);
    assert.equal(again[0].message, '`# noqa: KEY201` without a reason: say why, e.g. `# noqa: KEY201 - <why this is safe here>`.');
    assert.equal(copyStats.made - before, first);
  });

  describe('Add reason', () => {
    const target = (snippets: boolean) => ({ versionOf: () => 3, supportsResourceOperations: true, supportsSnippetEdits: snippets, gate: { allowsFix: () => true, allowsOwnEdits: () => true } });
    const diagnostic = (line: number, start: number, end: number): Diagnostic => ({
      range: { start: { line, character: start }, end: { line, character: end } },
      code: 'unexplained-suppression',
      source: 'pyguide',
      message: 'no reason',
      data: { version: 3 },
    });
    const addReason = (d: Diagnostic, snippets: boolean): CodeAction => {
      const doc: ActionDocument = { uri: 'file:///ws/a.py', path: '/ws/a.py', version: 3, index: new TextIndex(TEXT) };
      const actions = quickFixActions(doc, [d], { target: target(snippets), rule: ruleById, fixAction: () => undefined }).filter((a) => a.title === 'Add reason');
      assert.equal(actions.length, 1);
      assert.equal(actions[0].isPreferred, true);
      return actions[0];
    };
    const editsOf = (a: CodeAction) => (a.edit!.documentChanges![0] as TextDocumentEdit).edits;

    it('is a snippet edit putting the cursor after ` - ` when the client takes snippets', () => {
      assert.deepEqual(editsOf(addReason(diagnostic(1, 9, 23), true)), [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 23 } }, snippet: { kind: 'snippet', value: ' - $0' } }]);
    });

    it('inserts ` - ` as plain text for a client without snippet edits, and the reason typed there settles the finding', async () => {
      const edits = editsOf(addReason(diagnostic(1, 9, 23), false)) as TextEdit[];
      assert.deepEqual(edits, [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 23 } }, newText: ' - ' }]);
      const after = TextDocument.applyEdits(TextDocument.create('file:///ws/a.py', 'python', 3, TEXT), edits);
      assert.equal(after.split('\n')[1], 'x = f()  # noqa: ANN401 - ');
      const session = await sessionWith([unexplainedSuppression]);
      const typed = after.replace('# noqa: ANN401 - ', '# noqa: ANN401 - kwargs pass through to the SDK');
      assert.deepEqual(session.lintText('/ws/a.py', typed).map((f) => f.range.start.line), [0, 2, 3]);
    });

    it('"Ignore … for this line" leaves the cursor where the new directive\'s reason goes, where the client takes snippets', () => {
      const ignore = (snippets: boolean) => {
        const doc: ActionDocument = { uri: 'file:///ws/a.py', path: '/ws/a.py', version: 3, index: new TextIndex(TEXT) };
        const [action] = quickFixActions(doc, [diagnostic(1, 9, 23)], { target: target(snippets), rule: ruleById, fixAction: () => undefined }).filter((a) => a.title === 'Ignore unexplained-suppression for this line');
        return editsOf(action);
      };
      const end = { line: 1, character: 23 };
      assert.deepEqual(ignore(true), [{ range: { start: end, end }, snippet: { kind: 'snippet', value: '  # pyguide: ignore[unexplained-suppression] - $0' } }]);
      assert.deepEqual(ignore(false), [{ range: { start: end, end }, newText: '  # pyguide: ignore[unexplained-suppression]' }]);
    });

    it('writes the reason of a `# type: ignore[...]` as a comment of its own, since mypy rejects other text after the codes', () => {
      assert.deepEqual(editsOf(addReason(diagnostic(2, 9, 33), false)), [{ range: { start: { line: 2, character: 33 }, end: { line: 2, character: 33 } }, newText: '  # ' }]);
    });
  });

  it('snippet text without tab stops: placeholders keep their text, escapes are undone', () => {
    assert.equal(snippetText(' - $0'), ' - ');
    assert.equal(snippetText('a ${1:why} b ${2} c $3'), 'a why b  c ');
    assert.equal(snippetText('\\$0 costs \\} and \\\\'), '$0 costs } and \\');
  });

  describe('over a real language-server connection', function () {
    let root: string;
    let lsp: LspHarness | undefined;

    afterEach(async () => {
      await lsp?.shutdown();
      rmSync(root, { recursive: true, force: true });
    });

    for (const snippets of [true, false]) {
      it(`offers Add reason on the diagnostic (client ${snippets ? 'with' : 'without'} snippet edits)`, async () => {
        root = mkdtempSync(join(tmpdir(), 'pyguide-lsp-unexplained-'));
        writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.pyguide]\npreset = "generic"\nselect = ["unexplained-suppression"]\n');
        lsp = await LspHarness.start({ root, snippetEdits: snippets });
        const uri = await lsp.open(join(root, 'a.py'), TEXT);
        const ds = await lsp.waitForDiagnostics(uri, (d) => d.length === 4);
        assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.severity]), [['unexplained-suppression', 0, 2], ['unexplained-suppression', 1, 3], ['unexplained-suppression', 2, 3], ['unexplained-suppression', 3, 3]]);
        const actions = await lsp.codeActions(uri, ds[3].range, [ds[3]]);
        const add = actions.find((a) => a.title === 'Add reason');
        assert.ok(add, `no Add reason among ${actions.map((a) => a.title).join(', ')}`);
        const change = add.edit!.documentChanges![0] as { textDocument: { version: number }; edits: (TextEdit | SnippetTextEdit)[] };
        const at = { line: 3, character: 40 };
        assert.deepEqual(change.edits, [snippets ? { range: { start: at, end: at }, snippet: { kind: 'snippet', value: ' - $0' } } : { range: { start: at, end: at }, newText: ' - ' }]);
      });
    }
  });
});
