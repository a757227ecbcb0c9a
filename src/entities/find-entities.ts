import type { Span } from '../document.js';
import { languagePack } from '../lang/registry.js';
import { SHARED_ENTITY_CUES } from '../lang/shared/index.js';
import type { EntityCues } from '../lang/types.js';
import { EAST_ASIAN_SURNAMES, GIVEN_NAMES } from './data/names.js';
import type { Entity, EntityType, Mention } from './entity-types.js';
import { gazetteer, NAME_TOKEN } from './gazetteer.js';

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (an acronym). */
  acronym: boolean;
  word: boolean;
  /** First word of its sentence (or of a quotation opening it). */
  sentenceStart: boolean;
}

interface Candidate {
  first: number;
  last: number;
  type: EntityType | null;
  /** How sure the type is: gazetteer, cue or pattern beats fallback. */
  evidence: 'gazetteer' | 'cue' | 'pattern' | 'fallback';
}

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

/** The cues of some languages, as the recogniser reads them. */
interface Cues {
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
}

const GIVEN = new Set(GIVEN_NAMES.map((x) => x.toLowerCase()));
const ASIAN = new Set(EAST_ASIAN_SURNAMES);
const compiledCues = new Map<string, Cues>();

/** The cues of the packs of `languages` and English, compiled once per set of languages. */
function cuesFor(languages: readonly string[]): Cues {
  const codes = [...new Set([...languages, 'eng'])].filter((c) => languagePack(c)?.entities).sort();
  const key = codes.join(',');
  let cues = compiledCues.get(key);
  if (cues) return cues;
  const packs = codes.map((c) => languagePack(c)!.entities!);
  const all = (field: keyof EntityCues): string[] => packs.flatMap((p) => p[field]);
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.replace(/\.$/, '').toLowerCase()));
  const notNames = [...all('notNames'), ...SHARED_ENTITY_CUES.notNames];
  const suffixes = all('nationalitySuffixes');
  cues = {
    titles: lower(all('personTitles')),
    heads: lower(all('orgHeads')),
    suffixes: lower(SHARED_ENTITY_CUES.orgSuffixes),
    not: new Set(notNames),
    notLower: lower(notNames.filter((n) => !/^[A-Z]{2,}$/.test(n))),
    locCues: lower(all('placePrepositions')),
    honorifics: lower(all('honorifics')),
    pluralHonorifics: lower(all('pluralHonorifics')),
    portfolioRoles: lower(all('portfolioRoles')),
    portfolioLinks: lower(all('portfolioLinks')),
    particles: lower(all('nameJoiners')),
    nameParticles: lower(all('nameParticles')),
    lowerHeads: lower(all('lowerHeads')),
    conjoinedHeads: lower(all('conjoinedHeads')),
    nameAdjectives: lower(all('nameAdjectives')),
    nameStops: lower(all('nameStops')),
    orgCues: lower(all('orgCues')),
    conjunctions: lower(all('conjunctions')),
    // "sud-coréen", "surcoreano": a lower-case word with a nationality ending.
    nationality: suffixes.length ? new RegExp(`^(?:[\\p{Ll}]+-)?[\\p{Ll}]+(?:${[...new Set(suffixes)].sort((a, b) => b.length - a.length).join('|')})s?$`, 'u') : null,
  };
  compiledCues.set(key, cues);
  return cues;
}

