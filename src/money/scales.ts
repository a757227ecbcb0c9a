/**
 * Scale words. French and English disagree on "billion" (10^12 in French, 10^9 in English) and
 * "trillion" (10^18 and 10^12), so which table applies depends on the paragraph's language.
 */
export interface ScaleMatch {
  /** Power of ten. */
  power: number;
  end: number;
  text: string;
  /** A single letter like M or G that is a scale only when a currency symbol follows. */
  letter: boolean;
}

const FRENCH_WORDS: Array<[RegExp, number]> = [
  [/mille milliards?/iuy, 12],
  [/milliards?/iuy, 9],
  [/millions?/iuy, 6],
  [/billions?/iuy, 12],
  [/trillions?/iuy, 18],
  [/mille/iuy, 3],
];
const ENGLISH_WORDS: Array<[RegExp, number]> = [
  [/thousand/iuy, 3],
  [/millions?/iuy, 6],
  [/billions?/iuy, 9],
  [/trillions?/iuy, 12],
  [/lakhs?/iuy, 5],
  [/crores?/iuy, 7],
  [/milliards?/iuy, 9],
];
// Abbreviations, case-sensitive: "Md", "Mds", "Mrd" (French milliard), bn/mn/tn, k, M, G, B.
const ABBREVIATIONS: Array<[RegExp, number, boolean]> = [
  [/Mds?|Mrds?/uy, 9, false],
  [/bn|Bn|bln/uy, 9, false],
  [/mn|mln/uy, 6, false],
  [/tn|trn/uy, 12, false],
  [/[kK]/uy, 3, true],
  [/M/uy, 6, true],
  [/m/uy, 6, true],
  [/[GB]/uy, 9, true],
];

/**
 * Reads a scale word at `at`. `attached` says no space separates it from the number ("5bn",
 * "45k$"); single letters are accepted only if `symbolFollows` or the number had a prefix
 * currency ("$5m").
 */
export function readScale(text: string, at: number, english: boolean): ScaleMatch | null {
  for (const [re, power] of english ? ENGLISH_WORDS : FRENCH_WORDS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && !/[\p{L}]/u.test(text[at + m[0].length] ?? '')) return { power, end: at + m[0].length, text: m[0], letter: false };
  }
  for (const [re, power, letter] of ABBREVIATIONS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && !/[\p{L}\d]/u.test(text[at + m[0].length] ?? '')) return { power, end: at + m[0].length, text: m[0], letter };
  }
  return null;
}
