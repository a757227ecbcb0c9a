import type { ArticleMeta } from '../document.js';
import { InputError } from '../errors.js';
import { metaText, namesOf, normalisePublished, normaliseUrl } from './article-meta.js';
import { extractHtml } from './extract-html.js';

export interface ParsedJsonArticle {
  title: string | null;
  /** Publication date as the JSON gives it, or null. */
  date: string | null;
  /** Address, author, outlet, section and publication time from the article's fields. */
  meta: ArticleMeta;
  text: string;
}

const BODY_KEYS = ['text', 'body', 'content', 'article'] as const;
const DATE_KEYS = ['date', 'datePublished', 'published', 'publishedAt', 'published_at', 'pubDate', 'publicationDate'] as const;
// Each list in the order of trust: the first key that gives a usable value wins.
const URL_KEYS = ['url', 'link', 'canonical_url', 'canonicalUrl'] as const;
const AUTHOR_KEYS = ['author', 'byline', 'authors'] as const;
const OUTLET_KEYS = ['source', 'outlet', 'publisher', 'site', 'site_name', 'siteName'] as const;
const SECTION_KEYS = ['section', 'category'] as const;

/** Reads `{title, text|body}` (the shape news APIs and scrapers emit). */
export function parseJsonArticle(source: string, path?: string): ParsedJsonArticle {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new InputError(
      'INPUT_NOT_ARTICLE',
      `The file is not valid JSON (${(error as Error).message}). A JSON article is an object like {"title": "…", "text": "…"}.`,
      { path, cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      'INPUT_NOT_ARTICLE',
      `The JSON holds ${Array.isArray(value) ? 'an array' : typeof value}, not an article object. A JSON article is an object like {"title": "…", "text": "…"}.`,
      { path },
    );
  }
  const record = value as Record<string, unknown>;
  const key = BODY_KEYS.find((k) => typeof record[k] === 'string' && (record[k] as string).trim() !== '');
  if (!key) {
    const keys = Object.keys(record).slice(0, 8).join(', ') || 'none';
    throw new InputError(
      'INPUT_NOT_ARTICLE',
      `The JSON object has no non-empty "text" or "body" field (its keys: ${keys}), so it is not an article. A JSON article is an object like {"title": "…", "text": "…"}.`,
      { path },
    );
  }
  const title = typeof record.title === 'string' && record.title.trim() ? record.title.trim() : null;
  const dateKey = DATE_KEYS.find((k) => typeof record[k] === 'string' && (record[k] as string).trim() !== '');
  const date = dateKey ? (record[dateKey] as string).trim() : null;
  const body = record[key] as string;
  const meta = jsonMeta(record, date);
  // Some feeds put the page's HTML in the body; read it like a page rather than keep the tags.
  if (/<(p|div|br|article|h[1-6])[\s>/]/i.test(body)) {
    const html = extractHtml(`<html><head><title>${title ?? ''}</title></head><body><article>${body}</article></body></html>`, path);
    return { title: title ?? html.title, date: date ?? html.date, meta, text: html.text };
  }
  return { title, date, meta, text: body };
}

/**
 * The article's metadata as news APIs and scrapers write it: names may be strings, objects with
 * a `name` (`"source": {"id": "le-monde", "name": "Le Monde"}`) or arrays of either.
 */
function jsonMeta(record: Record<string, unknown>, date: string | null): ArticleMeta {
  const first = <T>(keys: readonly string[], read: (value: unknown) => T | null): T | null => {
    for (const k of keys) {
      const value = read(record[k]);
      if (value !== null) return value;
    }
    return null;
  };
  return {
    published: normalisePublished(date),
    author: first(AUTHOR_KEYS, (v) => namesOf(v)),
    outlet: first(OUTLET_KEYS, (v) => namesOf(Array.isArray(v) ? v[0] : v)),
    url: first(URL_KEYS, normaliseUrl),
    section: first(SECTION_KEYS, (v) => (Array.isArray(v) ? metaText(v.filter((s) => typeof s === 'string').join(', ')) : metaText(v))),
  };
}
