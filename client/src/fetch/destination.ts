/**
 * Where failure records can be fetched from: the on-failure destination of a mapping (as
 * GetEventSourceMapping returns it) or of an open destination config / ESM request. SQS queues
 * and S3 buckets keep the records; SNS topics and Kafka topics do not let us fetch them here, and
 * the user is told what to do instead.
 */
import * as l10n from '@vscode/l10n';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { shellQuote } from '../../../shared/shellQuote';
import { parseArn } from '../../../shared/arn';
import { isObject } from '../../../shared/jsonPath';

export type FetchSource =
	| { kind: 'sqs'; arn: string; queueName: string; accountId: string; region: string }
	| { kind: 's3'; arn: string; bucket: string }
	/** A destination records cannot be fetched from here; `message` says why and what to do. */
	| { kind: 'unfetchable'; destination: string; message: string };

/** What a user may type: a destination, or a queue name still to be found with GetQueueUrl. */
export type UserDestination = FetchSource | { kind: 'sqs-name'; queueName: string };

/** The destination of a mapping or document, with the mapping's UUID when known (it names the S3 prefix). */
export interface DestinationTarget {
	source: FetchSource;
	mappingUuid?: string;
	/** The mapping's `SourceAccessConfigurations` types, for the preview's consumer commands. */
	sourceAccessTypes?: string[];
	eventSourceArn?: string;
}

/** SQS's rule for queue names (CreateQueue's QueueName). */
export const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isMappingUuid(text: string): boolean {
	return UUID.test(text);
}

/** Classifies an `OnFailure.Destination` string. */
export function parseDestination(destination: unknown): FetchSource {
	if (typeof destination !== 'string' || destination.trim() === '') {
		return {
			kind: 'unfetchable',
			destination: '',
			message: l10n.t('The mapping has no on-failure destination, so Lambda keeps no failure records. Set one (SQS, S3, SNS or a Kafka topic) first.'),
		};
	}
	const value = destination.trim();
	if (value.startsWith('kafka://')) {
		const topic = value.slice('kafka://'.length);
		return {
			kind: 'unfetchable',
			destination: value,
			message: l10n.t(
				'Failure records go to the Kafka topic "{0}" on the source cluster; read them with a consumer, e.g. kcat -C -b "$BOOTSTRAP_SERVERS" -t {1} -e (no consumer group, so nothing is committed).',
				topic,
				shellQuote(topic),
			),
		};
	}
	const arn = parseArn(value);
	if (!arn) {
		return { kind: 'unfetchable', destination: value, message: l10n.t('"{0}" is not an ARN or a kafka:// topic.', value) };
	}
	switch (arn.service.value) {
		case 'sqs': {
			const queueName = arn.resource.value;
			if (!QUEUE_NAME.test(queueName) || !/^\d{12}$/.test(arn.account.value) || arn.region.value === '') {
				return { kind: 'unfetchable', destination: value, message: l10n.t('"{0}" is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>).', value) };
			}
			return { kind: 'sqs', arn: value, queueName, accountId: arn.account.value, region: arn.region.value };
		}
		case 's3': {
			const bucket = arn.resource.value;
			if (bucket === '' || bucket.includes('/') || arn.region.value !== '' || arn.account.value !== '') {
				return { kind: 'unfetchable', destination: value, message: l10n.t('"{0}" is not an S3 bucket ARN (arn:aws:s3:::<bucket>).', value) };
			}
			return { kind: 's3', arn: value, bucket };
		}
		case 'sns':
			return {
				kind: 'unfetchable',
				destination: value,
				message: l10n.t(
					'SNS keeps no messages, so the records published to {0} cannot be fetched. Subscribe an SQS queue to the topic (raw message delivery) and fetch from that queue, or use an SQS or S3 destination.',
					arn.resource.value,
				),
			};
		default:
			return {
				kind: 'unfetchable',
				destination: value,
				message: l10n.t(
					"Lambda does not send failure records to {0} ARNs; an event source mapping's destination is an SQS queue, SNS topic, S3 bucket or kafka:// topic.",
					arn.service.value,
				),
			};
	}
}

type Json = Record<string, unknown>;

function sourceAccessTypes(value: unknown): string[] | undefined {
	if (!Array.isArray(value)) {
		return undefined;
	}
	return value.map((entry) => (isObject(entry) ? entry['Type'] : undefined)).filter((t): t is string => typeof t === 'string');
}

/** The destination of a mapping as GetEventSourceMapping returns it. */
export function destinationOfMapping(mapping: Json): DestinationTarget {
	const config = mapping['DestinationConfig'];
	const onFailure = isObject(config) ? config['OnFailure'] : undefined;
	const uuid = mapping['UUID'];
	const eventSourceArn = mapping['EventSourceArn'];
	return {
		source: parseDestination(isObject(onFailure) ? onFailure['Destination'] : undefined),
		mappingUuid: typeof uuid === 'string' && isMappingUuid(uuid) ? uuid : undefined,
		sourceAccessTypes: sourceAccessTypes(mapping['SourceAccessConfigurations']),
		eventSourceArn: typeof eventSourceArn === 'string' ? eventSourceArn : undefined,
	};
}

