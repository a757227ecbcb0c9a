/**
 * How currencies are written around numbers in French and English news. A `code` of `$` is a
 * dollar of unspecified country and `¥` a yen or a yuan: both are resolved from the article.
 */
export type CurrencyRef = string;

export interface CurrencyForm {
  /** Regular-expression source, matched case-insensitively at a word boundary. */
  source: string;
  code: CurrencyRef;
  /** 100 for cents, pence, centimes: the value is in hundredths of `code`. */
  subunit?: number;
  /** Ambiguous as a bare word ("livres" are also pounds of weight): only after a scale word. */
  needsScale?: boolean;
  /** A written form (word or code) rather than a symbol. */
  word?: boolean;
  /** Match the case as written (ISO codes: "TRY" is a code, "try" a word). */
  caseSensitive?: boolean;
}

const S = '[ ]?'; // an optional space (text is matched with no-break spaces folded to spaces)

/** Forms that follow the number: "728 000 milliards de wons", "506 milliards $ US", "2,5 G$". */
export const SUFFIX_FORMS: CurrencyForm[] = [
  // Dollars of a named country.
  { source: `\\$${S}(?:US|É\\.?-?U\\.?|USD)\\b`, code: 'USD' },
  { source: `US${S}\\$`, code: 'USD' },
  { source: `dollars?${S}(?:am[ée]ricains?|US|USD|des [ÉE]tats-Unis|[ée]tats-uniens)(?![\\p{L}])`, code: 'USD', word: true },
  { source: `(?:US|U\\.S\\.) dollars?`, code: 'USD', word: true },
  { source: `\\$${S}(?:CA|CAN|CAD|c)(?![\\p{L}'])`, code: 'CAD' },
  { source: `(?:CA|C|CAD)\\$`, code: 'CAD' },
  { source: `dollars? canadiens?|canadian dollars?`, code: 'CAD', word: true },
  { source: `A\\$|dollars? australiens?|australian dollars?`, code: 'AUD', word: true },
  { source: `\\$${S}(?:NZ|NZD)(?![\\p{L}])|NZ\\$|dollars? néo-zélandais|new zealand dollars?`, code: 'NZD', word: true },
  { source: `\\$${S}(?:HK|HKD)(?![\\p{L}])|HK\\$|dollars? (?:de Hong Kong|hongkongais)|hong kong dollars?`, code: 'HKD', word: true },
  { source: `NT\\$|dollars? taïwanais|(?:new )?taiwan dollars?`, code: 'TWD', word: true },
  { source: `S\\$|dollars? (?:de Singapour|singapouriens)|singapore dollars?`, code: 'SGD', word: true },
  { source: `MXN\\$|MX\\$|pesos? mexicains?|mexican pesos?`, code: 'MXN', word: true },
  { source: `dollars?`, code: '$', word: true },
  { source: `\\$`, code: '$' },
  // Korea.
  { source: `wons?(?: sud-coréens?| coréens?| south korean)?`, code: 'KRW', word: true },
  { source: `₩`, code: 'KRW' },
  // Europe.
  { source: `euros?`, code: 'EUR', word: true },
  { source: `€`, code: 'EUR' },
  { source: `livres? sterling|livres? britanniques?|pounds? sterling|british pounds?`, code: 'GBP', word: true },
  { source: `livres?|pounds?`, code: 'GBP', word: true, needsScale: true },
  { source: `£`, code: 'GBP' },
  { source: `francs? suisses?|swiss francs?`, code: 'CHF', word: true },
  { source: `francs? CFA`, code: 'XOF', word: true },
  { source: `francs? français|french francs?`, code: 'FRF', word: true },
  { source: `francs?`, code: 'FRANC', word: true },
  { source: `zlotys?|złotys?`, code: 'PLN', word: true },
  { source: `couronnes? suédoises?|swedish kronor|swedish krona`, code: 'SEK', word: true },
  { source: `couronnes? norvégiennes?`, code: 'NOK', word: true },
  { source: `couronnes? danoises?`, code: 'DKK', word: true },
  { source: `livres? turques?|lires? turques?|turkish liras?`, code: 'TRY', word: true },
  { source: `marks? finlandais|finnish markkas?`, code: 'FIM', word: true },
  { source: `deutsche marks?|deutschemarks?|marks? allemands?`, code: 'DEM', word: true },
  { source: `florins? (?:néerlandais|hollandais)|dutch guilders?`, code: 'NLG', word: true },
  { source: `pesetas?`, code: 'ESP', word: true },
  // Asia and elsewhere.
  { source: `yens?(?: japonais)?|japanese yen`, code: 'JPY', word: true },
  { source: `yuans?(?: chinois)?|renminbis?|RMB|chinese yuan`, code: 'CNY', word: true },
  { source: `CN¥|元`, code: 'CNY' },
  { source: `¥`, code: '¥' },
  { source: `roupies? indiennes?|indian rupees?|roupies?|rupees?`, code: 'INR', word: true },
  { source: `₹`, code: 'INR' },
  { source: `roubles?(?: russes?)?|russian roubles?|rubles?`, code: 'RUB', word: true },
  { source: `₽`, code: 'RUB' },
  { source: `réals?|reais|reals?(?= brésiliens?)`, code: 'BRL', word: true },
  { source: `R\\$`, code: 'BRL' },
  { source: `riyals?(?: saoudiens?)?|saudi riyals?`, code: 'SAR', word: true },
  { source: `dirhams?(?: émiratis)?`, code: 'AED', word: true },
  // Hundredths.
  { source: `cents?`, code: '$', subunit: 100, word: true },
  { source: `centimes?`, code: 'EUR', subunit: 100, word: true },
  { source: `pence|penny|pennies`, code: 'GBP', subunit: 100, word: true },
  { source: `pesewas?`, code: 'GHS', subunit: 100, word: true },
  // ISO codes.
  { source: `USD|KRW|EUR|CAD|JPY|CNY|GBP|CHF|AUD|HKD|NZD|TWD|INR|MXN|RUB|BRL|SGD|SEK|NOK|DKK|PLN|TRY|SAR|AED|RMB`, code: 'ISO', word: true, caseSensitive: true },
  { source: `usd|eur|gbp|krw|jpy|cny|chf|cad|rmb`, code: 'ISO', word: true, caseSensitive: true },
];

