/**
 * A problem found in a document, before it is placed in the text. Rules and the schema layer
 * describe problems by JSON path; the locator turns paths into offsets once, for all problems
 * together, so that valid documents never pay for positions.
 */
import type { JsonPath } from '../../../../shared/jsonPath';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A change that fixes a problem, described by path so it can be placed with the problem. */
export type FixDescription =
	/** Rename the key of the member at `problem.path` (or at `path`). */
	| { kind: 'renameKey'; title: string; newKey: string; path?: JsonPath }
	/** Delete the member at `problem.path` (or at `path`), with its comma. */
	| { kind: 'removeMember'; title: string; path?: JsonPath }
	/** Replace the value at `problem.path` (or at `path`) by this JSON text. */
	| { kind: 'replaceValue'; title: string; newText: string; path?: JsonPath }
	/** Replace characters [start, end) of the decoded string at `problem.path` with `text` (escaped on placement). */
	| { kind: 'replaceInString'; title: string; start: number; end: number; text: string }
	/** Replace a raw text range (used by syntax fixes, which are placed already). */
	| { kind: 'replaceRange'; title: string; start: number; end: number; newText: string };

export interface Problem {
	/** Stable diagnostic code, listed in shared/diagnosticCodes.ts. */
	code: string;
	severity: Severity;
	/** One sentence naming the offending key or value. */
	message: string;
	/** Where the problem is. For a missing member, the object that lacks it. */
	path: JsonPath;
	/** Which part of the member at `path` to highlight. */
	target: 'key' | 'value';
	/** A span inside the decoded string value at `path` (e.g. one segment of an ARN). */
	span?: { start: number; end: number };
	/** A raw offset range in the unit's text, for problems not tied to a path (syntax). */
	rawRange?: { start: number; end: number };
	fixes?: FixDescription[];
	/** Marks text that does nothing (rendered faded) or is deprecated (struck through). */
	tags?: ('unnecessary' | 'deprecated')[];
}

/** A problem placed in the document: offsets into the whole document text. */
export interface LocatedProblem {
	code: string;
	severity: Severity;
	message: string;
	start: number;
	end: number;
	fixes: LocatedFix[];
	tags?: ('unnecessary' | 'deprecated')[];
}

export interface LocatedFix {
	title: string;
	edits: { start: number; end: number; newText: string }[];
}
