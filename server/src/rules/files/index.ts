import type { Rule } from '../../engine/types';
import { missingLicenseHeader } from './missing-license-header';
import { testFileName } from './test-file-name';
import { testFilePrefix } from './test-file-prefix';

export const FILE_RULES: readonly Rule[] = [missingLicenseHeader, testFileName, testFilePrefix];
