/**
 * `--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps)
 * import. Paths inside the working directory are written relative to it under `%SRCROOT%`,
 * which is what those services expect; other paths become absolute file URIs.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagnosticCodeInfo } from '../language/validation/codes';
import type { Severity } from '../language/validation/problem';
import type { FileReport } from './validateFile';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
	version: string;
	codes: readonly DiagnosticCodeInfo[];
	/** The directory relative paths are resolved against. */
	cwd: string;
}

export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
	const results = reports.flatMap(sarifResults(options));
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'lambda-kafka',
						version: options.version,
						rules: options.codes.map((code) => ({
							id: code.id,
							shortDescription: { text: code.description },
							defaultConfiguration: { level: LEVELS[code.defaultSeverity] },
						})),
					},
				},
				originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
				// Columns are counted as LSP counts them; SARIF readers must not assume code points.
				columnKind: 'utf16CodeUnits',
				results,
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}

/** The SARIF results of one file's report (the CLI streams them: see outputStream.ts). */
export function sarifResults(options: SarifOptions): (report: FileReport) => object[] {
	const ruleIndex = new Map(options.codes.map((code, index) => [code.id, index]));
	return (report) => {
		const artifactLocation = artifactLocationOf(report.path, options.cwd);
		return report.diagnostics.map((d) => ({
			ruleId: d.code,
			...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
			level: LEVELS[d.severity],
			message: { text: d.message },
			locations: [
				{
					physicalLocation: {
						artifactLocation,
						region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
					},
				},
			],
		}));
	};
}

function artifactLocationOf(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
	const absolute = path.resolve(cwd, filePath);
	const relative = path.relative(cwd, absolute);
	if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
		return { uri: pathToFileURL(absolute).href };
	}
	return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A base URI must end with a slash, or the last segment is replaced when a path is resolved against it. */
function directoryUri(dir: string): string {
	const href = pathToFileURL(dir).href;
	return href.endsWith('/') ? href : `${href}/`;
}
