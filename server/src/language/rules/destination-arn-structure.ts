/**
 * `destination-arn-structure`: the parts of an SQS, SNS or S3 destination ARN. SQS queue and SNS
 * topic ARNs need a region of their partition and a 12-digit account; an S3 destination is a
 * bucket ARN, `arn:<partition>:s3:::<bucket>`, with no region, no account and no object key. The
 * partition must be a real one (the model accepts any `aws...`), and the queue, topic or bucket
 * name must follow its service's naming rules. Each problem is marked on the part at fault.
 *
 * This rule also owns the parts of the model's `DestinationArn` pattern that concern these
 * services, such as a region with two trailing digits (`ap-southeast-10`), so that a value the
 * Lambda API rejects gets one diagnostic, on the region.
 *
 * FIFO queues and topics get a warning, not an error: AWS documents them as unsupported for
 * asynchronous invocation records, the only statement on FIFO destinations, and says nothing for
 * event source mappings.
 *
 * @example "arn:aws:s3:::dest-bucket/failures/" → error on "/failures/", fix: strip it
 */
import * as l10n from '@vscode/l10n';
import type { Arn, ArnPart } from '../../../../shared/arn';
import { isAccountId, isKnownPartition, isModelRegion, isRegionOfPartition, PARTITION_NAMES, partitionOfRegion, partSpan } from '../../../../shared/arn';
import { arnDestination, isDestinationService } from '../util/destination';
import { bucketNameProblem, isFifoName, queueOrTopicNameProblem } from '../util/resourceNames';
import type { FixDescription, Severity } from '../validation/problem';
import type { Rule } from './types';

type Report = (severity: Severity, message: string, span: { start: number; end: number }, fixes?: FixDescription[]) => void;

const NOUN = () => ({ sqs: l10n.t('An SQS queue ARN'), sns: l10n.t('An SNS topic ARN'), s3: l10n.t('An S3 bucket ARN') }) as const;
const EXAMPLE = {
	sqs: 'arn:aws:sqs:us-east-1:123456789012:dest-queue',
	sns: 'arn:aws:sns:us-east-1:123456789012:dest-topic',
	s3: 'arn:aws:s3:::dest-bucket',
} as const;

export const destinationArnStructure: Rule = {
	id: 'destination-arn-structure',
	kinds: ['destination-config', 'esm-request'],
	description:
		'An SQS, SNS or S3 destination ARN with an unknown partition, a region or account that is missing, malformed or not allowed, an object key, or an invalid queue, topic or bucket name.',
	check(context) {
		const kind = arnDestination(context.kind, context.value);
		if (!kind) {
			return;
		}
		const { site } = kind;
		const service = kind.arn.service.value;
		if (!isDestinationService(service)) {
			return;
		}
		const report: Report = (severity, message, span, fixes) => {
			context.report({ severity, message, path: site.path, span, ...(fixes ? { fixes } : {}) });
		};
		const length = site.value.length;
		checkPartition(kind.arn.partition, length, report);
		if (service === 's3') {
			checkBucketArn(kind.arn, length, report);
		} else {
			checkRegion(kind.arn, service, length, report);
			checkAccount(kind.arn.account, service, length, report);
			checkQueueOrTopic(kind.arn.resource, service, length, report);
		}
	},
};

function checkPartition(partition: ArnPart, length: number, report: Report): void {
	if (isKnownPartition(partition.value)) {
		return;
	}
	const expected = l10n.t('expected {0} or {1}', PARTITION_NAMES.slice(0, -1).join(', '), PARTITION_NAMES[PARTITION_NAMES.length - 1]);
	const span = partSpan(partition, length);
	if (partition.value === '') {
		report('error', l10n.t('The destination ARN has no partition; {0}.', expected), span);
		return;
	}
	const lower = partition.value.toLowerCase();
	const fixes: FixDescription[] | undefined = isKnownPartition(lower)
		? [{ kind: 'replaceInString', title: l10n.t('Change to {0}', lower), start: span.start, end: span.end, text: lower }]
		: undefined;
	report('error', l10n.t('The partition {0} is not an AWS partition; {1}.', JSON.stringify(partition.value), expected), span, fixes);
}

