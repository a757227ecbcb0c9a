import { languagePack } from '../lang/registry.js';
import type { EntityType } from './entity-types.js';
import type { Candidate } from './find-candidates.js';
import { gazetteer } from './gazetteer.js';
import type { Token } from './tokens.js';

const HANGUL = /\p{Script=Hangul}/u;
/** "SK하이닉스", "LG에너지솔루션", "HD현대미포": a Latin initialism glued to a Hangul name. */
const LATIN_HEAD = /^[A-Z][A-Z0-9&]*\p{Script=Hangul}/u;
/** Endings of a place's kind after its name: "텍사스주", "광둥성", "성남시", "경기도". */
const PLACE_KINDS = ['주', '성', '시', '도', '군', '현', '구'];

interface KoreanCues {
  particles: string[];
  suffixes: Array<[string, number]>;
  notOrganisations: ReadonlySet<string>;
  titles: string[];
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
        titles: [...(cues.titlesAfter ?? [])].sort((a, b) => b.length - a.length),
      }
    : null;
  return compiled;
}

/** The word and, when a particle is glued to it, the word without it: "서울에서" → "서울에서", "서울". */
function stems(k: KoreanCues, word: string): string[] {
  const out = [word];
  for (const p of k.particles) if (word.length > p.length && word.endsWith(p)) out.push(word.slice(0, -p.length));
  return out;
}

/** What a Hangul word names, from the gazetteers and its ending. */
function typeOf(k: KoreanCues, stem: string): { type: EntityType; evidence: Candidate['evidence'] } | null {
  const gaz = gazetteer();
  const known = gaz.hangul.get(stem);
  if (known) return { type: known, evidence: 'gazetteer' };
  if (LATIN_HEAD.test(stem)) return { type: 'ORG', evidence: 'pattern' };
  if (k.notOrganisations.has(stem)) return null;
  for (const [suffix, min] of k.suffixes) if (stem.length >= min && stem.endsWith(suffix)) return { type: 'ORG', evidence: 'pattern' };
  for (const kind of PLACE_KINDS) {
    if (stem.length > kind.length + 1 && stem.endsWith(kind) && gaz.hangul.get(stem.slice(0, -kind.length)) === 'LOC') return { type: 'LOC', evidence: 'pattern' };
  }
  return null;
}

/** A Hangul surname (one or two syllables) and a given name of one to three: "김태훈", "남궁민". */
function personShaped(stem: string): boolean {
  if (!/^\p{Script=Hangul}{2,4}$/u.test(stem)) return false;
  const surnames = gazetteer().hangulSurnames;
  return surnames.has(stem.slice(0, 1)) || (stem.length >= 3 && surnames.has(stem.slice(0, 2)));
}

/** The token after `i` opens with a title written after a name ("장관", "연구원은", "씨는"). */
function titleAfter(k: KoreanCues, tokens: readonly Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  if (!next || !next.word) return false;
  const word = next.text;
  return k.titles.some((t) => word === t || (word.startsWith(t) && stems(k, word).includes(t))) || k.titles.some((t) => t.includes(' ') && text.startsWith(t, next.start));
}

/**
 * Names written in Hangul, with the particles glued to them cut off: places and organisations of
 * the gazetteers, organisations by their ending ("기획재정부", "한국무역협회", "SK하이닉스"), and
 * people by a surname and a title after the name ("주민재 연구위원"), then every other mention of
 * a person so found. A place or initialism right before an organisation's word opens its name
 * ("미국 무역대표부", "EU 집행위원회").
 */
export function findHangulCandidates(text: string, tokens: readonly Token[], used: readonly boolean[]): Candidate[] {
  const k = koreanCues();
  if (!k) return [];
  const out: Candidate[] = [];
  const taken = new Set<number>();
  const people = new Set<string>();
  const read = (i: number): { stem: string; type: EntityType | null; evidence: Candidate['evidence'] } | null => {
    const t = tokens[i];
    if (!t || !t.word || used[i] || taken.has(i) || !HANGUL.test(t.text)) return null;
    for (const stem of stems(k, t.text)) {
      const found = typeOf(k, stem);
      if (found) return { stem, ...found };
    }
    return null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || taken.has(i) || !t.word) continue;
    // "미국 무역대표부", "EU 집행위원회": a bare place or initialism, then an organisation's word.
    const next = read(i + 1);
    const opener = t.text === t.text.toUpperCase() && /^[A-Z]{2,5}$/.test(t.text) ? 'ORG' : gazetteer().hangul.get(t.text);
    if (opener && next?.type === 'ORG' && next.evidence === 'pattern' && tokens[i + 1]!.start === t.end + 1) {
      out.push({ first: i, last: i + 1, type: 'ORG', evidence: 'pattern', end: tokens[i + 1]!.start + next.stem.length });
      taken.add(i).add(i + 1);
      i++;
      continue;
    }
    if (!HANGUL.test(t.text)) continue;
    const here = read(i);
    if (here) {
      out.push({ first: i, last: i, type: here.type, evidence: here.evidence, end: t.start + here.stem.length });
      taken.add(i);
      continue;
    }
    for (const stem of stems(k, t.text)) {
      if (personShaped(stem) && (stem === t.text ? titleAfter(k, tokens, i, text) : false)) {
        people.add(stem);
        out.push({ first: i, last: i, type: 'PERSON', evidence: 'cue', end: t.start + stem.length });
        taken.add(i);
        break;
      }
    }
  }
  // Every other mention of a person named with a title: "주민재는", "주민재 연구위원은".
  if (people.size) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (used[i] || taken.has(i) || !t.word || !HANGUL.test(t.text)) continue;
      const stem = stems(k, t.text).find((s) => people.has(s));
      if (stem) out.push({ first: i, last: i, type: 'PERSON', evidence: 'cue', end: t.start + stem.length });
    }
  }
  return out;
}
