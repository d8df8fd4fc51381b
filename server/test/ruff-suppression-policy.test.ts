// ruff-suppression-policy beyond its fixtures: what it says, and how severe each case is.
import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruffSuppressionPolicy } from '../src/rules/pyproject/ruff-suppression-policy';
import { sessionWith } from './fixtureHarness';

describe('ruff-suppression-policy details', () => {
  it('is information for a project-wide ignore and a warning for per-file-ignores, with no fix', async () => {
    const text = '[tool.ruff.lint]\nselect = ["S"]\nignore = ["S105"]\n\n[tool.ruff.lint.per-file-ignores]\n"tests/**" = ["S101"]\n';
    const findings = (await sessionWith([ruffSuppressionPolicy])).lintText(join(tmpdir(), 'pyguide-rsp', 'pyproject.toml'), text);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.range.start.line, f.message, 'fix' in f]),
      [
        [
          'ruff-suppression-policy',
          'info',
          2,
          '`S105` is ignored for the whole project in `[tool.ruff.lint].ignore`: the guidelines want security findings suppressed on the line they are about, with the code and a reason (`# noqa: S105 - why`), so each one is looked at.',
          false,
        ],
        [
          'ruff-suppression-policy',
          'warning',
          5,
          '`S101` is ignored for `tests/**` in `[tool.ruff.lint.per-file-ignores]`: the guidelines say never to use per-file-ignores for security (S) rules; suppress each finding on its line with a reason.',
          false,
        ],
      ],
    );
  });
});
