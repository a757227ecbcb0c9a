import { describe, expect, test } from 'vitest';
import { parseEcbCsv, readReferenceRates, readReferenceRatesSync, referenceRate } from '../../src/money/reference-rates.js';
import { fixture } from '../helpers.js';

describe('ECB reference rates', () => {
  test('reads the daily file as downloaded (spaces, long date, trailing comma)', async () => {
    const table = await readReferenceRates(fixture('rates', 'eurofxref.csv'));
    expect(table.dates).toEqual(['2025-03-14']);
    expect(referenceRate(table, 'EUR', 'USD', '2025-03-14')).toEqual({ rate: 1.088, date: '2025-03-14' });
    // A cross rate through the euro: KRW per USD.
    expect(referenceRate(table, 'USD', 'KRW', '2025-03-14')!.rate).toBeCloseTo(1580.12 / 1.088, 6);
  });

  test('reads the history file, with N/A where a currency was not quoted', () => {
    const table = parseEcbCsv('Date,USD,KRW,CYP,\n2025-03-14,1.0880,1580.12,N/A,\n2025-03-13,1.0860,1577.50,N/A,\n', 'hist.csv');
    expect(table.dates).toEqual(['2025-03-13', '2025-03-14']);
    expect(referenceRate(table, 'USD', 'CYP', '2025-03-14')).toBeNull();
  });

  test('uses the last business day before the date, and nothing older than ten days', () => {
    const table = parseEcbCsv('Date,USD\n2025-03-14,1.0880\n', 'hist.csv');
    expect(referenceRate(table, 'EUR', 'USD', '2025-03-16')!.date).toBe('2025-03-14');
    expect(referenceRate(table, 'EUR', 'USD', '2025-04-16')).toBeNull();
    expect(referenceRate(table, 'EUR', 'USD', '2025-03-01')).toBeNull();
  });

  test('a file that is not the ECB CSV fails with REFERENCE_RATES_INVALID naming the line', () => {
    expect(() => parseEcbCsv('when,what\n1,2\n', 'x.csv')).toThrow(expect.objectContaining({ code: 'REFERENCE_RATES_INVALID', message: expect.stringMatching(/x\.csv, line 1/) }));
    expect(() => parseEcbCsv('Date,USD\nyesterday,1.08\n', 'x.csv')).toThrow(expect.objectContaining({ code: 'REFERENCE_RATES_INVALID', message: expect.stringMatching(/line 2/) }));
    expect(() => parseEcbCsv('Date,USD\n2025-03-14,-1\n', 'x.csv')).toThrow(expect.objectContaining({ code: 'REFERENCE_RATES_INVALID' }));
  });

  test('a missing file fails with REFERENCE_RATES_NOT_FOUND saying what to give', () => {
    expect(() => readReferenceRatesSync('/nonexistent/eurofxref.csv')).toThrow(
      expect.objectContaining({ code: 'REFERENCE_RATES_NOT_FOUND', message: expect.stringMatching(/ECB CSV/) }),
    );
  });
});
