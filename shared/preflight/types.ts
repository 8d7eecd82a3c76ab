/**
 * The pre-flight check's vocabulary (issue 15): what it asks AWS through {@link PreflightSources},
 * and the report it answers with. Plain JSON only, so the VS Code command, the apply dialog and
 * the CLI share one check, and tests can hand it fakes or the real SDK against loopback servers.
 */

/** How one question was answered. `unknown` is "could not check": never a failure. */
export type Verdict = 'pass' | 'fail' | 'warn' | 'unknown' | 'n/a';

/** The five questions, in the order the report asks them. */
export type CheckId = 'destination' | 'role' | 'encryption' | 'delivery' | 'drift';

export interface CheckRow {
	id: CheckId;
	/** e.g. "The destination exists". */
	question: string;
	verdict: Verdict;
	/** One or two sentences: what was found, or why it could not be checked. */
	detail: string;
	/** For a fail: the exact fix, as text to copy. */
	fix?: string;
	/** For a fail whose fix is a policy: the least-privilege statements, ready to paste, and where each goes. */
	policies?: PolicyFix[];
}

export interface PolicyFix {
	/** Where it goes, e.g. "the execution role orders-consumer-role (an inline or managed policy)". */
	target: string;
	/** Pretty-printed JSON. */
	json: string;
}

export interface PreflightReport {
	functionName: string;
	uuid: string;
	/** The on-failure destination checked ('' when there is none). */
	destination: string;
	/** Whether the destination came from a document about to be applied rather than the mapping. */
	fromDocument: boolean;
	rows: CheckRow[];
}

/** Why a read failed, already sorted by the adapter that made it. */
export interface SourceFailure {
	/** `access-denied`: the checker lacks `action`; `not-found`: the thing read does not exist. */
	kind: 'access-denied' | 'not-found' | 'error';
	message: string;
	/** The IAM action the call needs, e.g. `iam:SimulatePrincipalPolicy`. */
	action: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

/** What a queue, topic or bucket says about itself. */
export interface DestinationFacts {
	/** The resource policy as JSON text, when it has one and it could be read. */
	policy?: string;
	/** Why the policy could not be read, when that was the case. */
	policyUnreadable?: SourceFailure;
	/** The KMS key id, alias or ARN it encrypts with, when it uses SSE-KMS. */
	kmsKey?: string;
	/** Why the encryption settings could not be read. */
	encryptionUnreadable?: SourceFailure;
}

export interface KeyFacts {
	arn: string;
	/** `AWS` for an AWS managed key, `CUSTOMER` for a customer managed one. */
	manager: string;
	account: string;
}

/** IAM's answer for one action on one resource. */
export interface SimulationResult {
	action: string;
	resource: string;
	decision: 'allowed' | 'implicitDeny' | 'explicitDeny';
	/** The policies whose statements decided it (e.g. an explicit Deny's policy name). */
	matchedPolicies: string[];
}

export interface SimulationRequest {
	principalArn: string;
	actions: string[];
	resource: string;
	/** The queue, topic, bucket or key policy to evaluate with the role's own. */
	resourcePolicy?: string;
	/** The resource's account, required by IAM when a resource policy is given. */
	resourceOwner?: string;
}

/**
 * Every read the check makes. Each returns {@link Read} instead of throwing, so one unreadable
 * thing becomes "could not check" for its row alone; a cancellation still throws.
 */
export interface PreflightSources {
	/** Lambda GetFunctionConfiguration: the execution role's ARN. */
	functionRole(functionName: string): Promise<Read<string>>;
	/** Lambda ListTags on the mapping's ARN. */
	mappingTags(mappingArn: string): Promise<Read<Record<string, string>>>;
	/** SQS GetQueueAttributes (Policy, KmsMasterKeyId). */
	queue(arn: string): Promise<Read<DestinationFacts>>;
	/** SNS GetTopicAttributes (Policy, KmsMasterKeyId). */
	topic(arn: string): Promise<Read<DestinationFacts>>;
	/** S3 HeadBucket, then GetBucketPolicy and GetBucketEncryption. */
	bucket(name: string): Promise<Read<DestinationFacts>>;
	/** MSK DescribeTopic: true when the topic exists on the cluster. */
	kafkaTopicExists(clusterArn: string, topic: string): Promise<Read<boolean>>;
	/** IAM SimulatePrincipalPolicy. */
	simulate(request: SimulationRequest): Promise<Read<SimulationResult[]>>;
	/** KMS DescribeKey. */
	describeKey(keyId: string, region: string): Promise<Read<KeyFacts>>;
	/** KMS GetKeyPolicy (the `default` policy). */
	keyPolicy(keyArn: string, region: string): Promise<Read<string>>;
	/** CloudWatch GetMetricData: the sum of `DestinationDeliveryFailures` of the function since `since`. */
	deliveryFailures(functionName: string, since: Date, until: Date): Promise<Read<number | undefined>>;
}

/** The mapping as it is, or as it will be once the document under review is applied. */
export interface PlannedMapping {
	UUID?: string;
	FunctionArn?: string;
	EventSourceMappingArn?: string;
	EventSourceArn?: string;
	Topics?: string[];
	ProvisionedPollerConfig?: { MinimumPollers?: number; MaximumPollers?: number };
	DestinationConfig?: { OnFailure?: { Destination?: string } };
}
