import generated from './symbols.json' with { type: 'json' };
import entities from './entities.json' with { type: 'json' };
import reviewed from './words.json' with { type: 'json' };

/** How an article's context decides what a bare "$", "¥", "peso" or "franc" is. */
export interface ContextRule {
  default: string;
  /** The currency is a guess even with the default (a franc of no country is most often Swiss). */
  ambiguous?: boolean;
  /** Evidence an alternative needs (a sign counts 3, a place 1). @default 3 */
  minScore?: number;
  /**
   * The same, in articles of a language (by pack code) whose press keeps the name for its own
   * currency: Latin American papers write "$" for the peso and "US$" for the dollar.
   */
  minScoreIn?: Record<string, number>;
  /**
   * Each alternative's evidence: signs that name it (count 3), hints that often mean it but not
   * always (count 1: Quebec's "M$" is also French for millions of US dollars), places (count 1).
   * One sign alone, with no place, is a writer marking one amount in that currency ("1,36 $ CA"
   * in a European column), not the article's own: unless it is one of `localSigns`, which only
   * the country's own press uses ("11,4 G$", "45 k$").
   */
  alternatives: Array<{
    code: string;
    signs: string[];
    localSigns?: string[];
    hints?: string[];
    places: string[];
    /**
     * Only in articles of these languages (pack codes): "$" is the peso in Spanish copy about
     * Argentina, but the US dollar in a French or Italian report on it, which writes "pesos".
     */
    onlyIn?: string[];
  }>;
  /** Signs and places that argue for the default against the alternatives ("¥": Japan vs China). */
  versus?: { signs: string[]; places: string[] };
}

/** A currency that shares its bare name with another ("wons": South Korean, and North Korean). */
export interface SisterCurrency {
  sister: string;
  /** The open name both go by (a key of `contexts`). */
  open: string;
  /** Names of the sister's country, its places and the sister itself: a paragraph about it. */
  places: string[];
  /** Names of the home country and its places: a paragraph that names them is not about the sister alone. */
  homePlaces: string[];
}

export interface SharedCurrencyData {
  /** Currency sign as printed → ISO code, or "$"/"¥" when the article must tell which. */
  symbols: Record<string, string>;
  /** ISO 4217 codes recognised beside a number ("USD 5", "5 EUR"). */
  codes: string[];
  codeAliases: Record<string, string>;
  /** Codes also recognised in lower case after a number ("20 usd", "40 rmb"). */
  lowercaseCodes: string[];
  /** Codes with a scale in them, as financial reports write them: "30 MUSD", "120 MEUR". */
  scaledCodes: Record<string, [string, number]>;
  contexts: Record<string, ContextRule>;
  /**
   * A currency whose bare name another one shares ("wons": the South Korean won, and the North
   * Korean where an article names it): in an article that names the sister or its country, a
   * quote the first cannot be is read in the sister ("38 200 wons pour un dollar" on Pyongyang's
   * black market), and so is a sum without a scale word in a paragraph that names the sister's
   * places and none of the home's ("le riz se vendait 13 500 wons le kilo à Pyongyang").
   */
  sisterCurrencies: Record<string, SisterCurrency>;
  /**
   * Words of commodities the world prices in US dollars ("baril", "Brent", "WTI", "once"): a
   * sentence that names one prices them so, even in a paper whose bare "$" is its own dollar
   * ("le baril a fini à 66,75 $" in a Canadian paper).
   */
  dollarCommodities: string[];
  /**
   * Currencies of countries that print a decimal point and group thousands with a comma, in a
   * language whose convention is the other one: "42,717 soles" is 42 717 in Peruvian copy.
   */
  pointDecimalCurrencies: string[];
  sources: Array<{ file: string; source: string; licence: string }>;
}

/** Signs and codes every language shares: CLDR's signs, overridden by the reviewed list. */
export const SHARED_CURRENCIES: SharedCurrencyData = {
  symbols: { ...generated.symbols, ...reviewed.symbols } as Record<string, string>,
  codes: reviewed.codes,
  codeAliases: reviewed.codeAliases as Record<string, string>,
  lowercaseCodes: reviewed.lowercaseCodes,
  scaledCodes: reviewed.scaledCodes as unknown as Record<string, [string, number]>,
  contexts: reviewed.contexts as Record<string, ContextRule>,
  sisterCurrencies: reviewed.sisterCurrencies as Record<string, SisterCurrency>,
  dollarCommodities: reviewed.dollarCommodities,
  pointDecimalCurrencies: reviewed.pointDecimalCurrencies,
  sources: [
    { file: 'src/lang/shared/symbols.json', source: generated.source, licence: generated.licence },
    { file: 'src/lang/shared/words.json', source: reviewed.source, licence: reviewed.licence },
  ],
};

/** Entity cues of every language: company suffixes ("Inc.", "GmbH", "Electronics") and words that are never names (ISO codes, technical acronyms, Roman numerals). */
export const SHARED_ENTITY_CUES: { orgSuffixes: string[]; notNames: string[]; source: string; licence: string } = entities;

