/** Hovers computed from values, tried in order before the schema's documentation. */
import type { HoverProvider } from './hover';

export const HOVER_PROVIDERS: readonly HoverProvider[] = [];
