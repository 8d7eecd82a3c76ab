/**
 * Text from documents and AWS shown by VS Code: link syntax and icons made inert by one helper
 * (client/src/inertText.ts), applied by the one window wrapper (client/src/inertWindow.ts) that
 * every notification, quick pick, input box, progress and status bar message goes through.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ProgressLocation, QuickPickItem } from 'vscode';
import type { MappingPickItem } from '../../client/src/apply/applyFlow';
// The fetch commands pick functions and mappings with the apply commands' items.
import { functionItem, functionItem as applyFunctionItem, mappingItem, mappingItem as applyMappingItem } from '../../client/src/apply/applyFlow';
import { formatUserFacing, toUserFacingError } from '../../client/src/aws/errors';
import { objectItem } from '../../client/src/fetch/pickItems';
import { inertLabel, inertMessage, inertPickItem } from '../../client/src/inertText';
import type { TextWindow } from '../../client/src/inertWindow';
import { inertWindow } from '../../client/src/inertWindow';
import { nothingToCopyMessage } from '../../client/src/preview/copyMessages';
import { buildPreviewModel } from '../../server/src/language/preview/previewModel';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import { fixture, repoRoot } from '../helpers';

/** One click would type `touch PWNED` and Enter into the terminal. */
const LINK = '[Details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20PWNED%5Cn%22%7D)';
const INERT_LINK = '[Details] (command :workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20PWNED%5Cn%22%7D)';

/** The fields of quick pick items, and of message, quick pick and input box options, that VS Code shows. */
const SHOWN_FIELDS = new Set(['label', 'description', 'detail', 'title', 'placeHolder', 'prompt', 'message']);

const NOTIFICATION = 15 as ProgressLocation;
const STATUS_BAR = 10 as ProgressLocation;

/** VS Code's notification link syntax, as its linked-text parser reads it. */
const RENDERED_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+\)/i;
/** An icon as quick picks and the status bar draw it: `$(name)` not escaped by a backslash. */
const RENDERED_ICON = /(?<!\\)\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i;

interface Call {
	method: string;
	args: unknown[];
}

/** A window that records what it was asked to show and answers from `answer`. */
function recordingWindow(answer: (method: string, args: unknown[]) => unknown = () => undefined): { window: TextWindow; calls: Call[]; reports: unknown[] } {
	const calls: Call[] = [];
	const reports: unknown[] = [];
	const record =
		(method: string) =>
		(...args: unknown[]): unknown => {
			calls.push({ method, args });
			return Promise.resolve(answer(method, args));
		};
	const fake = {
		showInformationMessage: record('showInformationMessage'),
		showWarningMessage: record('showWarningMessage'),
		showErrorMessage: record('showErrorMessage'),
		showQuickPick: record('showQuickPick'),
		showInputBox: record('showInputBox'),
		withProgress: (options: unknown, task: (progress: { report: (value: unknown) => void }, token: unknown) => Promise<unknown>) => {
			calls.push({ method: 'withProgress', args: [options] });
			return task({ report: (value) => reports.push(value) }, {});
		},
		setStatusBarMessage: (...args: unknown[]) => {
			calls.push({ method: 'setStatusBarMessage', args });
			return { dispose: () => undefined };
		},
	};
	return { window: fake as unknown as TextWindow, calls, reports };
}

/** A user who takes the first item of a quick pick (all of them when several may be picked). */
function pickFirst(args: unknown[]): unknown {
	if (!Array.isArray(args[0])) {
		return undefined;
	}
	const options = args[1] as { canPickMany?: boolean } | undefined;
	return options?.canPickMany ? args[0].slice() : args[0][0];
}

