import { francAll } from 'franc';
import { iso6393, iso6393To1 } from 'iso-639-3';
import type { ParagraphLanguage, Span } from '../document.js';

/**
 * Languages considered by default: the widely written ones. franc knows 187, and many are close
 * relatives of one big language (Scots of English, Occitan of French) whose near-ties would make
 * every English or French article look uncertain.
 */
export const DEFAULT_CANDIDATES: readonly string[] = [
  'fra', 'eng', 'spa', 'por', 'ita', 'deu', 'nld', 'cat', 'glg', 'ron', 'pol', 'ces', 'slk', 'hun',
  'fin', 'swe', 'dan', 'nob', 'tur', 'rus', 'ukr', 'bul', 'ell', 'heb', 'arb', 'pes', 'hin', 'ben',
  'cmn', 'jpn', 'kor', 'vie', 'ind', 'zlm', 'tha', 'tgl', 'swh', 'hrv', 'slv', 'lit', 'lvs', 'ekk',
];

// franc names individual languages where ISO 639-1 only has the macrolanguage.
const MACRO_TO_1: Record<string, string> = {
  cmn: 'zh', arb: 'ar', zlm: 'ms', pes: 'fa', swh: 'sw', lvs: 'lv', ekk: 'et', nob: 'nb', azj: 'az',
  uzn: 'uz', npi: 'ne', plt: 'mg', ory: 'or', khk: 'mn', gaz: 'om', ydd: 'yi', quy: 'qu', als: 'sq',
};

export interface DetectOptions {
  /** ISO 639-3 codes to choose among; default DEFAULT_CANDIDATES. */
  only?: readonly string[];
  /** Fewer letters than this can never be reliable. */
  minLetters?: number;
  /** Confidence under which the answer is `und`. */
  minConfidence?: number;
}

export interface Detection {
  code: string;
  iso1: string | null;
  confidence: number;
  reliable: boolean;
  reason?: string;
  guess?: string;
}

const DEFAULT_MIN_LETTERS = 25;
const DEFAULT_MIN_CONFIDENCE = 0.5;
// franc's scores are rescaled per text; the gap to the runner-up times the text length measures
// the evidence in trigram distance. This constant maps that evidence onto [0, 1), tuned so a
// French news sentence of ~15 words scores ≈ 0.8 and a paragraph ≈ 0.99.
const EVIDENCE_SCALE = 6;
const FRANC_MAX_LENGTH = 2048;

export function detectLanguage(text: string, options: DetectOptions = {}): Detection {
  const minLetters = options.minLetters ?? DEFAULT_MIN_LETTERS;
  const letters = countLetters(text);
  const scores = francAll(text, { only: [...(options.only ?? DEFAULT_CANDIDATES)], minLength: 1 });
  const [top, second] = scores;
  if (!top || top[0] === 'und') {
    return { code: 'und', iso1: null, confidence: 0, reliable: false, reason: 'no letters in a script franc knows' };
  }
  const gap = second ? 1 - second[1] : 1;
  const evidence = gap * Math.min(text.length, FRANC_MAX_LENGTH);
  const confidence = round(second ? 1 - Math.exp(-evidence / EVIDENCE_SCALE) : letters >= minLetters ? 1 : 0.5);
  const best = top[0];
  if (letters < minLetters) {
    return { code: 'und', iso1: null, confidence, reliable: false, reason: `too short (${letters} letters, needs ${minLetters})`, guess: best };
  }
  if (confidence < (options.minConfidence ?? DEFAULT_MIN_CONFIDENCE)) {
    const runnerUp = second ? `${languageName(second[0])}` : 'another language';
    return {
      code: 'und',
      iso1: null,
      confidence,
      reliable: false,
      reason: `ambiguous between ${languageName(best)} and ${runnerUp}`,
      guess: best,
    };
  }
  return { code: best, iso1: toIso1(best), confidence, reliable: true };
}

const MIN_PARAGRAPH_LETTERS = 60;

/**
 * Paragraphs written in another language than the article (an English quotation in a French
 * story). Short paragraphs are skipped: a name or a figure says nothing about language.
 */
export function detectParagraphLanguages(
  text: string,
  paragraphs: Span[],
  articleCode: string,
  options: DetectOptions = {},
): ParagraphLanguage[] {
  const found: ParagraphLanguage[] = [];
  paragraphs.forEach((p, index) => {
    const slice = text.slice(p.start, p.end);
    if (countLetters(slice) < MIN_PARAGRAPH_LETTERS) return;
    const d = detectLanguage(slice, { ...options, minConfidence: 0.8 });
    if (d.reliable && d.code !== articleCode) {
      found.push({ index, start: p.start, end: p.end, code: d.code, confidence: d.confidence });
    }
  });
  return found;
}

export function toIso1(code: string): string | null {
  return (iso6393To1 as Record<string, string>)[code] ?? MACRO_TO_1[code] ?? null;
}

let names: Map<string, string> | undefined;

export function languageName(code: string): string {
  names ??= new Map(iso6393.map((l) => [l.iso6393, l.name]));
  return names.get(code) ?? code;
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
