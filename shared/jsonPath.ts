/** A path into a JSON value: property names and array indexes, from the root. */
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/** A stable string key for a path, used for caches and de-duplication. */
export function pathKey(path: JsonPath): string {
	return JSON.stringify(path);
}

/** Renders a path for messages, e.g. `KafkaBatchInfo.recordsInfo["orders-0"].firstRecordOffset`. */
export function formatPath(path: JsonPath): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') {
			out += `[${segment}]`;
		} else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) {
			out += out === '' ? segment : `.${segment}`;
		} else {
			out += `[${JSON.stringify(segment)}]`;
		}
	}
	return out === '' ? '(document)' : out;
}

/** Turns an Ajv/JSON-Pointer instance path (`/a/0/b~1c`) into a path. Numeric segments become indexes only where the value is an array. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
	if (pointer === '') {
		return [];
	}
	const path: PathSegment[] = [];
	let current: unknown = root;
	for (const raw of pointer.slice(1).split('/')) {
		const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
			const index = Number(segment);
			path.push(index);
			current = current[index];
		} else {
			path.push(segment);
			current = isObject(current) ? current[segment] : undefined;
		}
	}
	return path;
}

/** Reads the value at a path, or undefined. Only own properties are followed. */
export function valueAt(root: unknown, path: JsonPath): unknown {
	let current: unknown = root;
	for (const segment of path) {
		if (typeof segment === 'number') {
			if (!Array.isArray(current)) {
				return undefined;
			}
			current = current[segment];
		} else {
			if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
				return undefined;
			}
			current = current[segment];
		}
	}
	return current;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a JSON object with an own member `key` (keys such as `__proto__` and `constructor` are safe). */
export function hasOwn(value: unknown, key: string): boolean {
	return isObject(value) && Object.prototype.hasOwnProperty.call(value, key);
}

/** The own member `key` of `value`, or undefined. */
export function member(value: unknown, key: string): unknown {
	return hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Whether an object has no own keys; unlike `Object.keys(value).length`, builds no array (rules run once per record). */
export function hasNoOwnKeys(value: Record<string, unknown>): boolean {
	for (const key in value) {
		if (Object.prototype.hasOwnProperty.call(value, key)) {
			return false;
		}
	}
	return true;
}
