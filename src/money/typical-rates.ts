import data from './data/typical-rates.json' with { type: 'json' };

const PER_USD: Readonly<Record<string, number>> = data.perUsd;

// Currencies that moved more than twofold since 2000: the lowest and highest levels per dollar.
const RANGE_PER_USD: Readonly<Record<string, readonly number[]>> = data.rangePerUsd;

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
 * The lowest and highest units of `quote` per one `base` since 2000 (the rough magnitude for a
 * currency that held its level), or null for a currency precis has no magnitude for.
 */
export function usualRange(base: string, quote: string): [number, number] | null {
  const b = PER_USD[base];
  const q = PER_USD[quote];
  if (b === undefined || q === undefined) return null;
  const [bLow, bHigh] = RANGE_PER_USD[base] ?? [b, b];
  const [qLow, qHigh] = RANGE_PER_USD[quote] ?? [q, q];
  return [qLow! / bHigh!, qHigh! / bLow!];
}

/**
 * Whether `rate` (quote per base) is within `factor` of the levels the pair has had: the test that
 * tells "1 431 wons pour un dollar" from a price in wons, and a misread "billion" from the right
 * one. A naira at 305 per dollar (2016) is as plausible as one at 1 500. Unknown currencies pass.
 */
export function plausibleRate(base: string, quote: string, rate: number, factor = 3): boolean {
  const range = usualRange(base, quote);
  if (range === null || !Number.isFinite(rate) || rate <= 0) return range === null;
  return rate <= range[1] * factor && rate >= range[0] / factor;
}
