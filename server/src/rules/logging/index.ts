import type { Rule } from '../../engine/types';
import { loggingFstring } from './logging-fstring';

export const LOGGING_RULES: readonly Rule[] = [loggingFstring];
