/**
 * The demo (`npm start`) shows the pre-flight check's failures a user should see: orders-consumer's
 * role may not send to its queue, and the audit mapping's queue uses a key the role may not use.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AwsContext } from '../../client/src/aws/awsContext';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { preflightOf } from '../../client/src/preflight/applyPreflight';
import { createPreflightSources } from '../../client/src/preflight/awsPreflightSources';
import type { PreflightReport } from '../../shared/preflight/types';
import type { DemoServers } from '../loopback/demoServer';
import { DEMO_UUIDS, startDemo } from '../loopback/demoServer';

describe('pre-flight on the demo mappings', () => {
	let demo: DemoServers;
	const context: AwsContext = {
		region: 'us-east-1',
		profile: undefined,
		endpoint: undefined,
		credentials: () => Promise.resolve({ accessKeyId: 'AKIDDEMO', secretAccessKey: 'demo-secret' }),
	};

	before(async () => {
		demo = await startDemo({ transitionDelayMs: 20 });
	});

	after(async () => {
		await demo.close();
	});

	async function check(uuid: string): Promise<Record<string, string>> {
		const api = createLambdaApi(context, { env: demo.env });
		const sources = createPreflightSources(context, { env: demo.env });
		try {
			const report: PreflightReport = await preflightOf(sources, await api.getMapping(uuid), 'us-east-1', undefined, new Date());
			return Object.fromEntries(report.rows.map((r) => [r.id, `${r.verdict}: ${r.detail}`]));
		} finally {
			api.dispose();
			sources.dispose();
		}
	}

	it("fails orders-consumer's queue mapping on the role, and counts its recent delivery failures", async () => {
		const rows = await check(DEMO_UUIDS.ordersMsk);
		assert.match(rows['role'] ?? '', /^fail: .*orders-consumer-role is not allowed sqs:SendMessage/);
		assert.match(rows['delivery'] ?? '', /^fail: CloudWatch reports 12 DestinationDeliveryFailures/);
	});

	it("fails the audit mapping on its queue's key", async () => {
		const rows = await check(DEMO_UUIDS.ordersAudit);
		assert.match(rows['role'] ?? '', /^pass/);
		assert.match(rows['encryption'] ?? '', /^fail: The destination is encrypted with arn:aws:kms:us-east-1:123456789012:key\/5f1c9a2e/);
	});

	it('passes the payments bucket, and flags the stack that owns the mapping', async () => {
		const rows = await check(DEMO_UUIDS.paymentsKafka);
		assert.match(rows['destination'] ?? '', /^pass/);
		assert.match(rows['role'] ?? '', /^pass/);
		assert.match(rows['drift'] ?? '', /^warn: The mapping belongs to CloudFormation stack payments-prod/);
	});
});