/**
 * Named people, organisations and places in news text, with every mention, read with the cues of
 * the text's language packs.
 * Pure: text and sentence spans in, entities out. Evidence, strongest first: the gazetteers
 * (countries, cities, regions, organisations), cue words (titles before people, prepositions
 * before places, heads and suffixes of organisation names), name patterns (a given name, an East
 * Asian surname), and mention linking ("M. Lee" → "Lee Jae Myung").
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
    if (end !== null) take({ first: i, last: end, type: 'ORG', evidence: 'pattern' });
  }
  // B. Gazetteers, longest match first.
  const gaz = gazetteer();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || !t.word) continue;
    for (const entry of gaz.byFirst.get(t.lower) ?? []) {
      const last = i + entry.tokens.length - 1;
      if (last >= tokens.length) continue;
      let ok = true;
      for (let k = 0; k < entry.tokens.length && ok; k++) {
        const tk = tokens[i + k]!;
        ok = !used[i + k] && tk.lower === entry.tokens[k] && (k === 0 || adjacent(text, tokens[i + k - 1]!, tk));
      }
      // A gazetteer name is a name when the text capitalises it as one.
      if (!ok || (!t.cap && /^\p{Lu}/u.test(entry.text))) continue;
      // "Lee" is not "Lee" the city; a following capitalised word means a longer name.
      const next = tokens[last + 1];
      if (entry.tokens.length === 1 && next && next.cap && next.word && !c.not.has(next.text) && adjacent(text, tokens[last]!, next) && !gaz.byFirst.has(next.lower)) continue;
      if (entry.type === 'ORG' && entry.tokens.length === 1 && isPortfolio(c, tokens, i)) break;
      // "Mirae Asset" + "Securities": a listed company's fuller name.
      let end = last;
      while (entry.type === 'ORG' && tokens[end + 1] && !used[end + 1] && adjacent(text, tokens[end]!, tokens[end + 1]!) && c.suffixes.has(tokens[end + 1]!.lower)) end++;
      take({ first: i, last: end, type: entry.type, evidence: 'gazetteer' });
      break;
    }
  }
  // C. Runs of capitalised words, typed by cues and patterns.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const run = capitalisedRun(c, text, tokens, used, i);
    if (!run) continue;
    const candidate = classify(c, text, tokens, run.first, run.last);
    if (candidate) take(candidate);
    i = run.last;
  }
  return link(text, tokens, candidates);
}

function tokenize(text: string, sentences: readonly Span[], exclude: readonly Span[]): Token[] {
  const folded = text.replace(/’/g, "'");
  const tokens: Token[] = [];
  let s = 0;
  let sentenceFirst = true;
  for (const m of folded.matchAll(NAME_TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < sentences.length && start >= sentences[s]!.end) {
      s++;
      sentenceFirst = true;
    }
    if (exclude.some((x) => start < x.end && end > x.start)) continue;
    const word = /[\p{L}\p{N}]/u.test(m[0]);
    const cap = /^\p{Lu}/u.test(m[0]);
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start,
      end,
      cap,
      acronym: /^\p{Lu}{2,}$/u.test(m[0].replace(/[-&]/g, '')),
      word,
      sentenceStart: word && sentenceFirst,
    });
    // An opening quotation or dash keeps the next word sentence-initial.
    if (word) sentenceFirst = false;
    else if (/[«"(:]/.test(m[0]) && tokens.length >= 2 && tokens[tokens.length - 2]!.sentenceStart === false) sentenceFirst = m[0] === '«' || m[0] === '"';
  }
  return tokens;
}

/** Only a space between two tokens (none around an elision): a name does not run over punctuation. */
function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (a.text === "'" || b.text === "'") return gap === '';
  return gap === ' ' || gap === '\u00A0' || gap === '\u202F';
}

/** "ministre de la Défense", "secrétaire au Trésor": a portfolio, not a name. */
function isPortfolio(c: Cues, tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1]?.lower ?? '';
  if (!c.portfolioLinks.has(prev)) return false;
  return tokens.slice(Math.max(0, first - 8), first).some((t) => c.portfolioRoles.has(t.lower));
}

function isTitle(c: Cues, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.word) return false;
  return c.titles.has(t.lower);
}

function isNameWord(c: Cues, t: Token | undefined): boolean {
  return !!t && t.word && t.cap && !c.not.has(t.text) && !/^\d/.test(t.text);
}

