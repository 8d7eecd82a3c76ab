/**
 * `destination-service`: an ARN destination must name an SQS queue, SNS topic or S3 bucket. The
 * model's pattern accepts any service (`arn:aws:lambda:...` passes), so this is the check that
 * catches Lambda functions and EventBridge buses, which are destinations for asynchronous
 * invocation only, and an MSK cluster ARN where `kafka://<topic>` was meant.
 *
 * @example "arn:aws:lambda:us-east-1:123456789012:function:handler" → error on "lambda"
 */
import { hasOwn } from '../../../../shared/jsonPath';
import { partSpan } from '../../../../shared/arn';
import { arnDestination, isDestinationService } from '../util/destination';
import type { FixDescription } from '../validation/problem';
import type { Rule } from './types';

const ASYNC_ONLY: Record<string, string> = { lambda: 'a Lambda function', events: 'an EventBridge event bus' };

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
			report('The destination ARN has no service; expected sqs, sns or s3.');
		} else if (isDestinationService(lower)) {
			report(`The service ${JSON.stringify(service)} must be written in lower case as ${lower}; ARN services are case-sensitive.`, [
				{ kind: 'replaceInString', title: `Change to ${lower}`, start: span.start, end: span.end, text: lower },
			]);
		} else if (hasOwn(ASYNC_ONLY, lower)) {
			report(
				`The destination is ${ASYNC_ONLY[lower]} (service ${JSON.stringify(service)}): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.`,
			);
		} else if (lower === 'kafka') {
			report('The destination is an Amazon MSK ARN (service "kafka"): to send failed records to a topic on the source cluster, write kafka://<topic>.');
		} else {
			report(
				`The service ${JSON.stringify(service)} is not a supported destination for an event source mapping: expected an sqs, sns or s3 ARN, or kafka://<topic>.`,
			);
		}
	},
};
