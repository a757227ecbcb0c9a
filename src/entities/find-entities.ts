import type { Span } from '../document.js';
import { classify } from './classify-candidate.js';
import { type Cues, cuesFor } from './entity-cues.js';
import type { Entity } from './entity-types.js';
import { type Candidate, capitalisedRun, datelinePlace, gazetteerMatch, hyphenatedPlaces, isNameWord, orgHeadChain } from './find-candidates.js';
import { findHangulCandidates } from './hangul-names.js';
import { link } from './link-mentions.js';
import { gazetteer } from './gazetteer.js';
import { adjacent, type Token, tokenize } from './tokens.js';

export interface FindEntitiesOptions {
  /** Sentence spans, to tell a sentence-initial capital from a name. */
  sentences: readonly Span[];
  /** Spans already taken (money amounts): no entity is found inside them. */
  exclude?: readonly Span[];
  /**
   * Languages of the text (ISO 639-3): their packs' cues are read, with English's, the language
   * of company names everywhere. Default: French.
   */
  languages?: readonly string[];
}

/**
 * Named people, organisations and places in news text, with every mention, read with the cues of
 * the text's language packs.
 * Pure: text and sentence spans in, entities out. Evidence, strongest first: organisation names
 * with a head noun, the gazetteers (countries, areas, cities, organisations), cue words (titles
 * before people, prepositions before places, suffixes of organisation names), name patterns (a
 * given name, an East Asian surname), and mention linking ("M. Lee" → "Lee Jae Myung"). Words in
 * Hangul are read by the Korean recogniser (particles, suffixes of institutions, surnames).
 */
export function findEntities(text: string, options: FindEntitiesOptions): Entity[] {
  const c = cuesFor(options.languages ?? ['fra']);
  const tokens = tokenize(text, options.sentences, options.exclude ?? []);
  const used = new Array<boolean>(tokens.length).fill(false);
  const candidates: Candidate[] = [];
  const take = (c: Candidate) => {
    for (let k = c.first; k <= c.last; k++) used[k] = true;
    candidates.push(c);
  };

  // A. Organisation names with a head noun: "Banque de Corée", "ministère de l'Économie et des
  // Finances", "Association coréenne des constructeurs automobiles (KAMA)".
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const end = orgHeadChain(c, tokens, i);
    if (end === null) continue;
    // "Hana Institute of Finance": a name right before the head is part of it.
    let first = i;
    while (first > 0 && !used[first - 1] && isNameWord(c, tokens[first - 1]) && !tokens[first - 1]!.sentenceStart && adjacent(text, tokens[first - 1]!, tokens[first]!) && !c.titles.has(tokens[first - 1]!.lower)) first--;
    take({ first, last: end, type: 'ORG', evidence: 'pattern' });
  }
  // Datelines: "SEOUL, March 3 (Yonhap) --".
  for (let i = 0; i < tokens.length; i++) {
    const place = datelinePlace(c, text, tokens, used, i);
    if (place) take(place);
  }
  // B. Names in Hangul, with their particles cut off ("EU 집행위원회" before the gazetteer's "EU").
  for (const h of findHangulCandidates(text, tokens, used)) take(h);
  // C. Gazetteers, longest match first.
  for (let i = 0; i < tokens.length; i++) {
    const match = gazetteerMatch(c, text, tokens, used, i);
    if (match) take(match);
  }
  // "Séoul-Paris": two places in one hyphenated word.
  for (let i = 0; i < tokens.length; i++) {
    const parts = hyphenatedPlaces(tokens, used, i);
    if (parts.length) {
      used[i] = true;
      candidates.push(...parts);
    }
  }
  // D. Runs of capitalised words, typed by cues and patterns.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const run = capitalisedRun(c, text, tokens, used, i);
    if (!run) continue;
    const candidate: Candidate | null = run.afterTitle ? { first: run.first, last: run.last, type: 'PERSON', evidence: 'cue' } : classify(c, tokens, run.first, run.last);
    if (candidate) take(candidate);
    i = run.last;
  }
  listSiblings(c, tokens, candidates);
  // "François Hollande … Hollande": a person's surname alone is no place, even one the gazetteer
  // knows; left untyped, it joins the person.
  const surnames = new Set(candidates.filter((k) => k.type === 'PERSON' && k.last > k.first).map((k) => tokens[k.last]!.key));
  for (const k of candidates) if (k.evidence === 'gazetteer' && k.first === k.last && k.type !== 'PERSON' && surnames.has(tokens[k.first]!.key)) k.type = null;
  // "Korea Gas Corp.": a suffix printed with its period keeps it.
  for (const k of candidates) {
    const last = tokens[k.last]!;
    const next = tokens[k.last + 1];
    if (k.type === 'ORG' && k.end === undefined && next?.text === '.' && next.start === last.end && c.dottedSuffixes.has(last.lower)) k.end = next.end;
  }
  return link(text, tokens, candidates);
}

/**
 * "dont KB Kookmin, Shinhan et Woori": a name with no evidence of its own, listed with
 * organisations or places, is one of them.
 */
function listSiblings(c: Cues, tokens: readonly Token[], candidates: Candidate[]): void {
  const sorted = [...candidates].sort((a, b) => a.first - b.first);
  // How two neighbours are joined: by a comma, by a conjunction (", et" too), or not at all.
  const link = (a: Candidate, b: Candidate): 'comma' | 'conjunction' | null => {
    const between = tokens.slice(a.last + 1, b.first);
    const [x, y] = between;
    if (between.length === 1 && x!.text === ',') return 'comma';
    if (between.length === 1 && c.conjunctions.has(x!.lower)) return 'conjunction';
    if (between.length === 2 && x!.text === ',' && c.conjunctions.has(y!.lower)) return 'conjunction';
    return null;
  };
  // A list is names joined by commas that a conjunction closes ("à l'Assemblée nationale, Lee a
  // souligné" is no list).
  let k = 0;
  while (k < sorted.length) {
    let end = k;
    let closed = false;
    for (let l = link(sorted[end]!, sorted[end + 1] ?? sorted[end]!); end + 1 < sorted.length && l; l = end + 1 < sorted.length ? link(sorted[end]!, sorted[end + 1]!) : null) {
      if (l === 'conjunction') closed = true;
      end++;
    }
    if (closed && end > k) {
      const members = sorted.slice(k, end + 1);
      const typed = members.find((m) => (m.type === 'ORG' || m.type === 'LOC') && m.evidence !== 'fallback');
      const others = new Set(members.filter((m) => m.type !== null).map((m) => m.type));
      if (typed && others.size === 1) {
        for (const m of members) {
          const first = tokens[m.first]!;
          const personal = c.given.has(first.key) || gazetteer().eastAsianSurnames.has(first.text);
          if (m.type === null && !first.sentenceStart && !c.not.has(first.text) && !personal) {
            m.type = typed.type;
            m.evidence = 'cue';
          }
        }
      }
    }
    k = end + 1;
  }
}
