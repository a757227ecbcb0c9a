import type { EntityType } from './entity-types.js';
import type { Cues } from './entity-cues.js';
import { gazetteer, type GazetteerEntry } from './gazetteer.js';

const NO_ENTRIES: readonly GazetteerEntry[] = [];
import { adjacent, foldName, type Token } from './tokens.js';

/** A stretch of tokens that may name an entity, typed when the evidence says what it names. */
export interface Candidate {
  first: number;
  last: number;
  type: EntityType | null;
  /** How sure the type is: gazetteer, cue or pattern beats fallback. */
  evidence: 'gazetteer' | 'cue' | 'pattern' | 'fallback';
  /** Where the name ends when it stops inside its last token (a Korean particle follows). */
  end?: number;
  /** Where it starts when it starts inside its first token ("Paris" in "Séoul-Paris"). */
  start?: number;
}

/** A word of the text and of a gazetteer name: the same, or the name inflected ("Südkoreas"). */
function sameWord(c: Cues, word: string, name: string): boolean {
  if (word === name) return true;
  if (word.length <= name.length || !word.startsWith(name)) return false;
  const ending = word.slice(name.length);
  return c.inflections.includes(ending);
}

/** Gazetteer names at `i`, longest first: the end of the match and its type, or null. */
export function gazetteerMatch(c: Cues, text: string, tokens: readonly Token[], used: readonly boolean[], i: number): Candidate | null {
  const gaz = gazetteer();
  const t = tokens[i]!;
  if (used[i] || !t.word) return null;
  // "Südkoreas", "Vereinigten Arabischen Emirate": the first word may be inflected too.
  let entries: readonly GazetteerEntry[] = gaz.byFirst.get(t.key) ?? NO_ENTRIES;
  for (const ending of c.inflections) {
    const stem = t.key.endsWith(ending) ? gaz.byFirst.get(t.key.slice(0, -ending.length)) : undefined;
    if (stem) entries = [...entries, ...stem].sort((a, b) => b.tokens.length - a.tokens.length);
  }
  for (const entry of entries) {
    // The text's words, apostrophes skipped: "Quai d'Orsay", "Quai d Orsay".
    let last = i;
    let ok = true;
    for (let k = 0; k < entry.tokens.length && ok; k++) {
      if (k > 0) {
        last++;
        while (tokens[last]?.text === "'" && adjacent(text, tokens[last - 1]!, tokens[last]!)) last++;
      }
      const tk = tokens[last];
      ok = !!tk && !used[last] && (tk.word || tk.text === entry.tokens[k]) && sameWord(c, tk.key, entry.tokens[k]!) && (k === 0 || adjacent(text, tokens[last - 1]!, tk));
    }
    // "UN" is not "Un dollar": an acronym matches as printed.
    if (ok && entry.acronym && tokens.slice(i, last + 1).map((x) => x.text).join(' ') !== entry.text) continue;
    // "Sur", "Seul": a word the language uses on its own is not a place on its own; nor is an
    // adjective of nationality ("the German government").
    if (ok && entry.tokens.length === 1 && (c.not.has(t.text) || (entry.type === 'LOC' && gaz.demonyms.has(t.key)))) continue;
    // A gazetteer name is a name when the text capitalises it as one.
    if (!ok || (!t.cap && /^\p{Lu}/u.test(entry.text))) continue;
    // "François Hollande": a place's name after a given name is a surname.
    const before = tokens[i - 1];
    if (entry.type === 'LOC' && entry.tokens.length === 1 && before && before.cap && c.given.has(before.key) && adjacent(text, before, t)) return null;
    // "Korea National Oil Corp.", "Ulsan District Court": a place opening a name that ends as an
    // organisation's does is part of it.
    if (entry.type === 'LOC' && endsAsOrganisation(c, text, tokens, last)) return null;
    // "Lee" is not "Lee" the city; a following capitalised word means a longer name.
    const next = tokens[last + 1];
    // (An inflected name before a capital, "Südkoreas Batteriehersteller", is a genitive.)
    if (entry.tokens.length === 1 && !(t.headline && !c.capitalisedNouns) && !(c.capitalisedNouns && t.key !== entry.tokens[0]) && next && next.cap && next.word && !c.not.has(next.text) && adjacent(text, tokens[last]!, next) && !gaz.byFirst.has(next.key)) continue;
    if (entry.type === 'ORG' && entry.tokens.length === 1 && isPortfolio(c, tokens, i)) return null;
    // "Mirae Asset" + "Securities": a listed company's fuller name.
    let end = last;
    // "CJ" + "ENM", "SK Innovation" + "E&S": an initialism after it is part of the name.
    const continues = (x: Token) => c.suffixes.has(x.lower) || (x.acronym && !c.not.has(x.text) && !/\d/.test(x.text));
    while (entry.type === 'ORG' && tokens[end + 1] && !used[end + 1] && adjacent(text, tokens[end]!, tokens[end + 1]!) && continues(tokens[end + 1]!)) end++;
    // "BYD Korea", "Renault Korea", "Nexon Korea Corp.": a group's name and a country is its
    // subsidiary there.
    const country = tokens[end + 1];
    if (entry.type === 'ORG' && country && !used[end + 1] && country.cap && adjacent(text, tokens[end]!, country) && (gaz.byFirst.get(country.key) ?? []).some((e) => e.type === 'LOC' && e.tokens.length === 1)) {
      end++;
      while (tokens[end + 1] && !used[end + 1] && adjacent(text, tokens[end]!, tokens[end + 1]!) && c.suffixes.has(tokens[end + 1]!.lower)) end++;
    }
    return { first: i, last: end, type: entry.type, evidence: 'gazetteer' };
  }
  return null;
}

