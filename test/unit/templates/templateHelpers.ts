/**
 * Helpers for template tests: analyse a YAML or JSON template under a file name, find a needle's
 * exact range, apply a fix by code, and build small SAM and CloudFormation templates.
 */
import assert from 'node:assert/strict';
import type { ProblemView } from '../../helpers';
import { analyze, applyFix, problemsOf } from '../../helpers';

export function templateProblems(text: string, fileName = 'template.yaml'): ProblemView[] {
	return problemsOf(text, { fileName });
}

export function withCode(text: string, code: string, fileName = 'template.yaml'): ProblemView[] {
	return templateProblems(text, fileName).filter((p) => p.code === code);
}

/** The 0-based [line, character, line, character] range of the `occurrence`-th `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): [number, number, number, number] {
	let at = -1;
	for (let i = 0; i <= occurrence; i++) {
		at = text.indexOf(needle, at + 1);
		assert.ok(at >= 0, `${needle} #${occurrence} not found`);
	}
	const position = (offset: number): [number, number] => {
		const before = text.slice(0, offset).split('\n');
		return [before.length - 1, before[before.length - 1].length];
	};
	return [...position(at), ...position(at + needle.length)];
}

/** The text after applying the first fix of the first problem with `code`. */
export function fixed(text: string, code: string, fileName = 'template.yaml', fixIndex = 0): string {
	const problem = analyze(text, { fileName }).problems.find((p) => p.code === code);
	assert.ok(problem, `no ${code} problem`);
	return applyFix(text, problem, fixIndex);
}

export const CLUSTER_ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/0b1c2d3e-1111-2222-3333-444455556666-1';

/** A SAM template with one function whose MSK event has these properties (indented for the event). */
export function samTemplate(eventProperties: string, functionProperties = '', extraResources = '', type = 'MSK'): string {
	return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
${functionProperties}      Events:
        Orders:
          Type: ${type}
          Properties:
${eventProperties}${extraResources}`;
}

/** A CloudFormation template with one event source mapping whose properties are these (indented for it). */
export function cfnTemplate(properties: string, extra = ''): string {
	return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
${properties}${extra}`;
}

/** MSK event properties with a destination, ready for samTemplate. */
export function mskEvent(destination: string, extra = ''): string {
	return `            Stream: ${CLUSTER_ARN}
            Topics: [orders]
            StartingPosition: LATEST
${extra}            DestinationConfig:
              OnFailure:
                Destination: ${destination}
`;
}
