import type { Span } from '../document.js';
import type { Grammar } from './compile-grammar.js';
import { toNumber } from './decimal.js';
import type { AmountSpan, TextForms } from './find-amounts.js';
import { isWordUnit } from './match-key.js';
import { countBelow } from '../util/span-at.js';
import { marketOrder, plausibleRate } from './typical-rates.js';

/** Two amounts printed as equivalents, by index into the amounts, in printed order. */
export interface PairLink {
  a: number;
  b: number;
}

/** How firmly the words between two amounts present the second as the first's equivalent. */
type Strength = 'strong' | 'weak' | 'apposition';

/**
 * Finds amounts presented as equivalents of each other. The equivalent is the amount right after
 * another, joined by brackets, a connector ("soit", "l'équivalent de", "es decir", "umgerechnet",
 * "pari a", "우리 돈으로") with any qualifiers ("soit quasiment", "(약 …)"), or by a comma or a dash
 * with or without a qualifier ("A, près de B"). A weak connector ("ou", "or") or a bare comma makes
 * a pair only when the rate it implies is plausible. A sentence that opens with a connector
 * ("우리 돈으로 약 …") gives the last amount of the sentence before its equivalent.
 */
export function linkPairs(
  forms: TextForms,
  amounts: readonly AmountSpan[],
  grammarAt: (offset: number) => Grammar | null,
  sentences: readonly Span[],
  /** Exchange-rate quotes, in order: their figures may stand among the words ("Das entspricht beim Kurs von 1.405,6 Won je Dollar gut B"). */
  rates: readonly Span[] = [],
): PairLink[] {
  const connectorBefore = (g: Grammar, from: number, to: number) => connectorAfterWords(forms, g, from, to, rates);
  const links: PairLink[] = [];
  const used = new Set<number>();
  for (let i = 0; i + 1 < amounts.length; i++) {
    const a = amounts[i]!;
    const b = amounts[i + 1]!;
    if (used.has(i + 1)) continue;
    const g = grammarAt(b.start);
    if (!g || grammarAt(a.start) !== g) continue;
    if (a.currency === b.currency) continue;
    // "entre 3 000 et 4 000 milliards de wons, soit entre 2,1 et 2,8 milliards de dollars": low
    // with low, high with high.
    if (a.range?.role === 'high' && b.range?.role === 'low') {
      const aLow = a.range.other;
      const bHigh = b.range.other;
      if (used.has(aLow) || used.has(i)) continue;
      if (!gapStrength(forms, g, tail(a, b), b.start) && !(connectorBefore(g, tail(a, b), b.start) && plausiblePair(a, amounts[bHigh]!))) continue;
      links.push({ a: aLow, b: i + 1 }, { a: i, b: bHigh });
      used.add(aLow).add(i).add(i + 1).add(bHigh);
      continue;
    }
    if (b.range || used.has(i)) continue;
    // "pasará de 7.890 a 9.490 wones (unos 6 euros)": an equivalent after a range or a change
    // converts its last figure, when the rate says so.
    const afterRange = a.range !== null;
    if (afterRange && a.range!.role !== 'high') continue;
    const strength = gapStrength(forms, g, tail(a, b), b.start);
    if (!strength) continue;
    if ((strength !== 'strong' || afterRange) && !plausiblePair(a, b)) continue;
    links.push({ a: i, b: i + 1 });
    used.add(i).add(i + 1);
    // "A (B / C)", "A (B euros/C dólares)": a second equivalent in the same brackets.
    // "A, soit B, l'équivalent de C": a second connector after the equivalent gives another.
    const c = amounts[i + 2];
    if (c && !c.range && c.currency !== a.currency && c.currency !== b.currency && grammarAt(c.start) === g && plausiblePair(a, c)) {
      const between = forms.key.slice(b.end, c.start).trim();
      // In A's brackets: "(B / C)", "(B, C)", "(B, or C)", "(B bzw. gut C)", "(B, circa C)".
      const inBrackets =
        forms.fold.slice(a.end, b.start).includes('(') &&
        (between === '/' || between === ',' || between === ';' || isListWord(g, between) || gapStrength(forms, g, b.end, c.start) !== null);
      // "A – umgerechnet B bzw. knapp C", "A, soit B, l'équivalent de C".
      const connected = gapStrength(forms, g, tail(b, c), c.start) === 'strong' && !forms.fold.slice(b.end, c.start).includes('(');
      if (inBrackets || connected) {
        links.push({ a: i, b: i + 2 });
        used.add(i + 2);
      }
    }
  }
  // "A du marché, soit quasiment B": a connector right before B refers to the nearest amount
  // before it in the sentence, across a few words.
  for (let j = 1; j < amounts.length; j++) {
    if (used.has(j) || used.has(j - 1)) continue;
    const a = amounts[j - 1]!;
    const b = amounts[j]!;
    if (a.currency === b.currency || (a.range && a.range.role !== 'high') || b.range) continue;
    const g = grammarAt(b.start);
    if (!g || grammarAt(a.start) !== g || !connectorBefore(g, a.end, b.start) || !plausiblePair(a, b)) continue;
    links.push({ a: j - 1, b: j });
    used.add(j - 1).add(j);
  }
  links.sort((x, y) => x.a - y.a || x.b - y.b);
  // Equivalents that open a sentence of their own.
  if (sentences.length > 0) {
    let s = 0;
    for (let j = 1; j < amounts.length; j++) {
      if (used.has(j) || used.has(j - 1)) continue;
      const b = amounts[j]!;
      while (s < sentences.length && sentences[s]!.end <= b.start) s++;
      const sentence = sentences[s];
      const a = amounts[j - 1]!;
      if (!sentence || a.end > sentence.start || a.currency === b.currency || a.range || b.range) continue;
      const g = grammarAt(b.start);
      // "우리 돈으로 약 B", "Nach dem Kurs vom Dienstag entspricht das knapp B", "회사는 원화 환산액을 약 B".
      const opens = g !== null && (gapStrength(forms, g, sentence.start, b.start, true) === 'strong' || connectorOpens(forms, g, sentence.start, b.start, rates));
      if (!g || !opens || !plausiblePair(a, b)) continue;
      links.push({ a: j - 1, b: j });
      used.add(j - 1).add(j);
    }
    links.sort((x, y) => x.a - y.a || x.b - y.b);
  }
  // "A par mois …, soit B au cours du jour, ou quelque C": B and C, linked as neighbours, are
  // both A's equivalents when a connector a few words after A introduces B.
  for (let k = 0; k < links.length; k++) {
    const l = links[k]!;
    const aIndex = l.a - 1;
    if (aIndex < 0 || l.b !== l.a + 1 || used.has(aIndex)) continue;
    const a = amounts[aIndex]!;
    const b = amounts[l.a]!;
    const c = amounts[l.b]!;
    const g = grammarAt(b.start);
    if (!g || grammarAt(a.start) !== g || a.range || a.currency === b.currency || a.currency === c.currency) continue;
    if (!connectorBefore(g, tail(a, b), b.start) || !plausiblePair(a, b) || !plausiblePair(a, c)) continue;
    links.splice(k, 1, { a: aIndex, b: l.a }, { a: aIndex, b: l.b });
    used.add(aIndex);
    k++;
  }
  return links;
}

