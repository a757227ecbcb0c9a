import { describe, expect, test } from 'vitest';
import { languagePack } from '../../src/lang/registry.js';
import { grammarFor } from '../../src/money/compile-grammar.js';
import { toPlainString } from '../../src/money/decimal.js';
import { matchKey } from '../../src/money/match-key.js';
import { type DigitConvention, readDigits, readMyriad, readWords } from '../../src/money/read-number.js';

const FRENCH: DigitConvention = { decimal: ',', group: new Set(['.']) };
const ENGLISH: DigitConvention = { decimal: '.', group: new Set<string>() };
const SPANISH: DigitConvention = { decimal: ',', group: new Set(['.']) };

function digits(text: string, convention: DigitConvention = FRENCH, prefer?: '.' | ',') {
  const r = readDigits(text, 0, convention, prefer);
  return r && { text: text.slice(0, r.end), exact: toPlainString(r.value), precision: r.precision, ambiguous: r.ambiguousSeparator };
}

describe('readDigits', () => {
  test.for([
    ['728 000 milliards', FRENCH, '728 000', '728000', 3],
    ['6,9 milliards', FRENCH, '6,9', '6.9', -1],
    ['8.200 millones', SPANISH, '8.200', '8200', 1],
    ['1.430,5 wones', SPANISH, '1.430,5', '1430.5', -1],
    ['1,438.7 won', ENGLISH, '1,438.7', '1438.7', -1],
    ['125.000,50 $', FRENCH, '125.000,50', '125000.5', -2],
    ['1,234,567.89', ENGLISH, '1,234,567.89', '1234567.89', -2],
    ['12,34,567.89 rupees', ENGLISH, '12,34,567.89', '1234567.89', -2],
    ['2 100 milliards', FRENCH, '2 100', '2100', 1],
    ['300 millions', FRENCH, '300', '300', 0],
  ] as const)('%s', ([text, convention, span, exact, precision]) => {
    expect(digits(text, convention)).toMatchObject({ text: span, exact, precision });
  });

  test('a lone separator before three digits follows the language, and is flagged', () => {
    expect(digits('1,234', FRENCH)).toMatchObject({ exact: '1.234', ambiguous: true });
    expect(digits('1,234', ENGLISH)).toMatchObject({ exact: '1234', ambiguous: true });
    expect(digits('1.234', ENGLISH)).toMatchObject({ exact: '1.234', ambiguous: true });
    expect(digits('94.000', FRENCH)).toMatchObject({ exact: '94000', ambiguous: true });
    // An article that writes decimals the other way decides it.
    expect(digits('1,500', SPANISH, '.')).toMatchObject({ exact: '1500' });
  });

  test('mixed separators are read by their order, whatever the language', () => {
    for (const convention of [FRENCH, ENGLISH]) {
      expect(digits('1.234,5', convention)!.exact).toBe('1234.5');
      expect(digits('1,234.5', convention)!.exact).toBe('1234.5');
    }
  });

  test('a year before a number is not one of its groups', () => {
    expect(digits('2024 500 000 wons')!.text).toBe('2024');
  });

  test('figures of more than 24 digits are not read (no arithmetic on adversarial numbers)', () => {
    expect(readDigits('9'.repeat(30), 0, FRENCH)).toBeNull();
    expect(readDigits('1 000 '.repeat(20).trim(), 0, FRENCH)).toBeNull();
  });
});

