/**
 * The S3 objects' quick pick items of the fetch commands (functions and mappings are picked with
 * the apply commands' items). Every label is AWS's text (S3 keys); the commands show them through
 * safeWindow, which makes them inert, and read the picked item's own fields, never its label.
 */
import type { QuickPickItem } from 'vscode';
import type { FailureObject } from './s3Fetch';

export function objectItem(object: FailureObject, prefix: string): QuickPickItem & { object: FailureObject } {
	const when = object.lastModified ? new Date(object.lastModified).toLocaleString() : 'unknown time';
	return { label: object.key.startsWith(prefix) ? object.key.slice(prefix.length) : object.key, description: `${when} · ${formatBytes(object.size)}`, object };
}

function formatBytes(size: number): string {
	return size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
