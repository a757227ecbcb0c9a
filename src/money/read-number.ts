import { add, type Decimal, decimalFromParts, fromInteger, multiply, normalise, pow10 } from './decimal.js';
import { isDigit, isHangul, isLetter } from './match-key.js';

/** A number as printed: its exact value and how precisely it was printed. */
export interface NumberRead {
  start: number;
  end: number;
  value: Decimal;
  /** Power of ten of the last significant printed digit ("6,9" → -1, "728 000" → 3). */
  precision: number;
  kind: 'digits' | 'words' | 'myriad';
  /** "un", "a", "ein": a number only before a scale word or a coin. */
  article: boolean;
  /** A lone separator before three digits read by convention ("1,234" in French is 1.234). */
  ambiguousSeparator: boolean;
  /** Myriad numbers: the largest unit used (억 → 8), and "여" inside ("10여억": over a billion). */
  largestUnit?: number;
  approx?: boolean;
}

export interface DigitConvention {
  decimal: '.' | ',';
  /** Separators that group thousands besides space ("." in Spanish, "'" in Swiss German). */
  group: ReadonlySet<string>;
}

/** Figures longer than this are not amounts of money (and would make arithmetic costly). */
const MAX_DIGITS = 24;

/**
 * Digits with grouping and decimal marks, read by the language's convention where the print is
 * ambiguous: "1.234,5" and "1,234.5" are 1234.5 everywhere; "8.200" is 8200 in Spanish and 8.2
 * in English; "1,234" is 1.234 in French and 1234 in English. `prefer` overrides the language's
 * decimal mark for the ambiguous case (an article that prints numbers the other way).
 */
export function readDigits(text: string, at: number, convention: DigitConvention, prefer?: '.' | ','): NumberRead | null {
  if (!isDigit(text.charCodeAt(at))) return null;
  const parts: string[] = [];
  const seps: string[] = [];
  let i = at;
  let digits = 0;
  for (;;) {
    let j = i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    parts.push(text.slice(i, j));
    digits += j - i;
    if (digits > MAX_DIGITS) return null;
    const sep = text[j];
    if ((sep === '.' || sep === ',' || sep === ' ' || sep === "'") && isDigit(text.charCodeAt(j + 1))) {
      seps.push(sep);
      i = j + 1;
      continue;
    }
    break;
  }
  const decimalMark = pickDecimalMark(parts, seps, convention, prefer);
  // Walk the parts: group separators need three digits after them (and at most three before the
  // first); the decimal mark ends the number after its digits. Anything else ends it before.
  let integer = parts[0]!;
  let fraction = '';
  let used = 0;
  let ambiguousSeparator = false;
  for (let k = 0; k < seps.length; k++) {
    const sep = seps[k]!;
    const next = parts[k + 1]!;
    if (sep === decimalMark.mark) {
      fraction = next;
      used = k + 1;
      ambiguousSeparator = decimalMark.ambiguous;
      break;
    }
    const groups = sep === ' ' || convention.group.has(sep) || sep === '.' || sep === ',';
    // Indian grouping: "12,34,567.89" (lakhs and crores) has groups of two before the last three.
    const indian = sep === ',' && next.length === 2 && indianGrouping(parts, seps);
    if (!groups || (next.length !== 3 && !indian) || (k === 0 && parts[0]!.length > 3)) break;
    // Colombian print marks the millions apart: "1'300.000".
    if (k > 0 && seps[k - 1] !== sep && seps[k - 1] !== "'") break;
    integer += next;
    used = k + 1;
    if (decimalMark.mark === null && decimalMark.ambiguous) ambiguousSeparator = true;
  }
  let end = at + parts[0]!.length;
  for (let k = 0; k < used; k++) end += 1 + parts[k + 1]!.length;
  return {
    start: at,
    end,
    value: decimalFromParts(integer, fraction),
    precision: fraction ? -fraction.length : integerPrecision(integer),
    kind: 'digits',
    article: false,
    ambiguousSeparator,
  };
}

