import { describe, expect, test } from 'vitest';
import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { extractMoney } from '../../src/money/extract-money.js';

function amounts(text: string, language = 'fra', options: { defaultDollar?: string } = {}) {
  return extractMoney(text, foldForMatching(text), { language, ...options }).amounts;
}
/** Amounts of a text read region by region, as the pipeline reads paragraphs. */
function amountsIn(text: string, regions: [number, number, string][]) {
  return extractMoney(text, foldForMatching(text), { regions: regions.map(([start, end, language]) => ({ start, end, language })) }).amounts;
}
function one(text: string, language = 'fra') {
  const found = amounts(text, language);
  expect(found, JSON.stringify(found.map((a) => a.text))).toHaveLength(1);
  return found[0]!;
}

// Each row: [language, text, span, currency, exact value].
const AMOUNTS: Array<[string, string, string, string, string]> = [
  // French: spaces of every width, scale words, Quebec forms, signs after and before.
  ['fra', 'un budget de 728 000 milliards de wons.', '728 000 milliards de wons', 'KRW', '728000000000000'],
  ['fra', 'soit 506 milliards $ US.', '506 milliards $ US', 'USD', '506000000000'],
  ['fra', 'un budget de 728\u202F000 milliards de wons', '728\u202F000 milliards de wons', 'KRW', '728000000000000'],
  ['fra', 'un fonds de deux milliards de dollars US', 'deux milliards de dollars US', 'USD', '2000000000'],
  ['fra', "un million d'euros", "un million d'euros", 'EUR', '1000000'],
  ['fra', 'mille milliards de wons', 'mille milliards de wons', 'KRW', '1000000000000'],
  ['fra', 'un encours de 1,2 billion de wons', '1,2 billion de wons', 'KRW', '1200000000000'],
  ['fra', 'une commande de 1,23 trillion de wons', '1,23 trillion de wons', 'KRW', '1230000000000'],
  ['fra', 'un déficit de 11,4 G$', '11,4 G$', 'CAD', '11400000000'],
  ['fra', 'un revenu inférieur à 45 k$', '45 k$', 'CAD', '45000'],
  ['fra', '3,65 G$ US de plus', '3,65 G$ US', 'USD', '3650000000'],
  ['fra', 'Tencent reculait à 612 dollars hongkongais.', '612 dollars hongkongais', 'HKD', '612'],
  ['fra', 'un contrat de 3 millions de dollars singapouriens', '3 millions de dollars singapouriens', 'SGD', '3000000'],
  // Canadian copy drops the sign after a scale word: "US" alone names the US dollar.
  ['fra', 'elle rachètera pour 450 milliards US en obligations', '450 milliards US', 'USD', '450000000000'],
  ['fra', '5 Mds€ investis', '5 Mds€', 'EUR', '5000000000'],
  ['fra', 'un contrat de 420Md$ signé', '420Md$', 'USD', '420000000000'],
  ['fra', 'des frais de 1 914 ₩ au total', '1 914 ₩', 'KRW', '1914'],
  ['fra', '75 millions de $ de dette', '75 millions de $', 'USD', '75000000'],
  ['fra', '250 millions de florins hollandais', '250 millions de florins hollandais', 'NLG', '250000000'],
  ['fra', '36 milliards de forints hongrois', '36 milliards de forints hongrois', 'HUF', '36000000000'],
  ['fra', 'un coût de 36 milliards de forints', '36 milliards de forints', 'HUF', '36000000000'],
  ['fra', '1 million de milliards de wons', '1 million de milliards de wons', 'KRW', '1000000000000000'],
  // English.
  ['eng', 'a 728 trillion won budget', '728 trillion won', 'KRW', '728000000000000'],
  ['eng', "the government's 94-trillion won outlay", '94-trillion won', 'KRW', '94000000000000'],
  ['eng', 'US$6.9 billion in spending', 'US$6.9 billion', 'USD', '6900000000'],
  ['eng', '€1.2bn of aid', '€1.2bn', 'EUR', '1200000000'],
  ['eng', 'a £3m fine', '£3m', 'GBP', '3000000'],
  ['eng', 'KRW3.4 trillion of bonds', 'KRW3.4 trillion', 'KRW', '3400000000000'],
  ['eng', 'a 5 trillion-won order', '5 trillion-won', 'KRW', '5000000000000'],
  ['eng', 'five million yen', 'five million yen', 'JPY', '5000000'],
  ['eng', 'a 12-cent dividend', '12-cent', 'USD', '0.12'],
  ['eng', 'losses of 30 MUSD', '30 MUSD', 'USD', '30000000'],
  ['eng', 'a loan of 12,34,567 rupees', '12,34,567 rupees', 'INR', '1234567'],
  // Spanish: mil millones, billón, LatAm signs.
  ['spa', 'unos 8.200 millones de dólares', '8.200 millones de dólares', 'USD', '8200000000'],
  ['spa', 'un préstamo de US$ 8,2 mil millones', 'US$ 8,2 mil millones', 'USD', '8200000000'],
  // Broadcast copy writes the thousands of millions apart: 2 mil 490 millones = 2 490 millones.
  ['spa', 'superará los 3 mil 270 millones de dólares', '3 mil 270 millones de dólares', 'USD', '3270000000'],
  ['spa', 'acumula 412 mil 600 millones de dólares', '412 mil 600 millones de dólares', 'USD', '412600000000'],
  ['spa', 'un presupuesto de 728 billones de wones', '728 billones de wones', 'KRW', '728000000000000'],
  ['spa', 'pagó dos mil millones de euros', 'dos mil millones de euros', 'EUR', '2000000000'],
  ['spa', 'un acuerdo por 500 mdd', '500 mdd', 'USD', '500000000'],
  ['spa', '50 centavos más', '50 centavos', 'USD', '0.5'],
  // German: abbreviations with their dot, Billion = 10^12, written numbers.
  ['deu', 'ein Paket von 5 Mrd. Euro', '5 Mrd. Euro', 'EUR', '5000000000'],
  // A Korean figure translated word for word: a whole number of the larger scale, then the rest.
  ['deu', 'ein Handelsvolumen von einer Billion und 62,3 Milliarden Dollar', 'einer Billion und 62,3 Milliarden Dollar', 'USD', '1062300000000'],
  ['spa', 'un comercio de 1 billón 72.400 millones de dólares', '1 billón 72.400 millones de dólares', 'USD', '1072400000000'],
  ['deu', 'rund 2,3 Milliarden US-Dollar', '2,3 Milliarden US-Dollar', 'USD', '2300000000'],
  ['deu', 'eine Schuld von 1.900 Billionen Won', '1.900 Billionen Won', 'KRW', '1900000000000000'],
  ['deu', 'der Wert liegt bei 2,5 Mio USD', '2,5 Mio USD', 'USD', '2500000'],
  ['deu', 'achtundsiebzig Millionen Dollar', 'achtundsiebzig Millionen Dollar', 'USD', '78000000'],
  ['deu', '16,4 Millionen kanadischen Dollar', '16,4 Millionen kanadischen Dollar', 'CAD', '16400000'],
  ['deu', 'Der Haushalt beläuft sich auf 12 500 EUR.', '12 500 EUR', 'EUR', '12500'],
  // Italian.
  ['ita', '3 miliardi di dollari', '3 miliardi di dollari', 'USD', '3000000000'],
  ['ita', '656.600 miliardi di won', '656.600 miliardi di won', 'KRW', '656600000000000'],
  ['ita', '2 mila miliardi di won', '2 mila miliardi di won', 'KRW', '2000000000000'],
  ['ita', 'un accordo da 6 mld di euro', '6 mld di euro', 'EUR', '6000000000'],
  ['ita', 'cinque milioni di yen', 'cinque milioni di yen', 'JPY', '5000000'],
  // Korean: digits and numerals with 조/억/만, currencies with and without a space.
  ['kor', '정부는 12조 5천억 원을 투입한다.', '12조 5천억 원', 'KRW', '12500000000000'],
  ['kor', '무역흑자는 61억3500만 달러다.', '61억3500만 달러', 'USD', '6135000000'],
  ['deu', 'Der Umsatz stieg auf 31,2 Bill. Won.', '31,2 Bill. Won', 'KRW', '31200000000000'],
  ['deu', 'Der Gewinn lag bei 412 Mill. Euro.', '412 Mill. Euro', 'EUR', '412000000'],
  ['kor', '가계부채는 4천800조 원에 달한다.', '4천800조 원', 'KRW', '4800000000000000'],
  ['kor', '수출액은 4조7천억달러였다.', '4조7천억달러', 'USD', '4700000000000'],
  ['kor', '1조 2,000억 원 규모다.', '1조 2,000억 원', 'KRW', '1200000000000'],
  ['kor', '3천만 유로를 투자했다.', '3천만 유로', 'EUR', '30000000'],
  ['kor', '주가는 6만1,400원으로 올랐다.', '6만1,400원', 'KRW', '61400'],
  ['kor', '500만 엔을 받았다.', '500만 엔', 'JPY', '5000000'],
  ['kor', '1억 5천만 위안 규모', '1억 5천만 위안', 'CNY', '150000000'],
  ['kor', '가격은 8.50 달러입니다.', '8.50 달러', 'USD', '8.5'],
];

