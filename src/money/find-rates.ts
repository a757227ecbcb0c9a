import type { Span } from '../document.js';
import type { Grammar } from './compile-grammar.js';
import type { PhraseTrie } from './phrase-trie.js';
import { type Decimal, decimalFromParts, divide, toNumber } from './decimal.js';
import type { AmountSpan, BareNumber, Segment, TextForms } from './find-amounts.js';
import { SHARED_CURRENCIES } from '../lang/shared/index.js';
import { isDigit, isLetter, isWordUnit, matchKey } from './match-key.js';
import { marketOrder, plausibleRate, typicalRate } from './typical-rates.js';
import { countBelow, spanIndexAt } from '../util/span-at.js';

/** An exchange-rate quote: "un dollar valait 1 431,30 wons", "le won a clôturé à 1 380,5 pour un dollar". */
export interface RateSpan {
  /** Market convention: the base is the first of EUR, GBP, AUD, NZD, USD… in the pair. */
  base: string;
  quote: string;
  /** Units of `quote` for one `base`. */
  value: Decimal;
  /** The quoted figure (with its currency when printed next to it). */
  start: number;
  end: number;
  /** The figure as printed and its currency, if printed: what the English rendering shows. */
  figure: Decimal;
  figureCurrency: string | null;
  /** Dated in the past by the text ("un an plus tôt"): reported, not evidence of the article's rate. */
  earlier: boolean;
  /** A level the article quoted before, repeated: reported, but not a second piece of evidence. */
  repeat?: true;
}

/** How many amounts of a sentence are compared for their currency. */
const MAX_SENTENCE_AMOUNTS = 16;

/** Whether an amount could be a rate figure or a change: a plausible rate against a currency named around it, or a move. */
function couldBeRate(ctx: RateContext, g: Grammar, a: AmountSpan, named: ReadonlySet<string>): boolean {
  const figure: Figure = { start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: -1 };
  if (isChange(ctx.forms, g, figure)) return true;
  const value = toNumber(a.decimal);
  return [...named].some((c) => c !== figure.currency && (plausibleFor(c, figure.currency!, value) || plausibleFor(c, figure.currency!, value / 100)));
}

/** Whether an amount's per-unit phrase names a currency ("1,406.3 won per dollar", "100엔당 953원"). */
function perCurrency(ctx: RateContext, a: AmountSpan): boolean {
  const g = grammarAt(ctx.segments, a.start);
  if (!g || !a.per) return false;
  const unit = matchKey(a.per.unit.replace(/^[\d\s.,]+/u, ''));
  const found = g.mentions.longest(unit, unit, 0, { hangulAttach: true });
  return found !== null;
}

/** The clause of a sentence that ends at `to`: from the last comma, semicolon or bracket before it. */
function clauseBefore(forms: TextForms, sentence: Span, to: number): Span {
  // No further back than a subject is looked for: bounded work in a sentence of many figures.
  const limit = Math.max(sentence.start, to - NAMED_SUBJECT_REACH);
  let start = to;
  while (start > limit && !',;()'.includes(forms.fold[start - 1]!)) start--;
  return { start, end: sentence.end };
}

/**
 * A figure in a currency whose name a sister shares, in an article that names the sister, which
 * makes no rate against its base even as a historical one: it is in the sister.
 */
function sisterReading(ctx: RateContext, f: Figure, base: string, units: number): void {
  const sister = f.currency !== null ? SHARED_CURRENCIES.sisterCurrencies[f.currency] : undefined;
  if (!sister || !ctx.currencies.includes(sister) || base === f.currency) return;
  if (plausibleFor(base, f.currency!, toNumber(f.value) / units, HISTORICAL_FACTOR)) return;
  f.currency = sister;
}

/**
 * Where a sentence that names the price of a good ("le prix", "le litre") and no currency apart
 * from its sums names it first: its figures after that are prices, whatever cue of the rate it
 * holds. Infinity for any other sentence.
 */
function aboutPrices(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[], named: readonly Mention[]): number {
  const apart = named.some((m) => {
    const a = amounts[countBelow(amounts, m.start + 1, (x) => x.start) - 1];
    return !(a !== undefined && a.end >= m.end);
  });
  if (apart) return Infinity;
  const { key, fold } = ctx.forms;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    if (g.priceNouns.longest(key, fold, i, { prefix: true })) return i;
  }
  return Infinity;
}

/** Whether an amount's per-unit phrase is a bare "unit" ("por unidad", "l'unité", "per unit"). */
function perUnitWord(ctx: RateContext, a: AmountSpan): boolean {
  const g = grammarAt(ctx.segments, a.start);
  return g !== null && a.per !== null && (g.pack.rates.unitWords ?? []).some((w) => matchKey(w) === matchKey(a.per!.unit.trim()));
}

/** A figure in a currency larger than a quarter of what a dollar is worth in it cannot be a change of a rate. */
function tooLargeForChange(f: Figure): boolean {
  if (f.currency === null || f.currency === 'USD') return false;
  const usual = typicalRate('USD', f.currency);
  return usual !== null && toNumber(f.value) > usual / 4;
}

/** How long a currency name labelling a table row may be ("Dollar américain :"). */
const LABEL_REACH = 24;

/**
 * "Dollar : 1 402,1 wons", "Yen (100) : 932,8 wons": a row of a market table, the currency alone
 * before the colon, at the start of its line or after a full stop.
 */
function tableLabel(ctx: RateContext, g: Grammar, f: Figure, colon: number): { code: string; units: number } | null {
  const { key, fold } = ctx.forms;
  let e = colon;
  while (e > 0 && fold[e - 1] === ' ') e--;
  let units = 1;
  const hundred = /\(100\) ?$/.exec(fold.slice(Math.max(0, e - 7), e));
  if (hundred) {
    units = 100;
    e -= hundred[0].length;
    while (e > 0 && fold[e - 1] === ' ') e--;
  }
  for (let s = Math.max(0, e - LABEL_REACH); s < e; s++) {
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(key.charCodeAt(s))) continue;
    const mention = g.mentions.longest(key, fold, s, { hangulAttach: true, accept: (end) => end === e });
    if (!mention || mention.value.subunit) continue;
    let b = s;
    while (b > 0 && fold[b - 1] === ' ') b--;
    if (b > 0 && !'.\n;)'.includes(fold[b - 1]!)) return null;
    const code = ctx.resolve(mention.value.code);
    return code === f.currency ? null : { code, units };
  }
  return null;
}

/** How close after a figure a currency name stands to be read with it ("927.6원(100엔당)"). */
const ADJACENT_NAME = 6;

/** How far after its figure a quote's verb may stand ("… zu 198,9 Won gehandelt"). */
const VERB_AFTER_FIGURE = 25;

/** Where the clause after `from` ends, within `reach`: at punctuation or a figure. */
function clauseEnd(forms: TextForms, from: number, reach: number): number {
  const limit = Math.min(forms.key.length, from + reach);
  for (let i = from; i < limit; i++) {
    const c = forms.key.charCodeAt(i);
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x0a || isDigit(c)) return i;
  }
  return limit;
}

/** How far before its figure a subject may stand ("L'euro, porté par …, à 1,1712 dollar, et s'achetait 1 604,3 wons"). */
const NAMED_SUBJECT_REACH = 160;

