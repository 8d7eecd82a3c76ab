/**
 * dist/cli.js, the `lambda-kafka` command: runs the CLI's bundle, dist/cli-main.js (main.ts), with
 * the V8 code cache (server/src/node/codeCache.ts), which took most of the compiling out of its
 * start-up.
 */
import * as path from 'node:path';
import { runWithCodeCache } from '../node/codeCache';

runWithCodeCache(path.join(__dirname, 'cli-main.js'));
