import { SHARED_CURRENCIES } from './shared/index.js';
import type { CurrencyName, EntityCues, LanguagePack, ScaleWord } from './types.js';

/** `cldr.json`: generated from the Unicode CLDR by scripts/lang-data.ts. */
export interface GeneratedData {
  source: string;
  licence: string;
  decimal: string;
  group: string;
  scales: ScaleWord[];
  currencies: Array<{ form: string; code: string }>;
}

/** `words.json`: the reviewed part of a pack, as JSON types it (strings where the pack has unions). */
export interface ReviewedData extends Omit<LanguagePack, 'code' | 'digits' | 'numbers' | 'currencies' | 'sources'> {
  source: string;
  licence: string;
  digits: { decimal: string; group: string[] };
  numbers: Omit<LanguagePack['numbers'], 'system'> & { system: string };
  currencies: Array<Omit<CurrencyName, 'position'> & { position?: string }>;
  excludeGenerated?: { scales?: string[]; currencies?: string[] };
}

/**
 * Joins the generated and the reviewed halves of a language pack: reviewed entries override
 * generated ones of the same form, `excludeGenerated` drops generated forms that mislead in news
 * text. Throws if the data is malformed, naming the pack and the field, so a new pack fails its
 * first test rather than a user's article.
 */
export function definePack(code: string, generated: GeneratedData, reviewed: ReviewedData, entities?: EntityCues & { source: string; licence: string }): LanguagePack {
  const fail = (field: string, problem: string): never => {
    throw new TypeError(`Language pack \`${code}\`: \`${field}\` ${problem} (src/lang/${code}/words.json or cldr.json).`);
  };
  if (!/^[a-z]{3}$/.test(code)) fail('code', `must be an ISO 639-3 code, got \`${code}\``);
  if (reviewed.digits.decimal !== '.' && reviewed.digits.decimal !== ',') fail('digits.decimal', `must be "." or ",", got \`${reviewed.digits.decimal}\``);
  if (reviewed.numbers.system !== 'western' && reviewed.numbers.system !== 'myriad') fail('numbers.system', `must be "western" or "myriad", got \`${reviewed.numbers.system}\``);
  if (reviewed.numbers.system === 'myriad' && !reviewed.numbers.myriad) fail('numbers.myriad', 'is required by the myriad system');
  for (const m of reviewed.numbers.multipliers) if (!(m in reviewed.numbers.words)) fail('numbers.multipliers', `names \`${m}\`, which is not in numbers.words`);
  const positions = new Set([undefined, 'before', 'after', 'both']);
  if (reviewed.homeCurrency !== undefined && !/^[A-Z]{3}$/.test(reviewed.homeCurrency)) fail('homeCurrency', `must be an ISO 4217 code, got \`${reviewed.homeCurrency}\``);
  for (const code of Object.keys(reviewed.homeCurrencyPlaces ?? {})) if (!/^[A-Z]{3}$/.test(code)) fail('homeCurrencyPlaces', `must be keyed by ISO 4217 codes, got \`${code}\``);
  for (const c of reviewed.currencies) {
    if (!positions.has(c.position)) fail('currencies', `gives \`${c.form}\` the position \`${c.position}\`; use before, after or both`);
    if (!/^[A-Z]{3}$/.test(c.code) && !(c.code in SHARED_CURRENCIES.contexts)) fail('currencies', `gives \`${c.form}\` the code \`${c.code}\`; use an ISO 4217 code, or one the article settles (${Object.keys(SHARED_CURRENCIES.contexts).join(', ')})`);
  }
  for (const [cue, pair] of Object.entries(reviewed.rates.pairCues)) {
    if (!/^[A-Z]{3}\/[A-Z]{3}$/.test(pair)) fail('rates.pairCues', `gives \`${cue}\` the pair \`${pair}\`; write two ISO 4217 codes, "USD/KRW"`);
  }
  const dates = reviewed.relativeDates;
  if (!dates) fail('relativeDates', 'is required');
  if (dates.weekdays.length !== 7 || dates.weekdays.some((forms) => forms.length === 0)) fail('relativeDates.weekdays', 'must list the seven weekdays, Monday first, each with at least one form');
  for (const unit of ['days', 'weeks', 'months', 'years'] as const) {
    for (const [phrase, offset] of Object.entries(dates[unit])) if (!Number.isInteger(offset)) fail(`relativeDates.${unit}`, `gives \`${phrase}\` the offset \`${offset}\`; use a whole number`);
  }
  for (const s of [...generated.scales, ...reviewed.scales]) if (!Number.isInteger(s.power) || s.power < 1) fail('scales', `gives \`${s.form}\` the power \`${s.power}\``);

  const excludedScales = new Set(reviewed.excludeGenerated?.scales ?? []);
  const excludedCurrencies = new Set(reviewed.excludeGenerated?.currencies ?? []);
  const scales = new Map<string, ScaleWord>();
  for (const s of generated.scales) if (!excludedScales.has(s.form)) scales.set(scaleKey(s), s);
  for (const s of reviewed.scales) scales.set(scaleKey(s), s);
  const currencies = new Map<string, CurrencyName>();
  // Names with brackets ("Unidad de Fomento (UF)") are catalogue labels, never written in prose.
  // Forms that differ only in case are one name, unless a reviewed one is case-sensitive: "DH"
  // and "Dh" are two signs of the dirham, "W" is the won where "w" is nothing.
  const formKey = (c: { form: string; caseSensitive?: boolean }) => (c.caseSensitive ? `=${c.form}` : c.form.toLowerCase());
  for (const c of generated.currencies) if (!excludedCurrencies.has(c.form) && !/[()]/.test(c.form)) currencies.set(formKey(c), c);
  for (const c of reviewed.currencies) currencies.set(formKey(c), c as CurrencyName);

  return {
    code,
    name: reviewed.name,
    digits: { decimal: reviewed.digits.decimal as '.' | ',', group: reviewed.digits.group },
    numbers: reviewed.numbers as LanguagePack['numbers'],
    scales: [...scales.values()],
    currencies: [...currencies.values()],
    linkers: reviewed.linkers,
    ...(reviewed.moneyCues ? { moneyCues: reviewed.moneyCues } : {}),
    ...(reviewed.homeCurrency ? { homeCurrency: reviewed.homeCurrency } : {}),
    ...(reviewed.homeCurrencyPlaces ? { homeCurrencyPlaces: reviewed.homeCurrencyPlaces } : {}),
    ...(reviewed.monthNames ? { monthNames: reviewed.monthNames } : {}),
    clauseWords: reviewed.clauseWords,
    scaleNeedsLinker: reviewed.scaleNeedsLinker,
    currencyFalseFriends: reviewed.currencyFalseFriends,
    hyphenatedAmounts: reviewed.hyphenatedAmounts,
    compoundsWithoutSpaces: reviewed.compoundsWithoutSpaces,
    percentWords: reviewed.percentWords,
    ...(reviewed.clockWords ? { clockWords: reviewed.clockWords } : {}),
    qualifiers: reviewed.qualifiers,
    ranges: reviewed.ranges,
    equivalence: reviewed.equivalence,
    per: reviewed.per,
    rates: reviewed.rates,
    relativeDates: reviewed.relativeDates,
    ...(entities ? { entities: withoutSource(entities) } : {}),
    sources: [
      { file: `src/lang/${code}/cldr.json`, source: generated.source, licence: generated.licence },
      { file: `src/lang/${code}/words.json`, source: reviewed.source, licence: reviewed.licence },
      ...(entities ? [{ file: `src/lang/${code}/entities.json`, source: entities.source, licence: entities.licence }] : []),
    ],
  };
}

function scaleKey(s: ScaleWord): string {
  return s.caseSensitive ? `=${s.form}` : s.form.toLowerCase();
}

function withoutSource(data: EntityCues & { source: string; licence: string }): EntityCues {
  const { source: _source, licence: _licence, ...cues } = data;
  return cues;
}

