import { multiply, pow10, toNumber } from './decimal.js';
import type { AmountSpan } from './find-amounts.js';
import type { PairLink } from './link-pairs.js';
import { marketOrder, typicalRate } from './typical-rates.js';

/** A plausible rate is within this factor of the expected one; the other reading is 1000× off. */
const PLAUSIBLE = 3;

/**
 * Settles scale words that two conventions read differently (French "billion": 10^12, or the
 * English 10^9 many wires use; "trillion" as an anglicism) by the rate their pair implies: when
 * the word's reading makes the rate absurd and the other reading makes it sane, the amount takes
 * the other reading and says so (`scaleFrom: "pair"`), and so do the article's other amounts
 * written with the same word (`scaleFrom: "article"`). The expected rate comes from `expected`
 * (the article's unambiguous pairs and quotes, or the reference table), else the rough magnitude.
 * Mutates the amounts; returns the indexes it changed.
 */
export function settleScales(amounts: AmountSpan[], links: readonly PairLink[], expected: (base: string, quote: string) => number | null): number[] {
  const changed: number[] = [];
  const settledWords = new Map<string, number>();
  for (const link of links) {
    const a = amounts[link.a]!;
    const b = amounts[link.b]!;
    const readings = (x: AmountSpan) => (x.scaleWord?.alternative != null && x.scaleFrom === undefined ? [x.scaleWord.power, x.scaleWord.alternative] : [x.scale ?? 0]);
    const ra = readings(a);
    const rb = readings(b);
    if (ra.length === 1 && rb.length === 1) continue;
    const [base] = marketOrder(a.currency, b.currency);
    const [x, y, rx, ry] = base === a.currency ? [a, b, ra, rb] : [b, a, rb, ra];
    const want = expected(x.currency, y.currency) ?? typicalRate(x.currency, y.currency);
    if (want === null) continue;
    const rateWith = (px: number, py: number) => (toNumber(y.decimal) * 10 ** (py - (y.scale ?? 0))) / (toNumber(x.decimal) * 10 ** (px - (x.scale ?? 0)));
    const off = (r: number) => Math.abs(Math.log10(r / want));
    const current = rateWith(rx[0]!, ry[0]!);
    if (off(current) <= Math.log10(PLAUSIBLE)) continue;
    let bestPx = rx[0]!;
    let bestPy = ry[0]!;
    for (const px of rx) for (const py of ry) if (off(rateWith(px, py)) < off(rateWith(bestPx, bestPy))) [bestPx, bestPy] = [px, py];
    if (off(rateWith(bestPx, bestPy)) > Math.log10(PLAUSIBLE)) continue;
    for (const [amount, power, index] of [[x, bestPx, x === a ? link.a : link.b], [y, bestPy, y === a ? link.a : link.b]] as const) {
      if (amount.scale === power || !amount.scaleWord) continue;
      settledWords.set(wordKey(amount), power);
      rescale(amount, power, 'pair');
      changed.push(index);
    }
  }
  // The article's other amounts written with the same word take the same reading.
  if (settledWords.size > 0) {
    amounts.forEach((amount, i) => {
      if (!amount.scaleWord || amount.scaleFrom !== undefined) return;
      const power = settledWords.get(wordKey(amount));
      if (power === undefined || power === amount.scale) return;
      rescale(amount, power, 'article');
      changed.push(i);
    });
  }
  return changed;
}

function wordKey(a: AmountSpan): string {
  return `${a.language}:${a.scaleWord!.form.toLowerCase()}`;
}

function rescale(amount: AmountSpan, power: number, from: 'pair' | 'article'): void {
  const shift = power - (amount.scale ?? 0);
  amount.decimal = multiply(amount.decimal, pow10(shift));
  amount.precision += shift;
  amount.scaleWord = { ...amount.scaleWord!, power, alternative: amount.scale };
  amount.scale = power;
  amount.scaleFrom = from;
}
