/**
 * Checks a document against the event source mapping it is about to change. A destination config
 * or an update request says nothing of the mapping's source, topic or poller mode, so the rules
 * that relate those fields cannot run on the document alone. Here the configuration the mapping
 * will have after the update is built (its create-time fields and current settings, overlaid with
 * the document's fields), validated as a create request, and compared with the mapping as it is:
 * only the rule problems the change introduces are returned. Schema problems are left out, since
 * a GetEventSourceMapping response is not a request and AWS has accepted it already.
 */
import * as l10n from '@vscode/l10n';
import type { CheckAgainstMappingResult, MappingProblem } from '../../../../shared/protocol';
import { isObject } from '../../../../shared/jsonPath';
import { REQUEST_FIELDS } from '../../../../shared/esmRequest';
import { RULES } from '../rules';
import { noPollersMessage, onDemandMessage } from '../rules/kafka-destination-requirements';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import type { ValidateOptions } from '../validation/pipeline';
import { analyzeDocument } from '../validation/pipeline';
import type { LocatedProblem } from '../validation/problem';

/**
 * The request members a mapping's configuration is projected onto: every request member
 * (shared/esmRequest.ts) but the ones Get does not return as the request wrote them. `UUID` names
 * the mapping rather than configuring it; `StartingPositionTimestamp` and `Tags` matter to no
 * combination rule and Get returns them in other shapes; `Enabled` comes back as `State`.
 */
const NOT_PROJECTED = new Set(['UUID', 'StartingPositionTimestamp', 'Tags', 'Enabled']);
export const MAPPING_REQUEST_FIELDS: readonly string[] = REQUEST_FIELDS.filter((field) => !NOT_PROJECTED.has(field));

const RULE_IDS = new Set(RULES.map((rule) => rule.id));

/**
 * @param documentText the text of a destination config or an update request
 * @param mapping GetEventSourceMapping's response as plain JSON
 * @param options how the document itself is analysed (file name, language id), and the schemas
 */
export function checkAgainstMapping(documentText: string, mapping: unknown, options: ValidateOptions): CheckAgainstMappingResult {
	if (!isObject(mapping)) {
		return { problems: [], unavailable: l10n.t('The mapping is not a JSON object.') };
	}
	const document = analyzeDocument(documentText, options);
	const value = document.layout === 'single' ? document.units.at(0)?.value : undefined;
	if (!isObject(value) || (document.kind !== 'destination-config' && document.kind !== 'esm-request')) {
		return { problems: [], unavailable: l10n.t('The document is neither a destination config nor an event source mapping update request.') };
	}
	if (document.kind === 'esm-request' && document.requestMode !== 'update') {
		return { problems: [], unavailable: l10n.t('A create request does not change an existing mapping.') };
	}
	const update: Record<string, unknown> = document.kind === 'destination-config' ? { DestinationConfig: value } : withoutKey(value, 'UUID');

	const before = mappingAsCreateRequest(mapping);
	const after = overlay(before, update);
	const known = new Set([...rulesProblems(before, options.registry).map(signature), ...document.problems.map(signature)]);
	const problems: MappingProblem[] = [];
	for (const problem of rulesProblems(after, options.registry)) {
		const key = signature(problem);
		if (!known.has(key)) {
			known.add(key);
			const message = document.kind === 'destination-config' ? forDestinationConfig(problem.message, mapping['UUID']) : problem.message;
			problems.push({ code: problem.code, severity: problem.severity, message });
		}
	}
	return { problems };
}

/**
 * The rules judge the configuration after the change as a create request, so their advice to set
 * pollers means "add ProvisionedPollerConfig to this document", which a destination config cannot
 * hold. For one, the advice becomes how to switch the mapping itself to provisioned mode first
 * (facts sheet §1.4: a kafka:// destination needs provisioned mode; §2: a mapping is on demand until
 * an update gives it ProvisionedPollerConfig, whose MinimumPollers starts at 1 [S8]).
 */
function forDestinationConfig(message: string, uuid: unknown): string {
	if (message !== noPollersMessage() && message !== onDemandMessage()) {
		return message;
	}
	const request = `{"UUID": ${JSON.stringify(typeof uuid === 'string' ? uuid : '<uuid>')}, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 2}}`;
	return (
		l10n.t('A kafka:// destination requires provisioned mode, and this mapping is in on-demand mode, which a destination config cannot change: ') +
		l10n.t(
			"first send an update request such as {0} (aws lambda update-event-source-mapping, or this extension's Apply Destination Config to Event Source Mapping on that request).",
			request,
		)
	);
}

/** The mapping's configuration as a create request: request members only, nulls dropped. */
export function mappingAsCreateRequest(mapping: Record<string, unknown>): Record<string, unknown> {
	const request: Record<string, unknown> = {};
	for (const field of MAPPING_REQUEST_FIELDS) {
		const member = Object.prototype.hasOwnProperty.call(mapping, field) ? withoutNulls(mapping[field]) : undefined;
		if (member !== undefined) {
			request[field] = member;
		}
	}
	if (request['FunctionName'] === undefined && typeof mapping['FunctionArn'] === 'string') {
		request['FunctionName'] = mapping['FunctionArn'];
	}
	const destination = destinationOf(request['DestinationConfig']);
	if (destination === undefined || destination === '') {
		// Get reports a mapping without destination as `{"OnFailure":{}}` or with an empty string.
		delete request['DestinationConfig'];
	}
	return request;
}

/** The configuration after an update: top-level members are replaced whole, as UpdateEventSourceMapping does. */
function overlay(before: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
	const after: Record<string, unknown> = { ...before };
	for (const [key, member] of Object.entries(update)) {
		after[key] = member;
	}
	if (destinationOf(after['DestinationConfig']) === '' && isObject(after['DestinationConfig'])) {
		// `""` removes the destination: afterwards the mapping has none.
		const { OnFailure: _removed, ...rest } = after['DestinationConfig'];
		if (Object.keys(rest).length > 0) {
			after['DestinationConfig'] = rest;
		} else {
			delete after['DestinationConfig'];
		}
	}
	return after;
}

function rulesProblems(request: Record<string, unknown>, registry: SchemaRegistry): LocatedProblem[] {
	const analysis = analyzeDocument(JSON.stringify(request, null, 2), { fileName: 'mapping.esm.json', languageId: 'json', registry });
	return analysis.problems.filter((problem) => RULE_IDS.has(problem.code));
}

function signature(problem: { code: string; message: string }): string {
	return `${problem.code}\u0000${problem.message}`;
}

function destinationOf(config: unknown): unknown {
	if (!isObject(config) || !isObject(config['OnFailure'])) {
		return undefined;
	}
	return config['OnFailure']['Destination'];
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
	const copy = { ...value };
	delete copy[key];
	return copy;
}

function withoutNulls(value: unknown): unknown {
	if (value === null) {
		return undefined;
	}
	if (Array.isArray(value)) {
		return value.map(withoutNulls).filter((item) => item !== undefined);
	}
	if (isObject(value)) {
		const result: Record<string, unknown> = {};
		for (const [key, member] of Object.entries(value)) {
			const cleaned = withoutNulls(member);
			if (cleaned !== undefined) {
				result[key] = cleaned;
			}
		}
		return result;
	}
	return value;
}
