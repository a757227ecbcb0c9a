import type { Diagnostic, Span } from '../document.js';
import { languagePack } from '../lang/registry.js';
import { SHARED_CURRENCIES } from '../lang/shared/index.js';
import type { Amount, CurrencyPair, PairSide, RateQuote } from './amount-types.js';
import { judgePairs, type RateEvidence, round } from './assess-pairs.js';
import { type Grammar, grammarFor } from './compile-grammar.js';
import { type Decimal, roundSignificant, toNumber, toPlainString } from './decimal.js';
import { carryArticleCurrency } from './carry-article-currency.js';
import { commodityDollars } from './commodity-dollars.js';
import { type AmountSpan, findAmounts, type Segment, type TextForms } from './find-amounts.js';
import { findRates } from './rates/find-rates.js';
import type { RateSpan } from './rates/rate-types.js';
import { linkPairs, type PairLink } from './link-pairs.js';
import { matchKey } from './match-key.js';
import { type ReferenceTable, referenceRate } from './reference-rates.js';
import { renderAmount, renderNumber, renderPair } from './render-english.js';
import { countContextCues, mixedContext, nearestContext, pairCandidates, resolveCurrency } from './resolve-currency.js';
import { readingByPairs } from './settle-open-by-pairs.js';
import { settleScales } from './settle-scales.js';
import { readSisters } from './sister-currencies.js';
import { marketOrder } from './typical-rates.js';
import { spanIndexAt } from '../util/span-at.js';

/** A stretch of the text and the language it is written in (a paragraph, or the whole text). */
export interface LanguageRegion extends Span {
  /** ISO 639-3 code; a region whose language has no pack is not read. */
  language: string;
}

export interface ExtractMoneyOptions {
  /** Where each language applies. Default: the whole text in `language`. */
  regions?: readonly LanguageRegion[];
  /** ISO 639-3 code of the text when `regions` is not given. @default 'fra' */
  language?: string;
  /** Sentence spans: rate quotes are read within a sentence. Default: each region is one. */
  sentences?: readonly Span[];
  /** @default 'USD' */
  defaultDollar?: string;
  /** Percent off the consensus rate above which a pair is inconsistent. @default 5 */
  tolerance?: number;
  /** Reference rates and the article's date (YYYY-MM-DD): each pair gets `reference`. */
  reference?: { table: ReferenceTable; date: string } | null;
  /**
   * Tell exchange-rate quotes from amounts. Off, every figure with a currency is an amount: what
   * checking a translation's figures needs ("worth ₩1,431.3" must be found as a figure).
   * @default true
   */
  rates?: boolean;
}

export interface MoneyFindings {
  amounts: Amount[];
  pairs: CurrencyPair[];
  rates: RateQuote[];
  /** Problems in the data: numbers read against the language's convention. */
  diagnostics: Diagnostic[];
}

/** Currencies the text leaves open ("$", "¥", "francs", "pesos", "couronnes"), settled by the article. */
const PLACEHOLDERS = new Set(Object.keys(SHARED_CURRENCIES.contexts));

/** How far before an amount the place that says which of a shared name's currencies it is may stand. */
const LOCAL_CONTEXT_REACH = 200;

/**
 * Amounts, exchange-rate quotes and currency pairs of one text, with English renderings. `fold`
 * is the text with no-break spaces and typographic apostrophes folded (same length as `text`,
 * which the offsets refer to). Pure; linear in the text but for the n log n of sorting.
 */
