/**
 * The S3 record's `payload`: the whole Kafka event the function was given. AWS's docs call it an
 * escaped JSON string, while real records decode to an object; both are accepted. A string is
 * parsed like a document of its own, and its syntax problems are placed inside the string.
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import type { ParsedJson } from '../json/parsedJson';
import type { Problem } from './problem';
import { syntaxProblems } from './syntax';

export interface ParsedPayload {
	/** The Kafka event (an object when all is well). */
	value: unknown;
	form: 'object' | 'string' | 'other';
	/** For a string payload: its parse. */
	embedded?: ParsedJson;
}

export function parsePayload(parsed: ParsedJson, path: JsonPath, raw: unknown): ParsedPayload {
	if (typeof raw === 'string') {
		const embedded = parsed.embedded(path, raw);
		return { value: embedded?.value, form: 'string', embedded };
	}
	return { value: raw, form: typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? 'object' : 'other' };
}

export function payloadProblems(payload: ParsedPayload, path: JsonPath): Problem[] {
	const embedded = payload.embedded;
	if (payload.form !== 'string' || !embedded) {
		return [];
	}
	const text = embedded.text;
	const trimmed = text.trim();
	if (!trimmed.startsWith('{')) {
		const placeholder = trimmed === '<Whole Event>';
		return [
			{
				code: 'payload-not-json',
				severity: 'error',
				message: placeholder
					? l10n.t('"payload" holds the placeholder "<Whole Event>" from AWS\'s documentation: a real S3 record holds the original Kafka event here.')
					: l10n.t('"payload" must hold the original Kafka event: a JSON object, or that object encoded as a JSON string.'),
				path,
				target: 'value',
			},
		];
	}
	if (embedded.isValidJson) {
		return [];
	}
	// Syntax problems inside the string: their offsets are offsets into the decoded string.
	return syntaxProblems(text, embedded.syntaxErrors).map((problem) => ({
		...problem,
		code: 'payload-syntax',
		message: l10n.t('In the JSON inside "payload": {0}', problem.message),
		path,
		target: 'value' as const,
		span: problem.rawRange,
		rawRange: undefined,
		fixes: undefined,
	}));
}
