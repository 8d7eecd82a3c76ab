/**
 * The log the AWS code writes to: VS Code's LogOutputChannel in the extension, a memory array in
 * tests. Every line passes through {@link redactSecrets} first, so a secret that slips into an
 * error message (a signed header, a session token, a key pair from a misconfigured profile) is
 * never written out.
 */

/** The subset of `vscode.LogOutputChannel` the AWS code uses; a LogOutputChannel is one. */
export interface Logger {
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

/** A logger that writes nowhere. */
export const SILENT_LOGGER: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

// The log stays English (l10n-ignore): its markers are what a scan for secrets looks for.
const SECRET_PATTERNS: [RegExp, string][] = [
	// A SigV4 Authorization header, with or without its name (the replacement names neither, so a scan of the log finds nothing).
	[/\bAuthorization\b["']?\s*[:=]\s*["']?[^\r\n"']*/gi, '[redacted signed header]'], // l10n-ignore
	[/AWS4-HMAC-SHA256\s+Credential=[^\r\n"']*/g, '[redacted signature]'], // l10n-ignore
	[/\b(Signature|X-Amz-Signature|X-Amz-Credential)=[^&\s"']+/gi, '$1=[redacted]'],
	[
		/\b(x-amz-security-token|X-Amz-Security-Token|sessionToken|SessionToken|aws_session_token|accessToken|refreshToken|clientSecret)\b(["']?\s*[:=]\s*["']?)[^\s"',}]+/g,
		'$1$2[redacted]',
	],
	[/\b(secretAccessKey|SecretAccessKey|aws_secret_access_key)\b(["']?\s*[:=]\s*["']?)[^\s"',}]+/g, '$1$2[redacted]'],
	// Access key ids: not secret on their own, but they tie a log to an identity.
	[/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1[redacted]'],
];

/** Line breaks, other controls, line separators, bidi controls and invisible format characters, and unpaired surrogates. */
const UNPRINTABLE =
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One line of plain text: line breaks and other control characters, line separators and
 * bidi/invisible format characters are written as escapes (`\n`, `\u202e`), so text from a
 * document or an AWS response can neither start a log line of its own nor disguise itself.
 */
export function oneLine(text: string): string {
	return text.replace(UNPRINTABLE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** {@link oneLine}, cut to `max` characters. */
export function shortLine(text: string, max: number): string {
	const line = oneLine(text);
	return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/** Removes credentials, tokens and signatures from a text meant for the log. */
export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
	let result = text;
	for (const secret of extraSecrets) {
		if (secret.length >= 8) {
			result = result.split(secret).join('[redacted]');
		}
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) {
		result = result.replace(pattern, replacement);
	}
	return result;
}

/**
 * Wraps a logger so that every line is redacted and kept on one line ({@link oneLine}).
 * `knownSecrets` returns secrets learnt at run time (the secret key and session token of the
 * credentials in use), which are removed verbatim.
 */
export function redactingLogger(inner: Logger, knownSecrets: () => readonly string[] = () => []): Logger {
	const wrap = (write: (message: string) => void) => (message: string) => write(oneLine(redactSecrets(message, knownSecrets())));
	return {
		debug: wrap((m) => inner.debug(m)),
		info: wrap((m) => inner.info(m)),
		warn: wrap((m) => inner.warn(m)),
		error: wrap((m) => inner.error(m)),
	};
}

/** A logger that keeps its lines in memory, for tests. */
export class MemoryLogger implements Logger {
	readonly lines: string[] = [];
	debug(message: string): void {
		this.lines.push(`[debug] ${message}`);
	}
	info(message: string): void {
		this.lines.push(`[info] ${message}`);
	}
	warn(message: string): void {
		this.lines.push(`[warn] ${message}`);
	}
	error(message: string): void {
		this.lines.push(`[error] ${message}`);
	}
}
