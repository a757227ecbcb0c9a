import { SHARED_CURRENCIES } from '../../lang/shared/index.js';
import type { Span } from '../../document.js';
import { type Decimal, decimalFromParts, divide, toNumber } from '../decimal.js';
import type { AmountSpan, BareNumber } from '../find-amounts.js';
import type { Grammar } from '../compile-grammar.js';
import { plausibleRate } from '../typical-rates.js';
import { countBelow } from '../../util/span-at.js';
import { matchKey } from '../match-key.js';
import { conjunctionEndsAt, containsPhrase, earlier, grammarAt, isListGap, previousSentence, sentenceAt } from './clauses.js';
import { namesAnother, namesOtherThan } from './currency-mentions.js';
import { LEVEL_NEAR, LOOKBACK, toRate } from './plausible-rates.js';
import type { Figure, RateContext, RateSpan } from './rate-types.js';

// The passes after the quotes are found: figures that are rates only because of a quote the
// article made (the other end of its range, the same level again, a level near it).

/** How long the gap between two quotes sharing a base may be ("… à la vente et contre …"). */
const SHARED_BASE_GAP = 40;

/** How near the quote after it a figure sharing its base must be: a counter's two prices. */
const SHARED_BASE_NEAR = 0.25;

/**
 * "23 400 dinars à la vente et 23 200 dinars à l'achat pour 100 dollars": a figure in the
 * currency of the quote after it, joined to it by a conjunction, near its level and with no other
 * currency named between, shares its base.
 */
export function sharedBaseBefore(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[], notAmounts: Set<number>): void {
  const byStart = new Map(rates.map((r) => [r.start, r]));
  const byEnd = new Map<number, number>();
  amounts.forEach((a, i) => byEnd.set(a.end, i));
  amounts.forEach((a, i) => {
    const next = amounts[i + 1];
    if (!next || notAmounts.has(i) || a.scale !== null || next.start - a.end > SHARED_BASE_GAP) return;
    const rate = byStart.get(next.start);
    const currency = ctx.resolve(a.currency);
    if (!rate || rate.repeat || rate.figureCurrency !== currency) return;
    const g = grammarAt(ctx.segments, a.start);
    if (!g || sentenceAt(ctx.sentences, ctx.segments, a.start).end < next.start) return;
    if (Math.abs(toNumber(a.decimal) / toNumber(rate.figure) - 1) > SHARED_BASE_NEAR) return;
    let joined = false;
    for (let c = a.end; c < next.start && !joined; c++) if (ctx.forms.fold[c] === ' ' && conjunctionEndsAt(ctx.forms, g, c)) joined = true;
    if (!joined || /\d/.test(ctx.forms.fold.slice(a.end, next.start)) || namesAnother(ctx, g, byEnd, a.end, next.start)) return;
    rates.push(sameLevelAs(rate, a, a.decimal, rate.earlier));
    notAmounts.add(i);
  });
}

/** How far apart the two ends of a range of rates may be. */
const RANGE_SPAN = 3;

/** "un dollar entre 1 420 et 1 500 wons": the other end of a range of a rate is a rate of the same pair. */
export function rangeEndRates(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[], notAmounts: Set<number>): void {
  const byStart = new Map(rates.map((r) => [r.start, r]));
  amounts.forEach((a, i) => {
    if (!a.range || notAmounts.has(i) || a.scale !== null) return;
    const other = amounts[a.range.other];
    const rate = other ? byStart.get(other.start) : undefined;
    if (!rate || !notAmounts.has(a.range.other)) return;
    const figure: Figure = { start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: i };
    const priced = figure.currency === rate.quote ? rate.base : figure.currency === rate.base ? rate.quote : null;
    if (!priced) return;
    const candidate = toRate(priced, figure.currency!, figure, toNumber(rate.figure) / toNumber(rate.value) > 50 ? 100 : 1, rate.earlier);
    // Near its other end ("de 1,21 à 2 reais par dollar" in 1999), or near the pair's usual level.
    const span = toNumber(candidate.value) / (candidate.base === rate.base ? toNumber(rate.value) : 1 / toNumber(rate.value));
    if (!(span >= 1 / RANGE_SPAN && span <= RANGE_SPAN) && !plausibleRate(candidate.base, candidate.quote, toNumber(candidate.value), 2)) return;
    rates.push(candidate);
    notAmounts.add(i);
  });
}

