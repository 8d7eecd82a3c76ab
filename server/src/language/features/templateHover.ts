/**
 * Hover in a CloudFormation or SAM template: on a property of a Kafka mapping (an
 * `AWS::Lambda::EventSourceMapping` or a SAM MSK/SelfManagedKafka event), the documentation of the
 * request field it becomes, from the esm-request schema, with a line naming the field where the
 * template calls it otherwise; SAM's own `OnFailure.Type` has its own text.
 */
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { schemaAtPath } from '../schema/schemaLookup';
import type { TemplateDocument } from '../templates/cfn/analyzeTemplate';
import { requestPathOf } from '../templates/cfn/sourcePaths';
import { cursorAt } from '../templates/cfn/templateCursor';
import type { HoverResult } from './schemaHover';
import { schemaHover } from './schemaHover';

const SAM_DESTINATION_TYPE =
	'**Type** · `SQS` | `SNS` | `S3` | `Kafka`\n\nSAM only, not sent to Lambda: the kind of the destination, which tells SAM which permission to add to the role it makes for the function (`sqs:SendMessage`, `sns:Publish`, or `s3:PutObject` and `s3:ListBucket`). SAM adds none for `Kafka`, nor when the function has a `Role` of its own.\n\n[AWS SAM documentation](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-msk.html)';

export function templateHover(document: TemplateDocument, offset: number, registry: SchemaRegistry): HoverResult | undefined {
	const cursor = cursorAt(document, offset);
	if (!cursor || cursor.sourcePath.length === 0) {
		return undefined;
	}
	const requestPath = requestPathOf(cursor.mapping.format, cursor.sourcePath);
	if (!requestPath) {
		return { markdown: SAM_DESTINATION_TYPE, ...cursor.range };
	}
	const schema = schemaAtPath(registry.schema('esm-request'), requestPath);
	const sourceKey = cursor.sourcePath[cursor.sourcePath.length - 1];
	const requestKey = requestPath[requestPath.length - 1];
	const markdown = schema && schemaHover(schema, sourceKey, cursor.onKey ? undefined : cursor.value);
	if (!markdown) {
		return undefined;
	}
	const renamed =
		typeof sourceKey === 'string' && sourceKey !== requestKey ? `\`${sourceKey}\` is the mapping's \`${requestPath.join('.')}\` in the Lambda API.\n\n` : '';
	return { markdown: `${renamed}${markdown}`, ...cursor.range };
}
