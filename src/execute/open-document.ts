import type { ArticleMeta, Diagnostic, InputFormat, SourceInfo } from '../document.js';
import { normaliseMeta, normalisePublished } from '../ingest/article-meta.js';
import { parseDate } from '../money/reference-rates.js';
import { sha256 } from '../record.js';

/** An article given to the pipeline: its text and whatever is known of where it came from. */
export interface ArticleInput {
  text: string;
  id?: string;
  title?: string | null;
  source?: Partial<SourceInfo>;
  /** Diagnostics found before the pipeline (while reading the file). */
  warnings?: Diagnostic[];
  /** Publication date, YYYY-MM-DD (or an ISO date-time). */
  date?: string | null;
  /**
   * What is known of the article: `published` (ISO 8601), `author`, `outlet`, `url`, `section`.
   * Fields are trimmed and capped; an empty or unusable one is null.
   */
  meta?: Partial<ArticleMeta> | null;
}

/**
 * An article still in the bytes of its file or request body. Decoding and parsing (HTML, JSON,
 * Markdown) then run inside the pipeline's worker threads, under the article's deadline.
 */
export interface ArticleBytes {
  bytes: Uint8Array;
  id: string;
  /** Path of the file, for records and messages; null for a request body or standard input. */
  path?: string | null;
  /** Format from the file name or the request; sniffed from the content when null. */
  format?: InputFormat | null;
  /** Charset the transport declares (HTTP Content-Type), trusted over sniffing. */
  charset?: string | null;
  /** Byte offset of the article in a file of many (a JSONL line). */
  offset?: number | null;
}

export type AnyArticle = string | ArticleInput | ArticleBytes;

export function isArticleBytes(input: AnyArticle): input is ArticleBytes {
  return typeof input === 'object' && input !== null && (input as ArticleBytes).bytes instanceof Uint8Array;
}

/** What is known of an article before it is read, for the record of a failure to read it. */
export function sourceBeforeReading(input: ArticleBytes): SourceInfo {
  return {
    path: input.path ?? null,
    sha256: sha256(input.bytes),
    bytes: input.bytes.length,
    encoding: '',
    format: input.format ?? 'text',
    ...(typeof input.offset === 'number' ? { offset: input.offset } : {}),
  };
}

/** The id a record of this input will carry, known before any work. */
export function articleId(input: AnyArticle): string {
  if (isArticleBytes(input)) return input.id;
  const article = toArticleInput(input);
  return article.id ?? sha256(article.text).slice(0, 12);
}

/** Checks the shape of what a caller passed as an article; misuse is a TypeError. */
export function checkArticle(input: AnyArticle): void {
  if (isArticleBytes(input)) {
    if (typeof input.id !== 'string' || input.id === '') throw new TypeError('Expected an article given as bytes to have a string `id`.');
    return;
  }
  toArticleInput(input);
}

export function toArticleInput(input: string | ArticleInput): ArticleInput {
  if (typeof input === 'string') return { text: input };
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
    throw new TypeError(`Expected an article: a string, an object with a string \`text\`, or \`{id, bytes}\`; got \`${typeof input}\``);
  }
  return input;
}

/** An article's own date as YYYY-MM-DD; a date that cannot be read is a warning, not a failure. */
export function articleDate(value: string | null | undefined): { value: string | null; warnings: Diagnostic[] } {
  if (value === undefined || value === null || value === '') return { value: null, warnings: [] };
  const parsed = typeof value === 'string' ? (parseDate(value.trim()) ?? fromTimestamp(value)) : null;
  if (parsed) return { value: parsed, warnings: [] };
  return {
    value: null,
    warnings: [{ code: 'INVALID_DATE', stage: 'read', message: `The article's date "${String(value).slice(0, 40)}" could not be read; it is ignored. Give dates as YYYY-MM-DD.` }],
  };
}

function fromTimestamp(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/**
 * The article's metadata, checked, and its publication day: `published` when known (it is the
 * article's own time, as given), else `date`; `published` is `date` as ISO 8601 when only that
 * is given.
 */
export function articleMetaAndDate(article: ArticleInput): { meta: ArticleMeta; date: { value: string | null; warnings: Diagnostic[] } } {
  const meta = normaliseMeta(article.meta);
  meta.published ??= normalisePublished(article.date);
  return { meta, date: articleDate(meta.published ?? article.date) };
}

export function completeSource(article: ArticleInput): SourceInfo {
  return {
    path: article.source?.path ?? null,
    sha256: article.source?.sha256 ?? sha256(article.text),
    bytes: article.source?.bytes ?? Buffer.byteLength(article.text, 'utf8'),
    encoding: article.source?.encoding ?? 'utf-8',
    format: article.source?.format ?? 'text',
    ...(typeof article.source?.offset === 'number' ? { offset: article.source.offset } : {}),
  };
}

/** The source of a record made before (or instead of) reading the article. */
export function sourceOf(input: AnyArticle): SourceInfo {
  return isArticleBytes(input) ? sourceBeforeReading(input) : completeSource(toArticleInput(input));
}
