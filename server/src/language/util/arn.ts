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
	return order.find((p) => PARTITIONS[p]!.test(region));
}

export function isAccountId(account: string): boolean {
	return /^\d{12}$/.test(account);
}
