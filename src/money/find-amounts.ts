import type { CurrencyEntry, Grammar, QualifierKind, ScaleEntry } from './compile-grammar.js';
import { add, type Decimal, decimalFromParts, multiply, normalise, pow10, toNumber } from './decimal.js';
import { isDigit, isHangul, isLetter, isWordUnit, matchKey } from './match-key.js';
import { connectorAfterWords, gapStrength, plausiblePair } from './link-pairs.js';
import { type NumberRead, readCollective, readDigits, readFraction, readMyriad, readWords, withSpelledDecimals } from './read-number.js';
import { moneyCounted, moneyCueBefore } from './money-cues.js';
import { SHARED_CURRENCIES } from '../lang/shared/index.js';

/** The three forms of one text: as printed, with look-alikes folded, and its match key. */
export interface TextForms {
  text: string;
  /** Spaces, apostrophes and hyphens folded to ASCII, one unit for one. */
  fold: string;
  /** `fold` in lower case without Latin diacritics, one unit for one. */
  key: string;
}

/** A stretch of text read with one language's grammar (a paragraph, or the whole article). */
export interface Segment {
  start: number;
  end: number;
  grammar: Grammar;
  /** Decimal mark the article itself uses where print is ambiguous, if it differs from the language's. */
  prefer?: '.' | ',';
}

/** A monetary amount found in text, before currencies are settled, pairs linked and English rendered. */
export interface AmountSpan {
  start: number;
  end: number;
  /** ISO 4217 code, or a name the article's context settles ("$", "¥", "PESO", "RUPEE": the shared `contexts`). */
  currency: string;
  decimal: Decimal;
  /** Power of ten of the scale applied ("milliards" → 9; "억" → 8), or null. */
  scale: number | null;
  /** The scale word as printed, when it has another reading a pair may settle on. */
  scaleWord: ScaleEntry | null;
  /** Power of ten of the last significant printed digit ("6,9 milliards" → 8). */
  precision: number;
  approx: boolean;
  bound: 'over' | 'under' | null;
  ambiguous: boolean;
  /** Unit of a per-unit price as printed ("mois", "Monat", "인"), and its English. */
  /** A per-unit phrase: its unit as printed, in English, and where it ends when it follows the amount. */
  per: { unit: string; english: string; end?: number } | null;
  range: { role: 'low' | 'high'; other: number } | null;
  /** Language pack that read the amount. */
  language: string;
  /** The currency (and scale) came from a neighbour: "1 000, 5 000 et 10 000 wons". */
  elliptical: boolean;
  /** Set when the scale was settled by a pair's rate rather than by the word. */
  scaleFrom?: 'pair' | 'article';
  /** The currency came from the article's amounts, not the figure's neighbours. */
  currencyFrom?: 'article' | 'language';
  /** The open currency the text printed ("$", "¥") before the article's context settled it. */
  printed?: string;
  /** Printed in hundredths ("76 cents US"): the members of its range or list are too. */
  inSubunit?: true;
  /** In hundredths several currencies share ("centesimi"): of the currency a sentence prices in, as a commodity's. */
  sharedSubunit?: true;
}

/** A number printed without a currency: kept for ranges, lists and exchange-rate quotes. */
export interface BareNumber {
  start: number;
  end: number;
  decimal: Decimal;
  scale: number | null;
  scaleWord: ScaleEntry | null;
  precision: number;
  language: string;
  grammar: Grammar;
  /** Written in words only ("cinq"): a range's low end, never a rate figure ("one-thousand-439-point-zero" may be). */
  written: boolean;
}

export interface FoundAmounts {
  amounts: AmountSpan[];
  bare: BareNumber[];
  /** Numbers read with the article's own decimal mark rather than the language's. */
  flippedSeparators: number;
}

/** Numbers kept for a range or a list: the ones since the last amount, at most this many. */
const MAX_PENDING = 8;

/**
 * Finds monetary amounts in each segment with that segment's grammar. Pure and linear: every
 * position is tried once, a parse reads a bounded stretch, and an amount found is skipped whole.
 */
export function findAmounts(forms: TextForms, segments: readonly Segment[]): FoundAmounts {
  const amounts: AmountSpan[] = [];
  const bare: BareNumber[] = [];
  let flippedSeparators = 0;
  // Where a figure may look back for the amount whose currency it shares: paragraphs of one
  // language read on ("… 224,4 milioni di franchi.\nRispetto ai calcoli … mancano i 137 milioni").
  let runStart = 0;
  let previousSegment: Segment | null = null;
  for (const segment of segments) {
    const g = segment.grammar;
    if (previousSegment === null || previousSegment.grammar !== g) runStart = segment.start;
    previousSegment = segment;
    let pending: BareNumber[] = [];
    // An amount, with the numbers before it that share its currency (a range's low end, a list).
    const place = (placed: AmountSpan, segment: Segment): void => {
      const amount = joinScaledParts(forms, g, pending, placed);
      const previous = amounts[amounts.length - 1];
      const lows = takeEllipticals(forms, g, pending, amount, previous && previous.start >= segment.start ? previous : undefined);
      pending = [];
      let firstIndex = amounts.length;
      for (const low of lows.members) amounts.push(low);
      if (lows.range) {
        const low = amounts[amounts.length - 1]!;
        low.range = { role: 'low', other: amounts.length };
        amount.range = { role: 'high', other: amounts.length - 1 };
      } else if (lows.completeLow) {
        firstIndex = amounts.length - 1;
        lows.completeLow.range = { role: 'low', other: amounts.length };
        amount.range = { role: 'high', other: firstIndex };
      }
      amounts.push(amount);
      // Qualifiers and per-unit phrases of a range or list are shared by its members.
      const groupStart = amounts[firstIndex]!.start;
      const qualifier = qualifierAround(forms, g, groupStart, amount.end, g.myriad !== null);
      const per = amount.per ?? perBefore(forms, g, groupStart);
      for (let k = firstIndex; k < amounts.length; k++) {
        const a = amounts[k]!;
        if (qualifier.kind) {
          a.approx = true;
          if (qualifier.kind !== 'approx') a.bound = qualifier.kind;
        }
        if (amount.approx) a.approx = true;
        a.per ??= per;
      }
    };
    let i = segment.start;
    while (i < segment.end) {
      const code = forms.key.charCodeAt(i);
      if (!g.openers.has(code) || (i > segment.start && continuesWord(forms.key, i)) || afterDecimalMark(forms, i)) {
        i++;
        continue;
      }
      // "950. 000 GNF": a group cut off from its head by a stray space is no figure of its own.
      if (code === 0x30 && forms.key.charCodeAt(i + 1) === 0x30) {
        while (isDigit(forms.key.charCodeAt(i))) i++;
        continue;
      }
      // "per cento", "pour cent": the number word in a percent phrase is none.
      const percent = g.percentWords.longest(forms.key, forms.fold, i);
      if (percent) {
        i = percent.end;
        continue;
      }
      const parsed = parseAt(forms, i, segment);
      if (parsed === null) {
        i++;
        continue;
      }
      if (parsed.kind === 'skip') {
        i = Math.max(i + 1, parsed.end);
        continue;
      }
      if (parsed.flipped) flippedSeparators++;
      if (parsed.kind === 'bare') {
        // "3 miliardi e 250 milioni di risparmi": one figure in two scale words, currency or not;
        // the head may already have taken its currency from the sentence.
        const last = amounts[amounts.length - 1];
        const lastHead = last?.elliptical && last.start >= segment.start && parsed.number.scale !== null ? scaledHead(forms, g, [last], parsed.number.start, parsed.number.scale, parsed.number.decimal) : null;
        if (lastHead) {
          amounts[amounts.length - 1] = { ...last!, end: parsed.number.end, decimal: add(last!.decimal, parsed.number.decimal), precision: Math.min(last!.precision, parsed.number.precision) };
          pending = [];
          i = Math.max(i + 1, parsed.number.end);
          continue;
        }
        const joined = joinBareParts(forms, g, pending, parsed.number);
        if (joined !== parsed.number && bare[bare.length - 1] === pending[pending.length - 1]) bare.pop();
        if (joined !== parsed.number) pending.pop();
        parsed.number = joined;
        if (clockTime(forms, g, parsed.number)) {
          pending = [];
          i = Math.max(i + 1, parsed.number.end);
          continue;
        }
        bare.push(parsed.number);
        // "8,2 % du budget": a percentage is neither a member of a list nor a range's end.
        let after = parsed.number.end;
        while (forms.fold[after] === ' ') after++;
        if (g.percentWords.longest(forms.key, forms.fold, after)) {
          pending = [];
          i = Math.max(i + 1, parsed.number.end);
          continue;
        }
        // "… pour 1 046,7 milliards de wons, et les institutionnels pour 98,3 milliards.": a scaled
        // figure that ends its clause takes the currency of the amount before it in the sentence.
        // "entre US$ 480 y 620 millones", "$3 to 4 billion": the low end has the currency, the
        // high end the scale; each takes what the other has.
        const high = splitRangeHigh(forms, g, amounts, parsed.number, segment.start);
        if (high) {
          amounts.push(high);
          pending = [];
          i = Math.max(i + 1, parsed.number.end);
          continue;
        }
        const source = ellipsisSource(forms, g, amounts, parsed.number, runStart);
        const clause = source ? sentenceEllipsis(forms, g, parsed.number, source) : null;
        if (clause) {
          // "rispettivamente 2.100 e 2.300 miliardi": a list or range before it shares it.
          place(clause, segment);
          i = Math.max(i + 1, parsed.number.end);
          continue;
        }
        pending.push(parsed.number);
        if (pending.length > MAX_PENDING) pending.shift();
        i = Math.max(i + 1, parsed.number.end);
        continue;
      }
      const amount = parsed.amount;
      place(amount, segment);
      i = Math.max(i + 1, amount.end);
    }
  }
  return { amounts, bare, flippedSeparators };
}

