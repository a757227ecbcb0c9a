import { describe, expect, test } from 'vitest';
import { moneyBySentence as money } from './money-helpers.js';

// Constructions of wire and broadcast copy met while annotating the dev half of the gold sets,
// in sentences written for these tests.
const spans = (text: string, language = 'fra') => money(text, language).amounts.map((a) => [a.text, a.currency, a.exact]);

describe('spelled figures of broadcast copy', () => {
  test.for([
    ['Exports rose by two-point-four trillion won last month.', 'two-point-four trillion won', 'KRW', '2400000000000'],
    ['The fund holds 12-point-five billion dollars.', '12-point-five billion dollars', 'USD', '12500000000'],
    ['Total debt reached one-thousand-874 trillion won.', 'one-thousand-874 trillion won', 'KRW', '1874000000000000'],
    ['A flat costs about 1 point 25 billion won.', '1 point 25 billion won', 'KRW', '1250000000'],
  ])('%s', ([text, span, currency, exact]) => {
    expect(spans(text!, 'eng')).toEqual([[span, currency, exact]]);
  });

  test('"point" without a digit after it is a word', () => {
    expect(spans('The two sides agreed on one point: 3 billion dollars of aid.', 'eng')).toEqual([['3 billion dollars', 'USD', '3000000000']]);
  });
});

describe('an elided figure takes the currency it is compared with', () => {
  test('the amount with its scale, not the nearer equivalent', () => {
    expect(spans("Le bénéfice atteint 1,92 billion de wons, soit 1,2 milliard d'euros, contre 2,4 billions un an plus tôt.")).toEqual([
      ['1,92 billion de wons', 'KRW', '1920000000000'],
      ["1,2 milliard d'euros", 'EUR', '1200000000'],
      ['2,4 billions', 'KRW', '2400000000000'],
    ]);
  });

  test('of two amounts of the same scale, the main one, not its equivalent', () => {
    expect(spans("Les ventes ont atteint 310 millions de dollars, soit 445 milliards de wons, contre 280 millions au printemps.")[2]).toEqual([
      '280 millions',
      'USD',
      '280000000',
    ]);
  });

  test('a figure that opens the amounts of its sentence takes the next one of its scale', () => {
    expect(spans("Les crédits ont augmenté de 4 100 milliards, à 902 600 milliards de wons.")).toEqual([
      ['4 100 milliards', 'KRW', '4100000000000'],
      ['902 600 milliards de wons', 'KRW', '902600000000000'],
    ]);
  });

  test('not across a bracket: the bracketed amount is an equivalent, in another currency', () => {
    expect(spans('Le déficit courant atteint 1,6 milliard (2,54 milliards de dollars néo-zélandais).').map((a) => a[0])).toEqual([
      '2,54 milliards de dollars néo-zélandais',
    ]);
  });

  test('a word after a French scale word does not say what it counts ("milliards liés à")', () => {
    expect(spans("L'encours atteint 1 500 000 milliards de wons, dont 990 000 milliards liés au logement.")[1]).toEqual([
      '990 000 milliards',
      'KRW',
      '990000000000000',
    ]);
  });
});

describe('elided figures across a colon', () => {
  test('"X miliardi di dollari: 2,1 miliardi in più"', () => {
    expect(spans("Le vendite all'estero sono salite a 41,2 miliardi di dollari: 2,1 miliardi in più rispetto a marzo.", 'ita')).toEqual([
      ['41,2 miliardi di dollari', 'USD', '41200000000'],
      ['2,1 miliardi', 'USD', '2100000000'],
    ]);
  });
});

describe('the rounding a print allows', () => {
  test('a round approximate figure is rounded to its ten, a bound allows one side only', () => {
    const { pairs } = money(
      'Der Umsatz stieg auf 812,4 Billionen Won (601 Milliarden Dollar). Die Sparte kam auf 151,2 Billionen Won (etwa 110 Milliarden Dollar), ' +
        'die Tochter auf 705 Billionen Won (knapp 530 Milliarden Dollar).',
      'deu',
    );
    expect(pairs.map((p) => p.consistent)).toEqual([true, true, true]);
  });

  test('printed cents stay in the English rendering', () => {
    expect(money('Ein Schein von 10.000 Won ist etwa 6,50 Euro wert.', 'deu').amounts.map((a) => a.english)).toEqual(['₩10,000', 'about €6.50']);
  });
});

describe('from one amount to another', () => {
  test('the low end keeps its own magnitude: "de 800 000 à 1 million de wons"', () => {
    expect(spans('Le plafond passera de 800 000 à 1 million de wons.')).toEqual([
      ['800 000', 'KRW', '800000'],
      ['1 million de wons', 'KRW', '1000000'],
    ]);
  });

  test('a fall is two amounts: "de 48 300 à 41 900 wons"', () => {
    const { amounts } = money('La surtaxe passera de 48 300 à 41 900 wons par billet.');
    expect(amounts.map((a) => [a.text, a.exact, a.range])).toEqual([
      ['48 300', '48300', null],
      ['41 900 wons', '41900', null],
    ]);
  });
});

describe('rates in wire copy', () => {
  test('a figure per 100 yen after one per dollar is won per yen', () => {
    const { rates, amounts } = money('The won ended at 1,401.7 per dollar and 918.2 per 100 yen on Tuesday.', 'eng');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1401.7],
      ['JPY', 'KRW', 9.182],
    ]);
    expect(amounts).toEqual([]);
  });

  test('an earlier level of the same rate, with its currency, is a rate dated in the past', () => {
    const { rates, amounts } = money('The euro bought 1,512.4 won on Friday, up from 1,497.6 won a week earlier, while the yen weakened.', 'eng');
    expect(rates.map((r) => [r.base, r.quote, r.value, r.earlier])).toEqual([
      ['EUR', 'KRW', 1512.4, false],
      ['EUR', 'KRW', 1497.6, true],
    ]);
    expect(amounts).toEqual([]);
  });

  test('a change after a subject and its verb is neither a rate nor money', () => {
    const { rates, amounts } = money('Le won a terminé à 1 362,4 pour un dollar, gagnant 6,1 wons sur la séance.');
    expect(rates.map((r) => r.value)).toEqual([1362.4]);
    expect(amounts).toEqual([]);
  });

  test('"un dollar à 1 380 wons" prices the dollar without a verb', () => {
    const { rates, amounts } = money("Le budget suppose un dollar à 1 380 wons jusqu'en juin.");
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'KRW', 1380]]);
    expect(amounts).toEqual([]);
  });

  test('a bare level before a time phrase is a rate; "15-year" and "3 %" are not', () => {
    const { rates } = money(
      'The won hovered at 1,466.2 won per dollar, near a 12-year low. Analysts see the currency recovering to around 1,380 by March, after a 3 % fall.',
      'eng',
    );
    expect(rates.map((r) => [r.text, r.value])).toEqual([
      ['1,466.2 won', 1466.2],
      ['1,380', 1380],
    ]);
  });

  test('a percentage with a space before its sign is not a rate', () => {
    const { rates } = money('Le zloty, à 4,21 pour un euro, a gagné près de 2 % depuis mars.');
    expect(rates.map((r) => r.text)).toEqual(['4,21']);
  });

  test('a won amount in lei: Romanian currency', () => {
    expect(spans('Le site coûtera 1,45 milliard de lei.')).toEqual([['1,45 milliard de lei', 'RON', '1450000000']]);
  });
});

describe('pairs in wire copy', () => {
  test('a year among the words before "soit" does not break the pair', () => {
    const { pairs } = money("Le groupe a réalisé un chiffre d'affaires de 5,2 billions de wons pour l'exercice 2025, soit environ 3,6 milliards de dollars.");
    expect(pairs.map((p) => [p.base, p.quote, p.rate])).toEqual([['USD', 'KRW', 1444.44]]);
  });

  test('a second connector after the equivalent gives a second equivalent of the same amount', () => {
    const { pairs } = money(
      "Le contrat atteint 2,9 billions de wons, soit un peu plus de 2 milliards de dollars, l'équivalent de près de 1,9 milliard d'euros.",
    );
    expect(pairs.map((p) => [p.a, p.b, p.base, p.quote])).toEqual([
      [0, 1, 'USD', 'KRW'],
      [0, 2, 'EUR', 'KRW'],
    ]);
  });
});

