/**
 * The request rules name API members (`"Topics"`, `ProvisionedPollerConfig`); in a Terraform file
 * each name is replaced by the argument the user writes (`topics`, `provisioned_poller_config`).
 */
import type { LocatedProblem } from '../validation/problem';
import { terraformNames } from './esmFields';

let namePattern: { names: Map<string, string>; pattern: RegExp } | undefined;

/** The pattern of the API member names in messages (exported for the ReDoS test, which runs it on adversarial input). */
export function terraformNamePattern(): RegExp {
	if (!namePattern) {
		const names = terraformNames();
		// One-word names (`Topics`, `Type`, `Destination`) are also English words: only their quoted
		// or dotted uses are members. Compound names (`BatchSize`) are members wherever they appear.
		// The names are letters only, so they need no escaping and the pattern is alternations of words.
		const sorted = [...names.keys()].sort((a, b) => b.length - a.length);
		const compound = sorted.filter((name) => /^[A-Z][a-z0-9]*[A-Z]/.test(name));
		const single = sorted.filter((name) => !compound.includes(name));
		namePattern = { names, pattern: new RegExp(`\\b(?:${compound.join('|')})\\b|(?<=[".])(?:${single.join('|')})\\b`, 'g') };
	}
	return namePattern.pattern;
}

/** A message in Terraform's argument names: `Topics` → `topics`, `OnFailure.Destination` → `on_failure.destination_arn`. */
export function inTerraformNames(message: string): string {
	const pattern = terraformNamePattern();
	const names = namePattern!.names;
	return message.replace(pattern, (name) => names.get(name) ?? name);
}

export function inTerraformTerms(problem: LocatedProblem): LocatedProblem {
	return {
		...problem,
		message: inTerraformNames(problem.message),
		fixes: problem.fixes.map((fix) => ({ ...fix, title: inTerraformNames(fix.title) })),
	};
}