/**
 * "tablaient sur un dollar à 1 300 à 1 350 wons … Hyundai avait bâti son plan sur 1 350 wons":
 * a figure that repeats a level the article quoted, in its currency, is that level again. A round
 * thousand is too common a price to be read so.
 */
export function repeatedLevels(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[], notAmounts: Set<number>): void {
  const levels = new Map<string, RateSpan>();
  for (const r of rates) if (r.figureCurrency !== null) levels.set(`${r.figureCurrency} ${toNumber(r.figure)}`, r);
  amounts.forEach((a, i) => {
    if (notAmounts.has(i) || a.scale !== null || a.per !== null || a.range) return;
    const value = toNumber(a.decimal);
    const currency = ctx.resolve(a.currency);
    const level = levels.get(`${currency} ${value}`);
    if (!level || value % 1000 === 0 || level.start === a.start) return;
    rates.push({ ...level, start: a.start, end: a.end, repeat: true });
    notAmounts.add(i);
  });
}

/**
 * '"… 1,350 won by the fourth quarter is not a stretch," said a strategist', after a sentence
 * quoting the rate: a figure in the currency just quoted, near the level quoted, in a sentence
 * that prices nothing, is a level too.
 */
export function levelsNearQuotes(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[], notAmounts: Set<number>): void {
  const byPosition = [...rates].sort((x, y) => x.start - y.start);
  amounts.forEach((a, i) => {
    if (notAmounts.has(i) || a.scale !== null || a.per !== null || a.range) return;
    const g = grammarAt(ctx.segments, a.start);
    if (!g) return;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, a.start);
    const previous = previousSentence(ctx.sentences, sentence);
    const from = previous ? previous.start : sentence.start;
    const currency = ctx.resolve(a.currency);
    const figure = toNumber(a.decimal);
    // "… un huard à 72 cents US. À 75 cents, …": an open currency ("cents", "$") is the one of
    // the level it repeats.
    const open = a.printed !== undefined ? SHARED_CURRENCIES.contexts[a.printed] : undefined;
    const sameCurrency = (c: string | null) => c === currency || (open !== undefined && c !== null && (c === open.default || open.alternatives.some((x) => x.code === c)));
    // "On a besoin de 1,54 $ canadien pour une livre. On est loin des 2,25 $ d'il y a trois ans":
    // a level dated earlier may be further from today's (asked only when such a quote is there).
    let near: RateSpan | undefined;
    let far: RateSpan | undefined;
    // The latest few quotes only: bounded work in a sentence of thousands.
    const last = countBelow(byPosition, a.start, (x) => x.start) - 1;
    for (let r = last; r >= Math.max(0, last - LOOKBACK) && byPosition[r]!.start >= from && !near; r--) {
      const q = byPosition[r]!;
      if (q.end > a.start || !sameCurrency(q.figureCurrency) || q.earlier) continue;
      const ratio = toNumber(q.figure) / figure;
      if (Math.abs(ratio - 1) <= LEVEL_NEAR) near = q;
      else if (!far && ratio <= COMPARED_SPAN && ratio >= 1 / COMPARED_SPAN) far = q;
    }
    const dated = !near && far !== undefined && earlier(ctx, g, { start: a.start, end: a.end, value: a.decimal, currency, amount: i }, sentence, sentence.start);
    if (dated) near = far;
    if (!near || containsPhrase(ctx.forms, g.priceVerbs, sentence.start, sentence.end, true)) return;
    rates.push(sameLevelAs(near, a, a.decimal, dated));
    notAmounts.add(i);
  });
}

/**
 * A figure read as another level of a quote's pair, in the quote's currency and units ("100
 * yens": 857,4 → 8.574; "4,53 yuans pour 100 yens, contre 4,41": 4,41 → 22.68 yens per yuan).
 */
