import { describe, expect, test } from 'vitest';
import { moneyBySentence as money } from './money-helpers.js';

const currencies = (text: string) => money(text).amounts.map((a) => `${a.text}=${a.currency}${a.ambiguous ? '?' : ''}`);

describe("an article's pairs settle an open currency its places left wrong or open", () => {
  test('a Korean story that mentions Canada: bare dollars whose won equivalents are at the US rate are US dollars', () => {
    const text =
      "Les achats de brut ont atteint 61,3 milliards de dollars, soit 90 100 milliards de wons. Kogas a signé avec LNG Canada, à Vancouver, un contrat évalué à 6,8 milliards de dollars canadiens. Le huard a fini à 72,4 cents US à Toronto. La cargaison a été payée 52 millions de dollars (76 milliards de wons).";
    expect(currencies(text)).toEqual(['61,3 milliards de dollars=USD', '90 100 milliards de wons=KRW', '6,8 milliards de dollars canadiens=CAD', '52 millions de dollars=USD', '76 milliards de wons=KRW']);
  });

  test("a Canadian story keeps its dollar when its won equivalents are at the Canadian dollar's rate", () => {
    const text = "Québec versera 1,2 G$ à l'usine de Bécancour. Le groupe coréen investira 1,5 milliard de dollars (1 480 milliards de wons) à Montréal.";
    expect(currencies(text)).toEqual(['1,2 G$=CAD', '1,5 milliard de dollars=CAD', '1 480 milliards de wons=KRW']);
  });

  test('crowns with no country named take the one their euro equivalent is priced in', () => {
    expect(currencies('Le contrat vaut 5 millions de couronnes (200 000 euros).')).toEqual(['5 millions de couronnes=CZK', '200 000 euros=EUR']);
    expect(currencies('Le contrat vaut 5 millions de couronnes (440 000 euros).')).toEqual(['5 millions de couronnes=SEK?', '440 000 euros=EUR']);
  });

  test('a quote of one unit is not a pair, and a pair off every reading decides nothing', () => {
    expect(currencies('Au Canada, à Toronto et à Vancouver, 1 dollar (1 010 wons) ne suffit plus.')).toContain('1 dollar=CAD');
    expect(currencies('À Toronto, Ottawa et Québec, 20 dollars (5 wons) de frais.')).toContain('20 dollars=CAD');
  });
});
