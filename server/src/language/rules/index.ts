/**
 * Every semantic rule, in the order their problems are listed. To add a rule: create
 * `<rule-id>.ts` exporting a `Rule`, list it in the group file of its document kinds, document the
 * code in the README's rule table (a test checks that table), and add its unit tests under
 * test/unit/rules/.
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import { CONFIG_RULES } from './configRules';
import { RECORD_RULES } from './recordRules';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...CONFIG_RULES, ...RECORD_RULES];

const byKind = new Map<DocumentKind, Rule[]>();

export function rulesFor(kind: DocumentKind): readonly Rule[] {
	let rules = byKind.get(kind);
	if (!rules) {
		rules = RULES.filter((rule) => rule.kinds.includes(kind));
		byKind.set(kind, rules);
	}
	return rules;
}