describe('amounts in every language pack', () => {
  test.for(AMOUNTS)('%s: %s', ([language, text, span, currency, exact]) => {
    const found = amounts(text, language).filter((a) => a.text === span);
    expect(found, JSON.stringify(amounts(text, language).map((a) => `${a.text} ${a.currency} ${a.exact}`))).toHaveLength(1);
    expect(found[0]).toMatchObject({ currency, exact, language });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(span);
  });
});

describe('qualifiers', () => {
  test.for([
    ['fra', 'environ 1 200 milliards de wons', 'approx', null],
    ['fra', 'près de 1 200 milliards de wons', 'approx', null],
    ['fra', 'plus de 1 200 milliards de wons', 'approx', 'over'],
    ['fra', 'un peu moins de 1 200 milliards de wons', 'approx', 'under'],
    ['fra', '840 000 euros environ', 'approx', null],
    ['spa', 'unos 3.000 millones de euros', 'approx', null],
    ['spa', 'más de 3.000 millones de euros', 'approx', 'over'],
    ['deu', 'rund 3 Milliarden Euro', 'approx', null],
    ['deu', 'knapp 3 Milliarden Euro', 'approx', 'under'],
    ['ita', 'circa 3 miliardi di euro', 'approx', null],
    ['ita', 'oltre 3 miliardi di euro', 'approx', 'over'],
    ['eng', 'about $3 billion', 'approx', null],
    ['eng', 'more than $3 billion', 'approx', 'over'],
    ['kor', '약 3억 달러를', 'approx', null],
    ['kor', '3억 달러가량을', 'approx', null],
    ['kor', '3억 달러 이상을', 'approx', 'over'],
    ['kor', '10여억 원을', 'approx', null],
  ] as const)('%s: %s', ([language, text, , bound]) => {
    const a = one(text, language);
    expect(a.approx).toBe(true);
    expect(a.bound).toBe(bound);
    expect(/^(?:environ|près|plus|un peu|unos|más|rund|knapp|circa|oltre|about|more|약)/u.test(a.text)).toBe(false);
  });

  test('verbs are not qualifiers; "soit" is a connector, not an approximation', () => {
    expect(one('le budget dépasse 1 200 milliards de wons').approx).toBe(false);
    expect(one('soit 1 200 milliards de wons').approx).toBe(false);
  });

  test('English renderings say the bound', () => {
    expect(one('plus de 2 milliards de dollars américains').english).toBe('over US$2 billion');
    expect(one('moins de 2 milliards de dollars américains').english).toBe('under US$2 billion');
    expect(one('environ 2 milliards de dollars américains').english).toBe('about US$2 billion');
  });
});

