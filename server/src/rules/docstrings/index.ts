import type { Rule } from '../../engine/types';
import { misalignedBoxTable } from './misaligned-box-table';
import { missingEli5Docs } from './missing-eli5-docs';

export const DOCSTRING_RULES: readonly Rule[] = [misalignedBoxTable, missingEli5Docs];
