import { createHash } from 'node:crypto';
import { type Document, EMPTY_META, type PrecisRecord, type SourceInfo } from './document.js';
import type { ErrorCode } from './errors.js';

/**
 * The record's layout and readings, counted: raised whenever the same article and options give a
 * different record (a new field, a changed reading), so that the pipeline version changes with it
 * and --resume, --out checks and queue de-duplication never keep a record older code made.
 * 2: amounts' and rates' sentence, meta, DATE value.
 */
export const RECORD_REVISION = 2;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function toRecord(doc: Document, meta: { includeText: boolean; pipelineVersion: string; ms: number }): PrecisRecord {
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    date: doc.date,
    meta: doc.meta,
    ...(meta.includeText ? { text: doc.text } : {}),
    language: doc.language,
    sentences: doc.sentences.length,
    keySentences: doc.keySentences,
    entities: doc.entities,
    amounts: doc.amounts,
    pairs: doc.pairs,
    rates: doc.rates,
    summary: doc.summary,
    boilerplate: doc.boilerplate,
    warnings: doc.warnings,
    pipelineVersion: meta.pipelineVersion,
    ms: meta.ms,
  };
}

/** The record of an article that failed: what is known of it, and the error. */
export function failedRecord(
  base: { id: string; source: SourceInfo; doc?: Document },
  error: { code: ErrorCode; message: string },
  meta: { includeText: boolean; pipelineVersion: string; ms: number },
): PrecisRecord {
  const partial = base.doc ? toRecord(base.doc, meta) : undefined;
  return {
    id: base.id,
    source: base.source,
    title: partial?.title ?? null,
    date: partial?.date ?? base.doc?.date ?? null,
    meta: partial?.meta ?? { ...EMPTY_META },
    ...(meta.includeText && partial?.text ? { text: partial.text } : {}),
    language: partial?.language ?? null,
    sentences: 0,
    keySentences: [],
    entities: [],
    amounts: [],
    pairs: [],
    rates: [],
    summary: null,
    boilerplate: partial?.boilerplate ?? [],
    warnings: partial?.warnings ?? [],
    pipelineVersion: meta.pipelineVersion,
    ms: meta.ms,
    error,
  };
}
