import { countsSomething, elliptical, takeEllipticals, type AmountSpan, type BareNumber, type FoundAmounts, type TextForms } from './find-amounts.js';
import { moneyCounted, moneyCueAfter, moneyCueBefore, moneyNounAfter } from './money-cues.js';
import { countBelow } from '../util/span-at.js';
import { toNumber } from './decimal.js';
import { isWordUnit } from './match-key.js';
import type { Grammar } from './compile-grammar.js';

// Budget and results copy names its currency once, or only in another paragraph: "Il decreto vale
// 45 miliardi", a headline "Export a 612 miliardi" over a body in euros, "la deuda neta se situó
// en los 5.498 millones" three paragraphs after "millones de euros".

/** How many bare numbers before a carried figure may be its range's low end or its list. */
const PENDING = 8;

/** How many amounts before (and after) a figure are looked at for its currency. */
const SOURCE_LOOKAROUND = 24;

/** How far from the amount it takes its currency from a figure may be. */
const SOURCE_REACH = 4000;

/**
 * Scaled figures with no currency in a clause about money take the currency of the nearest amount
 * of the article in their language with the same scale word (before them, else after them: a
 * headline comes before the body that names the currency), else of any scale. A figure that
 * counts something ("51 millions d'habitants") stays a number unless what it counts is money
 * ("80 milioni di disavanzo"). Adds the amounts to `found` (kept in text order, ranges relinked);
 * linear in the number of figures.
 */
export function carryArticleCurrency(forms: TextForms, found: FoundAmounts): AmountSpan[] {
  const { amounts } = found;
  const added: AmountSpan[] = [];
  const assumed: AmountSpan[] = [];
  const printsCurrency = new Set(amounts.map((a) => a.language));
  const homes = new Map<Grammar, string>();
  // Carried amounts and the bare numbers before them that are their range's low end or list.
  const groups: Array<{ lows: AmountSpan[]; high: AmountSpan; range: boolean }> = [];
  const withLows = (k: number, carried: AmountSpan): AmountSpan[] => {
    const number = found.bare[k]!;
    const pending = found.bare.slice(Math.max(0, k - PENDING), k).filter((b) => b.grammar === number.grammar && b.scale === null && !covered(b));
    const lows = takeEllipticals(forms, number.grammar, pending, carried, undefined);
    const members = lows.members.map((m) => ({ ...m, currencyFrom: carried.currencyFrom, per: null }));
    if (members.length > 0) groups.push({ lows: members, high: carried, range: lows.range });
    return members;
  };
  const covered = (b: BareNumber): boolean => {
    const at = countBelow(amounts, b.end, (a) => a.start);
    return at > 0 && amounts[at - 1]!.end > b.start;
  };
  for (const [k, number] of found.bare.entries()) {
    if (number.scale === null || number.scaleWord?.needsSymbol) continue;
    const g = number.grammar;
    if (g.moneyCues.count === 0) continue;
    const at = countBelow(amounts, number.end, (a) => a.start);
    const before = amounts[at - 1];
    if (before && before.end > number.start) continue;
    if (countsSomething(forms, g, number) && !moneyCounted(forms, g, number.end) && !moneyNounAfter(forms, g, number.end)) continue;
    if (!moneyCueBefore(forms, g, number.start) && !moneyCounted(forms, g, number.end) && !moneyCueAfter(forms, g, number.end) && !bracketedAlone(forms, number) && !labelledLine(forms, number)) continue;
    const source = sourceOf(forms, amounts, at, number);
    if (source) {
      const carried = elliptical(forms, number, source, false);
      if (carried) {
        const amount: AmountSpan = { ...carried, per: null, currencyFrom: 'article' };
        added.push(...withLows(k, amount), amount);
      }
      continue;
    }
    // Results copy that never names its currency ("ricavi a 38.991 milioni", "la deuda neta se
    // situó en los 5.498 millones") is in the currency the language's press reports in.
    if (!g.pack.homeCurrency || printsCurrency.has(number.language)) continue;
    let home = homes.get(g);
    if (home === undefined) {
      home = homeCurrencyOf(forms, g);
      homes.set(g, home);
    }
    const carried = elliptical(forms, number, homeAmount(home, number.language), false);
    if (carried) {
      const amount: AmountSpan = { ...carried, per: null, elliptical: false, currencyFrom: 'language' };
      assumed.push(...withLows(k, amount), amount);
    }
  }
  added.push(...assumed, ...bracketCompanions(forms, found));
  if (added.length > 0) merge(found, added);
  // "tra 23 e 25 miliardi": the low end and the high end of a carried range know each other.
  if (groups.length > 0) {
    const index = new Map(found.amounts.map((a, i) => [a, i]));
    for (const { lows, high, range } of groups) {
      if (!range) continue;
      const low = index.get(lows[lows.length - 1]!);
      const top = index.get(high);
      if (low === undefined || top === undefined) continue;
      found.amounts[low]!.range = { role: 'low', other: top };
      found.amounts[top]!.range = { role: 'high', other: low };
    }
  }
  return assumed;
}