describe('a whole amount and its hundredths', () => {
  test('"13 dollars 50", with or without the coin, before a clause or a comma; not before a noun or a currency', () => {
    const values = (text: string) => amounts(text).map((a) => `${a.text}=${a.exact}`);
    expect(values('Le ticket coûte 13 dollars 50.')).toEqual(['13 dollars 50=13.5']);
    expect(values('Le ticket coûte 13 dollars 50 au guichet.')).toEqual(['13 dollars 50=13.5']);
    expect(values('Le litre coûte 2 euros 85, contre 2 euros 92 en mars.')).toEqual(['2 euros 85=2.85', '2 euros 92=2.92']);
    expect(values('Le repas coûte 15 dollars et 15 cents.')).toEqual(['15 dollars et 15 cents=15.15']);
    expect(values('Il a payé 200 dollars 20 fois de suite.')).toEqual(['200 dollars=200']);
    expect(values('Il a changé 50 dollars 40 yuans plus tard.')).toEqual(['50 dollars=50', '40 yuans=40']);
  });
});

describe('spelled and relative phrases after an amount', () => {
  test('"un million deux cent mille euros" is one amount; a past week is no unit of a price', () => {
    expect(amounts("La mairie a versé un million deux cent mille euros à l'association.").map((a) => `${a.text}=${a.exact}`)).toEqual(['un million deux cent mille euros=1200000']);
    expect(amounts('Il a versé 3 millions 500 000 euros.').map((a) => a.exact)).toEqual(['3500000']);
    expect(one("Le projet a coûté 5 millions d'euros la semaine dernière.").per).toBeNull();
    expect(one('Le panier coûte 30 euros la semaine.').per).toBe('semaine');
  });
  test('a money amount of a thousand units bought with another is money, not a quote', () => {
    expect(amounts('Un voyageur qui achète 1 000 dollars en billets débourse ainsi 1 410 800 wons.').map((a) => a.text)).toEqual(['1 000 dollars', '1 410 800 wons']);
  });
});

