// "Use specific code [<code>]" for bare type-checker suppressions: bare-type-ignore's own action,
// through the code-action function that hands rules their findings and the other tools' diagnostics.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver';
import { ruleById } from '../src/engine/registry';
import { TextIndex } from '../src/engine/textIndex';
import { quickFixActions as actionsFor, type ActionDocument } from '../src/lsp/codeActions';

const TEXT = ['import os', 'x: int = os.environ["A"]  # type: ignore', 'y = f()  # pyright: ignore', 'z = g()  # pyrefly: ignore', ''].join('\n');

function doc(version = 3): TextDocument {
  return TextDocument.create('file:///ws/a.py', 'python', version, TEXT);
}

/** The pyguide diagnostic for the directive on `line`, as the server publishes it. */
function bare(line: number, version = 3): Diagnostic {
  const text = TEXT.split('\n')[line];
  const start = text.indexOf('#');
  return {
    range: { start: { line, character: start }, end: { line, character: text.length } },
    code: 'bare-type-ignore',
    source: 'pyguide',
    message: 'bare',
    data: { version },
  };
}

function other(line: number, source: string, code: string | number | undefined, character = 0): Diagnostic {
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, source, code, message: `${source} says no` };
}

// The write gate has its own tests (writeGate.test.ts); here every write is allowed.
const target = { versionOf: () => 3, supportsResourceOperations: true, gate: { allowsFix: () => true, allowsOwnEdits: () => true } };
const quickFixActions = (d: TextDocument, diagnostics: Diagnostic[]) => {
  const doc: ActionDocument = { uri: d.uri, path: '/ws/a.py', version: d.version, index: new TextIndex(d.getText()) };
  return actionsFor(doc, diagnostics, { target, rule: ruleById, fixAction: () => undefined });
};
const specific = (actions: CodeAction[]) => actions.filter((a) => a.title.startsWith('Use specific code'));

/** The document text after applying an action's single text edit. */
function apply(d: TextDocument, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: d.uri, version: d.version });
  return TextDocument.applyEdits(d, change.edits as { range: Diagnostic['range']; newText: string }[]);
}

describe('code actions: Use specific code for bare type-checker suppressions', () => {
  it('offers the code of a mypy diagnostic on the same line and inserts it right after the directive', () => {
    const d = doc();
    const actions = specific(quickFixActions(d, [bare(1), other(1, 'mypy', 'assignment', 9)]));
    assert.deepEqual(actions.map((a) => a.title), ['Use specific code [assignment]']);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [bare(1)]);
    assert.equal(apply(d, actions[0]).split('\n')[1], 'x: int = os.environ["A"]  # type: ignore[assignment]');
  });

  it('offers each code once, then all of them together', () => {
    const d = doc();
    const diagnostics = [bare(1), other(1, 'Pylance', 'reportArgumentType'), other(1, 'mypy', 'arg-type', 4), other(1, 'mypy', 'arg-type', 12)];
    const actions = specific(quickFixActions(d, diagnostics));
    assert.deepEqual(actions.map((a) => a.title), [
      'Use specific code [reportArgumentType]',
      'Use specific code [arg-type]',
      'Use specific codes [reportArgumentType, arg-type]',
    ]);
    assert.ok(actions.every((a) => !a.isPreferred));
    assert.equal(apply(d, actions[2]).split('\n')[1], 'x: int = os.environ["A"]  # type: ignore[reportArgumentType, arg-type]');
  });

  it('takes numeric codes as text', () => {
    const actions = specific(quickFixActions(doc(), [bare(1), other(1, 'mypy', 42)]));
    assert.deepEqual(actions.map((a) => a.title), ['Use specific code [42]']);
  });

  it('offers only pyright or Pylance codes for `# pyright: ignore`, and only pyrefly codes for `# pyrefly: ignore`', () => {
    const d = doc();
    const pyright = specific(quickFixActions(d, [bare(2), other(2, 'mypy', 'misc'), other(2, 'Pylance', 'reportCallIssue'), other(2, 'basedpyright', 'reportAny')]));
    assert.deepEqual(pyright.map((a) => a.title), ['Use specific code [reportCallIssue]', 'Use specific code [reportAny]', 'Use specific codes [reportCallIssue, reportAny]']);
    assert.equal(apply(d, pyright[0]).split('\n')[2], 'y = f()  # pyright: ignore[reportCallIssue]');
    const pyrefly = specific(quickFixActions(d, [bare(3), other(3, 'Pylance', 'reportCallIssue'), other(3, 'Pyrefly', 'bad-argument-type')]));
    assert.deepEqual(pyrefly.map((a) => a.title), ['Use specific code [bad-argument-type]']);
    assert.equal(apply(d, pyrefly[0]).split('\n')[3], 'z = g()  # pyrefly: ignore[bad-argument-type]');
  });

  it('ignores diagnostics on other lines, without a code, or from pyguide itself', () => {
    const noqa: Diagnostic = { ...other(1, 'pyguide', 'bare-noqa'), data: { version: 3 } };
    const actions = specific(quickFixActions(doc(), [bare(1), other(0, 'mypy', 'import'), other(1, 'mypy', undefined), other(1, 'mypy', ''), noqa]));
    assert.deepEqual(actions, []);
  });

  it('offers nothing when the diagnostic belongs to an older version of the document', () => {
    const actions = specific(quickFixActions(doc(4), [bare(1, 3), other(1, 'mypy', 'assignment')]));
    assert.deepEqual(actions, []);
  });

  it('offers nothing when the range no longer covers a bare directive', () => {
    const shifted = bare(1);
    shifted.range = { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } };
    assert.deepEqual(specific(quickFixActions(doc(), [shifted, other(1, 'mypy', 'assignment')])), []);
  });

  it('still offers the usual ignore and documentation actions beside it', () => {
    const titles = quickFixActions(doc(), [bare(1), other(1, "mypy", "assignment")]).map((a) => a.title);
    assert.deepEqual(titles, [
      'Use specific code [assignment]',
      'Ignore bare-type-ignore for this line',
      'Ignore bare-type-ignore for this file',
      'Show documentation for bare-type-ignore',
    ]);
  });
});