/**
 * The destination of an open document: a destination config (`{"OnFailure":{"Destination":…}}`)
 * or an ESM request (`DestinationConfig.OnFailure.Destination`, with `UUID` for updates).
 * Undefined when the document is neither.
 */
export function destinationOfDocument(value: unknown): DestinationTarget | undefined {
	if (!isObject(value)) {
		return undefined;
	}
	if ('DestinationConfig' in value || 'UUID' in value || 'FunctionName' in value) {
		return destinationOfMapping(value);
	}
	if ('OnFailure' in value) {
		const onFailure = value['OnFailure'];
		return { source: parseDestination(isObject(onFailure) ? onFailure['Destination'] : undefined) };
	}
	return undefined;
}

/** The S3 prefix Lambda writes a mapping's failure records under; every mapping's when the UUID is unknown. */
export function failurePrefix(mappingUuid: string | undefined): string {
	return mappingUuid ? `aws/lambda/${mappingUuid}/` : 'aws/lambda/';
}

/** The queue URL of an SQS destination (GetQueueUrl, naming the owner account for cross-account queues). */
export async function queueUrlOf(sqs: SQSClient, source: Extract<FetchSource, { kind: 'sqs' }>, abortSignal?: AbortSignal): Promise<string> {
	const result = await sqs.send(new GetQueueUrlCommand({ QueueName: source.queueName, QueueOwnerAWSAccountId: source.accountId }), { abortSignal });
	if (!result.QueueUrl) {
		throw new Error(l10n.t('GetQueueUrl returned no URL for {0}.', source.arn));
	}
	return result.QueueUrl;
}

/**
 * Finds a queue by name in the client's region and the caller's own account (GetQueueUrl without an
 * owner), and names it as a destination ARN would: the account is the URL's first path segment.
 */
export async function queueOfName(
	sqs: SQSClient,
	queueName: string,
	region: string,
	abortSignal?: AbortSignal,
): Promise<{ queueUrl: string; source: Extract<FetchSource, { kind: 'sqs' }> }> {
	const result = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }), { abortSignal });
	const account = result.QueueUrl ? /^https?:\/\/[^/]+\/(\d{12})\//.exec(result.QueueUrl)?.[1] : undefined;
	const arn = `arn:${partitionOf(region)}:sqs:${region}:${account ?? ''}:${queueName}`;
	const source = parseDestination(arn);
	if (!result.QueueUrl || source.kind !== 'sqs') {
		throw new Error(l10n.t('GetQueueUrl returned no usable URL for the queue {0} ({1}).', queueName, result.QueueUrl ?? 'none'));
	}
	return { queueUrl: result.QueueUrl, source };
}

// The queue URL forms SQS has handed out: sqs.<region>.amazonaws.com now, <region>.queue.amazonaws.com
// and queue.amazonaws.com (us-east-1) before; a user may paste any of them from an old script.
const SQS_URL = /^https?:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([A-Za-z0-9_.-]{1,80})\/?$/;
const LEGACY_SQS_URL = /^https?:\/\/(?:([a-z0-9-]+)\.)?queue\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([A-Za-z0-9_.-]{1,80})\/?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The partition of a region, for the ARNs built from what the user typed. */
export function partitionOf(region: string): string {
	return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * What the user typed when asked for a destination. Anything: an ARN, an SQS queue URL or
 * `s3://bucket[/…]`. A bare name means what the command reads: a queue name for SQS (`sqs-name`,
 * to be found with GetQueueUrl in the profile's region and account), a bucket name for S3.
 */
export function parseUserDestination(text: string, wanted: 'sqs' | 's3'): UserDestination {
	const value = text.trim();
	const url = SQS_URL.exec(value) ?? LEGACY_SQS_URL.exec(value);
	if (url) {
		const [, region = 'us-east-1', account, name] = url as unknown as [string, string | undefined, string, string];
		return parseDestination(`arn:${partitionOf(region)}:sqs:${region}:${account}:${name}`);
	}
	const s3 = /^s3:\/\/([^/]+)\/?/.exec(value);
	if (s3) {
		return parseDestination(`arn:aws:s3:::${s3[1]}`);
	}
	if (wanted === 'sqs' && QUEUE_NAME.test(value)) {
		return { kind: 'sqs-name', queueName: value };
	}
	if (wanted === 's3' && BUCKET.test(value) && !value.includes('..')) {
		return parseDestination(`arn:aws:s3:::${value}`);
	}
	return parseDestination(value);
}