describe('ranges and lists share a currency', () => {
  test('entre … et: the low end takes the scale and currency of the high end', () => {
    const [low, high] = amounts('entre 3 000 et 4 000 milliards de wons');
    expect(low).toMatchObject({ text: '3 000', currency: 'KRW', exact: '3000000000000', range: { role: 'low', with: 1 } });
    expect(high).toMatchObject({ text: '4 000 milliards de wons', range: { role: 'high', with: 0 } });
  });

  test.for([
    ['fra', 'de 680 000 à 682 000 milliards de wons', ['680000000000000', '682000000000000']],
    ['fra', 'un trou de 3 à 4 G$ dès 2027', ['3000000000', '4000000000']],
    ['spa', 'entre 3 y 4 mil millones de dólares', ['3000000000', '4000000000']],
    ['deu', 'zwischen 3 und 4 Milliarden Euro', ['3000000000', '4000000000']],
    ['deu', 'fünf bis sechs Milliarden Euro', ['5000000000', '6000000000']],
    ['ita', 'tra 3 e 4 miliardi di euro', ['3000000000', '4000000000']],
    ['kor', '3억~4억 달러를', ['300000000', '400000000']],
    ['eng', 'between 3 and 4 trillion won', ['3000000000000', '4000000000000']],
    ['eng', '$3 billion to $4 billion', ['3000000000', '4000000000']],
  ] as const)('%s: %s', ([language, text, values]) => {
    const found = amounts(text, language);
    expect(found.map((a) => a.exact)).toEqual(values);
    expect(found.map((a) => a.range?.role)).toEqual(['low', 'high']);
  });

  test('elliptical lists: each number alone, valued in the currency printed last', () => {
    const found = amounts('des billets de 1 000, 5 000 et 10 000 wons');
    expect(found.map((a) => [a.text, a.currency, a.exact, a.range])).toEqual([
      ['1 000', 'KRW', '1000', null],
      ['5 000', 'KRW', '5000', null],
      ['10 000 wons', 'KRW', '10000', null],
    ]);
  });

  test('a change from one figure to another is two amounts, not a range', () => {
    const found = amounts('das Kreditlimit stieg von 15 auf 25 Billionen Won', 'deu');
    expect(found.map((a) => [a.text, a.exact, a.range])).toEqual([
      ['15', '15000000000000', null],
      ['25 Billionen Won', '25000000000000', null],
    ]);
  });

  test.for([
    ['fra', 'Le plan coûtera deux milliards et demi de dollars.', 'deux milliards et demi de dollars', '2500000000'],
    ['fra', 'Le ticket passe à trois euros et demi.', 'trois euros et demi', '3.5'],
    ['fra', 'Le ticket passe à 4 euros et demie.', '4 euros et demie', '4.5'],
    ['spa', 'El billete cuesta tres euros y medio.', 'tres euros y medio', '3.5'],
    ['ita', 'Il piano vale due miliardi e mezzo di euro.', 'due miliardi e mezzo di euro', '2500000000'],
    ['eng', 'The deal is worth two and a half billion dollars.', 'two and a half billion dollars', '2500000000'],
  ] as const)('"and a half": %s', ([language, text, span, exact]) => {
    expect(amounts(text, language).map((a) => [a.text, a.exact])).toEqual([[span, exact]]);
  });

  test.for([
    ['El premio fue de 3 millones 418 mil 207 pesos.', '3 millones 418 mil 207 pesos', '3418207'],
    ['El gasto neto sumará 6 billones 214 mil 37 mdp.', '6 billones 214 mil 37 mdp', '6214037000000'],
    ['Los ingresos serán de un billón 602 mil 118.5 mdp.', 'un billón 602 mil 118.5 mdp', '1602118500000'],
    ['La partida es de 48 mil 312.6 mdp.', '48 mil 312.6 mdp', '48312600000'],
    ['Se destinarán 211 mil 45 MDP y siete mil 230 MDP.', '211 mil 45 MDP', '211045000000'],
  ] as const)('Mexican groups after a scale word: %s', ([text, span, exact]) => {
    expect(amounts(text, 'spa').map((a) => [a.text, a.exact])[0]).toEqual([span, exact]);
  });

  test('groups after a scale word before a count stay a number; "siete mil 230 MDP" is spelled thousands', () => {
    expect(amounts('La ciudad tiene 3 millones 500 mil habitantes.', 'spa')).toEqual([]);
    expect(amounts('Se destinarán siete mil 230 MDP.', 'spa').map((a) => a.exact)).toEqual(['7230000000']);
  });

  test.for([
    ['fra', "Le groupe investira une dizaine de milliards d'euros.", "une dizaine de milliards d'euros", '10000000000'],
    ['fra', 'La réparation coûte un millier de dollars.', 'un millier de dollars', '1000'],
    ['ita', 'Il Cantone incasserà una quarantina di milioni di franchi.', 'una quarantina di milioni di franchi', '40000000'],
    ['spa', 'La empresa invertirá una decena de millones de euros.', 'una decena de millones de euros', '10000000'],
  ] as const)('a collective numeral is an approximate number: %s', ([language, text, span, exact]) => {
    expect(amounts(text, language).map((a) => [a.text, a.exact, a.approx])).toEqual([[span, exact, true]]);
  });

  test('a collective numeral that counts people is no amount', () => {
    expect(amounts('Une dizaine de personnes ont manifesté devant une centaine de milliers de visiteurs.')).toEqual([]);
  });

  test('"3 000 euros et 4 500 euros": the next figure is no hundredths of the one before', () => {
    expect(amounts('Les salaires passent à 3 000 euros et 4 500 euros.').map((a) => a.exact)).toEqual(['3000', '4500']);
    expect(amounts('I frontalieri si ritrovano con 3’136 euro e 4’182 euro.', 'ita').map((a) => a.exact)).toEqual(['3136', '4182']);
  });

  test('"entre huit et dix milliards de dollars" is a range of two amounts, not eighteen billion', () => {
    expect(amounts('Les ménages avaient retiré entre huit et dix milliards de dollars des banques.').map((a) => `${a.text} ${a.exact}`)).toEqual([
      'huit 8000000000',
      'dix milliards de dollars 10000000000',
    ]);
  });

  test('the digits after the mark of a number glued to a word are no number: "environ0,8 centime"', () => {
    expect(amounts("La pièce vaut 10 wons (environ0,8 centime d'euro).").map((a) => a.text)).toEqual(['10 wons']);
  });

  test('a bare figure with the same scale word, in a clause about money, takes the currency of the paragraph before', () => {
    expect(amounts('Il piano vale 14 miliardi di euro.\nDi questi, la spesa per le imprese sarà di 9 miliardi.', 'ita').map((a) => `${a.text} ${a.currency}`)).toEqual(['14 miliardi di euro EUR', '9 miliardi EUR']);
    // Read paragraph by paragraph, as the pipeline does.
    const text = 'Il piano vale 14 miliardi di euro.\nDi questi, la spesa per le imprese sarà di 9 miliardi.';
    expect(amountsIn(text, [[0, 34, 'ita'], [35, text.length, 'ita']]).map((a) => a.text)).toEqual(['14 miliardi di euro', '9 miliardi']);
    // A count in the next paragraph is not money.
    const count = 'Der Nettogewinn lag bei 156 Millionen Dollar.\nDie Zahl der aktiven Kunden stieg auf 22,8 Millionen.';
    expect(amountsIn(count, [[0, 45, 'deu'], [46, count.length, 'deu']]).map((a) => a.text)).toEqual(['156 Millionen Dollar']);
    expect(amounts(count, 'deu').map((a) => a.text)).toEqual(['156 Millionen Dollar']);
    // Not with another scale, nor two paragraphs on.
    expect(amounts('Il piano vale 14 miliardi di euro.\nDi questi, 900 milioni andranno alle imprese.', 'ita').map((a) => a.text)).toEqual(['14 miliardi di euro']);
  });

  test('a year is never the low end or a member', () => {
    expect(amounts('de 2024 à 3 milliards de dollars').map((a) => a.text)).toEqual(['3 milliards de dollars']);
    expect(amounts('en 2023, 5 000 et 10 000 wons').map((a) => a.text)).toEqual(['5 000', '10 000 wons']);
  });
});

