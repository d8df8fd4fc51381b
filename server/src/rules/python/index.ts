import type { Rule } from '../../engine/types';
import { bareNoqa } from './bare-noqa';
import { bareTypeIgnore } from './bare-type-ignore';
import { inFunctionImport } from './in-function-import';

export const PYTHON_RULES: readonly Rule[] = [bareNoqa, bareTypeIgnore, inFunctionImport];
