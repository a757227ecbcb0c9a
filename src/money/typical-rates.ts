import data from './data/typical-rates.json' with { type: 'json' };

const PER_USD: Readonly<Record<string, number>> = data.perUsd;

// Market convention: the first of these in a pair is the base (EUR/USD, USD/KRW, EUR/KRW…).
const BASE_ORDER = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF', 'CNY', 'HKD', 'SGD', 'TWD', 'JPY', 'INR', 'KRW'];

/** Rank of a currency as the base of a quote; currencies not listed come after, alphabetically. */
export function basePriority(code: string): number {
  const i = BASE_ORDER.indexOf(code);
  return i === -1 ? BASE_ORDER.length : i;
}

/** [base, quote] of two currencies in market convention. */
export function marketOrder(a: string, b: string): [string, string] {
  const pa = basePriority(a);
  const pb = basePriority(b);
  if (pa !== pb) return pa < pb ? [a, b] : [b, a];
  return a <= b ? [a, b] : [b, a];
}

/** Rough units of `quote` per one `base`, or null for a currency precis has no magnitude for. */
export function typicalRate(base: string, quote: string): number | null {
  const b = PER_USD[base];
  const q = PER_USD[quote];
  return b === undefined || q === undefined ? null : q / b;
}

/**
 * Whether `rate` (quote per base) is within `factor` of the rough magnitude: the test that tells
 * "1 431 wons pour un dollar" from a price in wons, and a misread "billion" from the right one.
 * Unknown currencies pass.
 */
export function plausibleRate(base: string, quote: string, rate: number, factor = 3): boolean {
  const typical = typicalRate(base, quote);
  if (typical === null || !Number.isFinite(rate) || rate <= 0) return typical === null;
  const ratio = rate / typical;
  return ratio <= factor && ratio >= 1 / factor;
}
