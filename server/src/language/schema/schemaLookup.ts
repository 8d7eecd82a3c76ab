/** Finds the sub-schema that describes the value at a path, for hover and completion. */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { Schema } from './schemaRegistry';

/** Follows a local `$ref` (`#/definitions/x`). */
export function resolveRef(root: Schema, schema: Schema): Schema {
	let current = schema;
	for (let i = 0; i < 16 && current.$ref; i++) {
		const ref = current.$ref;
		if (!ref.startsWith('#/')) {
			break;
		}
		let target: unknown = root;
		for (const part of ref.slice(2).split('/')) {
			target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
		}
		if (!target || typeof target !== 'object') {
			break;
		}
		current = target;
	}
	return current;
}

/** The schema of the member `segment` of a value described by `schema`. */
export function childSchema(root: Schema, schema: Schema, segment: string | number): Schema | undefined {
	const parent = resolveRef(root, schema);
	if (typeof segment === 'number') {
		return parent.items ? resolveRef(root, parent.items) : undefined;
	}
	const property = parent.properties && Object.prototype.hasOwnProperty.call(parent.properties, segment) ? parent.properties[segment] : undefined;
	if (property) {
		return resolveRef(root, property);
	}
	for (const [pattern, patternSchema] of Object.entries(parent.patternProperties ?? {})) {
		if (new RegExp(pattern, 'u').test(segment)) {
			return resolveRef(root, patternSchema);
		}
	}
	if (typeof parent.additionalProperties === 'object') {
		return resolveRef(root, parent.additionalProperties);
	}
	return undefined;
}

export function schemaAtPath(root: Schema, path: JsonPath): Schema | undefined {
	let schema: Schema | undefined = resolveRef(root, root);
	for (const segment of path) {
		if (!schema) {
			return undefined;
		}
		schema = childSchema(root, schema, segment);
	}
	return schema;
}

export function typesOf(schema: Schema): string[] {
	if (schema.type) {
		return Array.isArray(schema.type) ? schema.type : [schema.type];
	}
	if (schema.enum) {
		return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
	}
	if (schema.properties || schema.additionalProperties !== undefined) {
		return ['object'];
	}
	return [];
}
