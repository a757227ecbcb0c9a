import type { Grammar } from './compile-grammar.js';
import type { TextForms } from './find-amounts.js';
import { isWordUnit } from './match-key.js';

// Words about money around a figure that prints no currency: "Il decreto vale 45 miliardi",
// "80 milioni di disavanzo". The pack lists their beginnings (`moneyCues`).

/** How far back in its clause a word about money may stand ("l'utile netto adjusted a 635 milioni"). */
const CUE_REACH = 160;

/** Whether a word about money begins in the figure's clause before it ("ricavi … a 3.026 milioni"). */
export function moneyCueBefore(forms: TextForms, g: Grammar, start: number): boolean {
  const { key, fold } = forms;
  const from = Math.max(0, start - CUE_REACH);
  let clause = from;
  for (let i = start - 1; i >= from; i--) {
    const c = fold[i]!;
    if (c === '\n' || c === ';' || c === '!' || c === '?' || ((c === '.' || c === ':') && (fold[i + 1] === ' ' || fold[i + 1] === '\n'))) {
      clause = i + 1;
      break;
    }
  }
  for (let i = clause; i < start; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1))) continue;
    if (g.moneyCues.longest(key, fold, i, { prefix: true, hangulAttach: true, accept: (end) => end <= start })) return true;
  }
  return false;
}

/** "80 milioni di disavanzo": what the figure counts, after a linker, is money. */
export function moneyCounted(forms: TextForms, g: Grammar, end: number): boolean {
  const { key, fold } = forms;
  let at = end;
  while (fold[at] === ' ') at++;
  const linker = g.linkers.longest(key, fold, at);
  if (!linker) return false;
  at = linker.end;
  while (fold[at] === ' ') at++;
  return g.moneyCues.longest(key, fold, at, { prefix: true }) !== null;
}

/** How many words after a figure a word about money may stand ("26 miliardi gli investimenti"). */
const WORDS_AFTER = 3;

/** Whether a word about money follows the figure closely in its clause ("20,5 miliardi spesi dal gruppo"). */
export function moneyCueAfter(forms: TextForms, g: Grammar, end: number): boolean {
  const { key, fold } = forms;
  let at = end;
  for (let word = 0; word < WORDS_AFTER; word++) {
    while (fold[at] === ' ') at++;
    if (at >= key.length || !isWordUnit(key.charCodeAt(at))) return false;
    if (g.moneyCues.longest(key, fold, at, { prefix: true }) !== null) return true;
    while (at < key.length && (isWordUnit(key.charCodeAt(at)) || fold[at] === "'" || fold[at] === '’')) at++;
  }
  return false;
}

/** "1.2兆 유상증자", "5000억 투자": the word right after the figure is itself about money. */
export function moneyNounAfter(forms: TextForms, g: Grammar, end: number): boolean {
  let at = end;
  while (forms.fold[at] === ' ') at++;
  return g.moneyCues.longest(forms.key, forms.fold, at, { prefix: true, hangulAttach: true }) !== null;
}
