/**
 * Turns whatever an AWS call throws (a service error, a credential-provider error, a socket error,
 * a cancellation) into a {@link UserFacingError}: one plain sentence, the next step, and whether a
 * retry can help. The details (code, status, request id, attempts) go to the log through
 * {@link errorDetails}; neither ever holds credentials, tokens or signed headers.
 */
import * as l10n from '@vscode/l10n';
import { oneLine, redactSecrets, shortLine } from './logger';
import { REQUEST_FIELDS } from '../../../shared/esmRequest';

export type ErrorKind =
	| 'access-denied'
	| 'busy'
	| 'already-exists'
	| 'throttled'
	| 'validation'
	| 'not-found'
	| 'network'
	| 'expired-credentials'
	| 'invalid-credentials'
	| 'sso-expired'
	| 'no-credentials'
	| 'configuration'
	| 'cancelled'
	| 'service'
	| 'unknown';

export interface UserFacingError {
	kind: ErrorKind;
	/** One sentence saying what went wrong, without stack traces or secrets. */
	message: string;
	/** What the user can do about it. */
	nextStep?: string;
	/** Trying the same call again later may succeed (busy mapping, throttling, network). */
	retryable?: boolean;
	/** The request field AWS names, as AWS writes it (e.g. `destinationConfig.onFailure.destination`). */
	field?: string;
	/** The AWS error code, e.g. `ResourceInUseException`. */
	code?: string;
	/** The AWS request id, for a support case. */
	requestId?: string;
}

/** An error that already carries its user-facing description. */
export class UserFacingException extends Error {
	constructor(readonly userFacing: UserFacingError) {
		super(userFacing.message);
		this.name = 'UserFacingException';
	}
}

/** What the failed call was about; makes the messages specific. */
export interface ErrorContext {
	/** The service called (default: Lambda); it names the service and the IAM action in messages. */
	service?: AwsService;
	/** The operation, e.g. `UpdateEventSourceMapping`. */
	operation?: string;
	/** The profile in use (undefined: the default chain). */
	profile?: string;
	region?: string;
	endpoint?: string;
	uuid?: string;
	functionName?: string;
}

export type AwsService = 'lambda' | 'sqs' | 's3' | 'sns' | 'iam' | 'kms' | 'cloudwatch' | 'kafka';

/** How messages name each service, and its IAM action prefix. */
const SERVICES: Record<AwsService, { name: string; iam: string }> = {
	lambda: { name: 'AWS Lambda', iam: 'lambda' },
	sqs: { name: 'Amazon SQS', iam: 'sqs' },
	s3: { name: 'Amazon S3', iam: 's3' },
	sns: { name: 'Amazon SNS', iam: 'sns' },
	iam: { name: 'AWS IAM', iam: 'iam' },
	kms: { name: 'AWS KMS', iam: 'kms' },
	cloudwatch: { name: 'Amazon CloudWatch', iam: 'cloudwatch' },
	kafka: { name: 'Amazon MSK', iam: 'kafka' },
};

/** The IAM action an operation needs, where it is not named after the operation. */
const IAM_ACTIONS: Record<string, string> = {
	ListObjectsV2: 'ListBucket',
	DeleteMessageBatch: 'DeleteMessage',
	ChangeMessageVisibilityBatch: 'ChangeMessageVisibility',
};

function iamAction(operation: string): string {
	return IAM_ACTIONS[operation] ?? operation;
}

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'EPROTO',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'SELF_SIGNED_CERT_IN_CHAIN',
]);

const NETWORK_WORDS = (): Record<string, string> => ({
	ECONNREFUSED: l10n.t('the connection was refused'),
	ENOTFOUND: l10n.t('the host name could not be resolved'),
	EAI_AGAIN: l10n.t('the host name could not be resolved'),
	ECONNRESET: l10n.t('the connection was reset'),
	EPIPE: l10n.t('the connection was closed'),
	ETIMEDOUT: l10n.t('the connection timed out'),
	ESOCKETTIMEDOUT: l10n.t('the connection timed out'),
	TimeoutError: l10n.t('the request timed out'),
	EHOSTUNREACH: l10n.t('the host is unreachable'),
	ENETUNREACH: l10n.t('the network is unreachable'),
});