describe('inert text', () => {
	it('separates link text from its target and breaks command: URIs, leaving the words readable', () => {
		assert.equal(inertMessage(`Topic ${LINK} is invalid.`), `Topic ${INERT_LINK} is invalid.`);
		assert.equal(inertMessage('[a](https://example.com) [b](file:///etc/passwd)'), '[a] (https://example.com) [b] (file:///etc/passwd)');
		assert.equal(inertMessage('see COMMAND:workbench.action.reloadWindow and Command:x'), 'see COMMAND :workbench.action.reloadWindow and Command :x');
		assert.equal(inertMessage('[[nested]](command:x) ]( ]]((  '), '[[nested]] (command :x) ] ( ]] ((  ');
	});

	it('leaves ordinary text alone, including "command:" followed by a space', () => {
		for (const text of [
			'Applied: orders-failures (arn:aws:sqs:us-east-1:123456789012:q).',
			'Run this command: kcat -C',
			'a [note] (x)',
			'price $(5)? no: $ (5)',
			'',
		]) {
			assert.equal(inertMessage(text), text);
		}
	});

	it('escapes icons in labels, once, and neutralises links there too', () => {
		assert.equal(inertLabel('$(alert) urgent $(sync~spin)'), '\\$(alert) urgent \\$(sync~spin)');
		assert.equal(inertLabel('\\$(already) escaped'), '\\$(already) escaped');
		assert.equal(inertLabel(`$(terminal) ${LINK}`), `\\$(terminal) ${INERT_LINK}`);
		assert.equal(inertMessage('$(alert)'), '$(alert)', 'notifications draw no icons: nothing to escape');
	});

	it('is idempotent', () => {
		for (const text of [LINK, `$(x) ${LINK} command:y`, '\\\\$(x)']) {
			assert.equal(inertMessage(inertMessage(text)), inertMessage(text));
			assert.equal(inertLabel(inertLabel(text)), inertLabel(text));
		}
	});

	it('makes the label, description and detail of a pick item inert and keeps every other field', () => {
		const item = { label: `$(x) ${LINK}`, description: '$(y)', detail: LINK, uuid: 'u-1', picked: true };
		assert.deepEqual(inertPickItem(item), { label: `\\$(x) ${INERT_LINK}`, description: '\\$(y)', detail: INERT_LINK, uuid: 'u-1', picked: true });
		assert.deepEqual(inertPickItem({ label: 'plain' }), { label: 'plain' });
	});
});

describe('inert window', () => {
	it('notifications: the message and a modal detail are inert, the buttons and the answer are as given', async () => {
		const { window, calls } = recordingWindow((_method, args) => args[args.length - 1]);
		const safe = inertWindow(window, NOTIFICATION);
		assert.equal(await safe.showInformationMessage(`i ${LINK}`, 'Undo'), 'Undo');
		assert.equal(await safe.showWarningMessage(`w ${LINK}`, 'Show Log'), 'Show Log');
		assert.equal(await safe.showErrorMessage(`e ${LINK}`), `e ${INERT_LINK}`);
		assert.equal(await safe.showModalWarning(`m ${LINK}`, `d ${LINK}`, 'Apply'), 'Apply');
		assert.deepEqual(calls, [
			{ method: 'showInformationMessage', args: [`i ${INERT_LINK}`, 'Undo'] },
			{ method: 'showWarningMessage', args: [`w ${INERT_LINK}`, 'Show Log'] },
			{ method: 'showErrorMessage', args: [`e ${INERT_LINK}`] },
			{ method: 'showWarningMessage', args: [`m ${INERT_LINK}`, { modal: true, detail: `d ${INERT_LINK}` }, 'Apply'] },
		]);
	});

	it('quick picks: items and title are inert, and the item given comes back', async () => {
		const items = [
			{ label: `$(terminal) ${LINK}`, description: '$(x)', detail: LINK, id: 1 },
			{ label: 'second', id: 2 },
		];
		const { window, calls } = recordingWindow((_method, args) => pickFirst(args));
		const safe = inertWindow(window, NOTIFICATION);
		assert.equal(await safe.showQuickPick(items, { title: `s3://$(bucket)/${LINK}`, placeHolder: LINK, matchOnDetail: true }), items[0]);
		assert.deepEqual(await safe.showQuickPickMany(items, { title: 'Pick' }), items);
		assert.deepEqual(calls[0], {
			method: 'showQuickPick',
			args: [
				[
					{ label: `\\$(terminal) ${INERT_LINK}`, description: '\\$(x)', detail: INERT_LINK, id: 1 },
					{ label: 'second', id: 2 },
				],
				{ title: `s3://\\$(bucket)/${INERT_LINK}`, placeHolder: INERT_LINK, matchOnDetail: true, canPickMany: false },
			],
		});
		assert.deepEqual(calls[1].args[1], { title: 'Pick', canPickMany: true });
	});

	it('input boxes: title and prompt are inert, the other options kept', async () => {
		const { window, calls } = recordingWindow(() => 'typed');
		const validateInput = (): undefined => undefined;
		assert.equal(
			await inertWindow(window, NOTIFICATION).showInputBox({ title: `Fetch from $(q) ${LINK}`, prompt: `MFA code for ${LINK}`, value: '10', validateInput }),
			'typed',
		);
		assert.deepEqual(calls, [
			{ method: 'showInputBox', args: [{ title: `Fetch from \\$(q) ${INERT_LINK}`, prompt: `MFA code for ${INERT_LINK}`, value: '10', validateInput }] },
		]);
	});

	it('progress: title and reported messages are inert; in the status bar icons are escaped as well', async () => {
		const { window, calls, reports } = recordingWindow();
		const safe = inertWindow(window, NOTIFICATION);
		const result = await safe.withProgress({ location: NOTIFICATION, title: `Reading from $(q) ${LINK}…`, cancellable: true }, (progress) => {
			progress.report({ message: `$(x) ${LINK}`, increment: 10 });
			progress.report({ increment: 5 });
			return Promise.resolve(42);
		});
		assert.equal(result, 42);
		await safe.withProgress({ location: STATUS_BAR, title: '$(x) Lambda Kafka' }, (progress) => {
			progress.report({ message: `$(y) ${LINK}` });
			return Promise.resolve();
		});
		assert.deepEqual(calls, [
			{ method: 'withProgress', args: [{ location: NOTIFICATION, title: `Reading from $(q) ${INERT_LINK}…`, cancellable: true }] },
			{ method: 'withProgress', args: [{ location: STATUS_BAR, title: '\\$(x) Lambda Kafka' }] },
		]);
		assert.deepEqual(reports, [{ message: `$(x) ${INERT_LINK}`, increment: 10 }, { increment: 5 }, { message: `\\$(y) ${INERT_LINK}` }]);
	});

	it('status bar messages: the text draws no icon; our own icon goes before it', () => {
		const { window, calls } = recordingWindow();
		const safe = inertWindow(window, NOTIFICATION);
		safe.setStatusBarMessage(`Lambda Kafka: $(x) ${LINK}`, { hideAfterMs: 5000 });
		safe.setStatusBarMessage('Lambda Kafka: reading mapping $(y)', { icon: 'sync~spin' });
		assert.deepEqual(calls, [
			{ method: 'setStatusBarMessage', args: [`Lambda Kafka: \\$(x) ${INERT_LINK}`, 5000] },
			{ method: 'setStatusBarMessage', args: ['$(sync~spin) Lambda Kafka: reading mapping \\$(y)'] },
		]);
	});
});

