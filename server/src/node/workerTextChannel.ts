/**
 * How the validation thread gets a document's text back after letting go of it
 * (ParsedJson.releaseText). Validation is synchronous, so the text must arrive inside the call
 * that needs it: the thread asks over a MessagePort, sleeps on a shared flag until the server
 * thread has answered (Atomics.wait), and takes the answer off the port at once
 * (receiveMessageOnPort). The server thread answers from its event loop, and it never waits for
 * the validation thread, so neither can block the other for good; a deadline covers the rest.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerThreads } from './workerThreads';

/** The validation thread's end, passed in its workerData (the port in the transfer list). */
export interface TextChannelEnd {
	port: MessagePort;
	/** 1 once an answer has been posted, reset to 0 by the asking thread before it asks. */
	signal: Int32Array;
}

interface TextAsk {
	job: number;
}

interface TextAnswer {
	job: number;
	/** The job's text (or its pieces); undefined when that job is no longer the one under way. */
	text: string | readonly string[] | undefined;
}

/** How long the validation thread waits for the text before its job fails (and the server validates itself). */
export const TEXT_FETCH_TIMEOUT_MS = 30_000;

/** The server thread's end: answers each ask with `textOf(job)`. */
export function openTextChannel(textOf: (job: number) => string | readonly string[] | undefined): { end: TextChannelEnd; close(): void } {
	const { MessageChannel } = workerThreads();
	const channel = new MessageChannel();
	const signal = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	channel.port1.on('message', (ask: TextAsk) => {
		const answer: TextAnswer = { job: ask.job, text: textOf(ask.job) };
		// Posted before the flag is raised: when the other thread wakes, the answer is on its port.
		channel.port1.postMessage(answer);
		Atomics.store(signal, 0, 1);
		Atomics.notify(signal, 0);
	});
	// Answering is not a reason to keep the process running.
	channel.port1.unref();
	return { end: { port: channel.port2, signal }, close: () => channel.port1.close() };
}

/**
 * The validation thread's side: the text of `job`, asked of the server thread. Throws when the
 * job is no longer the server's current one or no answer comes within `timeoutMs`.
 */
export function fetchText(end: TextChannelEnd, job: number, timeoutMs = TEXT_FETCH_TIMEOUT_MS): string | readonly string[] {
	const deadline = Date.now() + timeoutMs;
	Atomics.store(end.signal, 0, 0);
	end.port.postMessage({ job } satisfies TextAsk);
	for (;;) {
		// Checked before each wait: an answer may have come between lowering the flag and now.
		const text = takeAnswer(end.port, job);
		if (text !== undefined) {
			return text;
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			// Reported in the log, which stays English. l10n-ignore
			throw new Error(`the server thread did not send the document's text within ${timeoutMs} ms`);
		}
		Atomics.wait(end.signal, 0, 0, remaining);
		// Woken, perhaps by an answer to an earlier ask that timed out: lower the flag for the next wait.
		Atomics.store(end.signal, 0, 0);
	}
}

/** The answer to `job` among those waiting on the port (older answers are dropped), or undefined. */
function takeAnswer(port: MessagePort, job: number): string | readonly string[] | undefined {
	const { receiveMessageOnPort } = workerThreads();
	for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
		const answer = received.message as TextAnswer;
		if (answer.job !== job) {
			continue;
		}
		if (answer.text === undefined) {
			// Reported in the log, which stays English. l10n-ignore
			throw new Error('the document changed while it was validated: its text is no longer available');
		}
		return answer.text;
	}
	return undefined;
}
