/**
 * What the loopback Lambda, SQS and S3 servers have in common: an HTTP server on 127.0.0.1, the
 * region requests must be signed for, the access keys whose signatures are verified, and the
 * Authorization headers seen (kept apart from the recorded requests, so tests can check them).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './httpUtil';
import { CredentialStore } from './sigv4';

export abstract class LoopbackService {
	/** The Authorization header of every request that had one, oldest first. */
	readonly authorizationHeaders: string[] = [];
	protected readonly credentials = new CredentialStore();
	protected readonly server: Server = createServer();
	/**
	 * When true, a request signed for any region is accepted (its signature still checked, with
	 * the region its credential scope names). A real endpoint serves one region; the demo has one
	 * endpoint per service standing for all of them, so a user who picks another region must not
	 * be told their keys are wrong.
	 */
	acceptAnyRegion = false;
	private port = 0;

	protected constructor(
		/** The region requests must be signed for. */
		readonly region: string,
		protected readonly requireSignature: boolean,
		protected readonly allowUnknownAccessKeys: boolean,
	) {
		this.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
			void this.handle(request, response);
		});
	}

	/** Answers one request; never throws (errors become AWS-style error responses). */
	protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;

	/** The region signatures must be scoped to, or undefined for any. */
	protected get signingRegion(): string | undefined {
		return this.acceptAnyRegion ? undefined : this.region;
	}

	/** Starts listening on 127.0.0.1 (port 0: any free port). */
	protected async listen(port?: number): Promise<this> {
		this.port = await listenOnLoopback(this.server, port);
		return this;
	}

	/** `http://127.0.0.1:PORT`, for the SDK's `endpoint` option. */
	get endpoint(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Stops the server. */
	async close(): Promise<void> {
		await closeServer(this.server);
	}

	/** Registers an access key whose signatures are verified. */
	addCredentials(accessKeyId: string, secretAccessKey: string, sessionToken?: string): void {
		this.credentials.add(accessKeyId, secretAccessKey, sessionToken);
	}

	/** Makes every later request signed with this key fail as expired. */
	expireCredentials(accessKeyId: string): void {
		this.credentials.expire(accessKeyId);
	}
}
