/**
 * The contract of a semantic rule: a check the schema cannot express. Each rule lives in its own
 * file named after its id, and the id is the diagnostic code users see, so it must never change.
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import type { JsonPath } from '../../../../shared/jsonPath';
import type { FixDescription, Severity } from '../validation/problem';

/** What a rule reports. Paths are relative to the subject the rule is checking. */
export interface RuleReport {
	severity: Severity;
	message: string;
	path: JsonPath;
	target?: 'key' | 'value';
	span?: { start: number; end: number };
	fixes?: FixDescription[];
	tags?: ('unnecessary' | 'deprecated')[];
}

/** What a rule sees: one subject (a whole document, one record of an array or line, or a nested payload). */
export interface RuleContext {
	readonly kind: DocumentKind;
	/** The subject's value (an object: rules run only on objects). */
	readonly value: Record<string, unknown>;
	/** For `esm-request`: `update` when the document has a `UUID`, else `create`. */
	readonly requestMode: 'create' | 'update' | undefined;
	/** For a `kafka-event`: whether it is the `payload` of a failure record rather than a document of its own. */
	readonly nested: boolean;
	/** For a `failure-record`: its parsed payload (the object, or the parse of the string), or undefined. */
	readonly payload: unknown;
	report(report: RuleReport): void;
	/**
	 * The exact source text of the number at `path` (e.g. `9223372036854775807`), for lossless
	 * comparison of values a JavaScript number cannot hold. Undefined when it is not a number.
	 * Cheap to call: the first call indexes the document's long numbers once.
	 */
	rawNumber(path: JsonPath): string | undefined;
}

export interface Rule {
	/** The rule id, which is also its diagnostic code and its file name. */
	readonly id: string;
	/** The document kinds the rule checks. */
	readonly kinds: readonly DocumentKind[];
	/** One sentence for the README and SARIF: what the rule checks and why. */
	readonly description: string;
	check(context: RuleContext): void;
}
