/**
 * Where the field an AWS validation error names sits in the document, so the editor can
 * highlight it. AWS names fields in its own casing (`destinationConfig.onFailure.destination`);
 * a destination config has no `DestinationConfig` level, so that prefix is dropped for it.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { DocumentKind } from '../../../shared/documentKinds';
import { fieldToJsonPath } from '../aws/errors';

export interface TextRange {
	start: number;
	end: number;
}

/** The range of the value at `field`, else of its closest existing parent's value; undefined when none is found. */
export function locateField(text: string, kind: DocumentKind, field: string): TextRange | undefined {
	const root = parseTree(text);
	if (!root) {
		return undefined;
	}
	let path = fieldToJsonPath(field);
	if (kind === 'destination-config' && path[0] === 'DestinationConfig') {
		path = path.slice(1);
	}
	for (let length = path.length; length > 0; length--) {
		const node = findNodeAtLocation(root, path.slice(0, length));
		if (node) {
			// Highlight the whole member (key and value) when there is one.
			const target = node.parent?.type === 'property' ? node.parent : node;
			return { start: target.offset, end: target.offset + target.length };
		}
	}
	return undefined;
}
