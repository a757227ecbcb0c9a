import { InputError } from '../errors.js';
import { extractHtml } from './extract-html.js';

export interface ParsedJsonArticle {
  title: string | null;
  /** Publication date as the JSON gives it, or null. */
  date: string | null;
  text: string;
}

const BODY_KEYS = ['text', 'body', 'content', 'article'] as const;
const DATE_KEYS = ['date', 'datePublished', 'published', 'publishedAt', 'published_at', 'pubDate', 'publicationDate'] as const;

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
  // Some feeds put the page's HTML in the body; read it like a page rather than keep the tags.
  if (/<(p|div|br|article|h[1-6])[\s>/]/i.test(body)) {
    const html = extractHtml(`<html><head><title>${title ?? ''}</title></head><body><article>${body}</article></body></html>`, path);
    return { title: title ?? html.title, date: date ?? html.date, text: html.text };
  }
  return { title, date, text: body };
}
