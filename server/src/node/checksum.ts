/**
 * The project's one non-cryptographic checksum: the code cache's damage check (codeCache.ts) and
 * the schema files' stale-build check (standaloneValidators.ts).
 */
export const CHECKSUM_BYTES = 8;

/**
 * A 64-bit checksum of `bytes` (two 32-bit lanes over 4-byte words). In JavaScript rather than
 * node:crypto's SHA-256: loading node:crypto cost the CLI about 3 ms, more than checking its whole
 * cache this way. Not a defence against anyone.
 */
export function checksum(bytes: Uint8Array): Buffer {
	const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
	const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
	let h1 = 0x811c9dc5 ^ bytes.length;
	let h2 = 0x9e3779b9;
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		h1 = Math.imul(h1 ^ word, 0x01000193);
		h2 = Math.imul(h2 + word, 0x5bd1e995) ^ (h2 >>> 15);
	}
	for (let i = words.length * 4; i < bytes.length; i++) {
		h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
	}
	const sum = Buffer.alloc(CHECKSUM_BYTES);
	sum.writeUInt32LE(h1 >>> 0, 0);
	sum.writeUInt32LE((h2 ^ Math.imul(h1, 0x27d4eb2f)) >>> 0, 4);
	return sum;
}
