/** `destination-arn-structure`: the parts of SQS, SNS and S3 destination ARNs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsOf, problemsWithCode } from '../../helpers';

const CODE = 'destination-arn-structure';

function config(destination: string): string {
	return `{"OnFailure": {"Destination": ${JSON.stringify(destination)}}}`;
}

/** The range of `needle` in a one-line text, searching from `after`'s end. */
function rangeOf(text: string, needle: string, after = ''): [number, number, number, number] {
	const start = text.indexOf(needle, after ? text.indexOf(after) + after.length : 0);
	assert.ok(start >= 0, `${needle} not found in ${text}`);
	return [0, start, 0, start + needle.length];
}

function only(destination: string): { severity: string; message: string; text: string; range: [number, number, number, number]; fixes: string[] } {
	const problems = problemsWithCode(config(destination), CODE);
	assert.equal(problems.length, 1, `${destination}: ${JSON.stringify(problems)}`);
	const { severity, message, text, range, fixes } = problems[0];
	return { severity, message, text, range, fixes };
}

function fixed(destination: string, fixIndex = 0): string {
	const text = config(destination);
	const problem = analyze(text).problems.find((p) => p.code === CODE)!;
	return applyFix(text, problem, fixIndex);
}

describe('destination-arn-structure: partitions and regions', () => {
	it('accepts well-formed ARNs in every partition', () => {
		for (const destination of [
			'arn:aws:sqs:us-east-1:123456789012:dest-queue',
			'arn:aws:sns:eu-west-3:123456789012:dest-topic',
			'arn:aws-cn:sqs:cn-northwest-1:123456789012:q',
			'arn:aws-us-gov:sqs:us-gov-east-1:123456789012:q',
			'arn:aws-iso:sqs:us-iso-east-1:123456789012:q',
			'arn:aws-iso-b:sqs:us-isob-east-1:123456789012:q',
			'arn:aws-iso-e:sqs:eu-isoe-west-1:123456789012:q',
			'arn:aws-iso-f:sns:us-isof-south-1:123456789012:t',
			'arn:aws-eusc:sqs:eusc-de-east-1:123456789012:q',
			'arn:aws:s3:::dest-bucket',
			'arn:aws-cn:s3:::dest.bucket-1',
		]) {
			assert.deepEqual(problemsWithCode(config(destination), CODE), [], destination);
		}
	});

	it('reports an unknown partition on the partition', () => {
		const destination = 'arn:azure:sqs:us-east-1:123456789012:q';
		const text = config(destination);
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'The partition "azure" is not an AWS partition; expected aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc.',
			text: 'azure',
			range: rangeOf(text, 'azure'),
			fixes: [],
		});
		// The model's `aws[a-zA-Z0-9-]*` accepts partitions that do not exist.
		assert.equal(only('arn:aws-mars:sqs:us-east-1:123456789012:q').text, 'aws-mars');
	});

	it('lower-cases a miscased partition', () => {
		assert.deepEqual(only('arn:AWS:sqs:us-east-1:123456789012:q').fixes, ['Change to aws']);
		assert.equal(fixed('arn:AWS:sqs:us-east-1:123456789012:q'), config('arn:aws:sqs:us-east-1:123456789012:q'));
	});

	it('reports ap-southeast-10 once, on the region (the model allows one trailing digit)', () => {
		const destination = 'arn:aws:sqs:ap-southeast-10:123456789012:q';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'The region "ap-southeast-10" is rejected by the Lambda API, whose destination pattern allows a region name to end in a single digit only.',
			text: 'ap-southeast-10',
			range: rangeOf(config(destination), 'ap-southeast-10'),
			fixes: [],
		});
		assert.equal(problemsOf(config(destination)).length, 1);
	});

	it('reports a malformed region', () => {
		assert.equal(only('arn:aws:sqs:US-EAST-1:123456789012:q').message, 'The region "US-EAST-1" is not a region name; expected one such as us-east-1.');
	});

	it('reports a region of another partition, with a fix to the right partition', () => {
		const destination = 'arn:aws:sqs:cn-north-1:123456789012:q';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'The region "cn-north-1" is not in the partition "aws"; it belongs to aws-cn.',
			text: 'cn-north-1',
			range: rangeOf(config(destination), 'cn-north-1'),
			fixes: ['Change the partition to aws-cn'],
		});
		assert.equal(fixed(destination), config('arn:aws-cn:sqs:cn-north-1:123456789012:q'));
		assert.equal(only('arn:aws:sqs:zz-east-1:123456789012:q').message, 'The region "zz-east-1" is not a region of any AWS partition.');
	});

	it('requires a region for SQS and SNS, marking the empty slot', () => {
		assert.deepEqual(only('arn:aws:sqs::123456789012:q'), {
			severity: 'error',
			message: 'An SQS queue ARN needs a region, as in arn:aws:sqs:us-east-1:123456789012:dest-queue.',
			text: '::',
			range: rangeOf(config('arn:aws:sqs::123456789012:q'), '::'),
			fixes: [],
		});
		assert.equal(only('arn:aws:sns::123456789012:t').message, 'An SNS topic ARN needs a region, as in arn:aws:sns:us-east-1:123456789012:dest-topic.');
	});
});