export function sameLevelAs(near: RateSpan, at: Span, figure: Decimal, earlier: boolean): RateSpan {
  // A bare figure may have been read either way round ("kostete 0,7031 (0,7039) Euro" priced the
  // euro at 1,4222 dollars): it is in whichever currency makes its count of units nearer one.
  const inQuote =
    near.figureCurrency !== null
      ? near.quote === near.figureCurrency
      : Math.abs(Math.log(toNumber(near.figure) / toNumber(near.value))) <= Math.abs(Math.log(toNumber(near.figure) * toNumber(near.value)));
  const units = Math.max(1, Math.round(inQuote ? toNumber(near.figure) / toNumber(near.value) : toNumber(near.figure) * toNumber(near.value)));
  const value = inQuote ? (units === 1 ? figure : divide(figure, decimalFromParts(String(units)), 12)) : divide(decimalFromParts(String(units)), figure, 8);
  return { ...near, start: at.start, end: at.end, figure, value, earlier };
}

/**
 * "contre 47,01 et 47,14 respectivement", "à 50,81 pour l'achat, 50,97 pour la vente", "a 158,42
 * contro i 159,10 di ieri": a bare figure listed or compared right after a quote, near its level,
 * is a quote of the same pair. Linear in the
 * number of figures.
 */
export function listedLevels(ctx: RateContext, rates: RateSpan[], bare: readonly BareNumber[]): void {
  const sorted = [...rates].sort((x, y) => x.end - y.end);
  const ends = sorted.map((r) => r.end);
  const starts = new Set(rates.map((r) => r.start));
  let latest: RateSpan | null = null;
  for (const b of bare) {
    if (b.scale !== null || b.written || starts.has(b.start)) continue;
    const k = countBelow(ends, b.start + 1, (e) => e) - 1;
    let before = k >= 0 ? sorted[k]! : null;
    if (latest && latest.end <= b.start && (!before || latest.end > before.end)) before = latest;
    if (!before || b.start - before.end > LIST_GAP) continue;
    const g = grammarAt(ctx.segments, b.start);
    if (!g || !(isListGap(ctx.forms, g, listEnd(ctx, g, before.end, b.start), b.start) || comparedGap(ctx, g, before, b.start) || rangeBetween(ctx, g, before.start, before.end, b.start))) continue;
    // "… et 1,2 %": a percentage is no level.
    let after = b.end;
    while (ctx.forms.fold[after] === ' ') after++;
    if (g.percentWords.longest(ctx.forms.key, ctx.forms.fold, after)) continue;
    const ratio = toNumber(b.decimal) / toNumber(before.figure);
    // A level compared with ("560 pesos per un dollaro contro i 280 del cambio ufficiale") or at
    // the other end of a move may be further from it than a listed one.
    const compared = !isListGap(ctx.forms, g, listEnd(ctx, g, before.end, b.start), b.start);
    if (!(Math.abs(ratio - 1) <= LEVEL_NEAR) && !(compared && ratio >= 1 / COMPARED_SPAN && ratio <= COMPARED_SPAN)) continue;
    const rate = sameLevelAs(before, b, b.decimal, before.earlier);
    rates.push(rate);
    starts.add(b.start);
    latest = rate;
  }
}

/** How far after a quote a level split by a stray space may stand. */
const SPLIT_REACH = 160;

/**
 * "a atteint 7,6652 pour un dollar, … au taux de vendredi, qui s'élevait à 7, 6804": a bare level
 * whose decimal mark a stray space cut off its decimals, read whole when that is near the level of
 * a quote just before it (in place of the whole part read alone). Linear in the number of figures.
 */
