/**
 * The kinds of document the language server understands. A document's kind is decided from its
 * content first and its file name second (see `server/src/language/kinds/detectKind.ts`).
 */
export type DocumentKind =
	/** The value of `--destination-config`: `{"OnFailure":{"Destination":"..."}}`. */
	| 'destination-config'
	/** The `--cli-input-json` of create-event-source-mapping or update-event-source-mapping. */
	| 'esm-request'
	/** A failure invocation record Lambda sent to an on-failure destination (SQS, SNS, S3 or Kafka). */
	| 'failure-record'
	/** A bare Lambda Kafka event (`eventSource` `aws:kafka` or `SelfManagedKafka`). */
	| 'kafka-event'
	/** Anything else: no diagnostics are produced for it. */
	| 'unknown';

/** How the documents are laid out in one file. */
export type DocumentLayout = 'single' | 'array' | 'json-lines';

