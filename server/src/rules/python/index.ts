import type { Rule } from '../../engine/types';
import { bareNoqa } from './bare-noqa';
import { bareTypeIgnore } from './bare-type-ignore';
import { className } from './class-name';
import { dunderAll } from './dunder-all';
import { functionName } from './function-name';
import { hardcodedSecret } from './hardcoded-secret';
import { inFunctionImport } from './in-function-import';
import { pytestFailInIf } from './pytest-fail-in-if';
import { sectionBannerComment } from './section-banner-comment';
import { unexplainedSuppression } from './unexplained-suppression';

export const PYTHON_RULES: readonly Rule[] = [bareNoqa, bareTypeIgnore, inFunctionImport, className, functionName, unexplainedSuppression, sectionBannerComment, pytestFailInIf, hardcodedSecret, dunderAll];
