/**
 * A language pack: everything the shared money grammar (and, later, the entity recogniser) needs
 * to know about how one language writes amounts, equivalences and exchange rates. A pack is data:
 * `src/lang/<code>/words.json` (reviewed by hand) and `cldr.json` (generated from the Unicode
 * CLDR by `npm run lang-data`), joined by `src/lang/<code>/index.ts`.
 *
 * Every phrase is matched case- and accent-insensitively on word boundaries ("Etats-Unis" finds
 * "États-Unis"), except where a list says it is case-sensitive (ISO codes, "Mrd.", "M$").
 */
export interface LanguagePack {
  /** ISO 639-3 code: the folder name. */
  code: string;
  /** English name of the language. */
  name: string;
  digits: DigitConventions;
  numbers: NumberWords;
  /** Scale words after a number: "milliards", "Mrd.", "mil millones", "bn". */
  scales: ScaleWord[];
  /** Currency names in this language (generated and reviewed), besides the shared symbols and codes. */
  currencies: CurrencyName[];
  /** Words between a scale word and the currency: French "de", "d'"; Italian "di"; English "of". */
  linkers: string[];
  /**
   * Beginnings of words about money (nouns and verbs: "ricavi", "utile", "debito", "vale",
   * "costa", "Umsatz", "매출"): a scaled figure with no currency in a clause that has one is a sum
   * in the article's currency ("Il decreto vale 45 miliardi").
   */
  moneyCues?: string[];
  /**
   * ISO code of the currency this language's press reports in when an article names none at all
   * (Italian results copy: "ricavi a 38.991 milioni"). Only for a language spoken
   * mostly where one currency is used; such amounts say `currencyFrom: "language"`.
   */
  homeCurrency?: string;
  /**
   * Places whose press reports in another currency than `homeCurrency`, by ISO code: Swiss
   * Italian budget copy ("il Cantone", "Ticino") is in francs. Two mentions in an article decide.
   */
  homeCurrencyPlaces?: Record<string, string[]>;
  /**
   * Month names as a date prints them after its day ("le lundi 3 juillet", "el 21 de octubre"):
   * a date between a currency and its price is no figure of the quote.
   */
  monthNames?: string[];
  /**
   * Short function words that may follow a figure without naming what it counts: prepositions,
   * conjunctions, articles, day names ("… contre 3,04 billions un an plus tôt", "à 1 380,5 pour
   * un dollar"). Lower case; German nouns are told by their capital instead.
   */
  clauseWords: string[];
  /**
   * A noun after a scale word takes a linker ("millions de", "millones de", "milioni di"): a
   * word right after a scale word never names what it counts ("1 230 000 milliards liés à…").
   */
  scaleNeedsLinker: boolean;
  /**
   * Words that begin with a currency name but are not money after a number: "원전" (a nuclear
   * plant) begins with 원, "Euro-Raum" with Euro.
   */
  currencyFalseFriends: string[];
  /** English compounds: "a 5 trillion-won order", "the 1,470-won level". */
  hyphenatedAmounts: boolean;
  /** Compound currency names are written with or without their spaces ("스위스 프랑", "스위스프랑"). */
  compoundsWithoutSpaces: boolean;
  /** Words that make the number before them a percentage ("pour cent", "per cento", "Prozent"). */
  percentWords: string[];
  /**
   * Words before a time of day ("alle 13.56", "a las 10.30", "um 9.15"): a figure such as 13.56
   * after them is a time, never a sum nor a member of a list of sums.
   */
  clockWords?: string[];
  qualifiers: Qualifiers;
  /** Ranges and lists of amounts that share one currency. */
  ranges: Ranges;
  /** Words that present the next amount as the equivalent of the previous one. */
  equivalence: Equivalence;
  per: PerUnit;
  rates: RatePhrasing;
  /** Words that date something by its distance from the article's publication: "hier", "last week", "지난해". */
  relativeDates: RelativeDateWords;
  /**
   * Cues of the entity recogniser (`entities.json`): titles, honorifics, organisation heads,
   * place prepositions, words that are never names. Absent for a language whose names the
   * recogniser cannot read yet (Korean: no capitals to find them by).
   */
  entities?: EntityCues;
  /** Where each part of the pack comes from, and its licence. */
  sources: Array<{ file: string; source: string; licence: string }>;
}

export interface DigitConventions {
  /** Decimal mark as the language prints it. */
  decimal: '.' | ',';
  /** Characters that group thousands (space stands for every space, no-break and thin included). */
  group: string[];
}

