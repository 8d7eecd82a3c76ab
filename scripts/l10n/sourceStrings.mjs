// Finds, in TypeScript sources, the strings a user may read that do not go through l10n, and the
// l10n.t calls that run when their module loads (before the bundle is configured, so forever
// English). Used by `npm run l10n:check` and its unit test. A heuristic: prose is a literal with two
// words or more; a line (or the line above) with `l10n-ignore` is left alone, for text that must
// stay English (log lines, protocol values, what AWS or a shell parses).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** The product's sources that show text: the client (host and page), the server and the CLI. */
export const SOURCE_ROOTS = ['client/src', 'client/webview', 'server/src', 'shared'];

/** The page's script translates through the texts the host gives it: see client/webview/preview.ts. */
const PAGE_TEXT_CALL = 'pageText';

/** Calls whose string arguments are for logs, errors in code, or machines, not for users. */
// Lone product names ('Lambda Kafka') are not prose either: see looksLikeProse.
const NOT_FOR_USERS =
	/^(console\.\w+|(\w+\.)*logger\.\w+|(\w+\.)*output\.(trace|debug|info|warn|error|appendLine|show)|logger\.\w+|(\w+\.)*log|(\w+\.)*logError|\w+\.console\.\w+|connection\.console\.\w+|require|import|assert\w*|\w+\.(startsWith|endsWith|includes|indexOf|split|join|replace|replaceAll|test|match|get|has|set|delete|getConfiguration|executeCommand|registerCommand|createElement|querySelector|querySelectorAll|getElementById|setAttribute|getAttribute|addEventListener|postMessage)|RegExp|Symbol|new RequestType\d?|new NotificationType\d?)$/;

/**
 * Files whose texts go to the server log or back to the editor as protocol errors, which stay
 * English as VS Code's own logs do.
 */
const LOG_ONLY_FILES = /server[\\/]src[\\/]lsp[\\/](contentChanges|lazyTextDocument|lspPositions|runSafe|afterShutdown)\.ts$/;

/** Files whose `description` properties describe rules and codes (see isExempt). */
const RULE_METADATA = /server[\\/]src[\\/]language[\\/](rules[\\/][^\\/]+|validation[\\/]codes)\.ts$/;

export function listSourceFiles(root, roots = SOURCE_ROOTS) {
	const files = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
			} else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
				files.push(full);
			}
		}
	};
	for (const r of roots) {
		if (fs.existsSync(path.join(root, r))) {
			walk(path.join(root, r));
		}
	}
	return files.sort();
}

/** `l10n.t(...)` or `vscode.l10n.t(...)`. */
export function isL10nCall(node) {
	if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') {
		return false;
	}
	const target = node.expression.expression;
	return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

/** The text a literal shows, with `${...}` parts as `{}`. */
export function literalText(node) {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
		return node.text;
	}
	if (ts.isTemplateExpression(node)) {
		return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
	}
	return undefined;
}

/** Two words or more of letters (a sentence, a title, a button), not a path, URL, code or key. */
export function looksLikeProse(text) {
	const words = text.replace(/\{\}/g, ' ').match(/[A-Za-z][A-Za-z']+/g) ?? [];
	// One word and a value is prose too: `Keep ${alternative}`, `Cancelled. ${reason}`.
	if (words.length === 1 && text.includes('{}') && /^[A-Z][a-z]{2,}[ :.]/.test(text)) {
		return true;
	}
	// Product names stay as they are in AWS's Japanese pages too.
	if (words.length < 2 || !/[a-z]{2}/.test(text) || /^(Lambda Kafka|(AWS|Amazon) [A-Z][A-Za-z]*)$/.test(text)) {
		return false;
	}
	if (/^(https?:|file:|\$\(|#|\.|\/|[a-z]+[A-Z]\w*$|[a-z-]+\/[a-z-]+)/.test(text) || /^[\w.-]+$/.test(text)) {
		return false;
	}
	// Attributes of a tag: ` id="record-${n}" tabindex="-1"`.
	if (/^\s*[\w-]+="/.test(text)) {
		return false;
	}
	// HTML markup and CSS: the page's words are checked where they are, not the tags.
	if (/^\s*</.test(text) && !/>[^<]*[A-Za-z]{2,} [a-z]{2,}/.test(text)) {
		return false;
	}
	return /[A-Za-z]{2,}[^\n]*\s[A-Za-z(]/.test(text);
}

function calleeName(call) {
	return call.expression.getText().replace(/\s+/g, '');
}

/** Whether a string node sits where no user reads it. */
function isExempt(node, sourceFile, lines) {
	const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
	if (/l10n-ignore/.test(lines[line] ?? '') || /l10n-ignore/.test(lines[line - 1] ?? '')) {
		return true;
	}
	for (let parent = node.parent; parent; parent = parent.parent) {
		if (isL10nCall(parent) || (ts.isCallExpression(parent) && calleeName(parent) === PAGE_TEXT_CALL)) {
			return true;
		}
		if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) {
			return true;
		}
		if (ts.isCallExpression(parent) && NOT_FOR_USERS.test(calleeName(parent))) {
			return true;
		}
		if (ts.isNewExpression(parent) && /^(RegExp|RequestType\d?|NotificationType\d?)$/.test(parent.expression.getText())) {
			return true;
		}
		// runSafe's second argument names the request in the server log.
		if (ts.isCallExpression(parent) && parent.arguments[1] === node && calleeName(parent) === 'runSafe') {
			return true;
		}
		if (ts.isPropertyAssignment(parent) && parent.name === node) {
			return true;
		}
		// A rule's or code's `description` is reference text for the README table and SARIF's rule
		// list, which stay English like the codes they describe.
		if (ts.isPropertyAssignment(parent) && parent.name.getText() === 'description' && RULE_METADATA.test(sourceFile.fileName)) {
			return true;
		}
		// Command titles are the manifest's, translated in package.nls.*.json.
		if (ts.isPropertyAssignment(parent) && parent.name.getText() === 'title' && /commandTable\.ts$/.test(sourceFile.fileName)) {
			return true;
		}
		if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) {
			return true;
		}
		if (ts.isCaseClause(parent) && parent.expression === node) {
			return true;
		}
		if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) {
			break;
		}
	}
	return false;
}

/** Every literal that reads as prose and does not go through l10n: `{ file, line, text }`. */
export function unlocalisedStrings(root, files = listSourceFiles(root)) {
	const found = [];
	for (const file of files.filter((f) => !LOG_ONLY_FILES.test(f))) {
		const text = fs.readFileSync(file, 'utf8');
		const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const lines = text.split('\n');
		const visit = (node) => {
			const shown = literalText(node);
			if (shown !== undefined && ts.isTemplateSpan(node.parent) === false && looksLikeProse(shown) && !isExempt(node, sourceFile, lines)) {
				const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
				found.push({ file: path.relative(root, file), line, text: shown, node });
				return;
			}
			ts.forEachChild(node, visit);
		};
		visit(sourceFile);
	}
	return found;
}

/** l10n.t calls outside any function: they run when the module loads, before the bundle is set. */
export function loadTimeCalls(root, files = listSourceFiles(root)) {
	const found = [];
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const visit = (node) => {
			// A catch at the top runs after the program chose its language, as functions do.
			if (ts.isFunctionLike(node) || ts.isClassDeclaration(node) || ts.isCatchClause(node)) {
				return;
			}
			if (isL10nCall(node)) {
				const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
				found.push({ file: path.relative(root, file), line, text: node.getText(sourceFile).slice(0, 80) });
			}
			ts.forEachChild(node, visit);
		};
		visit(sourceFile);
	}
	return found;
}
