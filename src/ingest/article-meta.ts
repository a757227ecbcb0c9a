import { type ArticleMeta, EMPTY_META } from '../document.js';

/** Longest kept text field: a byline or a site name, never a paragraph. */
export const META_MAX_CHARS = 300;
/** Longest kept address: a cut URL points nowhere, so a longer one is dropped rather than cut. */
const URL_MAX_CHARS = 2048;
/** Longest date string read: any real date-time is far shorter. */
const DATE_MAX_CHARS = 64;
/** Most names read from one author list. */
const MAX_NAMES = 20;

/** Metadata as a source gives it, before it is checked: any field may be anything. */
export type MetaFields = { [K in keyof ArticleMeta]?: unknown };

/** Checked metadata: text trimmed, spaces collapsed and capped, dates ISO 8601, URLs http(s); an empty or unusable field is null. */
export function normaliseMeta(fields: MetaFields | null | undefined): ArticleMeta {
  if (!fields) return { ...EMPTY_META };
  return {
    published: normalisePublished(fields.published),
    author: metaText(fields.author),
    outlet: metaText(fields.outlet),
    url: normaliseUrl(fields.url),
    section: metaText(fields.section),
  };
}

/** Field by field, the first source that knows it: sources come in order of trust. */
export function firstKnown(...sources: ArticleMeta[]): ArticleMeta {
  const meta: ArticleMeta = { ...EMPTY_META };
  for (const key of Object.keys(meta) as Array<keyof ArticleMeta>) meta[key] = sources.find((s) => s[key] !== null)?.[key] ?? null;
  return meta;
}

/** A string field, trimmed with its spaces collapsed and capped at META_MAX_CHARS; null when empty or not a string. */
export function metaText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.slice(0, META_MAX_CHARS * 4).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > META_MAX_CHARS ? text.slice(0, META_MAX_CHARS).trimEnd() : text;
}

/** An absolute http(s) address, or null. */
export function normaliseUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > URL_MAX_CHARS || !/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).href;
  } catch {
    return null;
  }
}

// Anchored, and every part a fixed run of digits: no backtracking.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
// Zones JavaScript reads; a named one is converted to UTC.
const ZONE_AT_END = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)|[+-]\d{4})$/i;

/**
 * A publication time as ISO 8601, keeping what the source gives: a day (`2025-03-14`) or a
 * date-time with its offset (`2025-03-14T09:30:00+01:00`), so the day stays the one the outlet
 * printed. Other forms JavaScript reads (RFC 2822, as RSS writes them) are converted; null when
 * the value is not a date.
 */
export function normalisePublished(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > DATE_MAX_CHARS) return null;
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    if (!validDay(+y!, +mo!, +d!)) return null;
    const day = `${y}-${mo}-${d}`;
    if (h === undefined) return day;
    if (+h > 23 || +mi! > 59 || (s !== undefined && +s > 59)) return null;
    return `${day}T${h}:${mi}${s !== undefined ? `:${s}${fraction ?? ''}` : ''}${zone ? offset(zone) : ''}`;
  }
  const slashed = SLASHED_DATE.exec(text);
  if (slashed) {
    const [y, mo, d] = [+slashed[1]!, +slashed[2]!, +slashed[3]!];
    return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return parsedByJavaScript(text);
}

function parsedByJavaScript(text: string): string | null {
  // Only forms with letters (month names): bare numbers are timestamps or ids, not dates as given.
  if (!/[a-z]/i.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const zone = ZONE_AT_END.exec(text)?.[0];
  if (zone) {
    // The wall time at the offset given, as the source printed it.
    const minutes = /^[+-]\d{4}$/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(3)) : 0;
    const wall = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
    return `${wall}${minutes === 0 ? 'Z' : offset(zone)}`;
  }
  // Without a zone, JavaScript reads the text as local time; the local fields give it back as written.
  const at = new Date(ms);
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  if (at.getHours() === 0 && at.getMinutes() === 0 && at.getSeconds() === 0) return day;
  return `${day}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

function offset(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Names as JSON gives people and organisations: a string, an object with a `name`, or an array
 * of them (joined with ", "). `resolve` finds the node a `{"@id": …}` reference points to
 * (JSON-LD graphs name authors once and refer to them). Addresses are not names.
 */
export function namesOf(value: unknown, resolve?: (id: string) => unknown): string | null {
  const names: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (names.length >= MAX_NAMES || depth > 2) return;
    if (typeof v === 'string') {
      const name = metaText(v);
      if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
    } else if (Array.isArray(v)) {
      for (const item of v.slice(0, MAX_NAMES)) visit(item, depth + 1);
    } else if (v !== null && typeof v === 'object') {
      const node = v as Record<string, unknown>;
      if (typeof node.name === 'string') visit(node.name, depth);
      else if (typeof node['@id'] === 'string' && resolve) {
        const target = resolve(node['@id']);
        if (target !== v && target && typeof target === 'object' && typeof (target as Record<string, unknown>).name === 'string') visit((target as Record<string, unknown>).name, depth);
      }
    }
  };
  visit(value, 0);
  return names.length > 0 ? metaText(names.join(', ')) : null;
}
