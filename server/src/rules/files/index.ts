import type { Rule } from '../../engine/types';
import { missingLicenseHeader } from './missing-license-header';
import { testFileName } from './test-file-name';

export const FILE_RULES: readonly Rule[] = [missingLicenseHeader, testFileName];
