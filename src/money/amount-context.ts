import type { AmountContext } from './find-amounts.js';

const CANADIAN_CURRENCY = /\$ ?CA\b|\$ ?CAN\b|\bCA\$|\bC\$|dollars? canadiens?|\bCAD\b|\d ?[GMk]\$/gu;
const CANADIAN_PLACES = /\b(?:Québec|Quebec|Ottawa|Montréal|Toronto|Canada|Ontario|Alberta|Colombie-Britannique|Manitoba|Saskatchewan)\b|québécois|canadien/giu;
const CHINESE = /\byuans?\b|renminbi|\bCNY\b|\bRMB\b|\bChine\b|\bPékin\b|\bChina\b|\bBeijing\b/giu;
const JAPANESE = /\byens?\b|\bJPY\b|\bJapon\b|\bTokyo\b|\bJapan\b/giu;

/**
 * What the article as a whole says about unqualified currency signs. Canadian writers mark
 * US dollars ("$ US") and leave their own bare: a Canadian currency form, or several Canadian
 * places, make a bare "$" a Canadian dollar. More Chinese than Japanese cues make "¥" a yuan.
 */
export function detectAmountContext(text: string): AmountContext {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    canadian: count(CANADIAN_CURRENCY) >= 1 || count(CANADIAN_PLACES) >= 3,
    chinese: count(CHINESE) > count(JAPANESE),
  };
}
