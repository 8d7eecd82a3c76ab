/**
 * Whether an apply, undo or removal is running. One at a time: two would interleave their checks
 * and sends on one mapping, and each keep a snapshot for Undo. One lock per activation, created
 * with the extension's state and handed to every flow.
 */
export class FlowLock {
	private held = false;

	/** Takes the lock; false when another flow holds it. */
	tryAcquire(): boolean {
		if (this.held) {
			return false;
		}
		this.held = true;
		return true;
	}

	release(): void {
		this.held = false;
	}
}