/** What the descriptions of an error are made from. */
interface Facts {
	info: ErrorInfo;
	code: string;
	/** AWS's message, secrets redacted. */
	awsMessage: string;
	/** The code (of a service error) and request id every description carries. */
	base: Pick<UserFacingError, 'code' | 'requestId'>;
	context: ErrorContext;
	profileName: string;
	profileFlag: string;
	service: { name: string; iam: string };
}

type Describe = (facts: Facts) => UserFacingError;

/** Describes any thrown value for the user. */
export function toUserFacingError(error: unknown, context: ErrorContext = {}): UserFacingError {
	if (error instanceof UserFacingException) {
		return error.userFacing;
	}
	const info = inspect(error);
	const facts: Facts = {
		info,
		code: info.code,
		awsMessage: redactSecrets(info.message),
		base: { code: info.isService ? info.code : undefined, requestId: info.requestId },
		context,
		profileName: context.profile ?? 'default',
		profileFlag: context.profile ? ` --profile ${context.profile}` : '',
		service: SERVICES[context.service ?? 'lambda'],
	};
	// In this order: a cancellation and credential problems first, then AWS's error code, then what the transport says.
	const describe =
		BEFORE_CODES.find(([applies]) => applies(info))?.[1] ?? BY_CODE.get(info.code) ?? FALLBACKS.find(([applies]) => applies(info))?.[1] ?? unknown;
	return describe(facts);
}

const isCancellation = (info: ErrorInfo): boolean => info.name === 'AbortError' || info.code === 'AbortError' || info.code === 'RequestAbortedError';
const isCredentialProviderError = (info: ErrorInfo): boolean => info.name === 'CredentialsProviderError' || info.name === 'TokenProviderError';

/** Checked before the error code: they are not service errors, or their code says too little. */
const BEFORE_CODES: readonly (readonly [(info: ErrorInfo) => boolean, Describe])[] = [
	[isCancellation, ({ base }) => ({ ...base, kind: 'cancelled', message: 'Cancelled.' })],
	[
		isSsoSessionProblem,
		({ base, profileName }) => ({
			...base,
			kind: 'sso-expired',
			message: l10n.t('The AWS SSO session of profile "{0}" has expired or was never started.', profileName),
			nextStep: l10n.t('Run: aws sso login --profile {0}', profileName),
		}),
	],
	[isCredentialProviderError, describeCredentialProviderError],
];

function describeCredentialProviderError({ base, awsMessage, context, profileName }: Facts): UserFacingError {
	if (/could not load credentials from any providers/i.test(awsMessage)) {
		return {
			...base,
			kind: 'no-credentials',
			message: context.profile
				? l10n.t('No AWS credentials were found for profile "{0}".', context.profile)
				: l10n.t('No AWS credentials were found (environment, shared files, SSO or instance role).'),
			nextStep: l10n.t('Choose a profile with "Lambda Kafka: Select AWS Profile", or create one with aws configure or aws configure sso.'),
		};
	}
	return {
		...base,
		kind: 'no-credentials',
		message: l10n.t('The credentials of profile "{0}" could not be loaded: {1}', profileName, firstSentence(awsMessage)),
		nextStep: l10n.t('Check the profile in your AWS config and credentials files, or choose another profile.'),
	};
}

function describeAccessDenied({ base, awsMessage, context, profileName, service }: Facts): UserFacingError {
	const permission = missingPermission(awsMessage) ?? (context.operation ? `${service.iam}:${iamAction(context.operation)}` : undefined);
	const found = /on resource: (\S+?)(?:\s|$)/.exec(awsMessage)?.[1];
	const resource = found === undefined ? undefined : shortLine(found, 300);
	return {
		...base,
		kind: 'access-denied',
		message: permission
			? l10n.t('Access denied: the identity of profile "{0}" is not allowed {1}{2}.', profileName, permission, resource ? ` on ${resource}` : '')
			: l10n.t('Access denied: {0}', firstSentence(awsMessage)),
		nextStep: permission
			? l10n.t('Ask for {0} to be granted to that identity, or choose another profile.', permission)
			: l10n.t('Choose a profile with the needed {0} permissions.', service.name),
	};
}

function describeConflict(facts: Facts): UserFacingError {
	const { base, awsMessage, context } = facts;
	if (context.operation !== 'CreateEventSourceMapping' && !/already exists/i.test(awsMessage)) {
		return busy(base, context, awsMessage);
	}
	const existing = /UUID ([0-9a-f-]{36})/i.exec(awsMessage)?.[1];
	return {
		...base,
		kind: 'already-exists',
		message: l10n.t('A mapping for this function and source already exists{0}.', existing ? ` (${existing})` : ''),
		nextStep: existing
			? l10n.t('Add "UUID": "{0}" to the document to update that mapping instead.', existing)
			: l10n.t('Update the existing mapping instead (add its UUID to the document).'),
	};
}

