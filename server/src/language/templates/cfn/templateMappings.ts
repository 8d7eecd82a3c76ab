/**
 * The CloudFormation/SAM adapter: finds the Kafka event source mappings of a template and turns
 * each into a mapping subject (deploymentModel.ts).
 *
 * - `AWS::Lambda::EventSourceMapping` (CloudFormation User Guide, resource and property pages):
 *   property names are the API's but for `SelfManagedEventSource.Endpoints.KafkaBootstrapServers`
 *   (API `KAFKA_BOOTSTRAP_SERVERS`) and `Tags` (a list here, left out). A mapping is Kafka when its
 *   `EventSourceArn` is an MSK ARN (or a `Ref`/`GetAtt` of an `AWS::MSK::*Cluster`), or it has a
 *   self-managed source or a Kafka source config.
 * - SAM `AWS::Serverless::Function` events of `Type: MSK` or `SelfManagedKafka` (AWS SAM Developer
 *   Guide, "MSK" and "SelfManagedKafka" event source types; samtranslator
 *   `model/eventsources/pull.py`): `Stream` is `EventSourceArn`, `KafkaBootstrapServers` is
 *   `SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS`, `ConsumerGroupId` and
 *   `SchemaRegistryConfig` go into the source's Kafka config, `DestinationConfig.OnFailure.Type` is
 *   SAM's alone (it picks the permission SAM adds) and is left out.
 */
import * as l10n from '@vscode/l10n';
import { eventSourceOf } from '../../../../../shared/esmRequest';
import type { JsonPath } from '../../../../../shared/jsonPath';
import { hasOwn, isObject, member, pathKey } from '../../../../../shared/jsonPath';
import type { DestinationFacts, MappingFacts, MappingSubject, ReferencedResource, RoleFacts, SourceRange } from '../deploymentModel';

import type { ResourceWriter } from './executionRole';
import { functionRole } from './executionRole';
import type { MappingFormat } from './sourcePaths';
import { cloudFormationKey } from './sourcePaths';
import { RequestBuilder } from './requestBuilder';
import type { Reference } from './resolve';
import { Resolver } from './resolve';
import { resourceTypeInfo } from './resourceTypes';
import type { Pair, ParsedTemplate, Scalar, TemplateNode } from './templateNodes';
import { deref, intrinsicOf, keyRange, memberNode, nodeRange, pairsOf, stringOf } from './templateNodes';
import type { Written } from './templateWriter';
import { nodeText, templateWriter } from './templateWriter';

export const DESTINATION_PATH: JsonPath = ['DestinationConfig', 'OnFailure', 'Destination'];

/** A mapping found in a template: its subject, and where its properties are (hover, completion). */
export interface TemplateMapping {
	subject: MappingSubject;
	format: MappingFormat;
	/** The keys from the template's root to the properties (`Resources`, id, `Properties`...). */
	sourcePrefix: string[];
	/** The properties map node (the ESM's `Properties`, the SAM event's `Properties`). */
	properties: TemplateNode | undefined;
}

export function templateMappings(template: ParsedTemplate): TemplateMapping[] {
	const resolver = new Resolver(template);
	const found: TemplateMapping[] = [];
	for (const { key: id, pair } of pairsOf(resolver.section('Resources'))) {
		const resource = deref(template, pair.value);
		const type = stringOf(memberNode(template, resource, 'Type'));
		if (type === 'AWS::Lambda::EventSourceMapping') {
			const mapping = cloudFormationMapping(resolver, id, pair, resource);
			if (mapping) {
				found.push(mapping);
			}
		} else if (type === 'AWS::Serverless::Function') {
			found.push(...samMappings(resolver, id, resource));
		}
	}
	return found;
}

function cloudFormationMapping(resolver: Resolver, id: string, pair: Pair<Scalar, unknown>, resource: TemplateNode | undefined): TemplateMapping | undefined {
	const template = resolver.template;
	const properties = memberNode(template, resource, 'Properties');
	const anchor = keyRange(pair);
	const builder = new RequestBuilder(
		resolver,
		{
			key: anchor,
			value: properties ? nodeRange(template.text, properties) : anchor,
			keyMapsExactly: false,
			valueMapsExactly: false,
		},
		cloudFormationKey,
	);
	const request: Record<string, unknown> = {};
	builder.copyMembers(request, properties, []);
	const source = kafkaSourceOf(request);
	if (source === undefined) {
		return undefined;
	}
	const functionReference = builder.resolutions.get(pathKey(['FunctionName']))?.reference;
	if (functionReference?.yields === 'name') {
		// The function's name is not an ARN, which is all the request rules ask of it.
		request['FunctionName'] = functionReference.id;
	}
	const functionId = functionReference?.id ?? functionByName(resolver, member(request, 'FunctionName'));
	const resourceWriter = neededResourceWriter(
		resolver,
		memberNode(template, memberNode(template, memberNode(template, properties, 'DestinationConfig'), 'OnFailure'), 'Destination'),
		memberNode(template, properties, 'EventSourceArn'),
	);
	const role: RoleFacts =
		functionId !== undefined
			? functionRole(resolver, functionId, undefined, resourceWriter)
			: typeof request['FunctionName'] === 'string'
				? { kind: 'external' }
				: { kind: 'unknown' };
	return {
		format: 'cloudformation',
		sourcePrefix: ['Resources', id, 'Properties'],
		properties,
		subject: subjectOf(resolver, builder, request, { source, role, anchor, name: `EventSourceMapping ${JSON.stringify(id)}` }),
	};
}

