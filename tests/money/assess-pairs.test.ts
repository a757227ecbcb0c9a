import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { judgePairs } from '../../src/money/assess-pairs.js';
import { extractMoney } from '../../src/money/extract-money.js';
import { parseEcbCsv } from '../../src/money/reference-rates.js';

function money(text: string, options: Parameters<typeof extractMoney>[2] = {}) {
  return extractMoney(text, foldForMatching(text), { language: 'fra', ...options });
}

describe('consistency on robust evidence', () => {
  test('two agreeing pairs outvote one precise outlier', () => {
    const { pairs } = money(
      'Le plan prévoit 7 200 milliards de wons (5 milliards USD), 2 900 milliards de wons (2 milliards $ US) et 4 000 milliards de wons (3,1 milliards $ US).',
    );
    expect(pairs.map((p) => p.consistent)).toEqual([true, true, false]);
    expect(pairs[2]!.deviation).toBeLessThan(-5);
    expect(pairs[0]!.consensus).toBeGreaterThan(1400);
  });

  test('two precise pairs a fraction of a percent apart are one rate: neither is flagged', () => {
    // 73 980 / 54,47 is 1 358,2 and 15 820 / 11,63 is 1 360,3: converted on two days, or at a rounded rate.
    const { pairs } = money(
      "Le chiffre d'affaires a atteint 73 980 milliards de wons (54,47 milliards d'euros). Le bénéfice d'exploitation s'est élevé à 15 820 milliards de wons (11,63 milliards d'euros).",
    );
    expect(pairs.map((p) => p.consistent)).toEqual([true, true]);
  });

  test('a rate quoted in the article is evidence too', () => {
    const { pairs } = money('Un dollar valait 1 440 wons. Le plan coûte 4 000 milliards de wons (3,1 milliards $ US).', {
      sentences: [{ start: 0, end: 27 }, { start: 28, end: 99 }],
    });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ consistent: false });
  });

  test('a loosely rounded pair more than the tolerance off a quoted rate is flagged, though its rounding reaches it', () => {
    // 15 trillion / 11 billion is 1 363.6; its rounding allows up to 1 476, but it is 7 % off the quote.
    const verdicts = judgePairs(
      [
        { rate: 1468.9, range: null, kind: 'quote' },
        { rate: 15e12 / 11e9, range: [14.5e12 / 11.5e9, 15.5e12 / 10.5e9], kind: 'pair' },
      ],
      5,
    );
    expect(verdicts[0]).toMatchObject({ consistent: false });
    expect(verdicts[0]!.deviation).toBeCloseTo(-7.17, 1);
  });

  test('a pair is flagged when its rounding cannot give the agreed rate, even within tolerance', () => {
    const verdicts = judgePairs(
      [
        { rate: 1438.7, range: [1436.3, 1441.2], kind: 'pair' },
        { rate: 1463.8, range: [1446.7, 1481.8], kind: 'pair' },
        { rate: 1441.3, range: [1424.7, 1458.2], kind: 'pair' },
      ],
      5,
    );
    expect(verdicts.map((v) => v.consistent)).toEqual([true, false, true]);
  });

  test('coarse figures that allow the agreed rate stay consistent', () => {
    const verdicts = judgePairs(
      [
        { rate: 1.086, range: [1.0855, 1.0865], kind: 'pair' },
        { rate: 1.05, range: [0.99, 1.12], kind: 'pair' },
        { rate: 1.085, range: [1.08, 1.09], kind: 'pair' },
      ],
      5,
    );
    expect(verdicts.map((v) => v.consistent)).toEqual([true, true, true]);
  });

  test('two pairs that contradict each other with nothing else to go on are both flagged', () => {
    const verdicts = judgePairs(
      [
        { rate: 1440, range: [1435, 1445], kind: 'pair' },
        { rate: 1290, range: [1285, 1295], kind: 'pair' },
      ],
      5,
    );
    expect(verdicts.map((v) => v.consistent)).toEqual([false, false]);
    // A quote settles it.
    const settled = judgePairs(
      [
        { rate: 1440, range: [1435, 1445], kind: 'pair' },
        { rate: 1290, range: [1285, 1295], kind: 'pair' },
        { rate: 1438, range: null, kind: 'quote' },
      ],
      5,
    );
    expect(settled.map((v) => v.consistent)).toEqual([true, false]);
  });

  test('a lone pair has nothing to disagree with', () => {
    expect(judgePairs([{ rate: 1290, range: [1285, 1295], kind: 'pair' }], 5)).toEqual([{ consistent: true, deviation: 0, consensus: 1290 }]);
  });

  test('linear enough for thousands of pairs', () => {
    const evidence = Array.from({ length: 5000 }, (_, i) => ({ rate: 1430 + (i % 10), range: [1425 + (i % 10), 1435 + (i % 10)] as [number, number], kind: 'pair' as const }));
    const verdicts = judgePairs(evidence, 5);
    expect(verdicts).toHaveLength(5000);
    expect(verdicts.every((v) => v.consistent)).toBe(true);
  });
});

describe('reference rates', () => {
  const table = parseEcbCsv(
    ['Date,USD,JPY,KRW,', '2025-03-14,1.0880,161.25,1580.12,', '2025-03-13,1.0860,160.90,1577.50,', '2025-03-12,1.0900,N/A,1582.00,'].join('\n'),
    'eurofxref-hist.csv',
  );

  test('each pair gets the reference rate of the article’s date, derived through the euro', () => {
    const { pairs } = money('Le plan coûte 4 000 milliards de wons (2,75 milliards $ US).', { reference: { table, date: '2025-03-14' } });
    expect(pairs[0]!.reference).toMatchObject({ date: '2025-03-14' });
    expect(pairs[0]!.reference!.rate).toBeCloseTo(1580.12 / 1.088, 2);
    expect(pairs[0]!.reference!.deviation).toBeCloseTo(((4000 / 2.75 - 1580.12 / 1.088) / (1580.12 / 1.088)) * 100, 1);
  });

  test('a weekend date takes the last business day before it', () => {
    const { pairs } = money('Le plan coûte 4 000 milliards de wons (2,75 milliards $ US).', { reference: { table, date: '2025-03-16' } });
    expect(pairs[0]!.reference!.date).toBe('2025-03-14');
  });

  test('the reference rate is evidence: a lone pair far from it is flagged', () => {
    const { pairs } = money('Le plan coûte 4 000 milliards de wons (3,1 milliards $ US).', { reference: { table, date: '2025-03-14' } });
    expect(pairs[0]).toMatchObject({ consistent: false });
  });
});

describe('scale settled by evidence', () => {
  test('a French "billion" that makes the rate absurd takes the English reading, and says so', () => {
    const { amounts, pairs } = money('Le fonds atteint 4 300 milliards de wons (3 billions de dollars).');
    expect(amounts[1]).toMatchObject({ exact: '3000000000', scale: 1e9, scaleFrom: 'pair' });
    expect(pairs[0]!.rate).toBeCloseTo(1433.3, 1);
  });

  test('the article’s other amounts with the same word follow', () => {
    const { amounts } = money('Le fonds atteint 4 300 milliards de wons (3 billions de dollars). Un autre vise 2 billions de dollars.');
    expect(amounts[2]).toMatchObject({ exact: '2000000000', scaleFrom: 'article' });
  });

  test('a sane reading is kept', () => {
    const { amounts } = money('Les dépenses atteignent 1,2 billion de wons (environ 830 millions de dollars).');
    expect(amounts[0]).toMatchObject({ exact: '1200000000000' });
    expect(amounts[0]!.scaleFrom).toBeUndefined();
  });
});
