/**
 * The built CLI (dist/cli.js, from `npm run build`) run as users run it: a child process on
 * real files. Assertions use diagnostics whose wording and ranges do not depend on schema
 * details still being written: syntax errors, unknown fields and kind detection.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allDiagnosticCodes } from '../../server/src/language/validation/codes';
import { SYNTAX_CODES } from '../../server/src/language/validation/syntax';
import { fixture, repoRoot } from '../helpers';

const root = repoRoot();
const cliPath = path.join(root, 'dist', 'cli.js');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

function run(args: string[], cwd?: string): Run {
	const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonOutput {
	files: {
		path: string;
		kind: string;
		skipped?: string;
		diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
	}[];
}

function runJson(args: string[], cwd?: string): { status: number | null; output: JsonOutput; stderr: string } {
	const result = run(['validate', '--format', 'json', ...args], cwd);
	return { status: result.status, output: JSON.parse(result.stdout) as JsonOutput, stderr: result.stderr };
}

const TRAILING_COMMA_MESSAGE = 'Trailing comma: JSON does not allow a comma before "}" or "]".';

function trailingComma(line: number, column: number): JsonOutput['files'][number]['diagnostics'][number] {
	return { line, column, endLine: line, endColumn: column + 1, severity: 'error', code: 'syntax-trailing-comma', message: TRAILING_COMMA_MESSAGE };
}

describe('lambda-kafka CLI', () => {
	let tmp = '';
	const write = (name: string, content: string | Buffer): string => {
		const file = path.join(tmp, name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, content);
		return file;
	};

	before(() => {
		assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run "npm run build" first.`);
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-cli-'));
	});
	after(() => {
		fs.rmSync(tmp, { recursive: true, force: true });
	});

	describe('arguments', () => {
		it('prints usage for --help and -h', () => {
			for (const flag of ['--help', '-h']) {
				const result = run([flag]);
				assert.equal(result.status, 0);
				assert.match(result.stdout, /^Usage: lambda-kafka validate \[options\] PATH\.\.\./);
				assert.match(result.stdout, /--format text\|json\|sarif/);
				assert.equal(result.stderr, '');
			}
		});

		it('prints the version from package.json', () => {
			const result = run(['--version']);
			assert.equal(result.status, 0);
			assert.equal(result.stdout, `${packageVersion}\n`);
		});

		it('exits with 2 and a hint to --help on usage errors', () => {
			const cases: [string[], string][] = [
				[[], 'lambda-kafka: missing command'],
				[['lint', 'x.json'], "lambda-kafka: unknown command 'lint'"],
				[['validate'], 'lambda-kafka: no files or directories to validate'],
				[['validate', '--strict', 'x.json'], "lambda-kafka: unknown option '--strict'"],
				[['validate', '--format', 'xml', 'x.json'], "lambda-kafka: unknown format 'xml' (expected text, json or sarif)"],
				[['validate', 'x.json', '--format'], "lambda-kafka: option '--format' needs a value"],
				[['validate', '--max-file-size-mb=0', 'x.json'], "lambda-kafka: --max-file-size-mb needs a decimal number from 0.0001 to 500, not '0'"],
				[['validate', '--max-file-size-mb', 'ten', 'x.json'], "lambda-kafka: --max-file-size-mb needs a decimal number from 0.0001 to 500, not 'ten'"],
				[['validate', '--x\u001b[2J\nforged', 'x.json'], "lambda-kafka: unknown option '--x\\u001b[2J\\u000aforged'"],
			];
			for (const [args, message] of cases) {
				const result = run(args);
				assert.equal(result.status, 2, args.join(' '));
				assert.equal(result.stdout, '', args.join(' '));
				assert.equal(result.stderr, `${message}\nRun 'lambda-kafka --help' for usage.\n`);
			}
		});

		it('accepts --format=json and options after the paths', () => {
			const file = write('options/destination.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const result = run(['validate', file, '--format=json']);
			assert.equal(result.status, 1);
			assert.deepEqual(JSON.parse(result.stdout), { files: [{ path: file, kind: 'destination-config', diagnostics: [trailingComma(1, 69)] }] });
		});
	});

	describe('--max-file-size-mb', () => {
		it('refuses anything but a plain decimal number from 0.0001 to 500 with a usage error', () => {
			for (const value of ['0x10', '1e-9', '1E3', 'Infinity', '-1', '+5', ' 5', '5 ', '', '.5', '5.', '0.00001', '500.1', '1_000', '0b1']) {
				const result = run(['validate', `--max-file-size-mb=${value}`, 'x.json']);
				assert.equal(result.status, 2, value);
				assert.equal(result.stdout, '', value);
				assert.equal(
					result.stderr,
					`lambda-kafka: --max-file-size-mb needs a decimal number from 0.0001 to 500, not '${value}'\nRun 'lambda-kafka --help' for usage.\n`,
				);
			}
		});

		it('accepts plain decimal numbers at and between the bounds', () => {
			const file = write('size/destination.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			for (const value of ['0.0001', '0.5', '1', '64', '500', '007.50']) {
				const result = run(['validate', '--max-file-size-mb', value, file]);
				assert.equal(result.stderr, '', value);
				assert.equal(result.status, 0, value);
			}
		});

		it('checks the size before reading: a 200 MB file is never read into memory', () => {
			// Sparse: a JSON head longer than what the CLI reads of it, then holes that cost no disk space.
			const file = write('size/huge.json', `{"OnFailure": {"Destination": "${'x'.repeat(8192)}`);
			fs.truncateSync(file, 200 * 1024 * 1024);
			// maxRSS is the process's peak resident memory in KiB, written as it exits.
			const rssFile = path.join(tmp, 'size/max-rss.txt');
			const probe = write(
				'size/probe.cjs',
				`process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
			);
			const result = spawnSync(process.execPath, ['--require', probe, cliPath, 'validate', '--format', 'json', file], { encoding: 'utf8' });
			assert.equal(result.stderr, '');
			assert.equal(result.status, 0);
			assert.deepEqual(JSON.parse(result.stdout), {
				files: [
					{
						path: file,
						kind: 'destination-config',
						skipped: 'too-large',
						diagnostics: [
							{
								line: 1,
								column: 1,
								endLine: 1,
								endColumn: 2,
								severity: 'warning',
								code: 'file-too-large',
								message: 'This file is 200.0 MB, above the validation limit of 64.0 MB (option --max-file-size-mb): it was not validated.',
							},
						],
					},
				],
			});
			const peakMB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
			assert.ok(peakMB < 150, `peak memory ${peakMB.toFixed(0)} MB: the file was read`);
		});

		it('counts the limit in characters, as the editor does: a file over it in UTF-8 bytes only is validated', () => {
			// 0.6 M two-byte characters: 1.2 MB on disk, 0.6 M characters, under a 1 MB limit.
			const file = write('size/accents.json', `{"OnFailure": {"Destination": ""}, "Note": "${'é'.repeat(600_000)}"}`);
			const limit = 1;
			assert.ok(fs.statSync(file).size > limit * 1024 * 1024);
			const { status, output } = runJson(['--max-file-size-mb', String(limit), file]);
			assert.equal(status, 1);
			assert.equal(output.files[0].skipped, undefined);
			assert.deepEqual(
				output.files[0].diagnostics.map((d) => d.code),
				['destination-format', 'unknown-field'],
			);
			// Over the limit in characters too: skipped, after counting, not reading.
			const longer = write('size/more-accents.json', `{"OnFailure": {"Destination": ""}, "Note": "${'é'.repeat(1_100_000)}"}`);
			assert.equal(runJson(['--max-file-size-mb', String(limit), longer]).output.files[0].skipped, 'too-large');
		});
	});

	describe('json output', () => {
		it('reports a trailing comma at the exact line and column', () => {
			const file = write('comma.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const { status, output, stderr } = runJson([file]);
			assert.equal(status, 1);
			assert.equal(stderr, '');
			assert.deepEqual(output, { files: [{ path: file, kind: 'destination-config', diagnostics: [trailingComma(1, 69)] }] });
		});

		it('places problems on later lines of a CRLF file', () => {
			const file = write('crlf.json', '{\r\n  "OnFailure": {\r\n    "Destination": "arn:aws:sqs:us-east-1:123456789012:q",\r\n  }\r\n}\r\n');
			const { output } = runJson([file]);
			assert.deepEqual(output.files[0].diagnostics, [trailingComma(3, 58)]);
		});

		it('counts columns in UTF-16 code units, as LSP does', () => {
			const file = write('emoji.json', '{"\u{1F600}": 1, "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const { output } = runJson([file]);
			// The emoji is two UTF-16 code units: its key spans columns 2-6 and everything after shifts by 2.
			assert.deepEqual(
				output.files[0].diagnostics.map((d) => [d.code, d.column, d.endColumn]),
				[
					['unknown-field', 2, 6],
					['syntax-trailing-comma', 78, 79],
				],
			);
		});

		it('reports a leading byte order mark on a destination config, as the language server does (the AWS CLI rejects it)', () => {
			const file = write(
				'bom.json',
				Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}')]),
			);
			const { status, output } = runJson([file]);
			assert.equal(status, 1);
			const bom = {
				line: 1,
				column: 1,
				endLine: 1,
				endColumn: 2,
				severity: 'error',
				code: 'syntax-bom',
				message:
					'The file starts with a byte order mark (U+FEFF): the AWS CLI does not remove it when it reads file:// parameters and rejects the JSON ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without BOM.',
			};
			assert.deepEqual(output, { files: [{ path: file, kind: 'destination-config', diagnostics: [bom, trailingComma(1, 70)] }] });
		});

		it('reads a leading byte order mark before a failure record as whitespace', () => {
			const file = write('bom.record.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture('records/sqs-record.json'))]));
			const { status, output } = runJson([file]);
			assert.equal(status, 0);
			assert.deepEqual(output, { files: [{ path: file, kind: 'failure-record', diagnostics: [] }] });
		});

		it('reports an unknown field in a destination config on its key', () => {
			assert.ok(fs.existsSync(path.join(root, 'schemas', 'destination-config.schema.json')));
			const file = write('unknown-field.json', '{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:q","Foo":1}}');
			const { status, output } = runJson([file]);
			assert.equal(status, 1);
			assert.equal(output.files[0].kind, 'destination-config');
			const unknown = output.files[0].diagnostics.filter((d) => d.code === 'unknown-field');
			assert.equal(unknown.length, 1);
			const { message, ...position } = unknown[0];
			assert.deepEqual(position, { line: 1, column: 68, endLine: 1, endColumn: 73, severity: 'error', code: 'unknown-field' });
			assert.ok(message.startsWith('Unknown field "Foo"'), message);
		});

		it('reads JSON Lines files line by line', () => {
			const file = write(
				'configs.jsonl',
				'{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:q"}}\n{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:q",}}\n',
			);
			const { output } = runJson([file]);
			assert.deepEqual(output, { files: [{ path: file, kind: 'destination-config', diagnostics: [trailingComma(2, 67)] }] });
		});

		it('reports comments in .jsonc files, which AWS rejects', () => {
			const file = write('commented.jsonc', '{\n  // where failed batches go\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}\n}\n');
			const { status, output } = runJson([file]);
			assert.equal(status, 1);
			assert.deepEqual(
				output.files[0].diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn]),
				[['syntax-comment', 2, 3, 2, 29]],
			);
		});

		it('exits with 0 for a file that is not one of ours', () => {
			const file = write('other.json', '{"name": "something else", "version": 1}');
			const { status, output } = runJson([file]);
			assert.equal(status, 0);
			assert.deepEqual(output, { files: [{ path: file, kind: 'unknown', diagnostics: [] }] });
		});

		it('exits with 0 when there are warnings only', () => {
			const file = write('big.json', `{"OnFailure": {"Destination": "${'x'.repeat(200)}"}}`);
			const { status, output } = runJson(['--max-file-size-mb', '0.0001', file]);
			assert.equal(status, 0);
			const file0 = output.files[0];
			assert.equal(file0.kind, 'destination-config');
			assert.equal(file0.skipped, 'too-large');
			assert.deepEqual(
				file0.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
				[['file-too-large', 'warning', 1, 1]],
			);
			assert.match(file0.diagnostics[0].message, /--max-file-size-mb/);
		});

		it('skips binary files given explicitly', () => {
			const nul = write('explicit/nul.json', Buffer.from('{"OnFailure":\u0000}'));
			const invalid = write('explicit/latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
			const { status, output } = runJson([nul, invalid]);
			assert.equal(status, 0);
			assert.deepEqual(output, {
				files: [
					{ path: nul, kind: 'unknown', diagnostics: [], skipped: 'binary' },
					{ path: invalid, kind: 'unknown', diagnostics: [], skipped: 'binary' },
				],
			});
		});

		it('reads an explicitly named file whatever its extension', () => {
			const file = write('explicit/destination.txt', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const { output } = runJson([file]);
			assert.deepEqual(output, { files: [{ path: file, kind: 'destination-config', diagnostics: [trailingComma(1, 69)] }] });
		});
	});

	describe('directories', () => {
		it('recurses, picks JSON files and extensionless records, and skips node_modules, dot-directories and binaries', () => {
			const dir = path.join(tmp, 'tree');
			const bad = '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}';
			write('tree/a.json', bad);
			write('tree/b.ndjson', '{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:q"}}\n');
			write('tree/binary.json', Buffer.from([0x7b, 0x00, 0x7d]));
			write('tree/empty.json', '');
			write('tree/notes', 'plain text, not JSON');
			write('tree/README.md', bad);
			write('tree/records/2026/01/01/orders-0-42', '\n  {"requestContext": {"condition": "RetryAttemptsExhausted"}, "KafkaBatchInfo": {}}');
			write('tree/node_modules/dep/package.json', bad);
			write('tree/.git/config.json', bad);
			write('tree/.cache/x.json', bad);
			const { status, output, stderr } = runJson([dir]);
			assert.equal(status, 1);
			assert.equal(stderr, '');
			const summary = output.files.map((f) => ({ path: f.path, kind: f.kind, skipped: f.skipped, codes: f.diagnostics.length > 0 }));
			assert.deepEqual(summary, [
				{ path: path.join(dir, 'a.json'), kind: 'destination-config', skipped: undefined, codes: true },
				{ path: path.join(dir, 'b.ndjson'), kind: 'destination-config', skipped: undefined, codes: false },
				{ path: path.join(dir, 'binary.json'), kind: 'unknown', skipped: 'binary', codes: false },
				{ path: path.join(dir, 'empty.json'), kind: 'unknown', skipped: 'empty', codes: false },
				{ path: path.join(dir, 'records', '2026', '01', '01', 'orders-0-42'), kind: 'failure-record', skipped: undefined, codes: true },
			]);
			assert.deepEqual(output.files[0].diagnostics, [trailingComma(1, 69)]);
		});

		it('keeps the path as given when a directory is named relatively', () => {
			write('rel/sub/c.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const { output } = runJson(['sub'], path.join(tmp, 'rel'));
			assert.deepEqual(
				output.files.map((f) => f.path),
				[path.join('sub', 'c.json')],
			);
		});

		it('lists a file once when its directory is named in several spellings and the file by its own path', () => {
			const file = write('spellings/dir/e.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			const cwd = path.join(tmp, 'spellings');
			const { output } = runJson(['dir', `dir${path.sep}`, `.${path.sep}dir`, file, path.join(cwd, 'dir')], cwd);
			assert.deepEqual(
				output.files.map((f) => f.path),
				[path.join('dir', 'e.json')],
			);
		});

		it('prints every report of a run whose output is written in several pieces', () => {
			const bad = '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}';
			const names = Array.from({ length: 400 }, (_, i) => `many/f${String(i).padStart(3, '0')}.json`);
			for (const name of names) {
				write(name, bad);
			}
			const { status, output } = runJson([path.join(tmp, 'many')]);
			assert.equal(status, 1);
			assert.deepEqual(
				output.files.map((f) => [path.relative(tmp, f.path), f.diagnostics]),
				names.map((name) => [name, [trailingComma(1, 69)]]),
			);
			const text = run(['validate', path.join(tmp, 'many')]);
			assert.equal(text.stdout.split('\n').filter((line) => line.includes('syntax-trailing-comma')).length, 400);
		});

		it('lists a file named twice once', () => {
			const file = write('twice/d.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			const { output } = runJson([file, path.dirname(file)]);
			assert.deepEqual(
				output.files.map((f) => f.path),
				[file],
			);
		});
	});

	describe('failures', () => {
		it('exits with 2 and names a missing path, still reporting the other files', () => {
			const file = write('present.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			const missing = path.join(tmp, 'does-not-exist.json');
			const { status, output, stderr } = runJson([missing, file]);
			assert.equal(status, 2);
			assert.equal(stderr, `lambda-kafka: cannot read '${missing}': no such file or directory\n`);
			assert.deepEqual(output, { files: [{ path: file, kind: 'destination-config', diagnostics: [] }] });
		});
	});

	describe('text output', () => {
		it('prints one unix-style line per diagnostic and a summary, without colours when piped', () => {
			const comma = write('text/comma.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const clean = write('text/clean.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			const binary = write('text/binary.json', Buffer.from([0x7b, 0x00, 0x7d]));
			const result = run(['validate', comma, clean, binary]);
			assert.equal(result.status, 1);
			assert.equal(
				result.stdout,
				[
					`${comma}:1:69: error syntax-trailing-comma ${TRAILING_COMMA_MESSAGE}`,
					`${binary}: skipped (binary file)`,
					'3 files, 1 error, 0 warnings, 1 skipped',
					'',
				].join('\n'),
			);
			assert.ok(!result.stdout.includes('\u001b['), 'no ANSI escapes');
		});

		it('exits with 0 and says so when nothing is wrong', () => {
			const clean = write('text-clean/clean.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
			const result = run(['validate', clean]);
			assert.equal(result.status, 0);
			assert.equal(result.stdout, '1 file, 0 errors, 0 warnings\n');
		});
	});

	describe('terminal safety', () => {
		// Each of these would break a line, drive the terminal or reorder what is shown.
		const hostile = ['new\nline', 'esc\u001b[2J', 'csi\u009b31m', 'del\u007f', 'ls\u2028ps\u2029', 'rlo\u202egpj', 'isolate\u2066x\u2069'];
		const escaped = ['new\\u000aline', 'esc\\u001b[2J', 'csi\\u009b31m', 'del\\u007f', 'ls\\u2028ps\\u2029', 'rlo\\u202egpj', 'isolate\\u2066x\\u2069'];

		it('escapes control, line-separator and bidi characters of file names in text output', () => {
			const dir = path.join(tmp, 'hostile-text');
			const files = hostile.map((name) =>
				write(path.join('hostile-text', `${name}.json`), '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}'),
			);
			const result = run(['validate', ...files]);
			assert.equal(result.status, 1);
			assert.equal(
				result.stdout,
				[...escaped.map((name) => `${dir}/${name}.json:1:69: error syntax-trailing-comma ${TRAILING_COMMA_MESSAGE}`), '7 files, 7 errors, 0 warnings', ''].join(
					'\n',
				),
			);
		});

		it('escapes them in skipped-file lines and on stderr', () => {
			const binary = write('hostile-err/bin\nary\u001b[0m.json', Buffer.from([0x7b, 0x00, 0x7d]));
			const missing = hostile.map((name) => path.join(tmp, 'hostile-err', `${name}.json`));
			const result = run(['validate', binary, ...missing]);
			assert.equal(result.status, 2);
			assert.equal(
				result.stdout,
				`${path.join(tmp, 'hostile-err')}/bin\\u000aary\\u001b[0m.json: skipped (binary file)\n1 file, 0 errors, 0 warnings, 1 skipped\n`,
			);
			assert.equal(
				result.stderr,
				escaped.map((name) => `lambda-kafka: cannot read '${path.join(tmp, 'hostile-err')}/${name}.json': no such file or directory\n`).join(''),
			);
		});
	});

	describe('sarif output', () => {
		it('writes SARIF 2.1.0 with every code as a rule and results with regions relative to the working directory', () => {
			write('sarif/configs/comma.json', '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q",}}');
			const result = run(['validate', '--format', 'sarif', path.join('configs', 'comma.json')], path.join(tmp, 'sarif'));
			assert.equal(result.status, 1);
			const log = JSON.parse(result.stdout) as {
				$schema: string;
				version: string;
				runs: {
					tool: {
						driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] };
					};
					columnKind: string;
					results: unknown[];
				}[];
			};
			assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
			assert.equal(log.version, '2.1.0');
			assert.equal(log.runs.length, 1);
			const run0 = log.runs[0];
			assert.equal(run0.tool.driver.name, 'lambda-kafka');
			assert.equal(run0.tool.driver.version, packageVersion);
			assert.equal(run0.columnKind, 'utf16CodeUnits');
			const rules = run0.tool.driver.rules;
			assert.deepEqual(
				rules.map((r) => r.id),
				allDiagnosticCodes().map((c) => c.id),
			);
			const commaRule = rules.findIndex((r) => r.id === 'syntax-trailing-comma');
			assert.equal(rules[commaRule].defaultConfiguration.level, 'error');
			assert.ok(rules.every((r) => r.shortDescription.text.length > 0));
			assert.deepEqual(run0.results, [
				{
					ruleId: 'syntax-trailing-comma',
					ruleIndex: commaRule,
					level: 'error',
					message: { text: TRAILING_COMMA_MESSAGE },
					locations: [
						{
							physicalLocation: {
								artifactLocation: { uri: 'configs/comma.json', uriBaseId: '%SRCROOT%' },
								region: { startLine: 1, startColumn: 69, endLine: 1, endColumn: 70 },
							},
						},
					],
				},
			]);
		});
	});

	describe('diagnostic code catalogue', () => {
		it('lists each code once, with a description', () => {
			const codes = allDiagnosticCodes();
			assert.equal(new Set(codes.map((c) => c.id)).size, codes.length);
			assert.ok(codes.every((c) => c.description.length > 0));
		});

		it('lists every code the validator writes inline', () => {
			const known = new Set(allDiagnosticCodes().map((c) => c.id));
			const written = new Set<string>(SYNTAX_CODES);
			const walk = (dir: string): void => {
				for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
					const full = path.join(dir, entry.name);
					if (entry.isDirectory()) {
						walk(full);
					} else if (entry.name.endsWith('.ts')) {
						for (const match of fs.readFileSync(full, 'utf8').matchAll(/\bcode: '([a-z0-9-]+)'/g)) {
							written.add(match[1]);
						}
					}
				}
			};
			walk(path.join(root, 'server', 'src', 'language'));
			assert.deepEqual(
				[...written].filter((code) => !known.has(code)),
				[],
			);
		});
	});
});
