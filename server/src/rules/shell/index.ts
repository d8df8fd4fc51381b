import type { Rule } from '../../engine/types';
import { shellScriptHeader } from './shell-script-header';

export const SHELL_RULES: readonly Rule[] = [shellScriptHeader];
