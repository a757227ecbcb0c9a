import type { Span } from '../../document.js';
import type { Decimal } from '../decimal.js';
import type { Segment, TextForms } from '../find-amounts.js';

// The shapes shared by the rate-finding modules.

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

export interface RateFindings {
  rates: RateSpan[];
  /** Indexes of amounts that are rate figures, the base of a quote ("pour 1 dollar", "100엔당") or rate changes. */
  notAmounts: Set<number>;
}

export interface Figure {
  start: number;
  end: number;
  value: Decimal;
  /** The figure's own currency, when printed. */
  currency: string | null;
  /** Index into amounts, or -1 for a bare number. */
  amount: number;
  /** Priced per "unit" ("1.095,8 wones por unidad"): a quote only of a currency named as its subject. */
  perUnit?: true;
  /**
   * In a name that is money only with a scale word ("13,50 livres pour un dollar"): a quote only
   * with its base or subject, never by the sentence it stands in.
   */
  unscaledName?: true;
}

export interface RateContext {
  forms: TextForms;
  segments: readonly Segment[];
  sentences: readonly Span[];
  /** Resolves "$", "¥", "PESO", "RUPEE"… (the shared `contexts`) as the article does. */
  resolve(code: string): string;
  /** The article's currencies, most amounts first: the quote a bare figure is in when the text does not say. */
  currencies: readonly string[];
  /** Sister currencies the article names, in words, places or amounts (the North Korean won). */
  sisters: ReadonlySet<string>;
}
