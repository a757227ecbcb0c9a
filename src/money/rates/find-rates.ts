import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import { type Decimal, decimalFromParts, toNumber } from '../decimal.js';
import type { AmountSpan, BareNumber } from '../find-amounts.js';
import { SHARED_CURRENCIES } from '../../lang/shared/index.js';
import { marketOrder, plausibleRate, typicalRate } from '../typical-rates.js';
import { countBelow } from '../../util/span-at.js';
import { isWordUnit } from '../match-key.js';
import type { RateSpan, RateFindings, Figure, RateContext } from './rate-types.js';
import { clauseBefore, aboutPrices, earlier, levelNounAfter, phraseEndsAt, containsPhrase, isChange, isListGap, grammarAt, previousSentence, sentenceAt } from './clauses.js';
import { type Mention, type PairCue, namesAnother, namesOtherThan, pairCueBefore, pairCueRightBefore, quotedIn, currenciesBefore, mentionsRightAfter, currenciesByDistance, subjectCurrency, mentionsIn } from './currency-mentions.js';
import { couldBeRate, offUsual, quotedPerHundred, tooLargeForChange, CHANGE_SHARE, toRate, nearestReading, nearPrevious, nearestUsual, latestCounterpart, LOOKBACK, LEVEL_NEAR, plausibleFor, WEAK_BASE_FACTOR, HISTORICAL_FACTOR, STATED_LEVEL_FACTOR } from './plausible-rates.js';
import { perCurrency, perUnitWord, bareFigure, SAME_BASE_REACH, baseAfter, type LeadBase, leadingBases, leadingBase, frontedLevel, baseBefore, subjectBefore, baseThenPrice, subjectOfNext, anaphorBase } from './find-bases.js';
import { unitTableRates } from './unit-tables.js';
import { levelsNearQuotes, listedLevels, rangeEndRates, rangeLowLevels, splitBareLevels, repeatedLevels, sameLevelAs, sharedBaseBefore } from './repeated-levels.js';
import { sisterReading, marketDollars, settleOpenCurrencies, inUsCents, reReadOpenDollar } from './settle-currencies.js';

// The orchestration of rate finding: the unmistakable forms first, then the sentences about the
// rate, then figures that are rates only because of a quote the article made.

/** How far after a quote a bare figure may repeat its pair ("…, contre 4,41 il y a un mois"). */
const SAME_PAIR_REACH = 60;

/**
 * A bare figure printed to three or four decimals, as dealers quote ("sia rispetto alla quota di
 * 1,5030 registrata in avvio"), may stand twice as far.
 */
function samePairReach(f: Figure): number {
  return f.currency === null && f.value.exponent <= -3 ? 2 * SAME_PAIR_REACH : SAME_PAIR_REACH;
}

/** How near that quote's figure it must be: a counter's buying and selling prices may be 20 % apart. */
const SAME_PAIR_NEAR = 0.25;

/** How many amounts of a sentence are compared for their currency. */
const MAX_SENTENCE_AMOUNTS = 16;

/**
 * Exchange-rate quotes and changes among the figures of an article. A quote is a figure with the
 * base it is priced in ("1 380,5 pour un dollar", "달러당 1,430원", "$1 = 1,430 won"), a currency
 * named as the subject of a rate verb ("un dollar valait 1 431,30 wons"), or a plausible rate in a
 * sentence about the exchange rate ("원·달러 환율은 … 1,438.7원에 마감했다"). In such sentences a
 * figure after "en hausse de", "up", "오른"… is a change of the rate: neither money nor a rate.
 */
