/**
 * Deterministic benchmark documents (shared/reference/perf-anchors.md, "Documents"). A fixed seed
 * always gives the same bytes, so figures from two runs or two machines describe the same input.
 *
 * Every generated record is consistent the way a real one is (recordsInfo matches the payload's
 * records, batchSize counts them, payloadSize is the payload's byte length, ARNs share a region and
 * account), so the semantic rules have nothing to report: a valid document must give zero problems,
 * and the benchmark asserts it. Only `withSchemaErrors` plants problems, and only ones the schema
 * reports (one diagnostic each).
 */

/** mulberry32: tiny, fast and good enough to make random-looking bytes reproducible. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A uniform 32-bit unsigned integer. */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + (this.next() % (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[this.next() % items.length];
	}

	bytes(length: number): Buffer {
		const buffer = Buffer.allocUnsafe(length);
		for (let i = 0; i < length; i += 4) {
			const word = this.next();
			for (let k = 0; k < 4 && i + k < length; k++) {
				buffer[i + k] = (word >>> (8 * k)) & 0xff;
			}
		}
		return buffer;
	}

	hex(length: number): string {
		return this.bytes(Math.ceil(length / 2))
			.toString('hex')
			.slice(0, length);
	}

	/** A version-4 UUID, as Lambda request IDs and MSK cluster IDs look. */
	uuid(): string {
		const h = this.hex(32);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.next() % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}
}

// ---- shapes (section 3-4 of shared/reference/aws-facts.md) ---------------------------------

export interface PartitionRange {
	/** Strings as AWS's examples write them; numbers only in withNumericOffsets. */
	firstRecordOffset: string | number;
	lastRecordOffset: string | number;
	firstRecordTimestamp: string;
	lastRecordTimestamp: string;
}

export interface KafkaRecord {
	topic: string;
	partition: number;
	offset: number;
	timestamp: number;
	timestampType: 'CREATE_TIME';
	key: string;
	value: string;
	headers: Record<string, number[]>[];
}

export interface KafkaEvent {
	eventSource: 'aws:kafka';
	eventSourceArn: string;
	bootstrapServers: string;
	records: Record<string, KafkaRecord[]>;
}

export interface FailureRecord {
	requestContext: { requestId: string; functionArn: string; condition: string; approximateInvokeCount: number };
	responseContext: { statusCode: number; executedVersion: string; functionError: string };
	version: string;
	timestamp: string;
	KafkaBatchInfo: {
		batchSize: number;
		eventSourceArn: string;
		bootstrapServers: string;
		payloadSize: number;
		recordsInfo: Record<string, PartitionRange>;
	};
	payload?: string | KafkaEvent;
}

