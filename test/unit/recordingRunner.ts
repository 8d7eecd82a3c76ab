/**
 * A validation runner for tests, on Node's timers and the usual slice length, that keeps what it
 * published and logged. Tests give it where documents come from and override what they exercise.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ValidationRunnerOptions } from '../../server/src/lsp/validationRunner';
import { createValidationRunner } from '../../server/src/lsp/validationRunner';
import { nodeTimers } from '../../server/src/node/nodeRuntime';

export function recordingRunner(options: Pick<ValidationRunnerOptions, 'documentOf' | 'cache' | 'optionsOf'> & Partial<ValidationRunnerOptions>) {
	const published: PublishDiagnosticsParams[] = [];
	const errors: string[] = [];
	const validate = createValidationRunner({
		enabled: () => true,
		publish: (params) => published.push(params),
		logError: (message) => errors.push(message),
		timers: nodeTimers,
		sliceMs: 16,
		...options,
	});
	return { published, errors, validate };
}