export function extractMoney(text: string, fold: string, options: ExtractMoneyOptions = {}): MoneyFindings {
  const forms: TextForms = { text, fold, key: matchKey(fold) };
  const diagnostics: Diagnostic[] = [];
  const regions = options.regions ?? [{ start: 0, end: text.length, language: options.language ?? 'fra' }];
  const segments: Segment[] = [];
  const preferences = new Map<string, '.' | ',' | undefined>();
  for (const region of regions) {
    const pack = languagePack(region.language);
    if (!pack) continue;
    if (!preferences.has(pack.code)) preferences.set(pack.code, articleDecimalMark(fold, regions, pack.code, pack.digits.decimal));
    segments.push({ start: region.start, end: region.end, grammar: grammarFor(pack), prefer: preferences.get(pack.code) });
  }
  segments.sort((a, b) => a.start - b.start);
  const found = findAmounts(forms, segments);
  const assumed = carryArticleCurrency(forms, found);
  if (assumed.length > 0) {
    const currencies = [...new Set(assumed.map((a) => a.currency))].join(', ');
    diagnostics.push({
      code: 'CURRENCY_ASSUMED',
      stage: 'extract-amounts',
      message: `The article names no currency; ${assumed.length} figure(s) in clauses about money (results, budgets, prices) were read in ${currencies}, the currency its language's press reports in (currencyFrom: "language"). Check them if the article is from elsewhere.`,
      start: assumed[0]!.start,
      end: assumed[0]!.end,
    });
  }
  if (found.flippedSeparators > 0) {
    const marks = [...preferences.entries()].filter(([, m]) => m).map(([code, m]) => `${m === '.' ? 'a point' : 'a comma'} (${code})`);
    diagnostics.push({
      code: 'NUMBER_FORMAT',
      stage: 'extract-amounts',
      message: `The article writes decimals with ${marks.join(', ')}, against its language's convention; ${found.flippedSeparators} ambiguous number(s) such as "1,500" were read that way.`,
    });
  }

  // Currencies the text leaves open ("$", "¥", "francs", "pesos"), as this article uses them.
  const counts = countContextCues(forms.key, fold);
  const explicit = new Set(found.amounts.map((a) => a.currency).filter((c) => !PLACEHOLDERS.has(c)));
  const defaultDollar = options.defaultDollar ?? 'USD';
  // The language most of the text is in: its press's conventions for open names.
  const mainLanguage = mainLanguageOf(regions);
  const resolutions = new Map<string, { code: string; ambiguous: boolean }>();
  const resolve = (code: string) => {
    if (!PLACEHOLDERS.has(code)) return { code, ambiguous: false };
    let r = resolutions.get(code);
    if (!r) {
      r = resolveCurrency(code, counts, explicit, defaultDollar, mainLanguage);
      resolutions.set(code, r);
    }
    return r;
  };
  for (const a of found.amounts) {
    const r = resolve(a.currency);
    if (PLACEHOLDERS.has(a.currency)) a.printed = a.currency;
    a.currency = r.code;
    a.ambiguous = r.ambiguous;
  }
  const grammarAt = (at: number): Grammar | null => segments[spanIndexAt(segments, at)]?.grammar ?? null;
  // The rates the article's own pairs imply may overrule its places ("… de dollars, soit … wons"
  // at the US dollar's rate in a Korean story that mentions Canada).
  const choices = [...resolutions].map(([printed, r]) => ({ printed, current: r.code, candidates: pairCandidates(printed, counts, defaultDollar) })).filter((c) => c.candidates.length > 1);
  if (choices.length > 0) {
    const links = linkPairs(forms, found.amounts, grammarAt, options.sentences ?? []);
    for (const { printed, current, candidates } of choices) {
      const reading = readingByPairs(found.amounts, links, printed, current, candidates);
      if (!reading) continue;
      resolutions.set(printed, { code: reading, ambiguous: false });
      for (const a of found.amounts) if (a.printed === printed) Object.assign(a, { currency: reading, ambiguous: false });
    }
  }

  // "Au Niger, … 30 047 F CFA. Le Cameroun … 60 000 F CFA": in a story on places of two
  // currencies sharing a name, an amount whose sentence names only places of the other before it
  // is of the nearest.
  const sentenceSpans = options.sentences ?? [];
  for (const a of found.amounts) {
    if (a.printed === undefined || !mixedContext(a.printed, counts)) continue;
    const sentence = sentenceSpans[spanIndexAt(sentenceSpans, a.start)];
    let from = Math.max(sentence && sentence.start <= a.start ? sentence.start : 0, a.start - LOCAL_CONTEXT_REACH);
    // Without sentence spans, from the last sentence end before it.
    if (!sentence) {
      for (let i = a.start - 1; i > from; i--) {
        if (/[.!?]/.test(fold[i - 1]!) && /\s/.test(fold[i]!)) {
          from = i;
          break;
        }
      }
    }
    const local = nearestContext(a.printed, a.currency, forms.key, fold, from, a.start);
    if (local) Object.assign(a, { currency: local, ambiguous: false });
  }

  // "13 500 wons le kilo à Pyongyang": a bare name two currencies share, where the text is about the sister's country.
  const sisters = readSisters(forms, found.amounts);
  const byCount = new Map<string, number>();
  for (const a of found.amounts) byCount.set(a.currency, (byCount.get(a.currency) ?? 0) + 1);
  const sentences = options.sentences ?? segments.map((s) => ({ start: s.start, end: s.end }));
  commodityDollars(forms, found.amounts, sentences);
  const rateFindings = options.rates === false ? { rates: [], notAmounts: new Set<number>() } : findRates(
    { forms, segments, sentences, resolve: (c) => resolve(c).code, currencies: [...byCount.entries()].sort((x, y) => y[1] - x[1]).map(([c]) => c), sisters },
    found.amounts,
    found.bare,
  );
  const spans = dropAmounts(found.amounts, rateFindings.notAmounts);
  const quotes = rateFindings.rates;
  const links = linkPairs(forms, spans, grammarAt, options.sentences ?? [], quotes);
  const reference = options.reference ?? null;
  const expected = new Map<string, number | null>();
  settleScales(spans, links, (base, quote) => {
    const k = `${base}/${quote}`;
    if (!expected.has(k)) expected.set(k, expectedRate(spans, links, quotes, reference, base, quote));
    return expected.get(k)!;
  });

  const amounts = spans.map((s) => toAmount(s, text));
  const pairs = assess(spans, amounts, links, quotes, reference, options.tolerance ?? 5);
  addEstimates(amounts, spans, pairs);
  const rates: RateQuote[] = quotes.map((r) => ({
    base: r.base,
    quote: r.quote,
    value: toNumber(r.value),
    exact: toPlainString(roundSignificant(r.value, 8)),
    text: text.slice(r.start, r.end),
    start: r.start,
    end: r.end,
    english: r.figureCurrency ? renderAmount(r.figureCurrency, r.figure) : renderNumber(r.figure),
    earlier: r.earlier,
  }));
  return { amounts, pairs, rates, diagnostics };
}

