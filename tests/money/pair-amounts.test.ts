import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { extractMoney } from '../../src/money/extract-money.js';
import { SEED } from '../helpers.js';

function money(text: string, tolerance?: number) {
  return extractMoney(text, foldForMatching(text), { language: 'fra', tolerance });
}

describe('won/US-dollar pairs', () => {
  const seed = money(readFileSync(SEED, 'utf8'));

  test('the seed article: exactly 6 amounts with exact values', () => {
    expect(seed.amounts.map((a) => [a.currency, a.exact])).toEqual([
      ['KRW', '728000000000000'],
      ['USD', '506000000000'],
      ['KRW', '10100000000000'],
      ['USD', '6900000000'],
      ['KRW', '66300000000000'],
      ['USD', '46000000000'],
    ]);
  });

  test('the seed article: 3 pairs, the 6,9 pair flagged at about +1.7 %', () => {
    expect(seed.pairs).toHaveLength(3);
    const [p1, p2, p3] = seed.pairs;
    expect(p1).toMatchObject({ base: 'USD', quote: 'KRW', consistent: true, english: '₩728 trillion (US$506 billion)' });
    expect(p1!.rate).toBeCloseTo(1438.7, 1);
    expect(p1!.krw).toMatchObject({ amount: 0, exact: '728000000000000' });
    expect(p1!.usd).toMatchObject({ amount: 1, exact: '506000000000' });
    expect(p1!.rateRange[0]).toBeLessThan(1438.7);
    expect(p1!.rateRange[1]).toBeGreaterThan(1438.7);
    expect(p2).toMatchObject({ consistent: false, english: '₩10.1 trillion (US$6.9 billion)' });
    expect(p2!.deviation).toBeCloseTo(1.7, 1);
    expect(p3).toMatchObject({ consistent: true, english: '₩66.3 trillion (US$46 billion)' });
  });

  test('English renderings of the seed amounts', () => {
    expect(seed.amounts.map((a) => a.english)).toEqual(['₩728 trillion', 'US$506 billion', '₩10.1 trillion', 'US$6.9 billion', '₩66.3 trillion', 'US$46 billion']);
  });

  test.for([
    ['728 000 milliards de wons (506 milliards $ US)'],
    ['12 000 milliards de wons, soit 8,3 milliards de dollars US'],
    ['12 000 milliards de wons, ou 8,3 milliards de dollars US'],
    ['12 000 milliards de wons (environ 8,3 milliards $ US)'],
    ['12 000 milliards de wons (soit 8,3 milliards $ US)'],
    ['2 milliards de dollars américains (environ 2 900 milliards de wons)'],
  ] as const)('links %s', ([text]) => {
    const { pairs, amounts } = money(text);
    expect(amounts).toHaveLength(2);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1, base: 'USD', quote: 'KRW' });
  });

  test('does not link amounts that merely follow each other', () => {
    expect(money('un budget de 12 000 milliards de wons et un prêt de 8,3 milliards $ US').pairs).toEqual([]);
    expect(money('12 000 milliards de wons. Ensuite, 8,3 milliards $ US').pairs).toEqual([]);
  });

  test('ranges pair low with low and high with high', () => {
    const { pairs, amounts } = money('entre 3 000 et 4 000 milliards de wons, soit entre 2,1 et 2,8 milliards de dollars US');
    expect(amounts).toHaveLength(4);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 2], [1, 3]]);
  });

  test('a pair too far from the consensus is flagged even when rounding cannot exclude it', () => {
    const text = [
      'A : 1 000 milliards de wons (700 millions $ US).',
      'B : 2 000 milliards de wons (1,4 milliard $ US).',
      'C : 3 milliards de wons (2 millions $ US).',
    ].join('\n');
    const strict = money(text, 2).pairs;
    expect(strict.map((p) => p.consistent)).toEqual([true, true, false]);
  });

  test('generalises to other currencies: EUR/USD quoted as USD per EUR, CAD/USD as CAD per USD', () => {
    const eur = money("près de 10 milliards d'euros (10,8 milliards de dollars américains)").pairs[0]!;
    expect(eur).toMatchObject({ base: 'EUR', quote: 'USD', consistent: true });
    expect(eur.rate).toBeCloseTo(1.08, 3);
    expect(eur.eur).toBeDefined();
    const cad = money('1,4 milliard $ CA (1 milliard $ US)').pairs[0]!;
    expect(cad).toMatchObject({ base: 'USD', quote: 'CAD' });
    expect(cad.rate).toBeCloseTo(1.4, 3);
    const krwEur = money("1 500 milliards de wons (environ 950 millions d'euros)").pairs[0]!;
    expect(krwEur).toMatchObject({ base: 'EUR', quote: 'KRW' });
  });

  test('an unpaired won amount gets an estimated dollar value at the consensus rate', () => {
    const { amounts } = money('728 000 milliards de wons (506 milliards $ US). Le plan prévoit aussi 4 500 milliards de wons pour les puces.');
    expect(amounts[2]!.estimated).toMatchObject({ currency: 'USD', english: 'about US$3.13 billion' });
    expect(amounts[2]!.estimated!.value).toBeCloseTo(3.13e9, -8);
    expect(amounts[0]!.estimated).toBeUndefined();
  });
});
