/**
 * Lambda error responses as the service sends them (aws-facts §5.4): the code travels in
 * `X-Amzn-ErrorType`, and the message key's casing follows the model shape of each error, so
 * `message` and `Message` are not interchangeable here.
 */

/** One error response, ready to write. */
export interface WireError {
	status: number;
	/** The `X-Amzn-ErrorType` header. */
	errorType: string;
	body: Record<string, unknown>;
	headers?: Record<string, string>;
}

/** 404, capital `Message` (model shape `ResourceNotFoundException`). */
export function resourceNotFound(message = 'The resource you requested does not exist.'): WireError {
	return { status: 404, errorType: 'ResourceNotFoundException', body: { Type: 'User', Message: message } };
}

/** 400, lower-case `message` (model shape `InvalidParameterValueException`). */
export function invalidParameterValue(message: string): WireError {
	return { status: 400, errorType: 'InvalidParameterValueException', body: { Type: 'User', message } };
}

/** 400, capital `Message`; the default wording was captured from a real response. */
export function resourceInUse(message = 'Cannot update the event source mapping because it is in use.'): WireError {
	return { status: 400, errorType: 'ResourceInUseException', body: { Type: 'User', Message: message } };
}

/** 409, lower-case `message`. */
export function resourceConflict(message: string): WireError {
	return { status: 409, errorType: 'ResourceConflictException', body: { Type: 'User', message } };
}

/** 429 with `Retry-After` (the SDK maps it to `retryAfterSeconds`) and `Reason`. */
export function tooManyRequests(retryAfterSeconds = 1, message = 'Rate Exceeded.'): WireError {
	return {
		status: 429,
		errorType: 'TooManyRequestsException',
		body: { Reason: 'CallerRateLimitExceeded', Type: 'User', message },
		headers: { 'Retry-After': String(retryAfterSeconds) },
	};
}

/**
 * 500, capital `Message`. The `Type` value of a ServiceException is UNCONFIRMED (facts §8.11);
 * `Service` is an assumption.
 */
export function serviceException(message = 'An internal error occurred in the AWS Lambda service.'): WireError {
	return { status: 500, errorType: 'ServiceException', body: { Type: 'Service', Message: message } };
}

/**
 * 400 from the request validator, which is not in the Lambda model. No `Type`, as in the
 * AWS-validated snapshot; the lower-case `message` key is an assumption (facts §5.4 UNCONFIRMED).
 */
export function validationException(message: string): WireError {
	return { status: 400, errorType: 'ValidationException', body: { message } };
}

/** 403 from IAM, capital `Message`, in the wording IAM uses for a missing identity-based allow. */
export function accessDenied(action: string, resource: string, message?: string): WireError {
	const text =
		message ??
		`User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: lambda:${action} ` +
			`on resource: ${resource} because no identity-based policy allows the lambda:${action} action`;
	return { status: 403, errorType: 'AccessDeniedException', body: { Message: text } };
}

/** 400 for a body that is not JSON. */
export function invalidRequestContent(message = 'Could not parse request body into json: Unexpected character.'): WireError {
	return { status: 400, errorType: 'InvalidRequestContentException', body: { Type: 'User', message } };
}

/** The authentication layer's errors (all 403, lower-case `message`). */
export function authenticationError(errorType: string, message: string): WireError {
	return { status: 403, errorType, body: { message } };
}

/**
 * A path or method no operation matches. Lambda's exact response is not documented; this mirrors
 * what rest-json services generally send.
 */
export function unknownOperation(): WireError {
	return { status: 404, errorType: 'UnknownOperationException', body: { message: 'Unknown operation' } };
}
