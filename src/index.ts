export { createPipeline } from './pipeline.js';
export type { ArticleInput, Pipeline, PipelineOptions, ProcessAllOptions, ProcessOptions } from './pipeline.js';
export type {
  ArticleFindings,
  Diagnostic,
  InputFormat,
  KeySentence,
  LanguageDetection,
  LanguageInfo,
  ParagraphLanguage,
  PrecisRecord,
  RemovedLine,
  RouteAction,
  SourceInfo,
  Span,
} from './document.js';
export {
  AbortError,
  ERROR_CODES,
  InputError,
  LanguageError,
  PrecisError,
  UsageError,
  isAbortError,
  isInputError,
  isPrecisError,
  isUsageError,
} from './errors.js';
export type { ErrorCode } from './errors.js';
export type { Amount, CurrencyPair, PairRate, PairSide } from './money/amount-types.js';
export type { Entity, EntityType, Mention } from './entities/entity-types.js';
export { readArticleFile, bytesToArticle, DEFAULT_MAX_BYTES } from './ingest/read-article.js';
export { listArticles } from './ingest/list-articles.js';
export type { ArticleEntry, ListOptions } from './ingest/list-articles.js';
export { DEFAULT_CANDIDATES } from './language/detect-language.js';
export { VERSION } from './version.js';
