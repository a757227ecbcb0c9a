/**
 * Whether the exchange rates an article's currency pairs imply agree, judged on robust evidence:
 * every pair of the same two currencies has one vote, and so does every rate the article quotes
 * and the reference rate for its date when one is known. A single precise outlier cannot outvote
 * two pairs that agree.
 */

/** One piece of evidence about a rate: what it says and the rates it allows. */
export interface RateEvidence {
  rate: number;
  /** Rates the rounding of the printed figures allows (a pair), or null (a quote, a reference). */
  range: [number, number] | null;
  /** `cross`: the rate through a third currency the article pairs with both ("EUR/KRW ÷ EUR/USD"). */
  kind: 'pair' | 'quote' | 'reference' | 'cross';
}

/** Regions of equal support considered before a tie is called a contradiction. */
const MAX_TIES = 16;

export interface PairVerdict {
  consistent: boolean;
  /** Percent from the rate the rest of the agreeing evidence gives (else from `consensus`). */
  deviation: number;
  consensus: number;
}

/**
 * Judges each pair (the `pair` items of `evidence`, in order) against the consensus of all the
 * evidence. Each item allows an interval: a pair, the rates its rounding allows that are within
 * `tolerance` percent of its own, and at least those within a tenth of it; a quote or a reference
 * rate, anything within `tolerance`. The
 * consensus lies where the most intervals meet (ties broken by how many pairs meet there), at the
 * precision-weighted mean of the pairs there. A pair is consistent when its interval holds the
 * consensus and it is within `tolerance` of the rate the rest of that evidence gives. When two equally supported groups disagree, no
 * pair of either is consistent: the article contradicts itself and nothing says which is right.
 * O(n log n) in the number of items.
 */