describe('per-unit prices', () => {
  test.for([
    ['fra', 'un forfait de 45 000 wons par mois', 'mois', '₩45,000 per month'],
    ['fra', "un salaire de 12 $ l'heure", 'heure', null],
    ['fra', '3 dollars par million de BTU', 'million de BTU', null],
    ['spa', '300.000 wones al mes', 'mes', '₩300,000 per month'],
    ['deu', '1.200 Euro pro Monat', 'Monat', '€1,200 per month'],
    ['ita', '500 euro al mese', 'mese', '€500 per month'],
    ['eng', '$40 a share', 'share', null],
    ['kor', '1인당 10만 원을', '인', '₩100,000 per person'],
    ['kor', '배럴당 80달러', '배럴', null],
  ] as const)('%s: %s', ([language, text, per, english]) => {
    const a = one(text, language);
    expect(a.per).toBe(per);
    if (english) expect(a.english).toBe(english);
  });

  test('false friends of per-unit markers are not units', () => {
    expect(one('une hausse de 5 milliards de wons par rapport à 2024').per).toBeNull();
    expect(one('un budget de 500 M$ par le gouvernement').per).toBeNull();
    expect(one('financé à hauteur de 2 milliards de dollars par Samsung').per).toBeNull();
    expect(one('compras de 500 millones de dólares por parte de extranjeros', 'spa').per).toBeNull();
  });
});