export function findRates(ctx: RateContext, amounts: readonly AmountSpan[], bare: readonly BareNumber[]): RateFindings {
  const rates: RateSpan[] = [];
  const notAmounts = new Set<number>();
  const byEnd = new Map<number, number>();
  amounts.forEach((a, i) => byEnd.set(a.end, i));
  const figures: Figure[] = [];
  // The whole part of a figure a stray space split ("3, 348 dinars"): no figure of its own.
  const splits = new Map<number, { start: number; value: Decimal }>();
  amounts.forEach((a, i) => {
    const split = a.scale === null && a.per === null ? splitDecimal(ctx, a) : null;
    if (split) splits.set(i, split);
  });
  const splitWholes = new Set([...splits.values()].map((x) => x.start));
  amounts.forEach((a, i) => {
    // "le tether s'échangeait à 1 374 wons l'unité": a price per unit is not a rate, a price per
    // dollar is.
    if (a.scale !== null && !scaledLevel(a, ctx.resolve(a.currency))) return;
    const split = splits.get(i);
    if (splitWholes.has(a.start)) return;
    if (split) figures.push({ start: split.start, end: a.end, value: split.value, currency: ctx.resolve(a.currency), amount: i });
    else if (a.per === null || perCurrency(ctx, a)) figures.push({ start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: i });
    else if (perUnitWord(ctx, a)) figures.push({ start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: i, perUnit: true });
  });
  for (const b of bare) {
    if (b.scale !== null || b.written || splitWholes.has(b.start)) continue;
    // "à près de 13,50 livres pour un dollar": "livres" is money only with a scale word, and
    // a quote's currency all the same.
    const named = unscaledName(ctx, b);
    if (named) figures.push({ start: b.start, end: named.end, value: b.decimal, currency: ctx.resolve(named.code), amount: -1, unscaledName: true });
    else if (bareFigure(ctx, b, amounts)) figures.push({ start: b.start, end: b.end, value: b.decimal, currency: null, amount: -1 });
  }
  figures.sort((x, y) => x.start - y.start);
  // Where the amount before each figure ends: a phrase dating a rate is looked for after it
  // (dates and counts in between do not count: "작년 9월 9일에 … 1077.3원").
  const ends = amounts.map((a) => a.end).sort((x, y) => x - y);
  const previousEnd = (f: Figure): number => {
    const n = countBelow(ends, f.start + 1, (e) => e);
    return n > 0 ? ends[n - 1]! : 0;
  };
  const mentionCache = new Map<number, Mention[]>();
  const mentions = (g: Grammar, sentence: Span): Mention[] => {
    let list = mentionCache.get(sentence.start);
    if (!list) {
      list = mentionsIn(ctx, g, sentence);
      mentionCache.set(sentence.start, list);
    }
    return list;
  };
  const pairCueCache = new Map<number, PairCue[]>();
  const leadCache = new Map<number, LeadBase[]>();
  // The amounts clauses lead with as their base ("pour 1 euro, …").
  const leadAmounts = new Set<number>();
  const leadsOf = (g: Grammar, sentence: Span): LeadBase[] => {
    let leads = leadCache.get(sentence.start);
    if (!leads) {
      leads = leadingBases(ctx, g, sentence, amounts);
      leadCache.set(sentence.start, leads);
      for (const l of leads) if (l.amount !== undefined) leadAmounts.add(l.amount);
    }
    return leads;
  };
  const taken = new Set<Figure>();
  const givenBase = new Map<Figure, { code: string; units: number; amount: number }>();
  // Sentences that quote a rate, and sentences about the exchange rate, are read a second time.
  const rateSentences = new Set<number>();

  // First the unmistakable forms: a base after the figure or before it, a subject and its verb.
  let lastQuote: { sentence: number; end: number; base: { code: string; units: number } } | null = null;
  // The base of the latest quote, for "pour obtenir la même somme".
  let lastBase: { end: number; code: string; units: number } | null = null;
  for (let k = 0; k < figures.length; k++) {
    const f = figures[k]!;
    if (f.amount !== -1 && notAmounts.has(f.amount)) continue;
    const g = grammarAt(ctx.segments, f.start);
    if (!g) continue;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, f.start);
    // "pour 1 euro, on obtenait 1,165 dollar": the base a clause leads with is not a figure.
    leadsOf(g, sentence);
    if (f.amount !== -1 && leadAmounts.has(f.amount)) continue;
    // "100 yen valgono circa 977 won": the subject of the next figure's quote is not a figure.
    if (subjectOfNext(ctx, g, f, figures[k + 1], sentence)) continue;
    // "rachetaient 100 yens contre 938 wons": one or a hundred units, a marker, then their price.
    const pricedBase = baseThenPrice(ctx, g, f, figures[k + 1], sentence);
    if (pricedBase) {
      givenBase.set(figures[k + 1]!, pricedBase);
      continue;
    }
    const recent: { code: string; units: number } | null = lastBase && f.start - lastBase.end <= SAME_BASE_REACH ? lastBase : null;
    const found: { code: string; units: number; amount?: number; strong?: boolean } | null =
      givenBase.get(f) ?? baseAfter(ctx, g, f, byEnd, recent) ?? baseBefore(ctx, g, f, amounts, byEnd) ?? leadingBase(f, leadsOf(g, sentence)) ?? frontedLevel(ctx, g, f, sentence, rates, amounts);
    if (found && f.currency !== null) sisterReading(ctx, f, ctx.resolve(found.code), found.units);
    // "398,5 cents la livre": a base that makes no plausible rate is a unit of weight, not money;
    // after "pour un", "per", a rate far from today's is a historical one ("125 wons pour un
    // dollar" in 1945). "from $12 to $15": a base in the figure's own currency is the other end
    // of a change.
    const explicit: { code: string; units: number; amount?: number } | null =
      found &&
      f.currency !== null &&
      (f.currency === ctx.resolve(found.code) || !plausibleFor(ctx.resolve(found.code), f.currency, toNumber(f.value) / found.units, found.strong ? HISTORICAL_FACTOR : WEAK_BASE_FACTOR))
        ? null
        : found;
    // "L'euro cotait 1,0852 dollar et 1 521,3 wons": a figure listed right after a quote of a
    // subject prices the same subject.
    const listed: { code: string; units: number } | null = lastQuote && lastQuote.sentence === sentence.start && isListGap(ctx.forms, g, lastQuote.end, f.start) ? lastQuote.base : null;
    // A price per unit takes its subject from its own clause: "le tether, un jeton adossé au
    // dollar, se négociait 1 418 wons l'unité" prices the tether.
    const subjectSpan = f.perUnit ? clauseBefore(ctx.forms, sentence, f.start) : sentence;
    const previousOne = previousSentence(ctx.sentences, sentence);
    let base: { code: string; units: number; amount?: number } | null =
      explicit ?? subjectBefore(ctx, g, f, subjectSpan, amounts, byEnd, rates) ?? (f.perUnit ? null : listed) ?? (f.perUnit ? null : anaphorBase(ctx, g, f, sentence, mentions(g, sentence), previousOne ? mentions(g, previousOne) : [], byEnd));
    if (!base) continue;
    centsOwner(ctx, g, f, amounts, mentions(g, sentence), previousOne ? mentions(g, previousOne) : [], base.code);
    // "엔화는 880원대까지 떨어졌다", "le yen à 912 wons": a currency quoted per hundred, named alone,
    // is priced per hundred when only that reading is plausible.
    // "100 dollars se négocient à 430 000 Fg. L'euro, lui, est à 610 000 Fg": after a quote per
    // hundred, any currency may be.
    const byHundreds = lastBase !== null && lastBase.units === 100 && f.start - lastBase.end <= SAME_BASE_REACH;
    if (!explicit && f.currency !== null && base.units === 1 && base.code !== f.currency && (quotedPerHundred(base.code) || byHundreds) && !plausibleFor(base.code, f.currency, toNumber(f.value)) && plausibleFor(base.code, f.currency, toNumber(f.value) / 100)) base = { ...base, units: 100 };
    if (!explicit && f.currency !== null) sisterReading(ctx, f, base.code, base.units);
    // "The won-dollar exchange rate rose 6.2 won to 1,411.5 won": after a subject and its verb, a
    // figure the text says is a move is a change of the rate.
    if (!explicit && isChange(ctx.forms, g, f)) {
      if (f.amount !== -1) notAmounts.add(f.amount);
      taken.add(f);
      rateSentences.add(sentence.start);
      continue;
    }
    // The currency the figure is in, when not printed, or the one the subject is priced in ("The
    // won weakened to 1,483.5 won"): of those the sentence names, nearest first, then the
    // article's, the first that makes a plausible rate ("963.1 per 100 yen" after "per dollar" is
    // in won, not dollars).
    reReadOpenDollar(f, base.code, amounts);
    // A figure printed in another currency than its base is in that one, named around it or not.
    // "Le naira chute. Il s'est vendu à 1 100 N/1 $": a bare figure may be in a currency the
    // sentence before named, when the article prints no sum in another.
    const previousNames = f.currency === null && previousOne ? currenciesByDistance(mentions(g, previousOne), f) : [];
    const candidates: string[] = [...(f.currency !== null ? [f.currency] : []), ...currenciesByDistance(mentions(g, sentence), f), ...ctx.currencies, ...previousNames].filter((c) => c !== base.code);
    if (candidates.length === 0) continue;
    const value = toNumber(f.value);
    // A bare figure after a subject is in the other currency ("le dollar valait 1 431") or, when
    // the subject is the one priced in, in the subject's ("le won s'est replié à 1 411,0").
    let inSubject: boolean;
    let other: string;
    if (f.currency === null && explicit) {
      // "Il cote 0,89 contre le franc suisse": a bare figure against a named currency prices the
      // subject (here the dollar of the sentence before) in it, or is priced in it; the reading
      // nearest a usual rate says which.
      const previous = previousSentence(ctx.sentences, sentence);
      // The currencies named here and in the sentence before come first (an open one, such as
      // a "dollar" the article reads as Canadian, may also be its default); then the article's.
      const named = [...currenciesByDistance(mentions(g, sentence), f), ...(previous ? currenciesByDistance(mentions(g, previous), f) : [])];
      for (const [open, rule] of Object.entries(SHARED_CURRENCIES.contexts)) if (named.includes(ctx.resolve(open))) named.push(rule.default);
      const reading: { other: string; inSubject: boolean } | null =
        nearestReading(base.code, base.units, value, [...new Set(named)].filter((c) => c !== base.code)) ??
        nearestReading(base.code, base.units, value, ctx.currencies.filter((c) => c !== base.code));
      if (!reading) continue;
      ({ inSubject, other } = reading);
    } else {
      inSubject =
        f.currency === base.code ||
        (f.currency === null && !explicit && !candidates.some((c) => plausibleFor(base.code, c, value / base.units)) && candidates.some((c) => plausibleFor(c, base.code, value)));
      other = inSubject
        ? (candidates.find((c) => plausibleFor(c, base.code, value)) ?? candidates[0]!)
        : f.currency === null
          ? (candidates.find((c) => plausibleFor(base.code, c, value / base.units)) ?? candidates[0]!)
          : f.currency;
    }
    const rate = inSubject ? toRate(other, base.code, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))) : toRate(base.code, other, f, base.units, earlier(ctx, g, f, sentence, previousEnd(f)));
    if (rate.base === rate.quote) continue;
    // A figure in the subject's own currency that prices no other currency plausibly is left to
    // the second reading (a change, or money).
    if (!explicit && inSubject && !plausibleFor(other, base.code, value)) continue;
    // Nor is a bare figure a subject's quote unless it makes a plausible rate.
    if (!explicit && f.currency === null && !inSubject && !plausibleFor(base.code, other, value / base.units)) continue;
    if (!explicit && f.currency !== null && f.currency !== base.code && !plausibleFor(base.code, f.currency, value / base.units, 'oneUnit' in base ? HISTORICAL_FACTOR : 'stated' in base ? STATED_LEVEL_FACTOR : undefined)) {
      // "Le won a clôturé à 1 349,8 pour un dollar, gagnant 4,7 wons": a subject and a verb
      // before a figure far under the rate make a change, not a quote.
      const usual = typicalRate(base.code, f.currency);
      if (usual !== null && value / base.units < usual * CHANGE_SHARE) {
        if (f.amount !== -1) notAmounts.add(f.amount);
        taken.add(f);
      }
      continue;
    }
    rates.push(rate);
    taken.add(f);
    rateSentences.add(sentence.start);
    lastBase = inSubject ? { end: f.end, code: other, units: 1 } : { end: f.end, code: base.code, units: base.units };
    if (!explicit) lastQuote = { sentence: sentence.start, end: f.end, base: { code: base.code, units: base.units } };
    if (f.amount !== -1) notAmounts.add(f.amount);
    if (base.amount !== undefined) notAmounts.add(base.amount);
  }

  // Then the figures of sentences about the rate (a quote, a cue, or a rate verb right after a
  // sentence that quoted one: "Il s'échangeait contre 1 461 wons"): changes ("en hausse de 18,40
  // wons", "-3,10 wons", "5.3원 오른", or a figure far under the rate) are neither money nor
  // rates; plausible levels are rates.
  /** Whether some figure of the sentence passes `test`. */
  const someFigureIn = (sentence: Span, test: (f: Figure) => boolean): boolean => {
    for (let i = countBelow(figures, sentence.start, (x) => x.start); i < figures.length && figures[i]!.start < sentence.end; i++) if (test(figures[i]!)) return true;
    return false;
  };
  const changeIn = (sentence: Span, g: Grammar) => someFigureIn(sentence, (f) => isChange(ctx.forms, g, f));
  // "euro/dollar 1,1712 ; dollar/yen 146,35": a pair named before one of its figures.
  const pairCueIn = (sentence: Span, g: Grammar) => someFigureIn(sentence, (f) => pairCueBefore(ctx, g, sentence, f, pairCueCache) !== null);
  // "… au cours de 1 390 wons": a phrase right before one of its figures says so.
  const figureCueIn = (sentence: Span, g: Grammar) => someFigureIn(sentence, (f) => phraseEndsAt(ctx.forms, g.rateFigureCues, f.start));
  // Each sentence is judged once (a long one holds many figures).
  const otherSentences = new Set<number>();
  const isRateSentence = (g: Grammar, sentence: Span): boolean => {
    if (rateSentences.has(sentence.start)) return true;
    if (otherSentences.has(sentence.start)) return false;
    const previous = previousSentence(ctx.sentences, sentence);
    // A sentence that only goes on from a rate sentence (a verb, an earlier level) but states a
    // price no rate could be is about prices: "… zwischen 8,49 und 9,99 Dollar verlangt, in
    // Seoul kostet eine Packung 1.350 Won" after "100 Yen kosteten 934,7 Won" ("the euro
    // fetched $1.08" is a rate, "down 3.4 won" a change).
    const first = countBelow(amounts, sentence.start, (a) => a.start);
    const last = countBelow(amounts, sentence.end, (a) => a.start);
    // The currencies named here and in the sentence before, and those it quoted (a text about
    // the won-dollar rate may name only the won: "il est monté à plus de 1 374 wons").
    const quotedThere = previous ? quotedIn(rates, previous) : [];
    const named = new Set([...mentions(g, sentence), ...(previous ? mentions(g, previous) : [])].map((m) => m.code).concat(quotedThere));
    const pricesSomething = amounts.slice(first, Math.min(last, first + MAX_SENTENCE_AMOUNTS)).some((a) => a.scale === null && !couldBeRate(ctx, g, a, named));
    const rate =
      containsPhrase(ctx.forms, g.rateCues, sentence.start, sentence.end, false) ||
      figureCueIn(sentence, g) ||
      pairCueIn(sentence, g) ||
      (previous !== null &&
        rateSentences.has(previous.start) &&
        !pricesSomething &&
        // "1년 전(1,395원 안팎)과 비교하면": a rate verb or an earlier level goes on about the rate,
        // and so does a move ("un mouvement de plus de 10 wons en une séance appelle une réaction").
        (containsPhrase(ctx.forms, g.rateVerbs, sentence.start, sentence.end, true) || containsPhrase(ctx.forms, g.earlierBefore, sentence.start, sentence.end, false) || changeIn(sentence, g)));
    (rate ? rateSentences : otherSentences).add(sentence.start);
    return rate;
  };
  const quotedCache = new Map<number, string[]>();
  // Where a sentence about prices names its first price (Infinity when it is not one): read once.
  const priceCache = new Map<number, number>();
  const pricesIn = (g: Grammar, sentence: Span): number => {
    let at = priceCache.get(sentence.start);
    if (at === undefined) {
      at = aboutPrices(ctx, g, sentence, amounts, mentions(g, sentence));
      priceCache.set(sentence.start, at);
    }
    return at;
  };
  for (const f of figures) {
    if (taken.has(f) || f.unscaledName || (f.amount !== -1 && notAmounts.has(f.amount))) continue;
    const g = grammarAt(ctx.segments, f.start);
    if (!g) continue;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, f.start);
    // '"The 1,410 line looks like the one they want to defend"': a bare figure naming a level, near
    // one the article quoted, is a rate even where nothing else says the sentence is about it.
    const level = !isRateSentence(g, sentence);
    // "el tipo de cambio se ubicó en 19.45 pesos por unidad": a price per unit is a level only
    // where its own clause names the rate ("le tether … se négociait 1 374 wons l'unité" is a price).
    if (f.perUnit && (level || !containsPhrase(ctx.forms, g.rateCues, clauseBefore(ctx.forms, sentence, f.start).start, f.start, false))) continue;
    if (level) {
      if (!levelNounAfter(ctx.forms, g, f)) continue;
      // "the 1,400-won line": with its currency, a level noun is cue enough; a bare figure must be
      // near a quoted rate.
      if (f.currency === null) {
        const value = toNumber(f.value);
        let near: RateSpan | undefined;
        for (let r = rates.length - 1; r >= Math.max(0, rates.length - LOOKBACK) && !near; r--) {
          const q = rates[r]!;
          if (q.start < f.start && Math.abs(toNumber(q.value) / value - 1) <= LEVEL_NEAR) near = q;
        }
        if (near) rates.push(toRate(near.base, near.quote, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))));
        continue;
      }
    }
    // "le cours du baril de pétrole ayant gagné 88 cents US": a move of a price is money.
    if (f.currency !== null && pricesIn(g, sentence) < f.start) continue;
    if (isChange(ctx.forms, g, f)) {
      // "230 000 wons de plus que prévu" is money: a change of the rate is a fraction of it.
      if (f.amount !== -1 && !tooLargeForChange(f)) notAmounts.add(f.amount);
      continue;
    }
    // "il faut 4,53 yuans pour 100 yens, contre 4,41 il y a un mois", "vendaient 1 000 wons pour
    // 0,59 franc et les rachetaient 0,51 franc": a figure near the figure of its sentence's latest
    // quote, bare or in its currency, with no other currency named between, is that pair again.
    {
      const last = latestQuoteBefore(rates, sentence, f);
      if (last && (f.currency === null || f.currency === last.figureCurrency) && f.start - last.end <= samePairReach(f) && Math.abs(toNumber(last.figure) / toNumber(f.value) - 1) <= SAME_PAIR_NEAR && !namesAnother(ctx, g, byEnd, last.end, f.start)) {
        rates.push(sameLevelAs(last, f, f.value, earlier(ctx, g, f, sentence, previousEnd(f))));
        if (f.amount !== -1) notAmounts.add(f.amount);
        continue;
      }
    }
    // "dollar/yen 146,35": a bare figure right after a pair is that pair's rate.
    if (f.currency === null) {
      const labelled = pairCueRightBefore(ctx, g, sentence, f, pairCueCache, byEnd);
      if (labelled) {
        const value = toNumber(f.value);
        const [b, q] = labelled;
        // "X/Y v" is v units of Y for one X; "won/dollar 1 368" is written the other way round.
        const asWritten = plausibleFor(b, q, value);
        if (asWritten || plausibleFor(q, b, value)) {
          const dated = earlier(ctx, g, f, sentence, previousEnd(f));
          rates.push(asWritten ? toRate(b, q, f, 1, dated) : toRate(q, b, f, 1, dated));
          continue;
        }
      }
    }
    // "Le prix moyen a franchi la barre des 1 650 wons": the price of a good, not of a currency.
    if (f.currency !== null && pricesIn(g, sentence) < f.start) continue;
    // "chaque baisse de 10 wons du cours des 100 yens": one unit, or a hundred of a currency quoted
    // so, in a sentence about the rate is the unit a quote is for, not money.
    if (f.currency !== null && f.amount !== -1 && !level && (toNumber(f.value) === 1 || (toNumber(f.value) === 100 && quotedPerHundred(f.currency)))) {
      notAmounts.add(f.amount);
      continue;
    }
    // "31 900 wons" on Pyongyang's market, in an article that names the North Korean won.
    if (f.currency !== null) sisterReading(ctx, f, 'USD', 1);
    {
      const previous = previousSentence(ctx.sentences, sentence);
      centsOwner(ctx, g, f, amounts, mentions(g, sentence), previous ? mentions(g, previous) : [], null);
    }
    // "… ha raggiunto la cifra di 1.2. … la soglia, fissata proprio a 1,20": a bare figure near the
    // level of a quote just made, with no currency named between, is that pair again (not the
    // pair of the article's most printed currency).
    if (f.currency === null) {
      const again = recentLevel(rates, f);
      if (again && !namesOtherThan(ctx, g, again.end, f.start, [again.base, again.quote])) {
        rates.push(sameLevelAs(again, f, f.value, earlier(ctx, g, f, sentence, previousEnd(f))));
        continue;
      }
    }
    const quote = f.currency ?? subjectCurrency(ctx, mentions(g, sentence), f);
    if (!quote) continue;
    // The currency priced: of those the sentence names, nearest first, the first that makes a
    // plausible rate ("the euro fetched 1,487.9 won, up from 1,476.4 won a week earlier, while
    // the won-yen cross…": 1,476.4 prices the euro, not the nearer yen).
    // A pair the sentence names before the figure says it at once ("원·달러 환율은 … 1,389.0원에
    //마감했고, 유로·달러 환율은 …": the won-dollar rate, though euro is the nearer name).
    const cue = pairCueBefore(ctx, g, sentence, f, pairCueCache);
    // Names before the figure come first, then what the sentence before quoted ("It later traded
    // at 1,401.5 won, while the euro fetched $1.082": the dollar of the sentence before, not the
    // euro after), then names after it.
    const byDistance = currenciesByDistance(mentions(g, sentence), f);
    const before = currenciesBefore(mentions(g, sentence), f);
    const previous = previousSentence(ctx.sentences, sentence);
    // Read once per sentence: its figures come in order, so the sentence before is done.
    let quotedBefore: string[] = [];
    if (previous) {
      quotedBefore = quotedCache.get(previous.start) ?? quotedIn(rates, previous);
      quotedCache.set(previous.start, quotedBefore);
    }
    // A name right after the figure ("927.6원(100엔당)") still comes before the sentence before.
    const right = mentionsRightAfter(mentions(g, sentence), f);
    const named = [...new Set([...before, ...right, ...quotedBefore, ...byDistance])].filter((c) => c !== quote);
    const inSentence = [...new Set([...before, ...right, ...byDistance])].filter((c) => c !== quote);
    const figureValue = toNumber(f.value);
    // "La devise a clôturé à 85,78 cents US": what is priced in US cents is the Canadian dollar.
    if (quote === 'USD' && inUsCents(f, amounts) && !named.includes('CAD')) named.push('CAD');
    const counterpart =
      (cue && cue.includes(quote) ? cue.find((c) => c !== quote) : undefined) ??
      // The dollar, the most quoted counterpart, when none named makes a rate.
      // Then the counterpart of the latest quote in this currency ("un euro s'achetait 1 610 wons
      // … les bureaux de change pratiquaient des cours proches de 1 660 wons").
      // When the sentence names no other currency, the context's candidates are weighed by how
      // near their usual level the figure is ("le niveau de 1 500 wons" after a yen quote is the
      // dollar's).
      (inSentence.length === 0 ? (nearPrevious(rates, previous ?? sentence, f, quote) ?? nearestUsual([...named, ...(f.currency !== null ? latestCounterpart(rates, quote, f) : []), ...(quote === 'USD' ? [] : ['USD'])], quote, figureValue, f.currency === null)) : undefined) ??
      [...named, ...(f.currency !== null ? latestCounterpart(rates, quote, f) : []), ...(quote === 'USD' ? [] : ['USD'])].find((c) => plausibleFor(c, quote, figureValue) || (c === 'JPY' && plausibleFor(c, quote, figureValue / 100)) || (f.currency === null && plausibleFor(quote, c, figureValue))) ??
      named[0] ??
      (quote === 'USD' ? null : 'USD');
    if (!counterpart || counterpart === quote) continue;
    const [b, q] = marketOrder(counterpart, quote);
    const value = toNumber(f.value);
    const usual = typicalRate(counterpart, quote);
    if (f.currency !== null && usual !== null && value < usual * CHANGE_SHARE) {
      if (f.amount !== -1) notAmounts.add(f.amount);
      continue;
    }
    if (f.currency !== null) {
      // A figure with its currency prices the other currency in it; the yen is priced per 100
      // ("기준가(941.2원)" after "100엔당 938.6원").
      const units = plausibleFor(counterpart, quote, value) ? 1 : counterpart === 'JPY' && plausibleFor(counterpart, quote, value / 100) ? 100 : 0;
      if (units === 0) continue;
      // "3,20 $ CA la livre": after a marker that names no unit, a currency is a rate's base
      // only near its usual level (a pound of syrup is not sterling).
      const marker = baseAfter(ctx, g, f, byEnd, null);
      if (marker && !marker.strong && marker.code === counterpart && !plausibleFor(counterpart, quote, value / units, WEAK_BASE_FACTOR)) continue;
      rates.push(toRate(counterpart, quote, f, units, earlier(ctx, g, f, sentence, previousEnd(f))));
    } else {
      // A bare figure ("the dollar … at 1,390") is read the way that makes a rate.
      // Where both ways are plausible (euro-dollar 1,12 or 0,89), the nearer its usual level.
      const asWritten = plausibleRate(b, q, value, 2);
      const reversed = plausibleRate(b, q, 1 / value, 2);
      if (asWritten && (!reversed || offUsual(b, q, value) <= offUsual(b, q, 1 / value))) rates.push(toRate(b, q, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))));
      else if (reversed) rates.push(toRate(q, b, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))));
      else continue;
    }
    if (f.amount !== -1) notAmounts.add(f.amount);
    // A level named in a sentence makes it about the rate for the figures after it ("Nous avons
    // retenu 1 380 wons, un niveau prudent … de 1 340 à 1 420 wons").
    if (level) {
      otherSentences.delete(sentence.start);
      rateSentences.add(sentence.start);
    }
  }
  rangeEndRates(ctx, rates, amounts, notAmounts);
  sharedBaseBefore(ctx, rates, amounts, notAmounts);
  settleOpenCurrencies(rates, amounts, ctx.currencies);
  repeatedLevels(ctx, rates, amounts, notAmounts);
  levelsNearQuotes(ctx, rates, amounts, notAmounts);
  rangeLowLevels(ctx, rates, bare);
  listedLevels(ctx, rates, bare);
  splitBareLevels(ctx, rates, bare);
  rates.push(...unitTableRates(ctx, rates));
  rates.sort((x, y) => x.start - y.start);
  marketDollars(ctx, rates, amounts);
  // The whole part of a split level read as a rate is not money either.
  if (splitWholes.size > 0) {
    const quoted = new Set(rates.map((r) => r.start));
    amounts.forEach((a, i) => {
      if (splitWholes.has(a.start) && quoted.has(a.start)) notAmounts.add(i);
    });
  }
  return { rates, notAmounts };
}