export function judgePairs(evidence: readonly RateEvidence[], tolerance: number): PairVerdict[] {
  const pairs = evidence.filter((e) => e.kind === 'pair');
  const t = tolerance / 100;
  if (pairs.length === 1 && evidence.length === 1) return [{ consistent: true, deviation: 0, consensus: round(pairs[0]!.rate) }];
  const intervals = evidence.map((e) => {
    const band: [number, number] = [e.rate / (1 + t), e.rate * (1 + t)];
    if (!e.range) return band;
    // A precise pair allows what its rounding allows, but never less than a tenth of the
    // tolerance either side: writers convert at another day's rate or round the rate itself,
    // and "1 358,2" and "1 360,3" are one rate; "1 390" beside "1 414" is not.
    const floor: [number, number] = [e.rate / (1 + t / 10), e.rate * (1 + t / 10)];
    return [Math.min(floor[0], Math.max(band[0], e.range[0])), Math.max(floor[1], Math.min(band[1], e.range[1]))] as [number, number];
  });
  // Sweep: where do the most intervals overlap?
  const events: Array<{ at: number; delta: 1 | -1; item: number }> = [];
  intervals.forEach(([lo, hi], i) => {
    if (!(lo <= hi)) return;
    events.push({ at: lo, delta: 1, item: i }, { at: hi, delta: -1, item: i });
  });
  // At one point, openings before closings: touching intervals meet.
  events.sort((x, y) => x.at - y.at || y.delta - x.delta);
  // Depth and pair count are kept as counters; the members of the best points are listed after
  // the sweep, so the judgement stays O(n log n) but for ties, which are few.
  const openedAt = new Array<number>(evidence.length).fill(-1);
  let depth = 0;
  let pairsOpen = 0;
  let bestScore = -1;
  let candidates: Array<{ at: number; event: number }> = [];
  let closedSinceLast = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    const isPair = evidence[e.item]!.kind === 'pair' ? 1 : 0;
    if (e.delta === 1) {
      openedAt[e.item] = k;
      depth++;
      pairsOpen += isPair;
      const next = events[k + 1];
      if (next && next.delta === 1 && next.at === e.at) continue;
      const score = depth * 1000 + pairsOpen;
      if (score > bestScore) {
        bestScore = score;
        candidates = [{ at: e.at, event: k }];
        closedSinceLast = 0;
      } else if (score === bestScore && closedSinceLast > 0 && candidates.length < MAX_TIES) {
        // As many items meet here, but not the same ones.
        candidates.push({ at: e.at, event: k });
        closedSinceLast = 0;
      }
    } else {
      depth--;
      pairsOpen -= isPair;
      const last = candidates[candidates.length - 1];
      if (last && openedAt[e.item] !== -1 && openedAt[e.item]! <= last.event) closedSinceLast++;
    }
  }
  const regions = candidates.map(({ at }) => {
    const members: number[] = [];
    let high = Infinity;
    intervals.forEach(([lo, hi], i) => {
      if (lo <= at && hi >= at) {
        members.push(i);
        high = Math.min(high, hi);
      }
    });
    return { members, low: at, high };
  });
  // Equally supported regions that share an item are one chain of agreement (A agrees with B, B
  // with C): the one the precise figures point to wins. Regions with nothing in common are a
  // contradiction nothing in the article resolves.
  let best: (typeof regions)[number] | null = regions[0] ?? null;
  let tied = false;
  if (regions.length > 1) {
    const chained = regions.every((r, i) => i === 0 || r.members.some((m) => regions[i - 1]!.members.includes(m)));
    if (!chained) tied = true;
    else {
      const target = preciseMedian(evidence, t);
      best = regions.reduce((a, b) => (gap(b, target) < gap(a, target) ? b : a));
    }
  }
  const median = weightedMedian(evidence.map((e) => e.rate));
  let consensus: number;
  let agreed: Set<number>;
  let weightSum = 0;
  let weightedRates = 0;
  if (!best || tied || best.members.length < 2) {
    consensus = median;
    agreed = new Set();
  } else {
    for (const m of best.members) {
      weightSum += weight(evidence[m]!, t);
      weightedRates += evidence[m]!.rate * weight(evidence[m]!, t);
    }
    consensus = Math.min(best.high, Math.max(best.low, weightedRates / weightSum));
    agreed = new Set(best.members);
  }
  const verdicts: PairVerdict[] = [];
  evidence.forEach((e, i) => {
    if (e.kind !== 'pair') return;
    // How far a pair is from the rate the rest of the evidence gives: a precise pair would
    // otherwise pull the consensus to itself and hide that it is off a quoted rate.
    const w = weight(e, t);
    const others = agreed.has(i) && weightSum - w > 1e-12 ? (weightedRates - e.rate * w) / (weightSum - w) : consensus;
    const deviation = ((e.rate - others) / others) * 100;
    const [lo, hi] = e.range ? intervals[i]! : [e.rate, e.rate];
    const allows = consensus >= lo * (1 - 1e-9) && consensus <= hi * (1 + 1e-9);
    verdicts.push({
      consistent: agreed.has(i) && allows && Math.abs(deviation) <= tolerance + 1e-9,
      deviation: Math.round(deviation * 100) / 100,
      consensus: round(consensus),
    });
  });
  return verdicts;
}

/**
 * Pairs weigh by the precision of their figures. A quote or a reference rate weighs as a pair
 * printed to within the tolerance: conversions are often made at another day's rate, so it does
 * not outweigh precise pairs, but it outweighs pairs rounded to two figures.
 */
function weight(e: RateEvidence, t: number): number {
  if (!e.range) return 1 / t;
  const half = (e.range[1] - e.range[0]) / 2 / e.rate;
  return 1 / Math.max(1e-6, Number.isFinite(half) ? half : 1);
}

/** How far a region is from a rate (0 inside). */
function gap(region: { low: number; high: number }, rate: number): number {
  return rate < region.low ? region.low - rate : rate > region.high ? rate - region.high : 0;
}

/** The median of the rates weighted by the precision of their figures. */
function preciseMedian(evidence: readonly RateEvidence[], t: number): number {
  const items = evidence.map((e) => ({ rate: e.rate, w: weight(e, t) })).sort((a, b) => a.rate - b.rate);
  const total = items.reduce((s, x) => s + x.w, 0);
  let acc = 0;
  for (const x of items) {
    acc += x.w;
    if (acc >= total / 2) return x.rate;
  }
  return items[items.length - 1]?.rate ?? 0;
}

function weightedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(x.toPrecision(x >= 100 ? 6 : 5));
}