describe('currencies the text leaves open', () => {
  test('a bare dollar is ambiguous and takes the default, unless the article settles it', () => {
    expect(one('un contrat de 96 millions $ avec un acheteur')).toMatchObject({ currency: 'USD', ambiguous: true });
    expect(amounts('un contrat de 96 millions $', 'fra', { defaultDollar: 'AUD' })[0]!.currency).toBe('AUD');
    const quebec = amounts('Le budget du Québec prévoit 2,5 G$ et un crédit de 500 $ par enfant.');
    expect(quebec.map((a) => [a.currency, a.ambiguous])).toEqual([['CAD', false], ['CAD', false]]);
    const us = amounts('Un prêt de 5 milliards de dollars américains, puis 2 milliards de dollars.');
    expect(us.map((a) => [a.currency, a.ambiguous])).toEqual([['USD', false], ['USD', false]]);
  });

  test('rupees take the country the article names: Indonesian rupiah, Indian rupees', () => {
    const jakarta = amounts('À Jakarta, les investisseurs coréens ont placé 12,4 billions de roupies en Indonésie.');
    expect(jakarta[0]).toMatchObject({ currency: 'IDR', ambiguous: false });
    expect(amounts('En Inde, New Delhi a débloqué 500 milliards de roupies.')[0]).toMatchObject({ currency: 'INR', ambiguous: false });
    expect(amounts('Jakarta a levé 3 billones de rupias en Indonesia.', 'spa')[0]).toMatchObject({ currency: 'IDR' });
    expect(one('Le fonds a levé 300 millions de roupies.')).toMatchObject({ currency: 'INR', ambiguous: true });
  });

  test('dinars and dirhams take the country the article names', () => {
    expect(amounts("À Alger, Sonatrach investira 1 200 milliards de dinars d'ici 2030.")[0]).toMatchObject({ currency: 'DZD', ambiguous: false });
    expect(amounts('Le budget de la Tunisie atteint 63 milliards de dinars.')[0]).toMatchObject({ currency: 'TND', ambiguous: false });
    expect(amounts('À Casablanca, le projet coûtera 3 milliards de dirhams.')[0]).toMatchObject({ currency: 'MAD', ambiguous: false });
    expect(amounts('À Abou Dhabi, la centrale de Barakah a coûté 90 milliards de dirhams.')[0]).toMatchObject({ currency: 'AED', ambiguous: false });
    expect(amounts('Haïti : le plan coûtera 5 milliards de gourdes.')[0]).toMatchObject({ currency: 'HTG' });
  });

  test('CFA francs (FCFA, F CFA) are West or Central African by the places named; DH and MMDH are Moroccan dirhams', () => {
    expect(amounts('À Abidjan, le financement atteint 677 milliards de FCFA.')[0]).toMatchObject({ currency: 'XOF', exact: '677000000000', ambiguous: false });
    expect(amounts('À Yaoundé, le budget du Cameroun atteint 7 300 milliards de francs CFA.')[0]).toMatchObject({ currency: 'XAF', ambiguous: false });
    expect(one('Le prêt atteint 20 milliards de F CFA.')).toMatchObject({ currency: 'XOF', ambiguous: true });
    expect(amounts("À Casablanca, l'investissement atteint 31 MMDH, soit 10 DH par habitant.").map((a) => `${a.text} ${a.currency} ${a.exact}`)).toEqual(['31 MMDH MAD 31000000000', '10 DH MAD 10']);
  });

  test('in a story that names both zones, each CFA franc takes the place named nearest before it in its sentence', () => {
    const text = 'Au Niger, le salaire minimum est de 30 047 F CFA (45,81 euros). Le Sénégal suit. Le Cameroun, membre de la Cemac, le fixe à 60 000 F CFA (91,46 euros), et la Côte d’Ivoire à 75 000 F CFA.';
    expect(amounts(text).filter((a) => a.text.includes('CFA')).map((a) => `${a.text} ${a.currency}`)).toEqual(['30 047 F CFA XOF', '60 000 F CFA XAF', '75 000 F CFA XOF']);
    // Pesos of the Dominican Republic beside Argentina's.
    const pesos = amounts("L'Argentine paie 189 dollars, juste devant la République dominicaine (205 dollars, ou 11 500 pesos).");
    expect(pesos.filter((a) => a.text.includes('pesos')).map((a) => a.currency)).toEqual(['DOP']);
    expect(amounts('El salario sube a RD$ 24.150 en Santo Domingo.', 'spa').map((a) => a.currency)).toEqual(['DOP']);
    // Central American currencies by name and sign.
    expect(amounts('El presupuesto ronda los 469 mil millones de lempiras; el gasto social, L. 2.400 millones.', 'spa').map((a) => `${a.currency} ${a.exact}`)).toEqual(['HNL 469000000000', 'HNL 2400000000']);
    expect(amounts('El salario mínimo sube a 2.954.000 guaraníes (G. 2.954.000) y el quetzal se mantiene, con 3.000 quetzales de bono.', 'spa').map((a) => a.currency)).toEqual(['PYG', 'PYG', 'GTQ']);
    // Dinars of one sentence, in a story on two countries.
    const dinars = amounts("À Alger, le salaire minimum atteint 20 000 dinars. À Tunis, il est de 460 dinars, selon le ministère tunisien.");
    expect(dinars.map((a) => a.currency)).toEqual(['DZD', 'TND']);
  });

  test('"contre 950. 000 GNF": a group cut off by a stray space is no amount of zero', () => {
    expect(amounts('Les 100 dollars se changeaient contre 950. 000 GNF au marché noir.').map((a) => a.exact)).not.toContain('0');
  });

  test('Italian budget copy glues scale words to their groups: "2miliardi 339milioni 500mila euro"', () => {
    expect(amounts('Il bilancio della Regione ammonta a 2miliardi 339milioni 500mila euro.', 'ita').map((a) => `${a.text} ${a.exact}`)).toEqual(['2miliardi 339milioni 500mila euro 2339500000']);
    expect(amounts('Opere pubbliche, 3milioni 402mila euro.', 'ita').map((a) => `${a.text} ${a.exact}`)).toEqual(['3milioni 402mila euro 3402000']);
  });

  test('"23 statt 22 Milliarden Euro", "12 au lieu de 10 milliards d\'euros": the figure compared takes the scale and currency', () => {
    expect(amounts('Das Defizit liegt nun bei 23 statt 22 Milliarden Euro.', 'deu').map((a) => `${a.text} ${a.exact}`)).toEqual(['23 23000000000', '22 Milliarden Euro 22000000000']);
    expect(amounts("Le déficit atteindra 12 au lieu de 10 milliards d'euros.").map((a) => a.exact)).toEqual(['12000000000', '10000000000']);
  });

  test('crowns take the country the article names', () => {
    const czech = amounts('Le contrat de Prague vaut 260 milliards de couronnes, selon la République tchèque.');
    expect(czech[0]).toMatchObject({ currency: 'CZK', ambiguous: false });
    expect(one('Un achat de 5 millions de couronnes.')).toMatchObject({ ambiguous: true });
  });
});

