import { languagePack } from '../lang/registry.js';
import { SHARED_ENTITY_CUES } from '../lang/shared/index.js';
import type { EntityType } from './entity-types.js';
import type { Candidate } from './find-candidates.js';
import { gazetteer } from './gazetteer.js';
import { foldName, type Token } from './tokens.js';

const HANGUL = /\p{Script=Hangul}/u;
const ALL_HANGUL = /^\p{Script=Hangul}+$/u;
/** "SK하이닉스", "LG에너지솔루션", "HD한국조선해양": Latin initials glued to a Hangul name. */
const LATIN_HEAD = /^([A-Z][A-Z&]+)(\p{Script=Hangul}{1,})$/u;
/** Endings of a place's kind after its name: "텍사스주", "광둥성", "성남시", "경기도". */
const PLACE_KINDS = ['주', '성', '시', '도', '군', '현', '구'];

interface KoreanCues {
  particles: string[];
  suffixes: Array<[string, number]>;
  notOrganisations: ReadonlySet<string>;
  institutions: ReadonlySet<string>;
  titles: string[];
  notNames: ReadonlySet<string>;
}

let compiled: KoreanCues | null | undefined;

function koreanCues(): KoreanCues | null {
  if (compiled !== undefined) return compiled;
  const cues = languagePack('kor')?.entities;
  compiled = cues
    ? {
        particles: [...(cues.attachedParticles ?? [])].sort((a, b) => b.length - a.length),
        suffixes: Object.entries(cues.attachedOrgSuffixes ?? {}).sort((a, b) => b[0].length - a[0].length),
        notOrganisations: new Set(cues.notOrganisations ?? []),
        institutions: new Set(cues.institutionWords ?? []),
        titles: [...(cues.titlesAfter ?? [])].sort((a, b) => b.length - a.length),
        notNames: new Set(SHARED_ENTITY_CUES.notNames),
      }
    : null;
  return compiled;
}

/** The word, then the word without each particle glued to it: "서울에서" → "서울에서", "서울". */
function stems(k: KoreanCues, word: string): string[] {
  const out = [word];
  for (const p of k.particles) if (word.length > p.length && word.endsWith(p)) out.push(word.slice(0, -p.length));
  return out;
}

type Reading = { stem: string; type: EntityType; evidence: Candidate['evidence'] };

/**
 * What a word names: a name of the gazetteers (with or without its particle), else an
 * organisation by its ending or its Latin initials, else a place by its kind ("텍사스주").
 */
function readWord(k: KoreanCues, word: string): Reading | null {
  const gaz = gazetteer();
  const forms = stems(k, word);
  for (const stem of forms) {
    const known = gaz.hangul.get(stem);
    if (known) return { stem, type: known, evidence: 'gazetteer' };
  }
  // Patterns on the shortest reading first: "SK온은" is "SK온" with its particle.
  for (const stem of [...forms].reverse()) {
    const latin = LATIN_HEAD.exec(stem);
    if (latin) {
      // "SK온", "LG에너지솔루션": initials of a known group, or an organisation's ending after them
      // ("LNG운반선", "K배터리" and "D램" are things).
      const head = latin[1]!;
      const known = (gaz.byFirst.get(foldName(head)) ?? []).some((e) => e.type === 'ORG' && e.acronym && e.tokens.length === 1);
      if (!k.notNames.has(head) && (known || orgEnding(k, latin[2]!, 2))) return { stem, type: 'ORG', evidence: 'pattern' };
      continue;
    }
    if (!ALL_HANGUL.test(stem) || k.notOrganisations.has(stem)) continue;
    if (orgEnding(k, stem, 0)) return { stem, type: 'ORG', evidence: 'pattern' };
    // "삼성바이오에피스", "현대미포": a group's name opening a longer one.
    for (let n = stem.length - 2; n >= 2; n--) if (gaz.hangul.get(stem.slice(0, n)) === 'ORG') return { stem, type: 'ORG', evidence: 'pattern' };
    for (const kind of PLACE_KINDS) {
      if (stem.length > kind.length + 1 && stem.endsWith(kind) && gaz.hangul.get(stem.slice(0, -kind.length)) === 'LOC') return { stem, type: 'LOC', evidence: 'pattern' };
    }
  }
  return null;
}

/** An organisation's ending ("기획재정부", "한국무역협회"), the word long enough for it. */
function orgEnding(k: KoreanCues, stem: string, relax: number): boolean {
  return k.suffixes.some(([suffix, min]) => stem.length >= min - relax && stem.endsWith(suffix) && stem.length > suffix.length - (relax ? 1 : 0));
}