describe('equivalents a few words away, with a qualifier for a connector', () => {
  test.for([
    ['A drugmaker signed a 2.31 trillion-won contract -- about $1.69 billion at the time.', 'KRW', 'USD'],
    ['It posted 1.4 trillion won in quarterly revenue, roughly $1.02 billion, the filing showed.', 'KRW', 'USD'],
  ])('%s', ([text, first, second]) => {
    const { pairs, amounts } = money(text!, 'eng');
    expect(pairs.map((p) => [amounts[p.a]!.currency, amounts[p.b]!.currency])).toEqual([[first, second]]);
  });

  test('a second equivalent after "or" in the brackets', () => {
    const { pairs } = money('The deal was extended by €380 million (about 571 billion won, or $411 million).', 'eng');
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});

describe('consistency across currencies and dates', () => {
  test('a dollar-won pair is checked against the rate the euro pairs imply', () => {
    const { pairs } = money(
      "La commande vaut 1,1 milliard d'euros (environ 1,2 milliard de dollars), soit 1 740 milliards de wons. " +
        "Le contrat de maintenance vaut 300 millions de dollars (400 milliards de wons), et l'usine 380 milliards de wons (240 millions d'euros). " +
        'Le second lot vaut 2 milliards de dollars (2 900 milliards de wons).',
    );
    const usdKrw = pairs.filter((p) => p.base === 'USD' && p.quote === 'KRW').map((p) => [p.rate, p.consistent]);
    // 1 333 is 8 % off the 1 450 the euro pairs give (1 582 won per euro at 1.09 dollars).
    expect(usdKrw).toEqual([
      [1333.33, false],
      [1450, true],
    ]);
  });

  test('a rate the text dates a year back is not evidence against today\'s pairs', () => {
    const { pairs, rates } = money(
      "L'euro valait 1 588,2 wons mercredi, contre environ 1 450 wons un an plus tôt. L'usine coûtera 1 270 milliards de wons (800 millions d'euros).",
    );
    expect(rates.map((r) => r.earlier)).toEqual([false, true]);
    expect(pairs[0]).toMatchObject({ consistent: true });
  });
});

describe('Korean exchange-rate copy', () => {
  test('a level dated before the figure, and the close a change is measured from, are earlier levels', () => {
    const { rates, amounts } = money(
      '서울 외환시장에서 원·달러 환율은 1,388.6원에 마감했다. 작년 3월 4일 종가 기준으로 1,322.4원을 기록한 이후 최고치다. ' +
        '환율은 전 거래일 종가 1,380.1원보다 8.5원 오른 1,388.6원에 장을 마쳤다.',
      'kor',
    );
    expect(rates.map((r) => [r.text, r.earlier])).toEqual([
      ['1,388.6원', false],
      ['1,322.4원', true],
      ['1,380.1원', true],
      ['1,388.6원', false],
    ]);
    expect(amounts).toEqual([]);
  });

  test('a sentence about the close after a rate sentence quotes the rate too', () => {
    const { rates } = money('원·달러 환율은 1,401.2원에 마감했다. 종가 기준으로 2022년 11월(1,427.0원) 이후 가장 높다.', 'kor');
    expect(rates.map((r) => r.text)).toEqual(['1,401.2원', '1,427.0원']);
  });
});


describe('more wire constructions in German, Italian, Spanish and Korean', () => {
  test('after a semicolon, a German figure before a lowercase verb takes the currency', () => {
    expect(spans('Der Umsatz überschritt erstmals vier Billionen Won; 2022 waren es 3,1 Billionen gewesen.', 'deu')[1]).toEqual([
      '3,1 Billionen',
      'KRW',
      '3100000000000',
    ]);
  });

  test('a list elided at the end of a sentence takes the main amount, not its equivalent', () => {
    expect(
      spans("Le aziende hanno investito più di 6.000 miliardi di fiorini, circa 15 miliardi di euro, di cui rispettivamente 1.800 e 2.400 miliardi in due impianti.", 'ita').slice(2),
    ).toEqual([
      ['1.800', 'HUF', '1800000000000'],
      ['2.400 miliardi', 'HUF', '2400000000000'],
    ]);
  });

  test('a range after a semicolon', () => {
    expect(spans('La spesa è stata di 41,2 miliardi di dollari; per il 2026 si stima una fattura tra 37 e 42 miliardi.', 'ita').slice(1)).toEqual([
      ['37', 'USD', '37000000000'],
      ['42 miliardi', 'USD', '42000000000'],
    ]);
  });

  test.for([
    ['spa', 'Pagaron una media de 81,2 dólares por barril, lo que al cambio actual equivale a unos 118.600 wones por barril.'],
    ['deu', 'Bis 2030 will die Gruppe 6,8 Billionen Won in ein neues Werk stecken – nach heutigem Kurs etwa 4,7 Milliarden Euro.'],
    ['ita', "Un accordo da 1.900 miliardi di won con un gruppo statunitense di cui non è stato reso noto il nome, pari a circa 1,37 miliardi di dollari."],
  ])('a connector among the words after the amount (%s)', ([language, text]) => {
    expect(money(text!, language).pairs).toHaveLength(1);
  });

  test.for([
    ['deu', 'Der Auftrag hat einen Wert von 1,2 Milliarden Euro. Nach dem Kurs vom Montag entspricht das knapp 1,77 Billionen Won.'],
    ['kor', '회사는 4월 2억8천만 유로 규모의 계약을 맺었다. 회사는 당시 원화 환산액을 약 4천480억 원이라고 밝혔다.'],
  ])('an equivalent in the next sentence, after a connector (%s)', ([language, text]) => {
    expect(money(text!, language).pairs).toHaveLength(1);
  });

  test('a second equivalent after "bzw." and a qualifier in the brackets', () => {
    const { pairs } = money('Der Vertrag hat einen Wert von knapp 380 Milliarden Kronen (rund 15,2 Milliarden Euro bzw. gut 24 Billionen Won).', 'deu');
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  test('Korean compound currency names without their space', () => {
    expect(spans('론자는 상반기 매출 31억 스위스프랑을 올렸다.', 'kor')).toEqual([['31억 스위스프랑', 'CHF', '3100000000']]);
  });

  test('a currency pair named before the figure decides what it prices', () => {
    const { rates } = money('원·달러 환율은 전날보다 3.2원 오른 1,402.5원에 주간 거래를 마쳤고, 유로·달러 환율은 유로당 1.16달러 안팎에서 움직였다.', 'kor');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1402.5],
      ['EUR', 'USD', 1.16],
    ]);
  });

  test('a won figure beside a rate per 100 yen is per 100 yen too', () => {
    const { rates, amounts } = money('원·엔 재정환율은 100엔당 927.4원으로 전일 기준가(930.1원)보다 2.7원 내렸다.', 'kor');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['JPY', 'KRW', 9.274],
      ['JPY', 'KRW', 9.301],
    ]);
    expect(amounts).toEqual([]);
  });

  test('an earlier level in the sentence after a rate sentence is a rate', () => {
    const { rates, amounts } = money('원·달러 환율은 1,452.5원에 주간 거래를 마쳤다. 1년 전(1,381원 안팎)과 비교하면 관광객은 5%가량 더 쓸 수 있다.', 'kor');
    expect(rates.map((r) => [r.text, r.earlier])).toEqual([
      ['1,452.5원', false],
      ['1,381원', true],
    ]);
    expect(amounts).toEqual([]);
  });

  test('"100 yen valgono circa 977 won": the hundred yen are the subject, not a figure', () => {
    const { rates } = money('Sul fronte asiatico lo yen resta stabile (100 yen valgono circa 962 won).', 'ita');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['JPY', 'KRW', 9.62]]);
  });
});

describe('fractions before a scale word', () => {
  test.for([
    ['eng', 'The ministry set aside half a billion dollars for it.', 'half a billion dollars', 'USD', '500000000'],
    ['eng', 'They paid a quarter of a billion dollars.', 'a quarter of a billion dollars', 'USD', '250000000'],
    ['fra', "Le fonds a reçu un demi-million d'euros.", "un demi-million d'euros", 'EUR', '500000'],
    ['spa', 'Costó medio millón de dólares.', 'medio millón de dólares', 'USD', '500000'],
  ])('%s: %s', ([language, text, span, currency, exact]) => {
    expect(spans(text!, language)).toEqual([[span, currency, exact]]);
  });

  test('a fraction without a scale word is not a number', () => {
    expect(spans('Half the budget went to 3 billion dollars of chips.', 'eng')).toEqual([['3 billion dollars', 'USD', '3000000000']]);
  });
});

describe('an elided figure in the next sentence', () => {
  test('takes the currency of the last amount of the sentence before, with the same scale', () => {
    expect(spans('Le Japon arrive en tête avec 148,2 millions de dollars. Viennent ensuite les États-Unis, avec 61,7 millions.').map((a) => a[1])).toEqual([
      'USD',
      'USD',
    ]);
  });

  test('not when it opens a list whose currency comes later', () => {
    expect(spans('우리 돈으로 약 5천억 원이다. 투자액은 각각 31억, 7억, 6억 달러에 이른다.', 'kor').map((a) => [a[0], a[1]])).toEqual([
      ['5천억 원', 'KRW'],
      ['31억', 'USD'],
      ['7억', 'USD'],
      ['6억 달러', 'USD'],
    ]);
  });

  test('"à savoir" is an equivalence connector', () => {
    expect(money("La valeur ajoutée s'est élevée à 11 400 milliards de wons, à savoir 7,9 milliards d'euros.").pairs).toHaveLength(1);
  });
});


