import type { Rule } from '../../engine/types';

export const PYPROJECT_RULES: readonly Rule[] = [];