/** "ministre de la Défense", "secrétaire au Trésor": a portfolio, not a name. */
export function isPortfolio(c: Cues, tokens: readonly Token[], first: number): boolean {
  const prev = tokens[first - 1]?.lower ?? '';
  if (!c.portfolioLinks.has(prev)) return false;
  return tokens.slice(Math.max(0, first - 8), first).some((t) => c.portfolioRoles.has(t.lower));
}

export function isTitle(c: Cues, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.word) return false;
  return isTitleWord(c, t.lower);
}

/** A title, or a compound ending in one ("US-Präsident", "ex-ministre"). */
export function isTitleWord(c: Cues, lower: string): boolean {
  return c.titles.has(lower) || (lower.includes('-') && c.titles.has(lower.slice(lower.lastIndexOf('-') + 1)));
}

export function isNameWord(c: Cues, t: Token | undefined): boolean {
  return !!t && t.word && t.cap && !c.not.has(t.text) && !/^\d/.test(t.text);
}

export function orgHeadChain(c: Cues, tokens: readonly Token[], i: number): number | null {
  const head = tokens[i]!;
  const capitalHead = head.cap && c.heads.has(head.lower) && !c.not.has(head.text) && !(head.headline && !c.capitalisedNouns);
  const lowerHead = !head.cap && c.lowerHeads.has(head.lower);
  if (!capitalHead && !lowerHead) return null;
  let lastGood = -1;
  let beforeConjunction = -1;
  let lowerRun = 0;
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
    const conjoined = c.conjunctions.has(t.lower) && c.conjoinedHeads.has(head.lower);
    if ((c.nameStops.has(t.lower) && !conjoined) || /\d/.test(t.text)) break;
    // "der Fonds habe seinen Sitz": where nouns are capitalised, a name with a head ends at a
    // lower-case word that does not join its parts.
    if (c.capitalisedNouns && !t.cap && !c.particles.has(t.lower) && !c.nameParticles.has(t.lower) && !c.conjunctions.has(t.lower) && !c.nameAdjectives.has(t.lower)) break;
    // "Parlement européen et du Conseil" are two bodies; "ministère de l'Économie et des
    // Finances" is one.
    // "Institute for Industrial Economics and Trade" is one name, "Parlement européen et du
    // Conseil" two bodies: past a conjunction, only a capitalised word that is not a head.
    const after = tokens[j + 1];
    // "Chambre de commerce et d'industrie de Corée", "Organisation de coopération et de
    // développement économiques": between two lower-case nouns of the name, too.
    const inPhrase = !tokens[j - 1]!.cap && tokens[j - 1]!.word && !!after && !after.cap && (c.particles.has(after.lower) || c.nameParticles.has(after.lower));
    if (c.conjunctions.has(t.lower) && !c.conjoinedHeads.has(head.lower) && !inPhrase && !(after && after.cap && after.word && !c.heads.has(after.lower) && !c.not.has(after.text) && !isTitleWord(c, after.lower) && !c.given.has(after.key))) break;
    // "Ministry of Culture, Sports and Tourism and the Korea Creative Content Agency": another
    // head after a conjunction opens another organisation.
    if (c.conjunctions.has(t.lower)) beforeConjunction = lastGood;
    else if (beforeConjunction > i && t.cap && c.heads.has(t.lower)) return beforeConjunction;
    // "Parti démocrate du président Lee": a title ends the name; so do three lower-case words in
    // a row that neither join nor qualify, and after a lower-case head one ("ministère polonais
    // négocie en outre l'achat …").
    if (!t.cap && isTitleWord(c, t.lower)) break;
    const plain = !t.cap && !c.particles.has(t.lower) && !c.nameParticles.has(t.lower) && !c.nameAdjectives.has(t.lower) && !c.conjunctions.has(t.lower) && !(c.nationality?.test(t.lower) ?? false);
    lowerRun = plain ? lowerRun + 1 : 0;
    // A lower-case head ("ministère", "ministerio") names a portfolio in capitals, not in words.
    if (lowerRun >= (lowerHead ? 1 : 4)) break;
    // "der Notenbank Spielraum": where nouns are capitalised, a noun right after the head is
    // the next word of the sentence, not of the name, unless a joiner came first.
    if (c.capitalisedNouns && j === i + 1 && t.cap && !t.acronym && !gazetteer().byFirst.has(t.key)) break;
    words++;
    const previousWord = j - 1 === i || lastGood === j - 1;
    if (t.cap && !c.not.has(t.text)) lastGood = j;
    else if (c.nameAdjectives.has(t.lower) && previousWord) lastGood = j;
    else if (t.cap && c.not.has(t.text) && !c.particles.has(t.lower)) break;
  }
  // "(KAMA)" right after the stretch confirms it is all one name, lower-case words included.
  if (tokens[j]?.text === '(' && tokens[j + 1]?.acronym && tokens[j + 2]?.text === ')' && j - 1 > i) return j - 1;
  // "Institut coréen de développement,", "Service national des pensions a": a head's name goes on
  // in lower case up to a hard end (punctuation, a verb or pronoun, the end of the text) when
  // what follows it is a phrase of nouns opened by a preposition.
  const from = Math.max(lastGood, i);
  if (!c.capitalisedNouns && j - from - 1 >= 2 && j - from - 1 <= LOWER_TAIL && hardEnd(c, tokens, j) && nounPhrase(c, tokens, from + 1, j)) return j - 1;
  return lastGood > i ? lastGood : null;
}

