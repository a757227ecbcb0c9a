import { describe, expect, test } from 'vitest';
import { decimalFromParts } from '../../src/money/decimal.js';
import { renderAmount } from '../../src/money/render-english.js';

describe('renderAmount', () => {
  test.for([
    ['KRW', '728000000000000', '', '₩728 trillion'],
    ['KRW', '1952000000000000', '', '₩1,952 trillion'],
    ['USD', '6900000000', '', 'US$6.9 billion'],
    ['USD', '600000000', '', 'US$600 million'],
    ['KRW', '45000', '', '₩45,000'],
    ['CHF', '5000000', '', 'CHF 5 million'],
    ['EUR', '1250000000', '', '€1.25 billion'],
    ['USD', '12.5', '', 'US$12.5'],
    ['CAD', '45000', '', 'C$45,000'],
  ] as const)('%s %s → %s', ([code, exact, _x, expected]) => {
    const [i, f = ''] = exact.split('.');
    expect(renderAmount(code, decimalFromParts(i!, f))).toBe(expected);
  });

  test('approximate amounts, bounds and per-unit prices', () => {
    expect(renderAmount('KRW', decimalFromParts('45000'), { per: 'month', approx: true })).toBe('about ₩45,000 per month');
    expect(renderAmount('USD', decimalFromParts('2000000000'), { approx: true, bound: 'over' })).toBe('over US$2 billion');
    expect(renderAmount('USD', decimalFromParts('2000000000'), { approx: true, bound: 'under' })).toBe('under US$2 billion');
    expect(renderAmount('USD', decimalFromParts('8000000000'), { approx: true, bound: 'over', per: 'each' })).toBe('over US$8 billion each');
  });

  test('printed cents are kept', () => {
    expect(renderAmount('EUR', decimalFromParts('7', '5'), { decimals: 2 })).toBe('€7.50');
    expect(renderAmount('EUR', decimalFromParts('1500000000'), { decimals: 2 })).toBe('€1.5 billion');
  });

  test('a figure printed to the unit stays in full', () => {
    expect(renderAmount('USD', decimalFromParts('1234567'))).toBe('US$1,234,567');
    expect(renderAmount('INR', decimalFromParts('1234567', '89'))).toBe('₹1,234,567.89');
  });
});