/** Where the words after an amount begin: after its per-unit phrase ("320 bis 360 Yuan je Kilowattstunde – rund 45 bis 50 Dollar"). */
function tail(a: AmountSpan, next: AmountSpan): number {
  const end = a.per?.end;
  return end !== undefined && end > a.end && end <= next.start ? end : a.end;
}

/** Longest stretch of words between an amount and a connector that still refers to it. */
const WORDS_BEFORE_CONNECTOR = 100;

/**
 * Whether the words between two amounts present the second as the first's equivalent, across a
 * few words (no figure, bracket or sentence end): a strong connector among them ("A du marché,
 * soit B", "A …, lo que al cambio actual equivale a cerca de B", "A – nach heutigem Kurs etwa
 * B"), a bracket opened right before B ("A en el semestre (B)"), or a qualifier right after a
 * comma or a dash ("A contract -- about B").
 */
export function connectorAfterWords(forms: TextForms, g: Grammar, from: number, to: number, rates: readonly Span[] = []): boolean {
  const { fold } = forms;
  let p = trimQualifiers(forms, g, from, to);
  let q = p;
  while (q > from && fold[q - 1] === ' ') q--;
  // "A en el semestre (B …)": a bracket opened right before the equivalent.
  const bracket = fold[q - 1] === '(';
  if (bracket) p = q - 1;
  // A year may stand among the words ("pour l'exercice 2024, soit environ B"), not a figure.
  const words = withoutFigures(fold, from, p, rates);
  if (words.length > WORDS_BEFORE_CONNECTOR || /[\d().;:!?\[\]]/.test(words)) return false;
  if (bracket || connectorAmong(forms, g, from, p)) return true;
  if (p === to) return false;
  return ',—–'.includes(fold[q - 1] ?? 'x') || (fold[q - 1] === '-' && fold[q - 2] === '-');
}

/** A strong connector among the few words (no figure) that open a sentence before its first amount. */
function connectorOpens(forms: TextForms, g: Grammar, sentenceStart: number, to: number, rates: readonly Span[]): boolean {
  const p = trimQualifiers(forms, g, sentenceStart, to);
  const from = Math.max(sentenceStart, p - WORDS_BEFORE_CONNECTOR);
  if (/[\d()\[\]]/.test(withoutFigures(forms.fold, from, p, rates))) return false;
  return connectorAmong(forms, g, from, p);
}

