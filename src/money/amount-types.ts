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
  /** Multiplier of the scale word ("milliards" → 1e9), or null. */
  scale: number | null;
  /** Unit of the last significant printed digit ("6,9 milliards" → 1e8). */
  precision: number;
  approx: boolean;
  /** The currency was not written out (a bare "$") and was resolved from context or the default. */
  ambiguous: boolean;
  /** Unit of a per-unit price as printed ("mois", "heure"), or null. */
  per: string | null;
  /** Ends of a range ("entre 3 000 et 4 000 milliards de wons"): role and the other end's index. */
  range: { role: 'low' | 'high'; with: number } | null;
  /** English rendering: "₩728 trillion", "about US$2 billion", "₩45,000 per month". */
  english: string;
  /** For an unpaired amount, its value in the other currency of the article's consensus rate. */
  estimated?: { currency: string; value: number; rate: number; english: string };
}

export interface PairSide {
  /** Index into `amounts`. */
  amount: number;
  value: number;
  exact: string;
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
  /** Consensus rate of the article's pairs in the same two currencies. */
  consensus: number;
}

/** Two amounts printed as equivalents, with the exchange rate they imply. */
export interface CurrencyPair extends PairRate {
  /** "₩728 trillion (US$506 billion)". */
  english: string;
  /** The sides again, keyed by lower-case currency code: `krw`, `usd`, `eur`… */
  [code: string]: unknown;
}