describe('third batch of dev constructions', () => {
  test('German puts the verb of a quote after its figure', () => {
    const { rates, amounts } = money('Ein Yuan wurde am Dienstag zu 201,4 Won gehandelt.', 'deu');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['CNY', 'KRW', 201.4]]);
    expect(amounts).toEqual([]);
  });

  test('a sentence after a quote that prices things in two currencies is about prices', () => {
    const { rates } = money('100 Yen kosteten am Montag 921,3 Won. In Tokio werden 4,99 Dollar verlangt, in Seoul kostet eine Packung 1.250 Won.', 'deu');
    expect(rates.map((r) => r.text)).toEqual(['921,3 Won']);
  });

  test('a range whose low end prints the currency and whose high end prints the scale', () => {
    expect(spans('Le permitiría ingresar entre US$ 510 y 640 millones al año.', 'spa')).toEqual([
      ['US$ 510', 'USD', '510000000'],
      ['640 millones', 'USD', '640000000'],
    ]);
    expect(spans('The deal is worth $2 to 3 billion.', 'eng')).toEqual([
      ['$2', 'USD', '2000000000'],
      ['3 billion', 'USD', '3000000000'],
    ]);
  });

  test('an equivalent after a change converts its last figure', () => {
    const { pairs, amounts } = money('La cuota pasará de 7.890 a 9.890 wones (unos 6,5 euros) al mes.', 'spa');
    expect(pairs.map((p) => [amounts[p.a]!.text, amounts[p.b]!.text])).toEqual([['9.890 wones', '6,5 euros']]);
  });

  test('a bracket opened a few words after the amount', () => {
    expect(money('Samyang facturó 1,12 billones de wones en el semestre (812 millones de dólares aproximadamente).', 'spa').pairs).toHaveLength(1);
  });

  test("a rate quote's figure among the words before a connector", () => {
    expect(money('Die Sparte erlöste 1,24 Billionen Won. Das entspricht beim Kurs von 1.398,2 Won je Dollar gut 885 Millionen US-Dollar.', 'deu').pairs).toHaveLength(1);
  });

  test('ranges paired end to end across a per-unit phrase and a verb', () => {
    expect(money('Zellen werden für 310 bis 350 Yuan je Kilowattstunde angeboten – rund 43 bis 49 Dollar.', 'deu').pairs).toHaveLength(2);
  });

  test('a second equivalent after "bzw." without brackets', () => {
    expect(money('Der Konzern investiert rund 6,9 Billionen Won – umgerechnet etwa 5 Mrd. US-Dollar bzw. knapp 4,6 Mrd. Euro.', 'deu').pairs).toHaveLength(2);
  });

  test('a figure dated by "de 2024" is still money', () => {
    expect(spans('Las ventas alcanzarán entre 31 y 35 billones de wones, frente a los 16,9 billones de 2024.', 'spa')[2]).toEqual([
      '16,9 billones',
      'KRW',
      '16900000000000',
    ]);
  });

  test('Taiwan dollars in Spanish', () => {
    expect(spans('Destinará 11.000 millones de dólares taiwaneses a sus almacenes.', 'spa')).toEqual([
      ['11.000 millones de dólares taiwaneses', 'TWD', '11000000000'],
    ]);
  });

  test("a change of the rate after 'Aufwertung des Dollar' is not money", () => {
    expect(money('Jede Aufwertung des Dollar um zehn Won koste den Konzern rund 0,7 Prozent Umsatz.', 'deu').amounts).toEqual([]);
  });
});

describe('fourth batch of dev constructions', () => {
  test('"M$" beside "$ US" is the US dollar: French wires write it for millions of dollars too', () => {
    const { amounts } = money("Le bénéfice a reculé à 412,5 milliards de wons (295 M$), et le chiffre d'affaires à 1,7 milliard $ US.");
    expect(amounts.map((a) => a.currency)).toEqual(['KRW', 'USD', 'USD']);
  });

  test('a price per unit in a sentence about the rate is money, not a rate', () => {
    const { amounts, rates } = money("Un dollar s'achetait 1 369,5 wons. Sur Upbit, le tether s'échangeait au même moment à 1 376 wons l'unité.");
    expect(rates.map((r) => r.text)).toEqual(['1 369,5 wons']);
    expect(amounts.map((a) => [a.text, a.per])).toEqual([['1 376 wons', 'unité']]);
  });

  test('"chaque hausse de 10 wons du dollar" is a change of the rate', () => {
    expect(spans("Chaque hausse de 10 wons du dollar alourdit ses coûts d'environ 21 milliards de wons.")).toEqual([
      ["21 milliards de wons", 'KRW', '21000000000'],
    ]);
  });

  test('a name in brackets among the words before a connector', () => {
    expect(
      money("Les Sud-Coréens ont échangé 51 200 milliards de wons de stablecoins, le tether (USDT) en tête, l'équivalent de 37,4 milliards de dollars.").pairs,
    ).toHaveLength(1);
  });

  test('"a week earlier" is a time, not a price per week', () => {
    expect(money('The euro fetched 1,501.2 won, up from 1,488.9 won a week earlier.', 'eng').rates.map((r) => [r.value, r.earlier])).toEqual([
      [1501.2, false],
      [1488.9, true],
    ]);
  });
});

describe('probes of common rate phrasing', () => {
  test('after a subject and its verb, a figure the text says is a move is a change', () => {
    const { rates, amounts } = money('The won-dollar exchange rate rose 6.2 won to 1,411.5 won.', 'eng');
    expect(rates.map((r) => r.text)).toEqual(['1,411.5 won']);
    expect(amounts).toEqual([]);
  });

  test('"1,405 won a dollar" is a rate', () => {
    expect(money('A weaker won, at 1,405 won a dollar, helps exporters.', 'eng').rates.map((r) => r.value)).toEqual([1405]);
  });

  test('"unidades por dólar", "unità per dollaro"', () => {
    expect(money('El won cerró a 1.398,2 unidades por dólar.', 'spa').rates.map((r) => r.value)).toEqual([1398.2]);
    expect(money('Il won ha chiuso a 1.397,5 unità per dollaro.', 'ita').rates.map((r) => r.value)).toEqual([1397.5]);
  });

  test('in Spanish "dólares" are US dollars, and a "$" in a Chilean story is the peso', () => {
    const text =
      'LG invertirá US$ 1.870 millones en Chile, unos 1,8 billones de pesos chilenos. El litio chileno abastecerá la planta. En Santiago, el dólar terminó la jornada en $985.';
    const { amounts, rates } = money(text, 'spa');
    expect(amounts.map((a) => a.currency)).toEqual(['USD', 'CLP']);
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'CLP', 985]]);
  });

  test('a phrase can be evidence for two rules: "Chile" settles a bare "pesos" too', () => {
    expect(money('En Chile, en Santiago de Chile y en todo Chile, la obra costará 900.000 millones de pesos.', 'spa').amounts.map((a) => a.currency)).toEqual([
      'CLP',
    ]);
  });
});

describe('a sentence going on about the rate in two currencies', () => {
  test('quotes in won and in dollars both stay rates', () => {
    const { rates, amounts } = money('The dollar closed at 1,398.2 won on Monday. It later traded at 1,401.5 won, while the euro fetched $1.082.', 'eng');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1398.2],
      ['USD', 'KRW', 1401.5],
      ['EUR', 'USD', 1.082],
    ]);
    expect(amounts).toEqual([]);
  });

  test('a name right after the figure comes before the sentence before: "927.6원(100엔당)"', () => {
    const { rates } = money('원·달러 환율은 1,401.6원에 마감했다. 원·엔 재정환율은 927.6원(100엔당)으로 집계됐다.', 'kor');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1401.6],
      ['JPY', 'KRW', 9.276],
    ]);
  });
});

describe('French rate probes', () => {
  test('a comparative prices the subject: "un yuan plus faible que 190 wons"', () => {
    expect(money('Un yuan plus faible que 190 wons pèserait sur les exportateurs.').rates.map((r) => [r.base, r.quote, r.value])).toEqual([['CNY', 'KRW', 190]]);
  });

  test('a bare level after the won as subject is won per dollar', () => {
    expect(money("Le won s'est replié à 1 411,0, son plus bas niveau depuis novembre.").rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1411],
    ]);
  });

  test('a figure listed after a quote prices the same subject', () => {
    expect(money("L'euro cotait 1,0852 dollar et 1 521,3 wons.").rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['EUR', 'USD', 1.0852],
      ['EUR', 'KRW', 1521.3],
    ]);
  });

  test('a threshold after a quote of another pair is still a dollar rate', () => {
    const { rates, amounts } = money('Un yuan valait 193,8 wons. Le seuil des 1 400 wons a été franchi dans la matinée.');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['CNY', 'KRW', 193.8],
      ['USD', 'KRW', 1400],
    ]);
    expect(amounts).toEqual([]);
  });

  test('"2,4 unidades por debajo" is a change; "por cada 100 unidades" counts the base', () => {
    const { rates, amounts } = money('El dólar cerró a 1.389,6 wones, 2,4 unidades por debajo del jueves. El yen se cambiaba a 912,7 wones por cada 100 unidades.', 'spa');
    expect(rates.map((r) => r.text)).toEqual(['1.389,6 wones', '912,7 wones']);
    expect(amounts).toEqual([]);
  });
});

