/** A monetary amount in the output record. Offsets index the cleaned text. */
export interface Amount {
  text: string;
  start: number;
  end: number;
  /** ISO 4217 code. */
  currency: string;
  /** Value in currency units (a float, for convenience: use `exact` for arithmetic). */
  value: number;
  /** Exact value as a plain decimal string: "728000000000000", "6900000000", "12.5". */
  exact: string;
  /** Multiplier of the scale word ("milliards" → 1e9, "억" → 1e8), or null. */
  scale: number | null;
  /** Unit of the last significant printed digit ("6,9 milliards" → 1e8). */
  precision: number;
  /** A qualifier of approximation or bound is attached ("environ", "plus de", "약", "가량"). */
  approx: boolean;
  /** The qualifier is a bound: "plus de", "more than", "이상" (over); "moins de", "up to", "미만" (under). */
  bound: 'over' | 'under' | null;
  /** The currency was not written out (a bare "$") and was resolved from context or the default. */
  ambiguous: boolean;
  /** Unit of a per-unit price as printed ("mois", "Monat", "인"), or null. */
  per: string | null;
  /** Ends of a range ("entre 3 000 et 4 000 milliards de wons"): role and the other end's index. */
  range: { role: 'low' | 'high'; with: number } | null;
  /** ISO 639-3 code of the language pack that read it (an English quote in a French article: "eng"). */
  language: string;
  /**
   * Present when the scale word was read by evidence rather than by the word alone: "pair" when a
   * currency pair's rate settled it, "article" when another amount of the article did.
   */
  scaleFrom?: 'pair' | 'article';
  /** Set when the text prints no currency for the figure and the article's amounts gave it ("Il decreto vale 45 miliardi"). */
  currencyFrom?: 'article' | 'language';
  /** English rendering: "₩728 trillion", "about US$2 billion", "over ₩45,000 per month". */
  english: string;
  /** For an unpaired amount, its value in the other currency of the article's consensus rate. */
  estimated?: { currency: string; value: number; rate: number; english: string };
  /** The sentence the amount was read in (at most 400 characters around it), for a reader checking it. */
  sentence?: string;
}

/** An exchange-rate quote: "un dollar valait 1 431,30 wons", "원·달러 환율은 1,438.7원". Never an amount. */
export interface RateQuote {
  /** Market convention: units of `quote` for one `base` (USD/KRW, EUR/USD, JPY/KRW…). */
  base: string;
  quote: string;
  value: number;
  /** Exact value as a plain decimal string (rounded to 8 significant digits when inverted). */
  exact: string;
  /** The quoted figure as printed, with its currency when it stands next to it. */
  text: string;
  start: number;
  end: number;
  /** The figure in English as printed ("₩1,431.3" for "1 431,30 wons", "1,380.5" for "1 380,5"). */
  english: string;
  /**
   * The text dates the quote in the past ("contre 1 450 wons un an plus tôt"): it is not
   * evidence when pairs are judged.
   */
  earlier: boolean;
  /** The sentence the quote was read in (at most 400 characters around it). */
  sentence?: string;
}

export interface PairSide {
  /** Index into `amounts`. */
  amount: number;
  value: number;
  exact: string;
}

/** The reference rate of the article's date, from `--reference-rates`. */
export interface PairReference {
  rate: number;
  /** Day of the reference table used (the article's date or the business day before). */
  date: string;
  /** Percent the pair's rate is from the reference. */
  deviation: number;
}

/** What a pair of amounts printed as equivalents says about the exchange rate. */
export interface PairRate {
  /** Indexes into `amounts`, in printed order. */
  a: number;
  b: number;
  /** Currency one unit of which the rate is quoted for (market convention: EUR, GBP, USD… first). */
  base: string;
  quote: string;
  /** Units of `quote` per one `base`: for won/dollar pairs, KRW per USD. */
  rate: number;
  /** Rates the rounding of the two printed figures allows. */
  rateRange: [number, number];
  consistent: boolean;
  /** Percent from `consensus`. */
  deviation: number;
  /** Consensus rate of the article's evidence (pairs, quotes, reference) in the same two currencies. */
  consensus: number;
  /** Present when a reference table and the article's date are known. */
  reference?: PairReference;
}

/** Two amounts printed as equivalents, with the exchange rate they imply. */
export interface CurrencyPair extends PairRate {
  /** "₩728 trillion (US$506 billion)". */
  english: string;
  /** The sides again, keyed by lower-case currency code: `krw`, `usd`, `eur`… */
  [code: string]: unknown;
}
