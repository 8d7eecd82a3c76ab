/**
 * The pre-flight check of a mapping's failure path (issue 15): five questions, each answered
 * pass, fail, warn, could not check or not applicable, from reads only. Shared by the command,
 * the apply dialog and the CLI; it knows no SDK, no editor and no Node.js module.
 */
import { checkDestination } from './checkDestination';
import { checkEncryption } from './checkEncryption';
import { checkDelivery, checkDrift } from './checkHistory';
import { checkRole } from './checkRole';
import { accountOf, destinationTarget } from './destinationTarget';
import type { PlannedMapping, PreflightReport, PreflightSources, Verdict } from './types';

export interface PreflightInput {
	functionName: string;
	/** The mapping, or the mapping as the document under review would leave it. */
	mapping: PlannedMapping;
	fromDocument: boolean;
	/** The region of the mapping (keys named by id or alias are looked up there). */
	region: string;
	now: Date;
}

export async function runPreflight(input: PreflightInput, sources: PreflightSources): Promise<PreflightReport> {
	const { mapping } = input;
	const destination = mapping.DestinationConfig?.OnFailure?.Destination ?? '';
	const target = destinationTarget(destination);
	const found = await checkDestination(target, mapping, sources);
	// The role is read once for questions 2 and 3, and only when there is something to deliver to.
	const role = target.kind === 'none' || target.kind === 'unsupported' ? ({ ok: true, value: '' } as const) : await sources.functionRole(input.functionName);
	const rows = [
		found.row,
		await checkRole(target, mapping, role, found.facts, sources),
		await checkEncryption(target, role, found.facts, input.region, sources),
		await checkDelivery(input.functionName, input.now, sources),
		await checkDrift(mappingArnOf(mapping), sources),
	];
	return { functionName: input.functionName, uuid: mapping.UUID ?? '', destination, fromDocument: input.fromDocument, rows };
}

/** The mapping's ARN as the API returns it, or built from its function's partition, region and account. */
export function mappingArnOf(mapping: PlannedMapping): string | undefined {
	if (mapping.EventSourceMappingArn) {
		return mapping.EventSourceMappingArn;
	}
	const fn = accountOf(mapping.FunctionArn);
	return fn && mapping.UUID ? `arn:${fn.partition}:lambda:${fn.region}:${fn.account}:event-source-mapping:${mapping.UUID}` : undefined;
}

/** `fail` if any row fails, else `warn`, `unknown` or `pass`, in that order. */
export function overallVerdict(report: PreflightReport): Verdict {
	for (const verdict of ['fail', 'warn', 'unknown'] as const) {
		if (report.rows.some((r) => r.verdict === verdict)) {
			return verdict;
		}
	}
	return 'pass';
}
