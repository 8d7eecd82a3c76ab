/**
 * What every AWS client of the extension needs: where to send requests and with which identity.
 * Resolved once per command from the user's settings (never from workspace settings) and the
 * AWS CLI's shared config, so Lambda, SQS and S3 calls in one command agree.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface AwsContext {
	/** The region requests go to, e.g. `us-east-1`. */
	region: string;
	/** The named profile in use, or undefined for the default credential chain. */
	profile: string | undefined;
	/** An endpoint override (LocalStack, another emulator, a loopback test server), or undefined for AWS. */
	endpoint: string | undefined;
	/** The SDK's own credential provider for that profile (SSO, credential_process, assume-role, env...). */
	credentials: AwsCredentialIdentityProvider;
}
