import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { aggregate, collectRecords, renderCsv } from '../../src/report/index.js';
import { AMOUNT_COLUMNS, ENTITY_COLUMNS, PAIR_COLUMNS } from '../../src/report/render-csv.js';
import { fixture } from '../helpers.js';
import { bareRecord } from './bare-record.js';

const rows = (text: string): string[][] => parse(text, { relax_column_count: false });

describe('renderCsv', () => {
  test('three files with a header and one row per amount, pair and article entity', async () => {
    const { records } = await collectRecords(fixture('report'));
    const data = aggregate(records);
    const files = renderCsv(data);
    expect(Object.keys(files).sort()).toEqual(['amounts.csv', 'entities.csv', 'pairs.csv']);

    const amounts = rows(files['amounts.csv']);
    expect(amounts[0]).toEqual([...AMOUNT_COLUMNS]);
    expect(amounts).toHaveLength(1 + data.amounts.length);
    const approx = amounts.find((r) => r[1] === 'environ 90 milliards de wons')!;
    expect(Object.fromEntries(AMOUNT_COLUMNS.map((c, i) => [c, approx[i]]))).toMatchObject({
      article: 'alpha-budget-fr.txt',
      currency: 'KRW',
      value: '90000000000',
      exact: '90000000000',
      approx: 'true',
      ambiguous: 'false',
      bound: '',
    });

    const pairs = rows(files['pairs.csv']);
    expect(pairs[0]).toEqual([...PAIR_COLUMNS]);
    expect(pairs).toHaveLength(1 + 3);
    const bad = pairs.find((r) => r[7] === 'false')!;
    expect(bad.slice(2, 11)).toEqual(['USD', 'KRW', '1800', '1446', '24.48', 'false', '1452.32', '2025-03-14', '23.94']);

    const entities = rows(files['entities.csv']);
    expect(entities[0]).toEqual([...ENTITY_COLUMNS]);
    expect(entities).toHaveLength(1 + data.entities.length);
    expect(entities).toContainEqual(['news/gamma-werft-de.txt', 'Port-Aval', 'LOC', '1']);
  });

  test('RFC 4180: CRLF line ends; commas, quotes and line breaks quoted and read back whole; formulas defused', () => {
    const record = bareRecord({
      id: 'odd, "quoted"\nid.txt',
      sentences: 1,
      entities: [{ text: '=HYPERLINK("http://x")', type: 'ORG', mentions: [{ start: 0, end: 1, text: '=' }] }],
      amounts: [
        {
          text: '1,5 milliard "d\'euros"',
          start: 0,
          end: 1,
          currency: 'EUR',
          value: 1.5e9,
          exact: '1500000000',
          scale: 1e9,
          precision: 1e8,
          approx: false,
          bound: null,
          ambiguous: false,
          per: null,
          range: null,
          language: 'fra',
          english: '€1.5 billion',
          sentence: 'Line one,\r\nline "two"; @cmd +1',
        },
      ],
      pairs: [],
      rates: [],
    });
    const files = renderCsv(aggregate([{ file: 'x.json', record }]));
    const text = files['amounts.csv'];
    expect(text.split('\r\n')[0]).toBe(AMOUNT_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    const [, row] = rows(text);
    expect(row![0]).toBe('odd, "quoted"\nid.txt');
    expect(row![1]).toBe('1,5 milliard "d\'euros"');
    expect(row![10]).toBe('Line one,\r\nline "two"; @cmd +1');
    expect(text).toContain('"1,5 milliard ""d\'euros"""');
    // A cell a spreadsheet would run as a formula starts with an apostrophe.
    const [, entity] = rows(files['entities.csv']);
    expect(entity![1]).toBe('\'=HYPERLINK("http://x")');
    // An empty run still has its header.
    expect(rows(renderCsv(aggregate([]))['pairs.csv'])).toEqual([[...PAIR_COLUMNS]]);
  });
});
