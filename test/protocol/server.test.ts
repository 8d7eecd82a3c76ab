// The protocol tests against the real bundle, dist/server.js, over stdio.
import { serverProtocolTests } from './serverProtocol';

serverProtocolTests('stdio');
