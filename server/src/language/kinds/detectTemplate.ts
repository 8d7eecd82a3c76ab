/**
 * Whether a text is a CloudFormation or SAM template, from its head, without parsing it: a
 * top-level `AWSTemplateFormatVersion`, a SAM `Transform`, or `Resources` with an `AWS::` type
 * (which covers `cdk synth` output, `cdk.out/*.template.json`). Other YAML and JSON are left alone.
 * YAML is read only where the editor or the file name says YAML (`.yaml`, `.yml`, `.template`);
 * JSON must start with `{`.
 */
import { realExtension } from '../../../../shared/fileNames';

/** Characters read to decide: templates put these sections first, and cdk output is one JSON object. */
const HEAD = 64 * 1024;

const YAML_EXTENSIONS = ['.yaml', '.yml', '.template'];

export function isYamlDocument(fileName: string | undefined, languageId: string | undefined): boolean {
	if (languageId === 'yaml' || languageId === 'cloudformation' || languageId === 'cfn-yaml') {
		return true;
	}
	return languageId === undefined || languageId === 'plaintext' ? fileName !== undefined && YAML_EXTENSIONS.includes(realExtension(fileName)) : false;
}

export function looksLikeTemplate(text: string, fileName?: string, languageId?: string): boolean {
	const head = text.slice(0, HEAD);
	if (/^\s*\{/.test(head)) {
		// Each sign below contains `"AWS`; records and requests do not (their ARNs say "arn:aws"), so
		// most JSON is told apart by one search instead of three regular expressions over 64 KB.
		if (!head.includes('"AWS')) {
			return false;
		}
		return (
			/"AWSTemplateFormatVersion"\s*:/.test(head) ||
			/"Transform"\s*:\s*(?:\[\s*)?"AWS::Serverless/.test(head) ||
			(/"Resources"\s*:/.test(head) && /"Type"\s*:\s*"AWS::/.test(head))
		);
	}
	if (!isYamlDocument(fileName, languageId)) {
		return false;
	}
	return (
		/^['"]?(?:AWSTemplateFormatVersion|Transform)['"]?\s*:/m.test(head) || (/^['"]?Resources['"]?\s*:/m.test(head) && /\bType['"]?\s*:\s*['"]?AWS::/.test(head))
	);
}
