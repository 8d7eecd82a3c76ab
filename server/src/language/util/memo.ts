/** The value kept in `map` for `key`, computed and kept there on first use. */
export function memoized<K, V>(map: Map<K, V>, key: K, compute: (key: K) => V): V {
	let value = map.get(key);
	if (value === undefined) {
		value = compute(key);
		map.set(key, value);
	}
	return value;
}