describe('readWords', () => {
  const words = (code: string, text: string) => {
    const g = grammarFor(languagePack(code)!);
    const key = matchKey(text);
    const r = readWords(key, 0, g.words!);
    return r && { text: text.slice(0, r.end), exact: toPlainString(r.value), article: r.article };
  };
  test.for([
    ['fra', 'quatre-vingt-dix-sept dollars', 'quatre-vingt-dix-sept', '97'],
    ['fra', 'deux cents euros', 'deux cents', '200'],
    ['fra', 'trois cent mille wons', 'trois cent mille', '300000'],
    ['fra', 'vingt et un dollars', 'vingt et un', '21'],
    ['eng', 'one hundred and five dollars', 'one hundred and five', '105'],
    ['eng', 'twenty-five cents', 'twenty-five', '25'],
    ['spa', 'doscientos mil dólares', 'doscientos mil', '200000'],
    ['spa', 'treinta y cinco euros', 'treinta y cinco', '35'],
    ['deu', 'zweihundertfünfundzwanzig Euro', 'zweihundertfünfundzwanzig', '225'],
    ['deu', 'achtundsiebzig Millionen Dollar', 'achtundsiebzig', '78'],
    ['deu', 'siebenhundert Euro', 'siebenhundert', '700'],
    ['ita', 'duemilacinquecento euro', 'duemilacinquecento', '2500'],
    ['ita', 'ventitré dollari', 'ventitré', '23'],
    ['ita', 'trentuno euro', 'trentuno', '31'],
    ['fra', 'soixante et onze euros', 'soixante et onze', '71'],
    ['fra', 'soixante-dix-huit euros', 'soixante-dix-huit', '78'],
    // Each word adds less than the one before: "entre huit et dix milliards" is two numbers.
    ['fra', 'huit et dix milliards', 'huit', '8'],
    ['spa', 'cinco y diez millones', 'cinco', '5'],
  ] as const)('%s: %s', ([code, text, span, exact]) => {
    expect(words(code, text)).toMatchObject({ text: span, exact });
  });

  test('an article stands for one, and says so', () => {
    expect(words('fra', 'un million')).toMatchObject({ exact: '1', article: true });
    expect(words('eng', 'a billion')).toMatchObject({ exact: '1', article: true });
    expect(words('deu', 'eine Milliarde')).toMatchObject({ exact: '1', article: true });
  });

  test('a word that only looks like a number part is not one', () => {
    expect(words('deu', 'Dreikönigstag')).toBeNull();
    expect(words('ita', 'centro')).toBeNull();
  });
});

describe('readMyriad (Korean)', () => {
  const myriad = grammarFor(languagePack('kor')!).myriad!;
  const read = (text: string) => {
    const r = readMyriad(text, 0, myriad);
    return r && { text: text.slice(0, r.end), exact: toPlainString(r.value), precision: r.precision, approx: r.approx ?? false };
  };
  test.for([
    ['12조 5천억 원', '12조 5천억', '12500000000000', 11],
    ['4천800조 원', '4천800조', '4800000000000000', 13],
    ['4조7천억달러', '4조7천억', '4700000000000', 11],
    ['1조 2,000억 원', '1조 2,000억', '1200000000000', 9],
    ['7천 5백만 달러', '7천 5백만', '75000000', 6],
    ['4억 2천만 마르카', '4억 2천만', '420000000', 7],
    ['1만 2천 345 달러', '1만 2천 345', '12345', 0],
    ['30만9천381엔', '30만9천381', '309381', 0],
    ['천 4백만 달러', '천 4백만', '14000000', 6],
    ['1.5조 원', '1.5조', '1500000000000', 11],
    ['삼천만 달러', '삼천만', '30000000', 7],
    ['5 억 달러', '5 억', '500000000', 8],
    ['1,438.7원', '1,438.7', '1438.7', -1],
  ] as const)('%s', ([text, span, exact, precision]) => {
    expect(read(text)).toMatchObject({ text: span, exact, precision });
  });

  test('"여" inside a number is an approximation', () => {
    expect(read('10여억 원')).toMatchObject({ exact: '1000000000', approx: true });
    expect(read('3억여 원')).toMatchObject({ exact: '300000000', approx: true });
  });

  test('numerals inside words are not numbers', () => {
    expect(read('사원')).toBeNull();
    expect(read('구원')).toBeNull();
    expect(readMyriad('연구원', 1, myriad)).toBeNull();
    expect(read('삼성전자')).toBeNull();
  });

  test('digits stop at a numeral that is not a unit ("10일" is a date)', () => {
    expect(read('10일엔')).toMatchObject({ text: '10', exact: '10' });
  });
});
