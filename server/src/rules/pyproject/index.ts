import type { Rule } from '../../engine/types';
import { invalidPyproject } from './invalid-pyproject';
import { requiresPython } from './requires-python';

export const PYPROJECT_RULES: readonly Rule[] = [
  invalidPyproject,
  requiresPython,
];