function checkRegion(arn: Arn, service: 'sqs' | 'sns', length: number, report: Report): void {
	const region = arn.region.value;
	const span = partSpan(arn.region, length);
	if (region === '') {
		report('error', l10n.t('{0} needs a region, as in {1}.', NOUN()[service], EXAMPLE[service]), span);
		return;
	}
	if (!isModelRegion(region)) {
		// Names shaped like regions but with several trailing digits fail only the model's `\d{1}`.
		const message = /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)
			? l10n.t(
					'The region {0} is rejected by the Lambda API, whose destination pattern allows a region name to end in a single digit only.',
					JSON.stringify(region),
				)
			: l10n.t('The region {0} is not a region name; expected one such as us-east-1.', JSON.stringify(region));
		report('error', message, span);
		return;
	}
	const partition = arn.partition.value;
	if (isKnownPartition(partition) && !isRegionOfPartition(region, partition)) {
		const owner = partitionOfRegion(region);
		if (owner) {
			const partitionSpan = partSpan(arn.partition, length);
			report(
				'error',
				l10n.t('The region {0} is not in the partition {1}; it belongs to {2}.', JSON.stringify(region), JSON.stringify(partition), owner),
				span,
				[{ kind: 'replaceInString', title: l10n.t('Change the partition to {0}', owner), start: partitionSpan.start, end: partitionSpan.end, text: owner }],
			);
		} else {
			report('error', l10n.t('The region {0} is not a region of any AWS partition.', JSON.stringify(region)), span);
		}
	}
}

function checkAccount(account: ArnPart, service: 'sqs' | 'sns', length: number, report: Report): void {
	const span = partSpan(account, length);
	if (account.value === '') {
		report('error', l10n.t('{0} needs the 12-digit account ID of its owner, as in {1}.', NOUN()[service], EXAMPLE[service]), span);
	} else if (!isAccountId(account.value)) {
		report('error', l10n.t('The account {0} is not a 12-digit AWS account ID.', JSON.stringify(account.value)), span);
	}
}

function checkQueueOrTopic(resource: ArnPart, service: 'sqs' | 'sns', length: number, report: Report): void {
	const name = resource.value;
	const noun = service === 'sqs' ? 'queue' : 'topic';
	if (name === '') {
		report('error', l10n.t('{0} needs a {1} name after the account ID.', NOUN()[service], noun), partSpan(resource, length));
		return;
	}
	const problem = queueOrTopicNameProblem(name, service);
	if (problem) {
		report(problem.severity, `${problem.message}.`, { start: resource.start + problem.start, end: resource.start + problem.end });
		return;
	}
	if (isFifoName(name)) {
		const plural = service === 'sqs' ? l10n.t('FIFO queues') : l10n.t('FIFO topics');
		report(
			'warning',
			l10n.t(
				'{0} is a FIFO {1}: {2} are documented as unsupported for asynchronous invocation records; whether event source mapping destinations accept them is unconfirmed.',
				JSON.stringify(name),
				noun,
				plural,
			),
			{ start: resource.end - '.fifo'.length, end: resource.end },
		);
	}
}

function checkBucketArn(arn: Arn, length: number, report: Report): void {
	const { region, account, resource } = arn;
	if (region.value !== '' || account.value !== '') {
		const start = region.value !== '' ? region.start : account.start;
		const end = account.value !== '' ? account.end : region.end;
		report('error', l10n.t('An S3 bucket ARN has an empty region and account, as in {0}.', EXAMPLE.s3), { start, end }, [
			{ kind: 'replaceInString', title: l10n.t('Remove the region and account'), start: region.start, end: account.end, text: ':' },
		]);
	}
	const slash = resource.value.indexOf('/');
	const bucket = slash < 0 ? resource.value : resource.value.slice(0, slash);
	if (slash >= 0) {
		report(
			'error',
			l10n.t('The destination must be a bucket ARN, not an object ARN: remove {0} after the bucket name.', JSON.stringify(resource.value.slice(slash))),
			{ start: resource.start + slash, end: resource.end },
			[{ kind: 'replaceInString', title: l10n.t('Remove the object key'), start: resource.start + slash, end: resource.end, text: '' }],
		);
	}
	if (bucket === '') {
		report(
			'error',
			l10n.t('{0} needs a bucket name, as in {1}.', NOUN().s3, EXAMPLE.s3),
			resource.value === '' ? partSpan(resource, length) : { start: resource.start - 1, end: resource.start },
		);
		return;
	}
	const problem = bucketNameProblem(bucket);
	if (problem) {
		report(problem.severity, `${problem.message}.`, { start: resource.start + problem.start, end: resource.start + problem.end });
	}
}