function indianGrouping(parts: string[], seps: string[]): boolean {
  const decimal = seps[seps.length - 1] === '.' ? 1 : 0;
  const integer = parts.slice(0, parts.length - decimal);
  if (seps.slice(0, integer.length - 1).some((s) => s !== ',') || integer.length < 3) return false;
  return integer[0]!.length <= 2 && integer.slice(1, -1).every((p) => p.length === 2) && integer[integer.length - 1]!.length === 3;
}

function pickDecimalMark(parts: string[], seps: string[], convention: DigitConvention, prefer?: '.' | ','): { mark: string | null; ambiguous: boolean } {
  const marks = seps.filter((s) => s === '.' || s === ',');
  if (marks.length === 0) return { mark: null, ambiguous: false };
  const dots = marks.filter((m) => m === '.').length;
  const commas = marks.length - dots;
  if (dots > 0 && commas > 0) {
    // Both marks: the last one, if it occurs once, is the decimal mark.
    const last = marks[marks.length - 1]!;
    return { mark: marks.indexOf(last) === marks.length - 1 ? last : null, ambiguous: false };
  }
  const mark = marks[0]!;
  if (marks.length > 1) return { mark: null, ambiguous: false };
  const after = parts[seps.indexOf(mark) + 1]!;
  if (after.length !== 3) return { mark, ambiguous: false };
  // "1'300.000": after an apostrophe that groups, the mark groups too.
  if (seps[0] === "'" && seps.indexOf(mark) > 0) return { mark: null, ambiguous: false };
  // One mark before exactly three digits: grouping or decimal, by convention.
  const decimal = prefer ?? convention.decimal;
  return { mark: mark === decimal ? mark : null, ambiguous: true };
}

/**
 * Power of ten of the last significant digit of a whole number as news prints it: trailing zeros
 * up to the third significant digit count ("300" means 300, "2 100" means 2 100 to the ten),
 * zeros beyond it are rounding ("728 000": 728 thousand).
 */
export function integerPrecision(integer: string): number {
  const digits = integer.replace(/^0+(?=\d)/, '');
  if (digits === '0') return 0;
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  return Math.min(zeros, Math.max(0, digits.length - 3));
}

export interface WordNumbers {
  /** Match key of a word → value. */
  words: ReadonlyMap<string, number>;
  multipliers: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  joiners: ReadonlySet<string>;
  compound: boolean;
  /** Words that stand for the decimal mark in spelled-out figures ("one-point-nine"). */
  decimalWords: ReadonlySet<string>;
  /** Fractions before a scale word, with the article or "of a" between: "half a million". */
  fractions: ReadonlyMap<string, number>;
  fractionLinks: readonly string[];
  collectives: ReadonlyMap<string, number>;
  /** The pack's linkers ("de", "d'", "di"): what follows a collective numeral. */
  linkers: readonly string[];
}

const MAX_WORDS = 12;
/** Decimals spelled digit by digit: "two-point-five-six". */
const MAX_DECIMAL_WORDS = 4;

/**
 * A written-out cardinal at `at` of the match key ("deux", "quatre-vingt-dix", "trois cent
 * mille", "zweihundertfünfzig", "duecentomila", "doscientos mil", "twenty-five"). Units and tens
 * add; hundreds multiply what precedes them when it is smaller ("quatre-vingts", "deux cents");
 * thousands close a group.
 */
/**
 * "half a million", "a quarter of a billion", "three-quarters of a billion": a fraction and its
 * link, read as a number the scale word after it multiplies. Null if none stands at `at`.
 */
