import { describe, expect, test } from 'vitest';
import { moneyBySentence as money } from './money-helpers.js';

// Budget and results copy that names its currency once, or in another paragraph, in sentences
// written for these tests.
const spans = (text: string, language: string) => money(text, language).amounts.map((a) => `${a.text} ${a.currency} ${a.exact}${a.per ? ` per ${a.per}` : ''}`);

describe('a scaled figure about money takes the currency the article gives its scale', () => {
  test('from a paragraph before, however far, when its clause is about money', () => {
    const text = [
      'Il gruppo ha chiuso il semestre con un utile netto di 412 milioni di euro.',
      'La crescita è stata trainata dalle vendite in Germania e in Francia, dove il gruppo ha aperto due stabilimenti.',
      'Il mercato resta difficile secondo gli analisti, che attendono la guidance a novembre.',
      'Il debito netto è sceso a 2.310 milioni alla fine di giugno.',
    ].join('\n');
    expect(spans(text, 'ita')).toEqual(['412 milioni di euro EUR 412000000', '2.310 milioni EUR 2310000000']);
    expect(money(text, 'ita').amounts.map((a) => a.currencyFrom)).toEqual([undefined, 'article']);
  });

  test('from the body after a headline', () => {
    expect(spans('Export record a 612 miliardi\nLe esportazioni italiane hanno raggiunto 612 miliardi di euro nel 2024, secondo l\'Istat.', 'ita')).toEqual([
      '612 miliardi EUR 612000000000',
      '612 miliardi di euro EUR 612000000000',
    ]);
  });

  test('"80 milioni di disavanzo" is money; "47 millones de habitantes" and a bare count are not', () => {
    expect(spans('Il Cantone chiuderà con 80 milioni di disavanzo. Il rosso a fine anno si stima a 224,4 milioni di franchi.', 'ita')).toEqual([
      '80 milioni CHF 80000000',
      '224,4 milioni di franchi CHF 224400000',
    ]);
    expect(spans('El Gobierno aprobó un gasto de 3.200 millones de euros.\nEl país tiene 47 millones de habitantes.\nLa plataforma de vídeo llegó a 12 millones.', 'spa')).toEqual([
      '3.200 millones de euros EUR 3200000000',
    ]);
  });

  test('a figure in two scale words, "3 miliardi e 250 milioni", takes the currency whole', () => {
    expect(spans('Il governo ha stanziato 12 miliardi di euro. Il decreto libera poi 3 miliardi e 250 milioni di risparmi.', 'ita')).toEqual([
      '12 miliardi di euro EUR 12000000000',
      '3 miliardi e 250 milioni EUR 3250000000',
    ]);
    expect(spans('Le budget atteint 40 milliards d\'euros, dont 2 milliards et 300 millions de crédits.', 'fra')).toEqual([
      '40 milliards d\'euros EUR 40000000000',
      '2 milliards et 300 millions EUR 2300000000',
    ]);
    // The two ends of a range stay two figures.
    expect(spans('Il governo ha stanziato 12 miliardi di euro e ne spenderà tra 1 miliardo e 900 milioni.', 'ita')).not.toContain('1 miliardo e 900 milioni EUR 1900000000');
  });

  test('grants and loans are money: "10 miliardi di sovvenzioni", "2.000 millones en subvenciones"', () => {
    expect(spans('Arriveranno 21 miliardi di euro, suddivisi fra 10 miliardi di sovvenzioni e 11 miliardi di prestiti.', 'ita')).toEqual([
      '21 miliardi di euro EUR 21000000000',
      '10 miliardi EUR 10000000000',
      '11 miliardi EUR 11000000000',
    ]);
    expect(spans('La CNMC impuso 65 millones de euros a Renfe.\nEl regulador investiga desde hace años a las grandes compañías del país.\nEse año castigó con 171 millones a 21 empresas del automóvil.', 'spa')).toEqual([
      '65 millones de euros EUR 65000000',
      '171 millones EUR 171000000',
    ]);
    expect(spans('España recibirá 7.000 millones de euros: 2.000 millones de subvenciones y el resto en créditos.', 'spa')).toEqual([
      '7.000 millones de euros EUR 7000000000',
      '2.000 millones EUR 2000000000',
    ]);
  });

  test('the low end and the list before a carried figure take its currency too: "tra 23 e 25 miliardi"', () => {
    const text = 'La legge di bilancio vale 24 miliardi di euro.\nLa manovra oscillerà tra 23 e 25 miliardi, secondo il Mef.';
    expect(spans(text, 'ita')).toEqual(['24 miliardi di euro EUR 24000000000', '23 EUR 23000000000', '25 miliardi EUR 25000000000']);
    const amounts = money(text, 'ita').amounts;
    expect(amounts[1]!.range).toEqual({ role: 'low', with: 2 });
    expect(amounts[2]!.range).toEqual({ role: 'high', with: 1 });
    // With no currency anywhere, in the language's own.
    expect(spans('La manovra oscillerà tra 23 e 25 miliardi, secondo il Mef.', 'ita')).toEqual(['23 EUR 23000000000', '25 miliardi EUR 25000000000']);
  });

  test('a list of sums after a sentence with a sum: "Seguono Trasporti, 157 milioni; Turismo, 3milioni 092mila;"', () => {
    const text = 'La voce principale è la sanità con 1miliardo 593milioni 640mila euro. Seguono Trasporti, 157 milioni; Turismo, 3milioni 092mila; Opere pubbliche, 3milioni 402mila euro.';
    expect(spans(text, 'ita')).toEqual([
      '1miliardo 593milioni 640mila euro EUR 1593640000',
      '157 milioni EUR 157000000',
      '3milioni 092mila EUR 3092000',
      '3milioni 402mila euro EUR 3402000',
    ]);
    // Not a count after a sentence end.
    expect(spans('Il piano vale 2 miliardi di euro. Ne beneficeranno 3 milioni di famiglie; il resto andrà alle imprese.', 'ita')).toEqual(['2 miliardi di euro EUR 2000000000']);
  });

  test('a scaled figure alone in a bracket, but for a year, in copy about money: "le scuole (700 milioni)"', () => {
    const text = 'Il prefinanziamento da 25 miliardi è atteso oggi. Tra le opere già partite ci sono il Terzo valico (398 milioni nel 2020, 532 milioni nel 2021) e le scuole (700 milioni).';
    expect(spans(text, 'ita')).toEqual(['25 miliardi EUR 25000000000', '398 milioni EUR 398000000', '532 milioni EUR 532000000', '700 milioni EUR 700000000']);
  });

  test('a line of a list of sums: "Automóviles: 171 millones" under a sentence with a sum', () => {
    const text = 'La CNMC ha impuesto multas que suman 1.305,5 millones de euros. Estas son las más voluminosas:\nAutomóviles: 171 millones\nMulta récord a 21 fabricantes del sector.\nPañales para adultos: 128 millones\nSiete fabricantes fueron sancionados.';
    expect(spans(text, 'spa')).toEqual(['1.305,5 millones de euros EUR 1305500000', '171 millones EUR 171000000', '128 millones EUR 128000000']);
  });

  test('a figure whose only neighbour is its bracketed equivalent names no currency', () => {
    expect(spans('Le déficit courant atteint 1,6 milliard (2,54 milliards de dollars néo-zélandais).', 'fra')).toEqual(['2,54 milliards de dollars néo-zélandais NZD 2540000000']);
  });

  test('German savings and a figure spelled out: "6,39 Milliarden einzusparen", "zwei Milliarden"', () => {
    expect(spans('Das Budgetloch beträgt zwölf Milliarden Euro. Die Regierung will heuer 6,39 Milliarden einsparen, im nächsten Jahr nochmals zwei Milliarden.', 'deu')).toEqual([
      'zwölf Milliarden Euro EUR 12000000000',
      '6,39 Milliarden EUR 6390000000',
      'zwei Milliarden EUR 2000000000',
    ]);
  });
});

