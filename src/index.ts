export { createPipeline } from './pipeline.js';
export { ARTICLE_OPTION_NAMES, PIPELINE_OPTION_NAMES } from './pipeline.js';
export type {
  ArticleInput,
  ArticleOptions,
  LoadOptions,
  ModelStatus,
  Pipeline,
  PipelineOptions,
  ArticleBytes,
  AnyArticle,
  ProcessAllOptions,
  ProcessFilesOptions,
  ProcessOptions,
} from './pipeline.js';
export type { Logger } from './util/logger.js';
export type { Strategy, Summary } from './summarise/summarise-article.js';
export type {
  ArticleFindings,
  ArticleMeta,
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
  PipelineClosedError,
  PrecisError,
  UsageError,
  isAbortError,
  isInputError,
  isPrecisError,
  isUsageError,
} from './errors.js';
export type { ErrorCode } from './errors.js';
export type { Amount, CurrencyPair, PairRate, PairReference, PairSide, RateQuote } from './money/amount-types.js';
export { parseEcbCsv, readReferenceRates } from './money/reference-rates.js';
export type { ReferenceRate, ReferenceTable } from './money/reference-rates.js';
export { LANGUAGE_PACKS, languagePack } from './lang/registry.js';
export type { LanguagePack } from './lang/types.js';
export type { Entity, EntityType, Mention } from './entities/entity-types.js';
export type { EntitiesMode } from './entities/entities-mode.js';
export { readArticleFile, readArticleFile as readArticle, bytesToArticle, DEFAULT_MAX_BYTES } from './ingest/read-article.js';
export { readArticleBytes } from './ingest/read-file-bytes.js';
export { listArticles } from './ingest/list-articles.js';
export type { ArticleEntry, ListOptions } from './ingest/list-articles.js';
export { DEFAULT_CANDIDATES } from './language/detect-language.js';
export { VERSION } from './version.js';
export { buildReport } from './report/index.js';
export type { ReportOptions, ReportResult } from './report/index.js';