function describeThrottling({ base, info, service }: Facts): UserFacingError {
	const reason = info.reason ? ` (${info.reason})` : '';
	const attempts = info.attempts && info.attempts > 1 ? l10n.t(' after {0} attempts', info.attempts) : '';
	return {
		...base,
		kind: 'throttled',
		message: l10n.t('{0} is throttling requests{1}; the call still failed{2}.', service.name, reason, attempts),
		nextStep: l10n.t('Wait a minute and try again.'),
		retryable: true,
	};
}

function describeValidation({ base, awsMessage, code }: Facts): UserFacingError {
	const field = fieldOf(awsMessage);
	return {
		...base,
		kind: 'validation',
		// AWS quotes the rejected value, which comes from the document: keep it on one bounded line.
		message: l10n.t('AWS rejected the request: {0}', shortLine(awsMessage, 1000) || code),
		nextStep: field ? l10n.t('Correct {0} and apply again.', field) : l10n.t('Correct the document and apply again.'),
		field,
	};
}

const describeBusy: Describe = ({ base, context, awsMessage }) => busy(base, context, awsMessage);

const describeNotFound: Describe = ({ base, context, awsMessage, profileName }) => ({
	...base,
	kind: 'not-found',
	message: notFoundMessage(context, awsMessage),
	nextStep: l10n
		.t('Check that profile "{0}" and region {1} are the ones you meant (status bar), then pick the mapping again.', profileName, context.region ?? '')
		.replace('  ', ' '),
});

const describeExpired: Describe = ({ base, profileName, profileFlag }) => ({
	...base,
	kind: 'expired-credentials',
	message: l10n.t('The AWS credentials of profile "{0}" have expired.', profileName),
	nextStep: l10n.t('Refresh them and try again (for an SSO profile, run: aws sso login{0}).', profileFlag),
});

const describeUnknownKey: Describe = ({ base, profileName, context }) => ({
	...base,
	kind: 'invalid-credentials',
	message: l10n.t('AWS does not recognise the access key of profile "{0}"{1}.', profileName, context.endpoint ? ` at ${context.endpoint}` : ''),
	nextStep: l10n.t('Check the keys of the profile, or choose another profile.'),
});

const describeBadSignature: Describe = ({ base, profileName, awsMessage }) => ({
	...base,
	kind: 'invalid-credentials',
	message: l10n.t('AWS rejected the request signature of profile "{0}": {1}', profileName, firstSentence(awsMessage)),
	nextStep: /expired|time/i.test(awsMessage)
		? l10n.t("Check this computer's clock, then try again.")
		: l10n.t('Check the secret key of the profile, or choose another profile.'),
});

/** AWS error codes (of Lambda, SQS, S3 and STS) and how each is described. */
const BY_CODE = new Map<string, Describe>(
	(
		[
			[['AccessDeniedException', 'AccessDenied', 'AccessDeniedError', 'AuthorizationError', 'AuthorizationErrorException'], describeAccessDenied],
			[['ResourceConflictException'], describeConflict],
			[['ResourceInUseException'], describeBusy],
			[['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded'], describeThrottling],
			[['ValidationException', 'InvalidParameterValueException', 'InvalidRequestContentException', 'SerializationException'], describeValidation],
			[['ResourceNotFoundException'], describeNotFound],
			[['ExpiredTokenException', 'ExpiredToken', 'RequestExpired'], describeExpired],
			[['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId'], describeUnknownKey],
			[['InvalidSignatureException', 'SignatureDoesNotMatch'], describeBadSignature],
		] as const
	).flatMap(([codes, describe]) => codes.map((code): [string, Describe] => [code, describe])),
);

function describeNetwork({ base, code, info, context, service, awsMessage }: Facts): UserFacingError {
	const where = context.endpoint ?? (context.region ? `${service.name} in ${context.region}` : service.name);
	return {
		...base,
		kind: 'network',
		message: l10n.t('Could not reach {0}: {1}.', where, NETWORK_WORDS()[code] ?? NETWORK_WORDS()[info.name] ?? firstSentence(awsMessage)),
		nextStep: context.endpoint
			? l10n.t('Check that the endpoint (setting lambdaKafka.aws.endpointUrl) is running and reachable.')
			: l10n.t('Check your network connection and proxy, then try again.'),
		retryable: true,
	};
}

