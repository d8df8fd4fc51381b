import type { Rule } from '../../engine/types';
import { invalidPyproject } from './invalid-pyproject';

export const PYPROJECT_RULES: readonly Rule[] = [invalidPyproject];