/**
 * "un dollar s'échangeait à 1,1 million de rials": the few currencies a dollar buys a million of
 * are quoted with the scale word, and those a hundred dollars buy a million of with "mille"; no
 * other sum with a scale word is a level.
 */
function scaledLevel(a: AmountSpan, currency: string): boolean {
  // "un billet de 100 dollars est échangé à 950 mille francs guinéens": thousands, per hundred.
  if (a.scale === 3) return plausibleRate('USD', currency, toNumber(a.decimal)) || plausibleRate('USD', currency, toNumber(a.decimal) / 100);
  return a.scale === 6 && toNumber(a.decimal) >= MILLION_LEVEL && plausibleRate('USD', currency, toNumber(a.decimal));
}
const MILLION_LEVEL = 100_000;

/**
 * "l'euro s'échangeait à 3, 348 dinars": a decimal mark followed by a stray space splits a level
 * in two. The amount after it is read whole again when only that reading is a usual level of its
 * currency (348 dinars for a euro is none; 3,348 is). Where the whole part starts, and the value.
 */
function splitDecimal(ctx: RateContext, a: AmountSpan): { start: number; value: Decimal } | null {
  const { fold } = ctx.forms;
  const g = grammarAt(ctx.segments, a.start);
  if (!g || fold[a.start - 1] !== ' ' || fold[a.start - 2] !== g.pack.digits.decimal) return null;
  const digits = /^\d{1,4}(?=\D|$)/.exec(fold.slice(a.start, a.start + 5))?.[0];
  const whole = /(?:^|[^\d.,'’])(\d{1,2})$/.exec(fold.slice(Math.max(0, a.start - 5), a.start - 2))?.[1];
  if (!digits || !whole || a.decimal.exponent < 0) return null;
  const currency = ctx.resolve(a.currency);
  const joined = decimalFromParts(whole, digits);
  const usual = (v: number) => ['USD', 'EUR'].some((base) => base !== currency && plausibleRate(base, currency, v, 1.5));
  if (usual(toNumber(a.decimal)) || !usual(toNumber(joined))) return null;
  return { start: a.start - 2 - whole.length, value: joined };
}

/** A currency name right after a bare number that is money only with a scale word ("13,50 livres"). */
function unscaledName(ctx: RateContext, b: BareNumber): { code: string; end: number } | null {
  const g = grammarAt(ctx.segments, b.start);
  if (!g || ctx.forms.fold[b.end] !== ' ') return null;
  const m = g.mentions.longest(ctx.forms.key, ctx.forms.fold, b.end + 1);
  if (!m || !m.value.needsScale || m.value.subunit || isWordUnit(ctx.forms.key.charCodeAt(m.end))) return null;
  return { code: m.value.code, end: m.end };
}

/** The latest quote of a sentence that ends before a figure (among the latest few found). */
function latestQuoteBefore(rates: readonly RateSpan[], sentence: Span, f: Figure): RateSpan | null {
  let latest: RateSpan | null = null;
  for (let i = rates.length - 1; i >= Math.max(0, rates.length - LOOKBACK); i--) {
    const r = rates[i]!;
    if (r.start >= sentence.start && r.end <= f.start && (!latest || r.start > latest.start)) latest = r;
  }
  return latest;
}

/**
 * "Il franco svizzero si è rafforzato nei confronti dell'euro. … la valuta comunitaria valeva
 * 92,86 centesimi": cents named by a word alone ("centesimi", "centimes"), in a sentence whose
 * subject is the language's own currency or that names it nowhere near, are cents of the other
 * currency the story is about (named in the sentence before first, then in this one). Sets the
 * figure's currency.
 */
function centsOwner(ctx: RateContext, g: Grammar, f: Figure, amounts: readonly AmountSpan[], here: readonly Mention[], before: readonly Mention[], base: string | null): void {
  if (f.amount === -1 || f.currency === null || amounts[f.amount]!.sharedSubunit !== true) return;
  const own = f.currency;
  // The nearest few names only: bounded work in a sentence of many currencies.
  const near = currenciesByDistance(here, f);
  const earlier = [...new Set(before.slice(0, OWNER_MENTIONS).map((m) => m.code))];
  // Cents of a currency named before stay its cents, unless this sentence names two others: "Il
  // dollaro si è indebolito nei confronti della valuta elvetica, scendendo sotto i 94 centesimi".
  if (!near.includes(own) && earlier.includes(own) && near.filter((c) => c !== own).length < 2) return;
  const value = toNumber(f.value);
  const codes = [...new Set([...earlier.filter((c) => !near.includes(c)), ...near])];
  const owner = codes.find((c) => c !== own && c !== base && codes.some((d) => d !== c && plausibleFor(d, c, value)));
  if (owner) f.currency = owner;
}

/** How far after a quote a bare figure at its level may stand to repeat its pair. */
const RECENT_LEVEL_REACH = 400;

/** The latest quote before a bare figure, within reach, whose level the figure is near (among the latest few). */
function recentLevel(rates: readonly RateSpan[], f: Figure): RateSpan | null {
  const value = toNumber(f.value);
  for (let r = rates.length - 1; r >= Math.max(0, rates.length - LOOKBACK); r--) {
    const q = rates[r]!;
    if (q.end > f.start || f.start - q.end > RECENT_LEVEL_REACH || q.earlier) continue;
    if (Math.abs(toNumber(q.figure) / value - 1) <= LEVEL_NEAR) return q;
  }
  return null;
}

/** How many names of the sentence before are weighed as the owner of open cents. */
const OWNER_MENTIONS = 8;
