import { type Decimal, toNumber } from './decimal.js';
import type { PairRate } from './amount-types.js';
import type { AmountSpan } from './find-amounts.js';

/** Two amounts printed as equivalents: "A (B)", "A, soit B", "A, ou B", "A (environ B)". */
export interface PairLink {
  /** Indexes into the amounts, in printed order. */
  a: number;
  b: number;
}

export type PairAssessment = PairRate;

export interface PairOptions {
  /** Deviation from the consensus, in percent, above which a pair is inconsistent. @default 5 */
  tolerance?: number;
}

// Market convention for which currency is the base of a quote (EUR/USD, USD/KRW, EUR/KRW…).
const BASE_PRIORITY = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF', 'CNY', 'HKD', 'SGD', 'TWD', 'JPY', 'INR', 'KRW'];

const CONNECTOR =
  /^\s*(?:\(\s*(?:(?:soit|environ|about|approx\.?|approximately|ou|or|i\.e\.|c'est-à-dire|près de|pres de|quelque|some|around|roughly|nearly|presque|entre|between)\s+)*|[,;]?\s*(?:[—–-]\s*)?(?:soit|ou|or|c'est-à-dire|i\.e\.|équivalant à|equivalent to|l'équivalent de)\s+(?:(?:environ|près de|pres de|about|some|quelque|around|roughly|nearly|entre|between|de)\s+)*)$/iu;

/** Finds amounts presented as equivalents of each other. `text` is the matching form of the text. */
export function linkPairs(text: string, amounts: readonly AmountSpan[]): PairLink[] {
  const links: PairLink[] = [];
  const used = new Set<number>();
  for (let i = 0; i < amounts.length - 1; i++) {
    const a = amounts[i]!;
    const b = amounts[i + 1]!;
    if (used.has(i) || a.currency === b.currency) continue;
    if (!CONNECTOR.test(text.slice(a.end, b.start))) continue;
    if ((a.per === null) !== (b.per === null)) continue;
    if (a.range?.role === 'high' && b.range?.role === 'low') {
      // "entre 3 000 et 4 000 milliards de wons, soit entre 2,1 et 2,8 milliards de dollars":
      // low with low, high with high.
      const aLow = a.range.other;
      const bHigh = b.range.other;
      links.push({ a: aLow, b: i + 1 }, { a: i, b: bHigh });
      used.add(aLow).add(i).add(i + 1).add(bHigh);
      continue;
    }
    if (a.range || b.range) continue;
    links.push({ a: i, b: i + 1 });
    used.add(i).add(i + 1);
  }
  return links;
}

/**
 * Rates, the interval each pair's rounding allows, and agreement with the other pairs of the
 * same two currencies: the largest set of pairs whose intervals share a rate is the consensus
 * (ties go to the set nearest the precision-weighted median); a pair outside it, or further
 * than `tolerance` percent from the consensus rate, is inconsistent.
 */
export function assessPairs(amounts: readonly AmountSpan[], links: readonly PairLink[], options: PairOptions = {}): PairAssessment[] {
  const tolerance = options.tolerance ?? 5;
  const raw = links.map((link) => {
    const first = amounts[link.a]!;
    const second = amounts[link.b]!;
    const [base, quote] = baseFirst(first, second);
    const rate = toNumber(quote.decimal) / toNumber(base.decimal);
    const rateRange = interval(quote, base);
    return { link, base, quote, rate, rateRange, key: `${base.currency}/${quote.currency}` };
  });
  const out: PairAssessment[] = [];
  const groups = new Map<string, typeof raw>();
  for (const r of raw) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  const byLink = new Map<PairLink, PairAssessment>();
  for (const group of groups.values()) {
    const { members, consensus } = findConsensus(group.map((g) => ({ rate: g.rate, range: g.rateRange })));
    group.forEach((g, i) => {
      const deviation = ((g.rate - consensus) / consensus) * 100;
      const agrees = group.length === 1 || members.has(i);
      byLink.set(g.link, {
        ...g.link,
        base: g.base.currency,
        quote: g.quote.currency,
        rate: round(g.rate),
        rateRange: [round(g.rateRange[0]), round(g.rateRange[1])],
        consistent: agrees && Math.abs(deviation) <= tolerance,
        deviation: Math.round(deviation * 100) / 100,
        consensus: round(consensus),
      });
    });
  }
  for (const link of links) out.push(byLink.get(link)!);
  return out;
}

function baseFirst(x: AmountSpan, y: AmountSpan): [AmountSpan, AmountSpan] {
  const px = priority(x.currency);
  const py = priority(y.currency);
  return px <= py ? [x, y] : [y, x];
}

function priority(code: string): number {
  const i = BASE_PRIORITY.indexOf(code);
  return i === -1 ? BASE_PRIORITY.length : i;
}

function halfUnit(a: AmountSpan): number {
  return 10 ** a.precision / 2;
}

/** Quote/base ratio over the rounding of both figures. */
function interval(quote: AmountSpan, base: AmountSpan): [number, number] {
  const q = toNumber(quote.decimal);
  const b = toNumber(base.decimal);
  const dq = halfUnit(quote);
  const db = halfUnit(base);
  return [(q - dq) / (b + db), b - db > 0 ? (q + dq) / (b - db) : Infinity];
}

interface Candidate {
  rate: number;
  range: [number, number];
}

function findConsensus(candidates: Candidate[]): { members: Set<number>; consensus: number } {
  // Weight each pair by the precision of its figures: a rate from "728 000 / 506" beats one
  // from "66 300 / 46".
  const weights = candidates.map((c) => 1 / Math.max(1e-9, (c.range[1] - c.range[0]) / c.rate));
  const median = weightedMedian(candidates.map((c) => c.rate), weights);
  // Each maximal set of intervals sharing a point starts at some interval's lower end. Among
  // sets of the largest size, the one whose rates agree most closely wins ("the rate the other
  // pairs agree on"); then the one nearest the precision-weighted median.
  let best: { members: Set<number>; low: number; high: number; spread: number; distance: number } | null = null;
  for (const c of candidates) {
    const point = c.range[0];
    const members = new Set<number>();
    let low = -Infinity;
    let high = Infinity;
    candidates.forEach((d, i) => {
      if (d.range[0] <= point + 1e-12 && d.range[1] >= point - 1e-12) {
        members.add(i);
        low = Math.max(low, d.range[0]);
        high = Math.min(high, d.range[1]);
      }
    });
    const rates = [...members].map((i) => candidates[i]!.rate);
    const spread = (Math.max(...rates) - Math.min(...rates)) / Math.min(...rates);
    const distance = median < low ? low - median : median > high ? median - high : 0;
    const better =
      !best ||
      members.size > best.members.size ||
      (members.size === best.members.size && (spread < best.spread - 1e-9 || (Math.abs(spread - best.spread) <= 1e-9 && distance < best.distance)));
    if (better) best = { members, low, high, spread, distance };
  }
  if (!best || best.members.size < 2) return { members: new Set(), consensus: median };
  let sum = 0;
  let weight = 0;
  for (const i of best.members) {
    sum += candidates[i]!.rate * weights[i]!;
    weight += weights[i]!;
  }
  const mean = sum / weight;
  return { members: best.members, consensus: Math.min(best.high, Math.max(best.low, mean)) };
}

function weightedMedian(values: number[], weights: number[]): number {
  const order = values.map((v, i) => [v, weights[i]!] as const).sort((a, b) => a[0] - b[0]);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const [v, w] of order) {
    acc += w;
    if (acc >= total / 2) return v;
  }
  return order[order.length - 1]?.[0] ?? 0;
}

function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(x.toPrecision(x >= 100 ? 6 : 5));
}

/** Value of `amount` in the other currency of a consensus rate. */
export function convert(amount: Decimal, from: string, rate: { base: string; quote: string; rate: number }): number | null {
  if (from === rate.quote) return toNumber(amount) / rate.rate;
  if (from === rate.base) return toNumber(amount) * rate.rate;
  return null;
}
