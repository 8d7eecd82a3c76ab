/**
 * `lambdaKafka.checkFailureDestination`: the pre-flight check of a mapping's failure path (issue
 * 15), from the palette on a picked mapping, or from a code lens or the editor on a destination
 * config or update request, checked as it would be applied. Read-only. The report opens as a
 * read-only plain-text document (`lambda-kafka-report:`, where nothing is interpreted); the
 * notification offers the fixes to copy.
 */
import * as vscode from 'vscode';
import { fixesText, formatReportText, summaryLine } from '../../../shared/preflight/formatReport';
import { overallVerdict } from '../../../shared/preflight/runPreflight';
import type { PreflightReport } from '../../../shared/preflight/types';
import { toUserFacingError } from '../aws/errors';
import { checkFailureDestination as runCheck } from '../preflight/checkFlow';
import type { CheckRequest } from '../preflight/checkFlow';
import { safeWindow } from '../safeWindow';
import type { CommandDeps } from './support';
import { connect, serverChecks, showError, showOutcome } from './support';
import { VscodePickUi } from './vscodeUi';
import type { OpenProgress } from './progress';
import { startProgress } from './progress';
import type { ProgressUpdate } from '../apply/applyFlow';

export const checkTitle = (): string => vscode.l10n.t('Check Failure Destination');
const showReportAction = (): string => vscode.l10n.t('Show Report');
const copyFixesAction = (): string => vscode.l10n.t('Copy Fixes');

export async function checkFailureDestination(deps: CommandDeps, uri?: unknown): Promise<void> {
	const cancellation = new vscode.CancellationTokenSource();
	const ui = new CheckUi(() => cancellation.cancel());
	const disposables: Array<() => void> = [];
	try {
		const request = await documentRequest(deps, uri);
		if (typeof request === 'string') {
			void safeWindow.showWarningMessage(request);
			return;
		}
		const { api, context } = await connect(deps);
		disposables.push(() => api.dispose());
		const { createPreflightSources } = await import('../preflight/awsPreflightSources.js');
		const sources = createPreflightSources(context, { logger: deps.output, token: cancellation.token });
		disposables.push(() => sources.dispose());
		const target = { region: context.region, profile: context.profile, endpoint: context.endpoint };
		const outcome = await runCheck({ api, ui, target, token: cancellation.token, sources }, request);
		ui.finish();
		if (outcome.status !== 'checked') {
			await showOutcome(deps, outcome, undefined);
			return;
		}
		await showReport(deps, outcome.report);
	} catch (error) {
		ui.finish();
		await showError(deps, toUserFacingError(error));
	} finally {
		disposables.forEach((dispose) => dispose());
		cancellation.dispose();
	}
}

/**
 * The pickers with their listing in the status bar, as Apply has them, and one cancellable
 * notification for reading and checking. One toast for the work and one for the verdict: VS Code
 * drops a toast that comes within a moment of three others (its spam protection), and a progress
 * toast per step made the verdict land in the notification center unseen.
 */
class CheckUi extends VscodePickUi {
	private checking: OpenProgress | undefined;

	constructor(private readonly cancel: () => void) {
		super(checkTitle(), {
			function: vscode.l10n.t('The Lambda function whose mapping to check'),
			mapping: vscode.l10n.t('Topic · state · source · mode'),
		});
	}

	override progress(update: ProgressUpdate): void {
		if (update.listing === true) {
			super.progress(update);
			return;
		}
		this.stopWindowProgress();
		this.checking ??= startProgress({ location: vscode.ProgressLocation.Notification, title: 'Lambda Kafka', cancellable: true }, this.cancel);
		this.checking.report(update.message);
	}

	override finish(): void {
		super.finish();
		this.checking?.done();
		this.checking = undefined;
	}
}

/**
 * What to check when the command was run on a document: its destination, laid over the mapping it
 * names (an update request's UUID) or the one picked. A document of another kind is not an error:
 * the palette may run the command with any editor active, and then the mapping's own destination is checked.
 */
async function documentRequest(deps: CommandDeps, uri: unknown): Promise<CheckRequest | string> {
	// The server's lens sends the URI as a string; the editor's menus send a Uri.
	const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
	const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
	if (!document) {
		return {};
	}
	const info = await serverChecks(deps.client, document)
		.documentInfo()
		.catch(() => null);
	if (!info || (info.kind !== 'destination-config' && info.kind !== 'esm-request') || info.layout !== 'single') {
		return {};
	}
	let value: unknown;
	try {
		value = JSON.parse(document.getText());
	} catch {
		return vscode.l10n.t('The document is not plain JSON (comments or trailing commas?); the check reads it as Apply would.');
	}
	const uuid =
		typeof value === 'object' && value !== null && typeof (value as { UUID?: unknown }).UUID === 'string' ? (value as { UUID: string }).UUID : undefined;
	return { uuid, document: value };
}

async function showReport(deps: CommandDeps, report: PreflightReport): Promise<void> {
	const text = formatReportText(report);
	deps.output.info(text);
	const verdict = overallVerdict(report);
	const message = vscode.l10n.t('Pre-flight check of {0} ({1}): {2}.', report.uuid.slice(0, 8), report.functionName, summaryLine(report));
	const fixes = fixesText(report);
	const showReportTitle = showReportAction();
	const copyFixesTitle = copyFixesAction();
	const actions = fixes === '' ? [showReportTitle] : [copyFixesTitle, showReportTitle];
	// The message first, then the report beside it: shown after the editor opened, the message went to the notification center unseen.
	const choice =
		verdict === 'fail'
			? safeWindow.showErrorMessage(message, ...actions)
			: verdict === 'pass'
				? safeWindow.showInformationMessage(message, ...actions)
				: safeWindow.showWarningMessage(message, ...actions);
	const document = await vscode.workspace.openTextDocument(deps.documents.setReport(report.uuid, text));
	await vscode.window.showTextDocument(document, { preview: false });
	const chosen = await choice;
	if (chosen === copyFixesTitle) {
		await vscode.env.clipboard.writeText(fixes);
	} else if (chosen === showReportTitle) {
		await vscode.window.showTextDocument(document, { preview: false });
	}
}
