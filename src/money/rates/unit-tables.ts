import type { Grammar } from '../compile-grammar.js';
import { toNumber } from '../decimal.js';
import { readDigits } from '../read-number.js';
import { isWordUnit } from '../match-key.js';
import { grammarAt } from './clauses.js';
import { plausibleFor, toRate } from './plausible-rates.js';
import type { RateContext, RateSpan } from './rate-types.js';

// Central banks' parity tables as the wires print them, one currency a line (Xinhua's daily
// yuan fixing in French and Spanish):
//
//   Monnaie Unité Parité intermédiaire (RMB)
//   Dollar US 100 663,12
//   Ringgit malaisien 60,508 100
//
// A header that names the unit column and the currency of the values, then rows of a currency
// name, its units and its price; or, units last, what that many units of the header's currency
// buy of the row's.

/** How many lines after its header a table's rows may run. */
const TABLE_LINES = 40;

/** How long a row's currency name may be ("Dollar néo-zélandais"). */
const NAME_REACH = 40;

/** How long a table's header or row may be. */
const LINE_LENGTH = 90;

const UNITS = new Set([1, 10, 100, 1000, 10000]);

/** Quotes read from parity tables; skips rows whose figure is already a quote. Linear in the text. */
export function unitTableRates(ctx: RateContext, rates: readonly RateSpan[]): RateSpan[] {
  const { fold } = ctx.forms;
  const taken = new Set(rates.map((r) => r.start));
  const out: RateSpan[] = [];
  let header: { code: string; line: number } | null = null;
  let line = 0;
  for (let start = 0; start < fold.length; line++) {
    let end = fold.indexOf('\n', start);
    if (end === -1) end = fold.length;
    const g = grammarAt(ctx.segments, start);
    // Headers and rows are short lines; a paragraph is neither.
    if (g && g.tableUnits.count > 0 && end - start <= LINE_LENGTH) {
      const named = headerCurrency(ctx, g, start, end);
      if (named) header = { code: named, line };
      else if (header && line - header.line <= TABLE_LINES) {
        const row = tableRow(ctx, g, start, end, header.code);
        if (row && !taken.has(row.start)) out.push(row);
      }
    }
    start = end + 1;
  }
  return out;
}

/** A header line: a unit column word and the currency its values are in ("Parité intermédiaire (RMB)"). */
function headerCurrency(ctx: RateContext, g: Grammar, start: number, end: number): string | null {
  const { key, fold } = ctx.forms;
  const wordStart = (i: number) => i === 0 || !isWordUnit(key.charCodeAt(i - 1)) || !isWordUnit(key.charCodeAt(i));
  let units = false;
  for (let i = start; i < end && !units; i++) {
    if (wordStart(i) && g.tableUnits.longest(key, fold, i, { accept: (e) => e <= end && !isWordUnit(key.charCodeAt(e)) })) units = true;
  }
  if (!units) return null;
  let code: string | null = null;
  for (let i = start; i < end; i++) {
    if (!wordStart(i)) continue;
    const mention = g.mentions.longest(key, fold, i, { accept: (e) => e <= end });
    if (mention && !mention.value.subunit) code = ctx.resolve(mention.value.code);
  }
  return code;
}

/** A row: a currency name at the line's start, then exactly two figures, the units and the price. */
function tableRow(ctx: RateContext, g: Grammar, start: number, end: number, headerCode: string): RateSpan | null {
  const { key, fold } = ctx.forms;
  const mention = g.mentions.longest(key, fold, start, { accept: (e) => e <= Math.min(end, start + NAME_REACH) });
  if (!mention || mention.value.subunit) return null;
  const rowCode = ctx.resolve(mention.value.code);
  if (rowCode === headerCode) return null;
  // The name may go on past what the currency trie knows ("Dollar US", "Rand sud-africain").
  let at = mention.end;
  while (at < end && at - start <= NAME_REACH && !/\d/.test(fold[at]!)) at++;
  // The figures, split at spaces; a space may also group thousands ("Rouble russe 1 215,30 100").
  const tokens: Array<{ start: number; end: number }> = [];
  while (at < end && tokens.length < 4) {
    if (fold[at] === ' ' || fold[at] === '\t') {
      at++;
      continue;
    }
    const tokenEnd = nextSpace(fold, at, end);
    tokens.push({ start: at, end: tokenEnd });
    at = tokenEnd;
  }
  const read = (from: number, to: number) => {
    const r = readDigits(fold.slice(from, to), 0, g.digits);
    return r && r.end === to - from ? { start: from, end: to, value: toNumber(r.value), decimal: r.value } : null;
  };
  const pairs: Array<[number, number, number, number]> =
    tokens.length === 2 ? [[0, 0, 1, 1]] : tokens.length === 3 ? [[0, 1, 2, 2], [0, 0, 1, 2]] : [];
  let figures: Array<NonNullable<ReturnType<typeof read>>> = [];
  for (const [a, b, c, d] of pairs) {
    const first = read(tokens[a]!.start, tokens[b]!.end);
    const second = read(tokens[c]!.start, tokens[d]!.end);
    if (first && second && UNITS.has(first.value) !== UNITS.has(second.value)) {
      figures = [first, second];
      break;
    }
  }
  if (figures.length !== 2) return null;
  const [first, second] = figures as [(typeof figures)[number], (typeof figures)[number]];
  // Units first: the row's currency priced in the header's; units last: the other way round.
  const unitsFirst = UNITS.has(first.value) && !UNITS.has(second.value);
  const unitsLast = UNITS.has(second.value) && !UNITS.has(first.value);
  if (unitsFirst === unitsLast) return null;
  const [price, units] = unitsFirst ? [second, first.value] : [first, second.value];
  const [base, quote] = unitsFirst ? [rowCode, headerCode] : [headerCode, rowCode];
  if (!plausibleFor(base, quote, price.value / units)) return null;
  return toRate(base, quote, { start: price.start, end: price.end, value: price.decimal, currency: null, amount: -1 }, units);
}

function nextSpace(fold: string, at: number, end: number): number {
  let i = at;
  while (i < end && fold[i] !== ' ' && fold[i] !== '\t') i++;
  return i;
}