describe('destination-arn-structure: accounts', () => {
	it('reports a 5-digit account (an AWS example the model rejects)', () => {
		const destination = 'arn:aws:sqs:us-east-1:12345:q';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'The account "12345" is not a 12-digit AWS account ID.',
			text: '12345',
			range: rangeOf(config(destination), '12345'),
			fixes: [],
		});
	});

	it('requires an account for SQS and SNS', () => {
		const destination = 'arn:aws:sns:us-east-1::t';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'An SNS topic ARN needs the 12-digit account ID of its owner, as in arn:aws:sns:us-east-1:123456789012:dest-topic.',
			text: '::',
			range: rangeOf(config(destination), '::'),
			fixes: [],
		});
	});
});

describe('destination-arn-structure: queue and topic names', () => {
	it('reports the first invalid character of a queue name', () => {
		const destination = 'arn:aws:sqs:us-east-1:123456789012:dest queue';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'SQS queue name "dest queue" contains " "; SQS queue names use only letters, digits, "-" and "_", with an optional .fifo suffix.',
			text: ' ',
			range: rangeOf(config(destination), ' ', 'dest'),
			fixes: [],
		});
	});

	it('reports queue names over 80 characters and topic names over 256', () => {
		const queue = 'q'.repeat(81);
		assert.equal(
			only(`arn:aws:sqs:us-east-1:123456789012:${queue}`).message,
			`SQS queue name "${queue}" is 81 characters long; the maximum is 80, .fifo included.`,
		);
		assert.deepEqual(problemsWithCode(config(`arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(80)}`), CODE), []);
		assert.deepEqual(problemsWithCode(config(`arn:aws:sns:us-east-1:123456789012:${'t'.repeat(256)}`), CODE), []);
		assert.match(only(`arn:aws:sns:us-east-1:123456789012:${'t'.repeat(257)}`).message, /is 257 characters long; the maximum is 256/);
	});

	it('requires a queue name, marking the final colon', () => {
		const destination = 'arn:aws:sqs:us-east-1:123456789012:';
		const colon = config(destination).lastIndexOf(':"');
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'An SQS queue ARN needs a queue name after the account ID.',
			text: ':',
			range: [0, colon, 0, colon + 1],
			fixes: [],
		});
	});

	it('warns about FIFO queues and topics on the .fifo suffix', () => {
		const destination = 'arn:aws:sqs:us-east-1:123456789012:orders.fifo';
		assert.deepEqual(only(destination), {
			severity: 'warning',
			message:
				'"orders.fifo" is a FIFO queue: FIFO queues are documented as unsupported for asynchronous invocation records; whether event source mapping destinations accept them is unconfirmed.',
			text: '.fifo',
			range: rangeOf(config(destination), '.fifo'),
			fixes: [],
		});
		assert.equal(
			only('arn:aws:sns:us-east-1:123456789012:alerts.fifo').message,
			'"alerts.fifo" is a FIFO topic: FIFO topics are documented as unsupported for asynchronous invocation records; whether event source mapping destinations accept them is unconfirmed.',
		);
		// A dot anywhere else is not allowed.
		assert.equal(only('arn:aws:sqs:us-east-1:123456789012:a.b').text, '.');
	});
});