describe('French market reports', () => {
  test('a pronoun for the rate, a rise and a symbolic threshold', () => {
    const { rates, amounts } = money(
      "Le taux de change won-dollar a fini à 1 368,2 wons. Il est monté à plusieurs reprises à plus de 1 372 wons dans la journée. Il a bondi de 35 wons en un mois après avoir franchi le cap symbolique des 1 330 wons.",
    );
    expect(rates.map((r) => r.text)).toEqual(['1 368,2 wons', '1 372 wons', '1 330 wons']);
    expect(amounts).toEqual([]);
  });
});

describe('rate-heavy French copy', () => {
  const rateList = (text: string) => money(text).rates.map((r) => [r.base, r.quote, r.value]);

  test('a range of a rate: both ends are rates', () => {
    const { rates, amounts } = money('Hana Bank prévoit un dollar entre 1 410 et 1 490 wons d\'ici juin.');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['USD', 'KRW', 1410],
      ['USD', 'KRW', 1490],
    ]);
    expect(amounts).toEqual([]);
  });

  test('a base counted in grouped units: "17 420 dongs pour 1 000 wons"', () => {
    expect(rateList('La banque affiche un taux de 17 420 dongs pour 1 000 wons.')).toEqual([['KRW', 'VND', 17.42]]);
  });

  test('a price per pound weight is not a rate', () => {
    const { rates, amounts } = money('Le café arabica cotait 402,5 cents la livre à New York.');
    expect(rates).toEqual([]);
    expect(amounts.map((a) => a.currency)).toEqual(['USD']);
  });

  test('a list of quotes leaves out the verb after the first', () => {
    expect(rateList("L'euro s'achetait 1 441,2 wons et 100 yens 893,4 wons.")).toEqual([
      ['EUR', 'KRW', 1441.2],
      ['JPY', 'KRW', 8.934],
    ]);
  });

  test('"un retour du dollar vers 1 290 wons"', () => {
    expect(rateList("Il prévoit un retour du dollar vers 1 290 wons d'ici juin.")).toEqual([['USD', 'KRW', 1290]]);
  });

  test('a move with a qualifier before the figure is a change; a large one is money', () => {
    expect(money('Le won a regagné près de 85 wons depuis le printemps.').amounts).toEqual([]);
    expect(money('Un dollar vaut 1 395,2 wons. Chaque virement nous coûte près de 210 000 wons de plus que prévu.').amounts.map((a) => a.text)).toEqual([
      '210 000 wons',
    ]);
  });

  test('a bare yuan level before "n\'est"', () => {
    expect(rateList("Le yuan restera faible, et un passage durable au-delà de 7,35 n'est pas exclu.")).toEqual([['USD', 'CNY', 7.35]]);
  });

  test('an article naming Canadian and Australian dollars keeps the bare dollar for the US one', () => {
    const { amounts } = money(
      'Les frais oscillent entre 45 000 et 55 000 dollars australiens. Au Canada, le dollar canadien cotait 1 006,8 wons. A Boston, le loyer atteint 2 400 dollars par mois.',
    );
    expect(amounts.map((a) => a.currency)).toEqual(['AUD', 'AUD', 'USD']);
  });

  test('"A par mois …, soit B au cours du jour, ou quelque C": both are A\'s equivalents', () => {
    const { pairs, amounts } = money(
      'Il envoie 1,6 million de wons par mois à sa famille restée près de Hanoï, soit 1 090 dollars au cours du jour, ou quelque 28,1 millions de dongs.',
    );
    expect(pairs.map((p) => [amounts[p.a]!.currency, amounts[p.b]!.currency])).toEqual([
      ['KRW', 'USD'],
      ['KRW', 'VND'],
    ]);
  });

  test('a count among the words before the connector', () => {
    expect(money('Les échanges ont atteint 9 200 milliards de wons sur les dernières 24 heures, soit un peu moins de 6,9 milliards de dollars.').pairs).toHaveLength(1);
  });

  test('an elided figure compares with the amount of its own size', () => {
    expect(
      spans("Chaque tranche de 10 milliards de dollars de ventes, l'équivalent de 14 410 milliards de wons au cours du jour, n'en valait que 13 390 milliards au taux du budget.")[2],
    ).toEqual(['13 390 milliards', 'KRW', '13390000000000']);
  });
});

describe('bases after a figure', () => {
  test('"$40 for 52,000 won worth of chips" is a purchase, not a rate', () => {
    const { rates, amounts } = money('He paid $40 for 52,000 won worth of chips.', 'eng');
    expect(rates).toEqual([]);
    expect(amounts.map((a) => a.text)).toEqual(['$40', '52,000 won']);
  });

  test('a marker ending in a digit gives it back to a grouped number: "pour 1 000 wons"', () => {
    expect(money('Un taux affiché à 17 580 dongs pour 1 000 wons.').rates.map((r) => [r.base, r.quote, r.value])).toEqual([['KRW', 'VND', 17.58]]);
  });
});

describe('levels named again', () => {
  test('"pour obtenir la même somme" prices the base of the quote before', () => {
    const { rates, amounts } = money(
      "A la clôture, 100 yens s'échangeaient contre 872,3 wons. Trois ans plus tôt, il fallait verser près de 1 120 wons pour obtenir la même somme.",
    );
    expect(amounts).toEqual([]);
    expect(rates.map((r) => [r.text, r.base, r.quote, r.value])).toEqual([
      ['872,3 wons', 'JPY', 'KRW', 8.723],
      ['1 120 wons', 'JPY', 'KRW', 11.2],
    ]);
  });

  test('"the same amount" with no quote before is not a base', () => {
    expect(money('Tourists paid 45,000 won for the same amount of food.', 'eng').amounts.map((a) => a.text)).toEqual(['45,000 won']);
  });

  test('a figure that repeats a quoted level is that level, and not a second piece of evidence', () => {
    const text =
      "Les groupes tablaient sur un dollar à 1 320 wons pour l'an prochain. Le billet vert a fini à 1 441,5 wons. Kia avait bâti son budget sur 1 320 wons. Ses ventes atteignent 7 milliards de dollars, soit 10 090 milliards de wons.";
    const { rates, amounts, pairs } = money(text);
    expect(rates.map((r) => r.text)).toEqual(['1 320 wons', '1 441,5 wons', '1 320 wons']);
    expect(amounts.map((a) => a.text)).toEqual(['7 milliards de dollars', '10 090 milliards de wons']);
    const once = money(text.replace('Kia avait bâti son budget sur 1 320 wons. ', '')).pairs[0]!;
    expect(pairs[0]!.consensus).toBe(once.consensus);
  });

  test('a round thousand is too common a price to be a repeated level', () => {
    const { amounts } = money('Un dollar valait 1 000 wons en 1997. Le ticket de bus coûte 1 000 wons.');
    expect(amounts.map((a) => a.text)).toEqual(['1 000 wons']);
  });

  test('"the 1,410 line" near a quoted rate is a level', () => {
    const { rates } = money('The won closed at 1,402.6 per dollar. Dealers expect state lenders to defend it. "The 1,410 line is what they watch," one said.', 'eng');
    expect(rates.map((r) => [r.text, r.value])).toEqual([
      ['1,402.6', 1402.6],
      ['1,410', 1410],
    ]);
  });

  test('an index level far from any quoted rate is not one', () => {
    const { rates } = money('The won closed at 1,402.6 per dollar. The Kospi fell toward the 2,450 level.', 'eng');
    expect(rates.map((r) => r.text)).toEqual(['1,402.6']);
  });
});

describe('a dollar quoted in cents of another', () => {
  test('"le huard à 75,84 cents US" prices the Canadian dollar in US cents', () => {
    const { rates, amounts } = money('Le huard se négociait à 75,84 cents US, en hausse de 0,4 cent. Le pétrole prenait 48 cents US à 71,20 $ US le baril.');
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'CAD', 1.3185654]]);
    expect(amounts.map((a) => [a.text, a.currency])).toEqual([
      ['48 cents US', 'USD'],
      ['71,20 $ US', 'USD'],
    ]);
  });

  test('"the loonie closed at 73.12 U.S. cents"', () => {
    expect(money('The loonie closed at 73.12 U.S. cents on Friday.', 'eng').rates.map((r) => [r.base, r.quote, r.text])).toEqual([['USD', 'CAD', '73.12 U.S. cents']]);
  });
});

