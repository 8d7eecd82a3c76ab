/**
 * The quick pick items of the fetch commands. Every label is AWS's text (function names and
 * descriptions, topics, ARNs, S3 keys); the commands show them through safeWindow, which makes
 * them inert, and read the picked item's own fields, never its label.
 */
import type { QuickPickItem } from 'vscode';
import type { FunctionSummary, MappingConfiguration } from '../aws/lambdaApi';
import type { FailureObject } from './s3Fetch';

export function functionItem(fn: FunctionSummary): QuickPickItem & { name: string } {
	return { label: fn.name, description: fn.runtime, detail: fn.description, name: fn.name };
}

export function mappingItem(mapping: MappingConfiguration): QuickPickItem & { mapping: MappingConfiguration } {
	const topics = Array.isArray(mapping.Topics) && mapping.Topics.length > 0 ? mapping.Topics.join(', ') : '(no topic)';
	const destination = mapping.DestinationConfig?.OnFailure?.Destination;
	return {
		label: topics,
		description: `${mapping.State ?? 'unknown state'} · ${mapping.UUID ?? '?'}`,
		detail: `On failure → ${destination ? destination : 'no destination'}`,
		mapping,
	};
}

export function objectItem(object: FailureObject, prefix: string): QuickPickItem & { object: FailureObject } {
	const when = object.lastModified ? new Date(object.lastModified).toLocaleString() : 'unknown time';
	return { label: object.key.startsWith(prefix) ? object.key.slice(prefix.length) : object.key, description: `${when} · ${formatBytes(object.size)}`, object };
}

function formatBytes(size: number): string {
	return size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
