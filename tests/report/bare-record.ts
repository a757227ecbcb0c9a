import type { PrecisRecord } from '../../src/index.js';

/**
 * A record with nothing in it but what a test gives: the report tests build odd records (ids and
 * texts made to break CSV or HTML) and need only a few fields each.
 */
export function bareRecord(fields: { id: string } & Record<string, unknown>): PrecisRecord {
  return {
    source: { path: null, sha256: '', bytes: 0, encoding: '', format: 'text' },
    title: null,
    date: null,
    language: null,
    sentences: 0,
    keySentences: [],
    entities: [],
    amounts: [],
    pairs: [],
    rates: [],
    summary: null,
    boilerplate: [],
    warnings: [],
    pipelineVersion: 'x',
    ms: 0,
    ...fields,
  } as unknown as PrecisRecord;
}
