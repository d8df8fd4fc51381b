import type { Rule } from '../../engine/types';
import { misalignedBoxTable } from './misaligned-box-table';

export const DOCSTRING_RULES: readonly Rule[] = [misalignedBoxTable];
