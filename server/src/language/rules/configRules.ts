/** The rules for destination configs and event source mapping requests. */
import type { Rule } from './types';

export const CONFIG_RULES: readonly Rule[] = [];