function orgHeadChain(c: Cues, tokens: Token[], i: number): number | null {
  const head = tokens[i]!;
  const capitalHead = head.cap && c.heads.has(head.lower) && !c.not.has(head.text);
  const lowerHead = !head.cap && c.lowerHeads.has(head.lower);
  if (!capitalHead && !lowerHead) return null;
  let lastGood = -1;
  let j = i + 1;
  let words = 0;
  for (; j < tokens.length && words < 12; j++) {
    const t = tokens[j]!;
    if (!t.word) {
      if (t.text === "'") continue;
      // "ministère du Commerce, de l'Industrie et de l'Énergie" continues past the comma.
      // So does "Ministry of Trade, Industry and Energy": a ministry's list of portfolios.
      const after = tokens[j + 1];
      if (t.text === ',' && c.conjoinedHeads.has(head.lower) && after && (c.nameParticles.has(after.lower) || (after.cap && after.word)) && lastGood === j - 1) continue;
      break;
    }
    if (c.nameStops.has(t.lower) || /\d/.test(t.text)) break;
    // "Parlement européen et du Conseil" are two bodies; "ministère de l'Économie et des
    // Finances" is one.
    if (c.conjunctions.has(t.lower) && !c.conjoinedHeads.has(head.lower)) break;
    words++;
    const previousWord = j - 1 === i || lastGood === j - 1;
    if (t.cap && !c.not.has(t.text)) lastGood = j;
    else if (c.nameAdjectives.has(t.lower) && previousWord) lastGood = j;
    else if (t.cap && c.not.has(t.text) && !c.particles.has(t.lower)) break;
  }
  // "(KAMA)" right after the stretch confirms it is all one name, lower-case words included.
  if (tokens[j]?.text === '(' && tokens[j + 1]?.acronym && tokens[j + 2]?.text === ')' && j - 1 > i) return j - 1;
  return lastGood > i ? lastGood : null;
}

function capitalisedRun(c: Cues, text: string, tokens: Token[], used: boolean[], i: number): { first: number; last: number } | null {
  let first = i;
  // A title may be followed by a particle: "Mme de La Rochère".
  const honorific = (k: number) => c.honorifics.has(tokens[k]?.lower ?? '');
  // "MM. Kang et de La Vallière": the second name shares the title.
  const sharedTitle = c.conjunctions.has(tokens[i - 1]?.lower ?? '') && tokens.slice(Math.max(0, i - 6), i - 1).some((t) => c.pluralHonorifics.has(t.lower));
  const afterTitle = honorific(i - 1) || (tokens[i - 1]?.text === '.' && honorific(i - 2)) || sharedTitle;
  if (!isNameWord(c, tokens[i]) && !tokens[i]!.acronym) {
    if (!(afterTitle && c.nameParticles.has(tokens[i]!.lower))) return null;
    const k = skipParticles(c, tokens, i);
    if (!isNameWord(c, tokens[k]) || used[k]) return null;
    return extendRun(c, text, tokens, used, i, k);
  }
  if (tokens[i]!.cap && c.not.has(tokens[i]!.text) && !tokens[i]!.acronym) return null;
  if (c.honorifics.has(tokens[i]!.lower) || (tokens[i]!.cap && c.titles.has(tokens[i]!.lower))) return null;
  // Product and model names carry digits ("Galaxy S25", "FA-50", "HBM4"): not entities.
  if (/\d/.test(tokens[i]!.text)) return null;
  let last = i;
  while (last + 1 < tokens.length && !used[last + 1]) {
    const next = tokens[last + 1]!;
    if (!adjacent(text, tokens[last]!, next)) break;
    if ((isNameWord(c, next) || (next.acronym && !c.not.has(next.text))) && !/\d/.test(next.text) && !c.honorifics.has(next.lower)) {
      last++;
      continue;
    }
    // Particles inside a person's name: "Hélène de La Rochère", "Laurent de Saint-Aubin".
    const personish = GIVEN.has(tokens[first]!.lower.split('-')[0]!) || afterTitle;
    if (personish && c.nameParticles.has(next.lower)) {
      const k = skipParticles(c, tokens, last + 1);
      if (isNameWord(c, tokens[k]) && !used[k]) {
        last = k;
        continue;
      }
    }
    break;
  }
  return { first, last };
}

