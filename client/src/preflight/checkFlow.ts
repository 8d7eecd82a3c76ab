/**
 * The "Check Failure Destination" flow, free of VS Code like apply/applyFlow.ts: pick the mapping
 * (or take the one the document names), read it, lay the document over it when there is one, and
 * ask the shared check (./applyPreflight.ts), which Apply also runs before its confirmation.
 */
import * as l10n from '@vscode/l10n';
import type { PreflightReport, PreflightSources } from '../../../shared/preflight/types';
import type { PickDeps } from '../apply/applyFlow';
import { readMapping } from '../apply/applyFlow';
import { isKafkaMapping } from '../aws/mappingKinds';
import { preflightOf } from './applyPreflight';

export interface CheckDeps extends PickDeps {
	sources: PreflightSources;
	now?: () => Date;
}

export type CheckOutcome = { status: 'checked'; report: PreflightReport } | { status: 'refused' | 'cancelled'; message: string };

export interface CheckRequest {
	/** The mapping to check; asked for with the pickers when absent. */
	uuid?: string;
	/** The parsed destination config or update request to be applied, when checking a document. */
	document?: unknown;
}

export async function checkFailureDestination(deps: CheckDeps, request: CheckRequest = {}): Promise<CheckOutcome> {
	const read = await readMapping(deps, request.uuid);
	if ('status' in read) {
		return read;
	}
	const { uuid, current } = read;
	if (!isKafkaMapping(current)) {
		return {
			status: 'refused',
			message: l10n.t('Event source mapping {0} does not read from Kafka ({1}).', uuid, current.EventSourceArn ?? l10n.t('unknown source')),
		};
	}
	deps.ui.progress({ stage: 'preparing', message: l10n.t('Checking the failure path of {0}…', uuid) });
	const report = await preflightOf(deps.sources, current, deps.target.region, request.document, deps.now?.() ?? new Date());
	return { status: 'checked', report };
}