/**
 * The decimal mark this article uses, when it is not its language's: a Mexican article in
 * Spanish prints "8.2" and "15,000", an English writer "1,5". Decided on numbers no convention
 * could misread (a mark before one, two or four digits; several groups of three).
 */
function articleDecimalMark(fold: string, regions: readonly LanguageRegion[], language: string, own: '.' | ','): '.' | ',' | undefined {
  let point = 0;
  let comma = 0;
  for (const r of regions) {
    if (r.language !== language) continue;
    const slice = fold.slice(r.start, r.end);
    for (const m of slice.matchAll(/\d[\d.,]*\d/g)) {
      const mark = decimalEvidence(m[0]);
      if (mark === '.') point++;
      else if (mark === ',') comma++;
    }
  }
  const other = own === ',' ? point : comma;
  const mine = own === ',' ? comma : point;
  return other >= 2 && other > mine * 2 ? (own === ',' ? '.' : ',') : undefined;
}

/** The decimal mark a printed number proves, if any: "1.467,5" → ","; "8.2" → "."; "1,500" → none. */
function decimalEvidence(token: string): '.' | ',' | null {
  const marks = token.replace(/\d/g, '');
  if (marks.length === 0) return null;
  const last = marks[marks.length - 1] as '.' | ',';
  if (marks.includes('.') && marks.includes(',')) return marks.indexOf(last) === marks.length - 1 ? last : null;
  const groups = token.split(/[.,]/);
  if (marks.length > 1) return groups.slice(1).every((g) => g.length === 3) ? (last === '.' ? ',' : '.') : null;
  const after = groups[1]!.length;
  return after === 3 ? null : last;
}

/** The amounts without those that are rate figures, with range partners renumbered. */
function dropAmounts(amounts: AmountSpan[], drop: ReadonlySet<number>): AmountSpan[] {
  if (drop.size === 0) return amounts;
  const index = new Map<number, number>();
  const kept: AmountSpan[] = [];
  amounts.forEach((a, i) => {
    if (drop.has(i)) return;
    index.set(i, kept.length);
    kept.push(a);
  });
  for (const a of kept) {
    if (!a.range) continue;
    const other = index.get(a.range.other);
    a.range = other === undefined ? null : { role: a.range.role, other };
  }
  return kept;
}

function toAmount(s: AmountSpan, text: string): Amount {
  return {
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    currency: s.currency,
    value: toNumber(s.decimal),
    exact: toPlainString(s.decimal),
    scale: s.scale === null ? null : 10 ** s.scale,
    precision: 10 ** s.precision,
    approx: s.approx,
    bound: s.bound,
    ambiguous: s.ambiguous,
    per: s.per?.unit ?? null,
    range: s.range ? { role: s.range.role, with: s.range.other } : null,
    language: s.language,
    ...(s.scaleFrom ? { scaleFrom: s.scaleFrom } : {}),
    ...(s.currencyFrom ? { currencyFrom: s.currencyFrom } : {}),
    english: renderAmount(s.currency, s.decimal, { approx: s.approx, bound: s.bound, per: s.per?.english ?? null, decimals: s.scale === null && s.precision < 0 ? -s.precision : 0 }),
  };
}

