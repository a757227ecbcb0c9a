import type { Span } from '../document.js';
import { matchForm, PREFIX, SUFFIX, type CurrencyForm } from './currency-forms.js';
import { add, type Decimal, decimalFromParts, multiply, normalise, pow10, toNumber, toPlainString } from './decimal.js';
import { readNumberWords } from './number-words.js';
import { readScale, type ScaleMatch } from './scales.js';

/** A monetary amount found in text, before pairing and rendering. */
export interface AmountSpan extends Span {
  text: string;
  /** ISO 4217 code. */
  currency: string;
  /** Exact value in currency units, as a decimal. */
  decimal: Decimal;
  /** Power of ten of the scale word applied ("milliards" → 9), or null. */
  scale: number | null;
  /** Power of ten of the last significant printed digit ("6,9 milliards" → 8). */
  precision: number;
  approx: boolean;
  /** The currency was not written out (a bare "$"): resolved from the article or the default. */
  ambiguous: boolean;
  /** Unit of a per-unit price ("par mois" → "mois"), or null. */
  per: string | null;
  /** For "entre 3 000 et 4 000 milliards de wons": which end this is, and the other end's index. */
  range: { role: 'low' | 'high'; other: number } | null;
  /** Language whose number conventions were applied ("billion", decimal comma). */
  convention: 'fr' | 'en';
}

export interface AmountContext {
  /** The article reads as Canadian (G$, $ CA, Québec…): a bare dollar is a Canadian dollar. */
  canadian: boolean;
  /** The article is about China rather than Japan: a bare ¥ is a yuan. */
  chinese: boolean;
}

export interface FindAmountsOptions {
  /** Spans written in English (quotations); elsewhere `language` applies. */
  englishSpans?: readonly Span[];
  /** ISO 639-3 code of the article. */
  language?: string;
  /** Currency of a dollar the article does not qualify. @default 'USD' */
  defaultDollar?: string;
  context?: AmountContext;
}