describe('an article that names no currency at all', () => {
  test('Italian, German and Korean results copy is in the currency their press reports in, and says so', () => {
    const text = 'Il gruppo ha chiuso il semestre con ricavi a 12.480 milioni (+4,1%).\nL’utile netto sale a 1.215 milioni, mentre il debito netto scende a 9.870 milioni.';
    const found = money(text, 'ita');
    expect(found.amounts.map((a) => `${a.text} ${a.currency} ${a.currencyFrom}`)).toEqual(['12.480 milioni EUR language', '1.215 milioni EUR language', '9.870 milioni EUR language']);
    expect(found.diagnostics.map((d) => d.code)).toEqual(['CURRENCY_ASSUMED']);
    expect(spans('Der Umsatz des Konzerns stieg auf 8,4 Milliarden.', 'deu')).toEqual(['8,4 Milliarden EUR 8400000000']);
    expect(spans('올해 매출은 3조 2천억으로 늘었다.', 'kor')).toEqual(['3조 2천억 KRW 3200000000000']);
  });

  test('Swiss Italian and Swiss German budget copy is in francs: two mentions of the canton or its places decide', () => {
    const ticino = 'Il Cantone chiuderà i conti con un disavanzo di 240 milioni.\nIl governo ticinese punta a ridurre il deficit a 90 milioni entro il 2027.';
    expect(spans(ticino, 'ita')).toEqual(['240 milioni CHF 240000000', '90 milioni CHF 90000000']);
    expect(spans('Der Kanton Zürich rechnet mit einem Defizit von 310 Millionen.', 'deu')).toEqual(['310 Millionen CHF 310000000']);
    // One mention is news about the place, not its press.
    expect(spans('Il deficit dello Stato sale a 240 milioni, mentre il Ticino attende.', 'ita')).toEqual(['240 milioni EUR 240000000']);
  });

  test('a Korean headline figure followed by a word about money: "1.5兆 유상증자"; not a count', () => {
    expect(spans('한화오션 1.5兆 유상증자 추진', 'kor')).toEqual(['1.5兆 KRW 1500000000000']);
    expect(spans('서울 인구는 940만 명이다.', 'kor')).toEqual([]);
  });

  test('not in Spanish, French or English, spoken where many currencies are; not a count; not where the article names one', () => {
    expect(spans('La deuda neta de la compañía se situó en 5.120 millones.', 'spa')).toEqual([]);
    expect(spans('Le chiffre d’affaires atteint 3,2 milliards.', 'fra')).toEqual([]);
    expect(spans('Il gruppo ha ricavi per 12 milioni di clienti serviti.', 'ita')).toEqual([]);
    expect(spans('Il fatturato vale 820 milioni di franchi. L’utile sale a 95 milioni.', 'ita')).toEqual(['820 milioni di franchi CHF 820000000', '95 milioni CHF 95000000']);
  });
});

describe('prices in a bracket after a price', () => {
  test('"1,832 euro/litro (-2 millesimi, compagnie 1,836, pompe bianche 1,824)": the bracketed prices, not the move', () => {
    expect(spans('La benzina self service è a 1,832 euro/litro (-2 millesimi, compagnie 1,836, pompe bianche 1,824).', 'ita')).toEqual([
      '1,832 euro EUR 1.832 per litro',
      '1,836 EUR 1.836 per litro',
      '1,824 EUR 1.824 per litro',
    ]);
  });

  test('a bracket that prints an amount is an equivalent in another currency', () => {
    expect(spans('Les billets de 1 000, 5 000 et 10 000 yens (8 600, 42 900 et 85 700 wons) circulent.', 'fra')).not.toContain('8 600 JPY 8600');
  });
});
