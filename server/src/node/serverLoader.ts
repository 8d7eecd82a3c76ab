/**
 * dist/server.js: runs the language server's bundle, dist/server-main.js (lsp/main.ts), with the
 * V8 code cache (codeCache.ts), which took most of the compiling out of its start-up.
 */
import * as path from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(path.join(__dirname, 'server-main.js'));
