/**
 * A loopback Amazon CloudWatch endpoint for `GetMetricData` as @aws-sdk/client-cloudwatch 3.1178
 * sends it: AWS JSON 1.0, target `GraniteServiceVersion20100801`, timestamps as epoch seconds,
 * errors with the query-compatible `x-amzn-query-error` header. Seeded datapoints are summed per
 * query over its time range.
 */
import type { RpcLoopbackOptions, RpcOutcome } from './rpcLoopback';
import { RpcLoopback } from './rpcLoopback';

interface Datapoint {
	namespace: string;
	metric: string;
	dimensions: Record<string, string>;
	/** Epoch seconds. */
	timestamp: number;
	value: number;
}

interface MetricQuery {
	Id?: string;
	MetricStat?: { Metric?: { Namespace?: string; MetricName?: string; Dimensions?: Array<{ Name?: string; Value?: string }> }; Period?: number; Stat?: string };
}

export class LoopbackCloudWatch extends RpcLoopback {
	private readonly datapoints: Datapoint[] = [];

	private constructor(options: RpcLoopbackOptions) {
		super('monitoring', { kind: 'json', version: '1.0', targetPrefix: 'GraniteServiceVersion20100801', queryCompatible: true }, options);
	}

	static async start(options: RpcLoopbackOptions = {}): Promise<LoopbackCloudWatch> {
		return new LoopbackCloudWatch(options).listen(options.port);
	}

	/** Records a datapoint of a metric. */
	putDatapoint(datapoint: { namespace: string; metric: string; dimensions: Record<string, string>; at: Date; value: number }): void {
		this.datapoints.push({ ...datapoint, timestamp: Math.floor(datapoint.at.getTime() / 1000) });
	}

	protected answer(operation: string, params: Record<string, unknown>): RpcOutcome {
		if (operation !== 'GetMetricData') {
			return { status: 400, code: 'UnknownOperationException', message: `Unknown operation ${operation}` };
		}
		const start = params.StartTime;
		const end = params.EndTime;
		if (typeof start !== 'number' || typeof end !== 'number' || end <= start) {
			return {
				status: 400,
				code: 'InvalidParameterValueException',
				queryCode: 'InvalidParameterValue',
				message: 'The parameter EndTime must be greater than StartTime.',
			};
		}
		const queries = Array.isArray(params.MetricDataQueries) ? (params.MetricDataQueries as MetricQuery[]) : [];
		return { json: { MetricDataResults: queries.map((query) => this.result(query, start, end)), Messages: [] } };
	}

	private result(query: MetricQuery, start: number, end: number): object {
		const metric = query.MetricStat?.Metric ?? {};
		const wanted = Object.fromEntries((metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
		const points = this.datapoints.filter(
			(p) =>
				p.namespace === metric.Namespace &&
				p.metric === metric.MetricName &&
				p.timestamp >= start &&
				p.timestamp < end &&
				JSON.stringify(Object.entries(p.dimensions).sort()) === JSON.stringify(Object.entries(wanted).sort()),
		);
		return { Id: query.Id, Label: metric.MetricName, Timestamps: points.map((p) => p.timestamp), Values: points.map((p) => p.value), StatusCode: 'Complete' };
	}
}
