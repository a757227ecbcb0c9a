import type { Cues } from './entity-cues.js';
import { type Candidate, isPortfolio, isTitle } from './find-candidates.js';
import { gazetteer, isOrganisationOpener } from './gazetteer.js';
import type { Token } from './tokens.js';

/**
 * The type of a run of capitalised words, from the evidence around it, strongest first: a title
 * before a person, a given name or an East Asian surname opening it, an organisation suffix or an
 * acronym in brackets after it, a preposition of place before it. Untyped runs are kept for
 * linking ("Lee" joins "Lee Jae-myung") and dropped when they join nothing.
 */
export function classify(c: Cues, tokens: readonly Token[], first: number, last: number): Candidate | null {
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
  // "By Park Min-ji" on a line of its own: the writer.
  if (prev && c.bylines.has(prev.text) && span.length >= 2 && lineStart(tokens, first - 1)) return { first, last, type: 'PERSON', evidence: 'cue' };

  if (!t0.acronym && isPortfolio(c, tokens, first)) return null;
  // In a title-case headline only a title says what a run is; it may still join a name.
  if (t0.headline && !c.capitalisedNouns) return { first, last, type: null, evidence: 'fallback' };
  const lastWord = span[span.length - 1]!;
  // "Hana Securities", "Lotte Duty Free": an organisation's suffix, or the first word of one the
  // gazetteer knows, outweighs a given name.
  // "Korea Creative Content Agency", "Monetary Policy Board": a head noun ends the name too.
  const headLast = lastWord.cap && c.heads.has(lastWord.lower);
  if (span.length >= 2 && (c.suffixes.has(lastWord.lower) || headLast || isOrganisationOpener(t0.key))) return { first, last, type: 'ORG', evidence: 'pattern' };
  const givenFirst = c.given.has(t0.key) || c.given.has(t0.key.split('-')[0]!);
  if (givenFirst && span.length >= 2) return { first, last, type: 'PERSON', evidence: 'pattern' };
  if (gazetteer().eastAsianSurnames.has(t0.text) && span.length >= 2 && span.slice(1).every((t) => !t.acronym)) {
    return { first, last, type: 'PERSON', evidence: 'pattern' };
  }
  if (tokens[last + 1]?.text === '(' && tokens[last + 2]?.acronym && tokens[last + 3]?.text === ')') {
    return { first, last, type: 'ORG', evidence: 'pattern' };
  }
  // "Hyunsu Kim", "Jiyoung Kwon": a name written given name first, an East Asian surname last.
  if (span.length === 2 && !t0.acronym && gazetteer().eastAsianSurnames.has(lastWord.text) && !gazetteer().byFirst.has(t0.key)) return { first, last, type: 'PERSON', evidence: 'pattern' };
  // "Piotr Nowicki, an analyst at …", "Ana Ruiz, economista de …": a role in apposition after it.
  if (span.length >= 2 && appositionTitle(c, tokens, last)) return { first, last, type: 'PERSON', evidence: 'cue' };
  if (prev && prev.word && c.locCues.has(prev.lower) && !t0.acronym && !c.capitalisedNouns && !(single && gazetteer().demonyms.has(t0.key))) return { first, last, type: 'LOC', evidence: 'cue' };
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


/** After a name: a comma, at most one short word (an article), then a title or role noun. */
function appositionTitle(c: Cues, tokens: readonly Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',') return false;
  let k = last + 2;
  const article = tokens[k];
  if (article && article.word && !article.cap && article.text.length <= 3 && !c.titles.has(article.lower)) k++;
  const role = tokens[k];
  return !!role && role.word && !role.cap && c.titles.has(role.lower);
}

/** The token opens its line (the text before it on the line is empty). */
function lineStart(tokens: readonly Token[], k: number): boolean {
  const previous = tokens[k - 1];
  return !previous || previous.line !== tokens[k]!.line;
}