describe('foreign-exchange reports', () => {
  const quotes = (text: string, language = 'fra') => money(text, language).rates.map((r) => [r.text, r.base, r.quote, r.value]);

  test('a bare "dollar" in a euro quote is the US dollar though the article names the Canadian one', () => {
    expect(quotes("Le dollar canadien a peu bougé. Vendredi soir, l'euro valait 1,0934 dollar.")).toEqual([['1,0934 dollar', 'EUR', 'USD', 1.0934]]);
  });

  test('a sentence that opens with its base prices it in every currency it prints', () => {
    const { rates, amounts } = money('Pour 1 euro, les voyageurs obtenaient 0,84 livre sterling, 0,95 franc suisse et 1,49 dollar canadien.');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([
      ['EUR', 'GBP', 0.84],
      ['EUR', 'CHF', 0.95],
      ['EUR', 'CAD', 1.49],
    ]);
  });

  test('a pronoun subject takes the currency of the sentence before, and the nearest usual rate sets the direction', () => {
    expect(quotes('Le dollar se reprend nettement. Il cote 0,91 contre le franc suisse et 151,3 contre le yen.')).toEqual([
      ['0,91', 'USD', 'CHF', 0.91],
      ['151,3', 'USD', 'JPY', 151.3],
    ]);
  });

  test.for([
    ["Ce jour-là, un yuan ne coûtait que 191,2 wons.", 'CNY'],
    ['Le won a fini à 1 440 wons. Le billet vert avait touché 1 452,3 dans la matinée.', 'USD'],
    ['Le won a fini à 1 440 wons. Le billet vert avait ouvert à 1 449,0 dès 9h.', 'USD'],
    ['Un analyste anticipe un dollar ramené à 1 410 wons en fin d’année.', 'USD'],
    ["A 160 yens, la monnaie européenne reste stable.", 'EUR'],
  ])('%s', ([text, base]) => {
    expect(money(text!).rates.map((r) => r.base).at(-1)).toEqual(base);
    expect(money(text!).amounts).toEqual([]);
  });

  test('a level in a forecast of a weaker won, and a floor in a contract, are rates', () => {
    expect(quotes("D'autres tablent sur un won plus faible encore, avec un pic à 1 520 wons en mars.").map((q) => q[0])).toEqual(['1 520 wons']);
    expect(quotes('Nous avions calé nos contrats sur un plancher de 1 390 wons.').map((q) => q[0])).toEqual(['1 390 wons']);
  });

  test('"les bureaux de change pratiquaient des cours proches de …" quotes the currency quoted before', () => {
    const text = "Mardi, un euro s'achetait 1 598,2 wons. Les bureaux de change de l'aéroport pratiquaient des cours proches de 1 650 wons.";
    expect(quotes(text).map((q) => q.slice(0, 3))).toEqual([
      ['1 598,2 wons', 'EUR', 'KRW'],
      ['1 650 wons', 'EUR', 'KRW'],
    ]);
  });
});

describe('a hundred units', () => {
  test('"100 yens valaient …" and "un billet de 100 dollars s\'échange contre …" are quotes per hundred', () => {
    expect(money('Mardi, 100 yens valaient 861,2 wons.').rates.map((r) => [r.base, r.value])).toEqual([['JPY', 8.612]]);
    // A banknote exchanged is the rate a reader is told (blind annotation of real copy reads it so).
    const { rates, amounts } = money("Un billet de 100 dollars s'échange contre 146 500 wons.");
    expect(rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'KRW', 1465]]);
    expect(amounts).toEqual([]);
    const labe = money('À Labé, un nouveau billet de 100 dollars est échangé à 950 mille francs guinéens.');
    expect(labe.rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'GNF', 9500]]);
    expect(labe.amounts).toEqual([]);
  });
});

describe('levels in dealers\' quotes', () => {
  test('"($1 = 0.7375 pounds)": in an equation a pound is money', () => {
    expect(money('Airbus shares rose. ($1 = 0.7412 pounds)', 'eng').rates.map((r) => [r.base, r.quote])).toEqual([['GBP', 'USD']]);
  });

  test('"the 1,400-won line" is a level, and a forecast near it in the next sentence is one too', () => {
    const { rates, amounts } = money('"The 1,420-won line has become a ceiling," said a dealer. "If the Fed cuts, 1,360 won by the fourth quarter is not a stretch."', 'eng');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => [r.text, r.base, r.quote, r.value])).toEqual([
      ['1,420-won', 'USD', 'KRW', 1420],
      ['1,360 won', 'USD', 'KRW', 1360],
    ]);
  });

  test('a price near the level quoted before is still a price when the sentence says so', () => {
    const { amounts } = money('The won closed at 1,402.6 per dollar. A subway ride costs 1,400 won in Seoul.', 'eng');
    expect(amounts.map((a) => a.text)).toEqual(['1,400 won']);
  });
});

describe('historical rates', () => {
  test('"125 wons pour un dollar" in 1945 is a rate far from today\'s; "255 ₩/$" writes the pair with a slash', () => {
    const { rates, amounts } = money('Le won fut fixé à 125 wons pour un dollar, puis passa à 255 ₩/$.');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => [r.text, r.base, r.quote, r.value])).toEqual([
      ['125 wons', 'USD', 'KRW', 125],
      ['255 ₩', 'USD', 'KRW', 255],
    ]);
  });

  test('after a weak marker a rate must be near its usual level: "398,5 cents la livre" is a price', () => {
    expect(money('Le café cotait 398,5 cents la livre à New York.').rates).toEqual([]);
  });
});

describe('market wraps that name other dollars', () => {
  test('one Canadian dollar spelt out leaves the bare dollar to the US one; the base may follow a comma; minutes are no rate', () => {
    const { rates, amounts } = money(
      "Ce lundi matin vers 8 H 30, pour 1 euro, on obtient 0,84 livre sterling et 1,49 dollar canadien. Le yuan est tombé à 7,31 yuans pour un dollar. L'once d'or valait 2 310,5 dollars.",
    );
    expect(amounts.map((a) => [a.text, a.currency])).toEqual([['2 310,5 dollars', 'USD']]);
    expect(rates.map((r) => [r.text, r.base, r.quote])).toEqual([
      ['0,84 livre sterling', 'EUR', 'GBP'],
      ['1,49 dollar canadien', 'EUR', 'CAD'],
      ['7,31 yuans', 'USD', 'CNY'],
    ]);
  });
});

describe('conversion rates and forecasts', () => {
  test('"converti au taux de 1 420 wons" is a rate, and "un taux implicite de …" too', () => {
    const { rates, amounts } = money('Le montant a été converti au taux de 1 418 wons. Cela représente un taux implicite de 1 403 wons.');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => r.text)).toEqual(['1 418 wons', '1 403 wons']);
  });

  test('"voient le won se renforcer à 1 350 d\'ici à la fin de l\'année"', () => {
    expect(money("Les analystes voient le won se renforcer à 1 352 d'ici à la fin de l'année, puis à 1 318 au premier trimestre.").rates.map((r) => r.text)).toEqual(['1 352', '1 318']);
  });
});

describe('which pair a level in a sentence naming no other currency belongs to', () => {
  test('near a quote of the sentence before: the same pair', () => {
    const { rates } = money('Analysts expect 1,390 to 1,430 won per dollar. The euro fetched 1,512 won. One said the pair could test 1,455 won soon.', 'eng');
    expect(rates.find((r) => r.text === '1,455 won')?.base).toBe('EUR');
  });

  test('far from the quote before: the pair whose usual level it is', () => {
    const { rates } = money("Les touristes obtiennent 9,5 wons pour un yen au guichet. Selon les cambistes, le niveau de 1 500 wons pourrait être testé.");
    expect(rates.map((r) => [r.text, r.base])).toEqual([
      ['9,5 wons', 'JPY'],
      ['1 500 wons', 'USD'],
    ]);
  });
});

describe('Korean market reports', () => {
  test('the minutes of a time are no rate', () => {
    const { rates } = money('원엔 재정환율은 오후 3시 10분 현재 100엔당 1,005.96원으로 전일 오후 3시 기준가보다 2.75원 내렸습니다.', 'kor');
    expect(rates.map((r) => r.text)).toEqual(['1,005.96원']);
  });
});