export function readFraction(key: string, at: number, numbers: WordNumbers): NumberRead | null {
  if (numbers.fractions.size === 0) return null;
  let pos = at;
  // "a quarter", "a half": the article before the fraction.
  for (const article of numbers.articles) {
    if (key.startsWith(article + ' ', pos) && numbers.fractions.size > 0) {
      const rest = pos + article.length + 1;
      if ([...numbers.fractions.keys()].some((f) => key.startsWith(f, rest))) pos = rest;
      break;
    }
  }
  let best: { end: number; value: number } | null = null;
  for (const [fraction, value] of numbers.fractions) {
    if (!key.startsWith(fraction, pos) || isLetter(key.charCodeAt(pos + fraction.length))) continue;
    if (!best || pos + fraction.length > best.end) best = { end: pos + fraction.length, value };
  }
  if (!best) return null;
  let end = best.end;
  // "demi-million": the hyphen belongs to the fraction.
  if (key[end] === '-' && isLetter(key.charCodeAt(end + 1))) end++;
  // "half a", "quarter of a": the link, which must lead to a word (the scale word is the caller's).
  for (const link of [...numbers.fractionLinks].sort((a, b) => b.length - a.length)) {
    if (key.startsWith(' ' + link + ' ', end)) {
      end += link.length + 1;
      break;
    }
  }
  const [integer, fraction = ''] = String(best.value).split('.');
  return { start: at, end, value: decimalFromParts(integer!, fraction), precision: -fraction.length, kind: 'words', article: false, ambiguousSeparator: false };
}

/**
 * "une dizaine de", "una sessantina di", "un millar de": an article, a collective numeral and a
 * linker, read as an approximate number ending after the linker (a scale word or a currency is
 * the caller's to find). Null if none stands at `at`.
 */
export function readCollective(key: string, at: number, numbers: WordNumbers): NumberRead | null {
  if (numbers.collectives.size === 0) return null;
  let pos = at;
  while (pos < key.length && isLetter(key.charCodeAt(pos))) pos++;
  if (!numbers.articles.has(key.slice(at, pos)) || key[pos] !== ' ') return null;
  const wordStart = ++pos;
  while (pos < key.length && isLetter(key.charCodeAt(pos))) pos++;
  const value = numbers.collectives.get(key.slice(wordStart, pos));
  if (value === undefined || key[pos] !== ' ') return null;
  pos++;
  const linker = numbers.linkers.find((l) => key.startsWith(l, pos) && (l.endsWith("'") || key[pos + l.length] === ' '));
  if (!linker) return null;
  pos += linker.length;
  if (key[pos] === ' ') pos++;
  return { start: at, end: pos, value: fromInteger(value), precision: integerPrecision(String(value)), kind: 'words', article: false, ambiguousSeparator: false, approx: true };
}