function samMappings(resolver: Resolver, functionId: string, resource: TemplateNode | undefined): TemplateMapping[] {
	const template = resolver.template;
	const events = memberNode(template, memberNode(template, resource, 'Properties'), 'Events');
	const found: TemplateMapping[] = [];
	for (const { key: name, pair } of pairsOf(events)) {
		const event = deref(template, pair.value);
		const type = stringOf(memberNode(template, event, 'Type'));
		if (type !== 'MSK' && type !== 'SelfManagedKafka') {
			continue;
		}
		const properties = memberNode(template, event, 'Properties');
		const anchor = keyRange(pair);
		const builder = new RequestBuilder(resolver, {
			key: anchor,
			value: properties ? nodeRange(template.text, properties) : anchor,
			keyMapsExactly: false,
			valueMapsExactly: false,
		});
		const request = samRequest(builder, resolver, properties, type, functionId);
		const onFailure = memberNode(template, memberNode(template, properties, 'DestinationConfig'), 'OnFailure');
		const resourceWriter = neededResourceWriter(resolver, memberNode(template, onFailure, 'Destination'), memberNode(template, properties, 'Stream'));
		const role = functionRole(resolver, functionId, stringOf(memberNode(template, onFailure, 'Type')), resourceWriter);
		const source = type === 'MSK' ? 'msk' : 'self-managed';
		found.push({
			format: type === 'MSK' ? 'sam-msk' : 'sam-self-managed',
			sourcePrefix: ['Resources', functionId, 'Properties', 'Events', name, 'Properties'],
			properties,
			subject: subjectOf(resolver, builder, request, {
				source,
				role,
				anchor,
				name: l10n.t('event {0} of function {1}', JSON.stringify(name), JSON.stringify(functionId)),
			}),
		});
	}
	return found;
}

/** SAM's event properties in the API's shapes (see the header). */
function samRequest(
	builder: RequestBuilder,
	resolver: Resolver,
	properties: TemplateNode | undefined,
	type: 'MSK' | 'SelfManagedKafka',
	functionId: string,
): Record<string, unknown> {
	const request: Record<string, unknown> = { FunctionName: functionId };
	const configKey = type === 'MSK' ? 'AmazonManagedKafkaEventSourceConfig' : 'SelfManagedKafkaEventSourceConfig';
	for (const { key, pair } of pairsOf(properties)) {
		if (key === 'Stream' || key === 'KmsKeyArn') {
			builder.copyMember(request, pair, [key === 'Stream' ? 'EventSourceArn' : 'KMSKeyArn'], false);
		} else if (key === 'KafkaBootstrapServers') {
			const endpoints: Record<string, unknown> = {};
			request['SelfManagedEventSource'] = { Endpoints: endpoints };
			const entry = { key: keyRange(pair), value: valueRange(resolver, pair), keyMapsExactly: false, valueMapsExactly: false };
			builder.record(['SelfManagedEventSource'], entry);
			builder.record(['SelfManagedEventSource', 'Endpoints'], entry);
			builder.copyMember(endpoints, pair, ['SelfManagedEventSource', 'Endpoints', 'KAFKA_BOOTSTRAP_SERVERS'], false);
		} else if (key === 'ConsumerGroupId' || key === 'SchemaRegistryConfig') {
			const config = isObject(request[configKey]) ? request[configKey] : {};
			request[configKey] = config;
			builder.record([configKey], { key: keyRange(pair), value: valueRange(resolver, pair), keyMapsExactly: false, valueMapsExactly: false });
			builder.copyMember(config, pair, [configKey, key], true);
		} else if (key === 'DestinationConfig') {
			builder.copyMember(request, pair, ['DestinationConfig'], true);
			const onFailure = member(request['DestinationConfig'], 'OnFailure');
			if (isObject(onFailure)) {
				delete onFailure['Type'];
			}
		} else {
			builder.copyMember(request, pair, [key], true);
		}
	}
	return request;
}

function valueRange(resolver: Resolver, pair: Pair<Scalar, unknown>): SourceRange {
	const node = deref(resolver.template, pair.value);
	return node ? nodeRange(resolver.template.text, node) : keyRange(pair);
}

/** Whether a CloudFormation mapping reads Kafka, and which kind; undefined when it does not. */
function kafkaSourceOf(request: Record<string, unknown>): MappingFacts['source'] | undefined {
	if (hasOwn(request, 'SelfManagedEventSource') && hasOwn(member(member(request, 'SelfManagedEventSource'), 'Endpoints'), 'KAFKA_BOOTSTRAP_SERVERS')) {
		return 'self-managed';
	}
	const source = eventSourceOf(request).kind;
	if (source === 'msk' || hasOwn(request, 'AmazonManagedKafkaEventSourceConfig')) {
		return 'msk';
	}
	if (source === 'other') {
		return undefined;
	}
	return hasOwn(request, 'SelfManagedKafkaEventSourceConfig') ? 'self-managed' : undefined;
}