/** How far before a subject its verb may stand ("kostete ein Dollar …"). */
const VERB_BEFORE_SUBJECT = 30;
/** A figure under this share of the usual rate, in a sentence about the rate, is a change of it. */
const CHANGE_SHARE = 0.05;

export interface RateFindings {
  rates: RateSpan[];
  /** Indexes of amounts that are rate figures, the base of a quote ("pour 1 dollar", "100엔당") or rate changes. */
  notAmounts: Set<number>;
}

interface Figure {
  start: number;
  end: number;
  value: Decimal;
  /** The figure's own currency, when printed. */
  currency: string | null;
  /** Index into amounts, or -1 for a bare number. */
  amount: number;
  /** Priced per "unit" ("1.095,8 wones por unidad"): a quote only of a currency named as its subject. */
  perUnit?: true;
}

export interface RateContext {
  forms: TextForms;
  segments: readonly Segment[];
  sentences: readonly Span[];
  /** Resolves "$", "¥", "FRANC", "PESO" as the article does. */
  resolve(code: string): string;
  /** The article's currencies, most amounts first: the quote a bare figure is in when the text does not say. */
  currencies: readonly string[];
}

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
  amounts.forEach((a, i) => {
    // "le tether s'échangeait à 1 374 wons l'unité": a price per unit is not a rate, a price per
    // dollar is.
    if (a.scale !== null) return;
    if (a.per === null || perCurrency(ctx, a)) figures.push({ start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: i });
    else if (perUnitWord(ctx, a)) figures.push({ start: a.start, end: a.end, value: a.decimal, currency: ctx.resolve(a.currency), amount: i, perUnit: true });
  });
  for (const b of bare) {
    if (b.scale === null && !b.written && bareFigure(ctx, b, amounts)) figures.push({ start: b.start, end: b.end, value: b.decimal, currency: null, amount: -1 });
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
  const leadsOf = (g: Grammar, sentence: Span): LeadBase[] => {
    let leads = leadCache.get(sentence.start);
    if (!leads) {
      leads = leadingBases(ctx, g, sentence, amounts);
      leadCache.set(sentence.start, leads);
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
    const base: { code: string; units: number; amount?: number } | null = explicit ?? subjectBefore(ctx, g, f, subjectSpan, amounts, byEnd, rates) ?? (f.perUnit ? null : listed);
    if (!base) continue;
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
    const candidates: string[] = [...(f.currency !== null ? [f.currency] : []), ...currenciesByDistance(mentions(g, sentence), f), ...ctx.currencies].filter((c) => c !== base.code);
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
    if (f.perUnit || taken.has(f) || (f.amount !== -1 && notAmounts.has(f.amount))) continue;
    const g = grammarAt(ctx.segments, f.start);
    if (!g) continue;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, f.start);
    // '"The 1,410 line looks like the one they want to defend"': a bare figure naming a level, near
    // one the article quoted, is a rate even where nothing else says the sentence is about it.
    const level = !isRateSentence(g, sentence);
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
    if (isChange(ctx.forms, g, f)) {
      // "230 000 wons de plus que prévu" is money: a change of the rate is a fraction of it.
      if (f.amount !== -1 && !tooLargeForChange(f)) notAmounts.add(f.amount);
      continue;
    }
    // "dollar/yen 146,35": a bare figure right after a pair is that pair's rate.
    if (f.currency === null) {
      const labelled = pairCueRightBefore(ctx, g, sentence, f, pairCueCache);
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
    // "31 900 wons" on Pyongyang's market, in an article that names the North Korean won.
    if (f.currency !== null) sisterReading(ctx, f, 'USD', 1);
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
      if (plausibleRate(b, q, value, 2)) rates.push(toRate(b, q, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))));
      else if (plausibleRate(b, q, 1 / value, 2)) rates.push(toRate(q, b, f, 1, earlier(ctx, g, f, sentence, previousEnd(f))));
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
  // "un dollar entre 1 420 et 1 500 wons": the other end of a range of a rate is a rate of the
  // same pair.
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
    if (!plausibleRate(candidate.base, candidate.quote, toNumber(candidate.value), 2)) return;
    rates.push(candidate);
    notAmounts.add(i);
  });
  settleOpenCurrencies(rates, amounts, ctx.currencies);
  // "tablaient sur un dollar à 1 300 à 1 350 wons … Hyundai avait bâti son plan sur 1 350 wons":
  // a figure that repeats a level the article quoted, in its currency, is that level again. A
  // round thousand is too common a price to be read so.
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
  const byPosition = [...rates].sort((x, y) => x.start - y.start);
  // '"… 1,350 won by the fourth quarter is not a stretch," said a strategist', after a sentence
  // quoting the rate: a figure in the currency just quoted, near the level quoted, in a sentence
  // that prices nothing, is a level too.
  amounts.forEach((a, i) => {
    if (notAmounts.has(i) || a.scale !== null || a.per !== null || a.range) return;
    const g = grammarAt(ctx.segments, a.start);
    if (!g) return;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, a.start);
    const previous = previousSentence(ctx.sentences, sentence);
    const from = previous ? previous.start : sentence.start;
    let currency = ctx.resolve(a.currency);
    const figure = toNumber(a.decimal);
    // "… un huard à 72 cents US. À 75 cents, …": an open currency ("cents", "$") is the one of
    // the level it repeats.
    const open = a.printed !== undefined ? SHARED_CURRENCIES.contexts[a.printed] : undefined;
    const sameCurrency = (c: string | null) => c === currency || (open !== undefined && c !== null && (c === open.default || open.alternatives.some((x) => x.code === c)));
    let near: RateSpan | undefined;
    for (let r = countBelow(byPosition, a.start, (x) => x.start) - 1; r >= 0 && byPosition[r]!.start >= from && !near; r--) {
      const q = byPosition[r]!;
      if (q.end <= a.start && sameCurrency(q.figureCurrency) && !q.earlier && Math.abs(toNumber(q.figure) / figure - 1) <= LEVEL_NEAR) near = q;
    }
    if (!near || containsPhrase(ctx.forms, g.priceVerbs, sentence.start, sentence.end, true)) return;
    currency = near.figureCurrency ?? currency;
    // The same units as the level it is near ("100 yens": 857,4 → 8.574).
    const inQuote = near.quote === currency;
    const units = Math.round(inQuote ? toNumber(near.figure) / toNumber(near.value) : toNumber(near.figure) * toNumber(near.value));
    const value = inQuote ? (units === 1 ? a.decimal : divide(a.decimal, decimalFromParts(String(units)), 12)) : divide(decimalFromParts(String(units)), a.decimal, 8);
    rates.push({ ...near, start: a.start, end: a.end, figure: a.decimal, value, earlier: false });
    notAmounts.add(i);
  });
  rates.sort((x, y) => x.start - y.start);
  marketDollars(ctx, rates, amounts);
  return { rates, notAmounts };
}

/** Currencies whose market quotes the US dollar, in a Canadian article as anywhere. */
const QUOTED_AGAINST_OTHERS = new Set(['EUR', 'GBP', 'CHF', 'AUD', 'NZD', 'USD', 'CAD']);