/**
 * The text between two offsets with what may stand among the words of an equivalence blanked: a
 * year ("pour l'exercice 2024, soit environ B"), a rate quote's figure ("beim Kurs von 1.405,6
 * Won je Dollar gut B"), a name in brackets. Other figures stay, and stop the equivalence.
 */
function withoutFigures(fold: string, from: number, to: number, rates: readonly Span[]): string {
  let out = '';
  let at = from;
  for (let k = countBelow(rates, from, (r) => r.end); k < rates.length && rates[k]!.start < to; k++) {
    const r = rates[k]!;
    const start = Math.max(at, r.start);
    out += fold.slice(at, start) + 'rate';
    at = Math.min(to, r.end);
  }
  out += fold.slice(at, to);
  // A name in brackets ("le tether (USDT) en tête") is words too, and so is a count ("sur les
  // dernières 24 heures"): two amounts in a row have no money between them. A percentage
  // still stops the equivalence.
  return out
    .replace(/\b(?:19|20)\d\d\b/g, 'year')
    .replace(/\([^()\d]{1,24}\)/g, 'name')
    .replace(/\d+(?:[.,]\d+)?(?!\s*[\d%])/g, 'count');
}

/** The start of the qualifiers ("soit quasiment", "약", "gut") that end right before `to`. */
function trimQualifiers(forms: TextForms, g: Grammar, from: number, to: number): number {
  const { key, fold } = forms;
  let p = to;
  const back = () => {
    while (p > from && fold[p - 1] === ' ') p--;
  };
  back();
  for (let guard = 0; guard < 4; guard++) {
    const q = g.qualifiersBefore.longest(key, fold, p);
    if (!q || q.end < from) break;
    p = q.end;
    back();
  }
  return p;
}

/** A strong equivalence connector at a word start between two offsets ("환산액을": with its particle). */
function connectorAmong(forms: TextForms, g: Grammar, from: number, to: number): boolean {
  const { key, fold } = forms;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const found = g.equivalence.longest(key, fold, i, { hangulAttach: true, accept: (end) => end <= to });
    if (found && found.value === 'strong') return true;
  }
  return false;
}

function isListWord(g: Grammar, text: string): boolean {
  const found = g.listSeparators.longest(text, text, 0);
  return found !== null && found.end === text.length;
}

/**
 * Reads the words between two amounts: opening punctuation, connectors and qualifiers, nothing
 * else. `connectorOnly`: a sentence start, where only a connector (and qualifiers) may stand.
 */
export function gapStrength(forms: TextForms, g: Grammar, from: number, to: number, connectorOnly = false): Strength | null {
  const { key, fold } = forms;
  if (to - from > 60) return null;
  let p = from;
  const skip = () => {
    while (p < to && (fold[p] === ' ' || fold[p] === '\u00A0')) p++;
  };
  let bracket = false;
  let punctuation = false;
  let connector: 'strong' | 'weak' | null = null;
  skip();
  if (!connectorOnly) {
    if (fold[p] === '(' || fold[p] === '[') {
      bracket = true;
      p++;
    } else if (',;:—–-/'.includes(fold[p] ?? 'x') && p < to) {
      punctuation = true;
      p++;
      skip();
      if (fold[p] === '(') {
        bracket = true;
        p++;
      }
    }
  }
  for (let guard = 0; guard < 6; guard++) {
    skip();
    if (p >= to) break;
    const eq = g.equivalence.longest(key, fold, p, { hangulAttach: true, accept: (e) => e <= to });
    if (eq) {
      if (connector !== 'strong') connector = eq.value;
      p = eq.end;
      continue;
    }
    const q = g.qualifiersForward.longest(key, fold, p, { hangulAttach: true, accept: (e) => e <= to }) ?? g.rangeOpenersForward.longest(key, fold, p, { accept: (e) => e <= to });
    if (q) {
      p = q.end;
      continue;
    }
    if (!connectorOnly && (fold[p] === '(' || fold[p] === '—' || fold[p] === '–' || fold[p] === ',')) {
      if (fold[p] === '(') bracket = true;
      p++;
      continue;
    }
    break;
  }
  skip();
  if (p < to) return null;
  if (connectorOnly) return connector === 'strong' ? 'strong' : null;
  if (bracket || connector === 'strong') return 'strong';
  if (connector === 'weak') return 'weak';
  return punctuation ? 'apposition' : null;
}

/** The rate two amounts imply is of the right order for their currencies. */
export function plausiblePair(a: AmountSpan, b: AmountSpan): boolean {
  const [base] = marketOrder(a.currency, b.currency);
  const [x, y] = base === a.currency ? [a, b] : [b, a];
  return plausibleRate(x.currency, y.currency, toNumber(y.decimal) / toNumber(x.decimal), 3);
}
