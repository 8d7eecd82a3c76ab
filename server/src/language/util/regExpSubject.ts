/**
 * V8 keeps the subject of the last successful regular expression match (what `RegExp.input`
 * returns) until the next match. A subject that is a slice of a document's text (`text.slice(0,
 * 1024)` tested for a leading brace) is a view of the whole text, so the last test run on a
 * document kept all of it alive after everything else had let go of it: a closed 12 MB document
 * on the server thread (startServer.ts), a 41 MB record's text in the validation thread
 * (pipeline.ts, releaseDocumentText).
 */
const EMPTY = /(?:)/;

/** Makes the empty string the last subject matched, so that no text is kept through it. */
export function forgetLastRegExpSubject(): void {
	EMPTY.exec('');
}