const describeServerFault: Describe = ({ base, info, service, awsMessage, code }) => ({
	...base,
	kind: 'service',
	message: l10n.t('{0} had an internal error{1}: {2}', service.name, info.status ? ` (HTTP ${info.status})` : '', firstSentence(awsMessage) || code),
	nextStep: l10n.t('Try again in a moment.'),
	retryable: true,
});

const describeForbidden: Describe = ({ base, awsMessage, code, service }) => ({
	...base,
	kind: 'access-denied',
	message: l10n.t('Access denied: {0}', firstSentence(awsMessage) || code),
	nextStep: l10n.t('Choose a profile with the needed {0} permissions.', service.name),
});

const unknown: Describe = ({ base, context, awsMessage, code }) => ({
	...base,
	kind: 'unknown',
	message: `${context.operation ?? l10n.t('The AWS call')} failed: ${firstSentence(awsMessage) || code || l10n.t('unknown error')}`,
	nextStep: l10n.t('See the log for details.'),
});

/** For codes the table does not know: what the transport and the HTTP status say. */
const FALLBACKS: readonly (readonly [(info: ErrorInfo) => boolean, Describe])[] = [
	[(info) => NETWORK_CODES.has(info.code) || info.code === 'TimeoutError' || info.name === 'TimeoutError', describeNetwork],
	[(info) => info.fault === 'server' || (info.status !== undefined && info.status >= 500) || info.code === 'ServiceException', describeServerFault],
	[(info) => info.status === 403, describeForbidden],
];

function busy(base: Pick<UserFacingError, 'code' | 'requestId'>, context: ErrorContext, awsMessage: string): UserFacingError {
	return {
		...base,
		kind: 'busy',
		message: l10n.t(
			'The event source mapping{0} is busy: {1}',
			context.uuid ? ` ${context.uuid}` : '',
			firstSentence(awsMessage) || l10n.t('another change is in progress'),
		),
		nextStep: l10n.t('Wait until its state is Enabled or Disabled, then retry.'),
		retryable: true,
	};
}

/** The request field named in a Lambda validation message, as AWS writes it. */
export function fieldOf(message: string): string | undefined {
	const at = /\bat '([A-Za-z][A-Za-z0-9_.[\]]*)'/.exec(message);
	if (at) {
		return at[1];
	}
	// InvalidParameterValueException messages start with the field they are about, e.g.
	// "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)".
	const leading = /^([A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)*) (?:must|is|cannot|can't|should)\b/.exec(message);
	if (leading && REQUEST_FIELDS.includes(leading[1].split('.')[0])) {
		return leading[1];
	}
	// Otherwise the first request member the message names, e.g. "Unsupported DestinationConfig parameter ...".
	return REQUEST_FIELDS.find((field) => new RegExp(`\\b${field}\\b`).test(message));
}

/** A field as AWS writes it (`destinationConfig.onFailure.destination`, `topics[0]`) as a path in our documents' PascalCase. */
export function fieldToJsonPath(field: string): (string | number)[] {
	const path: (string | number)[] = [];
	for (const part of field.split('.')) {
		const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
		if (!match) {
			path.push(part);
			continue;
		}
		const name = match[1];
		path.push(pascalCase(name));
		for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
			path.push(Number(index[1]));
		}
	}
	return path;
}

function pascalCase(name: string): string {
	const known = [...REQUEST_FIELDS, ...NESTED_FIELDS].find((f) => f.toLowerCase() === name.toLowerCase());
	return known ?? name.charAt(0).toUpperCase() + name.slice(1);
}

const NESTED_FIELDS = [
	'OnFailure',
	'OnSuccess',
	'Destination',
	'MinimumPollers',
	'MaximumPollers',
	'PollerGroupName',
	'ConsumerGroupId',
	'SchemaRegistryConfig',
	'Endpoints',
	'KAFKA_BOOTSTRAP_SERVERS',
	'Filters',
	'Pattern',
	'Metrics',
	'SystemLogLevel',
	'URI',
	'Type',
];

function missingPermission(message: string): string | undefined {
	return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message)?.[1] ?? /\b(lambda:[A-Z][A-Za-z]+)\b/.exec(message)?.[1];
}

