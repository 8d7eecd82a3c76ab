/**
 * Writes the CLI's report file by file as the outcomes arrive (validatePool.ts), byte for byte
 * what formatText, formatJson and formatSarif print for the whole list: a run over 100,000 files
 * starts printing at once and never holds every report. JSON and SARIF lists are written inside
 * the formatters' own skeleton, each entry indented as JSON.stringify would indent it.
 */
import type { OutputFormat } from './args';
import { formatJson, jsonFileEntry } from './formatJson';
import type { SarifOptions } from './formatSarif';
import { formatSarif, sarifResults } from './formatSarif';
import { formatTextReport, formatTextSummary, newTally } from './formatText';
import type { FileReport } from './validateFile';

export interface ReportStream {
	add(report: FileReport): void;
	end(): void;
}

export function reportStream(format: OutputFormat, write: (text: string) => void, options: { color: boolean; sarif: SarifOptions }): ReportStream {
	switch (format) {
		case 'text': {
			const tally = newTally();
			return {
				add: (report) => {
					const lines = formatTextReport(report, options.color, tally);
					if (lines.length > 0) {
						write(`${lines.join('\n')}\n`);
					}
				},
				end: () => write(`${formatTextSummary(tally)}\n`),
			};
		}
		case 'json':
			return listStream(formatJson([]), '"files": []', write, (report) => [jsonFileEntry(report)]);
		case 'sarif':
			return listStream(formatSarif([], options.sarif), '"results": []', write, sarifResults(options.sarif));
	}
}

/**
 * The document `empty` (the formatter's output for no files) with its empty list `emptyList`
 * filled entry by entry.
 */
function listStream(empty: string, emptyList: string, write: (text: string) => void, entriesOf: (report: FileReport) => object[]): ReportStream {
	const at = empty.indexOf(emptyList);
	const lineStart = empty.lastIndexOf('\n', at) + 1;
	const indent = ' '.repeat(at - lineStart + 2);
	const head = `${empty.slice(0, at + emptyList.length - 1)}\n`;
	const tail = `\n${' '.repeat(indent.length - 2)}${empty.slice(at + emptyList.length - 1)}`;
	let written = 0;
	return {
		add: (report) => {
			for (const entry of entriesOf(report)) {
				const text = JSON.stringify(entry, null, 2).replaceAll('\n', `\n${indent}`);
				write(`${written === 0 ? head : ',\n'}${indent}${text}`);
				written++;
			}
		},
		end: () => write(written === 0 ? empty : tail),
	};
}