export function splitBareLevels(ctx: RateContext, rates: RateSpan[], bare: readonly BareNumber[]): void {
  const { fold } = ctx.forms;
  const sorted = [...rates].sort((x, y) => x.end - y.end);
  const ends = sorted.map((r) => r.end);
  const byStart = new Map(rates.map((r, i) => [r.start, i]));
  for (let k = 0; k + 1 < bare.length; k++) {
    const whole = bare[k]!;
    const decimals = bare[k + 1]!;
    const g = grammarAt(ctx.segments, whole.start);
    if (!g || whole.scale !== null || decimals.scale !== null || whole.written || decimals.written) continue;
    if (fold.slice(whole.end, decimals.start) !== g.pack.digits.decimal + ' ') continue;
    const w = fold.slice(whole.start, whole.end);
    const d = fold.slice(decimals.start, decimals.end);
    if (!/^\d{1,3}$/.test(w) || !/^\d{2,4}$/.test(d)) continue;
    const joined = decimalFromParts(w, d);
    const before = sorted[countBelow(ends, whole.start + 1, (e) => e) - 1];
    if (!before || whole.start - before.end > SPLIT_REACH || before.start === whole.start) continue;
    if (!(Math.abs(toNumber(joined) / toNumber(before.figure) - 1) <= LEVEL_NEAR)) continue;
    const level = sameLevelAs(before, { start: whole.start, end: decimals.end }, joined, before.earlier);
    const at = byStart.get(whole.start);
    if (at !== undefined) rates[at] = level;
    else byStart.set(whole.start, rates.push(level) - 1);
  }
}

/** How far before a quote the low end of its range may end ("da 0,9280 a 0,9342"). */
const RANGE_GAP = 12;

/**
 * "il corso è passato da 0,9280 a 0,9342", "de 1 430,5 à 1 452": a bare figure that opens a range
 * whose high end is a quote, near its level, is a quote of the same pair. Linear in the number of
 * figures.
 */
export function rangeLowLevels(ctx: RateContext, rates: RateSpan[], bare: readonly BareNumber[]): void {
  const starts = new Set(rates.map((r) => r.start));
  for (const r of [...rates]) {
    if (r.repeat) continue;
    const b = bare[countBelow(bare, r.start + 1, (x) => x.end) - 1];
    if (!b || b.scale !== null || b.written || starts.has(b.start) || r.start - b.end > RANGE_GAP) continue;
    const g = grammarAt(ctx.segments, b.start);
    if (!g || !rangeBetween(ctx, g, b.start, b.end, r.start)) continue;
    const ratio = toNumber(b.decimal) / toNumber(r.figure);
    if (!(ratio >= 1 / RANGE_SPAN && ratio <= RANGE_SPAN)) continue;
    rates.push(sameLevelAs(r, b, b.decimal, r.earlier));
    starts.add(b.start);
  }
}

/**
 * Whether a range's or a move's opener stands before `lowStart` and only its connector between
 * `lowEnd` and `highStart`: "da 0,9280 a 0,9342", "der Yen ist von 160,245 auf 154 gefallen".
 */
function rangeBetween(ctx: RateContext, g: Grammar, lowStart: number, lowEnd: number, highStart: number): boolean {
  const { key, fold } = ctx.forms;
  const between = matchKey(key.slice(lowEnd, highStart).trim());
  let open = lowStart;
  while (open > 0 && fold[open - 1] === ' ') open--;
  const opener = g.rangeOpeners.longest(key, fold, open);
  return opener?.value.some((o) => matchKey(o.connector) === between) ?? false;
}

/** "a 158,42 contro i 159,10": only the language's comparing words stand between a quote and the level. */
function comparedGap(ctx: RateContext, g: Grammar, quote: RateSpan, to: number): boolean {
  const text = ctx.forms.key.slice(quote.end, to).trimEnd();
  // The comparing words end the gap; before them only the quote's own base may stand ("560 pesos
  // per un dollaro contro i 280"), no figure and no other currency.
  for (let p = 0; p < text.length; p++) {
    if (p > 0 && text[p - 1] !== ' ' && text[p - 1] !== ',') continue;
    const found = g.comparedWith.longest(text, text, p);
    if (!found || found.end !== text.length) continue;
    return !/\d/.test(text.slice(0, p)) && !namesOtherThan(ctx, g, quote.end, quote.end + p, [quote.base, quote.quote]);
  }
  return false;
}

/** How far from a quote a level compared with it may be (an official rate and a parallel one). */
const COMPARED_SPAN = 3;

/** How far after a quote the next figure of its list may start. */
const LIST_GAP = 40;

/** After a quote, the side of the counter it names ("pour l'achat") is part of it. */
function listEnd(ctx: RateContext, g: Grammar, end: number, to: number): number {
  const { key, fold } = ctx.forms;
  let at = end;
  while (fold[at] === ' ') at++;
  const side = g.rateSides.longest(key, fold, at);
  return side && side.end <= to ? side.end : end;
}
