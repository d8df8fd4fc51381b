import { INVALID_CONFIG } from '../../engine/configSchema';
import type { PyprojectRule } from '../../engine/types';

// The workspace model validates `[tool.pyguide]` once (engine/configSchema.ts) and keeps what is
// valid; this rule shows the problems where they are written. It cannot be turned off or silenced.
export const invalidConfig: PyprojectRule = {
  id: INVALID_CONFIG,
  kind: 'pyproject',
  defaultSeverity: 'error',
  guideline: 'pyguide configuration',
  summary: 'a `[tool.pyguide]` key, value or rule id that is wrong (the rest of the table still applies)',
  check(ctx) {
    return ctx.workspace.configProblems.filter((p) => p.file === ctx.file).map((p) => ({ range: p.range, message: p.message }));
  },
};
