/**
 * The V8 code cache of dist/server.js and dist/cli.js (server/src/node/codeCache.ts): where it
 * lives, that it is used only in a folder of the user's own, that a missing, corrupt or foreign
 * cache never changes what the program does, and that a good one is used rather than rewritten.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checksum } from '../../server/src/node/checksum';
import { cacheFileFor, codeCacheDir, isPrivateDir, readCache, writeCache } from '../../server/src/node/codeCache';
import { repoRoot } from '../helpers';

const posix = process.platform !== 'win32';

describe('the code cache folder', () => {
	it('is the user cache folder of each platform, or the one given, or none', () => {
		const home = '/home/u';
		assert.equal(codeCacheDir({}, 'linux', home), path.join(home, '.cache', 'lambda-kafka-destinations', 'code-cache'));
		assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', home), path.join('/xdg', 'lambda-kafka-destinations', 'code-cache'));
		// A relative XDG_CACHE_HOME is invalid (XDG Base Directory): the default is used.
		assert.equal(codeCacheDir({ XDG_CACHE_HOME: 'rel' }, 'linux', home), path.join(home, '.cache', 'lambda-kafka-destinations', 'code-cache'));
		assert.equal(codeCacheDir({}, 'darwin', home), path.join(home, 'Library', 'Caches', 'lambda-kafka-destinations', 'code-cache'));
		if (!posix) {
			assert.equal(
				codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', ''),
				path.join('C:\\Users\\u\\AppData\\Local', 'lambda-kafka-destinations', 'code-cache'),
			);
		}
		assert.equal(codeCacheDir({}, 'win32', home), undefined);
		assert.equal(codeCacheDir({}, 'linux', ''), undefined);
		assert.equal(codeCacheDir({ LAMBDA_KAFKA_CACHE_DIR: '/given' }, 'linux', home), '/given');
		assert.equal(codeCacheDir({ LAMBDA_KAFKA_CACHE_DIR: 'relative' }, 'linux', home), undefined);
		assert.equal(codeCacheDir({ LAMBDA_KAFKA_CODE_CACHE: 'off', LAMBDA_KAFKA_CACHE_DIR: '/given' }, 'linux', home), undefined);
	});

	it('is used only while it and its parent are folders of this user that others cannot write to', { skip: !posix }, () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-cc-'));
		try {
			const fresh = path.join(root, 'a', 'cache');
			assert.equal(isPrivateDir(fresh), true);
			assert.equal(fs.statSync(fresh).mode & 0o777, 0o700);
			const open = path.join(root, 'open');
			fs.mkdirSync(open);
			fs.chmodSync(open, 0o777);
			assert.equal(isPrivateDir(open), false);
			// Under a folder anyone may write to, the folder could be replaced.
			assert.equal(isPrivateDir(path.join(open, 'cache')), false);
			const link = path.join(root, 'link');
			fs.symlinkSync(fresh, link);
			assert.equal(isPrivateDir(link), false);
			const file = path.join(root, 'file');
			fs.writeFileSync(file, '');
			assert.equal(isPrivateDir(file), false);
			if (process.getuid?.() === 0) {
				const foreign = path.join(root, 'a', 'foreign');
				fs.mkdirSync(foreign, { mode: 0o700 });
				fs.chownSync(foreign, 65534, 65534);
				assert.equal(isPrivateDir(foreign), false);
			}
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});

describe('the code cache files', () => {
	let dir = '';
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-cc-'));
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('have a checksum that changes with any one bit, wherever the bytes sit in memory', () => {
		const bytes = Uint8Array.from({ length: 67 }, (_, i) => (i * 37) & 0xff);
		const sum = checksum(bytes);
		assert.equal(sum.length, 8);
		// The same bytes at an offset that is not a multiple of 4.
		const shifted = new Uint8Array(bytes.length + 1);
		shifted.set(bytes, 1);
		assert.deepEqual(checksum(shifted.subarray(1)), sum);
		const seen = new Set([sum.toString('hex')]);
		for (let bit = 0; bit < bytes.length * 8; bit++) {
			const flipped = Uint8Array.from(bytes);
			flipped[bit >> 3] ^= 1 << (bit & 7);
			seen.add(checksum(flipped).toString('hex'));
		}
		assert.equal(seen.size, bytes.length * 8 + 1);
		assert.notDeepEqual(checksum(bytes.subarray(0, 66)), sum);
	});

	it('are read back only whole and unchanged', () => {
		const file = path.join(dir, 'prog-0123456789abcdef.bin');
		const data = Buffer.from('some cached data');
		writeCache(file, data);
		assert.deepEqual(readCache(file), data);
		const bytes = fs.readFileSync(file);
		bytes[3] ^= 1;
		fs.writeFileSync(file, bytes);
		assert.equal(readCache(file), undefined);
		fs.writeFileSync(file, bytes.subarray(0, 10));
		assert.equal(readCache(file), undefined);
		assert.equal(readCache(path.join(dir, 'missing.bin')), undefined);
	});

	it('replace the caches of earlier builds of the bundle at the same path, leave others, and leave no temporary file', () => {
		const sub = fs.mkdtempSync(path.join(dir, 'replace-'));
		writeCache(path.join(sub, 'server-main-aaaaaaaa-1111111111111111.bin'), Buffer.from('old'));
		writeCache(path.join(sub, 'server-main-bbbbbbbb-2222222222222222.bin'), Buffer.from('another installation'));
		writeCache(path.join(sub, 'cli-main-aaaaaaaa-3333333333333333.bin'), Buffer.from('cli'));
		// Another installation's cache and a temporary file left by a crash, both unused for 31 days.
		const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
		for (const name of ['server-main-cccccccc-5555555555555555.bin', 'cli-main-dddddddd-6666666666666666.bin.1.2.x.tmp']) {
			fs.writeFileSync(path.join(sub, name), 'old');
			fs.utimesSync(path.join(sub, name), monthAgo, monthAgo);
		}
		fs.writeFileSync(path.join(sub, 'notes.txt'), 'not ours');
		fs.utimesSync(path.join(sub, 'notes.txt'), monthAgo, monthAgo);
		writeCache(path.join(sub, 'server-main-aaaaaaaa-4444444444444444.bin'), Buffer.from('new'));
		assert.deepEqual(fs.readdirSync(sub).sort(), [
			'cli-main-aaaaaaaa-3333333333333333.bin',
			'notes.txt',
			'server-main-aaaaaaaa-4444444444444444.bin',
			'server-main-bbbbbbbb-2222222222222222.bin',
		]);
	});

	it('are named after the bundle and change when it is rebuilt', () => {
		const bundle = path.join(dir, 'prog.js');
		fs.writeFileSync(bundle, '1');
		const first = cacheFileFor(dir, bundle);
		assert.match(path.basename(first), /^prog-[0-9a-f]{8}-[0-9a-f]{16}\.bin$/);
		assert.equal(cacheFileFor(dir, bundle), first);
		fs.writeFileSync(bundle, '12');
		const rebuilt = cacheFileFor(dir, bundle);
		assert.notEqual(rebuilt, first);
		// The same path: the same `where` part, so the rebuilt bundle's cache replaces the first.
		assert.equal(path.basename(rebuilt).slice(0, 'prog-'.length + 9), path.basename(first).slice(0, 'prog-'.length + 9));
		const elsewhere = path.join(dir, 'other', 'prog.js');
		fs.mkdirSync(path.dirname(elsewhere));
		fs.writeFileSync(elsewhere, '12');
		assert.notEqual(path.basename(cacheFileFor(dir, elsewhere)).slice(0, 14), path.basename(rebuilt).slice(0, 14));
		// Node's options do not name it (each `node -e <script>` would leave a file of its own).
		process.execArgv.push('-e', 'require("x")');
		try {
			assert.equal(cacheFileFor(dir, bundle), rebuilt);
		} finally {
			process.execArgv.splice(-2, 2);
		}
	});
});

describe('a program run with the code cache', () => {
	let dir = '';
	let program = '';
	const loader = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'codeCache.js');
	/** Runs the program through the loader, with the cache in `cacheDir`. */
	const run = (cacheDir: string): string => {
		const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(loader)}).runWithCodeCache(${JSON.stringify(program)})`], {
			encoding: 'utf8',
			env: { ...process.env, LAMBDA_KAFKA_CACHE_DIR: cacheDir, LAMBDA_KAFKA_CODE_CACHE: '' },
		});
		assert.equal(result.status, 0, result.stderr);
		return result.stdout;
	};
	const cacheFiles = (cacheDir: string): string[] => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-cc-run-'));
		program = path.join(dir, 'prog.js');
		// A CommonJS module as the bundles are: it requires, reads __dirname and __filename, sets exports.
		fs.writeFileSync(
			program,
			"#!/usr/bin/env node\nconst path = require('node:path');\nfunction square(n) { return n * n; }\nmodule.exports.value = square(7);\nprocess.stdout.write(`${path.basename(__filename)} ${__dirname === path.dirname(__filename)} ${module.exports.value} ${this === module.exports}`);\n",
		);
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('behaves the same without a cache, with one, and with a corrupt one, which it replaces', () => {
		const cacheDir = path.join(dir, 'cache');
		const expected = 'prog.js true 49 true';
		assert.equal(run(cacheDir), expected);
		const [name] = cacheFiles(cacheDir);
		assert.match(name, /^prog-[0-9a-f]{8}-[0-9a-f]{16}\.bin$/);
		const file = path.join(cacheDir, name);
		const written = fs.statSync(file).ino;
		assert.equal(run(cacheDir), expected);
		// Accepted, so not written again (a new file would have a new inode).
		assert.equal(fs.statSync(file).ino, written);
		const bytes = fs.readFileSync(file);
		bytes[Math.floor(bytes.length / 2)] ^= 0xff;
		fs.writeFileSync(file, bytes);
		assert.equal(run(cacheDir), expected);
		assert.notEqual(readCache(file), undefined);
		assert.deepEqual(cacheFiles(cacheDir), [name]);
	});

	it('runs without a cache in a folder others may write to', { skip: !posix }, () => {
		const open = path.join(dir, 'open');
		fs.mkdirSync(open);
		fs.chmodSync(open, 0o777);
		assert.equal(run(open), 'prog.js true 49 true');
		assert.deepEqual(cacheFiles(open), []);
	});
});
