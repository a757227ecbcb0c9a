import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import { isDigit, isWordUnit } from '../match-key.js';
import { countBelow } from '../../util/span-at.js';
import type { RateSpan, Figure, RateContext } from './rate-types.js';
import { personalName } from './clauses.js';

// Where a sentence names currencies (as words, not as amounts' units), nearest a figure first,
// and the pairs it names ("won-dollar", "EUR/USD").

/** How close after a figure a currency name stands to be read with it ("927.6원(100엔당)"). */
export const ADJACENT_NAME = 6;

/**
 * Whether a currency is named between two offsets other than as an amount's: the subject of a
 * clause whose verb is left out ("… s'échangeait contre 1 561,7 wons et le dollar contre 1 369,4").
 */
export function namesAnother(ctx: RateContext, g: Grammar, byEnd: ReadonlyMap<number, number>, from: number, to: number): boolean {
  const { key, fold } = ctx.forms;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const m = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (m && m.end <= to && !byEnd.has(m.end)) return true;
  }
  return false;
}

/** Whether a currency other than `codes` is named between two offsets. */
export function namesOtherThan(ctx: RateContext, g: Grammar, from: number, to: number, codes: readonly string[]): boolean {
  const { key, fold } = ctx.forms;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const m = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (m && m.end <= to && !codes.includes(ctx.resolve(m.value.code))) return true;
  }
  return false;
}

export interface Mention {
  code: string;
  start: number;
  end: number;
}

/** How far a quote's figure may stand from the amount that is its subject. */
export const SUBJECT_REACH = 40;

export interface PairCue {
  end: number;
  pair: readonly [string, string];
}

/** The last currency pair the sentence names before the figure ("원·달러 환율", "the won-dollar rate"). */
export function pairCueBefore(ctx: RateContext, g: Grammar, sentence: Span, f: Figure, cache: Map<number, PairCue[]>): readonly [string, string] | null {
  let cues = cache.get(sentence.start);
  if (!cues) {
    cues = pairCuesIn(ctx, g, sentence.start, sentence.end);
    cache.set(sentence.start, cues);
  }
  // The last cue ending before the figure: the cues are in order.
  const n = countBelow(cues, f.start + 1, (c) => c.end);
  return n > 0 ? cues[n - 1]!.pair : null;
}

/** The pair named right before a figure, with at most a colon between ("euro/dollar : 1,1712"). */
export function pairCueRightBefore(ctx: RateContext, g: Grammar, sentence: Span, f: Figure, cache: Map<number, PairCue[]>, byEnd: ReadonlyMap<number, number>): readonly [string, string] | null {
  const pair = pairCueBefore(ctx, g, sentence, f, cache);
  if (!pair) return null;
  const cues = cache.get(sentence.start)!;
  const last = cues[countBelow(cues, f.start + 1, (c) => c.end) - 1]!;
  const gap = ctx.forms.fold.slice(last.end, f.start);
  if (/^[\s:=]*$/.test(gap)) return pair;
  // "la parité euro-dollar à 1,16", "l'EUR/USD, passé de 1,15 …": a few words, no other figure
  // and no other currency between the pair and its level.
  return f.start - last.end <= PAIR_LEVEL_REACH && !/[\d.;!?]/.test(gap) && !namesAnother(ctx, g, byEnd, last.end, f.start) ? pair : null;
}

/** How far after a pair its level may stand ("la parité euro-dollar, passée de 1,15"). */
const PAIR_LEVEL_REACH = 40;

