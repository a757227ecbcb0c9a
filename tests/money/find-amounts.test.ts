import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { extractMoney } from '../../src/money/extract-money.js';
import { splitDigits } from '../../src/money/find-amounts.js';

function amounts(text: string, language = 'fra') {
  return extractMoney(text, foldForMatching(text), { language }).amounts;
}
function one(text: string, language = 'fra') {
  const found = amounts(text, language);
  expect(found, JSON.stringify(found.map((a) => a.text))).toHaveLength(1);
  return found[0]!;
}

describe('French amounts', () => {
  test.for([
    ['un budget de 728 000 milliards de wons.', '728 000 milliards de wons', 'KRW', '728000000000000'],
    ['soit 506 milliards $ US.', '506 milliards $ US', 'USD', '506000000000'],
    ['de 6,9 milliards $ US)', '6,9 milliards $ US', 'USD', '6900000000'],
    ['un budget de 728\u202F000 milliards de wons', '728\u202F000 milliards de wons', 'KRW', '728000000000000'],
    ['un budget de 728\u00A0000 milliards de wons', '728\u00A0000 milliards de wons', 'KRW', '728000000000000'],
    ['coûte 2 milliards de dollars américains', '2 milliards de dollars américains', 'USD', '2000000000'],
    ['un fonds de deux milliards de dollars US', 'deux milliards de dollars US', 'USD', '2000000000'],
    ['un million d\'euros', "un million d'euros", 'EUR', '1000000'],
    ['mille milliards de wons', 'mille milliards de wons', 'KRW', '1000000000000'],
    ['un encours de 1,2 billion de wons', '1,2 billion de wons', 'KRW', '1200000000000'],
    ['un déficit de 11,4 G$', '11,4 G$', 'CAD', '11400000000'],
    ['une enveloppe de 350 M$', '350 M$', 'CAD', '350000000'],
    ['un revenu inférieur à 45 k$', '45 k$', 'CAD', '45000'],
    ['coûteront 1,4 milliard $ CA', '1,4 milliard $ CA', 'CAD', '1400000000'],
    ['3,65 G$ US de plus', '3,65 G$ US', 'USD', '3650000000'],
    ['43 milliards d\'euros', "43 milliards d'euros", 'EUR', '43000000000'],
    ['10 milliards €', '10 milliards €', 'EUR', '10000000000'],
    ['1 800 milliards de yens', '1 800 milliards de yens', 'JPY', '1800000000000'],
    ['344 milliards de yuans', '344 milliards de yuans', 'CNY', '344000000000'],
    ['2 milliards de livres sterling', '2 milliards de livres sterling', 'GBP', '2000000000'],
    ['500 millions de francs suisses', '500 millions de francs suisses', 'CHF', '500000000'],
    ['5 Mds€ investis', '5 Mds€', 'EUR', '5000000000'],
    ['£ 8,10 millions', '£ 8,10 millions', 'GBP', '8100000'],
    ['125.000,50 $', '125.000,50 $', 'USD', '125000.5'],
    ['150 milliards US$', '150 milliards US$', 'USD', '150000000000'],
    ['10,05 milliards de $ hk', '10,05 milliards de $ hk', 'HKD', '10050000000'],
  ] as const)('%s', ([text, span, currency, exact]) => {
    const a = one(text);
    expect(a).toMatchObject({ text: span, currency, exact });
    expect(text.slice(a.start, a.end)).toBe(span);
  });

  test('a symbol before the number means English scales, even in French text', () => {
    expect(one('un investissement de $3 billion').exact).toBe('3000000000');
  });

  test('"billion" in an English paragraph is 10^9, in a French one 10^12', () => {
    const text = 'Le groupe investira 1,2 billion de wons.\n"We will invest 3 billion dollars in Korea," he said.';
    const english = [{ start: text.indexOf('"We'), end: text.length }];
    const found = extractMoney(text, foldForMatching(text), { language: 'fra', englishSpans: english }).amounts;
    expect(found.map((a) => a.exact)).toEqual(['1200000000000', '3000000000']);
  });

  test('qualifiers make an amount approximate and stay outside the span', () => {
    for (const q of ['environ', 'près de', 'plus de', 'moins de', 'quelque', 'soit']) {
      const a = one(`${q} 1 200 milliards de wons`);
      expect(a.approx, q).toBe(true);
      expect(a.text).toBe('1 200 milliards de wons');
    }
    expect(one('un budget de 1 200 milliards de wons').approx).toBe(false);
  });

  test('ranges give two linked amounts; the low end takes the scale and currency of the high end', () => {
    const [low, high] = amounts('entre 3 000 et 4 000 milliards de wons');
    expect(low).toMatchObject({ text: '3 000', currency: 'KRW', exact: '3000000000000', range: { role: 'low', with: 1 } });
    expect(high).toMatchObject({ text: '4 000 milliards de wons', exact: '4000000000000', range: { role: 'high', with: 0 } });
    const quebec = amounts('un trou de 3 à 4 G$ dès 2027');
    expect(quebec.map((a) => [a.text, a.exact])).toEqual([['3', '3000000000'], ['4 G$', '4000000000']]);
  });

  test('per-unit prices carry their unit', () => {
    expect(one('un forfait de 45 000 wons par mois')).toMatchObject({ per: 'mois', english: '₩45,000 per month' });
    expect(one("un salaire de 12 $ l'heure").per).toBe('heure');
    expect(one('3 dollars par million de BTU').per).toBe('million de BTU');
    expect(one('un budget de 500 M$ par le gouvernement').per).toBeNull();
  });

  test('a bare dollar is flagged ambiguous and resolved to the default, or to CAD in a Canadian article', () => {
    expect(one('un contrat de 96 millions $ avec un acheteur')).toMatchObject({ currency: 'USD', ambiguous: true });
    expect(extractMoney('un contrat de 96 millions $', foldForMatching('un contrat de 96 millions $'), { defaultDollar: 'AUD' }).amounts[0]!.currency).toBe('AUD');
    const quebec = amounts('Le budget du Québec prévoit 2,5 G$ et un crédit de 500 $ par enfant.');
    expect(quebec.map((a) => [a.currency, a.ambiguous])).toEqual([['CAD', false], ['CAD', false]]);
  });

  test.for([
    'une hausse de 8,2 % du budget',
    'une hausse de 15 pour cent',
    'la livraison de 260 000 GPU',
    'consacre 1,4 fois le PIB',
    'la cinquième puissance, 5e au monde',
    'le XXIe siècle',
    'en 2024 et en 2025',
    'le 3 novembre',
    'le Galaxy S25 et l\'A400M',
    'le dollar valait 1 427 wons pour un dollar',
    'à 1 468,5 wons le dollar',
    'le vote à 183 voix contre 4',
    '12 000 emplois créés',
  ])('not money: %s', (text) => {
    expect(amounts(text).map((a) => a.text)).toEqual([]);
  });
});

