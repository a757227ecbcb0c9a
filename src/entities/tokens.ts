import type { Span } from '../document.js';

/** A word or a punctuation mark of the text, as the recogniser reads it. */
export interface Token {
  text: string;
  lower: string;
  /** Lower case without accents: "Etats-Unis" and "MONTRÉAL" match "États-Unis" and "Montréal". */
  key: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (an acronym). */
  acronym: boolean;
  word: boolean;
  /** First word of its sentence (or of a quotation opening it). */
  sentenceStart: boolean;
  /** In a title-case headline ("BOK Holds Key Rate"), where capitals say nothing. */
  headline?: boolean;
  /** Number of the line the token is on. */
  line: number;
}

/**
 * Words (letters and digits, joined by hyphens, "&", or the apostrophe of an English possessive)
 * and the punctuation a name stops at. The apostrophe of an elision is its own token, so "d'Orsay"
 * and "d Orsay" (a lost apostrophe) both read as "d" + "Orsay".
 */
export const NAME_TOKEN = /[\p{L}\p{N}]+(?:(?:[-&]|'(?=s\b))[\p{L}\p{N}]+)*|&|['(),.:;«»"]/gu;

/** Lower case without diacritics, for matching names however the text accents or capitalises them. */
export function foldName(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII: nothing to fold.
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 0x7f) return lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return lower;
}

/** The same tokenisation, folded, without apostrophes ("Quai d'Orsay" and "Quai d Orsay" alike). */
export function tokenizeName(name: string): string[] {
  return (name.normalize('NFC').replace(/’/g, "'").match(NAME_TOKEN) ?? []).filter((t) => t !== "'").map(foldName);
}

/** The tokens of a text, outside the excluded spans (money amounts), with sentence starts marked. */
export function tokenize(text: string, sentences: readonly Span[], excluded: readonly Span[]): Token[] {
  const exclude = [...excluded].sort((a, b) => a.end - b.end);
  const folded = text.replace(/’/g, "'");
  const tokens: Token[] = [];
  let s = 0;
  let x = 0;
  let line = 0;
  let nextBreak = folded.indexOf('\n');
  let sentenceFirst = true;
  for (const m of folded.matchAll(NAME_TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < sentences.length && start >= sentences[s]!.end) {
      s++;
      sentenceFirst = true;
    }
    // Excluded spans, by end: one pointer walks them with the tokens.
    while (x < exclude.length && exclude[x]!.end <= start) x++;
    let excluded = false;
    for (let e = x; e < x + 4 && e < exclude.length && !excluded; e++) excluded = start < exclude[e]!.end && end > exclude[e]!.start;
    if (excluded) continue;
    // The next line break is looked for once per line, not once per token.
    while (nextBreak !== -1 && nextBreak < start) {
      line++;
      nextBreak = folded.indexOf('\n', nextBreak + 1);
    }
    // "Korea's", "Hanwha Aerospace's": the possessive is not part of the name.
    const possessive = m[0].length > 2 && m[0].endsWith("'s") ? 2 : 0;
    const body = possessive ? m[0].slice(0, -possessive) : m[0];
    const word = /[\p{L}\p{N}]/u.test(body);
    const cap = /^\p{Lu}/u.test(body);
    tokens.push({
      text: body,
      lower: body.toLowerCase(),
      key: foldName(body),
      start,
      end: end - possessive,
      cap,
      acronym: /^\p{Lu}{2,}$/u.test(body.replace(/[-&]/g, '')),
      word,
      sentenceStart: word && sentenceFirst,
      line,
    });
    if (possessive) tokens.push({ text: "'s", lower: "'s", key: "'s", start: end - 2, end, cap: false, acronym: false, word: false, sentenceStart: false, line });
    // An opening quotation or dash keeps the next word sentence-initial.
    if (word) sentenceFirst = false;
    else if (/[«"(:]/.test(m[0]) && tokens.length >= 2 && tokens[tokens.length - 2]!.sentenceStart === false) sentenceFirst = m[0] === '«' || m[0] === '"';
  }
  markHeadlines(folded, tokens);
  return tokens;
}

/** Words of at least this many letters decide whether a line is in title case. */
const HEADLINE_WORD = 4;

/**
 * A line of three or more words that ends without a full stop and capitalises most of its longer
 * words is a title-case headline: its capitals are typography, as at a sentence start.
 */
function markHeadlines(text: string, tokens: Token[]): void {
  let lineStart = 0;
  for (let k = 0; k < tokens.length; ) {
    const lineEnd = text.indexOf('\n', tokens[k]!.start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
    const words = tokens.slice(k, last + 1).filter((t) => t.word);
    const long = words.filter((t) => t.text.length >= HEADLINE_WORD);
    // A credit line "(Reporting by …; Editing by …)" is no headline.
    const closed = /[.!?»"”)]\s*$/.test(text.slice(lineStart, end)) || /^\s*\(/.test(text.slice(lineStart, end));
    if (words.length >= 3 && long.length >= 2 && !closed && long.filter((t) => t.cap).length >= long.length * 0.75) {
      for (let x = k; x <= last; x++) tokens[x]!.headline = true;
    }
    k = last + 1;
    lineStart = end + 1;
  }
}

/** Only a space between two tokens (none around an elision): a name does not run over punctuation. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // "Workers' Union": the apostrophe of a plural possessive stands before a space.
  if (a.text === "'" && gap === ' ') return true;
  if (a.text === "'" || b.text === "'") return gap === '';
  return gap === ' ' || gap === '\u00A0' || gap === '\u202F';
}