/**
 * "À Séoul, le won a clôturé à 1 469,8 pour un dollar" in a Canadian paper, whose bare "$" is
 * Canadian: the won, the yen, the yuan… are quoted against the US dollar, and a writer who means
 * the Canadian one against them says so in the sentence ("le huard", "dollar canadien", "$ CA").
 */
function marketDollars(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[]): void {
  if (ctx.resolve('$') !== 'CAD') return;
  // Each sentence is read once, however many quotes it holds.
  const named = new Map<number, 'canadian' | 'bare' | 'none'>();
  for (const r of rates) {
    const other = r.base === 'CAD' ? r.quote : r.quote === 'CAD' ? r.base : null;
    if (other === null || QUOTED_AGAINST_OTHERS.has(other)) continue;
    const g = grammarAt(ctx.segments, r.start);
    if (!g) continue;
    const sentence = sentenceAt(ctx.sentences, ctx.segments, r.start);
    let dollars = named.get(sentence.start);
    if (dollars === undefined) {
      dollars = dollarsNamed(ctx, g, sentence, amounts);
      named.set(sentence.start, dollars);
    }
    // A level that repeats the pair of a quote before it, naming no dollar ("Sous les 1 000
    // wons, …"), keeps that pair.
    if (dollars !== 'bare') continue;
    if (r.base === 'CAD') r.base = 'USD';
    else r.quote = 'USD';
    if (r.figureCurrency === 'CAD') r.figureCurrency = 'USD';
  }
}

/**
 * The dollars a sentence names, not counting the signs of its sums: the Canadian one itself, only
 * bare ones the article reads so, or none.
 */
function dollarsNamed(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[]): 'canadian' | 'bare' | 'none' {
  const { key, fold } = ctx.forms;
  let bare = false;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i)) && !isDigit(key.charCodeAt(i - 1))) continue;
    const m = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (!m) continue;
    if (m.value.code === 'CAD') return 'canadian';
    const a = amounts[countBelow(amounts, i + 1, (x) => x.start) - 1];
    if (m.value.code === '$' && !(a && a.end > i)) bare = true;
    i = m.end - 1;
  }
  return bare ? 'bare' : 'none';
}

/**
 * A number without a currency can be a rate figure ("à 1 380,5 pour un dollar", "closed at
 * 1,370.90 as of 11:26") unless it is a year ("depuis 2009"), a time ("3:30"), counts something
 * ("2 334,23 points") or is the number of an amount already read.
 */
function bareFigure(ctx: RateContext, b: BareNumber, amounts: readonly AmountSpan[]): boolean {
  const { fold, key } = ctx.forms;
  if (/^(?:19|20)\d\d$/.test(fold.slice(b.start, b.end))) return false;
  if (fold[b.end] === ':' || fold[b.start - 1] === ':' || fold[b.end] === '%') return false;
  // "Yen (100) :": the units a table row is for.
  if (fold[b.start - 1] === '(' && fold[b.end] === ')' && /^ ?:/.test(fold.slice(b.end + 1, b.end + 3))) return false;
  // "3시 10분", "9월 2일": a time or a date in Korean.
  if ('시분초년월일'.includes(fold[b.end] ?? '')) return false;
  // "vers 8 H 30", "à 9h30": the minutes of a time.
  if (/\d ?[hH] ?$/.test(fold.slice(Math.max(0, b.start - 4), b.start))) return false;
  // "a 15-year low": a number hyphened to a word qualifies it.
  if (fold[b.end] === '-' && isWordUnit(key.charCodeAt(b.end + 1))) return false;
  // "un Boeing 737", "l'Airbus A350", "le Galaxy S25": a number right after a capitalised name is a model.
  if (/^\d{1,4}$/.test(fold.slice(b.start, b.end)) && modelNumber(fold, b.start)) return false;
  let next = b.end;
  while (fold[next] === ' ') next++;
  if (fold[next] === '%') return false;
  const g = grammarAt(ctx.segments, b.start);
  if (g && g.percentWords.longest(key, fold, next)) return false;
  // "912,7 wones por cada 100 unidades": the number of units a quote is for is not a figure.
  // A number the clause goes on after ("contre 1 300 dans le budget") is a figure, though.
  const g0 = grammarAt(ctx.segments, b.start);
  const clauseGoesOn = !isWordUnit(key.charCodeAt(next)) || (g0 !== null && g0.clauseWords.longest(key, fold, next) !== null);
  if (g0 && !clauseGoesOn) {
    const before = key.slice(Math.max(0, b.start - 16), b.start).trimEnd();
    const articles = new Set([...g0.pack.rates.subjects, ...g0.pack.numbers.articles].map(matchKey));
    if (g0.pack.rates.perBase.some((p) => !articles.has(matchKey(p)) && before.endsWith(' ' + matchKey(p)))) return false;
  }
  if (isWordUnit(key.charCodeAt(next)) && next === b.end + 1) {
    if (!g || !g.bareFigureFollowers.longest(key, fold, next)) return false;
  }
  return !amounts.some((a) => a.start < b.end && b.start < a.end);
}

/**
 * Whether the word right before `start` (one space between) is a capitalised name such as
 * "Boeing"; asked only of short numbers printed without separators, as model numbers are
 * ("Boeing 737"), unlike levels ("Seoul 1.433,5", "The 1,410 line").
 */
function modelNumber(text: string, start: number): boolean {
  if (text[start - 1] !== ' ') return false;
  let from = start - 1;
  while (from > 0 && /\p{Ll}/u.test(text[from - 1]!)) from--;
  return from > 0 && start - 1 - from >= 2 && /\p{Lu}/u.test(text[from - 1]!) && (from - 1 === 0 || !/\p{L}/u.test(text[from - 2]!));
}

/**
 * "contre 1 450 wons un an plus tôt", "1030.3원보다", "A year ago, the won traded at 1,300": a
 * phrase after the figure in its clause, or before it in its sentence since the previous figure,
 * dates it in the past.
 */
function earlier(ctx: RateContext, g: Grammar, f: Figure, sentence: Span, previousEnd: number): boolean {
  const { key, fold } = ctx.forms;
  if (g.earlierAfter.longest(key, fold, f.end + (fold[f.end] === ' ' ? 1 : 0), { hangulAttach: true })) return true;
  const limit = Math.min(key.length, f.end + EARLIER_REACH);
  for (let i = f.end; i < limit; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x2e || c === 0x3b || c === 0x2c || c === 0x3f || c === 0x21 || c === 0x0a || isDigit(c)) break;
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(c)) continue;
    if (g.earlierAfter.longest(key, fold, i, { hangulAttach: true })) return true;
  }
  const from = Math.max(sentence.start, previousEnd, f.start - EARLIER_REACH);
  for (let i = from; i < f.start; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    if (g.earlierBefore.longest(key, fold, i, { hangulAttach: true, accept: (e) => e <= f.start })) return true;
  }
  return false;
}

/** How far from a rate figure a phrase dating it may stand ("1 450 wons un an plus tôt"). */
const EARLIER_REACH = 40;

