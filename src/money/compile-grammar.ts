import type { LanguagePack } from '../lang/types.js';
import { SHARED_CURRENCIES } from '../lang/shared/index.js';
import { matchKey } from './match-key.js';
import { PhraseTrie } from './phrase-trie.js';
import type { DigitConvention, MyriadNumbers, WordNumbers } from './read-number.js';

/** What a currency form denotes. */
export interface CurrencyEntry {
  /** ISO 4217 code, or a name for the article's context to settle ("$", "¥", "PESO", "RUPEE"…). */
  code: string;
  /** 100 for cents, centimes, pence: the value is in hundredths of `code`. */
  subunit: number | null;
  /** Hundredths several currencies share ("centesimi"): see CurrencyName.sharedSubunit. */
  sharedSubunit?: true;
  /** A word with another meaning ("livres", "pounds"): money only after a scale word. */
  needsScale: boolean;
  /** A sign ("$", "₩", "US$") rather than a word: it may touch the number. */
  sign: boolean;
  /** Power of ten the form carries in itself: "MUSD" (6), Mexican "mdd" (millones de dólares). */
  impliedScale?: number;
}

export interface ScaleEntry {
  form: string;
  power: number;
  /** The other reading a pair may settle on (French "billion": 10^12, or the English 10^9). */
  alternative: number | null;
  /** A letter ("k", "M", "G") that is a scale only against a currency sign. */
  needsSymbol: boolean;
  /** An abbreviation ("Mrd.", "bn", "Md"): a scale only when a currency follows or precedes. */
  abbreviation: boolean;
}

export type QualifierKind = 'approx' | 'over' | 'under';
export type EquivalenceStrength = 'strong' | 'weak';

/**
 * A language pack compiled for matching: tries over the match keys of its phrases, shared signs
 * and ISO codes added. Built once per pack and kept.
 */
export interface Grammar {
  pack: LanguagePack;
  digits: DigitConvention;
  words: WordNumbers | null;
  myriad: MyriadNumbers | null;
  scales: PhraseTrie<ScaleEntry>;
  /** Currency forms after the number (names, signs, codes). */
  after: PhraseTrie<CurrencyEntry>;
  /** Currency forms before the number (signs, codes, and names the pack puts first). */
  before: PhraseTrie<CurrencyEntry>;
  /** Currency names anywhere (for rate quotes): names, epithets, signs, codes. */
  mentions: PhraseTrie<CurrencyEntry>;
  falseFriends: PhraseTrie<true>;
  percentWords: PhraseTrie<true>;
  clockWords: PhraseTrie<true>;
  linkers: PhraseTrie<true>;
  moneyCues: PhraseTrie<true>;
  qualifiersBefore: PhraseTrie<QualifierKind>;
  qualifiersAfter: PhraseTrie<QualifierKind>;
  /** Every qualifier, read forwards (between two amounts of a pair: "soit quasiment", "(약 …)"). */
  qualifiersForward: PhraseTrie<QualifierKind>;
  rangeConnectors: PhraseTrie<true>;
  /** Backward: the opening word of a paired range ("entre", "between"), with its connectors. */
  rangeOpeners: PhraseTrie<Array<{ connector: string; list: boolean }>>;
  listSeparators: PhraseTrie<true>;
  /** Forward: opening words of ranges, which may stand between two equivalents ("soit entre …"). */
  rangeOpenersForward: PhraseTrie<true>;
  equivalence: PhraseTrie<EquivalenceStrength>;
  /** Backward: a connector that ends right before an amount ("…, soit quasiment B"). */
  equivalenceBackward: PhraseTrie<EquivalenceStrength>;
  perMarkers: PhraseTrie<true>;
  perBare: PhraseTrie<string>;
  perUnits: PhraseTrie<string>;
  perFalseFriends: PhraseTrie<true>;
  /** Backward: Korean words before an amount that make it per unit ("월 3만 원"). */
  perPrefixWords: PhraseTrie<string>;
  rateBase: PhraseTrie<true>;
  /** `perBase` markers that name no single unit: the rate they give must be near its usual level. */
  rateWeakBases: ReadonlySet<string>;
  rateSameBase: PhraseTrie<true>;
  /** Rate verbs and verbs of price: what may stand between a currency subject and its figure. */
  rateSubjectVerbs: PhraseTrie<true>;
  banknotes: PhraseTrie<true>;
  tableUnits: PhraseTrie<true>;
  /** Verbs of price alone ("coûte", "costs"): a sentence with one prices something. */
  priceVerbs: PhraseTrie<true>;
  rateLeadingBase: PhraseTrie<true>;
  rateLeadingClauses: PhraseTrie<true>;
  priceNouns: PhraseTrie<true>;
  rateNeedPhrases: PhraseTrie<true>;
  rateSides: PhraseTrie<true>;
  comparedWith: PhraseTrie<true>;
  /** Places whose press reports in another currency than the language's home one. */
  homePlaces: PhraseTrie<string>;
  /** Month names after a day number: "3 juillet", "21 de octubre". */
  monthNames: PhraseTrie<true>;
  verbParticles: PhraseTrie<true>;
  rateAgainst: PhraseTrie<true>;
  /** Anaphors, each with whether a complement after it makes it name something else. */
  rateAnaphors: PhraseTrie<boolean>;
  rateAnaphorComplements: PhraseTrie<true>;
  rateLevelNouns: PhraseTrie<true>;
  rateSubjects: PhraseTrie<true>;
  rateVerbs: PhraseTrie<true>;
  rateCues: PhraseTrie<true>;
  rateFigureCues: PhraseTrie<true>;
  /** Words after which a bare figure may still be a rate: clause words, level nouns, "per". */
  bareFigureFollowers: PhraseTrie<true>;
  clauseWords: PhraseTrie<true>;
  rateAtLevel: PhraseTrie<true>;
  earlierBefore: PhraseTrie<true>;
  /** Names of a currency pair ("원·달러", "won-dollar", "euro-dollar"): the two codes. */
  pairCues: PhraseTrie<readonly [string, string]>;
  earlierAfter: PhraseTrie<true>;
  movementBefore: PhraseTrie<true>;
  movementAfter: PhraseTrie<true>;
  /** Match keys of every first unit an amount can start with (cheap test before parsing). */
  openers: ReadonlySet<number>;
}

