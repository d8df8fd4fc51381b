// hardcoded-secret beyond its fixture: the four credential shapes of the old consistency check
// (built here at run time, so no key-shaped literal sits in the repository for scanners to flag),
// made-up keys, documentation, severities, and the test code the old check exempted.
import * as assert from 'node:assert/strict';
import { hardcodedSecret } from '../src/rules/python/hardcoded-secret';
import { formatFinding, sessionWith } from './fixtureHarness';

/** A credential-shaped string: `prefix` and `length` characters cycling through a varied alphabet. */
function keyLike(prefix: string, length: number, alphabet = 'q8Zr2mK7vX4pL9nB3tW6yH1cJ5'): string {
  return prefix + Array.from({ length }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('');
}

describe('hardcoded-secret', () => {
  const openai = keyLike('sk-', 40);
  const anthropic = keyLike('sk-ant-api03-', 40);
  const google = keyLike('AI' + 'za', 35);
  const github = keyLike('gh' + 'p_', 36);
  const aws = keyLike('AK' + 'IA', 16, 'Q8ZR2MK7VX4PL9NB3TW6YH1C');

  it('reports each credential shape in a string, as an error, wherever the string is', async () => {
    const session = await sessionWith([hardcodedSecret]);
    const text = [`OPENAI = '${openai}'`, `client = Client(key="${anthropic}")`, `URL = f'https://x.test/?key=${google}&q={q}'`, `HEADERS = {'Authorization': 'token ${github}'}`, `ID = ('${aws}')`, ''].join('\n');
    const findings = session.lintText('/ws/src/pkg/settings.py', text);
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} ${f.severity}`), [
      `1:10-1:${10 + openai.length + 2} hardcoded-secret error`,
      `2:21-2:${21 + anthropic.length + 2} hardcoded-secret error`,
      `3:7-3:${7 + `f'https://x.test/?key=${google}&q={q}'`.length} hardcoded-secret error`,
      `4:29-4:${29 + `'token ${github}'`.length} hardcoded-secret error`,
      `5:7-5:${7 + aws.length + 2} hardcoded-secret error`,
    ]);
    assert.equal(findings[2].message, 'This string holds what looks like a Google API key (`AIza...`): read it from the environment or a secret manager, and revoke the key if it was ever committed.');
    for (const f of findings) for (const key of [openai, anthropic, google, github, aws]) assert.ok(!f.message.includes(key.slice(4)), 'the message repeats the key');
  });

  it('reports a long literal given to a credential name as a warning', async () => {
    const session = await sessionWith([hardcodedSecret]);
    const [finding] = session.lintText('/ws/src/pkg/settings.py', "api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'\n");
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, '`api_key` is given a literal that looks like a credential: read it from the environment or a secret manager instead.');
  });

  it('leaves made-up keys, comments and docstrings alone', async () => {
    const session = await sessionWith([hardcodedSecret]);
    const text = [
      `"""Set the key, e.g. ${google}."""`,
      `# ${openai}`,
      `AWS_DOCS_EXAMPLE = 'AKIAIOSFODNN7EXAMPLE'`,
      `PLACEHOLDER = 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'`,
      `NAME = 'task-${openai.slice(3)}'`,
      '',
    ].join('\n');
    assert.deepEqual(session.lintText('/ws/src/pkg/settings.py', text), []);
  });

  it('exempts test code as the old check did: tests/ and test/ folders, test modules, conftest.py', async () => {
    const session = await sessionWith([hardcodedSecret]);
    const text = `KEY = '${openai}'\napi_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'\n`;
    assert.equal(session.lintText('/ws/src/pkg/settings.py', text).length, 2);
    for (const file of ['/ws/pkg/tests/settings.py', '/ws/pkg/test/data.py', '/ws/pkg/src/settings_test.py', '/ws/pkg/test_settings.py', '/ws/pkg/conftest.py']) {
      assert.deepEqual(session.lintText(file, text), [], file);
    }
  });

  it('passes over a binding whose text names no secret before looking up its nodes, and still reads those that do', () => {
    const text = "retries = 'q8Zr2mK7vX4pL9nB3tW6yH1c'\nself.api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'\n";
    const read: string[] = [];
    // Matches as the engine hands them over: type and offsets as data, nodes only when read.
    const match = (type: string, start: number, end: number) => ({
      type,
      start,
      end,
      startRow: 0,
      startCol: start,
      get node(): never {
        throw new Error('not expected');
      },
      get captures() {
        read.push(text.slice(start, end));
        return {};
      },
    });
    const second = text.indexOf('self');
    hardcodedSecret.check({ matches: [match('assignment', 0, second - 1), match('keyword_argument', 0, 7), match('assignment', second, text.length - 1)], file: '/ws/src/pkg/settings.py', text } as never);
    assert.deepEqual(read, ["self.api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'"]);
  });
});