describe('equivalence verbs between a unit and its price', () => {
  test('"1 dólar equivale a 1.380 wones" is a rate, not a pair; "125 wones equivalían a 1 dólar" too', () => {
    const today = money('Hoy en día 1 dólar equivale a 1.380 wones.', 'spa');
    expect(today.pairs).toEqual([]);
    expect(today.rates.map((r) => [r.base, r.quote, r.value])).toEqual([['USD', 'KRW', 1380]]);
    expect(money('En 1962, 125 wones equivalían a 1 dólar.', 'spa').rates.map((r) => r.value)).toEqual([125]);
  });

  test('"15 won = 1 dollar" reads the base after the sign, "($1 = 1,438.5 won)" from the other side', () => {
    expect(money('Then 130 won = 1 dollar.', 'eng').rates.map((r) => [r.text, r.value])).toEqual([['130 won', 130]]);
    expect(money('($1 = 1,438.5 won)', 'eng').rates.map((r) => r.text)).toEqual(['1,438.5 won']);
  });
});

describe('amounts whose currency is printed only in the sentence before', () => {
  test('a figure with the same scale word takes that amount\'s currency, past an equivalent in another currency', () => {
    const { amounts } = money(
      "Le bénéfice d'exploitation a atteint 9,21 billions de wons (6,41 milliards de dollars) au deuxième trimestre, porté par la demande de puces mémoire destinées aux accélérateurs des centres de données américains. Le résultat dépasse nettement le consensus des analystes de 8,4 billions et se compare à 5,2 billions un an plus tôt.",
    );
    expect(amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['KRW 9,21 billions de wons', 'USD 6,41 milliards de dollars', 'KRW 8,4 billions', 'KRW 5,2 billions']);
  });

  test('pesos in French take the country the article names', () => {
    const { amounts } = money('Au Mexique, le salaire minimum passe à 8 400 pesos par mois.');
    expect(amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['MXN 8 400 pesos']);
  });

  test('pesos: a country named once is enough, and the most named country wins', () => {
    expect(money('Les travailleurs philippins envoient en moyenne 41 200 pesos par mois à leur famille.').amounts.map((a) => a.currency)).toEqual(['PHP']);
    expect(money("Au Mexique, où l'Argentine sert de contre-exemple, le panier coûte 450 pesos. Le Mexique importe.").amounts.map((a) => a.currency)).toEqual(['MXN']);
    // With the Philippine peso priced in a quote: a plausible rate, not money.
    const quote = money('Aux Philippines, le dollar américain s’échangeait autour de 57,9 pesos.');
    expect(quote.amounts).toEqual([]);
    expect(quote.rates.map((r) => `${r.base}/${r.quote}`)).toEqual(['USD/PHP']);
  });

  test('bare francs take the country the article prints their full name or places for; else the Swiss franc', () => {
    const kinshasa = money('À Kinshasa, le dollar se négocie à 2 600 francs congolais. Le savon qui coûtait 900 francs en coûte désormais 1 100 francs.');
    expect(kinshasa.amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['CDF 900 francs', 'CDF 1 100 francs']);
    expect(money('Au Rwanda, le ticket de bus passe de 300 à 350 francs, a annoncé la régie de Kigali, qui dessert tout le Rwanda.').amounts.map((a) => a.currency)).toEqual(['RWF', 'RWF']);
    expect(money('Le billet coûte 40 francs.').amounts.map((a) => a.currency)).toEqual(['CHF']);
  });

  test('rials and riyals: the country named settles a bare one; a dollar worth a million rials is a level', () => {
    const tehran = money('À Téhéran, le pain coûte 50 000 rials. Sur le marché libre, un dollar s’échangeait samedi à près de 1,05 million de rials.');
    expect(tehran.amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['IRR 50 000 rials']);
    expect(tehran.rates.map((r) => `${r.base}/${r.quote} ${r.value}`)).toEqual(['USD/IRR 1050000']);
    expect(money('À Doha, la chambre coûte 900 riyals la nuit, selon les hôteliers du Qatar.').amounts.map((a) => a.currency)).toEqual(['QAR']);
  });

  test('one "$ CA" in a European column marks that amount, not the article\'s dollar; "G$" is the Canadian press', () => {
    const column = money("Séance calme : le Brent à 73,9 dollars le baril, l'or à 3 318 dollars l'once et le huard à 1,3642 $ CA pour un dollar américain.");
    expect(column.amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['USD 73,9 dollars', 'USD 3 318 dollars']);
    expect(money('Le déficit atteindra 11,4 G$ cette année, contre 9 milliards de dollars prévus.').amounts.map((a) => a.currency)).toEqual(['CAD', 'CAD']);
    expect(money('Le contrat vaut 16,4 millions de $CAD.').amounts.map((a) => a.currency)).toEqual(['CAD']);
  });

  test('a European column that spells out the Canadian dollar keeps the bare dollar for the US one', () => {
    const { amounts } = money(
      "Le huard a fini à 70,12 cents US à Toronto, le dollar américain valant 1,426 dollar canadien. L'once d'or a terminé à 2 962 dollars et le Brent à 71,4 dollars le baril.",
    );
    expect(amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['USD 2 962 dollars', 'USD 71,4 dollars']);
  });
});

describe('Korean headlines write Hanja', () => {
  test('"42억弗" is in dollars, "1조2千億원" is a myriad number', () => {
    expect(spans('9월 경상수지 흑자 42억弗…반도체 수출 호조. 투자 규모는 1조2千億원이다.', 'kor')).toEqual([
      ['42억弗', 'USD', '4200000000'],
      ['1조2千億원', 'KRW', '1200000000000'],
    ]);
  });
});

describe('commodities are priced in US dollars', () => {
  test('in a Canadian paper, "le baril a fini à 66,75 $" is in US dollars; a litre of petrol stays Canadian', () => {
    const text = "À Montréal, la Bourse de Toronto a reculé. Le baril de pétrole a fini à 66,75 $ à New York, en baisse de 1,40 $. À Québec, l'essence se vendait 1,62 $ le litre, un prix que les automobilistes de l'Ontario connaissent bien.";
    expect(spans(text).map(([span, currency]) => `${span} ${currency}`)).toEqual(['66,75 $ USD', '1,40 $ USD', '1,62 $ CAD']);
  });
});

describe('Swiss and Italian print', () => {
  test('an apostrophe groups thousands: "6\'618 miliardi", "12\'500 francs"', () => {
    expect(spans("Gli averi gestiti salgono a 6'618 miliardi di dollari, contro 6’153 miliardi a fine marzo.", 'ita')).toEqual([
      ["6'618 miliardi di dollari", 'USD', '6618000000000'],
      ['6’153 miliardi', 'USD', '6153000000000'],
    ]);
    expect(spans("Le canton versera 12'500 francs par ménage.", 'fra')).toEqual([["12'500 francs", 'CHF', '12500']]);
  });

  test('Italian lire: the old lira unless the article is about Turkey, Lebanon or Syria; "5 mila 518 lire"', () => {
    expect(spans('Il corrispettivo sarà di 2,85 euro (pari a 5 mila 518 lire) per azione; nel 1995 il biglietto costava 1.500 lire.', 'ita').map((a) => `${a[0]} ${a[1]} ${a[2]}`)).toEqual([
      '2,85 euro EUR 2.85',
      '5 mila 518 lire ITL 5518',
      '1.500 lire ITL 1500',
    ]);
    const lira = money('A Istanbul la lira turca ha superato le 8 lire per un biglietto verde; nel 2011 il tasso era di 1,6 lire per un dollaro.', 'ita');
    expect(lira.amounts).toEqual([]);
    expect(lira.rates.map((r) => `${r.base}/${r.quote} ${r.value}`)).toEqual(['USD/TRY 8', 'USD/TRY 1.6']);
  });

  test('"alle 13.56" is a time of day, not a member of the list of sums after it', () => {
    expect(spans('Alla fine, alle 13.56, 1 euro valeva 1,002 dollari e il petrolio 80 dollari.', 'ita').map((a) => a[0])).not.toContain('13.56');
    expect(spans('A las 10.30, el barril se pagaba a 80 dólares.', 'spa').map((a) => a[0])).toEqual(['80 dólares']);
  });

  test('"40mila posti di lavoro" counts jobs; a word about money may follow the figure: "20,5 miliardi spesi"', () => {
    expect(spans('L’investimento da 240mila miliardi di won creerà 40mila posti di lavoro in patria.', 'ita').map((a) => a[0])).toEqual(['240mila miliardi di won']);
    expect(spans('Il gruppo ha investito 5 miliardi di dollari negli Stati Uniti, dove ha già 20,5 miliardi spesi in impianti.', 'ita')).toEqual([
      ['5 miliardi di dollari', 'USD', '5000000000'],
      ['20,5 miliardi', 'USD', '20500000000'],
    ]);
  });
});

