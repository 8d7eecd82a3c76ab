/**
 * Reading failure records from an S3 destination. Lambda writes each record as one object under
 * `aws/lambda/<mapping UUID>/` (facts sheet §3.4), so the listing is that prefix, every page,
 * newest first; the user then picks which objects to open.
 */
import * as l10n from '@vscode/l10n';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';

export interface FailureObject {
	key: string;
	size: number;
	/** ISO 8601. */
	lastModified?: string;
}

export interface ListOptions {
	abortSignal?: AbortSignal;
	/** Stop after this many objects (default 10000); `truncated` then says more exist. */
	maxObjects?: number;
	onPage?: (listed: number) => void;
	/** Keys per ListObjectsV2 page (S3's default and maximum is 1000). */
	pageSize?: number;
}

export interface FailureListing {
	objects: FailureObject[];
	/** More objects exist than were listed. */
	truncated: boolean;
	pages: number;
}

/** Lists every object under `prefix` (all pages), newest first, ties by key descending. */
export async function listFailureObjects(s3: S3Client, bucket: string, prefix: string, options: ListOptions = {}): Promise<FailureListing> {
	const max = options.maxObjects ?? 10_000;
	const objects: FailureObject[] = [];
	let token: string | undefined;
	let pages = 0;
	let truncated = false;
	do {
		const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: options.pageSize }), {
			abortSignal: options.abortSignal,
		});
		pages++;
		for (const object of page.Contents ?? []) {
			if (object.Key === undefined || object.Key.endsWith('/')) {
				continue;
			}
			if (objects.length >= max) {
				truncated = true;
				break;
			}
			objects.push({ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified?.toISOString() });
		}
		options.onPage?.(objects.length);
		token = page.IsTruncated ? page.NextContinuationToken : undefined;
		if (truncated) {
			break;
		}
	} while (token);
	objects.sort((a, b) => compare(b.lastModified ?? '', a.lastModified ?? '') || compare(b.key, a.key));
	return { objects, truncated: truncated || token !== undefined, pages };
}

/** Objects larger than this are not opened in the editor. */
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

/** The object's body as UTF-8 text. Refuses objects above `maxBytes`. */
export async function getObjectText(
	s3: S3Client,
	bucket: string,
	key: string,
	options: { abortSignal?: AbortSignal; maxBytes?: number } = {},
): Promise<string> {
	const maxBytes = options.maxBytes ?? MAX_OBJECT_BYTES;
	const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: options.abortSignal });
	if (result.ContentLength !== undefined && result.ContentLength > maxBytes) {
		// Drain nothing: destroying the stream frees the connection.
		(result.Body as { destroy?: () => void } | undefined)?.destroy?.();
		throw new Error(l10n.t('s3://{0}/{1} is {2} bytes, more than the {3} bytes the editor opens.', bucket, key, result.ContentLength, maxBytes));
	}
	if (!result.Body) {
		return '';
	}
	return result.Body.transformToString('utf-8');
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
