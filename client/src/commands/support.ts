/**
 * What the AWS commands share: the Workspace Trust gate, the AWS context for one run, running a
 * flow with the VS Code UI (client/src/commands/vscodeUi.ts), and how outcomes and errors are shown.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckAgainstMappingRequest, DocumentInfoRequest } from '../../../shared/protocol';
import type { ApplyDeps, ApplyOutcome, ServerChecks } from '../apply/applyFlow';
import type { PreflightSources } from '../../../shared/preflight/types';
import { locateField } from '../apply/fieldLocation';
import { refreshMappingDocuments } from '../apply/mappingRefresh';
import type { UserFacingError } from '../aws/errors';
import { formatUserFacing, toUserFacingError, UserFacingException } from '../aws/errors';
import type { LambdaApi } from '../aws/lambdaApi';
import type { AwsSettings } from '../aws/awsSettings';
import type { ResolvedAwsContext } from '../aws/resolveAwsContext';
import { resolveAwsContext } from '../aws/resolveAwsContext';
import { currentAwsSettings } from '../aws/statusBar';
import type { CommandDeps } from './commandDeps';
import { VscodeApplyUi } from './vscodeUi';
import { safeWindow } from '../safeWindow';
import { requestType } from '../requestTypes';

export type { CommandDeps } from './commandDeps';

export const showLog = (): string => vscode.l10n.t('Show Log');

/** False (after explaining) in an untrusted workspace: nothing from it may reach AWS. */
export function requireTrust(what: string): boolean {
	if (vscode.workspace.isTrusted) {
		return true;
	}
	void safeWindow
		.showWarningMessage(
			vscode.l10n.t(
				'{0} is disabled in Restricted Mode: this workspace is not trusted, and its files could send changes to your AWS account. Validation still works. Trust the workspace to use AWS commands.',
				what,
			),
			vscode.l10n.t('Manage Workspace Trust'),
		)
		.then((choice) => (choice ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
	return false;
}

/** Resolves the AWS context for one command run (asking for an MFA code when the profile needs one) and logs where it points. */
export async function resolveContext(deps: Pick<CommandDeps, 'output'>, overrides: Partial<AwsSettings> = {}): Promise<ResolvedAwsContext> {
	// An override given as undefined (Undo of an apply made with the default chain) does override.
	const settings = { ...currentAwsSettings(deps.output), ...overrides };
	const context = await resolveAwsContext(settings, { mfaCodeProvider: askMfaCode });
	deps.output.info(
		`AWS: profile ${context.profile ?? `${context.configProfile} (default chain)`}, region ${context.region} (from ${context.regionSource})${context.endpoint ? `, endpoint ${context.endpoint} (from ${context.endpointSource ?? '?'})` : ''}`,
	);
	return context;
}

/** Resolves the AWS context for one command run and builds the Lambda API on it. */
export async function connect(
	deps: Pick<CommandDeps, 'output'>,
	overrides: Partial<AwsSettings> = {},
): Promise<{ api: LambdaApi; context: ResolvedAwsContext }> {
	const context = await resolveContext(deps, overrides);
	// The SDK is loaded on first use, not at activation.
	const { createLambdaApi } = await import('../aws/lambdaApi.js');
	return { api: createLambdaApi(context, { logger: deps.output }), context };
}

async function askMfaCode(serial: string): Promise<string> {
	const code = await safeWindow.showInputBox({
		title: vscode.l10n.t('Lambda Kafka: MFA code'),
		prompt: vscode.l10n.t('Code from the MFA device {0}', serial),
		ignoreFocusOut: true,
		validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : vscode.l10n.t('Six digits.')),
	});
	if (code === undefined) {
		throw new UserFacingException({ kind: 'cancelled', message: 'Cancelled.' });
	}
	return code.trim();
}

/** Runs the flow with VS Code's UI; progress goes to the status bar before the confirmation and to a cancellable notification after it. */
export async function runFlow(
	deps: CommandDeps,
	title: string,
	document: vscode.TextDocument | undefined,
	run: (flowDeps: ApplyDeps) => Promise<ApplyOutcome>,
	overrides: Partial<AwsSettings> = {},
	options: { preflight?: boolean } = {},
): Promise<ApplyOutcome | undefined> {
	let api: LambdaApi | undefined;
	let preflight: (PreflightSources & { dispose(): void }) | undefined;
	const cancellation = new vscode.CancellationTokenSource();
	const ui = new VscodeApplyUi(deps.documents, title, document, cancellation);
	try {
		const connection = await connect(deps, overrides);
		api = connection.api;
		if (options.preflight) {
			// Loaded only for Apply: the check's IAM, SNS, KMS and CloudWatch clients are not needed by the other flows.
			const { createPreflightSources } = await import('../preflight/awsPreflightSources.js');
			preflight = createPreflightSources(connection.context, { logger: deps.output, token: cancellation.token });
		}
		const outcome = await run({
			preflight,
			api,
			ui,
			snapshots: deps.snapshots,
			lock: deps.flowLock,
			logger: deps.output,
			target: { region: connection.context.region, profile: connection.context.profile, endpoint: connection.context.endpoint },
			token: cancellation.token,
		});
		ui.finish();
		deps.undoStatus.note(outcome);
		if (outcome.status === 'applied') {
			// Not with the flow's token: a user who stopped following the state still wants the document true.
			await refreshMappingDocuments(deps.documents, api, { uuid: outcome.uuid, region: connection.context.region }, { logger: deps.output });
		}
		await showOutcome(deps, outcome, document);
		return outcome;
	} catch (error) {
		ui.finish();
		await showError(deps, toUserFacingError(error));
		return undefined;
	} finally {
		api?.dispose();
		preflight?.dispose();
		cancellation.dispose();
	}
}

/** Shows the flow's outcome: the final report with Undo, a refusal, or an error with Show Log. */
export async function showOutcome(deps: CommandDeps, outcome: ApplyOutcome, document: vscode.TextDocument | undefined): Promise<void> {
	switch (outcome.status) {
		case 'applied': {
			deps.output.info(outcome.message);
			const undo = vscode.l10n.t('Undo');
			const choice = await safeWindow.showInformationMessage(outcome.message, ...(outcome.undoAvailable ? [undo] : []));
			if (choice === undo) {
				await vscode.commands.executeCommand('lambdaKafka.undoLastApply');
			}
			return;
		}
		case 'refused':
			deps.output.warn(outcome.message);
			for (const problem of outcome.problems ?? []) {
				deps.output.warn(`  ${problem.severity} ${problem.code}: ${problem.message}`);
			}
			void safeWindow.showWarningMessage(outcome.message, showLog()).then((choice) => (choice === showLog() ? deps.output.show(true) : undefined));
			return;
		case 'unchanged':
			void safeWindow.showInformationMessage(outcome.message);
			return;
		case 'cancelled':
			safeWindow.setStatusBarMessage(vscode.l10n.t('Lambda Kafka: {0}', outcome.message), { hideAfterMs: 5000 });
			return;
		case 'failed':
			if (outcome.error.field && document) {
				await highlightField(deps, document, outcome.error);
			}
			await showError(deps, outcome.error);
			return;
	}
}

/** One line with the next step, and Show Log for the details (already logged where they arose). */
export async function showError(deps: Pick<CommandDeps, 'output'>, error: UserFacingError): Promise<void> {
	if (error.kind === 'cancelled') {
		safeWindow.setStatusBarMessage(vscode.l10n.t('Lambda Kafka: {0}', error.message), { hideAfterMs: 5000 });
		return;
	}
	deps.output.error(formatUserFacing(error));
	const choice = await safeWindow.showErrorMessage(formatUserFacing(error), showLog());
	if (choice === showLog()) {
		deps.output.show(true);
	}
}

/** Puts AWS's validation message on the field it names and reveals it. */
async function highlightField(deps: CommandDeps, document: vscode.TextDocument, error: UserFacingError): Promise<void> {
	const info = await serverChecks(deps.client, document)
		.documentInfo()
		.catch(() => null);
	const found = error.field && info ? locateField(document.getText(), info.kind, error.field) : undefined;
	if (!found) {
		return;
	}
	const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
	const diagnostic = new vscode.Diagnostic(range, error.message, vscode.DiagnosticSeverity.Error);
	diagnostic.source = 'AWS';
	diagnostic.code = error.code;
	deps.awsDiagnostics.set(document.uri, [diagnostic]);
	const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
	if (editor) {
		editor.selection = new vscode.Selection(range.start, range.end);
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}
}

/** The document a command acts on: the one it was invoked on (editor title, context menu), else the active editor's. */
export async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
	if (uri instanceof vscode.Uri) {
		const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
		return open ?? vscode.workspace.openTextDocument(uri);
	}
	return vscode.window.activeTextEditor?.document;
}

const documentInfoType = requestType(DocumentInfoRequest.type);
const checkType = requestType(CheckAgainstMappingRequest.type);

/** The language server's answers about a document, waiting until the server has its current version. */
export function serverChecks(client: LanguageClient, document: vscode.TextDocument): ServerChecks {
	const uri = document.uri.toString();
	return {
		async documentInfo() {
			for (let attempt = 0; attempt < 20; attempt++) {
				const info = await client.sendRequest(documentInfoType, { uri });
				if (info === null || info.version === document.version) {
					return info;
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			return null;
		},
		checkAgainstMapping: (mapping) => client.sendRequest(checkType, { uri, mapping }),
	};
}
