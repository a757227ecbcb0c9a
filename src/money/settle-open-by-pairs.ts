import { toNumber } from './decimal.js';
import type { AmountSpan } from './find-amounts.js';
import type { PairLink } from './link-pairs.js';
import { typicalRate } from './typical-rates.js';

/**
 * How much nearer its usual rate (a natural log) a pair must be under another reading of an open
 * currency for that pair to vote for it: the US and Canadian dollars against the won are 37 %
 * apart, a journalist's rounding or a stale rate a few percent.
 */
const VOTE_MARGIN = Math.log(1.25);

/** A pair farther than this from the usual rate under every reading is no evidence (a typo, a scale misread). */
const PLAUSIBLE = Math.log(2);

/**
 * The currency an article's pairs say an open name is in, when it is not the one its places
 * suggest: a Korean story that mentions a Canadian gas contract writes "61,3 milliards de
 * dollars, soit à peu près 90 100 milliards de wons": the won equivalents are at the US
 * dollar's rate, not the Canadian's. Each pair of an amount printed in the open name (`printed`)
 * with one in a named currency votes for the candidate whose usual rate it is nearest, by
 * `VOTE_MARGIN` if it is not `current`; the candidate with more votes than `current` wins. A base of one or a
 * hundred units ("1 dollar (1 450 wons)") is a quote, not a pair, and does not vote; nor does a
 * pair whose scale word has two readings. Null when
 * the pairs do not overrule the places.
 */
export function readingByPairs(amounts: readonly AmountSpan[], links: readonly PairLink[], printed: string, current: string, candidates: readonly string[]): string | null {
  const votes = new Map<string, number>();
  for (const link of links) {
    const [open, named] = amounts[link.a]!.printed === printed ? [amounts[link.a]!, amounts[link.b]!] : [amounts[link.b]!, amounts[link.a]!];
    if (open.printed !== printed || named.printed === printed) continue;
    // A scale word with two readings ("3 billions de dollars") is for the pair to settle, not to vote.
    if (open.scaleWord?.alternative != null || named.scaleWord?.alternative != null) continue;
    const openValue = toNumber(open.decimal);
    if (openValue === 1 || openValue === 100 || openValue <= 0) continue;
    const implied = toNumber(named.decimal) / openValue;
    const off = (c: string): number => {
      const usual = c === named.currency ? null : typicalRate(c, named.currency);
      return usual === null ? Infinity : Math.abs(Math.log(implied / usual));
    };
    let best = current;
    for (const c of candidates) if (off(c) < off(best)) best = c;
    if (off(best) > PLAUSIBLE) continue;
    if (best !== current && off(current) - off(best) < VOTE_MARGIN) continue;
    votes.set(best, (votes.get(best) ?? 0) + 1);
  }
  let winner: string | null = null;
  for (const [c, n] of votes) if (c !== current && n > (votes.get(current) ?? 0) && (winner === null || n > votes.get(winner)!)) winner = c;
  return winner;
}
