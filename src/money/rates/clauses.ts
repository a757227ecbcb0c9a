import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import type { PhraseTrie } from '../phrase-trie.js';
import type { AmountSpan, Segment, TextForms } from '../find-amounts.js';
import { isDigit, isLetter, isWordUnit, matchKey } from '../match-key.js';
import { countBelow, spanIndexAt } from '../../util/span-at.js';
import type { Figure, RateContext } from './rate-types.js';
import type { Mention } from './currency-mentions.js';

// Reading the words around a figure: its clause, the phrases that end at it, whether it is a
// move of the rate, the sentence it is in. Pure scans of bounded reach over the folded text.

/** The clause of a sentence that ends at `to`: from the last comma, semicolon or bracket before it. */
export function clauseBefore(forms: TextForms, sentence: Span, to: number): Span {
  // No further back than a subject is looked for: bounded work in a sentence of many figures.
  const limit = Math.max(sentence.start, to - NAMED_SUBJECT_REACH);
  let start = to;
  while (start > limit) {
    const c = forms.fold[start - 1]!;
    // An aside in brackets goes on with the clause: "el dólar subió 50 centavos (+0,12%) a $857".
    if (c === ')') {
      // Looked for back to the limit only: bounded work in a text of many brackets.
      let open = start - 2;
      while (open >= limit && forms.fold[open] !== '(') open--;
      if (open < limit || /[,;] /.test(forms.fold.slice(open, start))) break;
      start = open;
      continue;
    }
    // A decimal comma is no clause break: "subió 0,12% a $857".
    if (c === ',' && isDigit(forms.key.charCodeAt(start - 2)) && isDigit(forms.key.charCodeAt(start))) {
      start--;
      continue;
    }
    if (',;('.includes(c)) break;
    start--;
  }
  return { start, end: sentence.end };
}

/**
 * Where a sentence that names the price of a good ("le prix", "le litre") and no currency apart
 * from its sums names it first: its figures after that are prices, whatever cue of the rate it
 * holds. Infinity for any other sentence.
 */
export function aboutPrices(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[], named: readonly Mention[]): number {
  const apart = named.some((m) => {
    const a = amounts[countBelow(amounts, m.start + 1, (x) => x.start) - 1];
    return !(a !== undefined && a.end >= m.end);
  });
  if (apart) return Infinity;
  const { key, fold } = ctx.forms;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    if (g.priceNouns.longest(key, fold, i, { prefix: true })) return i;
  }
  return Infinity;
}

/** How far after its figure a quote's verb may stand ("… zu 198,9 Won gehandelt"). */
export const VERB_AFTER_FIGURE = 25;

/** Where the clause after `from` ends, within `reach`: at punctuation or a figure. */
export function clauseEnd(forms: TextForms, from: number, reach: number): number {
  const limit = Math.min(forms.key.length, from + reach);
  for (let i = from; i < limit; i++) {
    const c = forms.key.charCodeAt(i);
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x0a || isDigit(c)) return i;
  }
  return limit;
}

/** How far before its figure a subject may stand ("L'euro, porté par …, à 1,1712 dollar, et s'achetait 1 604,3 wons"). */
export const NAMED_SUBJECT_REACH = 160;

/**
 * Whether the word right before `start` (one space between) is a capitalised name such as
 * "Boeing"; asked only of short numbers printed without separators, as model numbers are
 * ("Boeing 737"), unlike levels ("Seoul 1.433,5", "The 1,410 line").
 */
export function modelNumber(text: string, start: number): boolean {
  if (text[start - 1] !== ' ') return false;
  let from = start - 1;
  while (from > 0 && /\p{Ll}/u.test(text[from - 1]!)) from--;
  return from > 0 && start - 1 - from >= 2 && /\p{Lu}/u.test(text[from - 1]!) && (from - 1 === 0 || !/\p{L}/u.test(text[from - 2]!));
}

/**
 * "contre 1 450 wons un an plus tôt", "1030.3원보다", "A year ago, the won traded at 1,300": a
 * phrase after the figure in its clause, or before it in its sentence since the previous figure,
 * dates it in the past.
 */
export function earlier(ctx: RateContext, g: Grammar, f: Figure, sentence: Span, previousEnd: number): boolean {
  const { key, fold } = ctx.forms;
  if (g.earlierAfter.longest(key, fold, f.end + (fold[f.end] === ' ' ? 1 : 0), { hangulAttach: true })) return true;
  const limit = Math.min(key.length, f.end + EARLIER_REACH);
  for (let i = f.end; i < limit; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x2e || c === 0x3b || c === 0x2c || c === 0x3f || c === 0x21 || c === 0x0a || isDigit(c)) break;
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(c)) continue;
    if (g.earlierAfter.longest(key, fold, i, { hangulAttach: true })) return true;
  }
  const from = Math.max(sentence.start, previousEnd, f.start - EARLIER_REACH);
  for (let i = from; i < f.start; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    if (g.earlierBefore.longest(key, fold, i, { hangulAttach: true, accept: (e) => e <= f.start })) return true;
  }
  return false;
}

