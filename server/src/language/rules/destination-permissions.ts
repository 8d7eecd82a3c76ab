/**
 * `destination-permissions`: the function's execution role, as the configuration declares it,
 * must grant what Lambda needs to send failed records to the destination (reference sheet
 * "templates" §2, from the AWS Lambda developer guide pages on capturing discarded batches for
 * Amazon MSK and self-managed Kafka): `sqs:SendMessage` for a queue, `sns:Publish` for a topic,
 * `s3:PutObject` and `s3:ListBucket` for a bucket, and for a `kafka://` topic of an MSK cluster
 * read with IAM authentication `kafka-cluster:Connect`, `kafka-cluster:DescribeTopic` and
 * `kafka-cluster:WriteData` (a self-managed cluster, or one read with SASL/SCRAM or mutual TLS,
 * authorises writes with its own ACLs, not IAM).
 *
 * Silent whenever a grant could exist unseen: a role outside the configuration, a policy the model
 * does not know, a statement built by an intrinsic, a format that adds the permission itself (SAM
 * adds SQS, SNS and S3 send permissions to the role it creates: samtranslator
 * `model/eventsources/pull.py`). A warning, not an error: the deploy succeeds and records are lost
 * later. Format-neutral: it sees only `MappingFacts` and the request (deploymentModel.ts).
 *
 * @example SAM MSK event with OnFailure Type Kafka and no kafka-cluster:WriteData in Policies → warning with a fix
 */
import * as l10n from '@vscode/l10n';
import { eventSourceOf } from '../../../../shared/esmRequest';
import { member, valueAt } from '../../../../shared/jsonPath';
import { classifyDestination } from '../util/destination';
import type { MappingRule, MappingSubject, NeededStatement, PolicyStatementFacts, ResourceService } from '../templates/deploymentModel';
import { isUnknown } from '../templates/deploymentModel';
import { matchesIamPattern } from '../../../../shared/iamPattern';

interface Need {
	service: ResourceService;
	statement: NeededStatement;
	/** The message, naming what the destination is: `role` (quoted) lacks `actions`. */
	message: (role: string, actions: string) => string;
	/** ARNs the statement's resources must cover, when the configuration gives them as literals. */
	arns: readonly string[];
	/** The resource of the configuration the destination is, when it is one. */
	resourceId?: string;
}

const KAFKA_ACTIONS = ['kafka-cluster:Connect', 'kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'];

export const destinationPermissions: MappingRule = {
	id: 'destination-permissions',
	description:
		"The function's execution role, declared in the same template, does not grant what the on-failure destination needs (sqs:SendMessage, sns:Publish, s3:PutObject and s3:ListBucket, or kafka-cluster:WriteData with Connect and DescribeTopic).",
	check(subject, report) {
		const role = subject.facts.role;
		const destination = subject.facts.destination;
		if (role.kind !== 'declared' || !role.complete || !destination) {
			return;
		}
		const need = neededFor(subject);
		if (!need || role.grantedByFormat.includes(need.service)) {
			return;
		}
		const missing = need.statement.actions.filter((action) => !grants(role.statements, action, need));
		if (missing.length === 0) {
			return;
		}
		const fix = role.insertStatement?.(need.statement);
		report({
			severity: 'warning',
			message: need.message(JSON.stringify(role.id), missing.join(', ')),
			path: destination.path,
			...(fix ? { fixes: [fix] } : {}),
		});
	},
};

