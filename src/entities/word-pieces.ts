/**
 * Words as a BERT tokenizer sees them, with their offsets in the original text, and the
 * character range of each sub-word piece inside its word. The model thread tokenizes word by
 * word, so every token belongs to one word of the text and never straddles two.
 */

/** A word (or one punctuation mark, or one CJK ideograph) of the text: `[start, end)` into it. */
export interface Word {
  start: number;
  end: number;
  text: string;
}

// BERT's pre-tokenizer (and transformers.js's port of it): whitespace separates words, and each
// punctuation mark — Unicode P*, and ASCII symbols such as $ + < = > ^ ` | ~ — is a word alone.
// The normalizer pads CJK ideographs with spaces, so each is a word alone too.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const CJK = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{2A6DF}\\u{2A700}-\\u{2CEAF}\\u{2F800}-\\u{2FA1F}';
const WORD = new RegExp(`[${CJK}]|[${PUNCTUATION}]|[^\\s${PUNCTUATION}${CJK}]+`, 'gu');

/** The words of `text[start, end)`, in order, with offsets into `text`. */
export function splitWords(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    words.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  }
  return words;
}

/** Whether a word is a punctuation mark (or symbol) alone. */
export function isPunctuation(word: string): boolean {
  return PUNCTUATION_MARK.test(word);
}
const PUNCTUATION_MARK = new RegExp(`^[${PUNCTUATION}]$`, 'u');

/**
 * Where each sub-word piece of `word` lies, as `[start, end)` offsets into the word. Pieces are
 * re-aligned by their text (`##` marks a continuation); a piece that does not match the word at
 * that point ([UNK], or a character the tokenizer's normalizer changed) covers the rest of the
 * word, and any pieces after it are empty at its end.
 */
export function alignPieces(word: string, pieces: readonly string[], continuation = '##'): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let at = 0;
  let lost = false;
  for (const [i, piece] of pieces.entries()) {
    if (lost) {
      spans.push([word.length, word.length]);
      continue;
    }
    const bare = i > 0 && piece.startsWith(continuation) ? piece.slice(continuation.length) : piece;
    const found = [bare, bare.normalize('NFC')].find((p) => p.length > 0 && word.startsWith(p, at));
    if (found) {
      spans.push([at, at + found.length]);
      at += found.length;
    } else {
      lost = true;
      spans.push([at, word.length]);
      at = word.length;
    }
  }
  // Pieces that stop short of the word's end (a dropped character): the last one takes the rest.
  if (spans.length > 0 && at < word.length && !lost) spans[spans.length - 1]![1] = word.length;
  return spans;
}