export function readWords(key: string, at: number, numbers: WordNumbers): NumberRead | null {
  let total = 0;
  let current = 0;
  let pos = at;
  let end = -1;
  let count = 0;
  let article = false;
  let last = Infinity;
  let fractionPart = 0;
  while (pos < key.length && count < MAX_WORDS) {
    let wordEnd = pos;
    while (wordEnd < key.length && isLetter(key.charCodeAt(wordEnd))) wordEnd++;
    if (wordEnd === pos) break;
    const word = key.slice(pos, wordEnd);
    if (count > 0 && numbers.joiners.has(word)) {
      // "vingt et un", "treinta y cinco", "one hundred and five": only between number words.
      const after = wordEnd + 1;
      // "two and a half billion": the fraction ends the number.
      const half = key[wordEnd] === ' ' ? fractionAt(key, after, numbers) : null;
      if (half) {
        fractionPart = half.value;
        end = half.end;
        break;
      }
      if (key[wordEnd] !== ' ' || !startsNumberWord(key, after, numbers, true)) break;
      pos = after;
      continue;
    }
    const parts = numbers.words.has(word) ? [word] : numbers.compound ? splitCompound(word, numbers.words) : null;
    if (!parts) break;
    // Each word adds less than the one before, or multiplies it: "soixante et onze", "quatre-vingt-dix";
    // "entre huit et dix milliards" is two numbers, not eighteen.
    const first = numbers.words.get(parts[0]!)!;
    if (count > 0 && !numbers.multipliers.has(parts[0]!) && first >= last) break;
    for (const part of parts) {
      if (numbers.joiners.has(part)) continue;
      const v = numbers.words.get(part)!;
      if (numbers.multipliers.has(part)) {
        if (v >= 1000) {
          total += (current || 1) * v;
          current = 0;
        } else if (current > 0 && current < v) current *= v;
        else current += v;
      } else current += v;
      last = v;
    }
    count++;
    article = count === 1 && parts.length === 1 && numbers.articles.has(word);
    end = wordEnd;
    const sep = key[wordEnd];
    if ((sep === ' ' || sep === '-') && startsNumberWord(key, wordEnd + 1, numbers)) pos = wordEnd + 1;
    else break;
  }
  if (end === -1) return null;
  // "one-thousand-921": broadcast copy spells the thousands and prints the rest in digits.
  if (count > 0 && !article && key[end] === '-' && current === 0 && total >= 1000) {
    let e = end + 1;
    while (isDigit(key.charCodeAt(e))) e++;
    if (e - end - 1 >= 1 && e - end - 1 <= 3 && !isWordUnitAfter(key, e)) {
      total += Number(key.slice(end + 1, e));
      end = e;
    }
  }
  const value = total + current;
  if (fractionPart > 0) {
    const digits = String(fractionPart).split('.')[1] ?? '';
    return { start: at, end, value: decimalFromParts(String(value), digits), precision: -digits.length, kind: 'words', article: false, ambiguousSeparator: false };
  }
  const read: NumberRead = { start: at, end, value: fromInteger(value), precision: integerPrecision(String(value)), kind: 'words', article, ambiguousSeparator: false };
  return article ? read : (withSpelledDecimals(key, read, numbers) ?? read);
}

/** "a half", "half" at `at`, followed by a word boundary: a fraction under one and where it ends. */
function fractionAt(key: string, at: number, numbers: WordNumbers): { value: number; end: number } | null {
  let pos = at;
  for (const article of numbers.articles) {
    if (key.startsWith(article + ' ', pos)) {
      pos += article.length + 1;
      break;
    }
  }
  for (const [fraction, value] of numbers.fractions) {
    if (value < 1 && key.startsWith(fraction, pos) && !isLetter(key.charCodeAt(pos + fraction.length))) return { value, end: pos + fraction.length };
  }
  return null;
}

function isWordUnitAfter(key: string, at: number): boolean {
  const c = key.charCodeAt(at);
  return isLetter(c) || isDigit(c);
}

/**
 * "one-point-nine", "13-point-eight", "2 point 5": a whole number, a decimal word and the
 * decimals, spelled digit by digit or printed. Null when `whole` is not followed by a decimal.
 */
export function withSpelledDecimals(key: string, whole: NumberRead, numbers: WordNumbers): NumberRead | null {
  if (numbers.decimalWords.size === 0) return null;
  let pos = whole.end;
  const sep = key[pos];
  if (sep !== ' ' && sep !== '-') return null;
  let wordEnd = pos + 1;
  while (wordEnd < key.length && isLetter(key.charCodeAt(wordEnd))) wordEnd++;
  if (!numbers.decimalWords.has(key.slice(pos + 1, wordEnd)) || key[wordEnd] !== sep) return null;
  pos = wordEnd + 1;
  let fraction = '';
  let end = -1;
  if (isDigit(key.charCodeAt(pos))) {
    let e = pos;
    while (isDigit(key.charCodeAt(e))) e++;
    if (isWordUnitAfter(key, e) || key[e] === '.' || key[e] === ',' && isDigit(key.charCodeAt(e + 1))) return null;
    fraction = key.slice(pos, e);
    end = e;
  } else {
    while (fraction.length < MAX_DECIMAL_WORDS) {
      let e = pos;
      while (e < key.length && isLetter(key.charCodeAt(e))) e++;
      const digit = numbers.words.get(key.slice(pos, e));
      if (digit === undefined || digit > 9 || numbers.articles.has(key.slice(pos, e))) break;
      fraction += String(digit);
      end = e;
      if (key[e] !== sep) break;
      pos = e + 1;
    }
  }
  if (end === -1 || fraction.length === 0) return null;
  const integer = whole.value.exponent >= 0 ? whole.value.mantissa.toString() + '0'.repeat(whole.value.exponent) : null;
  if (integer === null) return null;
  return { ...whole, end, value: normalise(decimalFromParts(integer, fraction)), precision: -fraction.length };
}