/** An MSK cluster and the consumer function of one event source mapping. */
export interface Mapping {
	clusterArn: string;
	bootstrapServers: string;
	functionArn: string;
	topic: string;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2'] as const;
const TOPICS = ['order-events', 'payments', 'inventory-updates', 'clickstream.v2', 'user_profile-changes'] as const;
const ACCOUNT = '123456789012';
/** 2025-01-15T00:00:00.000Z: all timestamps are after it, so every run writes the same dates. */
const EPOCH_MS = Date.UTC(2025, 0, 15);

function mapping(rng: Prng, topic: string = rng.pick(TOPICS)): Mapping {
	const region = rng.pick(REGIONS);
	const cluster = `${topic.replace(/[._]/g, '-')}-prod`;
	const id = rng.hex(6);
	const brokers = [1, 2].map((n) => `b-${n}.${cluster}.${id}.c2.kafka.${region}.amazonaws.com:9098`);
	return {
		clusterArn: `arn:aws:kafka:${region}:${ACCOUNT}:cluster/${cluster}/${rng.uuid()}-${rng.int(1, 9)}`,
		bootstrapServers: brokers.join(','),
		functionArn: `arn:aws:lambda:${region}:${ACCOUNT}:function:${topic.replace(/[.]/g, '-')}-consumer`,
		topic,
	};
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** The metadata part of a failure record; the caller supplies recordsInfo and the sizes. */
function failureRecord(
	rng: Prng,
	m: Mapping,
	recordsInfo: Record<string, PartitionRange>,
	batchSize: number,
	payloadSize: number,
	lastRecordMs: number,
): FailureRecord {
	return {
		requestContext: {
			requestId: rng.uuid(),
			functionArn: m.functionArn,
			condition: 'RetryAttemptsExhausted',
			approximateInvokeCount: rng.int(2, 11),
		},
		responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
		version: '1.0',
		timestamp: iso(lastRecordMs + rng.int(1_000, 60_000)),
		KafkaBatchInfo: { batchSize, eventSourceArn: m.clusterArn, bootstrapServers: m.bootstrapServers, payloadSize, recordsInfo },
	};
}

// ---- SQS/SNS-destination records (metadata only) --------------------------------------------

/** One SQS/SNS-destination record of `options.mapping` (a new mapping by default) with 1-2 partitions (or exactly `options.partitions`). */
export function sqsRecord(rng: Prng, options: { mapping?: Mapping; partitions?: number } = {}): FailureRecord {
	const m = options.mapping ?? mapping(rng);
	const partitions = options.partitions ?? rng.int(1, 2);
	const recordsInfo: Record<string, PartitionRange> = {};
	let batchSize = 0;
	let lastMs = 0;
	const first = rng.int(0, 11);
	for (let p = 0; p < partitions; p++) {
		const count = rng.int(1, 250);
		const offset = rng.int(0, 50_000_000);
		const startMs = EPOCH_MS + rng.int(0, 30 * 86_400_000);
		const endMs = count === 1 ? startMs : startMs + rng.int(count, count * 40);
		recordsInfo[`${m.topic}-${first + p}`] = {
			firstRecordOffset: String(offset),
			lastRecordOffset: String(offset + count - 1),
			firstRecordTimestamp: iso(startMs),
			lastRecordTimestamp: iso(endMs),
		};
		batchSize += count;
		lastMs = Math.max(lastMs, endMs);
	}
	return failureRecord(rng, m, recordsInfo, batchSize, batchSize * rng.int(200, 2_000), lastMs);
}

/** Event source mappings whose failures share one destination queue in the array documents. */
const MAPPINGS_PER_QUEUE = 12;

/**
 * `count` records as one SQS/SNS destination collects them: from a dozen event source mappings, so
 * ARNs and broker lists repeat as in real dumps (and caches of known-good values get real hit rates),
 * while request IDs, offsets and timestamps differ in every record.
 */
export function sqsRecords(seed: number, count: number): FailureRecord[] {
	const rng = new Prng(seed);
	const pool = Array.from({ length: MAPPINGS_PER_QUEUE }, () => mapping(rng));
	return Array.from({ length: count }, () => sqsRecord(rng, { mapping: rng.pick(pool) }));
}

/**
 * A copy of `records` where every `every`-th record has three schema errors, each reported by the
 * schema alone as exactly one problem: `version` "2.0" (const), a function name with dots
 * (functionArn pattern) and a timestamp without a time zone (date-time format). Region and account
 * stay untouched so no cross-field rule reacts.
 */
export function withSchemaErrors(records: readonly FailureRecord[], every = 100): FailureRecord[] {
	return records.map((record, index) => {
		if (index % every !== every - 1) {
			return record;
		}
		return {
			...record,
			requestContext: {
				...record.requestContext,
				functionArn: record.requestContext.functionArn.replace(/function:(.*)$/, (_, name: string) => `function:${name.replace(/-/g, '.')}`),
			},
			version: '2.0',
			timestamp: record.timestamp.replace(/Z$/, ''),
		};
	});
}

/**
 * A copy of `records` whose recordsInfo offsets are JSON numbers instead of strings. The schema and
 * the facts sheet (section 6) accept both, and the number form makes the rules read each offset's
 * source text: the document exists to show what that costs in a large array.
 */
export function withNumericOffsets(records: readonly FailureRecord[]): FailureRecord[] {
	return records.map((record) => {
		const recordsInfo: Record<string, PartitionRange> = {};
		for (const [key, range] of Object.entries(record.KafkaBatchInfo.recordsInfo)) {
			recordsInfo[key] = { ...range, firstRecordOffset: Number(range.firstRecordOffset), lastRecordOffset: Number(range.lastRecordOffset) };
		}
		return { ...record, KafkaBatchInfo: { ...record.KafkaBatchInfo, recordsInfo } };
	});
}

/** The number of problems `withSchemaErrors` plants in `count` records. */
export function plantedProblems(count: number, every = 100): number {
	return 3 * Math.floor(count / every);
}

// ---- S3-destination records (metadata + the whole Kafka event) ------------------------------

/** A Kafka event of `count` records with 1 KiB random values over 2 partitions, and its recordsInfo. */
export function kafkaEvent(
	rng: Prng,
	m: Mapping,
	count: number,
	valueBytes = 1024,
): { event: KafkaEvent; recordsInfo: Record<string, PartitionRange>; lastMs: number } {
	const partitions = [0, 1];
	const nextOffset = partitions.map(() => rng.int(0, 5_000_000));
	const byPartition: KafkaRecord[][] = partitions.map(() => []);
	let ms = EPOCH_MS + rng.int(0, 86_400_000);
	for (let i = 0; i < count; i++) {
		const p = rng.pick(partitions);
		ms += rng.int(1, 20);
		byPartition[p].push({
			topic: m.topic,
			partition: p,
			offset: nextOffset[p]++,
			timestamp: ms,
			timestampType: 'CREATE_TIME',
			key: Buffer.from(`customer-${rng.int(1_000, 99_999)}`).toString('base64'),
			value: rng.bytes(valueBytes).toString('base64'),
			// Signed bytes, as Lambda delivers them (-128..127).
			headers: [{ 'x-trace-id': [...rng.bytes(16)].map((b) => (b << 24) >> 24) }],
		});
	}
	const records: Record<string, KafkaRecord[]> = {};
	const recordsInfo: Record<string, PartitionRange> = {};
	partitions.forEach((p) => {
		const list = byPartition[p];
		if (list.length === 0) {
			return;
		}
		const key = `${m.topic}-${p}`;
		records[key] = list;
		recordsInfo[key] = {
			firstRecordOffset: String(list[0].offset),
			lastRecordOffset: String(list[list.length - 1].offset),
			firstRecordTimestamp: iso(list[0].timestamp),
			lastRecordTimestamp: iso(list[list.length - 1].timestamp),
		};
	});
	return { event: { eventSource: 'aws:kafka', eventSourceArn: m.clusterArn, bootstrapServers: m.bootstrapServers, records }, recordsInfo, lastMs: ms };
}

/** An S3-destination record whose `payload` is the Kafka event as an escaped JSON string (AWS's docs) or as an object. */
export function s3Record(seed: number, count: number, form: 'string' | 'object'): FailureRecord {
	const rng = new Prng(seed);
	const m = mapping(rng, 'order-events');
	const { event, recordsInfo, lastMs } = kafkaEvent(rng, m, count);
	const payloadText = JSON.stringify(event);
	const record = failureRecord(rng, m, recordsInfo, count, Buffer.byteLength(payloadText), lastMs);
	record.payload = form === 'string' ? payloadText : event;
	return record;
}

// ---- the benchmark documents --------------------------------------------------------------

export type Layout = 'single' | 'array' | 'json-lines';

export interface DocumentSpec {
	id: string;
	title: string;
	/** The name analyzeDocument and vscode-json-ls see (the extension decides JSON Lines). */
	fileName: string;
	layout: Layout;
	/** Set for S3 records: how the Kafka event is stored in `payload`. */
	payload?: 'string' | 'object';
	/** Records at full size: payload records for S3 records, array elements or lines otherwise. */
	fullSize: number;
	/** Builds the text with `size` records (tests use small sizes). */
	build(size: number): string;
	/** Problems analyzeDocument must report for the document built with `size` records. */
	expectedProblems(size: number): number;
	/** Lines that are not valid JSON: the JSON.parse baseline parses each line and counts its exception. */
	brokenLines?: boolean;
	/** Peak RSS growth allowed, as a multiple of the document (default: 2 for payload records, 3 otherwise). */
	memoryLimit?: number;
	/** Whether vscode-json-ls is timed too (not for a million documents of three bytes: it would take minutes). */
	compareWithVscode?: boolean;
	/** The lower bound timed instead of JSON.parse: for a YAML template, the yaml library's parseDocument. */
	baseline?: 'yaml-parse';
}

/** The problems listed for a file (analyzeDocument's default cap) and the line that counts the rest. */
const listed = (problems: number): number => (problems > 1000 ? 1001 : problems);

const SEED = 20_261_121;

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const jsonLines = (records: readonly unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

export const DOCUMENTS: readonly DocumentSpec[] = [
	{
		id: '1-single',
		title: 'single SQS-destination record, 2 partitions, no payload (pretty-printed)',
		fileName: 'failure-record.json',
		layout: 'single',
		fullSize: 1,
		build: () => pretty(sqsRecord(new Prng(SEED + 1), { partitions: 2 })),
		expectedProblems: () => 0,
	},
	{
		id: '2-s3-500',
		title: 'S3 record, payload = escaped JSON string of an aws:kafka event, 500 x 1 KiB records',
		fileName: 's3-failure-record.json',
		layout: 'single',
		payload: 'string',
		fullSize: 500,
		build: (size) => pretty(s3Record(SEED + 2, size, 'string')),
		expectedProblems: () => 0,
	},
	{
		id: '3-s3-5000',
		title: 'S3 record, payload = escaped JSON string, 5,000 x 1 KiB records',
		fileName: 's3-failure-record.json',
		layout: 'single',
		payload: 'string',
		fullSize: 5_000,
		build: (size) => pretty(s3Record(SEED + 3, size, 'string')),
		expectedProblems: () => 0,
	},
	{
		id: '3o-s3-object-5000',
		title: 'S3 record, payload = JSON object (as real records decode), 5,000 x 1 KiB records (pretty-printed)',
		fileName: 's3-failure-record.json',
		layout: 'single',
		payload: 'object',
		fullSize: 5_000,
		build: (size) => pretty(s3Record(SEED + 3, size, 'object')),
		expectedProblems: () => 0,
	},
	{
		id: '4-array-10k',
		title: 'JSON array of 10,000 SQS-destination records from 12 event source mappings, 1-2 partitions each (pretty-printed)',
		fileName: 'records.json',
		layout: 'array',
		fullSize: 10_000,
		build: (size) => pretty(sqsRecords(SEED + 4, size)),
		expectedProblems: () => 0,
	},
	{
		id: '5-array-10k-invalid',
		title: 'same as 4, every 100th record with 3 schema errors (const, pattern, date-time)',
		fileName: 'records.json',
		layout: 'array',
		fullSize: 10_000,
		build: (size) => pretty(withSchemaErrors(sqsRecords(SEED + 4, size))),
		expectedProblems: (size) => plantedProblems(size),
	},
	{
		id: '6-jsonl-10k',
		title: 'the 10,000 records of 4 as JSON Lines (compact, one per line)',
		fileName: 'records.jsonl',
		layout: 'json-lines',
		fullSize: 10_000,
		build: (size) => jsonLines(sqsRecords(SEED + 4, size)),
		expectedProblems: () => 0,
	},
	{
		// Small, as it was when each numeric offset cost a scan of the whole text: it guards the
		// numeric-offset path (safe integers need no source text; larger ones share one index per document).
		id: '7-array-numeric-offsets',
		title: 'JSON array of 200 SQS-destination records whose recordsInfo offsets are JSON numbers (pretty-printed)',
		fileName: 'records.json',
		layout: 'array',
		fullSize: 200,
		build: (size) => pretty(withNumericOffsets(sqsRecords(SEED + 7, size))),
		expectedProblems: () => 0,
	},
	{
		// A million 3-byte lines, each a broken object, in a file whose name says "records": every
		// line is parsed and checked, and memory must stay a small multiple of the file, not a parse per line.
		id: '8-jsonl-1m-short',
		title: '1,000,000 lines of `{,` (broken JSON) in records.jsonl: 8 problems a line, 1,000 listed',
		fileName: 'records.jsonl',
		layout: 'json-lines',
		fullSize: 1_000_000,
		build: (size) => '{,\n'.repeat(size),
		// Each line: 4 missing required fields and 4 syntax errors.
		expectedProblems: (size) => listed(8 * size),
		brokenLines: true,
		compareWithVscode: false,
		// The line index alone takes 4 bytes per 3-byte line, and the young generation's garbage is
		// counted against a 3 MB document: a constant multiple whatever the line count is the aim.
		memoryLimit: 6,
	},
	{
		// Issue 13: a template is checked in at most twice the time the yaml library takes to parse it.
		id: '9-template-2000',
		title:
			'CloudFormation template (YAML) of 2,000 resources with 400 Kafka mappings, each checked with its role; its "JSON.parse" case is the yaml library\'s parseDocument',
		fileName: 'template.yaml',
		layout: 'single',
		fullSize: 2_000,
		build: (size) => kafkaTemplate(size),
		expectedProblems: () => 0,
		compareWithVscode: false,
		baseline: 'yaml-parse',
		// The yaml library's document tree alone grows RSS by about 130× the text (its own case a).
		memoryLimit: 150,
	},
];

/**
 * A SAM-free CloudFormation template of `size` resources in fifths: SQS queues, SNS topics, IAM
 * roles that may send to one queue each, functions, and Kafka event source mappings whose
 * destination is that queue; valid throughout, so every rule runs to the end on every mapping.
 */
export function kafkaTemplate(size: number): string {
	const count = Math.max(1, Math.floor(size / 5));
	const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: benchmark template', 'Resources:'];
	for (let i = 0; i < count; i++) {
		lines.push(
			`  Dlq${i}:`,
			'    Type: AWS::SQS::Queue',
			'    Properties:',
			`      QueueName: orders-dlq-${i}`,
			`  Alerts${i}:`,
			'    Type: AWS::SNS::Topic',
			`  Role${i}:`,
			'    Type: AWS::IAM::Role',
			'    Properties:',
			'      AssumeRolePolicyDocument:',
			'        Statement:',
			'          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}',
			'      ManagedPolicyArns:',
			'        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole',
			'      Policies:',
			'        - PolicyName: OnFailureDestination',
			'          PolicyDocument:',
			'            Statement:',
			'              - Effect: Allow',
			'                Action: sqs:SendMessage',
			`                Resource: !GetAtt Dlq${i}.Arn`,
			`  Consumer${i}:`,
			'    Type: AWS::Lambda::Function',
			'    Properties:',
			'      Runtime: nodejs20.x',
			'      Handler: index.handler',
			`      Role: !GetAtt Role${i}.Arn`,
			'      Code: {ZipFile: "exports.handler = async () => {};"}',
			`  Mapping${i}:`,
			'    Type: AWS::Lambda::EventSourceMapping',
			'    Properties:',
			`      FunctionName: !Ref Consumer${i}`,
			'      EventSourceArn: !Sub arn:${AWS::Partition}:kafka:${AWS::Region}:${AWS::AccountId}:cluster/orders/0b1c2d3e-1111-2222-3333-444455556666-1',
			`      Topics: [orders-${i}]`,
			'      StartingPosition: LATEST',
			'      ProvisionedPollerConfig: {MinimumPollers: 1, MaximumPollers: 3}',
			'      MaximumRetryAttempts: 3',
			'      DestinationConfig:',
			'        OnFailure:',
			`          Destination: !GetAtt Dlq${i}.Arn`,
		);
	}
	return `${lines.join('\n')}\n`;
}

export function documentSpec(id: string): DocumentSpec {
	const spec = DOCUMENTS.find((d) => d.id === id);
	if (!spec) {
		throw new Error(`Unknown benchmark document ${id}; known: ${DOCUMENTS.map((d) => d.id).join(', ')}`);
	}
	return spec;
}
