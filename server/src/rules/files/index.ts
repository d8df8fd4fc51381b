import type { Rule } from '../../engine/types';

export const FILE_RULES: readonly Rule[] = [];
