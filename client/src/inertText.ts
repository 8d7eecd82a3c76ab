/**
 * Text from documents and from AWS (topics, function names, ARNs, queue names, S3 keys, error
 * messages) made inert before VS Code shows it. Notifications turn `[text](command:…)` into a
 * clickable link that runs the command, and quick picks and the status bar draw `$(name)` as an
 * icon, so a crafted record key or AWS message could dress itself up as our UI or make one click
 * type into the terminal. The text stays readable: only the characters that make the syntax are
 * separated or escaped.
 */

/** `](` joins a link's text to its target; VS Code's notification links need the two adjacent. */
const LINK_JOIN = /\]\(/g;
/** A `command:` URI (also bare: some surfaces linkify it); `command: ` in prose is left alone. */
const COMMAND_URI = /\b(command):(?=\S)/gi;
/** `$(name)` not already escaped as `\$(name)`. */
const ICON = /(?<!\\)\$\(/g;

/** For notifications, modal details, progress messages, input prompts and tooltips: no link syntax. */
export function inertMessage(text: string): string {
	return text.replace(LINK_JOIN, '] (').replace(COMMAND_URI, '$1 :');
}

/** For quick pick labels, descriptions and details, titles and status bar text: no link syntax and no icons. */
export function inertLabel(text: string): string {
	return inertMessage(text).replace(ICON, '\\$(');
}

/** The label parts of a quick pick item made inert; every other property kept. */
export function inertPickItem<T extends { label: string; description?: string; detail?: string }>(item: T): T {
	return {
		...item,
		label: inertLabel(item.label),
		...(item.description !== undefined ? { description: inertLabel(item.description) } : {}),
		...(item.detail !== undefined ? { detail: inertLabel(item.detail) } : {}),
	};
}
