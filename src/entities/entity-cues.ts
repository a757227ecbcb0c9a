import { languagePack } from '../lang/registry.js';
import { SHARED_ENTITY_CUES } from '../lang/shared/index.js';
import type { EntityCues } from '../lang/types.js';
import { gazetteer } from './gazetteer.js';

/** The cues of some languages, as the recogniser reads them. */
export interface Cues {
  titles: Set<string>;
  heads: Set<string>;
  suffixes: Set<string>;
  not: Set<string>;
  notLower: Set<string>;
  locCues: Set<string>;
  honorifics: Set<string>;
  pluralHonorifics: Set<string>;
  portfolioRoles: Set<string>;
  portfolioLinks: Set<string>;
  particles: Set<string>;
  nameParticles: Set<string>;
  lowerHeads: Set<string>;
  conjoinedHeads: Set<string>;
  nameAdjectives: Set<string>;
  nameStops: Set<string>;
  orgCues: Set<string>;
  conjunctions: Set<string>;
  nationality: RegExp | null;
  /** Words opening a byline ("By", "Par"), as printed. */
  bylines: Set<string>;
  /** Some language of the text capitalises every noun. */
  capitalisedNouns: boolean;
  /** Endings inflection may add to a gazetteer name, longest first. */
  inflections: string[];
  /** Suffixes printed with a period ("Co.", "Corp.", "Inc."), lower case, without it. */
  dottedSuffixes: Set<string>;
  /** Folded given names of the languages, English and other countries'. */
  given: ReadonlySet<string>;
}

const compiledCues = new Map<string, Cues>();

/** The cue lists of a pack (its word lists, not its maps). */
type ListField = { [K in keyof EntityCues]-?: NonNullable<EntityCues[K]> extends string[] ? K : never }[keyof EntityCues];

/** Cue sets read case-insensitively, and the pack field each comes from. */
const LOWER_LISTS = {
  titles: 'personTitles',
  heads: 'orgHeads',
  locCues: 'placePrepositions',
  honorifics: 'honorifics',
  pluralHonorifics: 'pluralHonorifics',
  portfolioRoles: 'portfolioRoles',
  portfolioLinks: 'portfolioLinks',
  particles: 'nameJoiners',
  nameParticles: 'nameParticles',
  lowerHeads: 'lowerHeads',
  conjoinedHeads: 'conjoinedHeads',
  nameAdjectives: 'nameAdjectives',
  nameStops: 'nameStops',
  orgCues: 'orgCues',
  conjunctions: 'conjunctions',
} as const satisfies Record<string, ListField>;

/** The cues of the packs of `languages` and English, compiled once per set of languages. */
export function cuesFor(languages: readonly string[]): Cues {
  const codes = [...new Set([...languages, 'eng'])].filter((c) => languagePack(c)?.entities).sort();
  const key = codes.join(',');
  let cues = compiledCues.get(key);
  if (cues) return cues;
  const packs = codes.map((c) => languagePack(c)!.entities!);
  const all = (field: ListField): string[] => packs.flatMap((p) => p[field] ?? []);
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.replace(/\.$/, '').toLowerCase()));
  const notNames = [...all('notNames'), ...SHARED_ENTITY_CUES.notNames];
  const suffixes = all('nationalitySuffixes');
  // The word lists read case-insensitively, each from its pack field.
  const lists = Object.fromEntries(Object.entries(LOWER_LISTS).map(([name, field]) => [name, lower(all(field))])) as Record<keyof typeof LOWER_LISTS, Set<string>>;
  cues = {
    ...lists,
    suffixes: lower(SHARED_ENTITY_CUES.orgSuffixes),
    dottedSuffixes: new Set(SHARED_ENTITY_CUES.orgSuffixes.filter((x) => /^[^.]+\.$/.test(x)).map((x) => x.slice(0, -1).toLowerCase())),
    not: new Set(notNames),
    notLower: lower(notNames.filter((n) => !/^[A-Z]{2,}$/.test(n))),
    bylines: new Set(all('bylines')),
    capitalisedNouns: packs.some((p) => p.capitalisedNouns === true),
    inflections: [...new Set(all('inflections'))].sort((a, b) => b.length - a.length),
    given: new Set([...codes, 'any'].flatMap((code) => [...(gazetteer().given.get(code) ?? [])])),
    // "sud-coréen", "surcoreano": a lower-case word with a nationality ending.
    nationality: suffixes.length ? new RegExp(`^(?:[\\p{Ll}]+-)?[\\p{Ll}]+(?:${[...new Set(suffixes)].sort((a, b) => b.length - a.length).join('|')})s?$`, 'u') : null,
  };
  compiledCues.set(key, cues);
  return cues;
}
