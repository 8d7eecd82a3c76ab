/**
 * `destination-region-mismatch`: a soft warning when an SQS, SNS or S3 destination is in another
 * region or partition than the mapping. The mapping's region is the function's (`FunctionName`
 * when it is an ARN), else the event source's (`EventSourceArn`). No AWS document says a
 * destination must be in the mapping's region (facts sheet §1.1: unconfirmed), so this never is
 * an error; partitions, though, are separate, so a cross-partition destination is almost surely a
 * slip. Only well-formed parts are compared; `destination-arn-structure` reports the others.
 *
 * @example FunctionName arn:aws:lambda:us-east-1:..., destination arn:aws:sqs:eu-west-1:... → warning
 */
import * as l10n from '@vscode/l10n';
import type { Arn } from '../../../../shared/arn';
import { isKnownPartition, isModelRegion, isRegionOfPartition, parseArn } from '../../../../shared/arn';
import { arnDestination, isDestinationService } from '../util/destination';
import { member } from '../../../../shared/jsonPath';
import type { Rule } from './types';

export const destinationRegionMismatch: Rule = {
	id: 'destination-region-mismatch',
	kinds: ['esm-request'],
	description:
		'An SQS, SNS or S3 destination in another region or partition than the function or event source (a warning: same-region is not documented as required).',
	check(context) {
		const kind = arnDestination(context.kind, context.value);
		if (!kind || kind.prefixMiscased) {
			return;
		}
		const { site } = kind;
		const destination = kind.arn;
		const service = destination.service.value;
		if (!isDestinationService(service) || !isKnownPartition(destination.partition.value)) {
			return;
		}
		const reference = mappingArn(context.value);
		if (!reference) {
			return;
		}
		const { arn: source, field } = reference;
		if (source.partition.value !== destination.partition.value) {
			context.report({
				severity: 'warning',
				message: l10n.t(
					"The destination's partition {0} differs from the partition {1} of {2}; AWS partitions are separate, so a cross-partition destination is almost surely a mistake.",
					JSON.stringify(destination.partition.value),
					JSON.stringify(source.partition.value),
					field,
				),
				path: site.path,
				span: { start: destination.partition.start, end: destination.partition.end },
			});
			return;
		}
		const region = destination.region.value;
		if (service === 's3' || !isModelRegion(region) || !isRegionOfPartition(region, destination.partition.value)) {
			return;
		}
		if (region !== source.region.value) {
			context.report({
				severity: 'warning',
				message: l10n.t(
					"The destination's region {0} differs from the region {1} of {2}; same-region is not documented as required, but a cross-region destination is unusual.",
					JSON.stringify(region),
					JSON.stringify(source.region.value),
					field,
				),
				path: site.path,
				span: { start: destination.region.start, end: destination.region.end },
			});
		}
	},
};

/** The ARN that shows where the mapping lives: the function's, else the event source's, if well formed. */
function mappingArn(request: Record<string, unknown>): { arn: Arn; field: string } | undefined {
	for (const field of ['FunctionName', 'EventSourceArn']) {
		const text = member(request, field);
		const arn = typeof text === 'string' ? parseArn(text) : undefined;
		if (arn && isModelRegion(arn.region.value) && isRegionOfPartition(arn.region.value, arn.partition.value)) {
			return { arn, field };
		}
	}
	return undefined;
}