function neededFor(subject: MappingSubject): Need | undefined {
	const destination = subject.facts.destination;
	const resource = destination?.resource;
	const value = destination ? valueAt(subject.request, destination.path) : undefined;
	if (resource) {
		const need = resource.yields === 'arn' ? needOfService(resource.service, []) : undefined;
		return need && { ...need, resourceId: resource.id };
	}
	if (typeof value !== 'string') {
		return undefined;
	}
	const found = classifyDestination(value);
	if (found.type === 'arn') {
		return needOfService(found.arn.service.value as ResourceService, subject.placeholders.size > 0 ? [] : [value]);
	}
	if (found.type === 'kafka' && readsMskWithIam(subject)) {
		return {
			service: 'kafka',
			message: (role, actions) =>
				l10n.t(
					'The execution role {0} does not grant {1}, which Lambda needs to send failed records to the Kafka topic {2}.',
					role,
					actions,
					JSON.stringify(found.topic),
				),
			statement: { actions: KAFKA_ACTIONS, resources: [{ kind: 'kafka-cluster' }, { kind: 'kafka-topic', topic: found.topic }] },
			arns: [],
		};
	}
	return undefined;
}

function needOfService(service: ResourceService, arns: string[]): Need | undefined {
	switch (service) {
		case 'sqs':
			return {
				service,
				message: (role, actions) =>
					l10n.t('The execution role {0} does not grant {1}, which Lambda needs to send failed records to the SQS queue.', role, actions),
				statement: { actions: ['sqs:SendMessage'], resources: [{ kind: 'destination' }] },
				arns,
			};
		case 'sns':
			return {
				service,
				message: (role, actions) =>
					l10n.t('The execution role {0} does not grant {1}, which Lambda needs to send failed records to the SNS topic.', role, actions),
				statement: { actions: ['sns:Publish'], resources: [{ kind: 'destination' }] },
				arns,
			};
		case 's3':
			return {
				service,
				message: (role, actions) =>
					l10n.t('The execution role {0} does not grant {1}, which Lambda needs to send failed records to the S3 bucket.', role, actions),
				statement: { actions: ['s3:PutObject', 's3:ListBucket'], resources: [{ kind: 'destination' }, { kind: 'destination-objects' }] },
				arns: arns.flatMap((arn) => [arn, `${arn}/*`]),
			};
		default:
			return undefined;
	}
}

/**
 * IAM authorises a Kafka write only on an MSK cluster read with IAM authentication: no
 * SASL/SCRAM or mutual TLS entry in SourceAccessConfigurations. An unknown list may hold one.
 */
function readsMskWithIam(subject: MappingSubject): boolean {
	const source = subject.facts.source === 'unknown' ? eventSourceOf(subject.request).kind : subject.facts.source;
	if (source !== 'msk') {
		return false;
	}
	const configs = member(subject.request, 'SourceAccessConfigurations');
	if (configs === undefined) {
		return true;
	}
	if (!Array.isArray(configs)) {
		return false;
	}
	return configs.every((entry: unknown) => {
		const type = member(entry, 'Type');
		return !isUnknown(entry) && typeof type === 'string' && !/^(SASL_SCRAM_\d+_AUTH|CLIENT_CERTIFICATE_TLS_AUTH)$/.test(type);
	});
}

/**
 * Whether an Allow statement grants `action` on the destination: a literal ARN matched by a
 * pattern, a resource of the configuration named by the statement. What cannot be compared (a
 * pattern against a resource, an unknown resource) counts as granting.
 */
export function grants(statements: readonly PolicyStatementFacts[], action: string, target: { arns: readonly string[]; resourceId?: string }): boolean {
	return statements.some((statement) => statement.effect === 'Allow' && coversAction(statement, action) && coversResources(statement, target));
}

function coversAction(statement: PolicyStatementFacts, action: string): boolean {
	if (!statement.actions) {
		return true;
	}
	const listed = statement.actions.some((pattern) => matchesIamPattern(pattern, action, true));
	return statement.notAction ? !listed : listed;
}

function coversResources(statement: PolicyStatementFacts, target: { arns: readonly string[]; resourceId?: string }): boolean {
	if (!statement.resources) {
		return true;
	}
	return statement.resources.some((resource) => {
		switch (resource.kind) {
			case 'unknown':
				return true;
			case 'resource':
				return target.resourceId === undefined || resource.id === target.resourceId;
			case 'pattern':
				return resource.pattern === '*' || target.arns.length === 0 || target.arns.some((arn) => matchesIamPattern(resource.pattern, arn, false));
		}
	});
}
