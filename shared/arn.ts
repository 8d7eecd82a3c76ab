/**
 * ARN parsing for the services a Kafka ESM touches, with the AWS partitions and region patterns
 * from botocore's partitions.json (facts sheet section 1.3). Every part keeps its offset so a
 * problem can point at the exact segment.
 */

export interface ArnPart {
	value: string;
	/** Offset of the part in the ARN string. */
	start: number;
	end: number;
}

export interface Arn {
	partition: ArnPart;
	service: ArnPart;
	region: ArnPart;
	account: ArnPart;
	resource: ArnPart;
}

/** Splits `arn:partition:service:region:account:resource` (the resource may contain colons). */
export function parseArn(text: string): Arn | undefined {
	if (!text.startsWith('arn:')) {
		return undefined;
	}
	const parts: ArnPart[] = [];
	let start = 4;
	for (let i = 0; i < 4; i++) {
		const colon = text.indexOf(':', start);
		if (colon < 0) {
			return undefined;
		}
		parts.push({ value: text.slice(start, colon), start, end: colon });
		start = colon + 1;
	}
	parts.push({ value: text.slice(start), start, end: text.length });
	const [partition, service, region, account, resource] = parts as [ArnPart, ArnPart, ArnPart, ArnPart, ArnPart];
	return { partition, service, region, account, resource };
}

/** AWS partitions and the region names each one accepts. */
export const PARTITIONS: Record<string, RegExp> = {
	aws: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
	'aws-cn': /^cn-\w+-\d+$/,
	'aws-us-gov': /^us-gov-\w+-\d+$/,
	'aws-iso': /^us-iso-\w+-\d+$/,
	'aws-iso-b': /^us-isob-\w+-\d+$/,
	'aws-iso-e': /^eu-isoe-\w+-\d+$/,
	'aws-iso-f': /^us-isof-\w+-\d+$/,
	'aws-eusc': /^eusc-(de)-\w+-\d+$/,
};

export function isKnownPartition(partition: string): boolean {
	return Object.prototype.hasOwnProperty.call(PARTITIONS, partition);
}

/** The partition whose region pattern matches `region`, if any. */
export function partitionOfRegion(region: string): string | undefined {
	// More specific partitions first: "us-gov-west-1" also matches the generic aws pattern.
	const order = ['aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', 'aws-cn', 'aws'];
	return order.find((p) => PARTITIONS[p].test(region));
}

export function isAccountId(account: string): boolean {
	return /^\d{12}$/.test(account);
}

/** The partition names of {@link PARTITIONS}, in the order messages list them. */
export const PARTITION_NAMES: readonly string[] = Object.keys(PARTITIONS);

/**
 * The region part of the Lambda model's ARN patterns (`DestinationArn`, `Arn`): stricter than
 * botocore's partition patterns, it allows exactly one trailing digit, so `ap-southeast-10` fails.
 */
const MODEL_REGION = /^(eusc-)?[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Whether the Lambda API's ARN pattern accepts `region` as a (non-empty) region segment. */
export function isModelRegion(region: string): boolean {
	return MODEL_REGION.test(region);
}

/** Whether `region` is a region name of `partition` (a known partition) by botocore's pattern. */
export function isRegionOfPartition(region: string, partition: string): boolean {
	return isKnownPartition(partition) && PARTITIONS[partition].test(region);
}

/** Lower-cases a leading `arn:` written in another case, so a miscased ARN still parses (offsets are unchanged). */
export function parseArnIgnoringPrefixCase(text: string): Arn | undefined {
	return text.slice(0, 4).toLowerCase() === 'arn:' ? parseArn(`arn:${text.slice(4)}`) : undefined;
}

/**
 * The span to highlight for an ARN part. An empty part has no characters, so the colons around it
 * are marked instead (`::` for an empty region, the final `:` for an empty resource).
 */
export function partSpan(part: ArnPart, textLength: number): { start: number; end: number } {
	if (part.end > part.start) {
		return { start: part.start, end: part.end };
	}
	return { start: Math.max(0, part.start - 1), end: Math.min(textLength, part.end + 1) };
}
