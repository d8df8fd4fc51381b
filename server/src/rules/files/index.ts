import type { Rule } from '../../engine/types';
import { missingLicenseHeader } from './missing-license-header';

export const FILE_RULES: readonly Rule[] = [missingLicenseHeader];