describe('English amounts', () => {
  test.for([
    ['a 728 trillion won budget', '728 trillion won', 'KRW', '728000000000000'],
    ['($506 billion)', '$506 billion', 'USD', '506000000000'],
    ['US$6.9 billion in spending', 'US$6.9 billion', 'USD', '6900000000'],
    ['€1.2bn of aid', '€1.2bn', 'EUR', '1200000000'],
    ['a £3m fine', '£3m', 'GBP', '3000000'],
    ['$94,000 in fees', '$94,000', 'USD', '94000'],
    ['₩728 trillion', '₩728 trillion', 'KRW', '728000000000000'],
    ['125 million Australian dollars', '125 million Australian dollars', 'AUD', '125000000'],
    ['five million yen', 'five million yen', 'JPY', '5000000'],
    ['50 cents', '50 cents', 'USD', '0.5'],
  ] as const)('%s', ([text, span, currency, exact]) => {
    expect(one(text, 'eng')).toMatchObject({ text: span, currency, exact });
  });
});

describe('splitDigits', () => {
  test.for([
    ['728 000', false, '728000', ''],
    ['6,9', false, '6', '9'],
    ['12,345', false, '12', '345'],
    ['12,345', true, '12345', ''],
    ['94.000', false, '94000', ''],
    ['1.5', false, '1', '5'],
    ['125.000,50', false, '125000', '50'],
    ['1,234,567.89', true, '1234567', '89'],
  ] as const)('%s (english %s)', ([raw, english, integer, fraction]) => {
    expect(splitDigits(raw, english)).toEqual({ integer, fraction });
  });
});
