import type { PythonRule, RuleFinding } from '../../engine/types';
import { commentMatches } from '../_comments';

// `# noqa`, `# ruff: noqa` and `# flake8: noqa` with no `: CODE` after them silence everything.
const BARE_NOQA = /#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa\b(?!\s*:\s*[A-Za-z]+[0-9]+)(?:\s*:)?/gi;

export const bareNoqa: PythonRule = {
  id: 'bare-noqa',
  kind: 'python',
  reads: { kinds: ['comment'], scope: 'each' },
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Error Suppression Policy',
  summary: '`# noqa` (or file-level `# ruff: noqa`) without rule codes',
  ruffTwin: 'PGH004',
  check({ matches, text }) {
    const findings: RuleFinding[] = [];
    for (const comment of matches) {
      for (const { match, range } of commentMatches(comment, text, BARE_NOQA)) {
        const fileLevel = /ruff|flake8/i.test(match[0]);
        findings.push({
          range,
          message: fileLevel
            ? 'File-level `# ruff: noqa` without codes turns off every rule for the whole file; name the codes, e.g. `# ruff: noqa: E501`.'
            : '`# noqa` without codes silences every rule on this line; name the codes and say why, e.g. `# noqa: S105 - enum value, not a password`.',
        });
      }
    }
    return findings;
  },
};
