/**
 * The preview as plain text: every command as one POSIX shell snippet with comments, for the
 * clipboard and for keyboard and screen-reader users. Record data appears only inside quoted
 * command words or in comments that cannot end early (see ./shellQuote.ts).
 */
import type { PreviewModel } from '../../../shared/protocol';
import { formatDuration } from '../../../shared/format';
import { noCommitNote, authName } from '../../../shared/kafkaAuth';
import { shellComment } from '../../../shared/shellQuote';

export function shellSnippet(model: PreviewModel, title: string): string {
	const lines: string[] = ['#!/bin/sh', `# Read back the Kafka records behind the failure records in ${shellComment(title)}.`, `# ${noCommitNote()}`];
	if (model.partitions.length === 0) {
		lines.push('# This document names no offset range that can be read back.');
	}
	for (const note of model.notes.filter((n) => n.severity === 'warning')) {
		lines.push(`# Warning: ${shellComment(note.message)}`);
	}
	for (const partition of model.partitions) {
		lines.push('');
		lines.push(`# ---- ${shellComment(partition.topic)}, partition ${partition.partition} (${shellComment(partition.cluster)})`);
		lines.push(`# Auth: ${authName(partition.auth.kind)}. ${shellComment(partition.auth.reason)}`);
		for (const note of partition.notes) {
			lines.push(`# ${note.severity === 'warning' ? 'Warning: ' : ''}${shellComment(note.message)}`);
		}
		for (const merged of partition.merged) {
			const when = merged.firstTimestamp && merged.lastTimestamp ? `, ${merged.firstTimestamp} to ${merged.lastTimestamp}` : '';
			lines.push(`# Offsets ${merged.firstOffset} to ${merged.lastOffset}: ${merged.count} record${merged.count === '1' ? '' : 's'}${when}`);
			for (const command of partition.commands.filter((c) => c.firstOffset === merged.firstOffset)) {
				lines.push(`# ${command.label}${command.note ? `: ${shellComment(command.note)}` : ''}`);
				lines.push(command.command);
			}
		}
		for (const gap of partition.gaps) {
			lines.push(`# Gap: offsets ${gap.firstOffset} to ${gap.lastOffset} (${gap.size}) are in no failure record.`);
		}
		for (const overlap of partition.overlaps) {
			lines.push(
				`# Overlap: offsets ${overlap.firstOffset} to ${overlap.lastOffset} (${overlap.size}) are in records ${overlap.recordIndexes.map((i) => `#${i + 1}`).join(', ')}.`,
			);
		}
		for (const link of partition.links) {
			lines.push(`# ${link.label}: ${shellComment(link.url)}`);
		}
		if (partition.spanMs !== undefined) {
			lines.push(`# Time span: ${formatDuration(partition.spanMs)}`);
		}
	}
	for (const template of model.configTemplates) {
		lines.push('');
		lines.push(`# ${template.fileName} for ${template.tool} (${authName(template.auth)}); fill in the placeholders:`);
		for (const line of template.text.trimEnd().split('\n')) {
			lines.push(`#   ${line}`);
		}
	}
	return lines.join('\n') + '\n';
}