/** The function resource whose `FunctionName` property is this literal name. */
function functionByName(resolver: Resolver, name: unknown): string | undefined {
	if (typeof name !== 'string') {
		return undefined;
	}
	for (const [key] of resolver.resources()) {
		const type = resolver.resourceType(key);
		if ((type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function') && stringOf(resolver.resourceProperty(key, 'FunctionName')) === name) {
			return key;
		}
	}
	return undefined;
}

function subjectOf(resolver: Resolver, builder: RequestBuilder, request: Record<string, unknown>, facts: Omit<MappingFacts, 'destination'>): MappingSubject {
	const destination: DestinationFacts | undefined = hasOwn(member(member(request, 'DestinationConfig'), 'OnFailure'), 'Destination')
		? { path: DESTINATION_PATH }
		: undefined;
	const reference = builder.resolutions.get(pathKey(DESTINATION_PATH))?.reference;
	if (destination && reference) {
		destination.resource = referencedResource(resolver, reference);
	}
	return {
		request,
		locator: builder,
		writer: templateWriter(resolver.template),
		placeholders: builder.placeholders,
		facts: { ...facts, ...(destination ? { destination } : {}) },
	};
}

function referencedResource(resolver: Resolver, reference: Reference): ReferencedResource {
	const template = resolver.template;
	const info = resourceTypeInfo(reference.type);
	const expression = truncate(nodeText(template, reference.node));
	const resource: ReferencedResource = { id: reference.id, type: reference.type, service: info.service, yields: reference.yields, expression };
	const direct = intrinsicOf(template, reference.node)?.name;
	if ((direct === 'Ref' || direct === 'Fn::GetAtt') && (reference.yields === 'url' || reference.yields === 'name') && info.attributes['Arn'] === 'arn') {
		const range = nodeRange(template.text, reference.node);
		const newText = template.json ? `{"Fn::GetAtt": [${JSON.stringify(reference.id)}, "Arn"]}` : `!GetAtt ${reference.id}.Arn`;
		resource.arnFix = { title: l10n.t('Use the ARN: {0}', newText), edits: [{ ...range, newText }] };
	}
	return resource;
}

function truncate(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * How the permission fix writes the resources a statement needs, from the mapping's own
 * expressions: the destination and the cluster as written; a bucket's objects as its ARN and
 * `/*`; a topic of the cluster from a literal cluster ARN, else any cluster's topic of that name
 * in the stack's account and region.
 */
function neededResourceWriter(resolver: Resolver, destination: TemplateNode | undefined, cluster: TemplateNode | undefined): ResourceWriter {
	const template = resolver.template;
	const json = template.json;
	const expression = (node: TemplateNode): Written => (intrinsicOf(template, node) ? { expression: nodeText(template, node) } : String(stringOf(node)));
	return (statement) => {
		const written: Written[] = [];
		for (const resource of statement.resources) {
			const node = resource.kind === 'kafka-cluster' || resource.kind === 'kafka-topic' ? cluster : destination;
			if (!node || (!intrinsicOf(template, node) && stringOf(node) === undefined)) {
				return undefined;
			}
			if (resource.kind === 'destination' || resource.kind === 'kafka-cluster') {
				written.push(expression(node));
			} else if (resource.kind === 'destination-objects') {
				written.push(objectsOf(template.json, node, stringOf(node), expression(node)));
			} else {
				written.push(topicArn(json, stringOf(node), resource.topic));
			}
		}
		return written;
	};
}

function objectsOf(json: boolean, node: TemplateNode, literal: string | undefined, expression: Written): Written {
	if (literal !== undefined) {
		return `${literal}/*`;
	}
	const getAtt = node.tag === '!GetAtt' && typeof (node as { value?: unknown }).value === 'string' ? String((node as { value?: unknown }).value) : undefined;
	if (getAtt) {
		return { expression: json ? `{"Fn::Sub": "\${${getAtt}}/*"}` : `!Sub "\${${getAtt}}/*"` };
	}
	const inner = (expression as { expression: string }).expression;
	return { expression: json ? `{"Fn::Join": ["", [${inner}, "/*"]]}` : `!Join ["", [${inner}, "/*"]]` };
}

function topicArn(json: boolean, clusterArn: string | undefined, topic: string): Written {
	const match = clusterArn === undefined ? null : /^(arn:[^:]+:kafka:[^:]*:[^:]*:)cluster\/([^/]+)\/([^/]+)$/.exec(clusterArn);
	if (match) {
		return `${match[1]}topic/${match[2]}/${match[3]}/${topic}`;
	}
	const sub = `arn:\${AWS::Partition}:kafka:\${AWS::Region}:\${AWS::AccountId}:topic/*/*/${topic}`;
	return { expression: json ? `{"Fn::Sub": ${JSON.stringify(sub)}}` : `!Sub "${sub}"` };
}
