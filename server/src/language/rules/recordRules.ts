/** The rules for failure records and Kafka events (including the payload of S3 records). */
import { base64Value } from './base64-value';
import { batchConsistency } from './batch-consistency';
import { batchSizeOffsets } from './batch-size-offsets';
import { bootstrapServers } from './bootstrap-servers';
import { conditionValue } from './condition-value';
import { duplicatePartitionRange } from './duplicate-partition-range';
import { eventSourceArn } from './event-source-arn';
import { offsetRange } from './offset-range';
import { payloadLocation } from './payload-location';
import { payloadSize } from './payload-size';
import { recordKeyMatch } from './record-key-match';
import { recordOffset } from './record-offset';
import { recordsInfoPresence } from './records-info-presence';
import { responseContext } from './response-context';
import { timestampOrder } from './timestamp-order';
import { topicPartitionKey } from './topic-partition-key';
import type { Rule } from './types';

export const RECORD_RULES: readonly Rule[] = [
	// Failure records.
	conditionValue,
	responseContext,
	recordsInfoPresence,
	topicPartitionKey,
	offsetRange,
	timestampOrder,
	duplicatePartitionRange,
	batchSizeOffsets,
	payloadSize,
	payloadLocation,
	batchConsistency,
	// Both kinds (topic-partition-key above also checks Kafka events).
	bootstrapServers,
	eventSourceArn,
	// Kafka events, bare or as a failure record's payload.
	recordKeyMatch,
	recordOffset,
	base64Value,
];
