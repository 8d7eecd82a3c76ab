/**
 * Runs a bundle with a V8 code cache (issue 16, cold start). A short-lived process spends most of
 * its own start-up compiling: the bundle's text, then each function on its first call. V8 can
 * serialise that work (`vm.Script#createCachedData`, taken at exit so that it holds every function
 * the run compiled) and accept it back on the next start. The cache is an optimisation only:
 * - it lives in the user's own cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches,
 *   %LOCALAPPDATA%), never in a shared temporary folder, and is used only while that folder and its
 *   parent belong to this user and no one else may write to them;
 * - a file is named after the bundle's path, size and time and Node's version and architecture, so
 *   a rebuilt bundle or another Node never reads it; its contents end with a 64-bit checksum (V8
 *   checks versions and lengths, not contents, in release builds), and it is written to a new
 *   temporary file and renamed into place;
 * - a missing, unreadable, corrupt or rejected cache is ignored, and any failure around it (a
 *   read-only home, a full disk) leaves the program running as it would without one.
 * LAMBDA_KAFKA_CODE_CACHE=off turns it off; LAMBDA_KAFKA_CACHE_DIR=/absolute/path moves it (README).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { checksum, CHECKSUM_BYTES } from './checksum';

/** The folder of the cache for this user, or undefined when there is none (turned off, no home). */
export function codeCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
	if (env['LAMBDA_KAFKA_CODE_CACHE'] === 'off') {
		return undefined;
	}
	const override = env['LAMBDA_KAFKA_CACHE_DIR'];
	if (override !== undefined) {
		return path.isAbsolute(override) ? override : undefined;
	}
	const xdg = env['XDG_CACHE_HOME'];
	const base =
		platform === 'win32'
			? env['LOCALAPPDATA']
			: platform === 'darwin'
				? home && path.join(home, 'Library', 'Caches')
				: xdg && path.isAbsolute(xdg)
					? xdg
					: home && path.join(home, '.cache');
	return base && path.isAbsolute(base) ? path.join(base, 'lambda-kafka-destinations', 'code-cache') : undefined;
}

/** Whether `dir` is a real folder of this user's that no one else may write to (created if missing). */
export function isPrivateDir(dir: string): boolean {
	try {
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
		if (process.platform === 'win32' || typeof process.getuid !== 'function') {
			// The per-user profile folder is protected by its access control list.
			return fs.lstatSync(dir).isDirectory();
		}
		const uid = process.getuid();
		// The folder and its parent: whoever can write to the parent can replace the folder.
		return [dir, path.dirname(dir)].every((folder) => {
			const stat = fs.lstatSync(folder);
			return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
		});
	} catch {
		return false;
	}
}

/**
 * The cache file of `bundle` in `dir`: `<name>-<where>-<build>.bin`, where `where` stands for the
 * bundle's path and `build` for the bundle's size and time and Node's version and architecture.
 * Writing one replaces the earlier builds' files of the same path only, so two installations used
 * in turn keep a cache each. Node's flags are left out of the name: `node -e <script>` (tests) would
 * leave a file per script; V8 rejects a cache made under other V8 flags, and it is written again.
 */
export function cacheFileFor(dir: string, bundle: string): string {
	const stat = fs.statSync(bundle);
	const build = [stat.size, stat.mtimeMs, process.version, process.arch].join('\n');
	const where = checksum(Buffer.from(bundle)).toString('hex').slice(0, 8);
	return path.join(dir, `${path.basename(bundle, '.js')}-${where}-${checksum(Buffer.from(build)).toString('hex')}.bin`);
}

/** The cached data in `file` if its checksum holds, else undefined. */
export function readCache(file: string): Buffer | undefined {
	try {
		const bytes = fs.readFileSync(file);
		const data = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
		return bytes.length > CHECKSUM_BYTES && checksum(data).equals(bytes.subarray(data.length)) ? data : undefined;
	} catch {
		return undefined;
	}
}

/** Writes `data` and its checksum to `file` through a new temporary file, then renames it into place. */
export function writeCache(file: string, data: Buffer): void {
	// A name no other writer uses (several processes may exit at once); 'wx' refuses an existing file.
	const temporary = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
	let created = false;
	try {
		fs.writeFileSync(temporary, Buffer.concat([data, checksum(data)]), { flag: 'wx', mode: 0o600 });
		created = true;
		fs.renameSync(temporary, file);
		created = false;
		removeStaleCaches(file);
	} catch {
		if (created) {
			fs.rmSync(temporary, { force: true });
		}
	}
}

/** Files of other installations not rewritten for this long are taken for gone (an extension's older versions). */
const UNUSED_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Beside the newly written `file`: removes the caches of earlier builds of the bundle at the same
 * path, and any cache or temporary file older than UNUSED_MS (a cache in use is rewritten only when
 * its bundle changes, so a long-lived one may be removed and made again at the next exit).
 */
function removeStaleCaches(file: string): void {
	const dir = path.dirname(file);
	const samePath = `${path.basename(file).replace(/-[0-9a-f]+\.bin$/, '')}-`;
	const now = Date.now();
	for (const name of fs.readdirSync(dir)) {
		const other = path.join(dir, name);
		if (name === path.basename(file) || !(name.endsWith('.bin') || name.endsWith('.tmp'))) {
			continue;
		}
		if ((name.startsWith(samePath) && name.endsWith('.bin')) || now - fs.statSync(other).mtimeMs > UNUSED_MS) {
			fs.rmSync(other, { force: true });
		}
	}
}

/** Compiles `bundle` (with the cache when there is a good one), runs it as a CommonJS module, and caches it at exit when needed. */
export function runWithCodeCache(bundle: string, dir: string | undefined = codeCacheDir(process.env, process.platform, os.homedir())): void {
	let file: string | undefined;
	try {
		file = dir !== undefined && isPrivateDir(dir) ? cacheFileFor(dir, bundle) : undefined;
	} catch {
		file = undefined;
	}
	const cachedData = file === undefined ? undefined : readCache(file);
	const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
	// Node's CommonJS wrapper around the bundle (code, not a message). l10n-ignore
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
	if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
		const target = file;
		process.once('exit', () => {
			try {
				writeCache(target, script.createCachedData());
			} catch {
				// Creating the cache failed: the next start compiles as this one did.
			}
		});
	}
	const module = { exports: {} };
	const run = script.runInThisContext() as (...args: unknown[]) => void;
	run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}
