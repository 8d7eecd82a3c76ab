/**
 * The kinds of document the language server understands. A document's kind is decided from its
 * content first and its file name second (see `server/src/language/kinds/detectKind.ts`).
 */
import * as l10n from '@vscode/l10n';

export type DocumentKind =
	/** The value of `--destination-config`: `{"OnFailure":{"Destination":"..."}}`. */
	| 'destination-config'
	/** The `--cli-input-json` of create-event-source-mapping or update-event-source-mapping. */
	| 'esm-request'
	/** A failure invocation record Lambda sent to an on-failure destination (SQS, SNS, S3 or Kafka). */
	| 'failure-record'
	/** A bare Lambda Kafka event (`eventSource` `aws:kafka` or `SelfManagedKafka`). */
	| 'kafka-event'
	/** A Terraform file (`.tf`): its `aws_lambda_event_source_mapping` resources that read Kafka. */
	| 'terraform'
	/** A CloudFormation or SAM template (YAML or JSON): its Kafka event source mappings are checked. */
	| 'cfn-template'
	/** Anything else: no diagnostics are produced for it. */
	| 'unknown';

/** How the documents are laid out in one file. */
export type DocumentLayout = 'single' | 'array' | 'json-lines';

/** How editors name each kind (the language status item, completion details). */
export const DOCUMENT_KIND_TITLES = (): Record<DocumentKind, string> => ({
	'destination-config': l10n.t('Destination config'),
	'esm-request': l10n.t('Event source mapping request'),
	'failure-record': l10n.t('Failure record'),
	'kafka-event': l10n.t('Kafka event'),
	terraform: l10n.t('Terraform configuration'),
	'cfn-template': l10n.t('CloudFormation template'),
	unknown: '',
});

/** The VS Code command that opens the Preview Offsets panel (the server's code lenses name it too). */
export const PREVIEW_OFFSETS_COMMAND = 'lambdaKafka.previewOffsets';

/** The VS Code command that checks a mapping's failure path (the server's lens on a destination config or update request names it). */
export const CHECK_FAILURE_DESTINATION_COMMAND = 'lambdaKafka.checkFailureDestination';
