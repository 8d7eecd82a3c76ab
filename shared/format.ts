/** Text formatting both halves use: durations for people, and JSON re-indented without parsing it. */

/** A duration for people: "0 ms", "333 ms", "1.2 s", "3 min 4 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(millis: number): string {
	const ms = Math.round(Math.abs(millis));
	if (ms < 1000) {
		return `${ms} ms`;
	}
	if (ms < 60_000) {
		const seconds = Math.round(ms / 100) / 10;
		return seconds >= 60 ? '1 min' : `${Number.isInteger(seconds) ? seconds.toFixed(0) : seconds.toFixed(1)} s`;
	}
	const totalSeconds = Math.round(ms / 1000);
	const units: [number, string][] = [
		[86_400, 'd'],
		[3_600, 'h'],
		[60, 'min'],
		[1, 's'],
	];
	for (let u = 0; u < units.length - 1; u++) {
		const [size, name] = units[u];
		if (totalSeconds >= size) {
			const [nextSize, nextName] = units[u + 1];
			const major = Math.floor(totalSeconds / size);
			const minor = Math.floor((totalSeconds % size) / nextSize);
			return minor > 0 ? `${major} ${name} ${minor} ${nextName}` : `${major} ${name}`;
		}
	}
	return `${totalSeconds} s`;
}

/**
 * Re-indents valid JSON text without parsing it into values, so numbers keep their exact digits
 * (a 64-bit id is not rounded) and long documents stop at `maxChars` without being copied whole.
 */
export function reindentJson(text: string, maxChars: number): { text: string; truncated: boolean } {
	let out = '';
	let depth = 0;
	let i = 0;
	const newline = (): string => `\n${'  '.repeat(depth)}`;
	while (i < text.length) {
		if (out.length > maxChars) {
			return { text: out.slice(0, maxChars), truncated: true };
		}
		const c = text[i];
		if (c === '"') {
			let j = i + 1;
			while (j < text.length && text[j] !== '"') {
				j += text[j] === '\\' ? 2 : 1;
			}
			out += text.slice(i, j + 1);
			i = j + 1;
			continue;
		}
		if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
			i++;
			continue;
		}
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			let k = i + 1;
			while (k < text.length && /\s/.test(text[k])) {
				k++;
			}
			if (text[k] === close) {
				out += c + close;
				i = k + 1;
				continue;
			}
			depth++;
			out += c + newline();
		} else if (c === '}' || c === ']') {
			depth = Math.max(0, depth - 1);
			out += newline() + c;
		} else if (c === ',') {
			out += `,${newline()}`;
		} else if (c === ':') {
			out += ': ';
		} else {
			out += c;
		}
		i++;
	}
	const truncated = out.length > maxChars;
	return { text: truncated ? out.slice(0, maxChars) : out, truncated };
}
