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

const SECRET_PATTERNS: [RegExp, string][] = [
	// A SigV4 Authorization header, with or without its name.
	[/\bAuthorization\b["']?\s*[:=]\s*["']?[^\r\n"']*/gi, 'Authorization: [redacted]'],
	[/AWS4-HMAC-SHA256\s+Credential=[^\r\n"']*/g, 'AWS4-HMAC-SHA256 [redacted]'],
	[/\b(Signature|X-Amz-Signature|X-Amz-Credential)=[^&\s"']+/gi, '$1=[redacted]'],
	[/\b(x-amz-security-token|X-Amz-Security-Token|sessionToken|SessionToken|aws_session_token|accessToken|refreshToken|clientSecret)\b(["']?\s*[:=]\s*["']?)[^\s"',}]+/g, '$1$2[redacted]'],
	[/\b(secretAccessKey|SecretAccessKey|aws_secret_access_key)\b(["']?\s*[:=]\s*["']?)[^\s"',}]+/g, '$1$2[redacted]'],
	// Access key ids: not secret on their own, but they tie a log to an identity.
	[/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1[redacted]'],
];

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
 * Wraps a logger so that every line is redacted. `knownSecrets` returns secrets learnt at run time
 * (the secret key and session token of the credentials in use), which are removed verbatim.
 */
export function redactingLogger(inner: Logger, knownSecrets: () => readonly string[] = () => []): Logger {
	const wrap = (write: (message: string) => void) => (message: string) => write(redactSecrets(message, knownSecrets()));
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