describe('not money', () => {
  test.for([
    ['fra', 'une hausse de 8,2 % du budget'],
    ['fra', 'une hausse de 15 pour cent'],
    ['fra', 'la livraison de 260 000 GPU'],
    ['fra', 'consacre 1,4 fois le PIB'],
    ['fra', 'la cinquième puissance, 5e au monde'],
    ['fra', 'en 2024 et en 2025'],
    ['fra', 'le 3 novembre'],
    ["fra", "le Galaxy S25 et l'A400M"],
    ['fra', 'le dollar valait 1 427 wons pour un dollar'],
    ['fra', 'à 1 468,5 wons le dollar'],
    ['fra', 'le vote à 183 voix contre 4'],
    ['fra', 'dans la zone euro'],
    ['fra', 'un dollar fort'],
    ['deu', 'die 20 Euro-Raum-Länder'],
    ['deu', 'die 20-Milliarden-Dollar-Marke'],
    ['eng', 'the company has won orders worth'],
    ['kor', '연구원 3명이 원전 2기를 지원했다'],
    ['kor', '3월 10일엔 사원 5명이 구원을 받았다'],
    ['kor', '원자재 가격이 3% 올랐다'],
    ['kor', '사고 원인은 두 원인이다'],
    ['spa', '300 bolivianos participaron'],
  ] as const)('%s: %s', ([language, text]) => {
    expect(amounts(text, language).map((a) => a.text)).toEqual([]);
  });
});

