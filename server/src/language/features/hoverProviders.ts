/** Hovers computed from values, tried in order before the schema's documentation. */
import type { PositionContext } from './documentPosition';
import { payloadRecordHover } from './payloadRecordHover';
import { recordsInfoHover } from './recordsInfoHover';

/** A hover computed from the document's values. Returns Markdown in which all document text is escaped, or undefined. */
export type HoverProvider = (context: PositionContext) => string | undefined;

export const HOVER_PROVIDERS: readonly HoverProvider[] = [recordsInfoHover, payloadRecordHover];