/** How far back the words before a time of day may begin ("verso le 13.56"). */
const CLOCK_WORD_REACH = 12;

/**
 * "alle 13.56", "a las 10.30": hours and minutes joined by a mark that is not the language's
 * decimal one, after a word that introduces a time of day.
 */
function clockTime(forms: TextForms, g: Grammar, number: BareNumber): boolean {
  if (number.scale !== null || g.clockWords.count === 0) return false;
  const printed = forms.fold.slice(number.start, number.end);
  const m = /^([01]?\d|2[0-3])([.:])[0-5]\d$/.exec(printed);
  if (!m || m[2] === g.pack.digits.decimal) return false;
  let end = number.start;
  while (end > 0 && forms.fold[end - 1] === ' ') end--;
  if (end === number.start) return false;
  for (let from = Math.max(0, end - CLOCK_WORD_REACH); from < end; from++) {
    if (from > 0 && isWordUnit(forms.key.charCodeAt(from - 1))) continue;
    const hit = g.clockWords.longest(forms.key, forms.fold, from, { accept: (e) => e === end });
    if (hit) return true;
  }
  return false;
}

const POINT_DECIMAL = new Set(SHARED_CURRENCIES.pointDecimalCurrencies);

/** How many groups may follow a scale word ("5 billones 857 mil 14 mdp"). */
const MAX_GROUPS = 4;

/**
 * Groups of one to three digits after a scale word, each with a smaller scale word or none, as
 * Mexican copy writes figures: "4 millones 216 mil 615 pesos", "un billón 873 mil 593.4 mdp",
 * "54 mil 674.8 mdp" (thousands of the millions that follow). The last group may carry a
 * currency that implies its scale ("mdp"), or none before a currency. The value and the power of
 * ten of the smallest scale applied; null when no group follows.
 */
