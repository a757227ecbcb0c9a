import type { Span } from '../document.js';
import type { Amount, CurrencyPair, PairSide } from './amount-types.js';
import { detectAmountContext } from './amount-context.js';
import { toNumber, toPlainString } from './decimal.js';
import { findAmounts, type AmountSpan } from './find-amounts.js';
import { assessPairs, convert, linkPairs } from './pair-amounts.js';
import { renderAmount, renderPair } from './render-english.js';

export interface ExtractMoneyOptions {
  /** ISO 639-3 code of the article. */
  language?: string;
  /** Spans of paragraphs written in English inside a non-English article. */
  englishSpans?: readonly Span[];
  /** @default 'USD' */
  defaultDollar?: string;
  /** Percent off the consensus rate above which a pair is inconsistent. @default 5 */
  tolerance?: number;
}

export interface MoneyFindings {
  amounts: Amount[];
  pairs: CurrencyPair[];
}

/**
 * Amounts, their pairs and English renderings for one text. `matchText` is the text with
 * no-break spaces folded (same length as the text the offsets refer to).
 */
export function extractMoney(text: string, matchText: string, options: ExtractMoneyOptions = {}): MoneyFindings {
  const spans = findAmounts(matchText, {
    language: options.language,
    englishSpans: options.englishSpans,
    defaultDollar: options.defaultDollar,
    context: detectAmountContext(matchText),
  });
  const amounts = spans.map((s) => toAmount(s, text));
  const links = linkPairs(matchText, spans);
  const assessed = assessPairs(spans, links, { tolerance: options.tolerance });
  const pairs: CurrencyPair[] = assessed.map((p) => {
    const side = (i: number): PairSide => ({ amount: i, value: amounts[i]!.value, exact: amounts[i]!.exact });
    return {
      a: p.a,
      b: p.b,
      base: p.base,
      quote: p.quote,
      [amounts[p.a]!.currency.toLowerCase()]: side(p.a),
      [amounts[p.b]!.currency.toLowerCase()]: side(p.b),
      rate: p.rate,
      rateRange: p.rateRange,
      consistent: p.consistent,
      deviation: p.deviation,
      consensus: p.consensus,
      english: renderPair(amounts[p.a]!.english, amounts[p.b]!.english),
    };
  });
  addEstimates(amounts, spans, pairs);
  return { amounts, pairs };
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
    ambiguous: s.ambiguous,
    per: s.per,
    range: s.range ? { role: s.range.role, with: s.range.other } : null,
    english: renderAmount(s.currency, s.decimal, { approx: s.approx, per: s.per }),
  };
}

/**
 * An unpaired amount in a currency the article pairs with the US dollar gets its dollar value at
 * the article's consensus rate ("₩4,500 billion ≈ US$3.1 billion"), marked as an estimate.
 */
function addEstimates(amounts: Amount[], spans: AmountSpan[], pairs: CurrencyPair[]): void {
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
    const usd = convert(spans[i]!.decimal, amount.currency, rate);
    if (usd === null) return;
    // Keep three significant digits: an estimate must not look more precise than it is.
    const value = Number(usd.toPrecision(3));
    const [mantissa, exponent] = value.toExponential(2).split('e');
    const digits = mantissa!.replace('.', '').replace(/0+$/, '') || '0';
    const decimal = { mantissa: BigInt(digits), exponent: Number(exponent) - (digits.length - 1) };
    amount.estimated = { currency: 'USD', value, rate: rate.rate, english: renderAmount('USD', decimal, { approx: true }) };
  });
}