/** How many mentions of a place make an article's press report in that place's currency. */
const HOME_PLACE_MENTIONS = 2;

/**
 * The currency the article's press reports in: the language's own, or that of places it names
 * (Swiss Italian copy, "il Cantone", in francs). One pass over the word starts.
 */
function homeCurrencyOf(forms: TextForms, g: Grammar): string {
  const counts = new Map<string, number>();
  const { key, fold } = forms;
  for (let i = 0; i < key.length; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1))) continue;
    const found = g.homePlaces.longest(key, fold, i, { accept: (end) => !isWordUnit(key.charCodeAt(end)) });
    if (!found) continue;
    counts.set(found.value, (counts.get(found.value) ?? 0) + 1);
    i = found.end - 1;
  }
  let best = g.pack.homeCurrency!;
  let most = HOME_PLACE_MENTIONS - 1;
  for (const [code, n] of counts) {
    if (n > most) {
      best = code;
      most = n;
    }
  }
  return best;
}

/** How far back the bracket a figure stands in may open. */
const BRACKET_REACH = 60;

/**
 * "le scuole (700 milioni)", "il Terzo valico (398 milioni nel 2020, 532 milioni nel 2021)": a
 * scaled figure alone in a bracket, but for a year, in an article about money is a sum.
 */
function bracketedAlone(forms: TextForms, number: BareNumber): boolean {
  const { fold } = forms;
  let before = number.start;
  while (before > 0 && fold[before - 1] === ' ') before--;
  const opener = fold[before - 1];
  if (opener !== '(' && opener !== ',') return false;
  if (opener === ',') {
    // Inside a bracket still open: "(398 milioni nel 2020, 532 milioni …".
    const back = fold.slice(Math.max(0, before - BRACKET_REACH), before);
    const open = back.lastIndexOf('(');
    if (open === -1 || back.indexOf(')', open) !== -1) return false;
  }
  return /^\s*(?:\p{L}{1,4}\s+(?:19|20)\d\d\s*)?[),]/u.test(fold.slice(number.end, number.end + 16));
}

/** How long a labelled line of a list of sums may be before its figure. */
const LABEL_LENGTH = 60;

/**
 * "Automóviles: 171 millones", a line of its own under "Estas son las multas más voluminosas": a
 * scaled figure that ends a short line after a label and a colon is one of a list of sums.
 */
function labelledLine(forms: TextForms, number: BareNumber): boolean {
  const { fold } = forms;
  let end = number.end;
  while (fold[end] === ' ' || fold[end] === '.') end++;
  if (end < fold.length && fold[end] !== '\n') return false;
  const from = Math.max(0, number.start - LABEL_LENGTH);
  const line = fold.slice(from, number.start);
  const start = line.lastIndexOf('\n');
  if (start === -1 && from > 0) return false;
  const label = line.slice(start + 1);
  return /^[^\d:\n]{2,}:\s*$/.test(label);
}

/** What a figure takes its currency from when its language's press has one it reports in. */
function homeAmount(currency: string, language: string): AmountSpan {
  return { start: 0, end: 0, currency, decimal: { mantissa: 1n, exponent: 0 }, scale: null, scaleWord: null, precision: 0, approx: false, bound: null, ambiguous: false, per: null, range: null, language, elliptical: false };
}

/** How far after a price its bracket may open, and how long the bracket may be. */
const BRACKET_OPENS = 3;
const BRACKET_LENGTH = 120;

