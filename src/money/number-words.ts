import { type Decimal, fromInteger } from './decimal.js';

const FRENCH: Record<string, number> = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20,
  trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
};
const ENGLISH: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
};
const CONNECTORS = new Set(['et', 'and']);

export interface NumberWordsMatch {
  value: Decimal;
  end: number;
  /** The single word "un"/"une"/"a": a number only before a scale word. */
  article: boolean;
}

const WORD = /[\p{L}]+/uy;

/**
 * Reads a written-out cardinal at `at` ("deux", "quatre-vingt-dix", "trois cent mille",
 * "twenty-five", "a") and returns its value and end. Scale words (million, milliard…) are not
 * read here: they are the grammar's business.
 */
export function readNumberWords(text: string, at: number): NumberWordsMatch | null {
  let total = 0;
  let current = 0;
  let pos = at;
  let end = -1;
  let words = 0;
  let previous = '';
  let article = false;
  while (pos < text.length) {
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (!m) break;
    const word = m[0].toLowerCase();
    const wordEnd = pos + m[0].length;
    if (words === 0 && (word === 'a' || word === 'an')) {
      // "a billion dollars": the English article stands for one, and only before a scale.
      return { value: fromInteger(1), end: wordEnd, article: true };
    }
    if (CONNECTORS.has(word) && words > 0) {
      const next = text.slice(wordEnd).match(/^[ -]([\p{L}]+)/u);
      if (!next || !(next[1]!.toLowerCase() in FRENCH || next[1]!.toLowerCase() in ENGLISH)) break;
      pos = wordEnd + 1;
      continue;
    }
    const v = FRENCH[word] ?? ENGLISH[word];
    if (v === undefined) break;
    // "quarante-cinq cents" are hundredths of a dollar; "deux cents dollars" is 200 dollars.
    if (word === 'cents' && !/^ (?:[\p{L}-]+ )?(?:mille|millions?|milliards?|dollars?|euros?|wons?|yens?|yuans?|livres?|francs?)\b/u.test(text.slice(wordEnd))) break;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (v === 20 && previous === 'quatre') current = current - 4 + 80;
    else if (v >= 10 && v < 20 && (previous === 'soixante' || previous === 'vingt' || previous === 'vingts') && current % 100 >= 60) current += v;
    else current += v;
    words++;
    previous = word;
    end = wordEnd;
    article = words === 1 && (word === 'un' || word === 'une');
    // Hyphens join parts of one number ("quatre-vingt-dix", "twenty-five").
    if (text[wordEnd] === '-' || text[wordEnd] === ' ') pos = wordEnd + 1;
    else break;
  }
  if (words === 0) return null;
  return { value: fromInteger(total + current), end, article };
}