function groupsAfterScale(forms: TextForms, g: Grammar, from: number, first: Decimal, firstPower: number): { value: Decimal; power: number; precision: number; end: number } | null {
  const { key, fold } = forms;
  let total = first;
  let last = firstPower;
  let at = from;
  let end = -1;
  let precision = 0;
  const group = (p: number): { value: Decimal; end: number; decimals: number } | null => {
    if (fold[p] !== ' ') return null;
    const m = /^(\d{1,3})(?:[.,](\d{1,2}))?(?![\d'’])/.exec(fold.slice(p + 1, p + 8));
    if (!m || /[.,]\d/.test(fold.slice(p + 1 + m[0].length, p + 3 + m[0].length))) return null;
    return { value: decimalFromParts(m[1]!, m[2] ?? ''), end: p + 1 + m[0].length, decimals: m[2]?.length ?? 0 };
  };
  // A scale word, or a currency form that carries one ("mdp"), after a group: its power.
  const scaleOf = (p: number): { power: number; end: number; currency: boolean } | null => {
    // "339milioni 500mila euro": Italian budget copy may glue the scale word to its group.
    const glued = isLetter(key.charCodeAt(p));
    if (fold[p] !== ' ' && !glued) return null;
    const word = g.scales.longest(key, fold, glued ? p : p + 1);
    if (word && !word.value.abbreviation && !word.value.needsSymbol && !isLetter(key.charCodeAt(word.end))) return { power: word.value.power, end: word.end, currency: false };
    if (glued) return null;
    const sign = g.after.longest(key, fold, p + 1);
    if (sign?.value.impliedScale) return { power: sign.value.impliedScale, end: p, currency: true };
    return null;
  };
  for (let k = 0; k < MAX_GROUPS; k++) {
    const n = group(at);
    if (!n) break;
    const s = scaleOf(n.end);
    if (s && s.power < last) {
      // "857 mil 14 mdp": thousands of the millions that follow.
      const next = s.power === 3 && !s.currency ? group(s.end) : null;
      const nextScale = next ? scaleOf(next.end) : null;
      if (next && nextScale && nextScale.power >= 6 && nextScale.power < last) {
        total = add(total, multiply(add(multiply(n.value, pow10(3)), next.value), pow10(nextScale.power)));
        last = nextScale.power;
        precision = nextScale.power - next.decimals;
        at = end = nextScale.end;
        if (nextScale.currency) break;
        continue;
      }
      total = add(total, multiply(n.value, pow10(s.power)));
      last = s.power;
      precision = s.power - n.decimals;
      at = end = s.end;
      if (s.currency) break;
      continue;
    }
    // "… 216 mil 615 pesos": the units, before their currency.
    if (!s && n.decimals === 0 && last >= 3 && currencyAfter(forms, g, n.end, false, null)) {
      total = add(total, n.value);
      last = 0;
      precision = 0;
      end = n.end;
    }
    break;
  }
  if (end === -1) return null;
  return { value: total, power: last, precision, end };
}

/** "et demi", "y medio", "e mezzo", "and a half" right after `at`: the fraction it adds. */
function andAFraction(forms: TextForms, g: Grammar, at: number): { value: Decimal; precision: number; end: number } | null {
  const words = g.words;
  if (!words || words.fractions.size === 0) return null;
  const { key } = forms;
  let p = at;
  if (key[p] !== ' ') return null;
  p++;
  let joiner = p;
  while (joiner < key.length && isLetter(key.charCodeAt(joiner))) joiner++;
  if (!words.joiners.has(key.slice(p, joiner)) || key[joiner] !== ' ') return null;
  p = joiner + 1;
  for (const link of words.fractionLinks) if (key.startsWith(`${link} `, p)) p += link.length + 1;
  let wordEnd = p;
  while (wordEnd < key.length && isLetter(key.charCodeAt(wordEnd))) wordEnd++;
  const word = key.slice(p, wordEnd);
  // The feminine of the word agrees with the noun: "demie", "media", "mezza".
  const fraction = words.fractions.get(word) ?? words.fractions.get(word.replace(/e$/, '')) ?? words.fractions.get(word.replace(/a$/, 'o'));
  if (fraction === undefined || fraction >= 1) return null;
  const digits = String(fraction).split('.')[1] ?? '';
  return { value: decimalFromParts('0', digits), precision: -digits.length, end: wordEnd };
}

/** The digits after the mark of a number that could not be read ("environ0,8"): no number of their own. */
function afterDecimalMark(forms: TextForms, i: number): boolean {
  const mark = forms.fold[i - 1];
  return (mark === ',' || mark === '.') && isDigit(forms.key.charCodeAt(i)) && isDigit(forms.key.charCodeAt(i - 2));
}

/** Inside a word: a letter or digit after another (but a digit may follow Hangul: "약3억"). */
function continuesWord(key: string, i: number): boolean {
  const before = key.charCodeAt(i - 1);
  const here = key.charCodeAt(i);
  if (!isWordUnit(before) || !isWordUnit(here)) return false;
  if (isDigit(here) && isHangul(before)) return false;
  return true;
}

type Parsed =
  | { kind: 'amount'; amount: AmountSpan; flipped: boolean }
  | { kind: 'bare'; number: BareNumber; flipped: boolean }
  | { kind: 'skip'; end: number };

function parseAt(forms: TextForms, start: number, segment: Segment): Parsed | null {
  const { key, fold } = forms;
  const g = segment.grammar;
  let pos = start;
  // A currency before the number: "$3 billion", "US$ 8,2 mil millones", "€5m", "KRW 9.3 trillion".
  const prefix = g.before.longest(key, fold, pos, {
    digitAttach: true,
    accept: (end) => {
      let at = end;
      while (fold[at] === ' ') at++;
      return isDigit(key.charCodeAt(at)) || (g.words !== null && isLetter(key.charCodeAt(at)) && at - end <= 1);
    },
  });
  let prefixSign: CurrencyEntry | null = null;
  if (prefix) {
    prefixSign = prefix.value;
    pos = prefix.end;
    while (fold[pos] === ' ' && pos - prefix.end < 2) pos++;
  }
  let number = readNumberAt(forms, pos, segment);
  if (!number) return prefix ? { kind: 'skip', end: prefix.end } : null;
  const flipped = number.ambiguousSeparator && segment.prefer !== undefined;
  if (!prefix && number.kind === 'digits' && modelNumber(fold, start)) return { kind: 'skip', end: number.end };
  pos = number.end;

  // Scale words, chained when they grow ("mil millones", "mille milliards" when not listed whole).
  let scale: ScaleEntry | null = null;
  let power = 0;
  let scaleEnd = pos;
  if (number.kind !== 'myriad') {
    for (let guard = 0; guard < 3; guard++) {
      // "a 120-trillion won budget": English may hyphen the number to its scale.
      const gap = fold[scaleEnd] === ' ' || (fold[scaleEnd] === '-' && g.pack.hyphenatedAmounts && scale === null) ? 1 : 0;
      const candidate = g.scales.longest(key, fold, scaleEnd + gap);
      if (!candidate || candidate.value.power <= (scale ? 0 : -1)) break;
      if (!scaleAllowed(forms, g, candidate.value, candidate.end, prefixSign !== null, gap === 0 && scale === null)) break;
      if (scale && candidate.value.power <= scale.power) break;
      scale = scale ? { ...candidate.value, power: scale.power + candidate.value.power, alternative: null } : candidate.value;
      // "$3 billion" in a French article: a sign before the number is the English construction,
      // and takes the English (short-scale) reading of a word that has two.
      if (prefixSign && scale.alternative !== null && scale.alternative < scale.power) scale = { ...scale, power: scale.alternative, alternative: scale.power };
      power = scale.power;
      scaleEnd = candidate.end;
    }
  } else if (number.largestUnit !== undefined) {
    power = 0;
  }
  // "2 mil 490 millones", "399 mil 800 millones": thousands of the larger scale that follows.
  // "seis mil 510 MDP": spelled thousands too.
  const spelledThousands = !scale && number.kind === 'words' && !number.article && /\bmil$/.test(fold.slice(number.start, number.end));
  const thousands = ((scale && scale.power === 3 && number.kind === 'digits') || spelledThousands) && number.value.exponent >= 0 ? thousandsOfScale(forms, g, scaleEnd) : null;
  if (thousands) {
    const whole = spelledThousands ? number.value : multiply(number.value, pow10(3));
    number = { ...number, end: thousands.numberEnd, value: add(whole, thousands.value), precision: thousands.precision };
    scale = thousands.scale;
    power = scale.power;
    scaleEnd = thousands.end;
  }
  // "siete mil 468 pesos": spelled thousands, then the units in digits before the currency.
  if (spelledThousands && !thousands) {
    const units = groupsAfterScale(forms, g, number.end, number.value, 3);
    if (units && units.power === 0) {
      number = { ...number, end: units.end, value: units.value, precision: 0 };
      scaleEnd = units.end;
    }
  }
  // "4 millones 216 mil 615 pesos", "5 billones 857 mil 14 mdp": smaller groups after the scale.
  const groups = scale && !scale.abbreviation && !scale.needsSymbol ? groupsAfterScale(forms, g, scaleEnd, multiply(number.value, pow10(power)), power) : null;
  if (groups) {
    number = { ...number, end: groups.end, value: normalise(multiply(groups.value, pow10(-groups.power))), precision: groups.precision - groups.power };
    scale = { ...scale!, power: groups.power, alternative: null };
    power = groups.power;
    scaleEnd = groups.end;
  }
  // "deux milliards et demi de dollars", "tres millones y medio de euros".
  const halfOfScale = scale ? andAFraction(forms, g, scaleEnd) : null;
  if (halfOfScale) {
    number = { ...number, value: add(number.value, halfOfScale.value), precision: Math.min(number.precision, halfOfScale.precision) };
    scaleEnd = halfOfScale.end;
  }
  pos = scaleEnd;

  let currency: CurrencyEntry;
  let end = pos;
  if (!prefixSign) {
    const suffix = currencyAfter(forms, g, pos, scale !== null || (number.kind === 'myriad' && number.largestUnit !== undefined), number);
    if (!suffix) {
      if (number.article && !scale) return null;
      // "조사", "만약": numerals in Hangul alone are a number only before a currency.
      if (number.kind === 'myriad' && !/\d/.test(forms.fold.slice(number.start, number.end))) return { kind: 'skip', end: number.end };
      const value = scale ? multiply(number.value, pow10(power)) : number.value;
      return {
        kind: 'bare',
        flipped,
        number: {
          start: number.start,
          end: pos,
          decimal: normalise(value),
          scale: scale ? power : number.largestUnit ?? null,
          scaleWord: scale,
          precision: number.precision + power,
          language: g.pack.code,
          grammar: g,
          written: number.kind === 'words' && !/\d/.test(forms.fold.slice(number.start, number.end)),
        },
      };
    }
    if (number.article && !scale && !suffix.value.subunit) return null;
    currency = suffix.value;
    end = suffix.end;
    // "42,717 soles", "3,500 pesos mexicanos": the currency's country prints a decimal point.
    if (!scale && number.kind === 'digits' && number.ambiguousSeparator && segment.prefer === undefined && g.pack.digits.decimal === ',' && POINT_DECIMAL.has(currency.code)) {
      const grouped = readDigits(fold, number.start, g.digits, '.');
      if (grouped && grouped.end === number.end) number = grouped;
    }
    // "dix dinars et demi", "tres euros y medio".
    const half = scale || halfOfScale ? null : andAFraction(forms, g, end);
    if (half) {
      number = { ...number, value: add(number.value, half.value), precision: Math.min(number.precision, half.precision) };
      end = half.end;
    }
  } else {
    currency = prefixSign;
    if (number.article && !scale) return null;
    // "$ 12 mil millones de dólares": the sign said it; a name after it repeats it.
    const repeated = currencyAfter(forms, g, pos, true, number);
    if (repeated && !repeated.value.sign && sameFamily(repeated.value.code, prefixSign.code)) end = repeated.end;
  }

  // "30 MUSD", "120 MEUR", "5 mdd": the currency form carries the scale.
  if (!scale && currency.impliedScale) power = currency.impliedScale;
  let value = power ? multiply(number.value, pow10(power)) : number.value;
  let precision = number.precision + power;
  if (currency.subunit) {
    value = multiply(value, { mantissa: 1n, exponent: -2 });
    precision -= 2;
  }
  // "15 dollars et 15 cents", "13 dollars 50", "1달러 20센트": hundredths after a whole amount.
  const centsPossible = !scale && !currency.subunit && (number.kind === 'myriad' ? number.largestUnit === undefined : !currency.sign);
  if (centsPossible) {
    const cents = readCents(forms, g, end);
    if (cents) {
      value = add(value, { mantissa: BigInt(cents.value), exponent: -2 });
      precision = Math.min(precision, -2);
      end = cents.end;
    }
  }
  const per = perAfter(forms, g, end);
  return {
    kind: 'amount',
    flipped,
    amount: {
      start,
      end,
      currency: currency.code,
      decimal: normalise(value),
      scale: scale || currency.impliedScale ? power : number.kind === 'myriad' ? (number.largestUnit ?? null) : null,
      scaleWord: scale,
      precision,
      approx: number.approx ?? false,
      bound: null,
      ambiguous: false,
      per,
      range: null,
      language: g.pack.code,
      elliptical: false,
      ...(currency.subunit ? { inSubunit: true as const } : {}),
      ...(currency.sharedSubunit ? { sharedSubunit: true as const } : {}),
    },
  };
}

function readNumberAt(forms: TextForms, pos: number, segment: Segment): NumberRead | null {
  const g = segment.grammar;
  if (g.myriad) return readMyriad(forms.fold, pos, g.myriad);
  const code = forms.key.charCodeAt(pos);
  if (isDigit(code)) {
    const number = readDigits(forms.fold, pos, g.digits, segment.prefer);
    if (!number) return null;
    // "5e", "25ème", "3D", "K9A1": an ordinal or a code, unless a scale or a currency is glued on.
    const after = forms.key.charCodeAt(number.end);
    if (isLetter(after) && !g.scales.longest(forms.key, forms.fold, number.end) && !g.after.longest(forms.key, forms.fold, number.end, { hangulAttach: true })) return null;
    // "13-point-eight trillion won": broadcast copy spells the decimals.
    if (g.words && number.precision >= 0) return withSpelledDecimals(forms.key, number, g.words) ?? number;
    return number;
  }
  if (g.words && isLetter(code)) {
    // "half a million dollars": a fraction counts only before a scale word.
    const fraction = readFraction(forms.key, pos, g.words);
    if (fraction) {
      let at = fraction.end;
      if (forms.fold[at] === ' ' || forms.fold[at] === '-') at++;
      if (g.scales.longest(forms.key, forms.fold, at)) return fraction;
    }
    // "une dizaine de milliards d'euros", "un migliaio di franchi".
    const collective = readCollective(forms.key, pos, g.words);
    if (collective && (g.scales.longest(forms.key, forms.fold, collective.end) || g.after.longest(forms.key, forms.fold, collective.end))) return { ...collective, end: collective.end - (forms.fold[collective.end - 1] === ' ' ? 1 : 0) };
    return readWords(forms.key, pos, g.words);
  }
  return null;
}

/**
 * "einer Billion und 140,5 Milliarden Dollar", "1 billón 140.500 millones de dólares": a whole
 * number of a larger scale, then (after "und", "y"… or nothing) an amount of a smaller scale that
 * fits under one unit of it, are one amount, as Korean figures translated word for word are
 * written; the bare part is taken off `pending`.
 */
function joinScaledParts(forms: TextForms, g: Grammar, pending: BareNumber[], amount: AmountSpan): AmountSpan {
  // "un million deux cent mille euros": the rest may be spelled out without a scale word.
  const head = scaledHead(forms, g, pending, amount.start, amount.scale, amount.decimal);
  if (!head) return amount;
  pending.pop();
  return { ...amount, start: head.start, decimal: add(head.decimal, amount.decimal), scale: head.scale, scaleWord: head.scaleWord };
}

/**
 * The larger-scale head of a figure in two scale words, when `number` is its smaller part joined
 * as `joinScaledParts` joins one ("3 miliardi e 250 milioni"); null when they are two figures.
 */
function scaledHead<T extends Pick<BareNumber, 'start' | 'end' | 'scale' | 'decimal'>>(forms: TextForms, g: Grammar, pending: readonly T[], start: number, scale: number | null, value: Decimal): T | null {
  const head = pending[pending.length - 1];
  if (!head || head.scale === null || head.scale <= (scale ?? 0) || head.end > start) return null;
  const between = matchKey(forms.key.slice(head.end, start).trim());
  if (between !== '' && !(g.words?.joiners.has(between) ?? false)) return null;
  // "entre 1 milliard et 900 millions": the two ends of a range.
  const opener = g.rangeOpeners.longest(forms.key, forms.fold, trimBack(forms.fold, head.start));
  if (between !== '' && opener?.value.some((o) => matchKey(o.connector) === between)) return null;
  const unit = pow10(head.scale);
  const units = toNumber(head.decimal) / toNumber(unit);
  if (!Number.isInteger(units) || toNumber(value) >= toNumber(unit)) return null;
  return head;
}

/** A bare figure joined to the larger-scale figure before it, or the figure itself. */
function joinBareParts(forms: TextForms, g: Grammar, pending: readonly BareNumber[], number: BareNumber): BareNumber {
  if (number.scale === null) return number;
  const head = scaledHead(forms, g, pending, number.start, number.scale, number.decimal);
  if (!head) return number;
  return { ...number, start: head.start, decimal: add(head.decimal, number.decimal), scale: head.scale, scaleWord: head.scaleWord, written: head.written && number.written };
}

/** After "2 mil": " 490 millones", a figure under a thousand and a scale larger than a thousand. */
function thousandsOfScale(forms: TextForms, g: Grammar, from: number): { value: Decimal; precision: number; numberEnd: number; scale: ScaleEntry; end: number } | null {
  const { key, fold } = forms;
  if (fold[from] !== ' ') return null;
  // "54 mil 674.8 mdp": the last group may have decimals.
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?(?![\d.,'’])/.exec(fold.slice(from + 1, from + 8));
  if (!m) return null;
  const at = from + 1 + m[0].length;
  if (fold[at] !== ' ') return null;
  const value = decimalFromParts(m[1]!, m[2] ?? '');
  const precision = -(m[2]?.length ?? 0);
  const scale = g.scales.longest(key, fold, at + 1);
  if (scale && scale.value.power > 3 && !scale.value.abbreviation && !scale.value.needsSymbol) return { value, precision, numberEnd: at, scale: scale.value, end: scale.end };
  // "137 mil 286 MDP": a currency form that carries the scale, read after the figure.
  const sign = scale ? null : g.after.longest(key, fold, at + 1);
  const implied = sign?.value.impliedScale;
  if (implied === undefined || implied <= 3) return null;
  return { value, precision, numberEnd: at, scale: { form: fold.slice(at + 1, sign!.end), power: implied, alternative: null, needsSymbol: false, abbreviation: false }, end: at };
}

/** "Galaxy S25", "F-150", "A400M", "K2": letters glued or hyphened to the digits. */
function modelNumber(fold: string, start: number): boolean {
  const before = fold.charCodeAt(start - 1);
  if (isLetter(before) && !isHangul(before)) return true;
  return fold[start - 1] === '-' && isLetter(fold.charCodeAt(start - 2));
}

function scaleAllowed(forms: TextForms, g: Grammar, scale: ScaleEntry, end: number, prefixed: boolean, attached: boolean): boolean {
  if (scale.needsSymbol) {
    // "45 k$", "2,5 G$", "$5m", "€2bn": a letter is a scale only against a sign.
    if (prefixed) return attached;
    const sign = g.after.longest(forms.key, forms.fold, forms.fold[end] === ' ' ? end + 1 : end);
    return sign !== null && sign.value.sign;
  }
  if (!scale.abbreviation || prefixed) return true;
  // "5 Mrd. Euro", "3,2 Md$", "420 Mds de wons": an abbreviation needs its currency, or to end
  // its clause ("… a 9,8 mld, mentre …"), where the sentence's amount before it may lend one.
  if (currencyAfter(forms, g, end, true, null) !== null) return true;
  let at = end;
  while (forms.fold[at] === ' ') at++;
  const next = forms.fold[at];
  return next === undefined || next === '\n' || ',;)'.includes(next);
}

function currencyAfter(forms: TextForms, g: Grammar, from: number, scaled: boolean, number: NumberRead | null): { value: CurrencyEntry; end: number } | null {
  const { key, fold } = forms;
  const korean = g.myriad !== null;
  let at = from;
  if (fold[at] === ' ') at++;
  else if (fold[at] === '-' && g.pack.hyphenatedAmounts && isLetter(key.charCodeAt(at + 1))) at++;
  const direct = matchCurrency(forms, g, at, korean);
  // "($1 = 0.7375 pounds)": in an equation of currencies a pound is money, not weight.
  if (direct && (!direct.value.needsScale || scaled || (number !== null && afterEquals(fold, number.start)))) return direct;
  // "728 000 milliards de wons", "3 miliardi di dollari", "1 000 000 de dollars".
  const roundMillions = number !== null && number.kind === 'digits' && number.value.exponent >= 6;
  if (scaled || roundMillions) {
    const linker = g.linkers.longest(key, fold, at);
    if (linker) {
      let after = linker.end;
      if (fold[after] === ' ') after++;
      const linked = matchCurrency(forms, g, after, korean);
      if (linked) return linked;
    }
  }
  return null;
}

function afterEquals(fold: string, start: number): boolean {
  let at = start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  return fold[at - 1] === '=' || fold[at - 1] === '≈';
}

function matchCurrency(forms: TextForms, g: Grammar, at: number, korean: boolean): { value: CurrencyEntry; end: number } | null {
  const found = g.after.longest(forms.key, forms.fold, at, { hangulAttach: korean });
  if (!found) return null;
  // "Euro-Raum", "원전", "50.000-Won-Schein": a currency word that begins another word.
  // Glued to a Korean figure the word is the currency and its particle: "272억원인 것으로" (원인,
  // "cause", elsewhere), "5억원만" (원만, "smooth").
  const glued = korean && at > 0 && (isDigit(forms.key.charCodeAt(at - 1)) || (g.myriad?.large.has(forms.key[at - 1]!) ?? false));
  const friend = glued ? null : g.falseFriends.longest(forms.key, forms.fold, at, { hangulAttach: korean });
  if (friend && friend.end >= found.end) return null;
  // "20-Milliarden-Dollar-Marke": a hyphen after the currency makes a compound (English allows
  // "12-cent-a-share"); an apostrophe makes an elision ("5 $ c'est").
  if (forms.fold[found.end] === '-' && isLetter(forms.key.charCodeAt(found.end + 1)) && !g.pack.hyphenatedAmounts) return null;
  if (forms.fold[found.end] === "'" && isLetter(forms.key.charCodeAt(found.end + 1))) return null;
  if (korean && isHangul(forms.key.charCodeAt(found.end)) && !found.value.sign) {
    // A Korean currency word may carry a particle, not begin another noun ("원칙", "원료").
    if (!PARTICLE_START.has(forms.key[found.end]!)) return null;
  }
  return { value: found.value, end: found.end };
}

// First syllables of what follows a currency in Korean: particles, "어치", "짜리", "가량",
// "정도", "규모", "이상", "수준", "대", "선", "당", "씩", "상당".
const PARTICLE_START = new Set('을를이가은는의에와과도만로으씩대선어짜까부밖뿐규정가수안내남미초넘상당여께보라며면서고엔였인일입쯤치들다'.split(''));

function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const dollar = (c: string) => c === '$' || c === 'USD' || c === 'CAD' || c === 'AUD' || c === 'NZD' || c === 'HKD' || c === 'SGD' || c === 'TWD' || c === 'MXN';
  return (a === '$' && dollar(b)) || (b === '$' && dollar(a));
}

function readCents(forms: TextForms, g: Grammar, at: number): { value: number; end: number } | null {
  const { key, fold } = forms;
  let pos = at;
  if (fold[pos] === ' ') pos++;
  const joiner = /^(\p{L}+) /u.exec(key.slice(pos, pos + 8));
  if (joiner && (g.words?.joiners.has(joiner[1]!) || g.listSeparators.longest(key, fold, pos) || joiner[1] === 'con')) pos += joiner[0].length;
  let value: number;
  let end: number;
  if (isDigit(key.charCodeAt(pos))) {
    let e = pos;
    while (isDigit(key.charCodeAt(e))) e++;
    // "… e 4’182 euro": the start of another figure, not hundredths.
    if (e - pos > 2 || (",.'’ \u00a0\u202f".includes(fold[e] ?? '') && isDigit(key.charCodeAt(e + 1)))) return null;
    value = Number(key.slice(pos, e));
    end = e;
  } else if (g.words && isLetter(key.charCodeAt(pos))) {
    const words = readWords(key, pos, g.words);
    if (!words || words.article) return null;
    value = toNumber(words.value);
    end = words.end;
  } else return null;
  if (value < 1 || value > 99) return null;
  const coinAt = fold[end] === ' ' ? end + 1 : end;
  const coin = g.after.longest(key, fold, coinAt, { hangulAttach: true });
  if (coin && coin.value.subunit) return { value, end: coin.end };
  // Without a coin name the number must end the phrase ("15 dollars 50.", "13 dollars 50 au
  // guichet") but not "50 dollars 40 yuans" nor "200 dollars 20 fois".
  if (end === at || key[end] === '%' || isWordUnit(key.charCodeAt(end))) return null;
  if (coinAt > end && isWordUnit(key.charCodeAt(coinAt)) && g.clauseWords.longest(key, fold, coinAt) === null) return null;
  return { value, end };
}

function perAfter(forms: TextForms, g: Grammar, end: number): AmountSpan['per'] {
  const { key, fold } = forms;
  let at = end;
  if (fold[at] === ' ') at++;
  // "1,476.4 won a week earlier": a time phrase, not a price per week.
  if (g.perFalseFriends.longest(key, fold, at)) return null;
  const bare = g.perBare.longest(key, fold, at);
  if (bare) return { unit: fold.slice(at, bare.end).replace(/^\S+\s+/u, '').replace(/^l'/, ''), english: bare.value, end: bare.end };
  const marker = g.perMarkers.longest(key, fold, at);
  if (!marker) return null;
  if (g.perFalseFriends.longest(key, fold, at)) return null;
  let unitAt = marker.end;
  if (fold[unitAt] === ' ') unitAt++;
  const known = g.perUnits.longest(key, fold, unitAt);
  // "14,09 pesos por divisa estadounidense", "par billet vert": a currency named in several words is one unit.
  const currency = g.mentions.longest(key, fold, unitAt);
  if (currency && /\s/.test(fold.slice(unitAt, currency.end)) && currency.end > (known?.end ?? 0)) {
    const unit = fold.slice(unitAt, currency.end);
    return { unit, english: unit, end: currency.end };
  }
  if (known) return { unit: fold.slice(unitAt, known.end), english: known.value, end: known.end };
  let unitEnd = unitAt;
  while (unitEnd < key.length && (isLetter(key.charCodeAt(unitEnd)) || (key[unitEnd] === '-' && isLetter(key.charCodeAt(unitEnd + 1))))) unitEnd++;
  if (unitEnd === unitAt) return null;
  const unit = fold.slice(unitAt, unitEnd);
  // "financé par Samsung": a capital is a name, except where every noun has one.
  if (!g.pack.per.nounsCapitalised && unit[0] !== unit[0]!.toLowerCase()) return null;
  return { unit, english: unit, end: unitEnd };
}

/** Korean puts the unit first: "1인당 10만 원", "배럴당 80달러", "월 3만 원". */
function perBefore(forms: TextForms, g: Grammar, start: number): AmountSpan['per'] {
  const { key, fold } = forms;
  let at = start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  const suffix = g.pack.per.prefixSuffix;
  if (suffix && key.slice(at - suffix.length, at) === suffix) {
    let s = at - suffix.length;
    while (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && at - s < 12) s--;
    const unit = fold.slice(s, at - suffix.length).replace(/^\d+/, '');
    if (unit) return { unit, english: g.pack.per.english[unit] ?? unit };
  }
  const word = g.perPrefixWords.longest(key, fold, at);
  if (word) return { unit: fold.slice(word.end, at), english: word.value };
  return null;
}

/** "Vertrag über": a qualifier word that, after a noun, is a preposition. */
function afterNoun(forms: TextForms, g: Grammar, start: number, phrase: string): boolean {
  if (!g.pack.qualifiers.notAfterNoun?.includes(phrase)) return false;
  let p = start;
  while (p > 0 && forms.fold[p - 1] === ' ') p--;
  let w = p;
  while (w > 0 && isLetter(forms.key.charCodeAt(w - 1))) w--;
  return w < p && forms.fold[w] !== forms.key[w];
}

/** A qualifier before the amount ("environ", "약") or after it ("environ", "가량"). */
function qualifierAround(forms: TextForms, g: Grammar, start: number, end: number, korean: boolean): { kind: QualifierKind | null; end: number } {
  const { key, fold } = forms;
  let at = start;
  while (at > 0 && (fold[at - 1] === ' ' || fold[at - 1] === '«' || fold[at - 1] === '"' || fold[at - 1] === '“')) at--;
  const before = g.qualifiersBefore.longest(key, fold, at);
  if (before && !afterNoun(forms, g, before.end, before.phrase)) return { kind: before.value, end };
  let after = end;
  if (fold[after] === ' ') after++;
  const found = g.qualifiersAfter.longest(key, fold, after, { hangulAttach: korean });
  if (found) return { kind: found.value, end: found.end };
  return { kind: null, end };
}

export interface Ellipticals {
  members: AmountSpan[];
  /** The members form a range with the amount (one low end). */
  range: boolean;
  /** A complete amount just before, joined as a range ("$3 billion to $4 billion"). */
  completeLow: AmountSpan | null;
}

/**
 * Numbers printed just before an amount without their currency, which they take from it: the low
 * end of a range ("entre 3 000 et 4 000 milliards de wons", "3억~4억 달러") or the members of a
 * list ("1 000, 5 000 et 10 000 wons"). A whole amount before, joined as a range, is its low end.
 */
export function takeEllipticals(forms: TextForms, g: Grammar, pending: BareNumber[], amount: AmountSpan, previous: AmountSpan | undefined): Ellipticals {
  const none: Ellipticals = { members: [], range: false, completeLow: null };
  const { key, fold } = forms;
  const gap = (from: number, to: number) => key.slice(from, to).trim();
  if (previous && previous.currency === amount.currency && previous.range === null && toNumber(previous.decimal) < toNumber(amount.decimal)) {
    const between = gap(previous.end, amount.start);
    const opener = g.rangeOpeners.longest(key, fold, trimBack(fold, previous.start));
    if (isPhrase(g.rangeConnectors, between) || opener?.value.some((o) => !o.list && o.connector === between)) {
      return { members: [], range: false, completeLow: previous };
    }
  }
  const last = pending[pending.length - 1];
  if (!last || last.end > amount.start) return none;
  const between = gap(last.end, amount.start);
  if (between.length > 12) return forwardEllipsis(forms, g, last, amount, between);
  const opener = g.rangeOpeners.longest(key, fold, trimBack(fold, last.start));
  const pairedList = opener?.value.some((o) => o.list && o.connector === between) ?? false;
  const rangeGap = isPhrase(g.rangeConnectors, between) || (opener?.value.some((o) => !o.list && o.connector === between) ?? false);
  if (rangeGap && !pairedList) {
    // The low end takes the amount's scale when that brings it near the high end: "entre 2 et 3
    // milliards", but "de 700 000 à 1 million de wons".
    const scaled = elliptical(forms, last, amount);
    const plain = last.scale === null && amount.scale !== null ? elliptical(forms, last, amount, false) : null;
    const high = toNumber(amount.decimal);
    const distance = (e: AmountSpan) => Math.abs(Math.log10(toNumber(e.decimal) / high));
    const low = scaled && plain ? (distance(plain) < distance(scaled) ? plain : scaled) : (scaled ?? plain);
    if (!low) return none;
    // "de 61 600 à 56 700 wons": a fall from one amount to another, not a range.
    if (toNumber(low.decimal) > high) return { members: [low], range: false, completeLow: null };
    return { members: [low], range: true, completeLow: null };
  }
  const listGap = (text: string) => text === ',' || isPhrase(g.listSeparators, text) || isPhrase(g.listSeparators, text.replace(/^,\s*/, ''));
  if (!pairedList && !listGap(between)) return forwardEllipsis(forms, g, last, amount, between);
  const members: BareNumber[] = [last];
  for (let k = pending.length - 2; k >= 0; k--) {
    const b = pending[k]!;
    if (!listGap(gap(b.end, members[0]!.start))) break;
    members.unshift(b);
  }
  // From the amount backwards: the list stops at the first number that cannot be a member.
  const out: AmountSpan[] = [];
  for (let k = members.length - 1; k >= 0; k--) {
    const e = elliptical(forms, members[k]!, amount);
    if (!e) break;
    out.unshift(e);
  }
  return out.length ? { members: out, range: false, completeLow: null } : none;
}

/**
 * A scaled figure that opens its sentence's amounts takes the currency of the next one of the
 * same scale in its clause: "ont progressé de 6 800 milliards, à 801 300 milliards de wons".
 */
function forwardEllipsis(forms: TextForms, g: Grammar, number: BareNumber, amount: AmountSpan, between: string): Ellipticals {
  const none: Ellipticals = { members: [], range: false, completeLow: null };
  if (number.scale === null || number.scale !== amount.scale || number.written || number.scaleWord?.needsSymbol) return none;
  // Not across a bracket: "1,6 milliard (2,54 milliards $)" is another currency's figure and its equivalent.
  if (between.length > FORWARD_REACH || /[.!?;:()\[\]\n]/.test(between) || countsSomething(forms, g, number)) return none;
  const e = elliptical(forms, number, amount);
  return e ? { members: [e], range: false, completeLow: null } : none;
}

const FORWARD_REACH = 40;

/** How far back in its sentence a scaled figure may take an amount's currency. */
const ELLIPSIS_REACH = 160;
/** How far back a scaled figure may take the currency of an amount with the same scale word. */
const SAME_SCALE_REACH = 280;

/**
 * The amount whose currency an elided scaled figure takes: the nearest before it in its sentence
 * with the same scale ("2,86 billions de wons, soit 1,75 milliard d'euros, contre 3,04 billions":
 * wons), else the nearest. Looks back over a few amounts only.
 */
function ellipsisSource(forms: TextForms, g: Grammar, amounts: readonly AmountSpan[], number: BareNumber, segmentStart: number): AmountSpan | null {
  const last = amounts.length - 1;
  const nearest = amounts[last];
  if (!nearest || nearest.start < segmentStart || number.scale === null) return nearest && nearest.start >= segmentStart ? nearest : null;
  // Candidates back to the sentence's start, the amounts printed as another's equivalent
  // ("4 100 milliards de wons, l'équivalent de 2,7 milliards d'euros, contre 6 700 milliards")
  // last: the comparison is with the amount itself.
  let sameScale: AmountSpan | null = null;
  let main: AmountSpan | null = null;
  const sameScaleAny: AmountSpan[] = [];
  for (let k = last, seen = 0; k >= 0 && seen < ELLIPSIS_LOOKBACK; k--, seen++) {
    const a = amounts[k]!;
    if (a.start < segmentStart || number.start - a.end > SAME_SCALE_REACH) break;
    const far = number.start - a.end > ELLIPSIS_REACH;
    if (k < last && /[.!?](?:\s|$)|\n/.test(forms.fold.slice(a.end, amounts[k + 1]!.start))) break;
    const before = amounts[k - 1];
    const strength = before !== undefined && before.currency !== a.currency && before.start >= segmentStart ? gapStrength(forms, g, before.end, a.start) : null;
    const equivalent =
      strength === 'strong' ||
      (strength !== null && plausiblePair(before!, a)) ||
      // "8 900 milliards de wons sur les dernières 24 heures, soit un peu moins de 6,8 milliards de dollars"
      (before !== undefined && before.currency !== a.currency && before.start >= segmentStart && connectorAfterWords(forms, g, before.end, a.start) && plausiblePair(before, a));
    if (a.scale === number.scale) sameScaleAny.push(a);
    if (equivalent || (far && a.scale !== number.scale)) continue;
    main ??= a;
    if (a.scale === number.scale) {
      sameScale = a;
      break;
    }
  }
  const chosen = sameScale ?? main ?? nearest;
  // "10 milliards de dollars, l'équivalent de 14 330 milliards de wons, n'en valait que 13 420
  // milliards": a figure far from the main amount's size compares with the one near its own.
  const ratio = (a: AmountSpan) => Math.abs(Math.log10(toNumber(number.decimal) / toNumber(a.decimal)));
  if (ratio(chosen) > 1) {
    const near = sameScaleAny.filter((a) => ratio(a) < 0.5).sort((x, y) => ratio(x) - ratio(y))[0];
    if (near) return near;
  }
  return chosen;
}

/**
 * The high end of a range whose low end printed the currency and whose high end prints the scale
 * ("entre US$ 480 y 620 millones", "$3 to 4 billion"): the low end, the amount just before, takes
 * the scale (it is changed in place) and the two are linked as a range. Null if that is not what
 * stands there.
 */
function splitRangeHigh(forms: TextForms, g: Grammar, amounts: AmountSpan[], number: BareNumber, segmentStart: number): AmountSpan | null {
  const low = amounts[amounts.length - 1];
  if (!low || low.start < segmentStart || low.scale !== null || low.range || number.scale === null || number.written) return null;
  const between = forms.key.slice(low.end, number.start).trim();
  const opener = g.rangeOpeners.longest(forms.key, forms.fold, trimBack(forms.fold, low.start));
  if (!isPhrase(g.rangeConnectors, between) && !opener?.value.some((o) => !o.list && o.connector === between)) return null;
  const power = number.scale;
  const lowValue = normalise(multiply(low.decimal, pow10(power)));
  const high = elliptical(forms, number, low);
  if (!high || toNumber(lowValue) > toNumber(high.decimal)) return null;
  low.decimal = lowValue;
  low.scale = number.scale;
  low.scaleWord = number.scaleWord;
  low.precision += power;
  low.range = { role: 'low', other: amounts.length };
  high.range = { role: 'high', other: amounts.length - 1 };
  high.approx = low.approx;
  high.bound = low.bound;
  // "… y 620 millones al año": a per-unit phrase after the high end is both ends'.
  high.per = perAfter(forms, g, high.end) ?? low.per;
  low.per ??= high.per;
  return high;
}

/** How many amounts back an elided figure looks for one of its scale. */
const ELLIPSIS_LOOKBACK = 4;

/** A scaled figure followed by what it counts: "51 millions d'habitants", "5 Milliarden Menschen", "3억 명". */
export function countsSomething(forms: TextForms, g: Grammar, number: BareNumber): boolean {
  let at = number.end;
  while (forms.fold[at] === ' ') at++;
  // "51 millions d'habitants" counts; "17,5 billones de 2024" dates the figure.
  const linker = g.linkers.longest(forms.key, forms.fold, at);
  if (linker) {
    let next = linker.end;
    while (forms.fold[next] === ' ') next++;
    return !isDigit(forms.key.charCodeAt(next));
  }
  const next = forms.fold.charCodeAt(at);
  // German capitalises nouns: "5 Milliarden Menschen" counts, "3,5 Billionen gewesen" does not.
  if (g.pack.per.nounsCapitalised) return isLetter(next) && forms.fold[at] !== forms.key[at];
  // A thousand takes no linker even where a million does: "40mila posti di lavoro", "mil personas".
  const linkerFree = !g.pack.scaleNeedsLinker || (number.scale !== null && number.scale < 6);
  if (g.myriad === null && isLetter(next) && g.words !== null && linkerFree && !g.movementAfter.longest(forms.key, forms.fold, at) && nounFollows(forms, g, at)) return true;
  // Korean: only a particle may touch it ("2조로", "2조에"), not a counter ("1만5천명", "3억 명").
  if (g.myriad !== null) {
    const ch = forms.fold[at];
    const punctuation = ch === undefined || '\n.,;:)!?»"\''.includes(ch);
    if (!punctuation && !(at === number.end && PARTICLE_START.has(ch!))) return true;
  }
  return false;
}

function sentenceEllipsis(forms: TextForms, g: Grammar, number: BareNumber, previous: AmountSpan): AmountSpan | null {
  if (number.scale === null || previous.scale === null || number.written) return null;
  if (number.scaleWord?.needsSymbol) return null;
  // A colon or a semicolon goes on with the sentence: "33,9 miliardi di dollari: 3,8 miliardi in
  // più", "… fünf Billionen Won; 2023 waren es 3,5 Billionen".
  const between = forms.fold.slice(previous.end, number.start);
  // The same scale word carries further: "… 9 200 milliards de wons (6,29 milliards de dollars)
  // pour le trimestre, porté par … Le résultat dépasse le consensus de 8 300 milliards".
  // Into the next paragraph only with the same scale: "… vale 14 miliardi di euro.\nDi questi, 9
  // miliardi andranno alle imprese".
  // And only in a clause about money: "… 156 Millionen Dollar.\nDie Zahl der Kunden erhöhte sich
  // auf 22,8 Millionen" counts customers.
  const breaks = between.split('\n').length - 1;
  if (between.length > (previous.scale === number.scale ? SAME_SCALE_REACH : ELLIPSIS_REACH) || breaks > 1 || (breaks === 1 && previous.scale !== number.scale)) return null;
  if (breaks === 1 && !moneyCueBefore(forms, g, number.start) && !moneyCounted(forms, g, number.end)) return null;
  // Across one sentence end only with the same scale: "… avec 157,6 millions de dollars.
  // Viennent ensuite les États-Unis, avec 54,32 millions".
  const ends = between.match(/[.!?](?:\s|$)/g)?.length ?? 0;
  // "… 640mila euro. Seguono Servizi, 157 milioni; Amministrazione, 127 milioni": the first item
  // of a list of sums, whatever its scale.
  if (ends > 1 || (ends === 1 && previous.scale !== number.scale && !listItem(forms, number.end))) return null;
  // Not the head of a list whose currency comes later: "각각 26억, 8억, 9억 달러".
  if (ends === 1 && /^[\s,;]*\d/.test(forms.fold.slice(number.end, number.end + 8))) return null;
  if (countsSomething(forms, g, number)) return null;
  return { ...elliptical(forms, number, previous)!, scale: number.scale, scaleWord: number.scaleWord, per: null };
}

/** Whether a figure ends an item of a list separated by semicolons: "Turismo, 3 milioni;". */
function listItem(forms: TextForms, end: number): boolean {
  let at = end;
  while (forms.fold[at] === ' ') at++;
  return forms.fold[at] === ';';
}

/**
 * A word right after a scaled figure that names what it counts rather than continuing the
 * clause ("3 billion people"): a word the language's clause words do not list. Elided words
 * ("d'ici", "l'an") let the clause go on.
 */
function nounFollows(forms: TextForms, g: Grammar, at: number): boolean {
  let end = at;
  while (end < forms.key.length && (isLetter(forms.key.charCodeAt(end)) || forms.key[end] === "'")) end++;
  if (forms.key.slice(at, end).includes("'")) return false;
  return g.clauseWords.longest(forms.key, forms.fold, at) === null;
}

function trimBack(fold: string, at: number): number {
  let i = at;
  while (i > 0 && fold[i - 1] === ' ') i--;
  return i;
}

function isPhrase(trie: Grammar['rangeConnectors'], text: string): boolean {
  if (!text) return false;
  const found = trie.longest(text, text, 0);
  return found !== null && found.end === text.length;
}

/** A bare number valued in the amount's currency, and its scale when it printed none. */
export function elliptical(forms: TextForms, number: BareNumber, amount: AmountSpan, inheritScale = true): AmountSpan | null {
  const ownScale = number.scale !== null;
  // "de 2024 à 3 milliards", "en 2023, 5 000 et 10 000 wons": a year is not a member.
  if (!ownScale && /^(?:19|20)\d\d$/.test(forms.fold.slice(number.start, number.end))) return null;
  // "entre 72 et 76 cents US": the low end is in cents too.
  const power = (ownScale || !inheritScale ? 0 : (amount.scale ?? 0)) - (amount.inSubunit && !ownScale ? 2 : 0);
  const value = normalise(multiply(number.decimal, pow10(power)));
  if (value.mantissa === 0n) return null;
  return {
    start: number.start,
    end: number.end,
    currency: amount.currency,
    decimal: value,
    scale: ownScale ? number.scale : inheritScale ? amount.scale : null,
    scaleWord: ownScale ? number.scaleWord : inheritScale ? amount.scaleWord : null,
    precision: number.precision + power,
    approx: false,
    bound: null,
    ambiguous: amount.ambiguous,
    per: amount.per,
    range: null,
    language: amount.language,
    elliptical: true,
  };
}