describe('Argentine and Colombian market reports', () => {
  const rates = (text: string) => money(text, 'spa').rates.map((r) => `${r.base}/${r.quote} ${r.value}`);
  test('a move in brackets or in percent between the subject and its level: "subió 50 centavos (+0,12%) a $857 por unidad"', () => {
    const wholesale = money('En Argentina, el dólar mayorista subió 40 centavos (+0,05%) a $861 por unidad.', 'spa');
    expect(wholesale.amounts).toEqual([]);
    expect(wholesale.rates.map((r) => `${r.base}/${r.quote} ${r.value}`)).toEqual(['USD/ARS 861']);
    expect(rates('En Buenos Aires, los contratos de futuro del dólar cedieron 0,2% a $871,50.')).toEqual(['USD/ARS 871.5']);
  });

  test('a fall of the peso larger than a quarter of its usual level but within its range is a change: "una caída de $240"', () => {
    const blue = money('El dólar blue bajó en cinco de las últimas seis semanas desde su máximo de $1.260 (acumula una caída de $245 o 19,4%).', 'spa');
    expect(blue.amounts).toEqual([]);
    expect(blue.rates.map((r) => `${r.base}/${r.quote} ${r.value}`)).toEqual(['USD/ARS 1260']);
  });

  test('a year between the subject and its level dates it: "los futuros del dólar para fin de junio 2025 cedieron 0,3% a $1.180"', () => {
    expect(rates('En Buenos Aires, los futuros del dólar para fin de junio 2025 cedieron 0,3% a $1.180.')).toEqual(['USD/ARS 1180']);
  });

  test('the TRM is the Colombian peso per dollar', () => {
    expect(rates('En Colombia, la TRM vigente, fijada en $3.912,40, bajó.')).toEqual(['USD/COP 3912.4']);
  });
});

describe('Italian "per" that prices nothing', () => {
  test('"a 0,98 dollari per poi risalire": "per poi" goes on with the sentence, the figure is a quote', () => {
    const euro = money('In mattinata l’euro scambiava a 0,98 dollari per poi risalire sopra la parità.', 'ita');
    expect(euro.amounts).toEqual([]);
    expect(euro.rates.map((r) => `${r.base}/${r.quote} ${r.value}`)).toEqual(['EUR/USD 0.98']);
  });
});

describe('parallel-market quotes of West African copy', () => {
  const quotes = (text: string) => {
    const r = money(text);
    return { amounts: r.amounts.map((a) => a.text), rates: r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`) };
  };
  test('"1000 nairas se changeait à 340 Fcfa": a thousand units and their verb are the base', () => {
    expect(quotes('Le mois dernier, 1000 Naïra se changeait à 330 Fcfa.')).toEqual({ amounts: [], rates: ['NGN/XOF 0.33'] });
  });
  test('"760 nairas (monnaie locale), pour obtenir 1 $": an aside between the figure and its base', () => {
    expect(quotes('Au marché noir, il fallait apporter 760 nairas (monnaie locale), pour obtenir 1 $.')).toEqual({ amounts: [], rates: ['USD/NGN 760'] });
  });
});

describe('an open name kept by its historic level', () => {
  test('"le taux officiel du dollar est de 1,38 dinar" in a story about Libya is Libyan, not Jordanian', () => {
    const r = money('À Tripoli, sur le marché noir libyen, le dollar dépasse neuf dinars alors que le taux officiel du dollar est de 1,38 dinar.');
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toContain('USD/LYD 1.38');
  });
});

describe('dollars and cents across languages', () => {
  test('"$" and "dollari" in an Italian or French story about Argentina are US dollars; in Spanish "$" is the peso', () => {
    expect(spans('L’Argentina ha ricevuto dal FMI un prestito di 44 miliardi di dollari, di cui $ 12 miliardi già versati a Buenos Aires, capitale dell’Argentina.', 'ita').map((a) => a[1])).toEqual(['USD', 'USD']);
    expect(spans('En Argentina, el kilo de pan cuesta $1.150 en Buenos Aires.', 'spa').map((a) => a[1])).toEqual(['ARS']);
  });

  test('Italian "cent" is the euro cent; "centesimi di dollaro" the dollar\'s', () => {
    expect(spans('La benzina sale di 0,8 cent al litro; il Brent guadagna 42 centesimi di dollaro.', 'ita').map((a) => `${a[0]} ${a[1]} ${a[2]}`)).toEqual([
      '0,8 cent EUR 0.008',
      '42 centesimi di dollaro USD 0.42',
    ]);
  });

  test('Colombian print sets the millions apart: "$1\'250.000"', () => {
    expect(spans("En Colombia, el salario mínimo sube a $1'250.000 y el auxilio a $140.000 en Bogotá.", 'spa')).toEqual([
      ["$1'250.000", 'COP', '1250000'],
      ['$140.000', 'COP', '140000'],
    ]);
  });
});

describe('the IMF\'s special drawing rights', () => {
  test.for([
    ['spa', 'El FMI aprobó un crédito por DEG 7.400 millones.', 'DEG 7.400 millones', '7400000000'],
    ['fra', 'Le FMI a accordé 1,8 milliard de DTS au pays.', '1,8 milliard de DTS', '1800000000'],
    ['eng', 'The IMF approved SDR 2.3 billion for the country.', 'SDR 2.3 billion', '2300000000'],
    ['ita', 'Il FMI ha concesso 900 milioni di diritti speciali di prelievo.', '900 milioni di diritti speciali di prelievo', '900000000'],
  ] as const)('%s: %s', ([language, text, span, exact]) => {
    expect(spans(text, language)).toEqual([[span, 'XDR', exact]]);
  });
});

describe('the print of the currency\'s country', () => {
  test('"42,617 soles" is forty-two thousand soles in Peruvian copy; "1,234 euros" stays a decimal', () => {
    expect(spans('Cada congresista cobraría 42,617 soles al mes.', 'spa')).toEqual([['42,617 soles', 'PEN', '42617']]);
    expect(spans('La entrada cuesta 2,500 pesos mexicanos.', 'spa')).toEqual([['2,500 pesos mexicanos', 'MXN', '2500']]);
    expect(spans('El litro de gasóleo cuesta 1,234 euros.', 'spa')).toEqual([['1,234 euros', 'EUR', '1.234']]);
  });
});

describe('pesos named by their country\'s institutions', () => {
  test('ANSES and the minimum pension are Argentine; the SMMLV and the transport allowance Colombian', () => {
    expect(spans('La ANSES pagará un haber mínimo de 12.500 pesos en octubre.', 'spa').map((a) => a[1])).toEqual(['ARS']);
    expect(spans("El SMMLV queda en $1'300.000 y el auxilio de transporte en $162.000.", 'spa').map((a) => a[1])).toEqual(['COP', 'COP']);
  });
});

describe('"with 100 euros you get …"', () => {
  test.for([
    ['ita', 'Con 100 euro si possono acquistare 96 franchi svizzeri.', 'EUR/CHF 0.96'],
    ['spa', 'Con 100 euros se obtienen 107 dólares en la casa de cambio.', 'EUR/USD 1.07'],
    ['fra', 'Avec 100 euros, on obtient 93 francs suisses.', 'EUR/CHF 0.93'],
  ] as const)('%s: %s', ([language, text, rate]) => {
    const r = money(text, language);
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toEqual([rate]);
  });

  test('a sum spent is no base: "con 5.000 euro si comprano 3 biciclette"', () => {
    expect(money('Con 5.000 euro si comprano tre biciclette da 1.500 euro.', 'ita').rates).toEqual([]);
  });
});

describe('a sum of the quote currency, its verb, then one unit of the base', () => {
  test('"Trois mille francs congolais s\'échangeaient encore récemment à 1 dollar" is a quote', () => {
    const r = money("À Kinshasa, deux mille cinq cents francs congolais s'échangeaient encore récemment à 1 dollar.");
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toEqual(['USD/CDF 2500']);
  });

  test('"100 francs suisses représentaient 83 euros": a hundred units and their verb', () => {
    const r = money('Avant, 100 francs suisses représentaient 83 euros.');
    expect(r.amounts).toEqual([]);
    expect(r.rates).toHaveLength(1);
  });
});

describe('bare figures listed after a quote', () => {
  test('"contre 48,10 et 48,23 respectivement": the second of a list near the quote\'s level is a quote too; a percentage is not', () => {
    const r = money("Au Caire, le dollar s'échangeait à 47,92 livres pour l'achat et 48,05 pour la vente, contre 48,10 et 48,23 respectivement la veille.");
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => q.value)).toEqual([47.92, 48.05, 48.1, 48.23]);
    expect(money("Au Caire, le dollar s'échangeait à 47,92 livres et 46,9 % des importations sont payées en dollars.").rates.map((q) => q.value)).toEqual([47.92]);
  });

  test('the level it is compared with: "a 158,42 contro i 159,10 di ieri", "frente a los 19,85 del viernes", "from 1.0810"', () => {
    const levels = (text: string, language: string) => {
      const r = money(text, language);
      return { amounts: r.amounts.map((a) => a.text), rates: r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`) };
    };
    expect(levels("L'euro scende nei confronti dello yen, a 158,42 contro i 159,10 della chiusura di ieri.", 'ita')).toEqual({ amounts: [], rates: ['EUR/JPY 158.42', 'EUR/JPY 159.1'] });
    expect(levels('El dólar cerró a 19,62 pesos mexicanos, frente a los 19,85 del viernes.', 'spa')).toEqual({ amounts: [], rates: ['USD/MXN 19.62', 'USD/MXN 19.85'] });
    expect(levels('The euro rose to $1.0930 from 1.0810 on Friday.', 'eng')).toEqual({ amounts: [], rates: ['EUR/USD 1.093', 'EUR/USD 1.081'] });
    expect(levels('Der Euro kostete 1,0930 Dollar nach 1,0810 Dollar am Vortag.', 'deu')).toEqual({ amounts: [], rates: ['EUR/USD 1.093', 'EUR/USD 1.081'] });
    // The low end of a move written as a range: "il corso è passato da 0,9280 a 0,9342".
    expect(levels("L'euro è salito a oltre 0,93 franchi. Dopo l'annuncio il corso è passato da 0,9280 a 0,9342.", 'ita').rates).toEqual(['EUR/CHF 0.93', 'EUR/CHF 0.928', 'EUR/CHF 0.9342']);
    expect(levels("Le dollar s'échangeait à 1 452 wons. Le cours est passé de 1 430,5 à 1 452 en une semaine.", 'fra').rates).toEqual(['USD/KRW 1452', 'USD/KRW 1430.5', 'USD/KRW 1452']);
    // An official rate compared with a parallel one, twice as high.
    expect(levels("In Argentina il biglietto verde ha toccato i 560 pesos per un dollaro contro i 280 del cambio ufficiale.", 'ita').rates).toEqual(['USD/ARS 560', 'USD/ARS 280']);
    // The other end of a move from one level to another: "von 160,245 auf 154".
    expect(levels('Am Montag war der Yen von 160,245 auf 154 gefallen, nachdem er ein Hoch erreicht hatte.', 'deu').rates).toEqual(['USD/JPY 160.245', 'USD/JPY 154']);
    // A stray space after the decimal mark of a bare level: "qui s'élevait à 7, 6804".
    expect(levels("Le yuan a atteint lundi 7,1652 pour un dollar, gagnant 152 points par rapport au taux de vendredi, qui s'élevait à 7, 1804.", 'fra').rates).toEqual(['USD/CNY 7.1652', 'USD/CNY 7.1804']);
    // Far from the level, a figure compared is something else.
    expect(levels("L'euro sale a 158,42 yen contro i 12 del 2012.", 'ita').rates).toEqual(['EUR/JPY 158.42']);
  });
});