export interface NumberWords {
  /**
   * `western`: units, tens, hundreds, thousands composed by addition and multiplication
   * ("quatre-vingt-dix", "fünfundzwanzig", "duecentomila"); `myriad`: East Asian grouping by
   * 10^4 (만, 억, 조), written with digits or numerals ("12조 5천억", "4천800조").
   */
  system: 'western' | 'myriad';
  /** Word → value: "deux": 2, "vingt": 20, "cent": 100, "mille": 1000. */
  words: Record<string, number>;
  /** Words that multiply what precedes them (hundred, thousand); the others add. */
  multipliers: string[];
  /** Words that stand for one only before a scale word or a coin ("un", "a", "ein"). */
  articles: string[];
  /** Words that join parts of one number ("et" in "vingt et un", "y", "und", "and"). */
  joiners: string[];
  /**
   * Numbers are written as one word made of these parts ("zweihundertfünfzig",
   * "duecentocinquanta"): words are split into parts before they are read.
   */
  compound: boolean;
  /**
   * Words read as the decimal mark between spelled or printed digits: broadcast copy writes
   * "one-point-nine trillion won", "13-point-eight".
   */
  decimalWords: string[];
  /** Fractions read before a scale word: "half": 0.5, "three quarters": 0.75 ("half a million"). */
  fractions: Record<string, number>;
  /** Words between such a fraction and its scale word: "a", "of a". */
  fractionLinks: string[];
  /**
   * Collective numerals, after an article and before a linker: "une dizaine de milliards",
   * "una sessantina di milioni", "un millar de euros". Read as approximate.
   */
  collectives?: Record<string, number>;
  /** Myriad system only: numerals and units. */
  myriad?: {
    digits: Record<string, number>;
    /** 십 10, 백 100, 천 1000: multiply the digit before them within a group of four. */
    small: Record<string, number>;
    /** 만 1e4, 억 1e8, 조 1e12: close a group. Values are powers of ten. */
    large: Record<string, number>;
    /** Marks an approximation inside a number ("10여억": over a billion). */
    approx: string[];
  };
}

export interface ScaleWord {
  form: string;
  /** Power of ten. */
  power: number;
  /**
   * Another reading some writers use ("billion" in French news may be the English 10^9): the
   * grammar takes `power`, and a currency pair may settle on `alternative` instead.
   */
  alternative?: number;
  /** Matched as written (abbreviations: "Md", "M", "bn"). */
  caseSensitive?: boolean;
  /** A letter that is a scale only when a currency sign touches it ("45 k$", "2,5 G$", "€5m"). */
  needsSymbol?: boolean;
}

export interface CurrencyName {
  form: string;
  /** ISO 4217 code, or "$" (a dollar of no named country) or "¥" (yen or yuan), resolved by context. */
  code: string;
  /** Before or after the number (default after). */
  position?: 'before' | 'after' | 'both';
  /** A word that also means something else ("livres" are pounds of weight): only after a scale word. */
  needsScale?: boolean;
  /** Hundredths of the unit: cents, centimes, centavos, 센트. */
  subunit?: number;
  /**
   * Hundredths several currencies share ("centesimi", "centimes"): `code` is the language's own,
   * but in a quote they are of the currency the story is about ("la valuta comunitaria valeva
   * 92,86 centesimi" of a franc).
   */
  sharedSubunit?: boolean;
  /** A power of ten the form carries: Mexican "mdd" (millones de dólares) is 6. */
  scale?: number;
  caseSensitive?: boolean;
}

export interface Qualifiers {
  /** Before the amount, or after it: "environ", "près de", "unos", "rund", "약"; "environ", "가량". */
  approx: QualifierLists;
  /** Lower bounds: "plus de", "más de", "mehr als", "이상". */
  over: QualifierLists;
  /** Upper bounds: "moins de", "menos de", "knapp", "미만". */
  under: QualifierLists;
  /** Qualifiers that are prepositions after a noun: German "ein Vertrag über 5 Mrd. Euro" is "worth", not "over". */
  notAfterNoun?: string[];
}

export interface QualifierLists {
  before: string[];
  after: string[];
}