describe('destination-arn-structure: S3 buckets', () => {
	it('requires an empty region and account, with a fix that removes them', () => {
		const destination = 'arn:aws:s3:us-east-1:123456789012:dest-bucket';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'An S3 bucket ARN has an empty region and account, as in arn:aws:s3:::dest-bucket.',
			text: 'us-east-1:123456789012',
			range: rangeOf(config(destination), 'us-east-1:123456789012'),
			fixes: ['Remove the region and account'],
		});
		assert.equal(fixed(destination), config('arn:aws:s3:::dest-bucket'));
		assert.equal(fixed('arn:aws:s3::123456789012:b-1'), config('arn:aws:s3:::b-1'));
		assert.equal(only('arn:aws:s3::123456789012:b-1').text, '123456789012');
		assert.equal(fixed('arn:aws:s3:ap-southeast-10::b-1'), config('arn:aws:s3:::b-1'));
	});

	it('reports an object ARN, with a fix that strips the key', () => {
		const destination = 'arn:aws:s3:::dest-bucket/failures/kafka';
		assert.deepEqual(only(destination), {
			severity: 'error',
			message: 'The destination must be a bucket ARN, not an object ARN: remove "/failures/kafka" after the bucket name.',
			text: '/failures/kafka',
			range: rangeOf(config(destination), '/failures/kafka'),
			fixes: ['Remove the object key'],
		});
		assert.equal(fixed(destination), config('arn:aws:s3:::dest-bucket'));
	});

	it('requires a bucket name', () => {
		assert.equal(only('arn:aws:s3:::').message, 'An S3 bucket ARN needs a bucket name, as in arn:aws:s3:::dest-bucket.');
		assert.equal(only('arn:aws:s3:::').text, ':');
	});

	it('applies the bucket naming rules, marking the part at fault', () => {
		const cases: [string, string, string][] = [
			['ab', 'S3 bucket name "ab" is 2 characters long; bucket names have 3 to 63.', 'ab'],
			['my bucket', 'S3 bucket name "my bucket" contains " "; bucket names use only lowercase letters, digits, "." and "-".', ' '],
			['-bucket', 'S3 bucket name "-bucket" must begin and end with a letter or digit.', '-'],
			['bucket.', 'S3 bucket name "bucket." must begin and end with a letter or digit.', '.'],
			['my..bucket', 'S3 bucket name "my..bucket" contains "..", which bucket names may not.', '..'],
			['192.168.5.4', 'S3 bucket name "192.168.5.4" is formatted as an IP address, which bucket names may not be.', '192.168.5.4'],
			['xn--bucket', 'S3 bucket name "xn--bucket" starts with the reserved prefix "xn--".', 'xn--'],
			['sthree-bucket', 'S3 bucket name "sthree-bucket" starts with the reserved prefix "sthree-".', 'sthree-'],
			['bucket-s3alias', 'S3 bucket name "bucket-s3alias" ends with the reserved suffix "-s3alias".', '-s3alias'],
			['bucket--ol-s3', 'S3 bucket name "bucket--ol-s3" ends with the reserved suffix "--ol-s3".', '--ol-s3'],
		];
		for (const [bucket, message, marked] of cases) {
			const problem = only(`arn:aws:s3:::${bucket}`);
			assert.equal(problem.severity, 'error', bucket);
			assert.equal(problem.message, message, bucket);
			assert.equal(problem.text, marked, bucket);
		}
		assert.equal(only(`arn:aws:s3:::${'b'.repeat(256)}`).severity, 'error');
	});

	it('only warns about legacy names (upper case, "_", up to 255 characters)', () => {
		const upper = only('arn:aws:s3:::My_Bucket');
		assert.equal(upper.severity, 'warning');
		assert.equal(
			upper.message,
			'S3 bucket name "My_Bucket" contains "M", which only buckets created in us-east-1 before March 2018 may have; current bucket names use lowercase letters, digits, "." and "-".',
		);
		assert.equal(upper.text, 'M');
		const long = only(`arn:aws:s3:::${'b'.repeat(64)}`);
		assert.equal(long.severity, 'warning');
		assert.match(long.message, /is 64 characters long, which only buckets created in us-east-1 before March 2018 may be/);
		assert.deepEqual(problemsWithCode(config(`arn:aws:s3:::${'b'.repeat(63)}`), CODE), []);
	});

	it('reports object key and bucket name as two problems', () => {
		const problems = problemsWithCode(config('arn:aws:s3:::ab/key'), CODE);
		assert.deepEqual(
			problems.map((p) => p.text),
			['ab', '/key'],
		);
	});
});

describe('destination-arn-structure: scope', () => {
	it('leaves other services and forms to the other rules', () => {
		for (const destination of ['arn:aws:lambda:ap-southeast-10:12345:function:f', 'kafka://x', '', 'arn:aws:SQS:us-east-1:1:q']) {
			assert.deepEqual(problemsWithCode(config(destination), CODE), [], destination);
		}
	});

	it('checks the destination of an ESM request', () => {
		const text = '{"FunctionName": "f", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:12345:q"}}}';
		assert.equal(problemsWithCode(text, CODE)[0]?.text, '12345');
	});
});
