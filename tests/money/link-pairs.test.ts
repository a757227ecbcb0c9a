import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { extractMoney } from '../../src/money/extract-money.js';
import { SEED } from '../helpers.js';

function money(text: string, language = 'fra', tolerance?: number) {
  return extractMoney(text, foldForMatching(text), { language, tolerance });
}

describe('the seed article', () => {
  const seed = money(readFileSync(SEED, 'utf8'));

  test('exactly 6 amounts with exact values and English renderings', () => {
    expect(seed.amounts.map((a) => [a.currency, a.exact, a.english])).toEqual([
      ['KRW', '728000000000000', '₩728 trillion'],
      ['USD', '506000000000', 'US$506 billion'],
      ['KRW', '10100000000000', '₩10.1 trillion'],
      ['USD', '6900000000', 'US$6.9 billion'],
      ['KRW', '66300000000000', '₩66.3 trillion'],
      ['USD', '46000000000', 'US$46 billion'],
    ]);
  });

  test('3 pairs; the 6,9 pair, whose rounding cannot give the others’ rate, is flagged at about +1.7 %', () => {
    const [p1, p2, p3] = seed.pairs;
    expect(seed.pairs).toHaveLength(3);
    expect(p1).toMatchObject({ base: 'USD', quote: 'KRW', consistent: true, english: '₩728 trillion (US$506 billion)' });
    expect(p1!.rate).toBeCloseTo(1438.7, 1);
    expect(p1!.krw).toMatchObject({ amount: 0, exact: '728000000000000' });
    expect(p1!.usd).toMatchObject({ amount: 1, exact: '506000000000' });
    expect(p2).toMatchObject({ consistent: false, english: '₩10.1 trillion (US$6.9 billion)' });
    expect(p2!.deviation).toBeCloseTo(1.7, 1);
    expect(p3).toMatchObject({ consistent: true });
  });
});

describe('equivalence connectors', () => {
  test.for([
    ['fra', '728 000 milliards de wons (506 milliards $ US)'],
    ['fra', '12 000 milliards de wons, soit 8,3 milliards de dollars US'],
    ['fra', '12 000 milliards de wons, soit quasiment 8,3 milliards de dollars US'],
    ['fra', '12 000 milliards de wons, soit un peu moins de 8,4 milliards de dollars US'],
    ['fra', "12 000 milliards de wons, l'équivalent de 8,3 milliards de dollars US"],
    ['fra', '12 000 milliards de wons, près de 8,3 milliards de dollars US'],
    ['fra', '12 000 milliards de wons, ou 8,3 milliards de dollars US'],
    ['fra', '12 000 milliards de wons — 8,3 milliards de dollars US'],
    ['fra', '2 milliards de dollars américains (environ 2 900 milliards de wons)'],
    ['spa', '12 billones de wones (unos 8.300 millones de dólares)'],
    ['spa', '12 billones de wones, es decir, 8.300 millones de dólares'],
    ['deu', '12 Billionen Won (umgerechnet rund 8,3 Milliarden US-Dollar)'],
    ['deu', '12 Billionen Won, umgerechnet etwa 8,3 Milliarden US-Dollar'],
    ['ita', '12 mila miliardi di won (circa 8,3 miliardi di dollari)'],
    ['ita', '12 mila miliardi di won, pari a 8,3 miliardi di dollari'],
    ['eng', '12 trillion won ($8.3 billion)'],
    ['eng', '12 trillion won, or about $8.3 billion'],
    ['kor', '83억 달러(약 12조 원)'],
    ['kor', '83억 달러, 우리 돈으로 약 12조 원'],
  ] as const)('%s: %s', ([language, text]) => {
    const { pairs, amounts } = money(text, language);
    expect(amounts, JSON.stringify(amounts.map((a) => a.text))).toHaveLength(2);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1, base: 'USD', quote: 'KRW' });
  });

  test('the equivalent attaches to the nearest amount before it', () => {
    const { pairs, amounts } = money("Les dépenses atteignent 1 175 200 milliards de wons, en hausse de 48 500 milliards de wons, soit 30,18 milliards d'euros.");
    expect(pairs.map((p) => [amounts[p.a]!.text, amounts[p.b]!.text])).toEqual([['48 500 milliards de wons', "30,18 milliards d'euros"]]);
  });

  test('a connector after a few words still refers to the last amount', () => {
    const { pairs } = money('Ils ont retiré 1 700 milliards de wons du marché sud-coréen, soit quasiment 1,06 milliard d’euros.');
    expect(pairs).toHaveLength(1);
  });

  test('a sentence that opens with "우리 돈으로" gives the equivalent of the previous sentence’s last amount', () => {
    const text = '한화오션은 25억 달러에 선박을 짓는 계약을 체결했다. 우리 돈으로 약 3조 4천억 원 규모다.';
    const sentences = [{ start: 0, end: text.indexOf('우리') - 1 }, { start: text.indexOf('우리'), end: text.length }];
    const { pairs } = extractMoney(text, foldForMatching(text), { language: 'kor', sentences });
    expect(pairs).toHaveLength(1);
  });

  test('"soit" before a percentage, or before the same currency, is not a pair', () => {
    expect(money('des ventes de 5 milliards de dollars, soit 3 % de plus').pairs).toEqual([]);
    expect(money('5 milliards de dollars, soit 2,61 milliards de dollars de plus').pairs).toEqual([]);
  });

  test('amounts that merely follow each other are not pairs', () => {
    expect(money('un budget de 12 000 milliards de wons et un prêt de 8,3 milliards $ US').pairs).toEqual([]);
    expect(money('12 000 milliards de wons. Ensuite, 8,3 milliards $ US').pairs).toEqual([]);
    // A weak connector or a bare comma needs a plausible rate.
    expect(money('5 milliards de dollars, 3 milliards de wons').pairs).toEqual([]);
  });

  test('ranges pair low with low and high with high', () => {
    const { pairs, amounts } = money('entre 3 000 et 4 000 milliards de wons, soit entre 2,1 et 2,8 milliards de dollars US');
    expect(amounts).toHaveLength(4);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 2], [1, 3]]);
  });

  test('two equivalents in one bracket are two pairs', () => {
    const { pairs } = money('un beneficio de 3,2 billones de wones (2.140 millones de euros/2.320 millones de dólares)', 'spa');
    expect(pairs.map((p) => `${p.base}/${p.quote}`)).toEqual(['EUR/KRW', 'USD/KRW']);
  });

  test('any two currencies, in market convention', () => {
    const eur = money("près de 10 milliards d'euros (10,8 milliards de dollars américains)").pairs[0]!;
    expect(eur).toMatchObject({ base: 'EUR', quote: 'USD' });
    expect(eur.rate).toBeCloseTo(1.08, 3);
    const cad = money('1,4 milliard $ CA (1 milliard $ US)').pairs[0]!;
    expect(cad).toMatchObject({ base: 'USD', quote: 'CAD' });
    expect(money("1 500 milliards de wons (environ 950 millions d'euros)").pairs[0]).toMatchObject({ base: 'EUR', quote: 'KRW' });
  });

  test('an unpaired won amount gets an estimated dollar value at the consensus rate', () => {
    const { amounts } = money('728 000 milliards de wons (506 milliards $ US). Le plan prévoit aussi 4 500 milliards de wons pour les puces.');
    expect(amounts[2]!.estimated).toMatchObject({ currency: 'USD', english: 'about US$3.13 billion' });
    expect(amounts[0]!.estimated).toBeUndefined();
  });
});
