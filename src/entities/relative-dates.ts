import { foldForMatching } from '../ingest/normalise-text.js';
import { languagePack } from '../lang/registry.js';
import type { LanguagePack } from '../lang/types.js';
import { isWordUnit, matchKey } from '../money/match-key.js';
import { PhraseTrie } from '../money/phrase-trie.js';

export type DateUnit = 'day' | 'week' | 'month' | 'year';

/** What a relative date phrase means, before it is placed on the calendar. */
export type RelativeMeaning =
  | { kind: 'offset'; unit: DateUnit; offset: number }
  /** `weekday` 1 (Monday) to 7 (Sunday), ISO numbering. */
  | { kind: 'weekday'; weekday: number; direction: 'bare' | 'last' | 'next' }
  /** A phrase listed so that the date word inside it is not read ("la mañana"). */
  | { kind: 'none' };

export interface RelativeDate {
  start: number;
  end: number;
  text: string;
  meaning: Exclude<RelativeMeaning, { kind: 'none' }>;
}

const tries = new Map<string, PhraseTrie<RelativeMeaning>>();

/** The pack's relative date phrases in one trie, built once per language. */
function trieOf(pack: LanguagePack): PhraseTrie<RelativeMeaning> {
  let trie = tries.get(pack.code);
  if (trie) return trie;
  trie = new PhraseTrie<RelativeMeaning>();
  const words = pack.relativeDates;
  const exact = new Set(words.caseSensitive ?? []);
  const add = (phrase: string, meaning: RelativeMeaning) => trie!.add(phrase, meaning, exact.has(phrase));
  const units = [['days', 'day'], ['weeks', 'week'], ['months', 'month'], ['years', 'year']] as const;
  for (const [field, unit] of units) for (const [phrase, offset] of Object.entries(words[field])) add(phrase, { kind: 'offset', unit, offset });
  words.weekdays.forEach((forms, index) => {
    const weekday = index + 1;
    for (const form of forms) {
      add(form, { kind: 'weekday', weekday, direction: 'bare' });
      for (const direction of ['last', 'next'] as const) {
        const modifiers = direction === 'last' ? words.lastWeekday : words.nextWeekday;
        for (const before of modifiers.before) add(`${before} ${form}`, { kind: 'weekday', weekday, direction });
        for (const after of modifiers.after) add(`${form} ${after}`, { kind: 'weekday', weekday, direction });
      }
    }
  });
  for (const phrase of words.notDates) add(phrase, { kind: 'none' });
  tries.set(pack.code, trie);
  return trie;
}

/**
 * Relative dates ("hier", "mardi dernier", "la semaine prochaine", "last year", "지난해") in the
 * words of the given languages' packs. Each language is read in one pass over the word starts,
 * the longest phrase at each (a trie walk: linear in the text); where two languages find
 * overlapping phrases, the earlier and then the longer wins.
 */
export function findRelativeDates(text: string, languages: readonly string[], matchText?: string): RelativeDate[] {
  const packs = [...new Set(languages)].map((code) => languagePack(code)).filter((p): p is LanguagePack => p !== null);
  if (packs.length === 0) return [];
  // The document's folded text, when the caller has it: folding the whole article again is the
  // costliest step here.
  const key = matchKey(matchText ?? foldForMatching(text));
  const found: RelativeDate[] = [];
  for (const pack of packs) {
    const trie = trieOf(pack);
    let i = 0;
    while (i < key.length) {
      const code = key.charCodeAt(i);
      if (!isWordUnit(code) || (i > 0 && isWordUnit(key.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      // Korean particles attach to the word before them ("지난해보다", "화요일에").
      const match = trie.longest(key, text, i, { hangulAttach: true });
      if (!match) {
        i++;
        continue;
      }
      if (match.value.kind !== 'none') found.push({ start: i, end: match.end, text: text.slice(i, match.end), meaning: match.value });
      i = match.end;
    }
  }
  return withoutOverlaps(found);
}

/** Spans in text order, none overlapping: of two that start together the longer, then the first given (the sort is stable). */
export function withoutOverlaps<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) if (kept.length === 0 || span.start >= kept[kept.length - 1]!.end) kept.push(span);
  return kept;
}

const DAY_MS = 86_400_000;

/**
 * The calendar value of a relative date, against the publication day (YYYY-MM-DD): `YYYY-MM-DD`
 * for a day, `YYYY-Www` (ISO week) for a week, `YYYY-MM` for a month, `YYYY` for a year. A bare
 * weekday is the latest such day on or before publication: news reports what happened ("a
 * déclaré mardi"), so a Tuesday in an article of Thursday is two days before. "Last" Tuesday is
 * the latest strictly before; "next" Tuesday the first strictly after.
 */
export function resolveRelativeDate(meaning: RelativeDate['meaning'], published: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!match) return null;
  const [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  const day = Date.UTC(y, m - 1, d);
  if (Number.isNaN(day)) return null;
  if (meaning.kind === 'weekday') {
    const today = isoWeekday(day);
    let delta: number;
    if (meaning.direction === 'next') delta = (meaning.weekday - today + 7) % 7 || 7;
    else {
      const back = (today - meaning.weekday + 7) % 7;
      delta = -(meaning.direction === 'last' ? back || 7 : back);
    }
    return isoDay(day + delta * DAY_MS);
  }
  switch (meaning.unit) {
    case 'day':
      return isoDay(day + meaning.offset * DAY_MS);
    case 'week':
      return isoWeek(day + meaning.offset * 7 * DAY_MS);
    case 'month': {
      const months = y * 12 + (m - 1) + meaning.offset;
      return `${Math.floor(months / 12)}-${pad(((months % 12) + 12) % 12 + 1)}`;
    }
    case 'year':
      return String(y + meaning.offset);
  }
}

/** 1 (Monday) to 7 (Sunday). */
function isoWeekday(ms: number): number {
  return new Date(ms).getUTCDay() || 7;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO 8601 week: weeks start on Monday, and a week belongs to the year of its Thursday. */
function isoWeek(ms: number): string {
  const thursday = new Date(ms + (4 - isoWeekday(ms)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