function startsNumberWord(key: string, at: number, numbers: WordNumbers, afterJoiner = false): boolean {
  let e = at;
  while (e < key.length && isLetter(key.charCodeAt(e))) e++;
  if (e === at) return false;
  const word = key.slice(at, e);
  // "deux un" is not a number, "vingt et un" is.
  if (numbers.articles.has(word) && !numbers.compound && !afterJoiner) return false;
  return numbers.words.has(word) || numbers.joiners.has(word) || (numbers.compound && splitCompound(word, numbers.words) !== null);
}

/** "zweihundertfünfundzwanzig" → zwei hundert fünf und zwanzig; null if not made of number parts. */
function splitCompound(word: string, words: ReadonlyMap<string, number>): string[] | null {
  if (word.length > 60) return null;
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === word.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let found: string[] | null = null;
    for (let j = word.length; j > i && !found; j--) {
      const piece = word.slice(i, j);
      if (!words.has(piece) && piece !== 'und' && piece !== 'e') continue;
      const rest = from(j);
      if (rest) found = [piece, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  const parts = from(0);
  return parts && parts.length > 1 ? parts : null;
}

export interface MyriadNumbers {
  digits: ReadonlyMap<string, number>;
  small: ReadonlyMap<string, number>;
  /** Unit → power of ten. */
  large: ReadonlyMap<string, number>;
  approx: ReadonlySet<string>;
  convention: DigitConvention;
}

interface MyriadState {
  total: Decimal;
  section: Decimal;
  /** Finest place of any printed digit so far. */
  precision: number;
  sectionPrecision: number;
  largest: number;
  units: number;
  approx: boolean;
}

/**
 * A number in the East Asian myriad system, in digits, numerals or both: "12조 5천억", "4천800조",
 * "1조 2,000억", "3억4500만", "천161", "삼천만", "10여억", "1.5조". Groups of four digits close with
 * 만 (10^4), 억 (10^8), 조 (10^12); within a group 십, 백, 천 multiply the digit before them. A
 * space may separate groups ("7천 5백만") when what follows is a smaller group.
 */
export function readMyriad(text: string, at: number, myriad: MyriadNumbers): NumberRead | null {
  const first = text.charCodeAt(at);
  // A number begins with a digit, or with a numeral that does not continue a word ("연구원"
  // holds 구, 9, but is a word).
  if (!isDigit(first)) {
    if (!isHangul(first) || (at > 0 && isHangul(text.charCodeAt(at - 1)))) return null;
    const ch = text[at]!;
    if (!myriad.digits.has(ch) && !myriad.small.has(ch) && !myriad.large.has(ch)) return null;
  }
  const state: MyriadState = { total: fromInteger(0), section: fromInteger(0), precision: Infinity, sectionPrecision: Infinity, largest: -1, units: 0, approx: false };
  let end = readMyriadRun(text, at, myriad, state, Infinity);
  if (end === -1) return null;
  // Groups separated by a space: "7천 5백만 달러", "1조 2,000억 원", "9만 4천 달러".
  while (state.units > 0 && text[end] === ' ') {
    const trial: MyriadState = { ...state };
    const next = readMyriadRun(text, end + 1, myriad, trial, state.largest === -1 ? Infinity : state.largest);
    if (next === -1) break;
    Object.assign(state, trial);
    end = next;
  }
  closeSection(state, 0);
  const hangulOnly = !/\d/.test(text.slice(at, end));
  // A lone numeral ("사원", "일원") is a word, not a number; "천", "만", "백만" are numbers.
  if (hangulOnly && state.units === 0) return null;
  return {
    start: at,
    end,
    value: normalise(state.total),
    precision: Number.isFinite(state.precision) ? state.precision : 0,
    kind: 'myriad',
    article: false,
    ambiguousSeparator: false,
    largestUnit: state.largest === -1 ? undefined : state.largest,
    approx: state.approx,
  };
}

/** Reads digits, numerals and units from `at`; returns the end or -1. Units must stay below `below`. */
function readMyriadRun(text: string, at: number, myriad: MyriadNumbers, state: MyriadState, below: number): number {
  let pos = at;
  let pending: { value: Decimal; precision: number } | null = null;
  let consumed = false;
  let digitLed = false;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    const ch = text[pos]!;
    if (isDigit(code)) {
      if (pending) break;
      const d = readDigits(text, pos, myriad.convention);
      if (!d) return -1;
      pending = { value: d.value, precision: d.precision };
      pos = d.end;
      consumed = true;
      digitLed = true;
      // "5 억 달러": a space may stand between the digits and their unit.
      const unit = text[pos + 1] ?? '';
      if (text[pos] === ' ' && (myriad.small.has(unit) || myriad.large.has(unit))) pos++;
      continue;
    }
    if (myriad.digits.has(ch) && !pending && !digitLed) {
      pending = { value: fromInteger(myriad.digits.get(ch)!), precision: 0 };
      pos++;
      consumed = true;
      continue;
    }
    if (myriad.small.has(ch)) {
      const unit = myriad.small.get(ch)!;
      const digit = pending ?? { value: fromInteger(1), precision: 0 };
      state.section = add(state.section, multiply(digit.value, fromInteger(unit)));
      state.sectionPrecision = Math.min(state.sectionPrecision, digit.precision + Math.round(Math.log10(unit)));
      pending = null;
      pos++;
      consumed = true;
      state.units++;
      digitLed = false;
      continue;
    }
    if (myriad.large.has(ch)) {
      const power = myriad.large.get(ch)!;
      if (power >= below) break;
      if (pending) {
        state.section = add(state.section, pending.value);
        state.sectionPrecision = Math.min(state.sectionPrecision, pending.precision);
        pending = null;
      }
      if (state.section.mantissa === 0n) {
        state.section = fromInteger(1);
        state.sectionPrecision = 0;
      }
      closeSection(state, power);
      below = power;
      pos++;
      consumed = true;
      state.units++;
      digitLed = false;
      // "10여억", "3억여 원": an approximation marker inside or after the number.
      if (myriad.approx.has(text[pos] ?? '') && !isHangul(text.charCodeAt(pos + 1))) {
        state.approx = true;
        pos++;
      }
      continue;
    }
    if (myriad.approx.has(ch) && (pending || consumed) && myriad.large.has(text[pos + 1] ?? '')) {
      // "10여억": the marker sits between the digits and the unit.
      state.approx = true;
      pos++;
      continue;
    }
    break;
  }
  if (!consumed) return -1;
  if (pending) {
    state.section = add(state.section, pending.value);
    state.sectionPrecision = Math.min(state.sectionPrecision, pending.precision);
  }
  return pos;
}

function closeSection(state: MyriadState, power: number): void {
  if (state.section.mantissa === 0n && !Number.isFinite(state.sectionPrecision)) return;
  state.total = add(state.total, multiply(state.section, pow10(power)));
  // Trailing zeros count up to the third significant digit of the group ("4천800" is 4 800 to
  // the ten), as they do in Western print.
  const printed = Number.isFinite(state.sectionPrecision) ? state.sectionPrecision : 0;
  const whole = state.section.exponent >= 0 ? state.section.mantissa.toString() + '0'.repeat(state.section.exponent) : null;
  const sectionPlace = whole === null ? printed : Math.max(printed, integerPrecision(whole));
  state.precision = Math.min(state.precision, sectionPlace + power);
  if (power > 0 && power > state.largest) state.largest = power;
  state.section = fromInteger(0);
  state.sectionPrecision = Infinity;
}
