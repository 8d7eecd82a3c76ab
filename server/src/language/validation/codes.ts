/**
 * Every diagnostic code the validator can produce, with what it means. Semantic rules describe
 * themselves (`RULES`); the codes of the syntax, schema, payload and limit layers are listed here,
 * because those layers build their codes inline. SARIF output and the README check read this list,
 * so a new code must be added here in the same change that introduces it.
 */
import { RULES } from '../rules';
import { MAPPING_RULES } from '../rules/mappingRules';
import type { Severity } from './problem';

export interface DiagnosticCodeInfo {
	/** The code users see on a diagnostic; never renamed once released. */
	readonly id: string;
	/** One sentence: what the code reports. */
	readonly description: string;
	/** The severity the code is reported with (a rule may choose another per report). */
	readonly defaultSeverity: Severity;
	/** Which layer produces it. */
	readonly source: 'syntax' | 'schema' | 'payload' | 'limit' | 'rule';
}

export const NON_RULE_CODES: readonly DiagnosticCodeInfo[] = [
	{ id: 'syntax-comment', source: 'syntax', defaultSeverity: 'error', description: 'A // or /* */ comment, which AWS rejects in JSON documents.' },
	{
		id: 'syntax-trailing-comma',
		source: 'syntax',
		defaultSeverity: 'error',
		description: 'A comma before a closing brace or bracket, which JSON does not allow.',
	},
	{
		id: 'syntax-union',
		source: 'syntax',
		defaultSeverity: 'error',
		description: 'A TypeScript-style union of strings copied from AWS documentation, where one value is expected.',
	},
	{
		id: 'syntax-bom',
		source: 'syntax',
		defaultSeverity: 'error',
		description:
			'A destination config or ESM request that starts with a byte order mark, which the AWS CLI does not remove when it reads file:// parameters, and rejects.',
	},
	{ id: 'syntax-error', source: 'syntax', defaultSeverity: 'error', description: 'Any other text that is not valid JSON.' },
	{ id: 'schema-required', source: 'schema', defaultSeverity: 'error', description: 'A required field is missing.' },
	{ id: 'unknown-field', source: 'schema', defaultSeverity: 'error', description: 'A field AWS does not define for this object, usually a misspelling.' },
	{ id: 'schema-type', source: 'schema', defaultSeverity: 'error', description: 'A value of the wrong JSON type, such as a number written as a string.' },
	{ id: 'schema-enum', source: 'schema', defaultSeverity: 'error', description: 'A value outside the set of values AWS accepts for the field.' },
	{ id: 'schema-const', source: 'schema', defaultSeverity: 'error', description: 'A field that must hold one exact value holds another.' },
	{ id: 'schema-pattern', source: 'schema', defaultSeverity: 'error', description: 'A string that does not have the format AWS expects for the field.' },
	{ id: 'schema-format', source: 'schema', defaultSeverity: 'error', description: 'A string that is not a valid date-time or other declared format.' },
	{ id: 'schema-range', source: 'schema', defaultSeverity: 'error', description: 'A number below the minimum or above the maximum AWS allows.' },
	{ id: 'schema-length', source: 'schema', defaultSeverity: 'error', description: 'A string shorter or longer than AWS allows.' },
	{ id: 'schema-items', source: 'schema', defaultSeverity: 'error', description: 'An array with fewer or more items than AWS allows.' },
	{ id: 'schema-other', source: 'schema', defaultSeverity: 'error', description: 'Any other violation of the bundled JSON schema.' },
	{
		id: 'payload-not-json',
		source: 'payload',
		defaultSeverity: 'error',
		description: 'The payload of an S3 failure record is neither the Kafka event object nor that object encoded as a JSON string.',
	},
	{
		id: 'payload-syntax',
		source: 'payload',
		defaultSeverity: 'error',
		description: 'The JSON string in the payload of an S3 failure record is not valid JSON.',
	},
	{
		id: 'file-too-large',
		source: 'limit',
		defaultSeverity: 'warning',
		description: 'The file is larger than the configured size limit and was not validated.',
	},
	{
		id: 'too-many-problems',
		source: 'limit',
		defaultSeverity: 'info',
		description: 'The file has more problems than are listed; the rest are counted in one message.',
	},
];

/**
 * Rules declare no single severity, as each report picks its own. Warning is the level SARIF
 * assumes when a rule gives none, so it claims nothing the rule did not say.
 */
const RULE_DEFAULT_SEVERITY: Severity = 'warning';

/** Every code: the non-rule codes first, then the rules in their registration order. */
export function allDiagnosticCodes(): DiagnosticCodeInfo[] {
	return [
		...NON_RULE_CODES,
		...RULES.map((rule): DiagnosticCodeInfo => ({ id: rule.id, description: rule.description, defaultSeverity: RULE_DEFAULT_SEVERITY, source: 'rule' })),
		...MAPPING_RULES.map((rule): DiagnosticCodeInfo => ({
			id: rule.id,
			description: rule.description,
			defaultSeverity: RULE_DEFAULT_SEVERITY,
			source: 'rule',
		})),
	];
}
