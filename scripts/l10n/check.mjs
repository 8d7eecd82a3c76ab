// `npm run l10n:check`: lists, with file:line where there is one, every string that is not
// localised as it should be. Exit status 1 when anything is listed. `--json` prints the findings.
//   - text users read that does not go through l10n.t (client, page, server, CLI)
//   - l10n.t calls that run when their module loads (before the bundle is configured)
//   - messages missing from l10n/bundle.l10n.json (run `npm run l10n`), or left there
//   - messages a translation lacks, or whose placeholders differ from the English
//   - manifest texts not written as %key%, keys missing from package.nls.json or its translations
//   - messages whose literal braces hide a placeholder from l10n's formatter
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedBundle, messageOf, placeholders } from './messages.mjs';
import { listSourceFiles, loadTimeCalls, unlocalisedStrings } from './sourceStrings.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** Where a message is used: the first source line holding its beginning. */
function whereUsed(message, files) {
	const needle = JSON.stringify(message.slice(0, 40)).slice(1, -1).replace(/\\"/g, '"');
	for (const file of files) {
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		const index = lines.findIndex((line) => line.includes(needle) || line.includes(needle.replace(/'/g, "\\'")));
		if (index >= 0) {
			return `${path.relative(root, file)}:${index + 1}`;
		}
	}
	return 'schemas/ or a multi-line call';
}

/** Formats as @vscode/l10n does (`{name}` groups, so a literal `{"a": {0}}` swallows the `{0}`). */
function formatLikeL10n(template, args) {
	return template.replace(/{([^}]+)}/g, (match, group) => args[group] ?? match);
}

/** Translation files: l10n/bundle.l10n.<language>.json, not the pseudo-locale a test generates. */
function translations() {
	return fs
		.readdirSync(path.join(root, 'l10n'))
		.filter((f) => /^bundle\.l10n\.[a-z-]+\.json$/.test(f) && !f.includes('qps-ploc'))
		.map((f) => `l10n/${f}`);
}

function checkBundles(expected, files, findings) {
	const english = readJson('l10n/bundle.l10n.json');
	for (const key of Object.keys(expected).filter((k) => !(k in english))) {
		findings.push({ kind: 'not-in-bundle', where: whereUsed(messageOf(expected[key]), files), text: key, hint: "run 'npm run l10n'" });
	}
	for (const key of Object.keys(english).filter((k) => !(k in expected))) {
		findings.push({ kind: 'stale-in-bundle', where: 'l10n/bundle.l10n.json', text: key, hint: "run 'npm run l10n'" });
	}
	for (const [key, entry] of Object.entries(expected)) {
		const message = messageOf(entry);
		const args = Object.fromEntries(placeholders(message).map((p) => [p.slice(1, -1), 'x']));
		if (placeholders(formatLikeL10n(message, args)).length > 0) {
			findings.push({ kind: 'hidden-placeholder', where: whereUsed(message, files), text: key, hint: 'a literal { before a placeholder: pass that text as an argument' });
		}
	}
	for (const file of translations()) {
		const translated = readJson(file);
		for (const [key, entry] of Object.entries(expected)) {
			if (!(key in translated)) {
				findings.push({ kind: 'untranslated', where: `${file} (${whereUsed(messageOf(entry), files)})`, text: key });
			} else if (placeholders(messageOf(translated[key])).join() !== placeholders(messageOf(entry)).join()) {
				findings.push({ kind: 'placeholders-differ', where: file, text: key, hint: `English ${placeholders(messageOf(entry)).join(' ')}` });
			}
		}
		for (const key of Object.keys(translated).filter((k) => !(k in expected))) {
			findings.push({ kind: 'stale-translation', where: file, text: key });
		}
	}
}

/** package.json texts users read, with their paths. */
function manifestTexts(manifest) {
	const texts = [
		['displayName', manifest.displayName],
		['description', manifest.description],
		['capabilities.untrustedWorkspaces.description', manifest.capabilities?.untrustedWorkspaces?.description],
		['capabilities.virtualWorkspaces.description', manifest.capabilities?.virtualWorkspaces?.description],
		['contributes.configuration.title', manifest.contributes?.configuration?.title],
	];
	for (const [i, command] of (manifest.contributes?.commands ?? []).entries()) {
		texts.push([`contributes.commands[${i}].title`, command.title], [`contributes.commands[${i}].category`, command.category]);
	}
	for (const [key, property] of Object.entries(manifest.contributes?.configuration?.properties ?? {})) {
		texts.push([`${key}.markdownDescription`, property.markdownDescription], [`${key}.description`, property.description]);
		for (const [i, text] of (property.enumDescriptions ?? []).entries()) {
			texts.push([`${key}.enumDescriptions[${i}]`, text]);
		}
	}
	for (const [i, walkthrough] of (manifest.contributes?.walkthroughs ?? []).entries()) {
		texts.push([`contributes.walkthroughs[${i}].title`, walkthrough.title], [`contributes.walkthroughs[${i}].description`, walkthrough.description]);
		for (const [j, step] of (walkthrough.steps ?? []).entries()) {
			texts.push([`contributes.walkthroughs[${i}].steps[${j}].title`, step.title], [`contributes.walkthroughs[${i}].steps[${j}].description`, step.description]);
		}
	}
	for (const [container, views] of Object.entries(manifest.contributes?.views ?? {})) {
		for (const [i, view] of views.entries()) {
			texts.push([`contributes.views.${container}[${i}].name`, view.name]);
		}
	}
	for (const [i, welcome] of (manifest.contributes?.viewsWelcome ?? []).entries()) {
		texts.push([`contributes.viewsWelcome[${i}].contents`, welcome.contents]);
	}
	return texts.filter(([, text]) => typeof text === 'string');
}

function checkManifest(findings) {
	const manifest = readJson('package.json');
	const english = readJson('package.nls.json');
	const nlsFiles = fs.readdirSync(root).filter((f) => /^package\.nls\.[a-z-]+\.json$/.test(f) && !f.includes('qps-ploc'));
	for (const [where, text] of manifestTexts(manifest)) {
		const key = /^%(.+)%$/.exec(text)?.[1];
		if (key === undefined) {
			findings.push({ kind: 'manifest-not-localised', where: `package.json ${where}`, text, hint: 'write %key% and add the key to package.nls.json' });
		} else if (!(key in english)) {
			findings.push({ kind: 'manifest-key-missing', where: `package.nls.json (package.json ${where})`, text: key });
		}
	}
	for (const file of nlsFiles) {
		const translated = readJson(file);
		for (const key of Object.keys(english).filter((k) => !(k in translated))) {
			findings.push({ kind: 'untranslated', where: file, text: key });
		}
		for (const key of Object.keys(translated).filter((k) => !(k in english))) {
			findings.push({ kind: 'stale-translation', where: file, text: key });
		}
	}
}

export async function l10nFindings() {
	const files = listSourceFiles(root);
	const findings = [];
	for (const found of unlocalisedStrings(root, files)) {
		findings.push({ kind: 'not-localised', where: `${found.file}:${found.line}`, text: found.text, hint: 'wrap in l10n.t (see docs/l10n-glossary.md)' });
	}
	for (const found of loadTimeCalls(root, files)) {
		findings.push({ kind: 'load-time-l10n', where: `${found.file}:${found.line}`, text: found.text, hint: 'call l10n.t inside a function' });
	}
	checkBundles(await expectedBundle(root), files, findings);
	checkManifest(findings);
	return findings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const findings = await l10nFindings();
	if (process.argv.includes('--json')) {
		console.log(JSON.stringify(findings, null, 2));
	} else {
		for (const f of findings) {
			console.log(`${f.where}: ${f.kind}: ${f.text.replace(/\n/g, '\\n').slice(0, 160)}${f.hint ? ` (${f.hint})` : ''}`);
		}
		const byKind = new Map();
		for (const f of findings) {
			byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
		}
		const counts = [...byKind].map(([kind, count]) => `${count} ${kind}`);
		console.log(findings.length === 0 ? 'l10n: everything is localised.' : `l10n: ${counts.join(', ')}.`);
	}
	process.exitCode = findings.length === 0 ? 0 : 1;
}
