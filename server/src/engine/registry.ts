// The rule list. Adding a rule means adding it to its group's index (plus its fixture and docs page).
import { CONCURRENCY_RULES } from '../rules/concurrency';
import { DOCSTRING_RULES } from '../rules/docstrings';
import { FILE_RULES } from '../rules/files';
import { LOGGING_RULES } from '../rules/logging';
import { PYPROJECT_RULES } from '../rules/pyproject';
import { PYTHON_RULES } from '../rules/python';
import { SHELL_RULES } from '../rules/shell';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...PYTHON_RULES, ...DOCSTRING_RULES, ...FILE_RULES, ...PYPROJECT_RULES, ...LOGGING_RULES, ...CONCURRENCY_RULES, ...SHELL_RULES];

/** The rules by id (every diagnostic of every publish asks for its rule). */
const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

declare const PYGUIDE_REPOSITORY: string | undefined;
/** The project's home, from package.json's `repository` (set at build time): one place to change it. */
export const REPOSITORY_URL = typeof PYGUIDE_REPOSITORY === 'string' ? PYGUIDE_REPOSITORY : 'https://github.com/pyguide/pyguide';

/** Where a rule's documentation page lives online (the editor opens the installed copy instead). */
export function docsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
