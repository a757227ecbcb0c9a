import { francAll } from 'franc';
import { iso6393, iso6393To1 } from 'iso-639-3';
import type { LanguageDetection, ParagraphLanguage, Span } from '../document.js';

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

export interface Detection extends LanguageDetection {
  /** The next candidates, best first (not output; narrows paragraph-level detection). */
  runnersUp?: string[];
}

const DEFAULT_MIN_LETTERS = 25;
const DEFAULT_MIN_CONFIDENCE = 0.5;
// franc's scores are rescaled per text; the gap to the runner-up times the text length measures
// the evidence in trigram distance. This constant maps that evidence onto [0, 1), tuned so a
// French news sentence of ~15 words scores ≈ 0.8 and a paragraph ≈ 0.99.
const EVIDENCE_SCALE = 6;
// franc reads at most 2048 characters; 1,500 decide an article's language just as surely at
// three quarters of the cost.
const SAMPLE_LENGTH = 1500;

export function detectLanguage(text: string, options: DetectOptions = {}): Detection {
  const minLetters = options.minLetters ?? DEFAULT_MIN_LETTERS;
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  const letters = countLetters(sample);
  const scores = francAll(sample, { only: [...(options.only ?? DEFAULT_CANDIDATES)], minLength: 1 });
  const [top, second] = scores;
  if (!top || top[0] === 'und') {
    return { code: 'und', iso1: null, confidence: 0, reliable: false, reason: 'no letters in a script franc knows' };
  }
  const gap = second ? 1 - second[1] : 1;
  const evidence = gap * sample.length;
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
  return { code: best, iso1: toIso1(best), confidence, reliable: true, runnersUp: scores.slice(1, 6).map(([c]) => c) };
}

const MIN_PARAGRAPH_LETTERS = 60;
// Languages a quotation in a news article is most likely in; paragraph checks consider these and
// the article's own near candidates rather than every language, which keeps them cheap.
const QUOTATION_LANGUAGES = ['eng', 'fra', 'spa', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'arb', 'cmn', 'jpn', 'kor'];

/**
 * Paragraphs written in another language than the article (an English quotation in a French
 * story). Short paragraphs are skipped: a name or a figure says nothing about language.
 */
export function detectParagraphLanguages(
  text: string,
  paragraphs: Span[],
  article: Pick<Detection, 'code' | 'runnersUp'>,
  options: DetectOptions = {},
): ParagraphLanguage[] {
  const articleCode = article.code;
  const allowed = options.only ?? DEFAULT_CANDIDATES;
  const only = [...new Set([articleCode, ...(article.runnersUp ?? []), ...QUOTATION_LANGUAGES])].filter((c) => allowed.includes(c));
  const found: ParagraphLanguage[] = [];
  paragraphs.forEach((p, index) => {
    const slice = text.slice(p.start, p.end);
    if (countLetters(slice) < MIN_PARAGRAPH_LETTERS) return;
    if (plainlyIn(slice, articleCode)) return;
    const d = detectLanguage(slice, { ...options, only, minConfidence: 0.8 });
    if (d.reliable && d.code !== articleCode) {
      found.push({ index, start: p.start, end: p.end, code: d.code, confidence: d.confidence });
    }
  });
  return found;
}

// The commonest function words of the languages precis routes. A paragraph dense in the
// article's own and free of the others' is in the article's language: no need to ask franc,
// which costs a hundred times more.
const FUNCTION_WORDS: Record<string, Set<string>> = {
  fra: new Set('le la les de des du et à un une est que qui dans pour sur par au aux ce il elle ne pas se sont a été en'.split(' ')),
  eng: new Set('the of and to in is that for it was on with as by at be this are from have has will not'.split(' ')),
  spa: new Set('el la los las de del y en un una es que por para con se no al lo su sus fue'.split(' ')),
  deu: new Set('der die das und in den von zu mit ist des sich nicht auf für im dem ein eine auch'.split(' ')),
  ita: new Set('il la le di e che in un una per con non del della si sono è al gli lo'.split(' ')),
  por: new Set('o a os as de do da e que em um uma para com não no na por se dos das'.split(' ')),
};

function plainlyIn(paragraph: string, code: string): boolean {
  const own = FUNCTION_WORDS[code];
  if (!own) return false;
  const words = paragraph.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return false;
  let hits = 0;
  const others = new Map<string, number>();
  for (const w of words) {
    if (own.has(w)) hits++;
    for (const [lang, set] of Object.entries(FUNCTION_WORDS)) if (lang !== code && set.has(w) && !own.has(w)) others.set(lang, (others.get(lang) ?? 0) + 1);
  }
  const strongestOther = Math.max(0, ...others.values());
  return hits / words.length >= 0.2 && strongestOther / words.length < 0.04;
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