/** Past "de", "de La", "d'", "van der"…, to the next token. Capitalised "La", "Le" count too. */
function skipParticles(c: Cues, tokens: Token[], k: number): number {
  while (k < tokens.length && (c.nameParticles.has(tokens[k]!.lower) || tokens[k]!.text === "'")) k++;
  return k;
}

/** A name after an honorific and particles ("de La Rochère"), then any further name words. */
function extendRun(c: Cues, text: string, tokens: Token[], used: boolean[], first: number, k: number): { first: number; last: number } {
  let last = k;
  while (last + 1 < tokens.length && !used[last + 1] && adjacent(text, tokens[last]!, tokens[last + 1]!) && isNameWord(c, tokens[last + 1]) && !/\d/.test(tokens[last + 1]!.text)) last++;
  return { first, last };
}

function classify(c: Cues, text: string, tokens: Token[], first: number, last: number): Candidate | null {
  const t0 = tokens[first]!;
  const span = tokens.slice(first, last + 1).filter((t) => t.word);
  const single = span.length === 1;
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  // Title right before, possibly with nationality adjectives between: "le président sud-coréen".
  let k = first - 1;
  if (tokens[k]?.text === '.') k--;
  let hops = 0;
  while (k >= 0 && hops < 2 && tokens[k]!.word && !tokens[k]!.cap && (c.nationality?.test(tokens[k]!.lower) ?? false) && !c.titles.has(tokens[k]!.lower)) {
    k--;
    hops++;
  }
  const titled = k >= 0 && isTitle(c, tokens, k);
  // "MM. Lee et Jensen Huang": the second name shares the title.
  const sharedTitle = c.conjunctions.has(prev?.lower ?? '') && prev2 && tokens.slice(Math.max(0, first - 6), first - 1).some((t) => c.pluralHonorifics.has(t.lower));
  if (titled || sharedTitle) return { first, last, type: 'PERSON', evidence: 'cue' };

  if (!t0.acronym && isPortfolio(c, tokens, first)) return null;
  const givenFirst = GIVEN.has(t0.lower) || GIVEN.has(t0.lower.split('-')[0]!);
  if (givenFirst && span.length >= 2) return { first, last, type: 'PERSON', evidence: 'pattern' };
  if (ASIAN.has(t0.text) && span.length >= 2 && span.slice(1).every((t) => !t.acronym)) {
    return { first, last, type: 'PERSON', evidence: 'pattern' };
  }
  const lastWord = span[span.length - 1]!;
  if (span.length >= 2 && c.suffixes.has(lastWord.lower)) return { first, last, type: 'ORG', evidence: 'pattern' };
  if (tokens[last + 1]?.text === '(' && tokens[last + 2]?.acronym && tokens[last + 3]?.text === ')') {
    return { first, last, type: 'ORG', evidence: 'pattern' };
  }
  if (prev && prev.word && c.locCues.has(prev.lower) && !t0.acronym) return { first, last, type: 'LOC', evidence: 'cue' };
  if (prev && prev.word && c.orgCues.has(prev.lower)) return { first, last, type: 'ORG', evidence: 'cue' };
  // An apposition after a role: "le ministre sud-coréen de la Défense, Ahn Gyu-back".
  if (prev?.text === ',' && span.length >= 2 && tokens.slice(Math.max(0, first - 8), first - 1).some((t) => t.word && !t.cap && c.titles.has(t.lower))) {
    return { first, last, type: 'PERSON', evidence: 'cue' };
  }
  if (t0.acronym && single) {
    if (t0.text.length > 8 || c.not.has(t0.text)) return null;
    return { first, last, type: 'ORG', evidence: 'fallback' };
  }
  // A capital at the start of a sentence is typography, not a name.
  if (t0.sentenceStart && single) return { first, last, type: null, evidence: 'fallback' };
  if (c.notLower.has(t0.lower) && single) return null;
  return { first, last, type: null, evidence: 'fallback' };
}

