/**
 * Answers "what is at this offset?" for hover and completion: which document of the file, which
 * kind, the path of the member under the cursor relative to that document, and the token there.
 * A position inside the S3 record's `payload` string is followed into the JSON it holds.
 */
import type { Node } from 'jsonc-parser';
import type { DocumentKind } from '../../../../shared/documentKinds';
import type { JsonPath, PathSegment } from '../../../../shared/jsonPath';
import { valueAt } from '../../../../shared/jsonPath';
import { locationAt } from '../json/location';
import type { ParsedJson } from '../json/parsedJson';
import { decodedToRawOffsets, rawToDecodedOffset } from '../json/stringOffsets';
import type { DocumentAnalysis, DocumentUnit } from '../validation/pipeline';

export interface PositionContext {
	kind: DocumentKind;
	/** Path of the member under the cursor, relative to the subject (the record, config or event). */
	path: PathSegment[];
	/** The same path from the root of `text` (for an array element, it starts with the index). */
	textPath: PathSegment[];
	/** The subject's value (the whole record, or the parsed payload for positions inside it). */
	subject: unknown;
	/** For a payload event: the enclosing failure record. */
	record?: unknown;
	isAtPropertyKey: boolean;
	/** The token under the cursor (a key or a scalar value), in `text` coordinates. */
	node: Node | undefined;
	/** Whether `text` is the decoded content of a JSON string (the payload), so edits there need escaping. */
	insideString: boolean;
	/** The text the path and node refer to (the file's text, a JSON Lines line, or a decoded payload). */
	text: string;
	/** The parse of `text`. */
	parsed: ParsedJson;
	offset: number;
	/** Maps a [start, end) range of `text` to offsets in the whole file. */
	toFileRange(start: number, end: number): { start: number; end: number };
}

export function unitAt(analysis: DocumentAnalysis, offset: number): DocumentUnit | undefined {
	return analysis.units.at(offset);
}

export function positionContext(analysis: DocumentAnalysis, offset: number): PositionContext | undefined {
	const unit = unitAt(analysis, offset);
	// getLocation below recurses once per level: a text nested too deeply is not walked at all.
	if (!unit || analysis.kind === 'unknown' || unit.parsed.isTooDeep) {
		return undefined;
	}
	const parsed = unit.parsed;
	const local = offset - unit.baseOffset;
	const location = locationAt(parsed.text, local, parsed.isValidJson, undefined, parsed.isValidJson ? parsed.positionIndex : undefined);
	let path = [...location.path];
	let subjectPath: JsonPath = [];
	if (analysis.layout === 'array') {
		if (typeof path[0] !== 'number') {
			return undefined;
		}
		subjectPath = [path[0]];
		path = path.slice(1);
	}
	const kind = analysis.kind;
	const subject = valueAt(parsed.value, subjectPath);
	const base = unit.baseOffset;
	const context: PositionContext = {
		kind,
		path,
		textPath: location.path,
		subject,
		isAtPropertyKey: location.isAtPropertyKey,
		node: location.previousNode,
		insideString: false,
		text: parsed.text,
		parsed,
		offset: local,
		toFileRange: (start, end) => ({ start: start + base, end: end + base }),
	};
	if (kind === 'failure-record' && path[0] === 'payload') {
		return payloadContext(context, parsed, [...subjectPath, 'payload']);
	}
	return context;
}

/** Re-roots a context that points into `payload` on the Kafka event it holds. */
function payloadContext(outer: PositionContext, parsed: ParsedJson, payloadPath: JsonPath): PositionContext | undefined {
	const record = outer.subject;
	const payload = valueAt(record, ['payload']);
	if (typeof payload === 'object' && payload !== null) {
		return { ...outer, kind: 'kafka-event', path: outer.path.slice(1), subject: payload, record };
	}
	const node = outer.node;
	if (typeof payload !== 'string' || outer.path.length !== 1 || outer.isAtPropertyKey || !node || node.type !== 'string') {
		return outer;
	}
	const inner = parsed.embedded(payloadPath, payload);
	if (!inner || inner.isTooDeep) {
		return outer;
	}
	// Remembered per parse, so that the next lookup in this string starts near the offset.
	const checkpoints = parsed.isValidJson ? parsed.positionIndex.checkpoints(node.offset) : undefined;
	const decodedOffset = rawToDecodedOffset(parsed.text, node.offset, outer.offset, checkpoints);
	const location = locationAt(inner.text, decodedOffset, inner.isValidJson, undefined, inner.isValidJson ? inner.positionIndex : undefined);
	const quote = node.offset;
	return {
		kind: 'kafka-event',
		path: [...location.path],
		textPath: location.path,
		subject: inner.value,
		record,
		isAtPropertyKey: location.isAtPropertyKey,
		node: location.previousNode,
		insideString: true,
		text: inner.text,
		parsed: inner,
		offset: decodedOffset,
		toFileRange: (start, end) => {
			const [s, e] = decodedToRawOffsets(parsed.text, quote, [start, end], checkpoints);
			return outer.toFileRange(s, e);
		},
	};
}

/**
 * Builds, one step per yield, what the first hover or completion on a new parse of a large
 * document would otherwise build while the user waits: the index of the containers on the way,
 * and for an S3 record the parse of its `payload` string and the lookups inside it. The server
 * runs the steps in the background after parsing a new version (lsp/parseRefresher.ts).
 */
export function* positionLookupSteps(analysis: DocumentAnalysis): Generator<void, void, void> {
	const unit = analysis.units.count === 1 ? analysis.units.get(0) : undefined;
	if (!unit || analysis.kind === 'unknown' || !unit.parsed.isValidJson) {
		return;
	}
	const parsed = unit.parsed;
	positionContext(analysis, unit.baseOffset + (parsed.text.length >> 1));
	yield;
	const payload = analysis.kind === 'failure-record' && isObjectValue(unit.value) ? unit.value['payload'] : undefined;
	if (typeof payload !== 'string') {
		return;
	}
	const located = parsed.locate({ path: ['payload'] });
	yield;
	if (parsed.embedded(['payload'], payload)?.isTooDeep !== false) {
		return;
	}
	yield;
	// A few offsets across the string: each builds the indexes its path needs that the others did not.
	const span = located.valueEnd - located.valueStart;
	for (let step = 1; step <= 8; step++) {
		positionContext(analysis, unit.baseOffset + located.valueStart + Math.floor((span * step) / 9));
		yield;
	}
}

function isObjectValue(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
