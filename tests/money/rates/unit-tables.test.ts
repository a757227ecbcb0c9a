import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../../src/ingest/normalise-text.js';
import { extractMoney } from '../../../src/money/extract-money.js';

// A central bank's parity table as the wires print it, written for this test (values invented).
const quotes = (text: string, language: string) => {
  let at = 0;
  const regions = text.split('\n').map((line) => {
    const region = { start: at, end: at + line.length, language };
    at += line.length + 1;
    return region;
  });
  return extractMoney(text, foldForMatching(text), { regions }).rates.map((r) => `${r.base}/${r.quote} ${r.value}`);
};

describe('parity tables', () => {
  test('units first price the row\'s currency in the header\'s; units last, the other way round', () => {
    const table = ['La banque centrale a publié ses parités du jour.', 'Monnaie Unité Parité intermédiaire (RMB)', 'Dollar US 100 712,40', 'Euro 100 801,15', 'Livre sterling 100 918,60', 'Rouble russe 1 215,30 100'].join('\n');
    expect(quotes(table, 'fra')).toEqual(['USD/CNY 7.124', 'EUR/CNY 8.0115', 'GBP/CNY 9.186', 'CNY/RUB 12.153']);
  });

  test('in Spanish, with a grouped value; rows without a header are nothing', () => {
    const table = ['Moneda Unidad Valor (en yuan)', 'Dólar USA 100 709,85', 'Libra esterlina 100 1.020,50'].join('\n');
    expect(quotes(table, 'spa')).toEqual(['USD/CNY 7.0985', 'GBP/CNY 10.205']);
    expect(quotes(['Dólar USA 100 709,85', 'Euro 100 790,10'].join('\n'), 'spa')).toEqual([]);
  });
});
