import type { Rule } from '../../engine/types';
import { threadingLockInAsync } from './threading-lock-in-async';

export const CONCURRENCY_RULES: readonly Rule[] = [threadingLockInAsync];
