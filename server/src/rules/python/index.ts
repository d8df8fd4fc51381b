import type { Rule } from '../../engine/types';
import { bareNoqa } from './bare-noqa';

export const PYTHON_RULES: readonly Rule[] = [bareNoqa];