/** At most this many lower-case words continue a name after its last capital or adjective. */
const LOWER_TAIL = 7;
/** Articles, which may follow a preposition inside a name but never open its continuation. */
const ARTICLES = new Set(['le', 'la', 'les', 'l', 'el', 'los', 'las', 'lo', 'il', 'the', 'der', 'die', 'das']);

function hardEnd(c: Cues, tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  return !t || (!t.word && t.text !== "'") || c.nameStops.has(t.lower);
}

/**
 * "de développement", "des industries des semi-conducteurs", "pour l'économie industrielle et le
 * commerce": opened by a preposition, then nouns and adjectives; an infinitive after a
 * preposition ("de relever", "pour soutenir") is a clause, not a name.
 */
function nounPhrase(c: Cues, tokens: readonly Token[], from: number, to: number): boolean {
  // "coréen de développement": adjectives of the head first.
  while (from < to && (c.nameAdjectives.has(tokens[from]!.lower) || (c.nationality?.test(tokens[from]!.lower) ?? false))) from++;
  const first = tokens[from];
  if (!first || !first.word || !c.particles.has(first.lower) || ARTICLES.has(first.lower) || c.conjunctions.has(first.lower)) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === "'") continue;
    if (!t.word || t.cap || /\d/.test(t.text)) return false;
    const previous = tokens[k - 1]!;
    const afterPreposition = c.particles.has(previous.lower) && !ARTICLES.has(previous.lower) && !c.conjunctions.has(previous.lower);
    if (afterPreposition && !c.particles.has(t.lower) && /(?:er|ir|oir|re|ar)$/.test(t.lower)) return false;
  }
  return true;
}

