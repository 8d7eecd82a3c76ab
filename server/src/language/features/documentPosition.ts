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
	const location = locationAt(parsed.text, local, parsed.isValidJson);
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
	const decodedOffset = rawToDecodedOffset(parsed.text, node.offset, outer.offset);
	const location = locationAt(inner.text, decodedOffset, inner.isValidJson);
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
			const [s, e] = decodedToRawOffsets(parsed.text, quote, [start, end]);
			return outer.toFileRange(s, e);
		},
	};
}