describe('levels named after a quote of the sentence before', () => {
  test('a level dated earlier may be further from the quote: "On est loin des 2,25 $ d\'il y a trois ans"', () => {
    const r = money("On a actuellement besoin de 1,54 $ canadien pour acheter une livre sterling. On est loin des 2,25 $ d'il y a seulement trois ans.");
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value} ${q.earlier}`)).toEqual(['GBP/CAD 1.54 false', 'GBP/CAD 2.25 true']);
  });

  test('a bare figure at the level just quoted is that pair, not the pair of the article\'s most printed currency', () => {
    const text = 'Il pranzo costa 11,50 euro e il caffè 1,20 euro. Stamane il cambio ha toccato 1,08 franchi per un euro. È il picco da quando la banca centrale abbandonò la soglia, fissata proprio a 1,10.';
    expect(money(text, 'ita').rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toEqual(['EUR/CHF 1.08', 'EUR/CHF 1.1']);
  });

  test('"fino a 95 centesimi di euro per ciascun franco" prices the franc', () => {
    expect(money('In banca si ottenevano fino a 94 centesimi di euro per ciascun franco svizzero.', 'ita').rates.map((q) => `${q.base}/${q.quote}`)).toEqual(['EUR/CHF']);
  });
});

describe('cents of the currency the story is about', () => {
  test('"la valuta comunitaria valeva 92,86 centesimi" after "il franco svizzero … nei confronti dell\'euro" prices the euro in francs', () => {
    const rates = (text: string, language: string) => money(text, language).rates.map((q) => `${q.base}/${q.quote} ${Number(q.value.toFixed(4))}`);
    expect(rates("Il franco svizzero si è rafforzato nei confronti dell'euro. In serata la valuta comunitaria valeva appena 93,12 centesimi.", 'ita')).toEqual(['EUR/CHF 0.9312']);
    expect(rates("Le franc s'est encore apprécié face à l'euro. La monnaie unique valait 93,12 centimes en fin de journée.", 'fra')).toEqual(['EUR/CHF 0.9312']);
    expect(rates('Il franco si è apprezzato anche nei confronti del dollaro. A 81,20 centesimi, il biglietto verde è ai minimi.', 'ita')).toEqual(['USD/CHF 0.812']);
    // The subject and another currency named in the sentence: cents of the other.
    expect(rates("L'euro ha toccato un minimo di 1,1541 franchi. Il dollaro si è pure indebolito nei confronti della valuta elvetica, scendendo sotto i 94 centesimi.", 'ita')).toEqual(['EUR/CHF 1.1541', 'USD/CHF 0.94']);
    // Cents beside an oil price in dollars are US cents.
    expect(money('Il Brent è salito di 61 centesimi a $85,41 al barile.', 'ita').amounts.map((a) => `${a.text} ${a.currency}`)).toEqual(['61 centesimi USD', '$85,41 USD']);
    expect(money('La benzina costa 1,85 euro al litro, 3 centesimi in più.', 'ita').amounts.map((a) => a.currency)).toEqual(['EUR', 'EUR']);
    // Cents of the currency named stay its cents.
    expect(rates("L'euro a glissé face au dollar. Il valait 98,5 cents américains.", 'fra')).toEqual(['EUR/USD 0.985']);
    expect(rates("Un euro s'échangeait contre 0,9342 franc. La livre cédait du terrain, à 86,13 pence pour un euro.", 'fra')).toEqual(['EUR/CHF 0.9342', 'EUR/GBP 0.8613']);
  });
});

describe('Central American remittance copy', () => {
  test('"us 4,574.6 millones", "US 389": a lower-case us before the figure is the US dollar in Spanish', () => {
    const r = money('Las remesas de enero sumaron us 4,574.6 millones, y el envío medio fue de US 389 por hogar.', 'spa');
    expect(r.amounts.map((a) => `${a.text} ${a.currency} ${a.value}`)).toEqual(['us 4,574.6 millones USD 4574600000', 'US 389 USD 389']);
    // English keeps its pronoun.
    expect(money('Give us 40 minutes and 12 dollars.', 'eng').amounts.map((a) => a.text)).toEqual(['12 dollars']);
  });
});

describe('Latin American market reports and spelled thousands', () => {
  test('"frente al peso chileno" makes "$" the Chilean peso: "$ 548,10 comprador" is a quote', () => {
    const r = money('El dólar cerró con un leve retroceso frente al peso chileno. Al cierre, la divisa se ubicó en puntas de $ 548,10 comprador y $ 548,60 vendedor.', 'spa');
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toEqual(['USD/CLP 548.1', 'USD/CLP 548.6']);
  });

  test('"siete mil 312 pesos" is 7 312', () => {
    expect(spans('La pensión sube a siete mil 312 pesos al mes.', 'spa')).toEqual([['siete mil 312 pesos', 'MXN', '7312']]);
  });

  test('a sentence that writes US dollars out keeps its bare dollars for the paper\'s own', () => {
    expect(spans('À Montréal, le baril a atteint 68,20 dollars (59,10 dollars américains), selon les courtiers du Québec, du Canada et de l’Ontario.').map((a) => a[1])).toEqual(['CAD', 'USD']);
  });
});

describe('the price of a currency', () => {
  test('"al precio del dólar al cierre de marzo de S/ 3.71" is a quote, the sums beside it money', () => {
    const r = money('La minera ganó US$ 512 millones o S/ 1,899.5 millones al precio del dólar al cierre de marzo de S/ 3.71.', 'spa');
    expect(r.amounts.map((a) => a.text)).toEqual(['US$ 512 millones', 'S/ 1,899.5 millones']);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value}`)).toEqual(['USD/PEN 3.71']);
  });
});

describe('a level split by a stray space after its decimal mark', () => {
  test('"l\'euro s\'échangeait à 3, 351 dinars" is 3,351; a list of notes "5, 200 et 500 euros" stays a list', () => {
    const r = money("À Tunis, l'euro s'échangeait mardi à 3, 351 dinars sur le marché interbancaire.");
    expect(r.amounts).toEqual([]);
    expect(r.rates.map((q) => `${q.base}/${q.quote} ${q.value} ${q.text}`)).toEqual(['EUR/TND 3.351 3, 351 dinars']);
    expect(spans('Les billets de 5, 200 et 500 euros circulent.').map((a) => a[2])).toEqual(['5', '200', '500']);
  });
});
