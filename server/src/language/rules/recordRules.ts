/** The rules for failure records and Kafka events (including the payload of S3 records). */
import type { Rule } from './types';

export const RECORD_RULES: readonly Rule[] = [];