/** The pairs named between two offsets, in order: "won-dollar", "EUR/USD", "livre/dollar". */
export function pairCuesIn(ctx: RateContext, g: Grammar, from: number, to: number): PairCue[] {
  const cues: PairCue[] = [];
  const { key, fold } = ctx.forms;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const found = g.pairCues.longest(key, fold, i, { hangulAttach: true });
    if (found) {
      cues.push({ end: found.end, pair: found.value });
      i = found.end - 1;
      continue;
    }
    // Any two currencies joined by a slash: "euro/franc suisse 0,9342", "livre/dollar 1,3598".
    const first = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (!first || fold[first.end] !== '/') continue;
    const second = g.mentions.longest(key, fold, first.end + 1, { hangulAttach: true });
    if (!second) continue;
    const pair = [ctx.resolve(first.value.code), ctx.resolve(second.value.code)] as const;
    if (pair[0] !== pair[1]) cues.push({ end: second.end, pair });
    i = second.end - 1;
  }
  return cues;
}

/** Whether `value` units of `quote` for one `base` is a plausible rate, in either market order. */
/** The currencies of the quotes found in a sentence. */
export function quotedIn(rates: readonly RateSpan[], sentence: Span): string[] {
  return rates.filter((r) => r.start >= sentence.start && r.end <= sentence.end).flatMap((r) => [r.base, r.quote]);
}

/**
 * The currencies a sentence names, nearest the figure first, each once, not counting a name that
 * is part of the figure.
 */
/** The currencies named before a figure, nearest first, as far as the nearest few (found by halving, not by a pass over the sentence). */
export function currenciesBefore(mentions: readonly Mention[], f: Figure): string[] {
  const out: string[] = [];
  let seen = 0;
  for (let i = countBelow(mentions, f.start, (m) => m.start) - 1; i >= 0 && seen < NEAREST_MENTIONS; i--) {
    const m = mentions[i]!;
    if (m.end > f.start) continue;
    seen++;
    if (!out.includes(m.code)) out.push(m.code);
  }
  return out;
}

/** The currencies named right after a figure ("927.6원(100엔당)"). */
export function mentionsRightAfter(mentions: readonly Mention[], f: Figure): string[] {
  const out: string[] = [];
  for (let i = countBelow(mentions, f.end, (m) => m.start); i < mentions.length && mentions[i]!.start - f.end <= ADJACENT_NAME; i++) out.push(mentions[i]!.code);
  return out;
}

export function currenciesByDistance(mentions: readonly Mention[], f: Figure): string[] {
  // Outward from the figure's place among the mentions, as far as the nearest few: bounded work
  // however long the sentence.
  const at = countBelow(mentions, f.start, (m) => m.start);
  const out: string[] = [];
  let left = at - 1;
  let right = at;
  for (let seen = 0; seen < NEAREST_MENTIONS && (left >= 0 || right < mentions.length); seen++) {
    const l = left >= 0 ? mentions[left]! : null;
    const r = right < mentions.length ? mentions[right]! : null;
    const takeLeft = l !== null && (r === null || distance(l, f) <= distance(r, f));
    const m = takeLeft ? l! : r!;
    if (takeLeft) left--;
    else right++;
    if ((m.end <= f.start || m.start >= f.end) && !out.includes(m.code)) out.push(m.code);
  }
  return out;
}

/** How many of the nearest currency names a figure's counterpart is looked for among. */
export const NEAREST_MENTIONS = 24;

/** The currency a bare figure is in: the subject named before it, else the article's main one. */
export function subjectCurrency(ctx: RateContext, mentions: readonly Mention[], f: Figure): string | null {
  const first = mentions[0];
  if (first && first.end <= f.start) return first.code;
  return ctx.currencies[0] ?? null;
}

export function distance(m: { start: number; end: number }, f: Figure): number {
  return m.end <= f.start ? f.start - m.end : m.start - f.end;
}

export function mentionsIn(ctx: RateContext, g: Grammar, sentence: Span): Mention[] {
  const { key, fold } = ctx.forms;
  const out: Mention[] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i)) && !(isDigit(key.charCodeAt(i - 1)))) continue;
    const m = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (!m || m.value.subunit || personalName(ctx.forms, g, i, m.end)) continue;
    out.push({ code: ctx.resolve(m.value.code), start: i, end: m.end });
    i = m.end - 1;
  }
  return out;
}
