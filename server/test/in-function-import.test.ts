// The "Move import to top of file" fix as a user applies it: one quick fix at a time (fix-all is
// covered by the .fixed.py fixtures), exact edits, line endings, and where it is offered (always unsafe).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textOnlyEdits } from '../src/engine/fixAll';
import { applyTextEdits } from '../src/engine/textEdits';
import type { Finding } from '../src/engine/types';
import { PythonParser } from '../src/parsing/python';
import { inFunctionImport, MOVE_IMPORT_TITLE } from '../src/rules/python/in-function-import';
import { FIXTURES, listDir, sessionWith } from './fixtureHarness';

const DIR = join(FIXTURES, 'rules', 'in-function-import');
const FILE = join(DIR, 'sample.py');

async function lint(text: string): Promise<Finding[]> {
  return (await sessionWith([inFunctionImport])).lintText(FILE, text);
}

function applyFix(text: string, finding: Finding): string {
  assert.ok(finding.fix, `no fix for the finding at line ${finding.range.start.line + 1}`);
  const edits = textOnlyEdits(finding.fix, FILE);
  assert.ok(edits);
  const result = applyTextEdits(text, edits);
  assert.deepEqual(result.skipped, [], 'the edits of one fix overlap each other');
  return result.text;
}

async function syntaxErrors(text: string): Promise<number> {
  const tree = (await PythonParser.create()).parse(text);
  const n = tree.rootNode.descendantsOfType(['ERROR', 'MISSING']).length + (tree.rootNode.hasError ? 1 : 0);
  tree.delete();
  return n;
}

