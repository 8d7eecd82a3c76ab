/**
 * The CLI in Japanese (issue 18): it follows LC_ALL / LC_MESSAGES / LANG, `--locale en|ja` wins,
 * and the machine-read parts stay the same in every language (diagnostic codes, SARIF rule ids,
 * the severity words of the text format).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../helpers';

const cliPath = path.join(repoRoot(), 'dist', 'cli.js');

function run(args: string[], env: Record<string, string | undefined>): { status: number | null; stdout: string; stderr: string } {
	const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
	delete base['LC_ALL'];
	delete base['LC_MESSAGES'];
	delete base['LANG'];
	const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...base, ...env } });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lambda-kafka CLI locale', () => {
	let file = '';
	before(() => {
		file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-locale-')), 'dlq.destination.json');
		fs.writeFileSync(file, '{\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"},\n}\n');
	});
	after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

	it('speaks Japanese with LANG=ja_JP.UTF-8, keeping codes and severity words', () => {
		const result = run(['validate', file], { LANG: 'ja_JP.UTF-8' });
		assert.equal(result.status, 1, result.stderr);
		assert.equal(
			result.stdout,
			`${file}:2:71: error syntax-trailing-comma 末尾のカンマ: JSON では "}" や "]" の前にカンマを置くことはできません。\n1 個のファイル、エラー 1 件、警告 0 件\n`,
		);
	});

	it('lets LC_ALL win over LANG, and --locale win over both', () => {
		assert.match(run(['validate', file], { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }).stdout, /末尾のカンマ/);
		assert.match(run(['validate', '--locale', 'en', file], { LANG: 'ja_JP.UTF-8' }).stdout, /Trailing comma: JSON does not allow/);
		assert.match(run(['validate', '--locale=ja', file], { LANG: 'C' }).stdout, /末尾のカンマ/);
		assert.match(run(['--help'], { LANG: 'ja_JP.UTF-8' }).stdout, /^使い方: lambda-kafka validate/);
	});

	it('runs check in the same language: its help and usage errors (dist/check.js gets the bundle the CLI chose)', () => {
		assert.match(run(['check', '--help'], { LANG: 'ja_JP.UTF-8' }).stdout, /^使い方: lambda-kafka check --function NAME/);
		assert.match(run(['check', '--locale', 'en', '--help'], { LANG: 'ja_JP.UTF-8' }).stdout, /^Usage: lambda-kafka check --function NAME/);
		const error = run(['check', '--locale=ja', '--uuid', 'u'], {});
		assert.equal(error.status, 2);
		assert.equal(
			error.stderr,
			"lambda-kafka: check には --function NAME と --uuid UUID が必要です\n使い方は 'lambda-kafka check --help' を実行して確認してください。\n",
		);
		assert.equal(run(['check', '--locale', 'fr'], {}).status, 2);
	});

	it('refuses a locale it does not have, in the language of the environment', () => {
		const result = run(['validate', '--locale', 'fr', file], { LANG: 'ja_JP.UTF-8' });
		assert.equal(result.status, 2);
		assert.equal(result.stderr, 'lambda-kafka: --locale には en, ja のいずれかを指定してください\n');
	});

	it('keeps SARIF rule ids and JSON codes stable, with messages in Japanese', () => {
		const sarif = JSON.parse(run(['validate', '--format', 'sarif', file], { LANG: 'ja_JP.UTF-8' }).stdout) as {
			runs: { results: { ruleId: string; message: { text: string } }[]; tool: { driver: { rules: { id: string }[] } } }[];
		};
		const english = JSON.parse(run(['validate', '--format', 'sarif', file], {}).stdout) as typeof sarif;
		assert.deepEqual(
			sarif.runs[0].tool.driver.rules.map((r) => r.id),
			english.runs[0].tool.driver.rules.map((r) => r.id),
		);
		assert.equal(sarif.runs[0].results[0].ruleId, 'syntax-trailing-comma');
		assert.match(sarif.runs[0].results[0].message.text, /末尾のカンマ/);
		const json = JSON.parse(run(['validate', '--format', 'json', file], { LANG: 'ja_JP.UTF-8' }).stdout) as { files: { diagnostics: { code: string }[] }[] };
		assert.equal(json.files[0].diagnostics[0].code, 'syntax-trailing-comma');
	});
});
