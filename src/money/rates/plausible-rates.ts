import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import { decimalFromParts, divide, toNumber } from '../decimal.js';
import type { AmountSpan } from '../find-amounts.js';
import { marketOrder, plausibleRate, typicalRate, usualRange } from '../typical-rates.js';
import type { RateSpan, Figure, RateContext } from './rate-types.js';
import { isChange } from './clauses.js';

// Whether a figure is near what one currency usually costs in another, and how far from it a
// reading may be by how plainly the text states its base.

/** Whether an amount could be a rate figure or a change: a plausible rate against a currency named around it, or a move. */
export function couldBeRate(ctx: RateContext, g: Grammar, a: AmountSpan, named: ReadonlySet<string>): boolean {
  const figure: Figure = { start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: -1 };
  if (isChange(ctx.forms, g, figure)) return true;
  const value = toNumber(a.decimal);
  return [...named].some((c) => c !== figure.currency && (plausibleFor(c, figure.currency!, value) || plausibleFor(c, figure.currency!, value / 100)));
}

/** A figure in a currency larger than a quarter of what a dollar is worth in it cannot be a change of a rate. */
export function tooLargeForChange(f: Figure): boolean {
  if (f.currency === null || f.currency === 'USD') return false;
  const usual = typicalRate('USD', f.currency);
  // A currency that has moved far may stand at the top of its range: "acumula una caída de $240"
  // from a peak of $1.255 is a change of the Argentine peso.
  const high = Math.max(usual ?? 0, usualRange('USD', f.currency)?.[1] ?? 0);
  return usual !== null && toNumber(f.value) > high / 4;
}

/** A figure under this share of the usual rate, in a sentence about the rate, is a change of it. */
export const CHANGE_SHARE = 0.05;

export function toRate(base: string, quote: string, f: Figure, units: number, past = false): RateSpan {
  // "100 yens valaient 926,2 wons": 9.262 wons for one yen.
  let value = units === 1 ? f.value : divide(f.value, decimalFromParts(String(units)), 12);
  let [b, q] = [base, quote];
  const [marketBase] = marketOrder(base, quote);
  if (marketBase !== base) {
    value = divide(decimalFromParts('1'), value, 8);
    [b, q] = [quote, base];
  }
  return { base: b, quote: q, value, start: f.start, end: f.end, figure: f.value, figureCurrency: f.currency, earlier: past };
}

/**
 * Of the currencies a bare figure quoted against `base` may be in, and the two ways it may price
 * (units of it per base, or units of base per it), the plausible reading nearest a usual rate.
 */
export function nearestReading(base: string, units: number, value: number, pool: readonly string[]): { other: string; inSubject: boolean } | null {
  let best: { other: string; inSubject: boolean; distance: number } | null = null;
  for (const c of pool) {
    const readings: Array<[boolean, string, string, number]> = [
      [false, base, c, value / units],
      [true, c, base, value],
    ];
    for (const [inSubject, b, q, v] of readings) {
      if (!plausibleFor(b, q, v)) continue;
      const distance = offUsual(b, q, v);
      if (!best || distance < best.distance) best = { other: c, inSubject, distance };
    }
  }
  return best && { other: best.other, inSubject: best.inSubject };
}

/**
 * "… between 1,390 and 1,430 won per dollar. … the pair could test 1,450 won": a figure near a
 * quote of the sentence before (or of its own, before it) in the same currency prices the same pair.
 */
export function nearPrevious(rates: readonly RateSpan[], from: Span, f: Figure, quote: string): string | undefined {
  const value = toNumber(f.value);
  let found: string | undefined;
  // "le seuil des 1 470 wons" after a sentence that quoted the euro at 1 584,6 wons: the same level
  // quoted before for another pair ("le dollar frôle les 1 470 wons") says the pair better.
  let nearest: { code: string; distance: number } | undefined;
  const from0 = Math.max(0, rates.length - LOOKBACK);
  for (let i = from0; i < rates.length; i++) {
    const r = rates[i]!;
    if (r.end > f.start || r.figureCurrency !== quote) continue;
    const distance = Math.abs(toNumber(r.figure) / value - 1);
    const code = r.base === quote ? r.quote : r.base;
    if (r.start >= from.start && distance <= NEAR_PREVIOUS) found = code;
    if (!r.earlier && distance <= NEAR_QUOTED && (!nearest || distance < nearest.distance)) nearest = { code, distance };
  }
  return nearest?.code ?? found;
}