interface RawPair {
  link: PairLink;
  base: AmountSpan;
  quote: AmountSpan;
  rate: number;
  range: [number, number];
}

function rawPair(spans: readonly AmountSpan[], link: PairLink): RawPair {
  const a = spans[link.a]!;
  const b = spans[link.b]!;
  const [baseCode] = marketOrder(a.currency, b.currency);
  const [base, quote] = baseCode === a.currency ? [a, b] : [b, a];
  const q = toNumber(quote.decimal);
  const bv = toNumber(base.decimal);
  const [qLow, qHigh] = valuesAllowed(quote);
  const [bLow, bHigh] = valuesAllowed(base);
  return { link, base, quote, rate: q / bv, range: [qLow / bHigh, bLow > 0 ? qHigh / bLow : Infinity] };
}

/**
 * The values an amount's print allows: half a unit of its last digit either side; a round
 * figure given as approximate ("etwa 110 Milliarden") to the ten of it; one side only of a
 * bound ("knapp 550 Milliarden": up to 550).
 */
function valuesAllowed(a: AmountSpan): [number, number] {
  const v = toNumber(a.decimal);
  let precision = a.precision;
  if (a.approx && lastDigitIsZero(a, precision)) precision += 1;
  const half = 10 ** precision / 2;
  if (a.bound === 'over') return [v, v + 2 * half];
  if (a.bound === 'under') return [v - 2 * half, v];
  return [v - half, v + half];
}

function lastDigitIsZero(a: AmountSpan, precision: number): boolean {
  // The digit at the place of `precision`: zero when the value is a multiple of ten of it.
  const shift = a.decimal.exponent - precision;
  if (shift >= 1) return true;
  if (shift < 0) return false;
  return a.decimal.mantissa % 10n === 0n;
}

/** What the article's unambiguous evidence says a rate is (for settling scale words). */
function expectedRate(spans: readonly AmountSpan[], links: readonly PairLink[], quotes: readonly RateSpan[], reference: ExtractMoneyOptions['reference'], base: string, quote: string): number | null {
  const values: number[] = [];
  for (const l of links) {
    const a = spans[l.a]!;
    const b = spans[l.b]!;
    if (a.scaleWord?.alternative != null || b.scaleWord?.alternative != null) continue;
    const p = rawPair(spans, l);
    if (p.base.currency === base && p.quote.currency === quote) values.push(p.rate);
  }
  for (const q of quotes) if (q.base === base && q.quote === quote && !q.repeat) values.push(toNumber(q.value));
  if (values.length === 0 && reference) {
    const r = referenceRate(reference.table, base, quote, reference.date);
    if (r) values.push(r.rate);
  }
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  return values[Math.floor((values.length - 1) / 2)]!;
}