const DIGITS = /\d{1,3}(?:(?: \d{3})+|(?:[.,]\d{3})+)?(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/y;
const WORD_START = /[\p{L}]/u;
const QUALIFIER_BEFORE =
  /(?:^|[^\p{L}])(environ|près d['e]|pres d['e]|plus d['e]|moins d['e]|quelque|quelques|autour d['e]|approximativement|presque|pas moins d['e]|soit|about|around|nearly|almost|roughly|some|more than|less than|approximately|over|under)\s*$/iu;
const RANGE_BEFORE =
  /(?:(?:^|[^\p{L}])(?:entre|between|de|from|d')\s*)?(?<![\p{L}\d])(\d{1,3}(?:(?: \d{3})+|(?:[.,]\d{3})+)?(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(\s*(?:milliards?|millions?|billions?|mille|billion|million|trillion|bn|mn))?\s*(?:et|and|à|to|-|–|—)\s*$/diu;
const RATE_AFTER = /^\s*(?:pour|par|contre|for|per|to the|against)\s+(?:un|une|1|one|a|le|the)\s+(?:dollars?|euros?|yuans?|yens?|wons?|livres?|francs?|\$|€|£|¥)/iu;
const RATE_AFTER_SHORT = /^\s+(?:le|the)\s+(?:dollar|euro|yuan|yen|won)\b/iu;
const PER_AFTER = [
  /^\s*(?:par|per|\/)\s*((?:million de |mille )?(?!(?:le|la|les|l'|un|une|des|du|the|a|an)\b)[\p{L}]+(?:-[\p{L}]+)?)/iu,
  /^\s+(?:de\s+)?(?:l'|la |le )(heure|tonne|baril|litre|unité|action|kilo|kilogramme|once|pièce|nuit|mètre carré|mégawattheure|kilowattheure|mois|année|jour|semaine)\b/iu,
  /^\s+(?:a|an)\s+(month|year|day|week|hour|share|barrel|tonne|ton|head|person|night|unit)\b/iu,
];

/**
 * Finds monetary amounts in news text (French and English conventions). Pure: string in, spans
 * out. `text` should be the matching form of the text (no-break spaces folded to spaces).
 */
export function findAmounts(text: string, options: FindAmountsOptions = {}): AmountSpan[] {
  const englishArticle = options.language === 'eng';
  const isEnglishAt = (offset: number) =>
    englishArticle || (options.englishSpans ?? []).some((s) => offset >= s.start && offset < s.end);
  const found: AmountSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (i > 0 && isWordChar(text[i - 1]!) && isWordChar(ch)) {
      i++;
      continue;
    }
    if (!mayStartAmount(text, i)) {
      i++;
      continue;
    }
    const parsed = parseAmountAt(text, i, isEnglishAt(i), options);
    if (!parsed) {
      i++;
      continue;
    }
    if (parsed.kind === 'skip') {
      i = Math.max(i + 1, parsed.end);
      continue;
    }
    const amount = parsed.amount;
    const rangeLow = findRangeLow(text, amount, isEnglishAt(amount.start));
    if (rangeLow) {
      amount.range = { role: 'high', other: found.length };
      rangeLow.range = { role: 'low', other: found.length + 1 };
      rangeLow.approx = qualifierBefore(text, rangeLow.start);
      found.push(rangeLow);
    }
    amount.approx = qualifierBefore(text, rangeLow ? rangeLow.start : amount.start) || amount.approx;
    found.push(amount);
    i = amount.end;
  }
  return found;
}

const SYMBOLS = new Set(['$', '€', '£', '¥', '₩', '₹']);
const WORD_AT = /[\p{L}.]+/uy;
// Words that can open an amount: written numbers, and letters of prefix currencies (US$, C$, EUR…).
const OPENING_WORDS = new Set([
  ...'un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent mille'.split(' '),
  ...'a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand'.split(' '),
  ...'us u.s u.s. usd c ca cad a au aud nz nzd hk nt s mx mxn mex r cn eur gbp krw jpy cny chf rmb'.split(' '),
]);

/** Cheap test before the grammar runs: a digit, a currency sign, or a word that can open an amount. */
function mayStartAmount(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch >= '0' && ch <= '9') return true;
  if (SYMBOLS.has(ch)) return true;
  if (!/[\p{L}]/u.test(ch)) return false;
  WORD_AT.lastIndex = i;
  const word = WORD_AT.exec(text)?.[0].toLowerCase() ?? '';
  return OPENING_WORDS.has(word) || OPENING_WORDS.has(word.replace(/\.$/, '')) || OPENING_WORDS.has(word.split(/[-.]/)[0]!);
}

type Parsed = { kind: 'amount'; amount: AmountSpan } | { kind: 'skip'; end: number };

function parseAmountAt(text: string, start: number, english: boolean, options: FindAmountsOptions): Parsed | null {
  let pos = start;
  const prefix = matchForm(PREFIX, text, pos);
  if (prefix) {
    if (prefix.form.word && start > 0 && isWordChar(text[start - 1]!)) return null;
    pos = prefix.end;
    if (text[pos] === ' ') pos++;
  }
  const number = readNumber(text, pos, english);
  if (!number) return null;
  if (!prefix && number.digits && start > 0 && /[\p{L}]-?$/u.test(text.slice(Math.max(0, start - 2), start))) {
    // "Galaxy S25", "F-150", "A400M": model numbers, not amounts.
    return { kind: 'skip', end: number.end };
  }
  pos = number.end;

  // Scale: "728 000 milliards", "5bn", "2,5 G$", "350 M$".
  let scale: ScaleMatch | null = null;
  const gap = text[pos] === ' ' ? 1 : 0;
  // "$3 billion" is an English construction even inside French text: French writes
  // "3 milliards de dollars". A symbol before the number means English scales.
  const candidate = readScale(text, pos + gap, english || prefix !== null);
  if (candidate) {
    const after = candidate.end;
    const symbolNext = /^ ?[$€£¥₩]/u.test(text.slice(after, after + 2));
    const wordCurrencyNext = /^ (?:de |d'|of )?[\p{L}$€£]/u.test(text.slice(after, after + 6));
    const abbreviation = candidate.letter || /^(?:Mds?|Mrds?|bn|Bn|bln|mn|mln|tn|trn)$/.test(candidate.text);
    if (!abbreviation) scale = candidate;
    else if (candidate.letter ? symbolNext || (prefix && gap === 0) : symbolNext || wordCurrencyNext || prefix) scale = candidate;
  }
  if (scale) pos = scale.end;

  // Currency after the number, unless it came before.
  let currencyForm: CurrencyForm | null = prefix?.form ?? null;
  let suffixText = '';
  let end = pos;
  if (!prefix) {
    let at = pos;
    if (text[at] === ' ') at++;
    // "de"/"d'" joins a scale to its currency: "728 000 milliards de wons".
    const de = /^(?:de |d'|of )/iu.exec(text.slice(at, at + 3));
    let suffix = matchForm(SUFFIX, text, at);
    // French puts "de" after a scale word, and after round millions written in digits
    // ("1 000 000 de wons").
    const roundMillions = /000000$/.test(toPlainString(number.value));
    if (!suffix && de && (scale || roundMillions)) suffix = matchForm(SUFFIX, text, at + de[0].length);
    if (!suffix) return number.digits ? { kind: 'skip', end: number.end } : null;
    if (suffix.form.needsScale && !scale) return { kind: 'skip', end: number.end };
    // "un million", "un penny": the article is a number only before a scale or a coin.
    if (number.article && suffix.form.subunit === undefined && !scale) return null;
    currencyForm = suffix.form;
    suffixText = suffix.text;
    end = suffix.end;
    // Quebec style "2,5 G$ US" / "5 G$ CA": a qualifier after the symbol.
    if (suffix.form.code === '$') {
      const q = /^ ?(US|CA|CAN)(?![\p{L}])/u.exec(text.slice(end, end + 5));
      if (q) {
        currencyForm = { source: '', code: q[1] === 'US' ? 'USD' : 'CAD' };
        end += q[0].length;
      }
    }
  } else {
    if (number.article && !scale) return null;
    end = scale ? scale.end : number.end;
  }
  if (!currencyForm) return null;

  // An exchange rate, not an amount: "1 427 wons pour un dollar".
  const rest = text.slice(end, end + 40);
  const rate = RATE_AFTER.exec(rest) ?? RATE_AFTER_SHORT.exec(rest);
  if (rate) return { kind: 'skip', end: end + rate[0].length };

  let value = number.value;
  if (scale) value = multiply(value, pow10(scale.power));
  const currency = resolveCurrency(currencyForm, prefix?.text ?? suffixText, options);
  if (currencyForm.subunit) value = multiply(value, { mantissa: 1n, exponent: -2 });

  // "15 dollars et 15 cents", "13 dollars 50", "treize euros et quarante-cinq cents":
  // hundredths after a whole amount, unless the number starts another amount ("50 dollar 40 rmb").
  if (!scale && !currencyForm.subunit && currencyForm.word) {
    const cents = readCents(text, end);
    if (cents) {
      value = add(value, { mantissa: BigInt(cents.value), exponent: -2 });
      end = cents.end;
    }
  }

  const per = readPer(text.slice(end, end + 40));
  const ambiguous = currency.ambiguous;
  const precision = number.precision + (scale?.power ?? 0) - (currencyForm.subunit ? 2 : 0);
  return {
    kind: 'amount',
    amount: {
      start,
      end,
      text: text.slice(start, end),
      currency: currency.code,
      decimal: normalise(value),
      scale: scale?.power ?? null,
      precision,
      approx: false,
      ambiguous,
      per,
      range: null,
      convention: english ? 'en' : 'fr',
    },
  };
}

interface NumberMatch {
  value: Decimal;
  end: number;
  /** Power of ten of the last significant printed digit, before any scale. */
  precision: number;
  digits: boolean;
  /** "un"/"une"/"a" standing for one: only a number before a scale word. */
  article: boolean;
}

function readNumber(text: string, at: number, english: boolean): NumberMatch | null {
  DIGITS.lastIndex = at;
  const m = DIGITS.exec(text);
  if (m) {
    const after = text[at + m[0].length] ?? '';
    // "5e", "25ème", "3D": an ordinal or a code, unless a scale or currency is glued on.
    if (/[\p{L}]/u.test(after) && !/^(?:k|K|M|m|bn|mn|tn|Md|Mrd|G|B|USD|EUR|usd|eur|KRW|GBP|CHF|CAD|JPY|CNY)(?![\p{Ll}])/u.test(text.slice(at + m[0].length, at + m[0].length + 4))) {
      return null;
    }
    const { integer, fraction } = splitDigits(m[0], english);
    return {
      value: decimalFromParts(integer, fraction),
      end: at + m[0].length,
      precision: fraction ? -fraction.length : integerPrecision(integer),
      digits: true,
      article: false,
    };
  }
  if (!WORD_START.test(text[at] ?? '')) return null;
  const words = readNumberWords(text, at);
  if (!words) return null;
  return { value: words.value, end: words.end, precision: integerPrecision(toPlainString(words.value)), digits: false, article: words.article };
}

/**
 * Power of ten of the last significant digit of a whole number as news prints it: trailing
 * zeros up to the third significant digit count ("300 milliards" means 300, "2 100" means 2 100
 * to the hundred: 2,10 × 10^3), zeros beyond it are rounding ("728 000 milliards": 728 × 10^3).
 */
function integerPrecision(integer: string): number {
  const digits = integer.replace(/^0+(?=\d)/, '');
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  if (digits === '0') return 0;
  return Math.min(zeros, Math.max(0, digits.length - 3));
}

/**
 * Which of "." and "," group thousands and which marks decimals. French (and most of Europe)
 * writes 1 234,5 or 1.234,5; English 1,234.5. A lone separator followed by exactly three digits
 * groups thousands in the convention that does not use it as decimal mark.
 */
export function splitDigits(raw: string, english: boolean): { integer: string; fraction: string } {
  const s = raw.replace(/ /g, '');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimalMark: '.' | ',' | null = null;
  if (dots && commas) decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (commas === 1) decimalMark = english && /,\d{3}$/.test(s) ? null : ',';
  else if (dots === 1) decimalMark = !english && /\.\d{3}$/.test(s) ? null : '.';
  if (!decimalMark) return { integer: s.replace(/[.,]/g, ''), fraction: '' };
  const at = s.lastIndexOf(decimalMark);
  return { integer: s.slice(0, at).replace(/[.,]/g, ''), fraction: s.slice(at + 1) };
}

function resolveCurrency(form: CurrencyForm, surface: string, options: FindAmountsOptions): { code: string; ambiguous: boolean } {
  const context = options.context ?? { canadian: false, chinese: false };
  switch (form.code) {
    case '$':
      if (context.canadian) return { code: 'CAD', ambiguous: false };
      return { code: options.defaultDollar ?? 'USD', ambiguous: true };
    case '¥':
      return { code: context.chinese ? 'CNY' : 'JPY', ambiguous: false };
    case 'FRANC':
      // A franc with no country in today's news is most often Swiss.
      return { code: 'CHF', ambiguous: true };
    case 'ISO': {
      const code = /[A-Z]{3}/i.exec(surface)?.[0]?.toUpperCase() ?? 'USD';
      return { code: code === 'RMB' ? 'CNY' : code, ambiguous: false };
    }
    default:
      return { code: form.code, ambiguous: false };
  }
}

function readCents(text: string, at: number): { value: number; end: number } | null {
  const lead = /^(?: et| and)? /iu.exec(text.slice(at, at + 5));
  if (!lead) return null;
  const start = at + lead[0].length;
  let value: number;
  let end: number;
  const digits = /^\d{1,2}(?![\d.,]\d)/u.exec(text.slice(start, start + 3));
  if (digits) {
    value = Number(digits[0]);
    end = start + digits[0].length;
  } else {
    const words = readNumberWords(text, start);
    if (!words || words.article) return null;
    value = toNumber(words.value);
    end = words.end;
  }
  if (value < 1 || value > 99) return null;
  const coin = /^ (?:cents?|centimes?)(?![\p{L}])/iu.exec(text.slice(end, end + 10));
  if (coin) return { value, end: end + coin[0].length };
  // Without "cents", the number must end the phrase: "15 dollars 50." but not "50 dollar 40 rmb".
  if (/^ ?[\p{L}$€£¥₩%\d]/u.test(text.slice(end, end + 2))) return null;
  return { value, end };
}

function readPer(rest: string): string | null {
  for (const re of PER_AFTER) {
    const m = re.exec(rest);
    if (m) return m[1]!;
  }
  return null;
}

function qualifierBefore(text: string, start: number): boolean {
  return QUALIFIER_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** "entre 3 000 et 4 000 milliards de wons": the low end takes the high end's scale and currency. */
function findRangeLow(text: string, high: AmountSpan, english: boolean): AmountSpan | null {
  const windowStart = Math.max(0, high.start - 60);
  const before = text.slice(windowStart, high.start);
  const m = RANGE_BEFORE.exec(before);
  if (!m) return null;
  const numberText = m[1]!;
  const numberStart = windowStart + m.indices![1]![0];
  const number = readNumber(text, numberStart, english);
  if (!number || number.end !== numberStart + numberText.length) return null;
  const ownScale = m[2] ? readScale(text, number.end + (text[number.end] === ' ' ? 1 : 0), english) : null;
  const power = ownScale?.power ?? high.scale ?? 0;
  const value = normalise(multiply(number.value, pow10(power)));
  if (toNumber(value) > toNumber(high.decimal) || toNumber(value) <= 0) return null;
  // A year is not the low end of a range: "de 2024 à 3 milliards".
  if (!ownScale && !high.scale && /^(19|20)\d\d$/.test(numberText)) return null;
  const end = ownScale ? ownScale.end : number.end;
  return {
    start: numberStart,
    end,
    text: text.slice(numberStart, end),
    currency: high.currency,
    decimal: value,
    scale: ownScale?.power ?? high.scale,
    precision: number.precision + power,
    approx: false,
    ambiguous: high.ambiguous,
    per: high.per,
    range: null,
    convention: high.convention,
  };
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\d]/u.test(ch);
}

export function amountValue(amount: AmountSpan): { value: number; exact: string } {
  return { value: toNumber(amount.decimal), exact: toPlainString(amount.decimal) };
}
