/**
 * Every command of the extension, in one table: its id and title exactly as `contributes.commands`
 * in package.json declares them (test/unit/commandTable.test.ts checks both ways), what Restricted
 * Mode refuses if it sends anything to AWS, and its handler. registerCommands.ts registers them all.
 *
 * To add a command: declare it in package.json (with `isWorkspaceTrusted` in its palette `when` if
 * it reaches AWS), add a row here, and write its handler as a function of the extension's state
 * and the command's arguments in a module of its own. Handlers are imported on first use: loaded
 * at activation, the AWS SDK made opening any JSON file about twice as slow.
 *
 * This module is free of VS Code at load time, so the manifest tests can read it in plain Node.
 */
import * as l10n from '@vscode/l10n';
import type { ExtensionState } from '../state';

export interface CommandSpec {
	/** As `contributes.commands[].command`. */
	readonly id: string;
	/** As `contributes.commands[].title` (the palette prefixes the category). */
	readonly title: string;
	/**
	 * Set for a command that reaches AWS: what the Restricted Mode refusal names, e.g. "Applying
	 * configurations to AWS is disabled in Restricted Mode…". The palette hides such commands in an
	 * untrusted workspace, but a button or another extension could still run them.
	 */
	readonly trust?: string;
	readonly run: (state: ExtensionState, ...args: unknown[]) => unknown;
}

export const COMMANDS: readonly CommandSpec[] = [
	{ id: 'lambdaKafka.restartServer', title: 'Restart Language Server', run: (state) => restartServer(state) },
	{ id: 'lambdaKafka.showOutput', title: 'Show Log', run: (state) => state.output.show() },
	{
		id: 'lambdaKafka.applyDestinationConfig',
		title: 'Apply Destination Config to Event Source Mapping',
		get trust() {
			return l10n.t('Applying configurations to AWS');
		},
		run: async (state, uri) => (await import('./applyDestinationConfig.js')).applyDestinationConfig(state, uri),
	},
	{
		id: 'lambdaKafka.checkFailureDestination',
		title: 'Check Failure Destination',
		get trust() {
			return l10n.t('Checking failure destinations in AWS');
		},
		// Also run by the server's code lens on a destination config or update request, with the document's URI.
		run: async (state, uri) => (await import('./checkFailureDestination.js')).checkFailureDestination(state, uri),
	},
	{
		id: 'lambdaKafka.createEventSourceMapping',
		title: 'Create Event Source Mapping',
		get trust() {
			return l10n.t('Creating event source mappings');
		},
		run: async (state, uri) => (await import('./createEventSourceMapping.js')).createEventSourceMapping(state, uri),
	},
	{
		id: 'lambdaKafka.removeOnFailureDestination',
		title: 'Remove On-Failure Destination from Event Source Mapping',
		get trust() {
			return l10n.t('Removing on-failure destinations');
		},
		run: async (state) => (await import('./removeOnFailureDestination.js')).removeOnFailureDestination(state),
	},
	{
		id: 'lambdaKafka.openCurrentConfiguration',
		title: 'Open Current Configuration of Event Source Mapping',
		get trust() {
			return l10n.t('Reading event source mappings from AWS');
		},
		run: async (state) => (await import('./openCurrentConfiguration.js')).openCurrentConfiguration(state),
	},
	{
		id: 'lambdaKafka.undoLastApply',
		title: 'Undo Last Apply to Event Source Mapping',
		get trust() {
			return l10n.t('Undoing an apply');
		},
		run: async (state) => (await import('./undoLastApply.js')).undoLastApply(state),
	},
	{
		id: 'lambdaKafka.selectAwsProfile',
		title: 'Select AWS Profile',
		get trust() {
			return l10n.t('Choosing an AWS profile');
		},
		run: async (state) => (await import('./selectAwsProfile.js')).selectAwsProfile(state),
	},
	{
		id: 'lambdaKafka.selectAwsRegion',
		title: 'Select AWS Region',
		get trust() {
			return l10n.t('Choosing an AWS region');
		},
		run: async (state) => (await import('./selectAwsRegion.js')).selectAwsRegion(state),
	},
	{
		id: 'lambdaKafka.previewOffsets',
		title: 'Preview Offsets',
		// Also run by the server's code lenses with `[uri, recordIndex]`, and from the editor title with the document's URI.
		run: async (state, target, recordIndex) => (await import('../preview/commands.js')).previewOffsets(state, target, recordIndex),
	},
	{
		id: 'lambdaKafka.copyConsumerCommands',
		title: 'Copy Consumer Commands as Shell Snippet',
		run: async (state, target) => (await import('../preview/commands.js')).copyConsumerCommands(state, target),
	},
	{
		id: 'lambdaKafka.fixAllPastedExampleProblems',
		title: 'Fix All Pasted-Example Problems',
		// No trust: it edits the open document and sends nothing to AWS.
		run: async (state) => (await import('./fixAllPastedExample.js')).fixAllPastedExample(state),
	},
	{
		id: 'lambdaKafka.fetchFailureRecordsFromSqs',
		title: 'Fetch Failure Records from SQS…',
		get trust() {
			return l10n.t('Fetching failure records from SQS');
		},
		run: async (state) => (await import('../fetch/fetchFromSqs.js')).fetchFromSqs(state),
	},
	{
		id: 'lambdaKafka.fetchFailureRecordsFromS3',
		title: 'Fetch Failure Records from S3…',
		get trust() {
			return l10n.t('Fetching failure records from S3');
		},
		run: async (state) => (await import('../fetch/fetchFromS3.js')).fetchFromS3(state),
	},
	{
		id: 'lambdaKafka.deleteFetchedSqsMessages',
		title: 'Delete Fetched Failure Records from the SQS Queue…',
		get trust() {
			return l10n.t('Deleting SQS messages');
		},
		run: async (state) => (await import('../fetch/fetchFromSqs.js')).confirmAndDelete(state),
	},
];

async function restartServer(state: ExtensionState): Promise<void> {
	await state.client.restart();
	state.output.info('Language server restarted.');
}
