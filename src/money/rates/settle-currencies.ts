import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import { decimalFromParts, divide, toNumber } from '../decimal.js';
import type { AmountSpan } from '../find-amounts.js';
import { SHARED_CURRENCIES } from '../../lang/shared/index.js';
import { isDigit, isWordUnit } from '../match-key.js';
import { marketOrder, usualRange } from '../typical-rates.js';
import { countBelow } from '../../util/span-at.js';
import type { RateSpan, Figure, RateContext } from './rate-types.js';
import { grammarAt, sentenceAt } from './clauses.js';
import { offUsual, plausibleFor, HISTORICAL_FACTOR } from './plausible-rates.js';

// Which dollar, peso or won a quote is in when the text leaves it open: the article's other
// amounts, its quotes and its country decide.

/**
 * A figure in a currency whose name a sister shares, in an article that names the sister or its
 * country, which makes no rate against its base even as a historical one: it is in the sister.
 */
export function sisterReading(ctx: RateContext, f: Figure, base: string, units: number): void {
  const sister = f.currency !== null ? SHARED_CURRENCIES.sisterCurrencies[f.currency]?.sister : undefined;
  if (!sister || !ctx.sisters.has(sister) || base === f.currency) return;
  if (plausibleFor(base, f.currency!, toNumber(f.value) / units, HISTORICAL_FACTOR)) return;
  f.currency = sister;
}

/** Currencies whose market quotes the US dollar, in a Canadian article as anywhere. */
export const QUOTED_AGAINST_OTHERS = new Set(['EUR', 'GBP', 'CHF', 'AUD', 'NZD', 'USD', 'CAD']);

/**
 * "À Séoul, le won a clôturé à 1 469,8 pour un dollar" in a Canadian paper, whose bare "$" is
 * Canadian: the won, the yen, the yuan… are quoted against the US dollar, and a writer who means
 * the Canadian one against them says so in the sentence ("le huard", "dollar canadien", "$ CA").
 */
export function marketDollars(ctx: RateContext, rates: RateSpan[], amounts: readonly AmountSpan[]): void {
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
export function dollarsNamed(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[]): 'canadian' | 'bare' | 'none' {
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

/** How much nearer its usual rate another reading of an open currency must be to be taken. */
export const OPEN_CURRENCY_MARGIN = Math.log(1.25);

/**
 * "L'euro valait 1,0815 dollar" in an article that names the Canadian dollar once: a quote's
 * figure printed in an open currency ("dollar", "$", "¥") is in whichever of the currencies it
 * may be makes the rate nearest its usual level, when one is clearly nearer than the article's
 * reading (euro-dollar 1.08 is the US dollar's; the Canadian's is near 1.5).
 */
export function settleOpenCurrencies(rates: RateSpan[], amounts: readonly AmountSpan[], articleCurrencies: readonly string[]): void {
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
    // A level the currency has had since 2000 is no distance at all: "le taux officiel du dollar
    // est de 1,37 dinar" in a story about Libya is Libyan, not nearer today's Jordanian dinar.
    const distance = (code: string): number => {
      const range = usualRange(other, code);
      const v = toNumber(perOther);
      return range && v >= range[0] && v <= range[1] ? 0 : offUsual(other, code, v);
    };
    let best = figure;
    // Only the readings the article gives a reason for: "l'euro à 1,4266 dollar" in a 2008 wrap
    // that names no other dollar is the US one, however far from today's level. A name shared
    // alike ("dirhams", "dinars", "roupies") may be any of them: "10,93 dirhams pour un euro" is
    // Moroccan.
    for (const code of [rule.default, ...rule.alternatives.map((a) => a.code).filter((c) => rule.ambiguous === true || articleCurrencies.includes(c))]) {
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
export function inUsCents(f: Figure, amounts: readonly AmountSpan[]): boolean {
  return f.currency === 'USD' && f.amount !== -1 && amounts[f.amount]!.inSubunit === true;
}

/**
 * "Le huard valait 72 cents", "Sous 70 cents, le huard …" in an article whose bare dollar is the
 * Canadian one: a figure in that open dollar, priced against the very currency it was read as,
 * cannot be its rate; it is in the US dollar, as such quotes are. Re-reads the figure (and says so)
 * when that makes a plausible rate.
 */
export function reReadOpenDollar(f: Figure, base: string, amounts: readonly AmountSpan[]): boolean {
  if (f.amount === -1 || f.currency !== base || base === 'USD' || amounts[f.amount]?.printed !== '$') return false;
  if (!plausibleFor(base, 'USD', toNumber(f.value))) return false;
  f.currency = 'USD';
  return true;
}
