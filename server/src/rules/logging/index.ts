import type { Rule } from '../../engine/types';
import { loggingFstring } from './logging-fstring';
import { stdlibLogging } from './stdlib-logging';
import { syncLogInAsync } from './sync-log-in-async';

export const LOGGING_RULES: readonly Rule[] = [loggingFstring, syncLogInAsync, stdlibLogging];