/** A figure equal to a level the article quoted (within rounding) prices that quote's pair. */
export const NEAR_QUOTED = 1e-9;

/** How near the figure of a quote before a figure must be for the two to price the same pair. */
export const NEAR_PREVIOUS = 0.15;

/**
 * Of some currencies, the one a figure in `quote` prices nearest its usual level (the yen per
 * hundred; a bare figure may also be the other way round), among those it prices plausibly.
 */
export function nearestUsual(candidates: readonly string[], quote: string, value: number, bare: boolean): string | undefined {
  let best: { code: string; distance: number } | undefined;
  for (const c of new Set(candidates)) {
    const readings = [value, ...(c === 'JPY' ? [value / 100] : [])];
    for (const v of readings) {
      if (typicalRate(c, quote) === null || !plausibleFor(c, quote, v)) continue;
      const distance = offUsual(c, quote, v);
      if (!best || distance < best.distance) best = { code: c, distance };
    }
    if (bare && plausibleFor(quote, c, value)) {
      const distance = offUsual(quote, c, value);
      if (!best || distance < best.distance) best = { code: c, distance };
    }
  }
  return best?.code;
}

/** The other currency of the latest quote before a figure that has `code` in it, if any. */
export function latestCounterpart(rates: readonly RateSpan[], code: string, f: Figure): string[] {
  // The latest quotes only: bounded work in an article of thousands of quotes.
  for (let i = rates.length - 1; i >= Math.max(0, rates.length - LOOKBACK); i--) {
    const r = rates[i]!;
    if (r.end <= f.start && (r.base === code || r.quote === code)) return [r.base === code ? r.quote : r.base];
  }
  return [];
}

/** How many of the latest quotes a figure is compared with. */
export const LOOKBACK = 64;

/** How near a level named without a currency must be to a quoted rate ("the 1,410 line"). */
export const LEVEL_NEAR = 0.1;

/**
 * "100 yens valaient 857,4 wons": a currency worth little is quoted per hundred; "un billet de 100
 * dollars s'échange contre 146 500 wons" is a sum converted, not a quote.
 */
export function quotedPerHundred(code: string): boolean {
  const perDollar = typicalRate('USD', code);
  return perDollar !== null && perDollar >= PER_HUNDRED_BELOW;
}

/** Currencies of which a dollar buys at least this many are quoted per hundred units. */
export const PER_HUNDRED_BELOW = 20;

/** Currencies of which a dollar buys at least this many may be quoted per thousand ("1 000 wons pour 0,59 franc"). */
const PER_THOUSAND_BELOW = 500;

/** Whether `units` of a currency is a count a quote's base may be: one, or a hundred or a thousand of a small unit. */
export function baseUnits(units: number, code: string): boolean {
  if (units === 1) return true;
  if (units === 100) return quotedPerHundred(code);
  const perDollar = typicalRate('USD', code);
  return units === 1000 && perDollar !== null && perDollar >= PER_THOUSAND_BELOW;
}

/** How far (a natural log) units of `quote` per `base` are from their usual level; Infinity when unknown. */
export function offUsual(base: string, quote: string, value: number): number {
  const usual = typicalRate(base, quote);
  return usual === null ? Infinity : Math.abs(Math.log(value / usual));
}

export function plausibleFor(base: string, quote: string, value: number, factor = 2): boolean {
  const [b, q] = marketOrder(base, quote);
  return plausibleRate(b, q, b === base ? value : 1 / value, factor);
}

/**
 * How far from its usual level a rate after a marker that names no unit ("3,25 $ la livre" is a
 * price per pound of syrup; "1 900 wons la livre" is sterling) may be.
 */
export const WEAK_BASE_FACTOR = 1.5;

/** How far from its usual level a rate given with an explicit unit ("pour un dollar") may be. */
export const HISTORICAL_FACTOR = 20;

/** How far from today's a level stated after its subject's verb may be: records of decades ago. */
export const STATED_LEVEL_FACTOR = 4;