/** A Hangul surname (one or two syllables) and a two-syllable given name: "김태훈", "남궁민수". */
function personShaped(stem: string): boolean {
  if (!ALL_HANGUL.test(stem)) return false;
  const { hangulSurnames, hangulGivenSyllables } = gazetteer();
  const given = stem.length === 3 && hangulSurnames.has(stem.slice(0, 1)) ? stem.slice(1) : stem.length === 4 && hangulSurnames.has(stem.slice(0, 2)) ? stem.slice(2) : null;
  // "배터리" opens with a surname, but "터리" is no given name: its syllables must be ones given
  // names use.
  return given !== null && [...given].every((c) => hangulGivenSyllables.has(c));
}

/** A title among the next two words, bare or ending a compound ("실장", "예산실장은", "씨"). */
function titleNear(k: KoreanCues, tokens: readonly Token[], i: number): boolean {
  for (const next of [tokens[i + 1], tokens[i + 2]]) {
    if (!next || !next.word) return false;
    for (const stem of stems(k, next.text)) {
      if (k.titles.some((t) => stem === t || (t.length >= 2 && stem.endsWith(t)))) return true;
    }
  }
  return false;
}

/**
 * Names written in Hangul, with the particles glued to them cut off: places and organisations of
 * the gazetteers, organisations by their ending ("기획재정부", "한국무역협회") or Latin initials
 * ("SK하이닉스"), people by a surname and a title after the name ("주민재 기재부 예산실장"), then
 * every other mention of a person so found, and their surname alone before a title ("김
 * 연구위원"). A place or initialism right before an institution opens its name ("미국 의회", "EU
 * 집행위원회").
 */
export function findHangulCandidates(text: string, tokens: readonly Token[], used: readonly boolean[]): Candidate[] {
  const k = koreanCues();
  if (!k || !HANGUL.test(text)) return [];
  const gaz = gazetteer();
  const out: Candidate[] = [];
  const taken = new Set<number>();
  const people = new Set<string>();
  const free = (i: number) => {
    const t = tokens[i];
    return !!t && t.word && !used[i] && !taken.has(i);
  };
  const push = (first: number, last: number, type: EntityType, evidence: Candidate['evidence'], stem: string) => {
    out.push({ first, last, type, evidence, end: tokens[last]!.start + stem.length });
    for (let x = first; x <= last; x++) taken.add(x);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!free(i)) continue;
    const next = free(i + 1) && tokens[i + 1]!.start === t.end + 1 && HANGUL.test(tokens[i + 1]!.text) ? tokens[i + 1]! : null;
    const place = gaz.hangul.get(t.text) === 'LOC';
    const initials = /^[A-Z]{2,5}$/.test(t.text) && !k.notNames.has(t.text);
    if (next && (place || initials)) {
      const after = stems(k, next.text);
      // "미국 의회", "EU 집행위원회", "일본 관광청": one organisation.
      const institution = after.find((s) => k.institutions.has(s) || (ALL_HANGUL.test(s) && !k.notOrganisations.has(s) && gaz.hangul.get(s) === undefined && orgEnding(k, s, 0)));
      if (institution) {
        push(i, i + 1, 'ORG', 'pattern', institution);
        i++;
        continue;
      }
    }
    if (!HANGUL.test(t.text)) continue;
    const here = readWord(k, t.text);
    if (here) {
      push(i, i, here.type, here.evidence, here.stem);
      continue;
    }
    const person = stems(k, t.text).find((s) => personShaped(s) && gaz.hangul.get(s) === undefined);
    if (person && person === t.text && titleNear(k, tokens, i)) {
      people.add(person);
      push(i, i, 'PERSON', 'cue', person);
    }
  }
  if (people.size) {
    const surnames = new Set([...people].map((p) => (gaz.hangulSurnames.has(p.slice(0, 2)) && p.length === 4 ? p.slice(0, 2) : p.slice(0, 1))));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!free(i) || !HANGUL.test(t.text)) continue;
      // "주민재는": another mention of a person found with a title.
      const stem = stems(k, t.text).find((s) => people.has(s));
      if (stem) push(i, i, 'PERSON', 'cue', stem);
      // "김 연구위원은": the surname alone, before a title.
      else if (surnames.has(t.text) && titleNear(k, tokens, i)) push(i, i, 'PERSON', 'cue', t.text);
    }
  }
  return out;
}