interface Built {
  type: EntityType;
  text: string;
  tokens: string[];
  mentions: Mention[];
  evidence: Candidate['evidence'];
}

/**
 * Groups mentions into entities: a surname or a shorter form joins the person or organisation it
 * shortens ("Lee" → "Lee Jae Myung", the nearest preceding one when several share it), an acronym
 * or short name in brackets joins the name it follows, and untyped names take the type of what
 * they join; untyped names that join nothing are dropped.
 */
function link(text: string, tokens: Token[], candidates: Candidate[]): Entity[] {
  candidates.sort((a, b) => a.first - b.first);
  const built: Built[] = [];
  const mentionOf = (c: Candidate): Mention => ({ start: tokens[c.first]!.start, end: tokens[c.last]!.end, text: text.slice(tokens[c.first]!.start, tokens[c.last]!.end) });
  const words = (c: Candidate) => tokens.slice(c.first, c.last + 1).filter((t) => t.word).map((t) => t.text);
  // Typed multi-word names first, so that shorter forms can join them.
  const order = [...candidates].sort((a, b) => Number(b.type !== null) - Number(a.type !== null) || (b.last - b.first) - (a.last - a.first) || a.first - b.first);
  const acronymOf = new Map<string, Built>();
  for (const c of order) {
    const w = words(c);
    const mention = mentionOf(c);
    const key = w.join(' ');
    const joined = findHost(built, w, c.type, mention.start);
    if (joined) {
      joined.mentions.push(mention);
      continue;
    }
    const acronymHost = acronymOf.get(key);
    if (acronymHost) {
      acronymHost.mentions.push(mention);
      continue;
    }
    // A capitalised name with no evidence and nothing to join is left out: unknown
    // capitalised words in news are as often products, laws or events as organisations.
    const type = c.type;
    if (!type) continue;
    const entity: Built = { type, text: key, tokens: w, mentions: [mention], evidence: c.evidence };
    built.push(entity);
    // "Fonds monétaire international (FMI)": the acronym names the same organisation.
    const open = tokens[c.last + 1];
    const alias = tokens[c.last + 2];
    if (type === 'ORG' && open?.text === '(' && alias?.cap && alias.word && tokens[c.last + 3]?.text === ')') acronymOf.set(alias.text, entity);
  }
  return built
    .map((e) => ({
      text: e.text,
      type: e.type,
      mentions: e.mentions.sort((a, b) => a.start - b.start),
    }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function findHost(built: Built[], w: string[], type: EntityType | null, at: number): Built | null {
  const key = w.join(' ');
  let best: Built | null = null;
  let bestDistance = Infinity;
  for (const e of built) {
    // A typed mention joins an entity of its own type only; an untyped one joins any.
    if (type && e.type !== type) continue;
    const same = e.text === key;
    const shorter =
      w.length < e.tokens.length &&
      (e.type === 'PERSON'
        ? endsWith(e.tokens, w) || (ASIAN.has(w[0]!) && e.tokens[0] === w[0] && w.length === 1)
        : startsWith(e.tokens, w));
    if (!same && !shorter) continue;
    const first = e.mentions[0]!.start;
    const distance = first <= at ? at - first : 1e9 + first - at;
    if (distance < bestDistance) {
      best = e;
      bestDistance = distance;
    }
  }
  return best;
}

function endsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[xs.length - ys.length + i] === y);
}

function startsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[i] === y);
}
