/**
 * Polling for tests of the loopback servers, so they wait for a state change instead of sleeping
 * for a fixed time.
 */

/** Calls `probe` until it returns something other than undefined, or rejects after `timeoutMs`. */
export async function waitFor<T>(
	probe: () => Promise<T | undefined> | T | undefined,
	{ timeoutMs = 3000, intervalMs = 10, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
