/** Hovers computed from values, tried in order before the schema's documentation. */
import type { HoverProvider } from './hover';
import { payloadRecordHover } from './payloadRecordHover';
import { recordsInfoHover } from './recordsInfoHover';

export const HOVER_PROVIDERS: readonly HoverProvider[] = [recordsInfoHover, payloadRecordHover];