function toRate(base: string, quote: string, f: Figure, units: number, past = false): RateSpan {
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
function nearestReading(base: string, units: number, value: number, pool: readonly string[]): { other: string; inSubject: boolean } | null {
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
function nearPrevious(rates: readonly RateSpan[], from: Span, f: Figure, quote: string): string | undefined {
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
const NEAR_QUOTED = 1e-9;

/** How near the figure of a quote before a figure must be for the two to price the same pair. */
const NEAR_PREVIOUS = 0.15;

/**
 * Of some currencies, the one a figure in `quote` prices nearest its usual level (the yen per
 * hundred; a bare figure may also be the other way round), among those it prices plausibly.
 */
function nearestUsual(candidates: readonly string[], quote: string, value: number, bare: boolean): string | undefined {
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
function latestCounterpart(rates: readonly RateSpan[], code: string, f: Figure): string[] {
  // The latest quotes only: bounded work in an article of thousands of quotes.
  for (let i = rates.length - 1; i >= Math.max(0, rates.length - LOOKBACK); i--) {
    const r = rates[i]!;
    if (r.end <= f.start && (r.base === code || r.quote === code)) return [r.base === code ? r.quote : r.base];
  }
  return [];
}

/** How much nearer its usual rate another reading of an open currency must be to be taken. */
const OPEN_CURRENCY_MARGIN = Math.log(1.25);

/**
 * "L'euro valait 1,0815 dollar" in an article that names the Canadian dollar once: a quote's
 * figure printed in an open currency ("dollar", "$", "¥") is in whichever of the currencies it
 * may be makes the rate nearest its usual level, when one is clearly nearer than the article's
 * reading (euro-dollar 1.08 is the US dollar's; the Canadian's is near 1.5).
 */
function settleOpenCurrencies(rates: RateSpan[], amounts: readonly AmountSpan[], articleCurrencies: readonly string[]): void {
  const byStart = new Map<number, AmountSpan>();
  for (const a of amounts) if (a.printed !== undefined) byStart.set(a.start, a);
  if (byStart.size === 0) return;
  const one = decimalFromParts('1');
  for (const r of rates) {
    const printed = byStart.get(r.start)?.printed;
    const rule = printed !== undefined ? SHARED_CURRENCIES.contexts[printed] : undefined;
    const figure = r.figureCurrency;
    if (!rule || figure === null) continue;
    const other = r.base === figure ? r.quote : r.base;
    const perOther = r.quote === figure ? r.value : divide(one, r.value, 8);
    const distance = (code: string): number => offUsual(other, code, toNumber(perOther));
    let best = figure;
    // Only the readings the article gives a reason for: "l'euro à 1,4266 dollar" in a 2008 wrap
    // that names no other dollar is the US one, however far from today's level.
    for (const code of [rule.default, ...rule.alternatives.map((a) => a.code).filter((c) => articleCurrencies.includes(c))]) {
      if (code !== other && distance(code) < distance(best)) best = code;
    }
    if (best === figure || !(distance(figure) - distance(best) > OPEN_CURRENCY_MARGIN)) continue;
    const [b, q] = marketOrder(other, best);
    r.base = b;
    r.quote = q;
    r.value = b === other ? perOther : divide(one, perOther, 8);
    r.figureCurrency = best;
  }
}

/** Whether a figure is printed in US cents ("85,78 cents US", "74,76 ¢US"). */
function inUsCents(f: Figure, amounts: readonly AmountSpan[]): boolean {
  return f.currency === 'USD' && f.amount !== -1 && amounts[f.amount]!.inSubunit === true;
}

/** How many of the latest quotes a figure is compared with. */
const LOOKBACK = 64;

/** How near a level named without a currency must be to a quoted rate ("the 1,410 line"). */
const LEVEL_NEAR = 0.1;

/** "the 1,410 line", "1.400er-Marke": a level noun right after a figure. */
function levelNounAfter(forms: TextForms, g: Grammar, f: Figure): boolean {
  const { key, fold } = forms;
  const at = f.end + (fold[f.end] === ' ' || fold[f.end] === '-' ? 1 : 0);
  if (g.rateLevelNouns.longest(key, fold, at) !== null) return true;
  // "1 400 wons : le seuil qui inquiète Séoul": a headline names the level after a colon.
  let p = at;
  if (fold[p] !== ':' && fold[p] !== ',') return false;
  p++;
  if (fold[p] === ' ') p++;
  let word = p;
  while (word < key.length && isWordUnit(key.charCodeAt(word))) word++;
  if (fold[word] === "'") word++;
  else if (fold[word] === ' ') word++;
  else return false;
  return g.pack.rates.subjects.some((d) => matchKey(d) === matchKey(key.slice(p, word).trim())) && g.rateLevelNouns.longest(key, fold, word) !== null;
}

/**
 * "100 yens valaient 857,4 wons": a currency worth little is quoted per hundred; "un billet de 100
 * dollars s'échange contre 146 500 wons" is a sum converted, not a quote.
 */
function quotedPerHundred(code: string): boolean {
  const perDollar = typicalRate('USD', code);
  return perDollar !== null && perDollar >= PER_HUNDRED_BELOW;
}

/** Currencies of which a dollar buys at least this many are quoted per hundred units. */
const PER_HUNDRED_BELOW = 20;

/** How far back a quote may be for "the same amount" to name its base. */
const SAME_BASE_REACH = 400;

/**
 * "1 380,5 pour un dollar", "1,430 won per dollar", "900 wons pour 100 yens", "per ¥100"; "pour
 * obtenir la même somme" names the base of the latest quote, when there is one.
 */
function baseAfter(
  ctx: RateContext,
  g: Grammar,
  f: Figure,
  byEnd: ReadonlyMap<number, number>,
  latest: { code: string; units: number } | null,
): { code: string; units: number; amount?: number; strong?: boolean } | null {
  const { key, fold } = ctx.forms;
  let at = f.end;
  // "255 ₩/$", "1 380 wons/dollar": a pair written with a slash after the figure's currency.
  if (f.currency !== null && fold[at] === '/') {
    const base = g.mentions.longest(key, fold, at + 1, { hangulAttach: true });
    if (base && !base.value.subunit) return { code: ctx.resolve(base.value.code), units: 1, strong: true };
  }
  if (fold[at] === ' ') at++;
  // "160,52 yens sont désormais nécessaires pour obtenir 1 dollar": the figure's own verb first.
  const need = g.rateNeedPhrases.longest(key, fold, at);
  if (need) at = need.end + (fold[need.end] === ' ' ? 1 : 0);
  const marker = g.rateBase.longest(key, fold, at);
  if (!marker) return null;
  let strong = !g.rateWeakBases.has(key.slice(at, marker.end).trim());
  let p = marker.end;
  // "pour 1" before "1 000 wons": a marker ending in a digit gives the digit back to the number.
  if (isDigit(key.charCodeAt(p - 1)) && /^[ \u00a0\u202f.,']?\d/.test(fold.slice(p, p + 2))) {
    while (p > at && isDigit(key.charCodeAt(p - 1))) p--;
  }
  if (fold[p] === ' ') p++;
  let units = 1;
  // "17 580 dongs pour 1 000 wons": the units may be grouped.
  const number = /^\d{1,3}(?:[ \u00a0\u202f.,']\d{3})*(?!\d)/.exec(fold.slice(p, p + 12));
  if (number) {
    units = Number(number[0].replace(/\D/g, ''));
    p += number[0].length;
    if (/[ \u00a0\u202f]/.test(fold[p] ?? '')) p++;
  }
  const mention = g.mentions.longest(key, fold, p, { hangulAttach: true });
  // "8,0686 yuans pour 100 yens": a count of units names the base as plainly as "pour un" does.
  if (number) strong = true;
  if (!mention && !number && latest && g.rateSameBase.longest(key, fold, p)) return { code: latest.code, units: latest.units, strong };
  // "15 wones = 1 dólar" names the base after the sign; "$1 = 1,430 won" prices the dollar, and
  // is read from the other side.
  if (/^[=≈]/.test(key.slice(at, marker.end).trim()) && units !== 1 && units !== 100) return null;
  if (!mention || mention.value.subunit) return null;
  let end = mention.end;
  if (!number) {
    const after = /^\s?\d+/.exec(key.slice(mention.end, mention.end + 6));
    if (after && mention.value.sign) {
      units = Number(after[0].trim());
      end += after[0].length;
    }
  }
  // "908,46 wons pour 100 yens": the base, printed as an amount, is not money.
  const amount = byEnd.get(end);
  return { code: ctx.resolve(mention.value.code), units: units || 1, strong, ...(amount !== undefined ? { amount } : {}) };
}

/**
 * "Pour 1 euro, on obtient 0,85 livre, 0,96 franc suisse et 1,48 dollar canadien": a clause that
 * opens with a base and a comma prices it in every other currency the sentence prints after it.
 * The clause may open the sentence or follow a comma in it ("Ce lundi matin, pour 1 euro, on
 * obtient …"); the nearest before the figure counts. Each sentence is read once.
 */
type LeadBase = { at: number; code: string; units: number; amount?: number };

function leadingBases(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[]): LeadBase[] {
  const { key, fold } = ctx.forms;
  let at = sentence.start;
  while (at < sentence.end && !isWordUnit(key.charCodeAt(at))) at++;
  const starts = [at];
  for (let c = fold.indexOf(',', sentence.start); c !== -1 && c < sentence.end; c = fold.indexOf(',', c + 1)) starts.push(c + (fold[c + 1] === ' ' ? 2 : 1));
  const out: LeadBase[] = [];
  for (const start of starts) {
    const lead = g.rateLeadingBase.longest(key, fold, start);
    if (!lead) continue;
    const open = lead.end + (fold[lead.end] === ' ' ? 1 : 0);
    const base = leadAmount(ctx, amounts, open) ?? leadName(ctx, g, open);
    if (!base) continue;
    // A comma closes the lead, or a clause that takes its price: "Pour un dollar on obtient …".
    let after = base.at;
    if (fold[after] !== ',') {
      while (fold[after] === ' ') after++;
      const clause = g.rateLeadingClauses.longest(key, fold, after);
      if (!clause) continue;
      base.at = clause.end;
    }
    out.push(base);
  }
  return out;
}

/** "Pour 1 euro", "pour 100 yens": one or a hundred units printed as an amount. */
function leadAmount(ctx: RateContext, amounts: readonly AmountSpan[], open: number): LeadBase | null {
  const i = countBelow(amounts, open + 1, (a) => a.start) - 1;
  const a = amounts[i];
  if (!a || a.start !== open || a.scale !== null) return null;
  const units = toNumber(a.decimal);
  return units === 1 || units === 100 ? { at: a.end, code: ctx.resolve(a.currency), units, amount: i } : null;
}

/** "Pour un dollar", "En changeant 1 livre": an article (or 1) and a currency's name. */
function leadName(ctx: RateContext, g: Grammar, open: number): LeadBase | null {
  const { key, fold } = ctx.forms;
  let end = open;
  while (end < key.length && isWordUnit(key.charCodeAt(end))) end++;
  const word = matchKey(key.slice(open, end));
  if (end === open || fold[end] !== ' ' || !(word === '1' || g.words?.articles.has(word))) return null;
  const mention = g.mentions.longest(key, fold, end + 1, { hangulAttach: true });
  if (!mention || mention.value.subunit) return null;
  return { at: mention.end, code: ctx.resolve(mention.value.code), units: 1 };
}

function leadingBase(f: Figure, leads: readonly LeadBase[]): { code: string; units: number; amount?: number } | null {
  if (f.currency === null) return null;
  const n = countBelow(leads, f.start, (l) => l.at);
  return n > 0 ? leads[n - 1]! : null;
}

/**
 * A level put first, its subject after the comma: "Horlogerie : à 1 739 wons, le franc freine
 * les ventes", "At 1,450 won, the dollar…". The clause opens with a word that prices a subject.
 */
function frontedLevel(ctx: RateContext, g: Grammar, f: Figure, sentence: Span, rates: readonly RateSpan[], amounts: readonly AmountSpan[]): { code: string; units: number } | null {
  if (f.currency === null) return null;
  const { key, fold } = ctx.forms;
  // The clause starts at the sentence or after a colon or a line break.
  let open = f.start - 1;
  while (open > sentence.start && fold[open - 1] !== ':' && fold[open - 1] !== '\n' && f.start - open < 40) open--;
  if (open > sentence.start && fold[open - 1] !== ':' && fold[open - 1] !== '\n') return null;
  // An opening quotation mark or bracket may come first ("« Au-dessus de 1 400 wons, … »").
  while (open < f.start && (fold[open] === ' ' || OPENERS.includes(fold[open]!))) open++;
  const at = g.rateAtLevel.longest(key, fold, open);
  if (!at || !(key.slice(at.end, f.start).trim() === '' || onlyQualifier(ctx.forms, g, at.end, f.start))) return null;
  let after = f.end;
  while (fold[after] === ' ') after++;
  if (fold[after] !== ',') return null;
  after++;
  while (fold[after] === ' ') after++;
  // A determiner ("le", "l'", "the"), then the currency.
  let word = after;
  while (word < key.length && word - after < 6 && isWordUnit(key.charCodeAt(word))) word++;
  if (fold[word] === ' ') word++;
  const start = g.mentions.longest(key, fold, word, { hangulAttach: true }) ? word : g.mentions.longest(key, fold, after + 2, { hangulAttach: true }) && fold[after + 1] === "'" ? after + 2 : -1;
  // "Au-dessus de 1 400 wons, chaque trimestre nous coûte …": a threshold without its subject is
  // the pair of a quote the article made near that level.
  if (start === -1) return levelOfQuoted(rates, f);
  const mention = g.mentions.longest(key, fold, start, { hangulAttach: true })!;
  let det = start;
  while (det > 0 && fold[det - 1] === ' ') det--;
  if (!g.rateSubjects.longest(key, fold, det) || mention.value.subunit) return null;
  const code = ctx.resolve(mention.value.code);
  reReadOpenDollar(f, code, amounts);
  return code === f.currency ? null : { code, units: 1 };
}

/**
 * "Le huard valait 72 cents", "Sous 70 cents, le huard …" in an article whose bare dollar is the
 * Canadian one: a figure in that open dollar, priced against the very currency it was read as,
 * cannot be its rate; it is in the US dollar, as such quotes are. Re-reads the figure (and says so)
 * when that makes a plausible rate.
 */
function reReadOpenDollar(f: Figure, base: string, amounts: readonly AmountSpan[]): boolean {
  if (f.amount === -1 || f.currency !== base || base === 'USD' || amounts[f.amount]?.printed !== '$') return false;
  if (!plausibleFor(base, 'USD', toNumber(f.value))) return false;
  f.currency = 'USD';
  return true;
}

const OPENERS = '«“"‹(\'‘';

/** The base of a same-day quote before the figure, in its currency and near its value (a level of that pair). */
function levelOfQuoted(rates: readonly RateSpan[], f: Figure): { code: string; units: number } | null {
  if (f.currency === null) return null;
  // A scaled sum ("500 milliards de wons") is nowhere near a level.
  const value = toNumber(f.value);
  for (let i = rates.length - 1; i >= Math.max(0, rates.length - LOOKBACK); i--) {
    const r = rates[i]!;
    if (r.end > f.start || r.earlier || r.figureCurrency !== f.currency) continue;
    if (Math.abs(toNumber(r.figure) / value - 1) <= NEAR_PREVIOUS) return { code: r.base === f.currency ? r.quote : r.base, units: 1 };
  }
  return null;
}

/** Korean and equations: "달러당 1,430원", "100엔당 900원", "1달러에 1,430원", "$1 = 1,430 won". */
function baseBefore(ctx: RateContext, g: Grammar, f: Figure, amounts: readonly AmountSpan[], byEnd: Map<number, number>): { code: string; units: number; amount?: number } | null {
  const { key, fold } = ctx.forms;
  let at = f.start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  const fromAmount = (end: number) => {
    const i = byEnd.get(end);
    if (i === undefined) return null;
    const a = amounts[i]!;
    const units = toNumber(a.decimal);
    if (!(units > 0) || a.scale !== null) return null;
    return { code: ctx.resolve(a.currency), units, amount: i };
  };
  if (fold[at - 1] === '=' || fold[at - 1] === '≈') {
    let e = at - 1;
    while (e > 0 && fold[e - 1] === ' ') e--;
    return fromAmount(e);
  }
  // A market table: "Dollar : 1 402,1 wons", "Yen (100) : 932,8 wons".
  if (fold[at - 1] === ':' && f.currency !== null) return tableLabel(ctx, g, f, at - 1);
  for (const suffix of [g.pack.rates.perBaseSuffix, g.pack.rates.basePostposition]) {
    if (!suffix || key.slice(at - suffix.length, at) !== suffix) continue;
    const end = at - suffix.length;
    const amount = fromAmount(end);
    if (amount) return amount;
    // "달러당": a currency name just before the suffix.
    for (let s = Math.max(0, end - 8); s < end; s++) {
      if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && !isDigit(key.charCodeAt(s - 1))) continue;
      const mention = g.mentions.longest(key, fold, s, { hangulAttach: true, accept: (e) => e === end });
      if (mention && suffix === g.pack.rates.perBaseSuffix) return { code: ctx.resolve(mention.value.code), units: 1 };
    }
  }
  return null;
}

/** "un dollar valait 1 431,30 wons", "100 yens valaient 926,2 wons", "the dollar closed at 1,430 won". */
function subjectBefore(
  ctx: RateContext,
  g: Grammar,
  f: Figure,
  sentence: Span,
  amounts: readonly AmountSpan[],
  byEnd: Map<number, number>,
  rates: readonly RateSpan[] = [],
): { code: string; units: number; amount?: number } | null {
  const { key, fold } = ctx.forms;
  const from = Math.max(sentence.start, f.start - NAMED_SUBJECT_REACH);
  for (let s = f.start - 1; s >= from; s--) {
    const c = key.charCodeAt(s);
    if (c === 0x2e || c === 0x3b || c === 0x3f || c === 0x21) return null;
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(c)) continue;
    const mention = g.mentions.longest(key, fold, s, { hangulAttach: true });
    if (!mention || mention.value.subunit) continue;
    // Between the subject and the figure no other figure, but for quotes of the same subject
    // ("L'euro … à 1,1712 dollar, et s'achetait 1 604,3 wons"); a rate verb there, or just before
    // the subject (German puts the verb first: "kostete ein Dollar 1.335,2 Won").
    const gap = key.slice(mention.end, f.start);
    // Nor a move of it ("le huard a progressé de 77 centièmes à 95,83 cents US").
    if (/\d/.test(gap) && !onlyMoves(ctx.forms, g, mention.end, f.start) && (!onlyQuotesOf(ctx, rates, amounts, mention.end, f.start, ctx.resolve(mention.value.code)) || namesAnother(ctx, g, byEnd, mention.end, f.start))) continue;
    const verbFrom = Math.max(sentence.start, s - VERB_BEFORE_SUBJECT);
    // "un dollar à 1 350 wons": a word that prices the subject stands for the verb, one word after
    // the subject at most ("un dollar durablement au-dessus de 1 400 wons").
    const at = levelAfterSubject(ctx.forms, g, mention.end);
    const priced = at !== null && (key.slice(at.end, f.start).trim() === '' || onlyQualifier(ctx.forms, g, at.end, f.start));
    // German puts the participle last: "Ein Yuan wurde am Donnerstag zu 198,9 Won gehandelt".
    const verbTo = clauseEnd(ctx.forms, f.end, VERB_AFTER_FIGURE);
    if (!priced && !containsPhrase(ctx.forms, g.rateSubjectVerbs, mention.end, f.start, true) && !containsPhrase(ctx.forms, g.rateSubjectVerbs, verbFrom, s, true) && !containsPhrase(ctx.forms, g.rateSubjectVerbs, f.end, verbTo, true)) continue;
    let det = s;
    while (det > 0 && fold[det - 1] === ' ') det--;
    // A headline or an English sentence may open on the currency itself: "Sterling slipped below $1.25".
    const opensSentence = det <= sentence.start || fold[det - 1] === ':' || fold[det - 1] === '\n';
    const subject = g.rateSubjects.longest(key, fold, det) ?? (opensSentence ? { end: det } : null);
    const asAmount = byEnd.get(mention.end);
    if (asAmount !== undefined) {
      // "100 wons (environ 8 centimes d'euro)": an equivalent in brackets is a pair, not a price.
      if (gap.includes('(')) continue;
      const a = amounts[asAmount]!;
      const units = toNumber(a.decimal);
      if (a.scale === null && (units === 1 || (units === 100 && quotedPerHundred(ctx.resolve(a.currency))))) return { code: ctx.resolve(a.currency), units, amount: asAmount };
      // "L'euro a franchi la barre de 1,17 dollar … et valait 1 587,2 wons": an amount's currency
      // is not the subject.
      continue;
    }
    // Korean marks its subject after the noun: "유로화는 1,530원에 거래됐다".
    // ("유로화는 1유로에 1.055달러": the figure in the subject's own currency is the base of the next.)
    if (!subject && (g.pack.rates.subjectParticles ?? []).includes(key[mention.end] ?? '') && !isWordUnit(key.charCodeAt(mention.end + 1))) {
      if (f.currency === ctx.resolve(mention.value.code)) return null;
      return { code: ctx.resolve(mention.value.code), units: 1 };
    }
    if (subject) {
      // "Un euro valait 6,55957 francs": one unit of a currency and its price is a quote however
      // far from today's level (a historical one), where "le dollar … 5 000 wons" may be a sum.
      const word = matchKey(key.slice(subject.end, det).trim());
      // The verb comes right after the currency: "une livre de bœuf coûte 5 dollars" is a price.
      let verbAt = mention.end + (fold[mention.end] === ' ' ? 1 : 0);
      // A reflexive or negative particle before the verb: "s'échangeait", "ne valait".
      const particle = g.verbParticles.longest(key, fold, verbAt);
      if (particle) verbAt = particle.end + (fold[particle.end] === ' ' ? 1 : 0);
      const oneUnit =
        (word === '1' || (g.words !== null && (g.words.articles.has(word) || g.words.words.get(word) === 1))) &&
        !/\d/.test(gap) &&
        g.rateSubjectVerbs.longest(key, fold, verbAt, { hangulAttach: true, prefix: true, accept: (end) => end <= f.start }) !== null;
      // "le dollar a chuté jusqu'à 75,32 yens": the subject's verb, then a phrase that states its
      // level right before the figure, make a quote of a level further from today's (a record).
      const stated = !oneUnit && containsPhrase(ctx.forms, g.rateSubjectVerbs, mention.end, f.start, true) && (phraseEndsAt(ctx.forms, g.rateAtLevel, f.start) || phraseEndsAt(ctx.forms, g.qualifiersBefore, f.start));
      return { code: ctx.resolve(mention.value.code), units: 1, ...(oneUnit ? { oneUnit } : {}), ...(stated ? { stated } : {}) };
    }
  }
  return null;
}

/** Whether every number between two offsets follows a word of movement ("a gagné 5,3 wons, à …"). */
function onlyMoves(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const { key, fold } = forms;
  let seen = false;
  for (let i = from; i < to; i++) {
    // The first digit of each number only ("1 200", "8,3": one number each).
    if (!isDigit(key.charCodeAt(i)) || isDigit(key.charCodeAt(i - 1)) || (/[.,\u00a0\u202f ]/.test(fold[i - 1] ?? '') && isDigit(key.charCodeAt(i - 2)))) continue;
    let at = i;
    while (at > 0 && fold[at - 1] === ' ') at--;
    if (!g.movementBefore.longest(key, fold, at)) return false;
    seen = true;
  }
  return seen;
}

/** Whether the text between two offsets is one qualifier ("un dollar à plus de 1 460 wons"). */
function onlyQualifier(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const { key, fold } = forms;
  let end = to;
  while (end > from && fold[end - 1] === ' ') end--;
  const q = g.qualifiersBefore.longest(key, fold, end);
  return q !== null && key.slice(from, q.end).trim() === '';
}

/** How far before a figure a phrase that ends at it may begin. */
const FIGURE_CUE_REACH = 40;

/** Whether a phrase of `trie` ends right before `at` (white space between them allowed). */
function phraseEndsAt<T>(forms: TextForms, trie: PhraseTrie<T>, at: number): boolean {
  const { key, fold } = forms;
  let end = at;
  while (end > 0 && fold[end - 1] === ' ') end--;
  for (let s = end - 1; s >= Math.max(0, end - FIGURE_CUE_REACH); s--) {
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(key.charCodeAt(s))) continue;
    if (trie.longest(key, fold, s, { accept: (e) => e === end })) return true;
  }
  return false;
}

/**
 * Whether every digit between two offsets belongs to a quote of one unit of `base`, found or
 * possible: an amount without a scale that would be a plausible price of `base` in its currency.
 */
function onlyQuotesOf(ctx: RateContext, rates: readonly RateSpan[], amounts: readonly AmountSpan[], from: number, to: number, base: string): boolean {
  const { key } = ctx.forms;
  const spans: Span[] = rates.slice(Math.max(0, rates.length - LOOKBACK)).filter((r) => r.base === base && r.end > from && r.start < to);
  for (let i = countBelow(amounts, from, (a) => a.start); i < amounts.length && amounts[i]!.start < to; i++) {
    const a = amounts[i]!;
    const currency = ctx.resolve(a.currency);
    if (a.scale === null && currency !== base && plausibleFor(base, currency, toNumber(a.decimal))) spans.push(a);
  }
  if (spans.length === 0) return false;
  for (let i = from; i < to; i++) {
    if (isDigit(key.charCodeAt(i)) && !spans.some((r) => r.start <= i && i < r.end)) return false;
  }
  return true;
}

/**
 * Whether a currency is named between two offsets other than as an amount's: the subject of a
 * clause whose verb is left out ("… s'échangeait contre 1 561,7 wons et le dollar contre 1 369,4").
 */
function namesAnother(ctx: RateContext, g: Grammar, byEnd: ReadonlyMap<number, number>, from: number, to: number): boolean {
  const { key, fold } = ctx.forms;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const m = g.mentions.longest(key, fold, i, { hangulAttach: true });
    if (m && m.end <= to && !byEnd.has(m.end)) return true;
  }
  return false;
}

/** A phrase that prices a subject ("à", "au-dessus de") right after it, or after one word. */
function levelAfterSubject(forms: TextForms, g: Grammar, end: number): { end: number } | null {
  const { key, fold } = forms;
  let at = end + (fold[end] === ' ' ? 1 : 0);
  const direct = g.rateAtLevel.longest(key, fold, at);
  if (direct) return direct;
  let word = at;
  while (word < key.length && isWordUnit(key.charCodeAt(word)) && !isDigit(key.charCodeAt(word))) word++;
  if (word === at || fold[word] !== ' ') return null;
  at = word + 1;
  return g.rateAtLevel.longest(key, fold, at);
}

/** A phrase (or, with `stems`, a word beginning with one) at a word start between two offsets. */
function containsPhrase(forms: TextForms, trie: Grammar['rateVerbs'], from: number, to: number, stems: boolean): boolean {
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(forms.key.charCodeAt(i - 1)) && isWordUnit(forms.key.charCodeAt(i))) continue;
    if (trie.longest(forms.key, forms.fold, i, { hangulAttach: true, prefix: stems, accept: (end) => end <= to })) return true;
  }
  return false;
}

/** A change of the rate: "en baisse de 22 wons", "+1,57 won", "5.3원 오른", "11,2 Won höher". */
function isChange(forms: TextForms, g: Grammar, f: Figure): boolean {
  const { key, fold } = forms;
  const sign = fold[f.start - 1];
  if (sign === '+' || sign === '-' || sign === '−' || sign === '±') return true;
  let at = f.start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  if (g.movementBefore.longest(key, fold, at)) return true;
  // "a regagné près de 90 wons": a qualifier may stand between the move and the figure.
  const qualifier = g.qualifiersBefore.longest(key, fold, at);
  if (qualifier) {
    let q = qualifier.end;
    while (q > 0 && fold[q - 1] === ' ') q--;
    if (g.movementBefore.longest(key, fold, q)) return true;
  }
  let after = f.end;
  if (fold[after] === ' ') after++;
  return g.movementAfter.longest(key, fold, after, { hangulAttach: true }) !== null;
}

interface Mention {
  code: string;
  start: number;
  end: number;
}

/**
 * A figure that is the subject of the next figure's quote: one or a hundred units of a currency,
 * a rate verb, then a figure in another currency ("100 yen valgono circa 977 won", "1달러는
 * 1,430원이다").
 */
/**
 * "100 yens contre 990,3 wons", "1 dollar pour 1 452 wons": an amount of one or a hundred units
 * (a hundred for a currency quoted so), then a marker of the base ("contre", "pour", "à"), then a
 * figure in another currency: the amount is the base of the figure's quote.
 */
function baseThenPrice(ctx: RateContext, g: Grammar, f: Figure, next: Figure | undefined, sentence: Span): { code: string; units: number; amount: number } | null {
  if (f.amount === -1 || f.currency === null || !next || next.currency === null || next.currency === f.currency || next.start >= sentence.end) return null;
  const units = toNumber(f.value);
  if (!(units === 1 || (units === 100 && quotedPerHundred(f.currency)))) return null;
  const { key, fold } = ctx.forms;
  const at = f.end + (fold[f.end] === ' ' ? 1 : 0);
  const marker = g.rateBase.longest(key, fold, at) ?? g.rateAtLevel.longest(key, fold, at);
  if (!marker || key.slice(marker.end, next.start).trim() !== '') return null;
  return { code: f.currency, units, amount: f.amount };
}

function subjectOfNext(ctx: RateContext, g: Grammar, f: Figure, next: Figure | undefined, sentence: Span): boolean {
  if (f.amount === -1 || f.currency === null || !next || next.currency === null || next.currency === f.currency) return false;
  if (next.start >= sentence.end || next.start - f.end > SUBJECT_REACH) return false;
  const units = toNumber(f.value);
  if (units !== 1 && units !== 100) return false;
  const gap = ctx.forms.key.slice(f.end, next.start);
  if (/[\d.;!?]/.test(gap)) return false;
  // "… et 100 yens 888,6 wons": the verb of a list of quotes is left out after the first.
  return gap.trim() === '' || containsPhrase(ctx.forms, g.rateVerbs, f.end, next.start, true);
}

/** How far a quote's figure may stand from the amount that is its subject. */
const SUBJECT_REACH = 40;

interface PairCue {
  end: number;
  pair: readonly [string, string];
}

/** The last currency pair the sentence names before the figure ("원·달러 환율", "the won-dollar rate"). */
function pairCueBefore(ctx: RateContext, g: Grammar, sentence: Span, f: Figure, cache: Map<number, PairCue[]>): readonly [string, string] | null {
  let cues = cache.get(sentence.start);
  if (!cues) {
    cues = [];
    const { key, fold } = ctx.forms;
    for (let i = sentence.start; i < sentence.end; i++) {
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
    cache.set(sentence.start, cues);
  }
  // The last cue ending before the figure: the cues are in order.
  const n = countBelow(cues, f.start + 1, (c) => c.end);
  return n > 0 ? cues[n - 1]!.pair : null;
}

/** The pair named right before a figure, with at most a colon between ("euro/dollar : 1,1712"). */
function pairCueRightBefore(ctx: RateContext, g: Grammar, sentence: Span, f: Figure, cache: Map<number, PairCue[]>): readonly [string, string] | null {
  const pair = pairCueBefore(ctx, g, sentence, f, cache);
  if (!pair) return null;
  const cues = cache.get(sentence.start)!;
  const last = cues[countBelow(cues, f.start + 1, (c) => c.end) - 1]!;
  return /^[\s:=]*$/.test(ctx.forms.fold.slice(last.end, f.start)) ? pair : null;
}

/** Only a list word between two figures: ",", "et", "and", "y", "und", "e". */
function isListGap(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const text = forms.key.slice(from, to).trim();
  if (text === ',' || text === '') return text === ',';
  const found = g.listSeparators.longest(text, text, 0);
  return found !== null && found.end === text.length;
}

/** Whether `value` units of `quote` for one `base` is a plausible rate, in either market order. */
/** The currencies of the quotes found in a sentence. */
function quotedIn(rates: readonly RateSpan[], sentence: Span): string[] {
  return rates.filter((r) => r.start >= sentence.start && r.end <= sentence.end).flatMap((r) => [r.base, r.quote]);
}

/** How far (a natural log) units of `quote` per `base` are from their usual level; Infinity when unknown. */
function offUsual(base: string, quote: string, value: number): number {
  const usual = typicalRate(base, quote);
  return usual === null ? Infinity : Math.abs(Math.log(value / usual));
}

function plausibleFor(base: string, quote: string, value: number, factor = 2): boolean {
  const [b, q] = marketOrder(base, quote);
  return plausibleRate(b, q, b === base ? value : 1 / value, factor);
}

/**
 * How far from its usual level a rate after a marker that names no unit ("3,25 $ la livre" is a
 * price per pound of syrup; "1 900 wons la livre" is sterling) may be.
 */
const WEAK_BASE_FACTOR = 1.5;

/** How far from its usual level a rate given with an explicit unit ("pour un dollar") may be. */
const HISTORICAL_FACTOR = 20;

/** How far from today's a level stated after its subject's verb may be: records of decades ago. */
const STATED_LEVEL_FACTOR = 4;

/**
 * The currencies a sentence names, nearest the figure first, each once, not counting a name that
 * is part of the figure.
 */
/** The currencies named before a figure, nearest first, as far as the nearest few (found by halving, not by a pass over the sentence). */
function currenciesBefore(mentions: readonly Mention[], f: Figure): string[] {
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
function mentionsRightAfter(mentions: readonly Mention[], f: Figure): string[] {
  const out: string[] = [];
  for (let i = countBelow(mentions, f.end, (m) => m.start); i < mentions.length && mentions[i]!.start - f.end <= ADJACENT_NAME; i++) out.push(mentions[i]!.code);
  return out;
}

function currenciesByDistance(mentions: readonly Mention[], f: Figure): string[] {
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
const NEAREST_MENTIONS = 24;

/** The currency a bare figure is in: the subject named before it, else the article's main one. */
function subjectCurrency(ctx: RateContext, mentions: readonly Mention[], f: Figure): string | null {
  const first = mentions[0];
  if (first && first.end <= f.start) return first.code;
  return ctx.currencies[0] ?? null;
}

function distance(m: { start: number; end: number }, f: Figure): number {
  return m.end <= f.start ? f.start - m.end : m.start - f.end;
}

function mentionsIn(ctx: RateContext, g: Grammar, sentence: Span): Mention[] {
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

/** "Kim Dong-ju", "Lee Won-hee": a capitalised currency name hyphened to a syllable is a given name. */
function personalName(forms: TextForms, g: Grammar, start: number, end: number): boolean {
  const { key, fold } = forms;
  // The key is lower case; the folded text keeps the case.
  const first = fold[start]!;
  if (first === first.toLowerCase() || fold[end] !== '-') return false;
  const next = fold[end + 1] ?? '';
  if (!isLetter(fold.charCodeAt(end + 1)) || next !== next.toLowerCase()) return false;
  return g.mentions.longest(key, fold, end + 1, { hangulAttach: true }) === null;
}

function grammarAt(segments: readonly Segment[], at: number): Grammar | null {
  return segments[spanIndexAt(segments, at)]?.grammar ?? null;
}

function previousSentence(sentences: readonly Span[], sentence: Span): Span | null {
  const i = spanIndexAt(sentences, sentence.start);
  return i > 0 ? sentences[i - 1]! : null;
}

function sentenceAt(sentences: readonly Span[], segments: readonly Segment[], at: number): Span {
  const sentence = sentences[spanIndexAt(sentences, at)];
  if (sentence) return sentence;
  const segment = segments[spanIndexAt(segments, at)];
  return segment ? { start: segment.start, end: segment.end } : { start: at, end: at };
}
