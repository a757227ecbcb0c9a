import type { ErrorCode } from './errors.js';
import type { Amount, CurrencyPair, RateQuote } from './money/amount-types.js';
import type { Entity } from './entities/entity-types.js';
import type { Summary } from './summarise/summarise-article.js';

/** Half-open `[start, end)` range of JS string indices into a document's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

/** A problem in the data (not a crash): a short text, a guessed encoding, a removed line. */
export interface Diagnostic {
  code: string;
  message: string;
  stage?: string;
  start?: number;
  end?: number;
}

export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

export interface SourceInfo {
  /** Path as given (relative to the working directory), or null for text given directly. */
  path: string | null;
  sha256: string;
  bytes: number;
  encoding: string;
  format: InputFormat;
  /** Byte offset of the article in a file of many (JSONL, after gzip decompression). */
  offset?: number;
}

/**
 * What the summariser does with the language: `translate` it, nothing (`none`, English), or an
 * `extractive` summary (a language precis reads but has no translation model for).
 */
export type RouteAction = 'translate' | 'none' | 'extractive';

export interface ParagraphLanguage {
  index: number;
  start: number;
  end: number;
  code: string;
  confidence: number;
}

/** What language identification concluded about a text. */
export interface LanguageDetection {
  /** ISO 639-3 code, or `und` when the text does not say reliably. */
  code: string;
  /** ISO 639-1 code where one exists. */
  iso1: string | null;
  confidence: number;
  reliable: boolean;
  /** Why `code` is `und` or why the result is unreliable. */
  reason?: string;
  /** The best candidate when `code` is `und`; used for routing, with a warning. */
  guess?: string;
}

export interface LanguageInfo extends LanguageDetection {
  /** What the summariser will do with this language. */
  route: RouteAction;
  /** Paragraphs whose language differs from the article's (quotations in another language). */
  paragraphs?: ParagraphLanguage[];
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface KeySentence extends Span {
  index: number;
  text: string;
  score: number;
}

export interface RemovedLine {
  text: string;
  rule: string;
}

/**
 * What an article says of itself, beside its text: from a page's JSON-LD, Open Graph and meta
 * tags, a JSON article's fields, or the library caller. Each field is trimmed, at most 300
 * characters long (see src/ingest/article-meta.ts), and null when unknown.
 */
export interface ArticleMeta {
  /** Publication time as given, as ISO 8601: `2025-03-14` or `2025-03-14T09:30:00+01:00`. */
  published: string | null;
  /** Byline; several authors joined with ", ". */
  author: string | null;
  /** Publication or site name ("Le Monde"). */
  outlet: string | null;
  /** Canonical address of the article (http or https). */
  url: string | null;
  section: string | null;
}

export const EMPTY_META: Readonly<ArticleMeta> = Object.freeze({ published: null, author: null, outlet: null, url: null, section: null });

/** What the stages find in an article; shared by the working Document and the output record. */
export interface ArticleFindings {
  title: string | null;
  /** Publication date (YYYY-MM-DD) from the page's metadata, the JSON's `date`, or the caller. */
  date: string | null;
  meta: ArticleMeta;
  language: LanguageInfo | null;
  keySentences: KeySentence[];
  entities: Entity[];
  amounts: Amount[];
  pairs: CurrencyPair[];
  /** Exchange-rate quotes ("un dollar valait 1 431,30 wons"): never amounts. */
  rates: RateQuote[];
  summary: Summary | null;
  boilerplate: RemovedLine[];
  warnings: Diagnostic[];
}

/** The record precis outputs for one article; see schema/record.schema.json. */
export interface PrecisRecord extends ArticleFindings {
  id: string;
  source: SourceInfo;
  text?: string;
  /** Number of sentences. */
  sentences: number;
  pipelineVersion: string;
  ms: number;
  error?: { code: ErrorCode; message: string };
}

/**
 * The article as it moves through the pipeline: the cleaned text once, and spans over it that
 * each stage adds. Stages read and extend it; nothing else mutates it.
 */
export interface Document extends ArticleFindings {
  id: string;
  source: SourceInfo;
  /** Text as decoded and extracted from its format, before cleaning. */
  raw: string;
  /** Cleaned text: every offset in the output points into this string. */
  text: string;
  /**
   * `text` with look-alike characters folded (no-break spaces → space, curly apostrophes → ')
   * one code unit for one, so matching on it gives offsets valid in `text`.
   */
  matchText: string;
  paragraphs: Span[];
  sentences: Sentence[];
}

export interface DocumentInput {
  id: string;
  raw: string;
  title?: string | null;
  date?: string | null;
  meta?: ArticleMeta;
  source: SourceInfo;
  warnings?: Diagnostic[];
}

export function createDocument(input: DocumentInput): Document {
  return {
    id: input.id,
    source: input.source,
    title: input.title ?? null,
    date: input.date ?? null,
    meta: input.meta ?? { ...EMPTY_META },
    raw: input.raw,
    text: '',
    matchText: '',
    paragraphs: [],
    sentences: [],
    language: null,
    keySentences: [],
    entities: [],
    amounts: [],
    pairs: [],
    rates: [],
    summary: null,
    boilerplate: [],
    warnings: [...(input.warnings ?? [])],
  };
}
