import type { Sentence, Span } from '../document.js';
import type { Nlp } from './wink.js';
import { LANGUAGE_PACKS } from '../lang/registry.js';

export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'currency' | 'other';

export interface Token extends Span {
  kind: TokenKind;
  sentence: number;
}

export interface Segmentation {
  sentences: Sentence[];
  tokens: Token[];
}

// Abbreviations whose period never ends a French (or English) sentence in news text.
const ABBREVIATION_END =
  /(?:^|[\s(«"“'’\-])(?:M|MM|Mme|Mmes|Mlle|Mlles|Dr|Drs|Pr|Me|Mgr|St|Ste|Sts|Cie|Ets|av|apr|J\.-C|c\.-à-d|p\.\s?ex|env|art|al|éd|vol|chap|fig|pp?|cf|gén|col|cdt|lt|sgt|adj|Jr|Sr|Mr|Mrs|Ms|Prof|Inc|Ltd|Corp|Co|vs|ca|approx|n°|no|nos|tél|[A-ZÀ-Ý])\.$/;
const CLOSERS = /^[»”"’)\]]+/;

/** Longest run without white space wink-nlp is given; its e-mail pattern is quadratic in a run's length. */
const MAX_RUN = 64;

/**
 * The paragraph with a space put every MAX_RUN characters into runs without white space
 * ("Kim-Kim-Kim-…", a 60 KB "word"): the same length, so every offset still holds, and no
 * pattern of the tokenizer sees a run longer than MAX_RUN. Ordinary words are untouched.
 */
function boundRuns(slice: string): string {
  let run = 0;
  let chars: string[] | null = null;
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x202f) {
      run = 0;
      continue;
    }
    run++;
    // Never between the two halves of a surrogate pair.
    if (run > MAX_RUN && !(c >= 0xdc00 && c <= 0xdfff)) {
      chars ??= slice.split('');
      chars[i] = ' ';
      run = 0;
    }
  }
  return chars ? chars.join('') : slice;
}

interface RawToken {
  value: string;
  type: string;
}

/**
 * Sentences and tokens with offsets into `text`. Paragraphs are read one by one, so a sentence
 * never spans a paragraph break (headlines without a final period stay separate); wink-nlp finds
 * the boundaries, then French typography is repaired: no break after "M." or "MM.", and closing
 * guillemets stay with the sentence they close.
 */
export function segmentSentences(nlp: Nlp, text: string, paragraphs: Span[]): Segmentation {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const slice = boundRuns(text.slice(paragraph.start, paragraph.end));
    const doc = nlp.readDoc(slice);
    const its = nlp.its;
    const values = doc.tokens().out() as string[];
    const types = doc.tokens().out(its.type) as string[];
    const raw: RawToken[] = values.map((value, i) => ({ value, type: types[i] ?? 'word' }));
    const offsets = locateTokens(slice, raw);
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    const ranges = repairBoundaries(
      slice,
      spans.map(([first, last]) => ({ start: offsets[first]!.start, end: offsets[last]!.end })),
    );
    for (const range of ranges) {
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        start: paragraph.start + range.start,
        end: paragraph.start + range.end,
      });
    }
    let s = sentences.length - ranges.length;
    raw.forEach((token, i) => {
      const at = offsets[i]!;
      while (s < sentences.length - 1 && paragraph.start + at.start >= sentences[s]!.end) s++;
      tokens.push({
        start: paragraph.start + at.start,
        end: paragraph.start + at.end,
        kind: toKind(token.type, token.value),
        sentence: s,
      });
    });
  });
  return { sentences, tokens };
}

/** wink-nlp gives token strings, not positions; find each in order in the source text. */
function locateTokens(text: string, tokens: RawToken[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token.value, cursor);
    const start = at === -1 ? cursor : at;
    const end = at === -1 ? cursor : at + token.value.length;
    spans.push({ start, end });
    cursor = end;
  }
  return spans;
}

function repairBoundaries(text: string, ranges: Span[]): Span[] {
  const out: Span[] = [];
  for (const range of ranges) {
    const previous = out[out.length - 1];
    if (previous) {
      // Closing quotes or brackets that wink put at the start of the next sentence belong to the
      // sentence they close.
      const head = text.slice(range.start, range.end);
      const closers = CLOSERS.exec(head);
      if (closers) {
        previous.end = range.start + closers[0].length;
        let start = previous.end;
        while (start < range.end && /\s/.test(text[start]!)) start++;
        if (start >= range.end) continue;
        range.start = start;
      }
      const tail = text.slice(previous.start, previous.end);
      const nextHead = text.slice(range.start, range.end);
      if (ABBREVIATION_END.test(tail) || /^[a-zà-ÿ]/.test(nextHead) || ordinalDate(tail, nextHead)) {
        previous.end = range.end;
        continue;
      }
    }
    out.push({ ...range });
  }
  return out;
}

let months: Set<string> | undefined;

/** "am 1. Januar": a day written as an ordinal before a month name ends no sentence. */
function ordinalDate(tail: string, nextHead: string): boolean {
  if (!/(?:^|\s)(?:[1-9]|[12]\d|3[01])\.$/.test(tail)) return false;
  months ??= new Set([...LANGUAGE_PACKS.values()].flatMap((p) => p.monthNames ?? []).map((m) => m.toLowerCase()));
  const word = /^\p{L}+\.?/u.exec(nextHead)?.[0].toLowerCase();
  return word !== undefined && months.has(word);
}

function toKind(type: string, value: string): TokenKind {
  switch (type) {
    case 'word':
    case 'number':
    case 'punctuation':
    case 'symbol':
    case 'currency':
      return type;
    default:
      return /^[«»“”"'’‹›]+$/.test(value) ? 'punctuation' : 'other';
  }
}