const compiled = new WeakMap<LanguagePack, Grammar>();

export function grammarFor(pack: LanguagePack): Grammar {
  let grammar = compiled.get(pack);
  if (!grammar) {
    grammar = compile(pack);
    compiled.set(pack, grammar);
  }
  return grammar;
}

function homePlaces(places: Record<string, string[]>): PhraseTrie<string> {
  const out = new PhraseTrie<string>();
  for (const [code, phrases] of Object.entries(places)) for (const p of phrases) out.add(p, code, /^\p{Lu}/u.test(p));
  return out;
}

function trie<T>(phrases: Iterable<string>, value: (phrase: string) => T, backward = false): PhraseTrie<T> {
  const t = new PhraseTrie<T>(backward);
  for (const p of phrases) t.add(p, value(p));
  return t;
}

/** Anaphors, each marked with whether a complement after it makes it name something else. */
function anaphorTrie(anaphors: readonly string[], loose: readonly string[]): PhraseTrie<boolean> {
  const t = trie(anaphors, () => false);
  for (const a of loose) t.add(a, true);
  return t;
}

function compile(pack: LanguagePack): Grammar {
  const digits: DigitConvention = { decimal: pack.digits.decimal, group: new Set(pack.digits.group.filter((g) => g !== ' ')) };
  const n = pack.numbers;
  const words: WordNumbers | null =
    n.system === 'western'
      ? {
          words: new Map(Object.entries(n.words).map(([w, v]) => [matchKey(w), v])),
          multipliers: new Set(n.multipliers.map(matchKey)),
          articles: new Set(n.articles.map(matchKey)),
          joiners: new Set(n.joiners.map(matchKey)),
          compound: n.compound,
          decimalWords: new Set(n.decimalWords.map(matchKey)),
          fractions: new Map(Object.entries(n.fractions).map(([w, v]) => [matchKey(w), v])),
          fractionLinks: n.fractionLinks.map(matchKey),
          collectives: new Map(Object.entries(n.collectives ?? {}).map(([w, v]) => [matchKey(w), v])),
          linkers: pack.linkers.map(matchKey),
        }
      : null;
  const myriad: MyriadNumbers | null = n.myriad
    ? {
        digits: new Map(Object.entries(n.myriad.digits)),
        small: new Map(Object.entries(n.myriad.small)),
        large: new Map(Object.entries(n.myriad.large)),
        approx: new Set(n.myriad.approx),
        convention: digits,
      }
    : null;

  const scales = new PhraseTrie<ScaleEntry>();
  for (const s of pack.scales) {
    const letter = /^\p{L}$/u.test(s.form);
    scales.add(
      s.form,
      { form: s.form, power: s.power, alternative: s.alternative ?? null, needsSymbol: s.needsSymbol ?? letter, abbreviation: s.caseSensitive ?? false },
      s.caseSensitive ?? false,
    );
  }

  const after = new PhraseTrie<CurrencyEntry>();
  const before = new PhraseTrie<CurrencyEntry>();
  const mentions = new PhraseTrie<CurrencyEntry>();
  for (const c of pack.currencies) {
    // "$ US", "$CA": a pack's form built on a sign is a sign (it may touch a scale letter).
    const entry: CurrencyEntry = { code: c.code, subunit: c.subunit ?? null, needsScale: c.needsScale ?? false, sign: /\p{Sc}/u.test(c.form), ...(c.scale ? { impliedScale: c.scale } : {}), ...(c.sharedSubunit ? { sharedSubunit: true as const } : {}) };
    const position = c.position ?? 'after';
    // Korean writes a compound name with or without its spaces: "스위스 프랑", "스위스프랑".
    const forms = pack.compoundsWithoutSpaces && /\p{Script=Hangul} \p{Script=Hangul}/u.test(c.form) ? [c.form, c.form.replace(/(?<=\p{Script=Hangul}) (?=\p{Script=Hangul})/gu, '')] : [c.form];
    for (const form of forms) {
      if (position !== 'before') after.add(form, entry, c.caseSensitive);
      if (position !== 'after') before.add(form, entry, c.caseSensitive);
      if (!entry.subunit) mentions.add(form, entry, c.caseSensitive);
    }
  }
  for (const [form, code] of Object.entries(pack.rates.epithets)) mentions.add(form, { code, subunit: null, needsScale: false, sign: false });
  const shared = SHARED_CURRENCIES;
  for (const [sign, code] of Object.entries(shared.symbols)) {
    const entry: CurrencyEntry = { code, subunit: null, needsScale: false, sign: true };
    after.add(sign, entry);
    before.add(sign, entry);
    mentions.add(sign, entry);
    // "US $ 150", "HK $ 10,05": a space inside a sign of two letters or more.
    const split = /^(\p{Lu}{2,})\$$/u.exec(sign);
    if (split) {
      after.add(`${split[1]} $`, entry, true);
      before.add(`${split[1]} $`, entry, true);
    }
  }
  for (const code of shared.codes) {
    const entry: CurrencyEntry = { code: shared.codeAliases[code] ?? code, subunit: null, needsScale: false, sign: true };
    after.add(code, entry, true);
    before.add(code, entry, true);
    mentions.add(code, entry, true);
    // "usd$ 15", "MXN$ 20": a code glued to a dollar sign.
    after.add(`${code}$`, entry);
    before.add(`${code}$`, entry);
  }
  for (const code of shared.lowercaseCodes) {
    const entry: CurrencyEntry = { code: shared.codeAliases[code.toUpperCase()] ?? code.toUpperCase(), subunit: null, needsScale: false, sign: true };
    after.add(code, entry, true);
    before.add(code, entry, true);
  }
  for (const [form, [code, power]] of Object.entries(shared.scaledCodes)) {
    const entry: CurrencyEntry = { code, subunit: null, needsScale: false, sign: true, impliedScale: power };
    after.add(form, entry, true);
    before.add(form, entry, true);
  }

  const qualifiersBefore = new PhraseTrie<QualifierKind>(true);
  const qualifiersAfter = new PhraseTrie<QualifierKind>();
  const qualifiersForward = new PhraseTrie<QualifierKind>();
  for (const kind of ['approx', 'over', 'under'] as const) {
    for (const q of pack.qualifiers[kind].before) {
      qualifiersBefore.add(q, kind);
      qualifiersForward.add(q, kind);
    }
    for (const q of pack.qualifiers[kind].after) {
      qualifiersAfter.add(q, kind);
      qualifiersForward.add(q, kind);
    }
  }
  const rangeOpeners = new PhraseTrie<Array<{ connector: string; list: boolean }>>(true);
  const byOpener = new Map<string, Array<{ connector: string; list: boolean }>>();
  for (const p of pack.ranges.paired) byOpener.set(p.open, [...(byOpener.get(p.open) ?? []), { connector: matchKey(p.connector), list: p.list ?? false }]);
  for (const [open, connectors] of byOpener) rangeOpeners.add(open, connectors);
  const equivalence = new PhraseTrie<EquivalenceStrength>();
  const equivalenceBackward = new PhraseTrie<EquivalenceStrength>(true);
  for (const c of pack.equivalence.connectors) {
    equivalence.add(c, 'strong');
    equivalenceBackward.add(c, 'strong');
  }
  for (const c of pack.equivalence.weak) equivalence.add(c, 'weak');
  const perUnits = new PhraseTrie<string>();
  for (const [unit, english] of Object.entries(pack.per.english)) perUnits.add(unit, english);
  const perBare = new PhraseTrie<string>();
  for (const b of pack.per.bare) {
    const unitWord = b.split(/[\s']/).pop()!;
    perBare.add(b, pack.per.english[unitWord] ?? pack.per.english[b] ?? unitWord);
  }
  const perPrefixWords = new PhraseTrie<string>(true);
  for (const [word, english] of Object.entries(pack.per.prefixWords ?? {})) perPrefixWords.add(word, english);

  const openers = new Set<number>();
  for (let c = 0x30; c <= 0x39; c++) openers.add(c);
  const firstUnits = (phrases: Iterable<string>) => {
    for (const p of phrases) {
      const k = matchKey(p);
      if (k) openers.add(k.charCodeAt(0));
    }
  };
  firstUnits(Object.keys(shared.symbols));
  firstUnits(shared.codes);
  firstUnits(pack.currencies.filter((c) => c.position === 'before' || c.position === 'both').map((c) => c.form));
  if (words) firstUnits(words.words.keys());
  if (myriad) firstUnits([...myriad.digits.keys(), ...myriad.small.keys(), ...myriad.large.keys()]);

  return {
    pack,
    digits,
    words,
    myriad,
    scales,
    after,
    before,
    mentions,
    falseFriends: trie(pack.currencyFalseFriends, () => true as const),
    percentWords: trie([...pack.percentWords, '%'], () => true as const),
    clockWords: trie(pack.clockWords ?? [], () => true as const),
    linkers: trie(pack.linkers, () => true as const),
    moneyCues: trie(pack.moneyCues ?? [], () => true as const),
    qualifiersBefore,
    qualifiersAfter,
    qualifiersForward,
    rangeConnectors: trie(pack.ranges.connectors, () => true as const),
    rangeOpeners,
    listSeparators: trie(pack.ranges.list, () => true as const),
    rangeOpenersForward: trie(pack.ranges.paired.map((p) => p.open), () => true as const),
    equivalence,
    equivalenceBackward,
    perMarkers: trie(pack.per.markers, () => true as const),
    perBare,
    perUnits,
    perFalseFriends: trie(pack.per.falseFriends, () => true as const),
    perPrefixWords,
    rateBase: trie(pack.rates.perBase, () => true as const),
    rateWeakBases: new Set(pack.rates.weakBases.map((x) => matchKey(x))),
    rateSameBase: trie(pack.rates.sameBase, () => true as const),
    rateSubjectVerbs: trie([...pack.rates.verbs, ...pack.rates.priceVerbs], () => true as const),
    banknotes: trie(pack.rates.banknotes ?? [], () => true as const),
    tableUnits: trie(pack.rates.tableUnits ?? [], () => true as const),
    priceVerbs: trie(pack.rates.priceVerbs, () => true as const),
    rateLeadingBase: trie(pack.rates.leadingBase, () => true as const),
    rateLeadingClauses: trie(pack.rates.leadingClauses ?? [], () => true as const),
    priceNouns: trie(pack.rates.priceNouns ?? [], () => true as const),
    rateNeedPhrases: trie(pack.rates.needPhrases ?? [], () => true as const),
    rateSides: trie(pack.rates.sides ?? [], () => true as const),
    comparedWith: trie(pack.rates.comparedWith ?? [], () => true as const),
    homePlaces: homePlaces(pack.homeCurrencyPlaces ?? {}),
    monthNames: trie(pack.monthNames ?? [], () => true as const),
    verbParticles: trie(pack.rates.verbParticles ?? [], () => true as const),
    rateAgainst: trie(pack.rates.against ?? [], () => true as const),
    rateAnaphors: anaphorTrie(pack.rates.anaphors ?? [], pack.rates.looseAnaphors ?? []),
    rateAnaphorComplements: trie(pack.rates.anaphorComplements ?? [], () => true as const),
    rateLevelNouns: trie(pack.rates.levelNouns, () => true as const),
    rateSubjects: trie(pack.rates.subjects, () => true as const, true),
    rateVerbs: trie(pack.rates.verbs, () => true as const),
    rateCues: trie(pack.rates.cues, () => true as const),
    rateFigureCues: trie(pack.rates.figureCues ?? [], () => true as const),
    bareFigureFollowers: trie([...pack.clauseWords, ...pack.rates.levelNouns, ...pack.rates.perBase], () => true as const),
    clauseWords: trie(pack.clauseWords, () => true as const),
    rateAtLevel: trie(pack.rates.atLevel, () => true as const),
    earlierBefore: trie(pack.rates.earlierMarkers.before, () => true as const),
    pairCues: trie(Object.keys(pack.rates.pairCues), (p) => pack.rates.pairCues[p]!.split('/') as unknown as readonly [string, string]),
    earlierAfter: trie(pack.rates.earlierMarkers.after, () => true as const),
    movementBefore: trie(pack.rates.movement.before, () => true as const, true),
    movementAfter: trie(pack.rates.movement.after, () => true as const),
    openers,
  };
}
