import type { Document, SourceInfo } from '../document.js';
import { InputError, isPrecisError, toErrorInfo, type ErrorCode } from '../errors.js';
import type { ReferenceTable } from '../money/reference-rates.js';
import { cleanText } from '../stages/clean-text.js';
import { detectLanguageStage } from '../stages/detect-language.js';
import { extractAmountsStage } from '../stages/extract-amounts.js';
import { ruleEntitiesStage } from '../stages/extract-entities.js';
import { rankSentencesStage } from '../stages/rank-sentences.js';
import { segmentSentencesStage } from '../stages/segment-sentences.js';
import type { Stage, StageContext } from '../stages/stage.js';
import { createNlp, type Nlp } from '../text/wink.js';
import { createDocument } from '../document.js';
import { bytesToArticle } from '../ingest/read-article.js';
import { sha256 } from '../record.js';
import { type AnyArticle, articleId, articleMetaAndDate, completeSource, isArticleBytes, sourceBeforeReading, toArticleInput } from './open-document.js';

/** The options that shape the extraction of one article: plain data, so they cross threads. */
export interface ExtractionShape {
  languages: readonly string[] | undefined;
  translationLanguages: readonly string[];
  defaultDollar: string;
  tolerance: number;
  date: string | null;
  sentences: number;
}

/** One article's CPU work: reading, cleaning, language, sentences, amounts, rule entities, ranking. */
export interface ExtractionTask {
  article: AnyArticle;
  shape: ExtractionShape;
}

export type ExtractionResult =
  | { ok: true; doc: Document; workingLanguage: string | undefined }
  | {
      ok: false;
      id: string;
      source: SourceInfo;
      /** What the stages found before the failure (warnings, language). */
      doc: Document | null;
      error: { code: ErrorCode; message: string };
      /** Stack of a failure that is a bug, for the host's logger. */
      unexpected?: string;
    };

/** The stages of the extraction, in order; the same list in every thread. */
export function extractionStages(shape: ExtractionShape, referenceRates: ReferenceTable | null): Stage[] {
  return [
    cleanText(),
    detectLanguageStage({ candidates: shape.languages, translatable: new Set(shape.translationLanguages) }),
    segmentSentencesStage(),
    extractAmountsStage({ defaultDollar: shape.defaultDollar, tolerance: shape.tolerance, referenceRates, date: shape.date }),
    ruleEntitiesStage(),
    rankSentencesStage({ count: shape.sentences }),
  ];
}

// A thread serves a handful of option combinations; the bound guards against endless ones.
const MAX_CACHED = 64;

/**
 * Runs the extraction of one article synchronously, in whatever thread calls it. `checkpoint`
 * runs between stages and may throw (a soft deadline when there is no worker to terminate).
 */
export function createExtractor(referenceRates: ReferenceTable | null): (task: ExtractionTask, checkpoint?: () => void) => ExtractionResult {
  const cache = new Map<string, Stage[]>();
  let nlp: Nlp | undefined;
  const stagesFor = (shape: ExtractionShape): Stage[] => {
    const key = JSON.stringify(shape);
    let stages = cache.get(key);
    if (!stages) {
      stages = extractionStages(shape, referenceRates);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(key, stages);
    }
    return stages;
  };
  return (task, checkpoint) => {
    let doc: Document;
    try {
      doc = openDocument(task.article);
    } catch (error) {
      const source = isArticleBytes(task.article) ? sourceBeforeReading(task.article) : { path: null, sha256: '', bytes: 0, encoding: '', format: 'text' as const };
      return { ok: false, id: articleId(task.article), source, doc: null, error: toErrorInfo(error), ...unexpected(error) };
    }
    const ctx: StageContext = { signal: undefined, nlp: () => (nlp ??= createNlp()), scratch: {} };
    try {
      for (const stage of stagesFor(task.shape)) {
        checkpoint?.();
        // Every extraction stage is synchronous; a promise here would be a programming error.
        void stage.run(doc, ctx);
      }
    } catch (error) {
      return { ok: false, id: doc.id, source: doc.source, doc: slim(doc), error: toErrorInfo(error), ...unexpected(error) };
    }
    return { ok: true, doc: slim(doc), workingLanguage: ctx.scratch.workingLanguage };
  };
}

/** What the later stages and the record need; the raw and folded texts stay behind. */
function slim(doc: Document): Document {
  return { ...doc, raw: '', matchText: '' };
}

function unexpected(error: unknown): { unexpected?: string } {
  if (isPrecisError(error)) return {};
  return { unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/**
 * The working document of an article: bytes are decoded and parsed first (and throw an
 * InputError if they cannot be), text is taken as it is.
 */
export function openDocument(input: AnyArticle): Document {
  if (!isArticleBytes(input)) refusePathAsText(input);
  const article = isArticleBytes(input)
    ? bytesToArticle(input.bytes, { id: input.id, path: input.path ?? null, format: input.format ?? null, charset: input.charset ?? null, offset: input.offset ?? null })
    : toArticleInput(input);
  const { meta, date } = articleMetaAndDate(article);
  return createDocument({
    id: article.id ?? sha256(article.text).slice(0, 12),
    raw: article.text,
    title: article.title ?? null,
    date: date.value,
    meta,
    source: completeSource(article),
    warnings: [...(article.warnings ?? []), ...date.warnings],
  });
}

/**
 * A text that is only a file path (`processAll(['/data/a.txt'])`) is a caller who meant the file:
 * analysing the path as French prose would give an empty or misleading record without a word.
 */
function refusePathAsText(input: string | { text: string }): void {
  const text = (typeof input === 'string' ? input : input?.text)?.trim();
  if (typeof text !== 'string' || text.length === 0 || text.length > 1024 || /\s/.test(text)) return;
  const pathLike = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/]|file:\/\/)/.test(text) || /\.(?:txt|text|md|markdown|html?|xhtml|json|jsonl|ndjson|warc)(?:\.gz)?$/i.test(text);
  if (!pathLike) return;
  throw new InputError(
    'INPUT_NOT_ARTICLE',
    `The text given is a file path ("${text.slice(0, 120)}"), not an article. To read the file, use processFiles([path]) or readArticle(path) (on the command line, give the path as an argument).`,
  );
}
