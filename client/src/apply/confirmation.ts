/**
 * The text of the modal confirmation. An update lists its changes against the mapping; a create
 * has nothing to diff against (every field would read "(not set) → …"), so it lists the mapping
 * to be created instead: function, source, topics, starting position, destination, then the other
 * fields set, one a line.
 */
import * as l10n from '@vscode/l10n';
import type { JsonObject } from './buildRequest';
import { formatValue } from './diff';
import { isObject } from '../../../shared/jsonPath';

/** The review's members the confirmation shows. */
export interface ConfirmationReview {
	operation: 'update' | 'create';
	summary: string;
	warnings: string[];
	notes: string[];
}

/** The modal's detail text and its one button. */
export function confirmationText(review: ConfirmationReview): { detail: string; button: string } {
	const button = review.operation === 'create' ? l10n.t('Create') : l10n.t('Apply');
	const detail = [
		review.summary,
		...review.warnings.map((w) => `⚠ ${w}`),
		...review.notes.map((n) => `ℹ ${n}`),
		l10n.t('Nothing is sent unless you choose {0}.', button),
	].join('\n\n');
	return { detail, button };
}

/** The fields the first lines of a create summary show. */
const LEADING = new Set(['FunctionName', 'EventSourceArn', 'SelfManagedEventSource', 'Topics', 'StartingPosition', 'StartingPositionTimestamp']);

/** The mapping a CreateEventSourceMapping request would create, one field a line. */
export function createSummary(request: JsonObject): string {
	const destinationConfig = isObject(request['DestinationConfig']) ? request['DestinationConfig'] : undefined;
	const onFailure = destinationConfig && isObject(destinationConfig['OnFailure']) ? destinationConfig['OnFailure'] : undefined;
	const lines = [
		l10n.t('Function: {0}', formatValue(request['FunctionName'])),
		l10n.t('Source: {0}', sourceOf(request)),
		l10n.t('Topics: {0}', Array.isArray(request['Topics']) ? request['Topics'].map((t) => formatValue(t)).join(', ') : formatValue(request['Topics'])),
		l10n.t('Starting position: {0}', startingPositionOf(request)),
		l10n.t('On failure → {0}', formatValue(onFailure?.['Destination'], true)),
	];
	// A DestinationConfig with more than OnFailure.Destination is listed whole, so nothing set goes unseen.
	const destinationIsSimple =
		destinationConfig === undefined ||
		(Object.keys(destinationConfig).join() === 'OnFailure' && onFailure !== undefined && Object.keys(onFailure).join() === 'Destination');
	for (const [key, value] of Object.entries(request)) {
		if (!LEADING.has(key) && (key !== 'DestinationConfig' || !destinationIsSimple)) {
			lines.push(`${key}: ${formatValue(value)}`);
		}
	}
	return lines.join('\n');
}

function sourceOf(request: JsonObject): string {
	const selfManaged = request['SelfManagedEventSource'];
	if (isObject(selfManaged)) {
		const servers = isObject(selfManaged['Endpoints']) ? selfManaged['Endpoints']['KAFKA_BOOTSTRAP_SERVERS'] : undefined;
		return l10n.t('self-managed Kafka {0}', Array.isArray(servers) ? servers.map((s) => formatValue(s)).join(', ') : formatValue(servers));
	}
	return formatValue(request['EventSourceArn']);
}

function startingPositionOf(request: JsonObject): string {
	const position = formatValue(request['StartingPosition']);
	return request['StartingPositionTimestamp'] === undefined ? position : `${position} (${formatValue(request['StartingPositionTimestamp'])})`;
}
