/**
 * Settings shared by the client and the server. The client reads them from VS Code's
 * configuration (section {@link SETTINGS_SECTION}) and the server asks for them with
 * `workspace/configuration`; other editors send the same object.
 */
export const SETTINGS_SECTION = 'lambdaKafka';

export interface ValidationSettings {
	/** Validate documents at all. */
	enable: boolean;
	/** Files larger than this many megabytes get one diagnostic instead of a full validation. */
	maxFileSizeMB: number;
	/** Milliseconds to wait after an edit before validating again. */
	debounceMs: number;
}

export interface ServerSettings {
	validation: ValidationSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = {
	validation: { enable: true, maxFileSizeMB: 64, debounceMs: 200 },
};

/** Merges a partial settings object (as received from a client) over the defaults, ignoring values of the wrong type. */
export function resolveSettings(input: unknown): ServerSettings {
	const source = isRecord(input) ? input : {};
	const validation = isRecord(source['validation']) ? source['validation'] : {};
	const defaults = DEFAULT_SETTINGS.validation;
	return {
		validation: {
			enable: typeof validation['enable'] === 'boolean' ? validation['enable'] : defaults.enable,
			maxFileSizeMB: positiveNumber(validation['maxFileSizeMB']) ?? defaults.maxFileSizeMB,
			debounceMs: nonNegativeNumber(validation['debounceMs']) ?? defaults.debounceMs,
		},
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function nonNegativeNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