/** Forms that precede the number: "$3 billion", "US$506 billion", "£ 8,10 millions", "EUR 1000". */
export const PREFIX_FORMS: CurrencyForm[] = [
  // Letters before "$" are matched as written: "a $48 million" is an English article, not A$.
  { source: `(?:US|U\\.S\\.?|USD|us|u\\.s|usd)${S}\\$`, code: 'USD', caseSensitive: true },
  { source: `(?:CA|C|CAD|c|cad)${S}\\$`, code: 'CAD', caseSensitive: true },
  { source: `(?:A|AU|AUD|aud)\\$`, code: 'AUD', caseSensitive: true },
  { source: `(?:NZ|NZD|nzd)${S}\\$`, code: 'NZD', caseSensitive: true },
  { source: `(?:HK|hk)${S}\\$`, code: 'HKD', caseSensitive: true },
  { source: `NT\\$`, code: 'TWD' },
  { source: `S\\$`, code: 'SGD' },
  { source: `(?:MX|MXN|mex|mxn)${S}\\$`, code: 'MXN', caseSensitive: true },
  { source: `R\\$`, code: 'BRL' },
  { source: `CN¥`, code: 'CNY' },
  { source: `\\$`, code: '$' },
  { source: `€`, code: 'EUR' },
  { source: `£`, code: 'GBP' },
  { source: `¥`, code: '¥' },
  { source: `₩`, code: 'KRW' },
  { source: `₹`, code: 'INR' },
  { source: `(?:USD|KRW|EUR|CAD|JPY|CNY|GBP|CHF|AUD|RMB|usd|eur|gbp|rmb)(?= ?\\d)`, code: 'ISO', word: true, caseSensitive: true },
];

function compile(forms: CurrencyForm[], suffixBoundary: boolean): Array<CurrencyForm & { re: RegExp }> {
  return forms.map((f) => ({
    ...f,
    // Word forms end at a word boundary; symbols may touch what follows.
    re: new RegExp(`(?:${f.source})${suffixBoundary && f.word ? '(?![\\p{L}\\d])' : ''}`, f.caseSensitive ? 'uy' : 'iuy'),
  }));
}

export const SUFFIX = compile(SUFFIX_FORMS, true);
export const PREFIX = compile(PREFIX_FORMS, false);

/** Longest form matching at `at`. */
export function matchForm(
  forms: Array<CurrencyForm & { re: RegExp }>,
  text: string,
  at: number,
): { form: CurrencyForm; end: number; text: string } | null {
  let best: { form: CurrencyForm; end: number; text: string } | null = null;
  for (const form of forms) {
    form.re.lastIndex = at;
    const m = form.re.exec(text);
    if (m && (!best || at + m[0].length > best.end)) best = { form, end: at + m[0].length, text: m[0] };
  }
  return best;
}
