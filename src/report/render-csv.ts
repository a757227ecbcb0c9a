import { stringify } from 'csv-stringify/sync';
import type { ReportData } from './aggregate.js';

/** The CSV files of a report, by file name. */
export type CsvFiles = Record<'amounts.csv' | 'pairs.csv' | 'entities.csv', string>;

export const AMOUNT_COLUMNS = ['article', 'text', 'english', 'currency', 'value', 'exact', 'approx', 'ambiguous', 'bound', 'estimated', 'sentence'] as const;
export const PAIR_COLUMNS = ['article', 'english', 'base', 'quote', 'rate', 'consensus', 'deviation', 'consistent', 'reference_rate', 'reference_date', 'reference_deviation'] as const;
export const ENTITY_COLUMNS = ['article', 'entity', 'type', 'mentions'] as const;

/**
 * RFC 4180 (CRLF, quoted where needed) with a header row. Cells that a spreadsheet would run as
 * a formula (`=…`, `+…`, `@…`) get a leading apostrophe: the text comes from arbitrary articles.
 */
function csv(columns: readonly string[], rows: Array<Array<string | number | boolean | null>>): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}

export function renderCsv(data: ReportData): CsvFiles {
  return {
    'amounts.csv': csv(
      AMOUNT_COLUMNS,
      data.amounts.map((a) => [a.article, a.text, a.english, a.currency, a.value, a.exact, a.approx, a.ambiguous, a.bound ?? '', a.estimated ?? '', a.sentence]),
    ),
    'pairs.csv': csv(
      PAIR_COLUMNS,
      data.pairs.map((p) => [p.article, p.english, p.base, p.quote, p.rate, p.consensus, p.deviation, p.consistent, p.referenceRate ?? '', p.referenceDate ?? '', p.referenceDeviation ?? '']),
    ),
    'entities.csv': csv(
      ENTITY_COLUMNS,
      data.entities.map((e) => [e.article, e.text, e.type, e.mentions]),
    ),
  };
}
