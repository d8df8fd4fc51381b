import type { Rule } from '../../engine/types';
import { duplicateTestBasename } from './duplicate-test-basename';
import { missingLicenseHeader } from './missing-license-header';
import { namespaceInitFile } from './namespace-init-file';
import { testFileName } from './test-file-name';
import { testFilePrefix } from './test-file-prefix';
import { testsInitFile } from './tests-init-file';

export const FILE_RULES: readonly Rule[] = [missingLicenseHeader, testFileName, testFilePrefix, duplicateTestBasename, testsInitFile, namespaceInitFile];