/** How near the price before them bracketed figures must be to be other prices of it. */
const COMPANION_NEAR = 1.5;

/**
 * "la benzina self service a 1,832 euro/litro (-2 millesimi, compagnie 1,836, pompe bianche
 * 1,824)": bare figures in a bracket right after a price, near it and not signed as a move, are
 * the same kind of price (its currency, its unit).
 */
function bracketCompanions(forms: TextForms, found: FoundAmounts): AmountSpan[] {
  const { fold } = forms;
  const out: AmountSpan[] = [];
  const bare = found.bare;
  for (const a of found.amounts) {
    if (a.scale !== null) continue;
    const end = Math.max(a.end, a.per?.end ?? 0);
    let open = end;
    while (open < end + BRACKET_OPENS && fold[open] === ' ') open++;
    if (fold[open] !== '(') continue;
    // Looked for within reach only: bounded work in a text of many unclosed brackets.
    const within = fold.slice(open, open + BRACKET_LENGTH + 1).indexOf(')');
    if (within === -1) continue;
    const close = open + within;
    // "10 000 yens (8 600, 42 900 et 85 700 wons)": a bracket that prints an amount is an equivalent.
    const inside = countBelow(found.amounts, open, (x) => x.start);
    if (found.amounts[inside] && found.amounts[inside]!.start < close) continue;
    const value = toNumber(a.decimal);
    for (let k = countBelow(bare, open, (b) => b.start); k < bare.length && bare[k]!.start < close; k++) {
      const b = bare[k]!;
      if (b.scale !== null || b.written || b.end > close) continue;
      const sign = fold[b.start - 1];
      if (sign === '-' || sign === '+' || sign === '−' || sign === '±') continue;
      let next = b.end;
      while (fold[next] === ' ') next++;
      if (fold[next] !== ',' && fold[next] !== ')' && fold[next] !== ';') continue;
      const ratio = toNumber(b.decimal) / value;
      if (!(ratio <= COMPANION_NEAR && ratio >= 1 / COMPANION_NEAR)) continue;
      const companion = elliptical(forms, b, a, false);
      if (companion) out.push({ ...companion, per: a.per });
    }
  }
  return out;
}

/** The amount whose currency a figure takes: same language, same scale word first; before, then after. */
function sourceOf(forms: TextForms, amounts: readonly AmountSpan[], at: number, number: BareNumber): AmountSpan | null {
  // An equivalent in brackets is in another currency than the amount it converts: "1,6 milliard
  // (2,54 milliards de dollars néo-zélandais)" names no currency for the 1,6 milliard.
  const bracketed = (a: AmountSpan) => /\(\s*$/.test(forms.fold.slice(Math.max(0, a.start - 3), a.start));
  const usable = (a: AmountSpan | undefined): a is AmountSpan => a !== undefined && a.language === number.language && !a.elliptical && Math.abs(a.start - number.start) <= SOURCE_REACH && !bracketed(a);
  const sameScale = (a: AmountSpan) => a.scale === number.scale;
  let anyBefore: AmountSpan | null = null;
  for (let k = at - 1; k >= Math.max(0, at - SOURCE_LOOKAROUND); k--) {
    const a = amounts[k];
    if (!usable(a)) continue;
    if (sameScale(a)) return a;
    anyBefore ??= a;
  }
  let anyAfter: AmountSpan | null = null;
  for (let k = at; k < Math.min(amounts.length, at + SOURCE_LOOKAROUND); k++) {
    const a = amounts[k];
    if (!usable(a)) continue;
    if (sameScale(a)) return a;
    anyAfter ??= a;
  }
  return anyBefore ?? anyAfter;
}

/** Adds amounts, keeping the list in text order and the indices ranges link by. */
function merge(found: FoundAmounts, added: AmountSpan[]): void {
  const all = [...found.amounts.map((a, i) => ({ a, old: i })), ...added.map((a) => ({ a, old: -1 }))];
  all.sort((x, y) => x.a.start - y.a.start);
  const index = new Map<number, number>();
  all.forEach((x, i) => {
    if (x.old !== -1) index.set(x.old, i);
  });
  found.amounts.length = 0;
  for (const { a } of all) {
    if (a.range) a.range = { ...a.range, other: index.get(a.range.other)! };
    found.amounts.push(a);
  }
}