function notFoundMessage(context: ErrorContext, awsMessage: string): string {
	const where = context.region ? ` in ${context.region}` : '';
	if (context.uuid) {
		return l10n.t('The event source mapping {0} was not found{1}.', context.uuid, where);
	}
	if (context.functionName) {
		return l10n.t('The function {0} was not found{1}.', context.functionName, where);
	}
	return l10n.t('Not found{0}: {1}', where, firstSentence(awsMessage));
}

function isSsoSessionProblem(info: ErrorInfo): boolean {
	if (info.name !== 'CredentialsProviderError' && info.name !== 'TokenProviderError' && info.code !== 'UnauthorizedException') {
		return false;
	}
	const message = info.message;
	if (info.code === 'UnauthorizedException') {
		// GetRoleCredentials with a token the SSO portal no longer accepts.
		return /session|token/i.test(message);
	}
	return /\bsso\b/i.test(message) && /(expired|aws sso login|refresh|not found or is invalid|invalid)/i.test(message);
}

interface ErrorInfo {
	name: string;
	code: string;
	message: string;
	status?: number;
	requestId?: string;
	attempts?: number;
	fault?: string;
	reason?: string;
	isService: boolean;
}

function inspect(error: unknown): ErrorInfo {
	if (typeof error !== 'object' || error === null) {
		return { name: 'Error', code: '', message: String(error), isService: false };
	}
	const e = error as Record<string, unknown>;
	const metadata = (typeof e['$metadata'] === 'object' && e['$metadata'] !== null ? e['$metadata'] : {}) as Record<string, unknown>;
	const name = typeof e['name'] === 'string' ? e['name'] : 'Error';
	const nodeCode = typeof e['code'] === 'string' ? e['code'] : undefined;
	const isService = '$fault' in e || typeof metadata['httpStatusCode'] === 'number';
	const code = nodeCode && !isService ? nodeCode : typeof e['Code'] === 'string' ? e['Code'] : name;
	let message = typeof e['message'] === 'string' ? e['message'] : '';
	if (!message && typeof e['Message'] === 'string') {
		message = e['Message'];
	}
	// Some socket errors hide the code in their cause.
	const cause = e['cause'];
	let causeCode: string | undefined;
	if (typeof cause === 'object' && cause !== null && typeof (cause as Record<string, unknown>)['code'] === 'string') {
		causeCode = (cause as Record<string, string>)['code'];
	}
	return {
		name,
		code: NETWORK_CODES.has(code) || !causeCode ? code : NETWORK_CODES.has(causeCode) ? causeCode : code,
		message,
		status: typeof metadata['httpStatusCode'] === 'number' ? metadata['httpStatusCode'] : undefined,
		requestId: typeof metadata['requestId'] === 'string' ? metadata['requestId'] : undefined,
		attempts: typeof metadata['attempts'] === 'number' ? metadata['attempts'] : undefined,
		fault: typeof e['$fault'] === 'string' ? e['$fault'] : undefined,
		reason: typeof e['Reason'] === 'string' ? e['Reason'] : undefined,
		isService,
	};
}

/** A line for the log: code, status, request id, attempts and message; never the error object itself. */
export function errorDetails(error: unknown, context: ErrorContext = {}): string {
	const info = inspect(error);
	const parts = [
		context.operation ? `${context.operation} failed` : 'Failed',
		`error=${info.name}${info.code && info.code !== info.name ? `/${info.code}` : ''}`,
		info.status !== undefined ? `status=${info.status}` : undefined,
		info.fault ? `fault=${info.fault}` : undefined,
		info.reason ? `reason=${info.reason}` : undefined,
		info.attempts !== undefined ? `attempts=${info.attempts}` : undefined,
		info.requestId ? `requestId=${info.requestId}` : undefined,
		context.region ? `region=${context.region}` : undefined,
		context.uuid ? `uuid=${context.uuid}` : undefined,
		`message=${JSON.stringify(info.message)}`,
	];
	return oneLine(redactSecrets(parts.filter((p) => p !== undefined).join(' ')));
}

/** The message and next step on one line, as notifications show them. */
export function formatUserFacing(error: UserFacingError): string {
	return error.nextStep ? `${error.message} ${error.nextStep}` : error.message;
}

function firstSentence(message: string): string {
	return shortLine(message.split(/\r?\n/)[0] ?? '', 300);
}
