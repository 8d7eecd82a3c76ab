/**
 * "Fetch Failure Records from S3": lists a mapping's failure objects (aws/lambda/<UUID>/), newest
 * first, and opens the ones the user picks. AWS is reached through {@link S3Api}.
 */
import * as l10n from '@vscode/l10n';
import { toUserFacingError } from '../aws/errors';
import { withCancellableProgress } from '../commands/progress';
import { resolveContext, showError } from '../commands/support';
import { safeWindow } from '../safeWindow';
import { chooseDestination, expectSource } from './chooseDestination';
import type { FetchSource } from './destination';
import { failurePrefix, isMappingUuid } from './destination';
import type { FetchDeps } from './fetchDeps';
import type { FetchOrigin } from './fetchedNames';
import { fetchedMessage } from './fetchedNames';
import type { FetchedRecord } from './openRecords';
import { openRecords } from './openRecords';
import type { ObjectItem, SeveralItem } from './pickItems';
import { objectItem, SEVERAL_ITEM } from './pickItems';
import type { S3Api } from './s3Api';
import { createS3Api } from './s3Api';

type S3Source = Extract<FetchSource, { kind: 's3' }>;

export async function fetchFromS3(deps: FetchDeps): Promise<void> {
	const chosen = await chooseDestination(deps, 's3').catch((error: unknown) => void showError(deps, toUserFacingError(error)));
	const source = chosen && expectSource(chosen.target, 's3');
	if (!chosen || !source) {
		return;
	}
	const uuid = chosen.target.mappingUuid ?? (await askMappingUuid(source));
	if (uuid === null) {
		return;
	}
	let s3: S3Api | undefined;
	try {
		const context = chosen.context ?? (await resolveContext(deps));
		s3 = createS3Api(context, { logger: deps.output });
		const prefix = failurePrefix(uuid);
		const records = await readPickedObjects(s3, source, prefix);
		if (!records) {
			return;
		}
		const origin: FetchOrigin = { kind: 's3', bucket: source.bucket, keys: records.map((r) => r.name) };
		const opened = await openRecords(
			records,
			origin,
			{ mappingUuid: uuid, sourceAccessTypes: chosen.target.sourceAccessTypes, eventSourceArn: chosen.target.eventSourceArn },
			deps,
		);
		deps.output.info(`Opened ${records.length} failure records from s3://${source.bucket}/${prefix}.`);
		if (opened) {
			void safeWindow.showInformationMessage(`${fetchedMessage(origin, records.length)}.`);
		}
	} catch (error) {
		await showError(deps, toUserFacingError(error));
	} finally {
		s3?.dispose();
	}
}

/** The mapping UUID naming the prefix; undefined for every mapping's records, null when the user cancelled. */
async function askMappingUuid(source: S3Source): Promise<string | undefined | null> {
	const typed = await safeWindow.showInputBox({
		title: l10n.t('Fetch failure records from {0}', source.bucket),
		prompt: l10n.t("The event source mapping UUID (records are under aws/lambda/<UUID>/); leave empty to list every mapping's records"),
		ignoreFocusOut: true,
		validateInput: (value) =>
			value.trim() === '' || isMappingUuid(value.trim()) ? undefined : l10n.t('A mapping UUID such as 14e0db71-5d35-4eb5-b481-8945cf9d10c2, or nothing.'),
	});
	return typed === undefined ? null : typed.trim() || undefined;
}

/** Lists the objects under the prefix, lets the user pick, and reads the picked ones; undefined when there is nothing to open. */
async function readPickedObjects(s3: S3Api, source: S3Source, prefix: string): Promise<FetchedRecord[] | undefined> {
	const listing = await withCancellableProgress(l10n.t('Listing s3://{0}/{1}…', source.bucket, prefix), (token, progress) =>
		s3.listFailureObjects(source.bucket, prefix, { token, onPage: (n) => progress.report({ message: `${n} objects` }) }),
	);
	if (!listing) {
		return undefined;
	}
	if (listing.objects.length === 0) {
		void safeWindow.showInformationMessage(l10n.t('There are no failure records under s3://{0}/{1}.', source.bucket, prefix));
		return undefined;
	}
	const picked = await pickObjects(
		listing.objects.map((object) => objectItem(object, prefix)),
		l10n.t('Failure records in s3://{0}/{1} (newest first{2})', source.bucket, prefix, listing.truncated ? l10n.t('; only the first 10000 listed') : ''),
	);
	if (!picked || picked.length === 0) {
		return undefined;
	}
	return withCancellableProgress(l10n.t('Reading {0} failure records…', picked.length), async (token, progress) => {
		const result: FetchedRecord[] = [];
		for (const item of picked) {
			result.push({ text: await s3.getObjectText(source.bucket, item.object.key, { token }), name: item.object.key });
			progress.report({ message: `${result.length} of ${picked.length}`, increment: 100 / picked.length });
		}
		return result;
	});
}

/**
 * One object by default, so Enter opens the highlighted one (in a tick-box list Enter on an
 * unticked item does nothing); the last entry switches to ticking several.
 */
async function pickObjects(items: ObjectItem[], title: string): Promise<readonly ObjectItem[] | undefined> {
	const picked = await safeWindow.showQuickPick<ObjectItem | SeveralItem>([...items, SEVERAL_ITEM], {
		title,
		placeHolder: l10n.t('Enter opens the highlighted object; type "several" to tick several'),
		matchOnDescription: true,
		matchOnDetail: true,
	});
	if (!picked || !('several' in picked)) {
		return picked && [picked];
	}
	return safeWindow.showQuickPickMany(items, { title: l10n.t('{0}: tick the objects to open', title), matchOnDescription: true, matchOnDetail: true });
}
