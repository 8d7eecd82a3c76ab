/**
 * Faults a test can queue on a loopback server: each matches the next requests for one operation
 * (or any), a given number of times, in the order they were queued.
 */

/** What goes wrong. */
export type FaultKind = 'throttle' | 'conflict' | 'in-use' | 'access-denied' | 'not-found' | 'server-error' | 'validation' | 'drop-connection' | 'delay';

/** One queued fault. */
export interface FaultSpec<Operation extends string = string> {
	/** Only requests for this operation; any operation when omitted. */
	operation?: Operation;
	/** How many matching requests it affects (default 1; `Infinity` for all). */
	times?: number;
	kind: FaultKind;
	/** For `delay`: how long to hold the request before serving it normally. */
	delayMs?: number;
	/** Replaces the error's default message. */
	message?: string;
	/** For `throttle`: the `Retry-After` value in seconds (default 1). */
	retryAfterSeconds?: number;
}

/** The queue of pending faults. */
export class FaultQueue<Operation extends string = string> {
	private readonly queued: Array<FaultSpec<Operation> & { remaining: number }> = [];

	/** Queues a fault. */
	add(spec: FaultSpec<Operation>): void {
		const remaining = spec.times ?? 1;
		if (!(remaining > 0)) {
			throw new Error('A fault needs times > 0.');
		}
		this.queued.push({ ...spec, remaining });
	}

	/** The first fault that matches `operation`, used up by one; undefined when none matches. */
	take(operation: Operation | undefined): FaultSpec<Operation> | undefined {
		const index = this.queued.findIndex((f) => f.operation === undefined || f.operation === operation);
		if (index < 0) {
			return undefined;
		}
		const fault = this.queued[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) {
			this.queued.splice(index, 1);
		}
		return fault;
	}

	/** Drops every pending fault. */
	clear(): void {
		this.queued.length = 0;
	}

	/** How many faults are still queued. */
	get size(): number {
		return this.queued.length;
	}
}