export interface Ranges {
  /** Between two numbers of a range: "à", "a", "bis", "to", "~", "-". */
  connectors: string[];
  /**
   * Opening word and the connector it calls for: "entre … et", "between … and", "zwischen … und".
   * With `list`, the two numbers are separate amounts that share a currency ("von 15 auf 25
   * Billionen Won" is a change, not a range).
   */
  paired: Array<{ open: string; connector: string; list?: boolean }>;
  /** Between members of a list: ",", "et", "ou", "y", "und", "e", "and", "or". */
  list: string[];
}

export interface Equivalence {
  /** "soit", "ou", "l'équivalent de", "es decir", "umgerechnet", "pari a", "우리 돈으로". */
  connectors: string[];
  /**
   * Weak connectors ("ou", "or", "o", "oder") also join alternatives: they make a pair only when
   * the rate they imply is plausible.
   */
  weak: string[];
}

export interface PerUnit {
  /** Words that introduce the unit after an amount: "par", "per", "pro", "je", "por", "al". */
  markers: string[];
  /** Unit phrases that need no marker: "l'heure", "la tonne", "a month", "al mes". */
  bare: string[];
  /** Phrases after a marker that are not a unit: "par rapport à", "por parte de", "par la". */
  falseFriends: string[];
  /** Korean puts the unit first: "1인당 10만 원", "배럴당 80달러" (suffix "당"). */
  prefixSuffix?: string;
  /** Words before the amount that make it per unit: Korean "월 3만 원" (a month). Word → English unit. */
  prefixWords?: Record<string, string>;
  /** Nouns are capitalised (German): a capital after a marker does not mean a proper name. */
  nounsCapitalised?: boolean;
  /** Unit words in English, for renderings: "mois" → "month". */
  english: Record<string, string>;
}