describe('Korean particles glued to the won', () => {
  test('"272억8272만8000원인 것으로": won and the copula, not 원인 ("cause")', () => {
    expect(amounts('하도급법 위반은 40건에 272억8272만8000원인 것으로 드러났다.', 'kor').map((a) => `${a.text} ${a.exact}`)).toEqual(['272억8272만8000원 27282728000']);
  });
});

describe('bad input', () => {
  test('a currency word with no number is nothing', () => {
    expect(amounts('Le dollar et le won ont reculé face à l’euro; des milliards de wons ont été dépensés.')).toEqual([]);
  });

  test('mixed separators are read by their order, in any language', () => {
    expect(amounts('une facture de 1.234,5 dollars', 'eng').map((a) => a.exact)).toEqual(['1234.5']);
    expect(amounts('une facture de 1,234.5 dollars').map((a) => a.exact)).toEqual(['1234.5']);
  });

  test('an article that prints decimals against its language is read its own way, and says so', () => {
    const text = 'Las ventas alcanzaron US$ 7,200 millones en 2024, frente a US$ 6,850 millones, con un alza de 5.1 % y un margen de 12.7 %.';
    const found = extractMoney(text, foldForMatching(text), { language: 'spa' });
    expect(found.amounts.map((a) => a.exact)).toEqual(['7200000000', '6850000000']);
    expect(found.diagnostics.map((d) => d.code)).toEqual(['NUMBER_FORMAT']);
  });

  test('5,000 amounts in one article are all found', () => {
    const paragraph = 'Le budget atteint 728 000 milliards de wons (506 milliards $ US), et 45 000 wons par mois.';
    const text = Array.from({ length: 1667 }, () => paragraph).join('\n');
    const found = extractMoney(text, foldForMatching(text), { language: 'fra' });
    expect(found.amounts).toHaveLength(1667 * 3);
    expect(found.pairs).toHaveLength(1667);
    expect(found.pairs.every((p) => p.consistent)).toBe(true);
  });

  test('adversarial runs are read in one pass', () => {
    for (const text of ['1 '.repeat(20000), '$'.repeat(20000), '9'.repeat(20000), 'milliards de wons '.repeat(3000), '원'.repeat(20000), '1억'.repeat(5000)]) {
      expect(() => extractMoney(text, foldForMatching(text), { language: text.includes('억') || text.includes('원') ? 'kor' : 'fra' })).not.toThrow();
    }
  });
});