describe('text from documents and AWS, through the window', () => {
	const shownBy = async (show: (safe: ReturnType<typeof inertWindow>) => Thenable<unknown>): Promise<string> => {
		const { window, calls } = recordingWindow((_method, args) => pickFirst(args));
		await show(inertWindow(window, NOTIFICATION));
		return JSON.stringify(calls);
	};
	/** Every text the window was asked to show: string arguments, and the shown fields of items and options (not, say, an item's own mapping). */
	const assertInert = (shown: string): void => {
		const calls = JSON.parse(shown) as Call[];
		const strings: string[] = [];
		const collect = (value: unknown, key?: string): void => {
			if (typeof value === 'string') {
				if (key === undefined || SHOWN_FIELDS.has(key)) {
					strings.push(value);
				}
			} else if (Array.isArray(value)) {
				if (key === undefined) {
					value.forEach((v) => collect(v));
				}
			} else if (value && typeof value === 'object' && key === undefined) {
				Object.entries(value).forEach(([k, v]) => collect(v, k));
			}
		};
		calls.forEach((call) => call.args.forEach((arg) => collect(arg)));
		assert.ok(strings.length > 0);
		for (const text of strings) {
			assert.doesNotMatch(text, RENDERED_LINK, text);
			assert.doesNotMatch(text, /command:/i, text);
		}
	};

	it('Copy Consumer Commands quoting a crafted recordsInfo key', async () => {
		const record = JSON.parse(fixture('records/sqs-record.json')) as { KafkaBatchInfo: Record<string, unknown> };
		record.KafkaBatchInfo['recordsInfo'] = {
			[LINK]: {
				firstRecordOffset: '10',
				lastRecordOffset: '12',
				firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
				lastRecordTimestamp: '2025-01-15T12:00:01.000Z',
			},
		};
		const text = JSON.stringify(record);
		const model = buildPreviewModel({ uri: 'file:///r.json', version: 1, text, analysis: analyzeDocument(text, { fileName: 'r.json' }), options: {} });
		const message = nothingToCopyMessage('r.json', model);
		assert.equal(message, `r.json names no offset range that can be read back. "${LINK}" is not "<topic>-<partition>".`);
		const shown = await shownBy((safe) => safe.showInformationMessage(message));
		assert.equal(
			shown,
			JSON.stringify([
				{ method: 'showInformationMessage', args: [`r.json names no offset range that can be read back. "${INERT_LINK}" is not "<topic>-<partition>".`] },
			]),
		);
	});

	it('an AWS error message echoing a crafted value', async () => {
		const error = Object.assign(new Error(`1 validation error detected: Value '${LINK}' at 'topics' failed to satisfy constraint`), {
			name: 'InvalidParameterValueException',
			$fault: 'client',
			$metadata: { httpStatusCode: 400 },
		});
		const message = formatUserFacing(toUserFacingError(error, { operation: 'UpdateEventSourceMapping' }));
		assert.match(message, RENDERED_LINK, 'the AWS text does carry the link');
		assertInert(await shownBy((safe) => safe.showErrorMessage(message, 'Show Log')));
		assertInert(await shownBy((safe) => safe.showWarningMessage(message, 'Retry')));
	});

	it('fetch pickers: function names and descriptions, mapping topics and destinations, S3 keys', async () => {
		const fns = [functionItem({ name: 'f', runtime: '$(flame)', description: LINK })];
		assertInert(await shownBy((safe) => safe.showQuickPick(fns)));
		const mappings = [mappingItem({ UUID: 'u-1', State: 'Enabled', Topics: [LINK], DestinationConfig: { OnFailure: { Destination: LINK } } })];
		assertInert(await shownBy((safe) => safe.showQuickPick(mappings)));
		const objects = [objectItem({ key: `aws/lambda/u-1/${LINK}`, size: 10, lastModified: '2025-01-15T12:00:00.000Z' }, 'aws/lambda/u-1/')];
		assertInert(await shownBy((safe) => safe.showQuickPickMany(objects, { title: `Failure records in s3://${LINK}/aws/lambda/` })));
	});

	it('apply pickers: the mapping picked is the one given, whatever its topic shows', async () => {
		const items: MappingPickItem[] = [
			applyMappingItem({ UUID: 'u-1', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Topics: [`$(check) ${LINK}`], State: 'Enabled' }),
		];
		const { window, calls } = recordingWindow((_method, args) => (args[0] as unknown[])[0]);
		const picked = await inertWindow(window, NOTIFICATION).showQuickPick(items);
		assert.equal(picked, items[0]);
		assert.equal(picked?.uuid, 'u-1');
		assertInert(JSON.stringify(calls));
		const shownItem = (calls[0].args[0] as QuickPickItem[])[0];
		assert.doesNotMatch(`${shownItem.label} ${shownItem.description ?? ''} ${shownItem.detail ?? ''}`, RENDERED_ICON);
		assertInert(await shownBy((safe) => safe.showQuickPick([applyFunctionItem({ name: 'f', description: LINK })])));
	});

	it('client code shows text only through safeWindow', () => {
		const root = path.join(repoRoot(), 'client', 'src');
		const sources = (dir: string): string[] =>
			fs
				.readdirSync(dir, { withFileTypes: true })
				.flatMap((entry) => (entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
		const direct =
			/\bwindow\s*\.\s*(show(Information|Warning|Error)Message|showQuickPick|showInputBox|withProgress|setStatusBarMessage|createQuickPick|createInputBox)\b/;
		const offenders = sources(root)
			// safeWindow.ts hands vscode.window to inertWindow.ts, the one place that calls it.
			.filter((file) => !file.endsWith(`${path.sep}safeWindow.ts`) && !file.endsWith(`${path.sep}inertWindow.ts`))
			.filter((file) => direct.test(fs.readFileSync(file, 'utf8')))
			.map((file) => path.relative(root, file));
		assert.deepEqual(offenders, []);
		// The one status bar item with text from the AWS config files.
		const statusBar = fs.readFileSync(path.join(root, 'aws', 'statusBar.ts'), 'utf8');
		assert.deepEqual(statusBar.match(/\.(text|tooltip) = .*$/gm), ['.text = `$(cloud) ${inertLabel(text)}`;', '.tooltip = inertMessage(tooltip);']);
	});
});