export interface RatePhrasing {
  /**
   * After a figure, the base it is quoted against: "pour un", "par", "contre un", "for one",
   * "por", "je", "per". Followed by a currency name.
   */
  perBase: string[];
  /**
   * Markers of `perBase` that name no single unit ("le", "the", "pour"): after them a base must
   * make a rate near its usual level ("398,5 cents la livre" is a weight). After the others ("pour
   * un", "per", "for one") a rate far from today's may stand: a historical one ("125 wons pour un
   * dollar" in 1945).
   */
  weakBases: string[];
  /** Korean: "달러당 1,430원", "100엔당 900원": suffix after the base currency. */
  perBaseSuffix?: string;
  /** Korean: "1달러에 1,430원": a particle after "1 <base>". */
  basePostposition?: string;
  /** Words that open a currency named as the subject of a rate: "un", "le", "the", "el", "der". */
  subjects: string[];
  /**
   * Words for "one unit" after a figure ("por unidad", "l'unité"): after a currency named as the
   * subject, the unit is that currency ("el dólar cerró en 1.095,8 wones por unidad").
   */
  unitWords?: string[];
  /**
   * Words for a banknote before its face value ("billet de", "billete de", "banconota da"): a
   * note of 100 dollars exchanged for a sum is a base wherever it stands in its clause.
   */
  banknotes?: string[];
  /** The unit column of a parity table's header ("Unité", "Unidad"): the rows below are quotes. */
  tableUnits?: string[];
  /** Reflexive and negative particles a verb may carry before it: "s'échangeait", "ne valait", "se cotizaba". */
  verbParticles?: string[];
  /**
   * Words before a currency that make it the one another is priced against, not a rate verb's
   * subject: "face au dollar", "against the dollar", "frente al dólar".
   */
  against?: string[];
  /**
   * Words that stand for a currency named in the sentence before, as a rate verb's subject: "La
   * livre a chuté. Elle a reculé jusqu'à 1,04 dollar", "la monnaie", "son record".
   */
  anaphors?: string[];
  /**
   * Anaphors that stand for the currency only when no complement follows them: "le cours" (not
   * "le cours du pétrole"). They need not be listed in `anaphors` too.
   */
  looseAnaphors?: string[];
  /** What makes such a word name something else: "du", "des", "de la". */
  anaphorComplements?: string[];
  /** Korean: particles right after a currency that make it the subject ("유로화는", "달러가"). */
  subjectParticles?: string[];
  /**
   * In a language that glues particles to numbers, those a bare level may carry ("1,430에",
   * "1,430선", "1,430으로"): any other syllable glued to a number makes it count something
   * ("출범 2주년", "3개").
   */
  figureParticles?: string[];
  /**
   * Stems of the verbs between a currency named as the subject and the figure it is worth:
   * "valai", "valu", "échang", "clôtur", "clos", "cerr", "notiert". Any word beginning with one
   * of them, anywhere between the two, makes a rate quote.
   */
  verbs: string[];
  /**
   * Stems of verbs of price ("coût", "cost", "kost"): a quote only after a currency named as the
   * subject ("un yuan ne coûtait que 186,9 wons"); they never carry a sentence on about the rate.
   */
  priceVerbs: string[];
  /**
   * Nouns of the price of a good ("prix", "tarif", "litre"): a sentence that names one before a
   * figure and names no currency apart from its sums is about prices, cues of the rate or not
   * ("le prix moyen a franchi la barre des 1 650 wons").
   */
  priceNouns?: string[];
  /**
   * What may stand between a figure and its base marker: "160,52 yens sont désormais nécessaires
   * pour obtenir 1 dollar", "1.450 wones son necesarios para comprar un dólar".
   */
  needPhrases?: string[];
  /** The side of a counter a price is for, between it and its base: "à l'achat", "para la venta". */
  sides?: string[];
  /**
   * Between a quote and the level it is compared with, named with no currency: "a 158,42 contro i
   * 159,10 di ieri", "frente a los 19,85 del viernes", "to $1.0930 from 1.0810".
   */
  comparedWith?: string[];
  /** Phrases that make a sentence about the exchange rate: "taux de change", "환율", "tipo de cambio". */
  cues: string[];
  /**
   * Phrases right before a figure that make it an exchange rate, however the rest of the sentence
   * reads: "(876 milliards de wons au cours de 1 390 wons)", "converted at", "al cambio de". Kept
   * apart from `cues` because alone they are often something else ("au cours de l'année").
   */
  figureCues?: string[];
  /**
   * Between a currency named as a subject and a figure, a word that prices it without a verb:
   * "l'hypothèse d'un dollar à 1 350 wons", "the dollar at 1,350 won".
   */
  atLevel: string[];
  /**
   * Names of a currency pair, to the pair they name ("원·달러": "USD/KRW", "won-dollar",
   * "euro-dollar": "EUR/USD"): a figure after one prices that pair.
   */
  pairCues: Record<string, string>;
  /** Nouns a bare rate figure may come before: "the 1,400 level", "le seuil des 1 400". */
  levelNouns: string[];
  /**
   * After a base marker, words that stand for the base quoted before: "il fallait 1 080 wons
   * pour obtenir la même somme" (the 100 yen of the previous quote), "for the same amount".
   */
  sameBase: string[];
  /**
   * Words that open a sentence with its base, before the amount and a comma: "Pour 1 euro, on
   * obtient 0,85 livre…", "For one dollar, buyers got 1,440 won".
   */
  leadingBase: string[];
  /**
   * What may follow a leading base instead of its comma: "Pour un dollar on obtient 1 450 wons",
   * "Pour 1 euro il fallait 1 610 wons".
   */
  leadingClauses?: string[];
  /**
   * Phrases that date a quoted rate in the past: such a quote is reported, but is not evidence of
   * the article's rate. `after` the figure, in its clause ("contre 1 450 wons un an plus tôt",
   * "1030.3원보다"); `before` it, in its sentence ("A year ago, the won traded at 1,300",
   * "작년 9월 9일에 … 1077.3원을 기록한").
   */
  earlierMarkers: { before: string[]; after: string[] };
  /** Names of a currency that are not its name: "le billet vert", "the greenback", "원화". */
  epithets: Record<string, string>;
  /** Before a figure in such a sentence, a change rather than a level: "en baisse de", "up", "오른". */
  movement: { before: string[]; after: string[] };
}

/**
 * Relative dates (`relativeDates` in `words.json`): each phrase maps to its distance, in its unit,
 * from the article's publication day ("hier": -1 day, "la semaine prochaine": +1 week, "cette
 * année": 0 years). List phrases with the articles and prepositions that belong to them ("l'an
 * dernier") and without ("du mois dernier" finds "mois dernier"): at a position the longest wins.
 */
