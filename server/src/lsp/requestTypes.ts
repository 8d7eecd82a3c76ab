/** The server's JSON-RPC request types for the custom requests declared in shared/protocol.ts. */
import { RequestType } from './lspValues';
import type { ProtocolRequest } from '../../../shared/protocol';

export function requestType<Params, Result>(request: ProtocolRequest<Params, Result>): RequestType<Params, Result, void> {
	return new RequestType<Params, Result, void>(request.method);
}
