/**
 * The rules for destination configs and event source mapping requests, in reading order: the
 * request as a whole, its source topic and access types, then its destination (form, service,
 * ARN parts, region, Kafka topic and what a Kafka topic needs), then retry and poller settings,
 * then fields for other sources.
 */
import { createOnlyField } from './create-only-field';
import { createRequiredFields } from './create-required-fields';
import { destinationArnStructure } from './destination-arn-structure';
import { destinationFormat } from './destination-format';
import { destinationRegionMismatch } from './destination-region-mismatch';
import { destinationService } from './destination-service';
import { infiniteRetriesCapped } from './infinite-retries-capped';
import { kafkaDestinationRequirements } from './kafka-destination-requirements';
import { kafkaTopicName } from './kafka-topic-name';
import { kafkaUnsupportedField } from './kafka-unsupported-field';
import { onSuccessUnsupported } from './on-success-unsupported';
import { pollerRange } from './poller-range';
import { provisionedModeRequired } from './provisioned-mode-required';
import { recordAgeRange } from './record-age-range';
import { sourceAccessType } from './source-access-type';
import { sourceTopicName } from './source-topic-name';
import type { Rule } from './types';

export const CONFIG_RULES: readonly Rule[] = [
	createRequiredFields,
	createOnlyField,
	sourceTopicName,
	sourceAccessType,
	onSuccessUnsupported,
	destinationFormat,
	destinationService,
	destinationArnStructure,
	destinationRegionMismatch,
	kafkaTopicName,
	kafkaDestinationRequirements,
	recordAgeRange,
	pollerRange,
	provisionedModeRequired,
	infiniteRetriesCapped,
	kafkaUnsupportedField,
];
