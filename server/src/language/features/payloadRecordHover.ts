/**
 * Hover on a record of a Kafka event (a bare event, or the `payload` of a failure record, even
 * inside an escaped payload string): topic, partition, exact offset and ISO timestamp, the key
 * and value decoded (JSON re-indented, UTF-8 text, or hex), and the headers' byte arrays as text.
 * Everything taken from the record goes into inline code or a fenced block whose fence the
 * content cannot close, and every part is bounded, so a 1 MB value gives a hover of a few KB.
 */
import * as l10n from '@vscode/l10n';
import { isObject, member } from '../../../../shared/jsonPath';
import type { DecodedBytes, DisplayLimits } from '../util/kafkaRecord';
import { base64Bytes, describeBytes, epochMillisToIso, headerViews } from '../util/kafkaRecord';
import { codeBlock, inlineCode } from '../util/markdown';
import type { PositionContext } from './documentPosition';
import { exactNumberText } from './hoverSource';
import { counted } from '../../../../shared/printable';

const VALUE_LIMITS: DisplayLimits = { maxChars: 4000, maxHexBytes: 256 };
const KEY_LIMITS: DisplayLimits = { maxChars: 1000, maxHexBytes: 64 };
const HEADER_LIMITS: DisplayLimits = { maxChars: 200, maxHexBytes: 32, json: false };
const MAX_HEADERS = 20;
const MAX_INLINE = 120;

function formName(decoded: DecodedBytes): string {
	switch (decoded.form) {
		case 'json':
			return 'JSON';
		case 'text':
			return l10n.t('UTF-8 text');
		case 'hex':
			return l10n.t('binary, shown as hex');
		case 'empty':
			return l10n.t('empty');
	}
}

function truncationNote(decoded: DecodedBytes): string {
	if (!decoded.truncated) {
		return '';
	}
	return decoded.form === 'hex'
		? l10n.t('\n\n*Truncated: the first {0} of {1} bytes are shown.*', decoded.shownBytes ?? 0, decoded.byteLength)
		: l10n.t('\n\n*Truncated: the first {0} characters are shown.*', decoded.text.length);
}

/** The Markdown for a record's key or value. */
function bytesSection(label: string, raw: unknown, limits: DisplayLimits): string {
	if (raw === undefined) {
		return l10n.t('**{0}**: none', label);
	}
	if (raw === null) {
		return `**${label}**: null`;
	}
	const bytes = base64Bytes(raw);
	if (!bytes) {
		return l10n.t('**{0}**: not valid base64, so it cannot be decoded', label);
	}
	const decoded = describeBytes(bytes, limits);
	const heading = `**${label}** · ${counted(decoded.byteLength, l10n.t('{0} byte'), l10n.t('{0} bytes'))} · ${formName(decoded)}`;
	if (decoded.form === 'empty') {
		return heading;
	}
	if (decoded.form === 'text' && !decoded.truncated && decoded.text.length <= MAX_INLINE && !/[\r\n]/.test(decoded.text)) {
		return `${heading}: ${inlineCode(decoded.text, MAX_INLINE)}`;
	}
	return `${heading}\n\n${codeBlock(decoded.text, decoded.form === 'json' ? 'json' : '')}${truncationNote(decoded)}`;
}

function headersSection(headers: unknown): string | undefined {
	const { headers: views, total } = headerViews(headers, MAX_HEADERS, HEADER_LIMITS);
	if (total === 0) {
		return undefined;
	}
	const lines = [l10n.t('**Headers** ({0})', total), ''];
	for (const header of views) {
		const name = inlineCode(header.name, MAX_INLINE);
		const value = header.value;
		if (!value) {
			lines.push(l10n.t('- {0}: not a byte array', name));
		} else if (value.form === 'empty') {
			lines.push(l10n.t('- {0}: empty', name));
		} else {
			const shown = value.form === 'hex' ? `hex ${inlineCode(value.text.replace(/\n/g, ' '), MAX_INLINE)}` : inlineCode(value.text, MAX_INLINE);
			lines.push(value.truncated ? l10n.t('- {0}: {1} (truncated)', name, shown) : `- ${name}: ${shown}`);
		}
	}
	if (total > views.length) {
		lines.push(`- … ${counted(total - views.length, l10n.t('{0} more header'), l10n.t('{0} more headers'))}`);
	}
	return lines.join('\n');
}

/** Hover for one record of a Kafka event's `records` map. */
export function payloadRecordHover(context: PositionContext): string | undefined {
	const path = context.path;
	if (context.kind !== 'kafka-event' || path.length < 4 || path[0] !== 'records' || typeof path[1] !== 'string' || typeof path[2] !== 'number') {
		return undefined;
	}
	const key = path[1];
	const index = path[2];
	const list = member(member(context.subject, 'records'), key);
	const record: unknown = Array.isArray(list) ? list[index] : undefined;
	if (!isObject(record)) {
		return undefined;
	}
	const facts: string[] = [];
	const topic = record['topic'];
	if (typeof topic === 'string') {
		facts.push(l10n.t('topic {0}', inlineCode(topic, MAX_INLINE)));
	}
	const partition = record['partition'];
	if (typeof partition === 'number' || typeof partition === 'string') {
		facts.push(l10n.t('partition {0}', inlineCode(String(partition), MAX_INLINE)));
	}
	const offset = record['offset'];
	if (typeof offset === 'number') {
		facts.push(l10n.t('offset {0}', inlineCode(exactNumberText(context, ['records', key, index, 'offset'], offset), MAX_INLINE)));
	} else if (typeof offset === 'string') {
		facts.push(l10n.t('offset {0}', inlineCode(offset, MAX_INLINE)));
	}
	const sections = [l10n.t('**Kafka record**{0}', facts.length > 0 ? ` · ${facts.join(' · ')}` : '')];
	const time = record['timestamp'];
	const iso = epochMillisToIso(time);
	if (iso) {
		const type = record['timestampType'];
		const typeText = typeof type === 'string' ? ` (${inlineCode(type, MAX_INLINE)})` : '';
		sections.push(l10n.t('Timestamp: {0}{1}', inlineCode(iso), typeText));
	}
	sections.push(bytesSection(l10n.t('Key'), record['key'], KEY_LIMITS));
	sections.push(bytesSection(l10n.t('Value'), record['value'], VALUE_LIMITS));
	const headers = headersSection(record['headers']);
	if (headers) {
		sections.push(headers);
	}
	return sections.join('\n\n');
}