describe('in-function-import fix', () => {
  it('gives the exact edits: insert where isort puts it, remove the whole line', async () => {
    const text = 'import os\n\n\ndef f():\n    import sys\n    return sys\n';
    const [finding] = await lint(text);
    assert.equal(finding.fix?.title, MOVE_IMPORT_TITLE);
    assert.equal(finding.fix?.title, 'Move import to top of file');
    assert.equal(finding.fix?.safe, false);
    assert.deepEqual(finding.fix?.changes, [
      {
        type: 'edit',
        file: FILE,
        edits: [
          { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'import sys\n' },
          { range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, newText: '' },
        ],
      },
    ]);
    assert.equal(applyFix(text, finding), 'import os\nimport sys\n\n\ndef f():\n    return sys\n');
    // `json` sorts before `os`.
    const jsonText = text.replaceAll('sys', 'json');
    const [json] = await lint(jsonText);
    assert.equal(applyFix(jsonText, json), 'import json\nimport os\n\n\ndef f():\n    return json\n');
  });

  it('places the import in its isort section, merges it into a from-import of its module, and takes its comment along', async () => {
    const text = [
      '"""Doc."""',
      '',
      'import os',
      '',
      'from genkit import Action',
      '',
      '',
      'def f():',
      '    """Doc."""',
      '    # Register the evaluators',
      '    # Deferred import to avoid a cycle',
      '    from genkit import Genkit',
      '',
      '    import httpx',
      '    return Action, Genkit, httpx, os',
      '',
    ].join('\n');
    const [genkit, httpx] = await lint(text);
    // `genkit` is third-party without configuration (no known-first-party): it joins `from genkit import Action`.
    assert.equal(
      applyFix(text, genkit),
      text.replace('from genkit import Action', '# Deferred import to avoid a cycle\nfrom genkit import Action, Genkit').replace('    # Deferred import to avoid a cycle\n    from genkit import Genkit\n', ''),
    );
    assert.equal(applyFix(text, httpx), text.replace('from genkit import Action', 'import httpx\nfrom genkit import Action').replace('\n    import httpx\n', '\n'));
  });

  it('writes the file\'s CRLF line endings, also inside a multi-line import', async () => {
    const text = '"""Doc."""\r\n\r\ndef f():\r\n    from a import (\r\n        b,\r\n    )\r\n    return b\r\n';
    const [finding] = await lint(text);
    assert.equal(applyFix(text, finding), '"""Doc."""\r\n\r\nfrom a import (\r\n    b,\r\n)\r\n\r\ndef f():\r\n    return b\r\n');
  });

  it('leaves pass when the import was the whole body, on the def line too', async () => {
    const text = 'def f(): import json\n\n\ndef g():\n    # only a comment stays\n    import sys  # why\n';
    const findings = await lint(text);
    assert.equal(findings.length, 2);
    assert.equal(applyFix(text, findings[0]), 'import json\n\ndef f(): pass\n\n\ndef g():\n    # only a comment stays\n    import sys  # why\n');
    assert.equal(applyFix(text, findings[1]), 'import sys  # why\n\ndef f(): import json\n\n\ndef g():\n    # only a comment stays\n    pass\n');
  });

  it('leaves no blank line after the docstring (D202), except before an inner def or class', async () => {
    const f = ['def f():', '    """Doc."""', '    import json', '', '    return json', ''];
    const g = ['def g():', '    """Doc."""', '    import sys', '', '    def inner():', '        return sys', '', '    return inner', ''];
    const text = ['import os', '', '', ...f, '', ...g].join('\n');
    const [moveJson, moveSys] = await lint(text);
    const fFixed = ['def f():', '    """Doc."""', '    return json', ''];
    const gFixed = ['def g():', '    """Doc."""', '', '    def inner():', '        return sys', '', '    return inner', ''];
    assert.equal(applyFix(text, moveJson), ['import json', 'import os', '', '', ...fFixed, '', ...g].join('\n'));
    assert.equal(applyFix(text, moveSys), ['import os', 'import sys', '', '', ...f, '', ...gFixed].join('\n'));
  });

  it('keeps the other statements of a shared line', async () => {
    const text = 'def f():\n    a = 1; import b; c = 2\n    import d; e = 3\n    f = 4; import g\n';
    const fixed = (await lint(text)).map((f) => applyFix(text, f));
    assert.deepEqual(fixed, [
      'import b\n\ndef f():\n    a = 1; c = 2\n    import d; e = 3\n    f = 4; import g\n',
      'import d\n\ndef f():\n    a = 1; import b; c = 2\n    e = 3\n    f = 4; import g\n',
      'import g\n\ndef f():\n    a = 1; import b; c = 2\n    import d; e = 3\n    f = 4\n',
    ]);
  });

  it('only removes the import when the module imports the same names already', async () => {
    const text = 'from a import (b,\n  c)\n\ndef f():\n    from a import c, b\n    return b\n';
    const [finding] = await lint(text);
    assert.equal(applyFix(text, finding), 'from a import (b,\n  c)\n\ndef f():\n    return b\n');
  });

  it('offers every move as unsafe, and none for guarded or meaning-changing imports', async () => {
    const text = [
      'flag = True',
      'def f(x):',
      '    if x:',
      '        import a',
      '    try:',
      '        import b',
      '    except ModuleNotFoundError:',
      '        b = None',
      '    with x:',
      '        import c',
      '    import flag',
      '',
    ].join('\n');
    assert.deepEqual(
      (await lint(text)).map((f) => [f.range.start.line, f.fix?.safe]),
      [
        [3, undefined],
        [5, undefined],
        [9, false],
        [10, undefined],
      ],
    );
  });

  it('has no fix where the block around the import does not parse', async () => {
    const [finding] = await lint('def f():\n    import json\n    s = "open\n');
    assert.equal(finding.rule, 'in-function-import');
    assert.ok(!('fix' in finding));
  });

  it('is silenced by its Ruff twin PLC0415 and by pyguide: ignore', async () => {
    const text = 'def f():\n    import a  # noqa: PLC0415\n    import b  # pyguide: ignore[in-function-import]\n    import c\n';
    assert.deepEqual((await lint(text)).map((f) => f.range.start.line), [3]);
  });

  it('each quick fix on its own, on every fixture, leaves valid Python and removes one finding', async () => {
    const cases = listDir(DIR).files.filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py'));
    let checked = 0;
    for (const file of cases) {
      const text = readFileSync(join(DIR, file), 'utf8');
      const findings = await lint(text);
      const errorsBefore = await syntaxErrors(text);
      for (const finding of findings.filter((f) => f.fix)) {
        const after = applyFix(text, finding);
        const where = `${file}:${finding.range.start.line + 1}`;
        assert.ok((await syntaxErrors(after)) <= errorsBefore, `${where}: the fix added syntax errors:\n${after}`);
        assert.equal((await lint(after)).length, findings.length - 1, `${where}: the fix did not remove exactly its finding`);
        checked++;
      }
    }
    assert.ok(checked > 30, `only ${checked} fixes checked`);
  });
});
