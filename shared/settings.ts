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

/** The range package.json declares for `validation.debounceMs` (test/unit/settings.test.ts keeps the two equal). */
export const DEBOUNCE_MS_RANGE = { min: 0, max: 5000 } as const;

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
			debounceMs: clampedNumber(validation['debounceMs'], DEBOUNCE_MS_RANGE) ?? defaults.debounceMs,
		},
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * A number brought into `range`. VS Code does not enforce a setting's declared range (a workspace
 * may hold any number), and a debounce of 2e9 ms would stop revalidation: out-of-range values,
 * infinities included, are clamped rather than dropped, as the nearest allowed value is the
 * closest to what the user asked for. Anything else, NaN included, is not a number for us.
 */
function clampedNumber(value: unknown, range: { min: number; max: number }): number | undefined {
	return typeof value === 'number' && !Number.isNaN(value) ? Math.min(Math.max(value, range.min), range.max) : undefined;
}
