/**
 * Realistic sample failure records for the demo: SQS records carry metadata only, S3 records add
 * the whole Kafka event as `payload` (aws-facts §3). Shapes follow test/fixtures/records.
 */
import { ACCOUNT_ID } from './httpUtil';

/** A Kafka record as it appears inside a Lambda Kafka event. */
interface KafkaRecord {
	topic: string;
	partition: number;
	offset: number;
	timestamp: number;
	timestampType: 'CREATE_TIME' | 'LOG_APPEND_TIME';
	key?: string;
	value: string;
	headers: Array<Record<string, number[]>>;
}

/** What one failed batch looked like, enough to write its record in either form. */
export interface FailedBatch {
	requestId: string;
	functionArn: string;
	condition: 'RetryAttemptsExhausted' | 'MaximumPayloadSizeExceeded';
	approximateInvokeCount: number;
	/** ISO-8601 with milliseconds, when Lambda gave up. */
	timestamp: string;
	/** MSK cluster ARN; left out for self-managed Kafka, where its content is UNCONFIRMED (facts §8.5). */
	eventSourceArn?: string;
	bootstrapServers: string;
	records: KafkaRecord[];
}

/** Kafka header values arrive as signed bytes (−128..127). */
export function kafkaHeader(name: string, value: string): Record<string, number[]> {
	return { [name]: [...Buffer.from(value, 'utf8')].map((b) => (b > 127 ? b - 256 : b)) };
}

/** A Kafka record with a JSON value and optional string key, base64-encoded as Lambda delivers them. */
export function kafkaRecord(
	topic: string,
	partition: number,
	offset: number,
	timestamp: string,
	value: object,
	key?: string,
	headers: Array<Record<string, number[]>> = [kafkaHeader('content-type', 'application/json')],
): KafkaRecord {
	return {
		topic,
		partition,
		offset,
		timestamp: Date.parse(timestamp),
		timestampType: 'CREATE_TIME',
		...(key !== undefined ? { key: Buffer.from(key, 'utf8').toString('base64') } : {}),
		value: Buffer.from(JSON.stringify(value), 'utf8').toString('base64'),
		headers,
	};
}

/** The failure record Lambda sends to an SQS or SNS destination (metadata only). */
export function metadataRecord(batch: FailedBatch): Record<string, unknown> {
	const payloadSize = Buffer.byteLength(JSON.stringify(kafkaEvent(batch)), 'utf8');
	return {
		requestContext: {
			requestId: batch.requestId,
			functionArn: batch.functionArn,
			condition: batch.condition,
			approximateInvokeCount: batch.approximateInvokeCount,
		},
		// Null when the batch never reached the function (facts §3.3).
		responseContext: batch.condition === 'MaximumPayloadSizeExceeded' ? null : { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
		version: '1.0',
		timestamp: batch.timestamp,
		KafkaBatchInfo: {
			batchSize: batch.records.length,
			...(batch.eventSourceArn ? { eventSourceArn: batch.eventSourceArn } : {}),
			bootstrapServers: batch.bootstrapServers,
			payloadSize,
			recordsInfo: recordsInfo(batch.records),
		},
	};
}

/** The failure record Lambda writes to an S3 destination: metadata plus the event as `payload`. */
export function s3Record(batch: FailedBatch, payloadAs: 'string' | 'object'): Record<string, unknown> {
	const event = kafkaEvent(batch);
	return { ...metadataRecord(batch), payload: payloadAs === 'string' ? JSON.stringify(event) : event };
}

/**
 * The S3 key, following the layout documented for Kinesis with `<topic>-<partition>` in place of
 * the shard ID; the Kafka layout itself is UNCONFIRMED (facts §3.4).
 */
export function s3Key(mappingUuid: string, batch: FailedBatch, objectUuid: string): string {
	const first = batch.records[0];
	const [date, time] = batch.timestamp.slice(0, 19).split('T');
	return `aws/lambda/${mappingUuid}/${first.topic}-${first.partition}/${date.replace(/-/g, '/')}/${date}T${time.replace(/:/g, '.')}-${objectUuid}`;
}

/** An ARN in the demo account. */
export function demoArn(service: string, region: string, resource: string): string {
	return service === 's3' ? `arn:aws:s3:::${resource}` : `arn:aws:${service}:${region}:${ACCOUNT_ID}:${resource}`;
}

function kafkaEvent(batch: FailedBatch): Record<string, unknown> {
	const records: Record<string, KafkaRecord[]> = {};
	for (const record of batch.records) {
		(records[`${record.topic}-${record.partition}`] ??= []).push(record);
	}
	return {
		eventSource: batch.eventSourceArn ? 'aws:kafka' : 'SelfManagedKafka',
		...(batch.eventSourceArn ? { eventSourceArn: batch.eventSourceArn } : {}),
		bootstrapServers: batch.bootstrapServers,
		records,
	};
}

function recordsInfo(records: KafkaRecord[]): Record<string, Record<string, string>> {
	const info: Record<string, Record<string, string>> = {};
	for (const record of records) {
		const key = `${record.topic}-${record.partition}`;
		const at = new Date(record.timestamp).toISOString();
		const entry = info[key];
		if (!entry) {
			// Offsets are decimal strings in every documented record (facts §6).
			info[key] = { firstRecordOffset: String(record.offset), lastRecordOffset: String(record.offset), firstRecordTimestamp: at, lastRecordTimestamp: at };
		} else {
			entry.lastRecordOffset = String(record.offset);
			entry.lastRecordTimestamp = at;
		}
	}
	return info;
}