function assess(spans: readonly AmountSpan[], amounts: readonly Amount[], links: readonly PairLink[], quotes: readonly RateSpan[], reference: ExtractMoneyOptions['reference'], tolerance: number): CurrencyPair[] {
  const raws = links.map((l) => rawPair(spans, l));
  const groups = new Map<string, RawPair[]>();
  for (const r of raws) {
    const k = `${r.base.currency}/${r.quote.currency}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  // A rate the text dates in the past ("un an plus tôt") says nothing of today's conversions; a
  // level it repeats is counted once.
  const current = quotes.filter((q) => !q.earlier && !q.repeat);
  type Verdict = { consistent: boolean; deviation: number; consensus: number; reference?: { rate: number; date: string } };
  const judge = (cross: ReadonlyMap<string, number> | null): Map<PairLink, Verdict> => {
    const verdicts = new Map<PairLink, Verdict>();
    for (const [k, group] of groups) {
      const [base, quote] = k.split('/') as [string, string];
      const evidence: RateEvidence[] = group.map((r) => ({ rate: r.rate, range: r.range, kind: 'pair' }));
      for (const q of current) if (q.base === base && q.quote === quote) evidence.push({ rate: toNumber(q.value), range: null, kind: 'quote' });
      if (cross) for (const rate of crossRates(cross, base, quote)) evidence.push({ rate, range: null, kind: 'cross' });
      const ref = reference ? referenceRate(reference.table, base, quote, reference.date) : null;
      if (ref) evidence.push({ rate: ref.rate, range: null, kind: 'reference' });
      judgePairs(evidence, tolerance).forEach((v, i) => verdicts.set(group[i]!.link, { ...v, ...(ref ? { reference: ref } : {}) }));
    }
    return verdicts;
  };
  // First each currency pair on its own evidence; then again with the rates the others agree on,
  // through a third currency (an article's euro-won and euro-dollar pairs check its dollar-won
  // ones). A currency pair whose evidence contradicts itself lends nothing.
  const first = judge(null);
  const agreed = new Map<string, number>();
  for (const [k, group] of groups) {
    const verdict = group.map((r) => first.get(r.link)!).find((v) => v.consistent);
    if (verdict) agreed.set(k, verdict.consensus);
  }
  for (const q of current) {
    const k = `${q.base}/${q.quote}`;
    if (!groups.has(k) && !agreed.has(k)) agreed.set(k, toNumber(q.value));
  }
  const verdicts = agreed.size > 1 ? judge(agreed) : first;
  return raws.map((r) => {
    const v = verdicts.get(r.link)!;
    const side = (i: number): PairSide => ({ amount: i, value: amounts[i]!.value, exact: amounts[i]!.exact });
    return {
      a: r.link.a,
      b: r.link.b,
      base: r.base.currency,
      quote: r.quote.currency,
      [amounts[r.link.a]!.currency.toLowerCase()]: side(r.link.a),
      [amounts[r.link.b]!.currency.toLowerCase()]: side(r.link.b),
      rate: round(r.rate),
      rateRange: [round(r.range[0]), round(r.range[1])],
      consistent: v.consistent,
      deviation: v.deviation,
      consensus: v.consensus,
      ...(v.reference ? { reference: { rate: round(v.reference.rate), date: v.reference.date, deviation: Math.round(((r.rate - v.reference.rate) / v.reference.rate) * 10000) / 100 } } : {}),
      english: renderPair(amounts[r.link.a]!.english, amounts[r.link.b]!.english),
    };
  });
}

/**
 * Rates of base/quote the article gives through a third currency: EUR/KRW from its euro-won
 * and euro-dollar pairs checks a dollar-won pair. One per third currency.
 */
function crossRates(direct: ReadonlyMap<string, number>, base: string, quote: string): number[] {
  const rate = (from: string, to: string): number | null => {
    const d = direct.get(`${from}/${to}`);
    if (d !== undefined) return d;
    const inverse = direct.get(`${to}/${from}`);
    return inverse !== undefined ? 1 / inverse : null;
  };
  const thirds = new Set<string>();
  for (const k of direct.keys()) for (const c of k.split('/')) if (c !== base && c !== quote) thirds.add(c);
  const out: number[] = [];
  for (const x of thirds) {
    const first = rate(base, x);
    const second = rate(x, quote);
    if (first !== null && second !== null) out.push(first * second);
  }
  return out;
}

/**
 * An unpaired amount in a currency the article pairs with the US dollar gets its dollar value at
 * the article's consensus rate ("₩4,500 billion ≈ US$3.1 billion"), marked as an estimate.
 */
function addEstimates(amounts: Amount[], spans: readonly AmountSpan[], pairs: readonly CurrencyPair[]): void {
  const paired = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const rates = new Map<string, { base: string; quote: string; rate: number }>();
  for (const p of pairs) {
    if (p.base !== 'USD' && p.quote !== 'USD') continue;
    const other = p.base === 'USD' ? p.quote : p.base;
    if (!rates.has(other)) rates.set(other, { base: p.base, quote: p.quote, rate: p.consensus });
  }
  amounts.forEach((amount, i) => {
    if (paired.has(i)) return;
    const rate = rates.get(amount.currency);
    if (!rate) return;
    const value = toNumber(spans[i]!.decimal);
    const usd = amount.currency === rate.quote ? value / rate.rate : value * rate.rate;
    // Three significant digits: an estimate must not look more precise than it is.
    const rounded = Number(usd.toPrecision(3));
    amount.estimated = { currency: 'USD', value: rounded, rate: rate.rate, english: renderAmount('USD', decimalOf(rounded), { approx: true }) };
  });
}

function decimalOf(x: number): Decimal {
  const [mantissa, exponent] = x.toExponential(2).split('e');
  const digits = mantissa!.replace('.', '').replace(/0+$/, '') || '0';
  return { mantissa: BigInt(digits), exponent: Number(exponent) - (digits.length - 1) };
}

/** The language of the largest share of the text. */
function mainLanguageOf(regions: ReadonlyArray<{ start: number; end: number; language: string }>): string | undefined {
  const share = new Map<string, number>();
  for (const r of regions) share.set(r.language, (share.get(r.language) ?? 0) + r.end - r.start);
  let best: string | undefined;
  for (const [language, n] of share) if (best === undefined || n > share.get(best)!) best = language;
  return best;
}