export interface RelativeDateWords {
  /** "hier": -1, "avant-hier": -2, "aujourd'hui": 0, "demain": 1, "오늘": 0. */
  days: Record<string, number>;
  /** "la semaine dernière": -1, "next week": 1, "이번 주": 0. */
  weeks: Record<string, number>;
  /** "le mois dernier": -1, "el próximo mes": 1. */
  months: Record<string, number>;
  /** "l'an dernier": -1, "cette année": 0, "내년": 1. */
  years: Record<string, number>;
  /**
   * Weekday names, Monday first (ISO order), each with its forms: [["lundi"], ["mardi"], …].
   * Alone, a weekday is the latest such day on or before publication (news reports what
   * happened: "a déclaré mardi"); with a `last` word the latest before it, with a `next` word
   * the first after it.
   */
  weekdays: string[][];
  /** Words before or after a weekday that make it the last one: "dernier" ("mardi dernier"), "last", "지난". */
  lastWeekday: { before: string[]; after: string[] };
  /** Words before or after a weekday that make it the next one: "prochain", "next", "다음", "오는". */
  nextWeekday: { before: string[]; after: string[] };
  /**
   * Phrases that hold a date word but are no date, found first so it is not: Spanish "la mañana"
   * (the morning, not tomorrow), Korean "오늘날" (nowadays).
   */
  notDates: string[];
  /** Phrases matched only as written: German "morgen" (tomorrow), not "Morgen" (morning). */
  caseSensitive?: string[];
}

/**
 * What the entity recogniser needs to know about a language. Matched on tokens, case-insensitively
 * unless said otherwise; a trailing period of an abbreviation is ignored ("M.", "Sr.").
 */
export interface EntityCues {
  /** Titles and role nouns before a person's name: "président", "ministra", "Bundeskanzler", "CEO". */
  personTitles: string[];
  /** Abbreviated honorifics, after which a name may open with a particle: "Mme de La Rochère". */
  honorifics: string[];
  /** Honorifics for several people, whose title the next name shares: "MM. Kang et de La Vallière". */
  pluralHonorifics: string[];
  /** Head nouns that open an organisation's name: "Banque de Corée", "Banco de España", "Bank of Korea". */
  orgHeads: string[];
  /** Heads that open a name in lower case: "ministère de l'Économie", "ministerio de Hacienda". */
  lowerHeads: string[];
  /** Heads whose names join parts with a conjunction: "ministère de l'Économie et des Finances". */
  conjoinedHeads: string[];
  /** Lower-case adjectives that continue an organisation's name: "Assemblée nationale", "Banco Central". */
  nameAdjectives: string[];
  /** Words that end the stretch of an organisation's name: verbs, pronouns, prepositions, days. */
  nameStops: string[];
  /** Nouns right before a name that make it an organisation: "le groupe", "la empresa", "der Konzern". */
  orgCues: string[];
  /** Roles after which a capitalised word is a portfolio, not a name: "ministre de la Défense". */
  portfolioRoles: string[];
  /** Words between such a role and its portfolio: "de", "du", "of", "für". */
  portfolioLinks: string[];
  /** Words right before a place: "à", "en", "in", "nach". */
  placePrepositions: string[];
  /** Particles inside a person's name: "de", "von", "di". */
  nameParticles: string[];
  /** Small words inside any name: "de", "of", "&", "für". */
  nameJoiners: string[];
  /** "et", "and", "y", "und", "e": between two names or two parts of one. */
  conjunctions: string[];
  /** Endings of nationality adjectives that may stand between a title and a name: "le président sud-coréen Lee". */
  nationalitySuffixes: string[];
  /** Capitalised words that are never names on their own: sentence openers, months, days. Case-sensitive. */
  notNames: string[];
  /**
   * Languages that glue particles and suffixes to names (Korean). Postpositions after a name
   * ("서울에서", "삼성전자는"), longest first when matched.
   */
  attachedParticles?: string[];
  /**
   * Endings that make a word an organisation's name, with the fewest letters the whole word must
   * have ("부": 3 keeps "국방부" and leaves "정부" and "일부"; "위원회": 4).
   */
  attachedOrgSuffixes?: Record<string, number>;
  /** Common nouns with such an ending: "공무원", "연구원", "위원회" alone. */
  notOrganisations?: string[];
  /** Words that name an institution after a place: "미국 의회", "일본 해군". */
  institutionWords?: string[];
  /** Titles written after a person's name: "김민수 장관", "박서연 연구원", "이정민 씨". */
  titlesAfter?: string[];
  /**
   * The language capitalises every noun (German): a capital is weak evidence of a name, a name
   * with a head noun ends at a lower-case word, and a preposition before a capital says nothing.
   */
  capitalisedNouns?: boolean;
  /** Words that open a byline, a line naming the writer: "By", "Par", "Por", "Von". Case-sensitive. */
  bylines?: string[];
  /** Endings inflection adds to a name ("Südkoreas", "den Niederlanden", "Vereinigten"). */
  inflections?: string[];
}