/** How far from a rate figure a phrase dating it may stand ("1 450 wons un an plus tôt"). */
export const EARLIER_REACH = 40;

/** "the 1,410 line", "1.400er-Marke": a level noun right after a figure. */
export function levelNounAfter(forms: TextForms, g: Grammar, f: Figure): boolean {
  const { key, fold } = forms;
  const at = f.end + (fold[f.end] === ' ' || fold[f.end] === '-' ? 1 : 0);
  if (g.rateLevelNouns.longest(key, fold, at) !== null) return true;
  // "1 400 wons : le seuil qui inquiète Séoul": a headline names the level after a colon.
  let p = at;
  if (fold[p] !== ':' && fold[p] !== ',') return false;
  p++;
  if (fold[p] === ' ') p++;
  let word = p;
  while (word < key.length && isWordUnit(key.charCodeAt(word))) word++;
  if (fold[word] === "'") word++;
  else if (fold[word] === ' ') word++;
  else return false;
  return g.pack.rates.subjects.some((d) => matchKey(d) === matchKey(key.slice(p, word).trim())) && g.rateLevelNouns.longest(key, fold, word) !== null;
}

/**
 * Whether every number between two offsets follows a word of movement ("a gagné 5,3 wons, à …"),
 * or dates it (a year, a day); with `datesAlone`, a day without a move is enough (not a year alone:
 * "la livre pour la récolte 2025, soit 6 cents de plus").
 */
export function onlyMoves(forms: TextForms, g: Grammar, from: number, to: number, datesAlone = false): boolean {
  const { key, fold } = forms;
  let seen = false;
  let day = false;
  for (let i = from; i < to; i++) {
    // The first digit of each number only ("1 200", "8,3": one number each).
    if (!isDigit(key.charCodeAt(i)) || isDigit(key.charCodeAt(i - 1)) || (/[.,\u00a0\u202f ]/.test(fold[i - 1] ?? '') && isDigit(key.charCodeAt(i - 2)))) continue;
    // A year dates the move: "los futuros del dólar para fin de marzo 2024 cedieron 0,1%".
    if (/^(?:19|20)\d\d(?!\d)/.test(key.slice(i, i + 5)) && !isDigit(key.charCodeAt(i + 4))) continue;
    // So does a day: "1 dollar s'est changé le lundi 3 juillet à 1.500 fc".
    if (dayOfMonth(forms, g, i)) {
      day = true;
      continue;
    }
    let at = i;
    while (at > 0 && fold[at - 1] === ' ') at--;
    // A signed figure or a percentage is a move too: "subió 50 centavos (+0,12%) a $857".
    const sign = fold[i - 1] === '+' || fold[i - 1] === '-' || fold[i - 1] === '−';
    if (!sign && !percentAfter(forms, g, i) && !g.movementBefore.longest(key, fold, at)) return false;
    seen = true;
  }
  return seen || (datesAlone && day);
}

/** Whether the number starting at `i` is the day of a date: "3 juillet", "21 de octubre", "3. Juli". */
function dayOfMonth(forms: TextForms, g: Grammar, i: number): boolean {
  const { key, fold } = forms;
  const m = /^([1-9]|[12]\d|3[01])(?:er|º|°|\.)?(?: de)? /.exec(key.slice(i, i + 8));
  return m !== null && !isDigit(key.charCodeAt(i - 1)) && g.monthNames.longest(key, fold, i + m[0].length) !== null;
}

/** Whether the number starting at `i` is a percentage ("0,12%", "3,5 pour cent"). */
function percentAfter(forms: TextForms, g: Grammar, i: number): boolean {
  const { key, fold } = forms;
  let end = i;
  while (end < key.length && (isDigit(key.charCodeAt(end)) || ((fold[end] === ',' || fold[end] === '.') && isDigit(key.charCodeAt(end + 1))))) end++;
  while (fold[end] === ' ') end++;
  return g.percentWords.longest(key, fold, end) !== null;
}

/** Whether the text between two offsets is one qualifier ("un dollar à plus de 1 460 wons"). */
export function onlyQualifier(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const { key, fold } = forms;
  let end = to;
  while (end > from && fold[end - 1] === ' ') end--;
  const q = g.qualifiersBefore.longest(key, fold, end);
  return q !== null && key.slice(from, q.end).trim() === '';
}

/** How far before a figure a phrase that ends at it may begin. */
export const FIGURE_CUE_REACH = 40;

/** Whether a phrase of `trie` ends right before `at` (white space between them allowed). */
export function phraseEndsAt<T>(forms: TextForms, trie: PhraseTrie<T>, at: number): boolean {
  const { key, fold } = forms;
  let end = at;
  while (end > 0 && fold[end - 1] === ' ') end--;
  for (let s = end - 1; s >= Math.max(0, end - FIGURE_CUE_REACH); s--) {
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(key.charCodeAt(s))) continue;
    if (trie.longest(key, fold, s, { accept: (e) => e === end })) return true;
  }
  return false;
}

