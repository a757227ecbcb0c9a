import type { Entity, Mention } from './entity-types.js';
import { findRelativeDates, isoDay, resolveRelativeDate, withoutOverlaps } from './relative-dates.js';

const NUMBER = String.raw`\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const PERCENT = new RegExp(String.raw`(?<![\p{L}\d])(?:${NUMBER})\s?(?:%|pour\s?cent|pourcent|percent|per cent)(?![\p{L}])`, 'gu');
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAYS_FR = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const DAYS_EN = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const YEAR = String.raw`(?:1[89]|20)\d\d`;
const DATE = new RegExp(
  [
    // le 3 novembre 2025, 1er mars, 3 novembre
    String.raw`(?:(?:${DAYS_FR})\s)?(?:1er|\d{1,2})\s(?:${MONTHS_FR})(?:\s${YEAR})?`,
    // November 3, 2025 / 3 November 2025
    String.raw`(?:${MONTHS_EN})\s\d{1,2}(?:,\s${YEAR})?`,
    String.raw`\d{1,2}\s(?:${MONTHS_EN})(?:\s${YEAR})?`,
    // novembre 2025, en décembre
    String.raw`(?:${MONTHS_FR}|${MONTHS_EN})(?:\s${YEAR})?`,
    String.raw`(?:${DAYS_FR}|${DAYS_EN})`,
    // fiscal years and spans: 2026-2027, de 1998 à 2003 (each year), en 2024
    String.raw`${YEAR}[-–]${YEAR}`,
    String.raw`(?<=(?<![\p{L}])(?:en|depuis|de|à|et|d'ici|avant|après|in|since|by|from|to|until|and)\s)${YEAR}`,
    String.raw`(?<=(?<![\p{L}])(?:les années|the)\s)${YEAR}s?`,
  ]
    .map((alternative) => `(?<![\\p{L}\\d])(?:${alternative})(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
);

export interface QuantityOptions {
  /** Publication day (YYYY-MM-DD): relative dates get a `value` against it; without it, none. */
  date?: string | null;
  /** Languages (ISO 639-3) whose packs' relative date words are read ("hier", "last week"). */
  languages?: readonly string[];
  /** `text` folded for matching (the document's `matchText`), so it is not folded again. */
  matchText?: string;
}

interface DateSpan {
  start: number;
  end: number;
  text: string;
  value: string | null;
}

/**
 * Percentages and dates as entities (PERCENT, DATE), beside the MONEY spans the amounts give:
 * the spans a reader scans a brief for. Excluded spans (money) are skipped. A DATE has a
 * calendar `value` when it can be placed: a relative one against the publication day, an
 * absolute one when the text gives it whole ("14 mars 2025", "novembre 2025", "en 2024") or
 * with the publication year ("14 mars").
 */
export function findQuantities(text: string, exclude: ReadonlyArray<{ start: number; end: number }>, options: QuantityOptions = {}): Entity[] {
  const byText = new Map<string, Entity>();
  const overlapsExcluded = (start: number, end: number) => exclude.some((x) => start < x.end && end > x.start);
  const add = (type: 'PERCENT' | 'DATE', start: number, found: string, value: string | null) => {
    const end = start + found.length;
    if (overlapsExcluded(start, end)) return;
    const mention: Mention = { start, end, text: found };
    const key = `${type}:${found.toLowerCase().replace(/\s+/g, ' ')}`;
    const entity = byText.get(key);
    if (entity) entity.mentions.push(mention);
    else byText.set(key, { text: found.replace(/\s+/g, ' '), type, mentions: [mention], ...(value ? { value } : {}) });
  };
  for (const m of text.matchAll(PERCENT)) add('PERCENT', m.index!, m[0], null);
  for (const span of dateSpans(text, options)) add('DATE', span.start, span.text, span.value);
  return [...byText.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Absolute and relative dates, the longer where they overlap ("mardi 3 novembre" over "mardi"). */
function dateSpans(text: string, options: QuantityOptions): DateSpan[] {
  const published = options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : null;
  // Relative first, so that of two equal spans ("lundi") the one with a value is kept.
  const spans: DateSpan[] = findRelativeDates(text, options.languages ?? [], options.matchText).map((r) => ({
    start: r.start,
    end: r.end,
    text: r.text,
    value: published ? resolveRelativeDate(r.meaning, published) : null,
  }));
  for (const m of text.matchAll(DATE)) {
    const start = m.index!;
    spans.push({ start, end: start + m[0].length, text: m[0], value: absoluteValue(text, start, m[0], published) });
  }
  return withoutOverlaps(spans);
}

const MONTH_NUMBERS = new Map<string, number>([...MONTHS_FR.split('|').map((name, i) => [name, i + 1] as const), ...MONTHS_EN.toLowerCase().split('|').map((name, i) => [name, i + 1] as const)]);

/**
 * The calendar value of an absolute date when the text gives enough of it: a day with its month
 * (and its year, or the publication's), a month with its year, or a year alone. Decades ("les
 * années 1990"), spans ("2026-2027") and a bare month get none.
 */
function absoluteValue(text: string, start: number, found: string, published: string | null): string | null {
  if (/^\d{4}s?$/.test(found)) {
    if (found.endsWith('s') || /(?:années|the)\s$/i.test(text.slice(Math.max(0, start - 8), start))) return null;
    return found;
  }
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of found.toLowerCase().split(/[\s,]+/)) {
    if (MONTH_NUMBERS.has(token)) month = MONTH_NUMBERS.get(token)!;
    else if (/^\d{4}$/.test(token)) year = Number(token);
    else if (/^(?:\d{1,2}|1er)$/.test(token)) day = token === '1er' ? 1 : Number(token);
    else if (/^\d{4}[-–]\d{4}$/.test(token)) return null;
  }
  if (month === null) return null;
  if (day === null) return year === null ? null : `${year}-${pad(month)}`;
  year ??= published ? Number(published.slice(0, 4)) : null;
  if (year === null) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? isoDay(date.getTime()) : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