export function capitalisedRun(c: Cues, text: string, tokens: readonly Token[], used: readonly boolean[], i: number): { first: number; last: number; afterTitle?: boolean } | null {
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
  if (c.honorifics.has(tokens[i]!.lower) || (tokens[i]!.cap && isTitleWord(c, tokens[i]!.lower))) return null;
  // Product and model names carry digits ("Galaxy S25", "FA-50", "HBM4"): not entities.
  if (/\d/.test(tokens[i]!.text)) return null;
  let last = i;
  while (last + 1 < tokens.length && !used[last + 1]) {
    const next = tokens[last + 1]!;
    if (!adjacent(text, tokens[last]!, next)) break;
    // "Vorstand Park Jin-seok", "US-Präsident Donald Trump": where nouns are capitalised, a title
    // or a name that opens a person's name starts a new run.
    // "Chief Financial Officer Takahiro Ishida": after a title word the run starts again.
    if (!c.capitalisedNouns && isTitleWord(c, next.lower) && next.cap && tokens[last + 2]?.cap) return { first: last + 2, last: extendRun(c, text, tokens, used, last + 2, last + 2).last, afterTitle: true };
    if (c.capitalisedNouns && (isTitleWord(c, next.lower) || ((c.given.has(next.key) || gazetteer().eastAsianSurnames.has(next.text)) && !c.given.has(tokens[first]!.key) && !gazetteer().eastAsianSurnames.has(tokens[first]!.text)))) break;
    // "Korean Metal Workers' Union": over the apostrophe of a plural possessive.
    const over = tokens[last + 2];
    if (next.text === "'" && tokens[last]!.text.endsWith('s') && over && !used[last + 2] && isNameWord(c, over) && adjacent(text, next, over)) {
      last += 2;
      continue;
    }
    if ((isNameWord(c, next) || (next.acronym && !c.not.has(next.text))) && !/\d/.test(next.text) && !c.honorifics.has(next.lower)) {
      last++;
      continue;
    }
    // Particles inside a person's name: "Hélène de La Rochère", "Laurent de Saint-Aubin".
    const personish = c.given.has(tokens[first]!.key.split('-')[0]!) || afterTitle;
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
export function skipParticles(c: Cues, tokens: readonly Token[], k: number): number {
  while (k < tokens.length && (c.nameParticles.has(tokens[k]!.lower) || tokens[k]!.text === "'")) k++;
  return k;
}

/** A name after an honorific and particles ("de La Rochère"), then any further name words. */
export function extendRun(c: Cues, text: string, tokens: readonly Token[], used: readonly boolean[], first: number, k: number): { first: number; last: number } {
  let last = k;
  while (last + 1 < tokens.length && !used[last + 1] && adjacent(text, tokens[last]!, tokens[last + 1]!) && isNameWord(c, tokens[last + 1]) && !/\d/.test(tokens[last + 1]!.text)) last++;
  return { first, last };
}


/**
 * "la liaison Séoul-Paris", "Séoul-Osaka": a hyphenated word whose parts are each a place the
 * gazetteer knows names two places (a whole name such as "Saint-Pétersbourg" matched before).
 */
export function hyphenatedPlaces(tokens: readonly Token[], used: readonly boolean[], i: number): Candidate[] {
  const t = tokens[i]!;
  if (used[i] || !t.word || !t.cap || !t.text.includes('-')) return [];
  const gaz = gazetteer();
  const parts = t.text.split('-');
  if (parts.length < 2 || parts.some((p) => !/^\p{Lu}/u.test(p) || !(gaz.byFirst.get(foldName(p)) ?? []).some((e) => e.type === 'LOC' && e.tokens.length === 1))) return [];
  let at = t.start;
  return parts.map((p) => {
    const candidate: Candidate = { first: i, last: i, type: 'LOC', evidence: 'gazetteer', start: at, end: at + p.length };
    at += p.length + 1;
    return candidate;
  });
}

/** Name words after `last`, joined by particles, end with an organisation's suffix or head. */
function endsAsOrganisation(c: Cues, text: string, tokens: readonly Token[], last: number): boolean {
  let k = last;
  let lastName = -1;
  for (let n = 0; n < 8 && tokens[k + 1] && adjacent(text, tokens[k]!, tokens[k + 1]!); n++) {
    const t = tokens[++k]!;
    if (t.word && t.cap) lastName = k;
    else if (!(t.text === '&' || c.particles.has(t.lower) || t.text === "'")) break;
  }
  if (lastName === -1) return false;
  const end = tokens[lastName]!;
  return c.suffixes.has(end.lower) || c.dottedSuffixes.has(end.lower) || c.heads.has(end.lower);
}

/**
 * "SEOUL, March 3 (Yonhap) --", "LE BOURGET, France (Reuters) -": capitals opening a paragraph
 * before a comma, a bracket or a dash are the dateline's place.
 */
export function datelinePlace(c: Cues, text: string, tokens: readonly Token[], used: readonly boolean[], i: number): Candidate | null {
  const t = tokens[i]!;
  if (used[i] || !t.word || (t.start > 0 && text[t.start - 1] !== '\n')) return null;
  let last = i;
  const upper = (x: Token | undefined) => !!x && x.word && /^\p{Lu}[\p{Lu}'.-]*$/u.test(x.text);
  if (!upper(t)) return null;
  while (last - i < 3 && upper(tokens[last + 1]) && adjacent(text, tokens[last]!, tokens[last + 1]!)) last++;
  const after = tokens[last + 1];
  const letters = tokens.slice(i, last + 1).reduce((n, x) => n + x.text.length, 0);
  if (!after || !/^[,(]$/.test(after.text) || letters < 4 || c.not.has(t.text)) return null;
  return { first: i, last, type: 'LOC', evidence: 'cue' };
}
