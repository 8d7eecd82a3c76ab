/**
 * Terraform messages in Japanese (issue 18): terraformNames.ts rewrites API member names into
 * Terraform argument names after the message is translated, so the translations must keep the
 * names (and their quotes) exactly as the English messages write them.
 */
import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../helpers';
import { loadParser, mskMapping, tfProblems } from './tfHelpers';

describe('Terraform messages in Japanese', () => {
	before(async () => {
		await loadParser();
		l10n.config({ contents: JSON.parse(fs.readFileSync(path.join(repoRoot(), 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string> });
	});
	after(() => {
		l10n.config({ contents: {} });
	});

	it('name Terraform arguments, not API members', () => {
		const text = mskMapping('  batch_size = 0\n  destination_config {\n    on_failure {\n      destination_arn = "kafka://orders"\n    }\n  }');
		const messages = tfProblems(text).map((p) => p.message);
		assert.ok(messages.length >= 2, messages.join('\n'));
		const all = messages.join('\n');
		assert.match(all, /"batch_size"/);
		assert.match(all, /provisioned_poller_config/);
		assert.doesNotMatch(all, /BatchSize|ProvisionedPollerConfig|MinimumPollers/);
		assert.match(all, /プロビジョンドモード/);
	});
});
