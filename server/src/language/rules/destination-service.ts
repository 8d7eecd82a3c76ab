/**
 * `destination-service`: an ARN destination must name an SQS queue, SNS topic or S3 bucket. The
 * model's pattern accepts any service (`arn:aws:lambda:...` passes), so this is the check that
 * catches Lambda functions and EventBridge buses, which are destinations for asynchronous
 * invocation only, and an MSK cluster ARN where `kafka://<topic>` was meant.
 *
 * @example "arn:aws:lambda:us-east-1:123456789012:function:handler" → error on "lambda"
 */
import * as l10n from '@vscode/l10n';
import { hasOwn } from '../../../../shared/jsonPath';
import { partSpan } from '../../../../shared/arn';
import { arnDestination, isDestinationService } from '../util/destination';
import type { FixDescription } from '../validation/problem';
import type { Rule } from './types';

const ASYNC_ONLY = (): Record<string, string> => ({ lambda: l10n.t('a Lambda function'), events: l10n.t('an EventBridge event bus') });

export const destinationService: Rule = {
	id: 'destination-service',
	kinds: ['destination-config', 'esm-request'],
	description:
		'An on-failure destination ARN whose service is not SQS, SNS or S3 (such as a Lambda function or EventBridge bus, which only asynchronous invocation supports).',
	check(context) {
		const kind = arnDestination(context.kind, context.value);
		if (!kind) {
			return;
		}
		const { site } = kind;
		const service = kind.arn.service.value;
		if (isDestinationService(service)) {
			return;
		}
		const span = partSpan(kind.arn.service, site.value.length);
		const report = (message: string, fixes?: FixDescription[]): void => {
			context.report({ severity: 'error', message, path: site.path, span, ...(fixes ? { fixes } : {}) });
		};
		const lower = service.toLowerCase();
		if (service === '') {
			report(l10n.t('The destination ARN has no service; expected sqs, sns or s3.'));
		} else if (isDestinationService(lower)) {
			report(l10n.t('The service {0} must be written in lower case as {1}; ARN services are case-sensitive.', JSON.stringify(service), lower), [
				{ kind: 'replaceInString', title: l10n.t('Change to {0}', lower), start: span.start, end: span.end, text: lower },
			]);
		} else if (hasOwn(ASYNC_ONLY(), lower)) {
			report(
				l10n.t(
					'The destination is {0} (service {1}): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
					ASYNC_ONLY()[lower],
					JSON.stringify(service),
				),
			);
		} else if (lower === 'kafka') {
			report(l10n.t('The destination is an Amazon MSK ARN (service "kafka"): to send failed records to a topic on the source cluster, write kafka://<topic>.'));
		} else {
			report(
				l10n.t(
					'The service {0} is not a supported destination for an event source mapping: expected an sqs, sns or s3 ARN, or kafka://<topic>.',
					JSON.stringify(service),
				),
			);
		}
	},
};
