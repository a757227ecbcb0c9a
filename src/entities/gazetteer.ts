import { createRequire } from 'node:module';
import { AREAS, CITIES, REGIONS } from './data/places-fr.js';
import { COMPANIES, INSTITUTIONS } from './data/organisations.js';
import type { EntityType } from './entity-types.js';

/** Short forms French news uses for countries, beside the official names the package lists. */
const COUNTRY_ALIASES = [
  'États-Unis', 'Amérique', 'Corée', 'Tchéquie', 'République tchèque', 'Émirats', 'Côte d\'Ivoire',
  'Birmanie', 'Tanzanie', 'Congo', 'RDC', 'Grande-Bretagne', 'Angleterre', 'Écosse', 'Pays de Galles',
  'Hollande', 'Vatican', 'Russie', 'Ukraine', 'Taïwan', 'Hong Kong', 'Macao', 'Kosovo', 'Palestine',
];

export interface GazetteerEntry {
  /** Lower-case tokens. */
  tokens: string[];
  type: EntityType;
  text: string;
}

export interface Gazetteer {
  /** Entries by lower-case first token, longest first. */
  byFirst: Map<string, GazetteerEntry[]>;
}

let shared: Gazetteer | undefined;

/**
 * Countries in French come from i18n-iso-countries (all official and common names); cities,
 * regions, areas and organisations from the project's own lists in data/. Built once per process:
 * the data never changes, and pipelines only read it.
 */
export function gazetteer(): Gazetteer {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const countries = require('i18n-iso-countries') as { registerLocale(l: unknown): void; getNames(l: string, o: { select: 'all' }): Record<string, string[]> };
  countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  const countryNames = Object.values(countries.getNames('fr', { select: 'all' })).flat();
  const byFirst = new Map<string, GazetteerEntry[]>();
  const addAll = (names: readonly string[], type: EntityType) => {
    for (const text of names) {
      const tokens = tokenizeName(text);
      if (tokens.length === 0) continue;
      const list = byFirst.get(tokens[0]!) ?? [];
      if (!list.some((e) => e.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, type, text });
      byFirst.set(tokens[0]!, list);
    }
  };
  addAll(COMPANIES, 'ORG');
  addAll(INSTITUTIONS, 'ORG');
  addAll(countryNames.filter((n) => !n.includes('(')), 'LOC');
  addAll(COUNTRY_ALIASES, 'LOC');
  addAll(CITIES, 'LOC');
  addAll(REGIONS, 'LOC');
  addAll(AREAS, 'LOC');
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  shared = { byFirst };
  return shared;
}

/** The same tokenisation as the recogniser's, lower-cased, for matching. */
export function tokenizeName(name: string): string[] {
  return (name.normalize('NFC').replace(/’/g, "'").match(NAME_TOKEN) ?? []).map((t) => t.toLowerCase());
}

export const NAME_TOKEN = /[\p{L}\p{N}]+(?:(?:[-&]|'(?=s\b))[\p{L}\p{N}]+)*|&|['(),.:;«»"]/gu;
