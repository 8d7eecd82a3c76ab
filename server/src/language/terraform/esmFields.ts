/**
 * The arguments of `aws_lambda_event_source_mapping` and the CreateEventSourceMapping member each
 * one becomes, as the AWS provider expands them (hashicorp/terraform-provider-aws,
 * `internal/service/lambda/event_source_mapping.go`; argument reference
 * `website/docs/r/lambda_event_source_mapping.html.markdown`). Nested blocks hold at most one
 * item (`MaxItems: 1`) and become objects, except `source_access_configuration`, `filter`,
 * `access_config` and `schema_validation_config`, which repeat and become lists.
 *
 * Also the hover and completion source: each field says what it is in a few words.
 */
import * as l10n from '@vscode/l10n';

export type FieldType = 'string' | 'number' | 'bool' | 'string-list' | 'string-map';

export type FieldSpec =
	| { api: string; type: FieldType; doc: () => string; values?: readonly string[] }
	/** A nested block: `repeated` ones become a list of objects. */
	| { api: string; block: Record<string, FieldSpec>; repeated?: boolean; doc: () => string };

const SCHEMA_REGISTRY_CONFIG: Record<string, FieldSpec> = {
	schema_registry_uri: {
		api: 'SchemaRegistryURI',
		type: 'string',
		doc: () => l10n.t('The AWS Glue schema registry ARN or the Confluent schema registry URL.'),
	},
	event_record_format: {
		api: 'EventRecordFormat',
		type: 'string',
		doc: () => l10n.t('How Lambda hands validated records to the function.'),
		values: ['JSON', 'SOURCE'],
	},
	access_config: {
		api: 'AccessConfigs',
		repeated: true,
		doc: () => l10n.t('How Lambda authenticates to a Confluent schema registry.'),
		block: {
			type: {
				api: 'Type',
				type: 'string',
				doc: () => l10n.t('The authentication type.'),
				values: ['BASIC_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH', 'SERVER_ROOT_CA_CERTIFICATE'],
			},
			uri: { api: 'URI', type: 'string', doc: () => l10n.t('The Secrets Manager secret ARN holding the credentials.') },
		},
	},
	schema_validation_config: {
		api: 'SchemaValidationConfigs',
		repeated: true,
		doc: () => l10n.t('Which parts of each record to validate against the registry.'),
		block: { attribute: { api: 'Attribute', type: 'string', doc: () => l10n.t('The record part to validate.'), values: ['KEY', 'VALUE'] } },
	},
};

const KAFKA_SOURCE_CONFIG: Record<string, FieldSpec> = {
	consumer_group_id: {
		api: 'ConsumerGroupId',
		type: 'string',
		doc: () => l10n.t('The Kafka consumer group the mapping joins (1-200 characters). Create only.'),
	},
	schema_registry_config: {
		api: 'SchemaRegistryConfig',
		block: SCHEMA_REGISTRY_CONFIG,
		doc: () => l10n.t('A schema registry to validate records with (provisioned mode only).'),
	},
};

