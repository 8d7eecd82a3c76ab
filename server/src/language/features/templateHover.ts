/**
 * Hover in a CloudFormation or SAM template: on a property of a Kafka mapping (an
 * `AWS::Lambda::EventSourceMapping` or a SAM MSK/SelfManagedKafka event), the documentation of the
 * request field it becomes, from the esm-request schema, with a line naming the field where the
 * template calls it otherwise; SAM's own `OnFailure.Type` has its own text.
 */
import * as l10n from '@vscode/l10n';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { schemaAtPath } from '../schema/schemaLookup';
import { awsDocUrl } from '../schema/schemaText';
import type { TemplateDocument } from '../templates/cfn/analyzeTemplate';
import { requestPathOf } from '../templates/cfn/sourcePaths';
import { cursorAt } from '../templates/cfn/templateCursor';
import type { HoverResult } from './schemaHover';
import { schemaHover } from './schemaHover';

const SAM_DESTINATION_TYPE = (): string =>
	[
		'**Type** · `SQS` | `SNS` | `S3` | `Kafka`',
		l10n.t(
			'SAM only, not sent to Lambda: the kind of the destination, which tells SAM which permission to add to the role it makes for the function ({0}, {1}, or {2} and {3}). SAM adds none for {4}, nor when the function has a {5} of its own.',
			'`sqs:SendMessage`',
			'`sns:Publish`',
			'`s3:PutObject`',
			'`s3:ListBucket`',
			'`Kafka`',
			'`Role`',
		),
		l10n.t(
			'[AWS SAM documentation]({0})',
			awsDocUrl('https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-msk.html'),
		),
	].join('\n\n');

export function templateHover(document: TemplateDocument, offset: number, registry: SchemaRegistry): HoverResult | undefined {
	const cursor = cursorAt(document, offset);
	if (!cursor || cursor.sourcePath.length === 0) {
		return undefined;
	}
	const requestPath = requestPathOf(cursor.mapping.format, cursor.sourcePath);
	if (!requestPath) {
		return { markdown: SAM_DESTINATION_TYPE(), ...cursor.range };
	}
	const schema = schemaAtPath(registry.schema('esm-request'), requestPath);
	const sourceKey = cursor.sourcePath[cursor.sourcePath.length - 1];
	const requestKey = requestPath[requestPath.length - 1];
	const markdown = schema && schemaHover(schema, sourceKey, cursor.onKey ? undefined : cursor.value);
	if (!markdown) {
		return undefined;
	}
	const renamed =
		typeof sourceKey === 'string' && sourceKey !== requestKey
			? `${l10n.t("{0} is the mapping's {1} in the Lambda API.", `\`${sourceKey}\``, `\`${requestPath.join('.')}\``)}\n\n`
			: '';
	return { markdown: `${renamed}${markdown}`, ...cursor.range };
}
