/**
 * The S3 objects' quick pick items of the fetch commands (functions and mappings are picked with
 * the apply commands' items). Every label is AWS's text (S3 keys); the commands show them through
 * safeWindow, which makes them inert, and read the picked item's own fields, never its label.
 */
import * as l10n from '@vscode/l10n';
import type { QuickPickItem } from 'vscode';
import type { FailureObject } from './s3Fetch';

export type ObjectItem = QuickPickItem & { object: FailureObject };
/** The item that turns the single-choice list into one where several objects are ticked. */
export type SeveralItem = QuickPickItem & { several: true };

/**
 * One object: the key after the prefix as the label (a long key is cut off in the list, and the
 * prefix is the same for every object), the whole key as the description, and the date and size
 * on their own detail line, where a long key cannot hide them.
 */
export function objectItem(object: FailureObject, prefix: string): ObjectItem {
	const underPrefix = prefix !== '' && object.key.startsWith(prefix) && object.key.length > prefix.length;
	return {
		label: underPrefix ? object.key.slice(prefix.length) : object.key,
		...(underPrefix ? { description: object.key } : {}),
		detail: `${formatTime(object.lastModified)} · ${formatBytes(object.size)}`,
		object,
	};
}

/** The last entry of the single-choice list: Enter opens one object, this opens a list to tick several. */
export const SEVERAL_ITEM: SeveralItem = {
	// Getters: the text is read when shown, in the display language, not when the module loads.
	get label() {
		return l10n.t('Open several objects…');
	},
	get detail() {
		return l10n.t('Shows the same objects with boxes to tick');
	},
	several: true,
};

/** UTC, to the second: the same in every locale and time zone. */
function formatTime(lastModified: string | undefined): string {
	const match = lastModified === undefined ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(lastModified);
	return match ? `${match[1]} ${match[2]} UTC` : l10n.t('unknown time');
}

function formatBytes(size: number): string {
	return size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