/** The resource's arguments that reach the Lambda API, by Terraform name. */
export const ESM_FIELDS: Record<string, FieldSpec> = {
	function_name: { api: 'FunctionName', type: 'string', doc: () => l10n.t('The name or ARN of the function the mapping invokes.') },
	event_source_arn: { api: 'EventSourceArn', type: 'string', doc: () => l10n.t('The Amazon MSK cluster ARN (not for self-managed Kafka). Create only.') },
	topics: { api: 'Topics', type: 'string-list', doc: () => l10n.t('The Kafka topic to read: exactly one. Create only.') },
	starting_position: {
		api: 'StartingPosition',
		type: 'string',
		doc: () => l10n.t('Where a new mapping starts reading. Create only.'),
		values: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'],
	},
	starting_position_timestamp: {
		api: 'StartingPositionTimestamp',
		type: 'string',
		doc: () => l10n.t('With AT_TIMESTAMP: the time to start reading from, in RFC 3339 (Terraform converts it).'),
	},
	batch_size: { api: 'BatchSize', type: 'number', doc: () => l10n.t('The most records per invocation (1-10000; 100 by default for Kafka).') },
	maximum_batching_window_in_seconds: {
		api: 'MaximumBatchingWindowInSeconds',
		type: 'number',
		doc: () => l10n.t('How long to gather records before invoking (0-300 seconds).'),
	},
	enabled: { api: 'Enabled', type: 'bool', doc: () => l10n.t('Whether the mapping polls (true by default).') },
	maximum_retry_attempts: {
		api: 'MaximumRetryAttempts',
		type: 'number',
		doc: () => l10n.t('Retries of a failed batch (-1 for no limit; Kafka: provisioned mode only).'),
	},
	maximum_record_age_in_seconds: {
		api: 'MaximumRecordAgeInSeconds',
		type: 'number',
		doc: () => l10n.t('The oldest record to process (-1, or 60-604800 seconds).'),
	},
	bisect_batch_on_function_error: { api: 'BisectBatchOnFunctionError', type: 'bool', doc: () => l10n.t('Split a failed batch in two and retry each half.') },
	function_response_types: {
		api: 'FunctionResponseTypes',
		type: 'string-list',
		doc: () => l10n.t('ReportBatchItemFailures to report partial batch failures.'),
		values: ['ReportBatchItemFailures'],
	},
	parallelization_factor: { api: 'ParallelizationFactor', type: 'number', doc: () => l10n.t('Kinesis and DynamoDB only.') },
	tumbling_window_in_seconds: { api: 'TumblingWindowInSeconds', type: 'number', doc: () => l10n.t('Kinesis and DynamoDB only.') },
	queues: { api: 'Queues', type: 'string-list', doc: () => l10n.t('Amazon MQ only.') },
	kms_key_arn: { api: 'KMSKeyArn', type: 'string', doc: () => l10n.t('The KMS key that encrypts the filter criteria.') },
	tags: { api: 'Tags', type: 'string-map', doc: () => l10n.t('Tags for the mapping. Create only through the API.') },
	destination_config: {
		api: 'DestinationConfig',
		doc: () => l10n.t('Where failed batches go.'),
		block: {
			on_failure: {
				api: 'OnFailure',
				doc: () => l10n.t('The on-failure destination.'),
				block: {
					destination_arn: {
						api: 'Destination',
						type: 'string',
						doc: () => l10n.t('An SQS queue, SNS topic or S3 bucket ARN, or kafka://<topic> (provider with PR #45802).'),
					},
				},
			},
		},
	},
	self_managed_event_source: {
		api: 'SelfManagedEventSource',
		doc: () => l10n.t('A self-managed Kafka cluster: endpoints = { KAFKA_BOOTSTRAP_SERVERS = "host:port,host:port" }. Create only.'),
		block: { endpoints: { api: 'Endpoints', type: 'string-map', doc: () => l10n.t('KAFKA_BOOTSTRAP_SERVERS: the brokers, comma-separated.') } },
	},
	provisioned_poller_config: {
		api: 'ProvisionedPollerConfig',
		doc: () => l10n.t('Provisioned mode: the event pollers to keep. Needed for a kafka:// destination and Kafka retry settings.'),
		block: {
			minimum_pollers: { api: 'MinimumPollers', type: 'number', doc: () => l10n.t('The fewest pollers (1-200).') },
			maximum_pollers: { api: 'MaximumPollers', type: 'number', doc: () => l10n.t('The most pollers (1-2000), at least minimum_pollers.') },
			poller_group_name: {
				api: 'PollerGroupName',
				type: 'string',
				doc: () => l10n.t('A poller group shared by mappings (up to 128 letters, digits, - and _).'),
			},
		},
	},
	amazon_managed_kafka_event_source_config: {
		api: 'AmazonManagedKafkaEventSourceConfig',
		block: KAFKA_SOURCE_CONFIG,
		doc: () => l10n.t('Settings for an Amazon MSK source.'),
	},
	self_managed_kafka_event_source_config: {
		api: 'SelfManagedKafkaEventSourceConfig',
		block: KAFKA_SOURCE_CONFIG,
		doc: () => l10n.t('Settings for a self-managed Kafka source.'),
	},
	source_access_configuration: {
		api: 'SourceAccessConfigurations',
		repeated: true,
		doc: () => l10n.t('How Lambda reaches and authenticates to the cluster (one block each).'),
		block: {
			type: {
				api: 'Type',
				type: 'string',
				doc: () => l10n.t('The kind of access entry.'),
				values: [
					'BASIC_AUTH',
					'SASL_SCRAM_256_AUTH',
					'SASL_SCRAM_512_AUTH',
					'CLIENT_CERTIFICATE_TLS_AUTH',
					'SERVER_ROOT_CA_CERTIFICATE',
					'VPC_SUBNET',
					'VPC_SECURITY_GROUP',
				],
			},
			uri: { api: 'URI', type: 'string', doc: () => l10n.t('A Secrets Manager secret ARN, subnet:<id> or security_group:<id>.') },
		},
	},
	metrics_config: {
		api: 'MetricsConfig',
		doc: () => l10n.t('Which mapping metrics CloudWatch gets.'),
		block: { metrics: { api: 'Metrics', type: 'string-list', doc: () => l10n.t('The metric groups.'), values: ['EventCount', 'ErrorCount', 'KafkaMetrics'] } },
	},
	logging_config: {
		api: 'LoggingConfig',
		doc: () => l10n.t("The mapping's system logs."),
		block: {
			system_log_level: {
				api: 'SystemLogLevel',
				type: 'string',
				doc: () => l10n.t('The least severe system log level sent.'),
				values: ['DEBUG', 'INFO', 'WARN'],
			},
		},
	},
	scaling_config: {
		api: 'ScalingConfig',
		doc: () => l10n.t('Amazon SQS only.'),
		block: { maximum_concurrency: { api: 'MaximumConcurrency', type: 'number', doc: () => l10n.t('Amazon SQS only.') } },
	},
	filter_criteria: {
		api: 'FilterCriteria',
		doc: () => l10n.t('Event filtering.'),
		block: {
			filter: {
				api: 'Filters',
				repeated: true,
				doc: () => l10n.t('One filter.'),
				block: { pattern: { api: 'Pattern', type: 'string', doc: () => l10n.t('A filter pattern (JSON).') } },
			},
		},
	},
};

/** The Terraform name of each API member name, for messages written in API names. */
export function terraformNames(): Map<string, string> {
	const names = new Map<string, string>();
	const visit = (fields: Record<string, FieldSpec>): void => {
		for (const [name, spec] of Object.entries(fields)) {
			if (!names.has(spec.api)) {
				names.set(spec.api, name);
			}
			if ('block' in spec) {
				visit(spec.block);
			}
		}
	};
	visit(ESM_FIELDS);
	return names;
}
