import { currency } from './currencies.js';
import { type Decimal, shiftedString, significantDigits, toNumber } from './decimal.js';

const SCALES: Array<[number, string]> = [
  [12, 'trillion'],
  [9, 'billion'],
  [6, 'million'],
];

export interface RenderOptions {
  approx?: boolean;
  bound?: 'over' | 'under' | null;
  /** Unit of a per-unit price, in English ("month", "share"). */
  per?: string | null;
  /** Decimals as printed, kept when the figure is written in full ("7,50 Euro" → "€7.50"). */
  decimals?: number;
}

/**
 * English rendering of an amount from its exact value: "₩728 trillion", "US$6.9 billion",
 * "C$45,000", "over US$2 billion", "₩45,000 per month". Digits are those the value has, never
 * more (no "728,000 billion").
 */
export function renderAmount(code: string, value: Decimal, options: RenderOptions = {}): string {
  const c = currency(code);
  const number = renderNumber(value, options.decimals ?? 0);
  let out = `${c.english}${c.spaced ? ' ' : ''}${number}`;
  if (options.bound === 'over') out = `over ${out}`;
  else if (options.bound === 'under') out = `under ${out}`;
  else if (options.approx) out = `about ${out}`;
  // "US$8 billion each", not "per each".
  if (options.per) out += options.per === 'each' ? ' each' : ` per ${options.per}`;
  return out;
}

export function renderNumber(value: Decimal, decimals = 0): string {
  const n = toNumber(value);
  // A figure printed to the unit ("1 234 567 dollars") stays in full; a round one takes a word.
  if (significantDigits(value) <= MAX_SCALED_DIGITS) {
    for (const [power, word] of SCALES) {
      if (Math.abs(n) >= 10 ** power) return `${groupThousands(shiftedString(value, power))} ${word}`;
    }
  }
  return groupThousands(padFraction(shiftedString(value, 0), decimals));
}

function padFraction(plain: string, decimals: number): string {
  if (decimals <= 0) return plain;
  const [integer, fraction = ''] = plain.split('.');
  return fraction.length >= decimals ? plain : `${integer}.${fraction.padEnd(decimals, '0')}`;
}

/** More significant digits than this read better in full than before a scale word. */
const MAX_SCALED_DIGITS = 6;

function groupThousands(plain: string): string {
  const [integer, fraction] = plain.split('.');
  const grouped = integer!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** "₩728 trillion (US$506 billion)": the first as printed, its equivalent in brackets. */
export function renderPair(first: string, second: string): string {
  return `${first} (${second})`;
}