/** A phrase that prices a subject ("à", "au-dessus de") right after it, or after one word. */
export function levelAfterSubject(forms: TextForms, g: Grammar, end: number): { end: number } | null {
  const { key, fold } = forms;
  let at = end + (fold[end] === ' ' ? 1 : 0);
  const direct = g.rateAtLevel.longest(key, fold, at);
  if (direct) return direct;
  let word = at;
  while (word < key.length && isWordUnit(key.charCodeAt(word)) && !isDigit(key.charCodeAt(word))) word++;
  if (word === at || fold[word] !== ' ') return null;
  at = word + 1;
  return g.rateAtLevel.longest(key, fold, at);
}

/** A phrase (or, with `stems`, a word beginning with one) at a word start between two offsets. */
export function containsPhrase(forms: TextForms, trie: Grammar['rateVerbs'], from: number, to: number, stems: boolean): boolean {
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(forms.key.charCodeAt(i - 1)) && isWordUnit(forms.key.charCodeAt(i))) continue;
    if (trie.longest(forms.key, forms.fold, i, { hangulAttach: true, prefix: stems, accept: (end) => end <= to })) return true;
  }
  return false;
}

/** A change of the rate: "en baisse de 22 wons", "+1,57 won", "5.3원 오른", "11,2 Won höher". */
export function isChange(forms: TextForms, g: Grammar, f: Figure): boolean {
  const { key, fold } = forms;
  const sign = fold[f.start - 1];
  if (sign === '+' || sign === '-' || sign === '−' || sign === '±') return true;
  let at = f.start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  if (g.movementBefore.longest(key, fold, at)) return true;
  // "a regagné près de 90 wons": a qualifier may stand between the move and the figure.
  const qualifier = g.qualifiersBefore.longest(key, fold, at);
  if (qualifier) {
    let q = qualifier.end;
    while (q > 0 && fold[q - 1] === ' ') q--;
    if (g.movementBefore.longest(key, fold, q)) return true;
  }
  let after = f.end;
  if (fold[after] === ' ') after++;
  const move = g.movementAfter.longest(key, fold, after, { hangulAttach: true });
  if (!move) return false;
  // "a glissé à 84,97 par rapport au dollar": a currency after the phrase is the base, not a day.
  let next = move.end;
  while (fold[next] === ' ') next++;
  // "kostete 1,0930 Dollar nach 1,0810 Dollar am Vortag": a level after it is the one compared with.
  if (/\d/.test(fold[next] ?? '')) return false;
  return g.mentions.longest(key, fold, next, { hangulAttach: true }) === null;
}

/** Only a list word between two figures: ",", "et", "and", "y", "und", "e". */
export function isListGap(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const text = forms.key.slice(from, to).trim();
  if (text === ',' || text === '') return text === ',';
  const found = g.listSeparators.longest(text, text, 0);
  return found !== null && found.end === text.length;
}

/** "Kim Dong-ju", "Lee Won-hee": a capitalised currency name hyphened to a syllable is a given name. */
export function personalName(forms: TextForms, g: Grammar, start: number, end: number): boolean {
  const { key, fold } = forms;
  // The key is lower case; the folded text keeps the case.
  const first = fold[start]!;
  if (first === first.toLowerCase() || fold[end] !== '-') return false;
  const next = fold[end + 1] ?? '';
  if (!isLetter(fold.charCodeAt(end + 1)) || next !== next.toLowerCase()) return false;
  return g.mentions.longest(key, fold, end + 1, { hangulAttach: true }) === null;
}

export function grammarAt(segments: readonly Segment[], at: number): Grammar | null {
  return segments[spanIndexAt(segments, at)]?.grammar ?? null;
}

export function previousSentence(sentences: readonly Span[], sentence: Span): Span | null {
  const i = spanIndexAt(sentences, sentence.start);
  return i > 0 ? sentences[i - 1]! : null;
}

export function sentenceAt(sentences: readonly Span[], segments: readonly Segment[], at: number): Span {
  const sentence = sentences[spanIndexAt(sentences, at)];
  if (sentence) return sentence;
  const segment = segments[spanIndexAt(segments, at)];
  return segment ? { start: segment.start, end: segment.end } : { start: at, end: at };
}

/** Whether the word that ends at `end` is a conjunction ("et", "and", "y", "und"): a clause may start after it. */
export function conjunctionEndsAt(forms: TextForms, g: Grammar, end: number): boolean {
  if (g.words === null) return false;
  let word = end;
  while (word > 0 && isWordUnit(forms.key.charCodeAt(word - 1))) word--;
  return word < end && (word === 0 || forms.fold[word - 1] === ' ') && g.words.joiners.has(forms.key.slice(word, end));
}
