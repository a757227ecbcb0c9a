import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PrecisError } from '../errors.js';

/**
 * A table of reference exchange rates by day, as the European Central Bank publishes them:
 * units of each currency for one euro. Any cross rate is derived through the euro.
 */
export interface ReferenceTable {
  /** ISO dates, ascending. */
  dates: string[];
  /** Date → currency → units per euro (EUR itself is 1). */
  rates: Map<string, Map<string, number>>;
  /** Where the table came from, for the record. */
  source: string;
}

export interface ReferenceRate {
  /** Units of `quote` for one `base`. */
  rate: number;
  /** The day of the table the rate comes from (the article's date, or the last business day before it). */
  date: string;
}

/** A reference rate older than this many days before the article's date is not used. */
const MAX_AGE_DAYS = 10;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Parses the ECB's euro reference-rate CSV as users download it: the daily file
 * (`Date, USD, JPY, …` then `29 November 2024, 1.0565, 158.26, …`) or the history
 * (`Date,USD,JPY,…` then one `2024-11-29,1.0565,158.26,…` row per business day, `N/A` where a
 * currency was not quoted). Throws `REFERENCE_RATES_INVALID` naming the line at fault.
 */
export function parseEcbCsv(text: string, source: string): ReferenceTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const invalid = (line: number, what: string) =>
    new PrecisError('REFERENCE_RATES_INVALID', `${source}, line ${line}: ${what}. Expected the ECB euro reference-rate CSV (Date,USD,JPY,…), as downloaded from the ECB's website.`);
  if (lines.length < 2) throw invalid(1, 'no header and rows');
  const header = lines[0]!.split(',').map((h) => h.trim());
  if (header[0]!.toLowerCase() !== 'date') throw invalid(1, `the first column is "${header[0]}", not Date`);
  const codes = header.slice(1);
  for (const c of codes) if (c !== '' && !/^[A-Z]{3}$/.test(c)) throw invalid(1, `"${c}" is not a currency code`);
  const rates = new Map<string, Map<string, number>>();
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n]!.split(',').map((c) => c.trim());
    const date = parseDate(cells[0]!);
    if (!date) throw invalid(n + 1, `"${cells[0]}" is not a date`);
    const day = new Map<string, number>([['EUR', 1]]);
    codes.forEach((code, k) => {
      const cell = cells[k + 1];
      if (!code || cell === undefined || cell === '' || cell === 'N/A') return;
      const value = Number(cell);
      if (!(value > 0)) throw invalid(n + 1, `the ${code} rate "${cell}" is not a positive number`);
      day.set(code, value);
    });
    rates.set(date, day);
  }
  return { dates: [...rates.keys()].sort(), rates, source };
}

/** Reads and parses an ECB reference-rate CSV file. */
export async function readReferenceRates(path: string): Promise<ReferenceTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw notFound(path, error);
  }
  return parseEcbCsv(text, path);
}

/** The same, synchronously: for a pipeline's start, where a missing file must fail at once. */
export function readReferenceRatesSync(path: string): ReferenceTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw notFound(path, error);
  }
  return parseEcbCsv(text, path);
}

function notFound(path: string, error: unknown): PrecisError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new PrecisError('REFERENCE_RATES_NOT_FOUND', `Could not read the reference rates ${path} (${reason}). Give the path of the ECB CSV file (eurofxref.csv or eurofxref-hist.csv), as downloaded from the ECB's website.`, { cause: error, path });
}

/** Units of `quote` for one `base` on `date` (or the last business day before it, within ten days). */
export function referenceRate(table: ReferenceTable, base: string, quote: string, date: string): ReferenceRate | null {
  // The last table day on or before the date.
  let lo = 0;
  let hi = table.dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (table.dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = found; k >= 0; k--) {
    const day = table.dates[k]!;
    if (daysBetween(day, date) > MAX_AGE_DAYS) return null;
    const rates = table.rates.get(day)!;
    const b = rates.get(base);
    const q = rates.get(quote);
    if (b !== undefined && q !== undefined) return { rate: q / b, date: day };
  }
  return null;
}

/** "2024-11-29", "29 November 2024", "2024/11/29" → "2024-11-29". */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  if (long) {
    const month = MONTHS.indexOf(long[2]!.toLowerCase()) + 1;
    return month ? valid(Number(long[3]), month, Number(long[1])) : null;
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;
}
