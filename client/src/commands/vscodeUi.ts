/**
 * The VS Code side of the flows' UI: {@link VscodePickUi} asks for a function and one of its
 * mappings (every command that picks a mapping uses it), and {@link VscodeApplyUi} adds the diff
 * editor, the modal confirmation and the cancellable notification of the apply flow.
 */
import * as vscode from 'vscode';
import type { ApplyReview, ApplyUi, FunctionPickItem, MappingPickItem, PickDeps, ProgressUpdate } from '../apply/applyFlow';
import { pickMapping } from '../apply/applyFlow';
import type { AwsContext } from '../aws/awsContext';
import type { LambdaApi } from '../aws/lambdaApi';
import { confirmationText } from '../apply/confirmation';
import type { UserFacingError } from '../aws/errors';
import { formatUserFacing } from '../aws/errors';
import { safeWindow } from '../safeWindow';
import type { OpenProgress } from './progress';
import { startProgress } from './progress';
import { diffTabsOf } from './schemeDocuments';
import type { VirtualDocuments } from './virtualDocuments';

export interface PickPlaceholders {
	function: string;
	mapping: string;
}

type PickUi = PickDeps['ui'];

const APPLY_PLACEHOLDERS = (): PickPlaceholders => ({
	function: vscode.l10n.t('The Lambda function whose event source mapping to use'),
	mapping: vscode.l10n.t('Topic · state · source · mode'),
});

/** The pickers, with the listing shown in the status bar until a picker opens. */
export class VscodePickUi implements PickUi {
	private windowProgress: OpenProgress | undefined;

	/**
	 * @param cancelListing when given, listing progress is a cancellable notification that calls it
	 *   (the fetch commands, which listed that way before they shared these pickers); otherwise it
	 *   sits in the status bar, as the apply commands show it.
	 */
	constructor(
		protected readonly title: string,
		private readonly placeholders: PickPlaceholders = APPLY_PLACEHOLDERS(),
		private readonly cancelListing?: () => void,
	) {}

	async pickFunction(items: FunctionPickItem[]): Promise<FunctionPickItem | undefined> {
		this.stopWindowProgress();
		return safeWindow.showQuickPick(items, {
			title: `${this.title}: function`,
			placeHolder: this.placeholders.function,
			matchOnDescription: true,
			matchOnDetail: true,
			ignoreFocusOut: true,
		});
	}

	async pickMapping(items: MappingPickItem[]): Promise<MappingPickItem | undefined> {
		this.stopWindowProgress();
		return safeWindow.showQuickPick(items, {
			title: vscode.l10n.t('{0}: event source mapping', this.title),
			placeHolder: this.placeholders.mapping,
			matchOnDescription: true,
			matchOnDetail: true,
			ignoreFocusOut: true,
		});
	}

	progress(update: ProgressUpdate): void {
		this.windowProgress ??= this.cancelListing
			? startProgress({ location: vscode.ProgressLocation.Notification, title: 'Lambda Kafka', cancellable: true }, this.cancelListing)
			: startProgress({ location: vscode.ProgressLocation.Window, title: 'Lambda Kafka' });
		this.windowProgress.report(update.message);
	}

	finish(): void {
		this.stopWindowProgress();
	}

	protected stopWindowProgress(): void {
		this.windowProgress?.done();
		this.windowProgress = undefined;
	}
}

/** The apply flow's UI in VS Code: progress goes to the status bar before the confirmation and to a cancellable notification after it. */
export class VscodeApplyUi extends VscodePickUi implements ApplyUi {
	private readonly version: number | undefined;
	private readonly text: string | undefined;
	private notification: OpenProgress | undefined;
	/** The right sides of the diffs this flow opened, whose tabs close when it ends. */
	private readonly diffs = new Set<string>();

	constructor(
		private readonly documents: VirtualDocuments,
		title: string,
		private readonly document: vscode.TextDocument | undefined,
		private readonly cancellation: vscode.CancellationTokenSource,
	) {
		super(title);
		this.version = document?.version;
		this.text = document?.getText();
	}

	async confirm(review: ApplyReview): Promise<boolean> {
		this.stopWindowProgress();
		// A create has nothing to diff against; its confirmation lists the mapping to be created.
		if (review.operation === 'update') {
			const [left, right] = this.documents.setDiff(review.uuid ?? 'new', review.left, review.right);
			this.diffs.add(right.toString());
			await vscode.commands.executeCommand('vscode.diff', left, right, review.title, { preview: true, preserveFocus: false });
		}
		const { detail, button } = confirmationText(review);
		const choice = await safeWindow.showModalWarning(review.question, detail, button);
		return choice === button;
	}

	override progress(update: ProgressUpdate): void {
		if (update.stage === 'preparing') {
			super.progress(update);
			return;
		}
		this.stopWindowProgress();
		if (!this.notification) {
			this.notification = startProgress({ location: vscode.ProgressLocation.Notification, title: this.title, cancellable: true }, () =>
				this.cancellation.cancel(),
			);
		}
		this.notification.report(update.message);
	}

	isDocumentUnchanged(): boolean {
		if (!this.document) {
			return true;
		}
		return !this.document.isClosed && this.document.version === this.version && this.document.getText() === this.text;
	}

	async offerRetry(error: UserFacingError): Promise<boolean> {
		this.stopWindowProgress();
		const choice = await safeWindow.showWarningMessage(formatUserFacing(error), 'Retry');
		return choice === 'Retry';
	}

	/** Ends the progress and closes the diff: applied, cancelled or refused, it showed a change that is no longer pending. */
	override finish(): void {
		super.finish();
		this.notification?.done();
		this.notification = undefined;
		const tabs = diffTabsOf(
			vscode.window.tabGroups.all.flatMap((group) => group.tabs),
			this.diffs,
		);
		this.diffs.clear();
		if (tabs.length > 0) {
			// A tab the user closed meanwhile makes this fail; there is nothing left to close then.
			void vscode.window.tabGroups.close(tabs, true).then(undefined, () => undefined);
		}
	}
}

/**
 * A function, then one of its Kafka mappings, for the commands that only read (Open Current
 * Configuration, the fetch commands): the apply commands' pickers, with the listing in a
 * cancellable notification that cancels `cancellation`.
 */
export async function pickMappingToRead(options: {
	api: LambdaApi;
	context: AwsContext;
	title: string;
	functionPlaceholder: string;
	cancellation: vscode.CancellationTokenSource;
}): ReturnType<typeof pickMapping> {
	const { api, context, cancellation } = options;
	const ui = new VscodePickUi(options.title, { function: options.functionPlaceholder, mapping: APPLY_PLACEHOLDERS().mapping }, () => cancellation.cancel());
	try {
		return await pickMapping({ api, ui, token: cancellation.token, target: { region: context.region, profile: context.profile, endpoint: context.endpoint } });
	} finally {
		ui.finish();
	}
}
