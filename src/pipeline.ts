import type { Document, PrecisRecord, SourceInfo } from './document.js';
import { AbortError, PipelineClosedError, UsageError, isAbortError, isPrecisError, throwIfAborted, toErrorInfo } from './errors.js';
import { type ArticleItem, itemBytes, listArticleItems } from './ingest/article-stream.js';
import { DEFAULT_MAX_BYTES } from './ingest/limits.js';
import type { ListOptions } from './ingest/list-articles.js';
import {
  BUNDLED_MODELS_DIR,
  type Manifest,
  type ModelDeclaration,
  type ModelRole,
  nerModel,
  readManifest,
  summarisationModel,
  translatableLanguages,
  translationModelFor,
} from './models/manifest.js';
import { type BatchStats, GENERATION_ENGINES, type GenerationEngine, ModelStore } from './summarise/model-store.js';
import { defaultEntitiesMode, ENTITY_MODES, type EntitiesMode } from './entities/entities-mode.js';
import { STRATEGIES, type Strategy } from './summarise/summarise-article.js';
import { summariseStage } from './stages/summarise.js';
import { failedRecord, RECORD_REVISION, sha256, toRecord } from './record.js';
import { acquireExecutor, deadlineError, DEFAULT_THREADS, DEFAULT_WORKER_MEMORY_MB, EXTRACTION_STAGE_NAMES } from './execute/executor.js';
import type { ExtractionShape } from './execute/extraction.js';
import { type AnyArticle, type ArticleBytes, type ArticleInput, articleId, checkArticle, sourceOf } from './execute/open-document.js';
import { modelEntitiesStage } from './stages/model-entities.js';
import type { Stage, StageContext } from './stages/stage.js';
import { mapOrdered } from './util/map-ordered.js';
import { type Logger, silentLogger } from './util/logger.js';
import { untilAborted } from './util/until-aborted.js';
import { VERSION } from './version.js';
import { parseDate, readReferenceRatesSync, type ReferenceTable } from './money/reference-rates.js';

export interface PipelineOptions {
  /**
   * How many key sentences to select.
   * @default 4
   */
  sentences?: number;
  /**
   * ISO 639-3 codes language detection chooses among.
   * @default the widely written languages (see DEFAULT_CANDIDATES)
   */
  languages?: readonly string[];
  /**
   * ISO 639-3 codes of languages that have a translation model into English.
   * @default the source languages of the translation models in the bundled models/manifest.json
   */
  translationLanguages?: readonly string[];
  /**
   * Put the cleaned text in each record (`text`).
   * @default false
   */
  includeText?: boolean;
  /**
   * ISO 4217 code of a dollar the article does not qualify (a bare "$") and whose context says
   * nothing (Canadian articles make it CAD). Such amounts are flagged `ambiguous`.
   * @default 'USD'
   */
  defaultDollar?: string;
  /**
   * Percent a currency pair may deviate from the article's consensus rate before it is flagged
   * inconsistent.
   * @default 5
   */
  tolerance?: number;
  /**
   * Add the English summary (`summary`). Off, the record stops at extraction (`precis extract`).
   * @default true
   */
  summarise?: boolean;
  /**
   * `extract-translate`: translate the key sentences; `translate-summarise`: translate every
   * sentence, then summarise; `extractive`: no model, key sentences in the source language.
   * @default 'extract-translate'
   */
  strategy?: Strategy;
  /**
   * How people, organisations and places are found: `rules` (the recogniser of the language
   * packs), `model` (the NER model of models/manifest.json) or `both` (rules win where they
   * overlap the model; what the model adds is kept). Asked for without the model, `model` and
   * `both` give the rules' entities and a `MODEL_MISSING` warning.
   * @default 'both' when the NER model is in `modelsDir`, else 'rules'
   */
  entities?: EntitiesMode;
  /**
   * Where models are read from.
   * @default $PRECIS_MODELS_DIR, else the package's models/
   */
  modelsDir?: string;
  /**
   * Let transformers.js download missing model files from the Hugging Face Hub at run time.
   * @default false
   */
  allowRemoteModels?: boolean;
  /** Beams for beam search; 1 is greedy. @default 1 */
  beams?: number;
  /** Upper bound on generated tokens per sentence. @default 256 */
  maxNewTokens?: number;
  /**
   * Most sentences in one model call. The sentences of every article in flight are pooled into
   * shared calls, so a larger batch helps most with several articles at once.
   * @default 16
   */
  batchSize?: number;
  /**
   * Who generates text: `precis` (its batched engine over onnxruntime-node) or `transformers`
   * (the transformers.js pipeline, the reference; also used for models it must download).
   * @default 'precis'
   */
  engine?: GenerationEngine;
  /** Words in a `translate-summarise` summary. @default 120 */
  maxWords?: number;
  /** Receives model loading events and unexpected failures; the library never writes to the console. */
  logger?: Logger;
  /**
   * Reference exchange rates: the path of the European Central Bank's euro reference-rate CSV
   * (daily `eurofxref.csv` or history `eurofxref-hist.csv`), or a table from `readReferenceRates`.
   * Each currency pair of an article with a known date gets `reference {rate, date, deviation}`,
   * and the reference rate counts as evidence when judging pairs.
   * @default none
   */
  referenceRates?: string | ReferenceTable;
  /**
   * Publication date (YYYY-MM-DD) of articles that do not carry their own (HTML metadata, a JSON
   * `date` field, `ArticleInput.date`): used to look up reference rates.
   * @default none
   */
  date?: string;
  /**
   * Worker threads that read and extract articles. An article past its deadline is stopped by
   * terminating its thread. 0 runs the extraction in the calling thread: no thread is started,
   * and a deadline is only checked between stages.
   * @default the number of CPU cores
   */
  threads?: number;
  /**
   * Milliseconds one article may take, from when a thread takes it to its record (summary
   * included); past it the article's work is stopped and its record is a `TIMEOUT` error.
   * @default 60000
   */
  timeoutMs?: number;
}

export type { AnyArticle, ArticleBytes, ArticleInput };

/**
 * Options one call may change without a new pipeline: they shape the record, not the resources
 * (models, threads) the pipeline holds.
 */
export type ArticleOptions = Pick<PipelineOptions, 'sentences' | 'languages' | 'includeText' | 'defaultDollar' | 'tolerance' | 'strategy' | 'entities' | 'maxWords' | 'date'>;

export const ARTICLE_OPTION_NAMES = ['sentences', 'languages', 'includeText', 'defaultDollar', 'tolerance', 'strategy', 'entities', 'maxWords', 'date'] as const satisfies ReadonlyArray<keyof ArticleOptions>;

export interface ProcessOptions {
  /** Cancels the work: the call resolves with an `ABORTED` record at the next stage boundary. */
  signal?: AbortSignal;
  /** This call's record options, over the pipeline's. */
  overrides?: ArticleOptions;
}

export interface ProcessAllOptions extends ProcessOptions {
  /** @default 1 */
  concurrency?: number;
  /** Called once per record, in input order, as it is yielded. */
  onProgress?: (progress: { done: number; failed: number; record: PrecisRecord }) => void;
}

export interface ProcessFilesOptions extends ProcessAllOptions, ListOptions {
  /** Larger files get an `INPUT_TOO_LARGE` record. @default DEFAULT_MAX_BYTES (10 MB) */
  maxBytes?: number;
  /** `extract` (no summary) rather than `process`. @default false */
  extractOnly?: boolean;
}

export interface LoadOptions {
  signal?: AbortSignal;
}

/** One model the pipeline's summaries need, and whether it could be loaded. */
export interface ModelStatus {
  id: string;
  role: ModelRole;
  /** ISO 639-3 code of the source language, for translation models. */
  language: string | null;
  status: 'loaded' | 'missing' | 'invalid';
  /** Why it is not loaded, and what to do. */
  message?: string;
}

export interface Pipeline {
  /** Identifies the code and the options that shape records; a record made under another version may differ. */
  readonly version: string;
  readonly stages: readonly string[];
  /**
   * One article to one record, with the English summary when the pipeline summarises. Data
   * problems come back as `record.error`, never as a rejection; it rejects only for misuse
   * (bad `overrides`: `USAGE`) and after `close()` (`PIPELINE_CLOSED`).
   */
  process(input: AnyArticle, options?: ProcessOptions): Promise<PrecisRecord>;
  /**
   * Like `process`, without the summary stage: language, amounts, pairs, entities, key sentences.
   * No summarisation model is used; the NER model is, when `entities` asks for it.
   */
  extract(input: AnyArticle, options?: ProcessOptions): Promise<PrecisRecord>;
  /**
   * Files and folders, as the CLI reads them (folders walked lazily for article files, each file
   * decoded and parsed in the pipeline's threads): one record per file, in order, a file that
   * cannot be read included (its record has the error). Paths are paths here; `processAll` takes
   * texts.
   */
  processFiles(paths: readonly string[], options?: ProcessFilesOptions): AsyncGenerator<PrecisRecord>;
  /** Many articles, `concurrency` at a time, yielded in input order. */
  processAll(
    inputs: Iterable<AnyArticle> | AsyncIterable<AnyArticle>,
    options?: ProcessAllOptions,
  ): AsyncGenerator<PrecisRecord>;
  /**
   * Loads now, once, the models summaries will use (otherwise they load on first use), and says
   * which could not be. Never rejects for a missing model; rejects with `ABORTED` if `signal` aborts.
   */
  load(options?: LoadOptions): Promise<ModelStatus[]>;
  /**
   * Starts the worker threads that read and extract articles, and resolves when they are ready
   * (otherwise they start with the first article). `load()` does this too.
   */
  warm(): Promise<void>;
  /** Model calls of the summaries so far and the sentences they held (the mean batch is inputs / calls). */
  stats(): { generation: BatchStats };
  /** Refuses new work, waits for calls in flight, then frees the models. Idempotent. */
  close(): Promise<void>;
}

interface ResolvedOptions {
  summarise: boolean;
  strategy: Strategy;
  entities: EntitiesMode;
  modelsDir: string;
  allowRemoteModels: boolean;
  beams: number;
  maxNewTokens: number;
  batchSize: number;
  engine: GenerationEngine;
  maxWords: number;
  sentences: number;
  defaultDollar: string;
  tolerance: number;
  languages: readonly string[] | undefined;
  translationLanguages: readonly string[];
  includeText: boolean;
  referenceRates: ReferenceTable | null;
  date: string | null;
  threads: number;
  timeoutMs: number;
}

/** The stages and version of one combination of options; built once, reused by every call. */
interface Variant {
  options: ResolvedOptions;
  /** What the extraction in a worker thread needs to know. */
  shape: ExtractionShape;
  /** Stages after the extraction, in this thread: those that use the models. */
  finishing: Stage[];
  stages: readonly string[];
  version: string;
}

// Requests choose among a handful of option combinations; the bound only guards against a caller
// cycling through endless ones.
const MAX_VARIANTS = 64;

export function createPipeline(given: PipelineOptions = {}): Pipeline {
  // A reference table is read once, here, and shared by every variant of the options.
  const options: PipelineOptions =
    given !== null && typeof given === 'object' && typeof given.referenceRates === 'string' ? { ...given, referenceRates: readReferenceRatesSync(given.referenceRates) } : given;
  const manifest = readManifest();
  const base = resolveOptions(options, manifest);
  const logger = options.logger ?? silentLogger;
  const store = new ModelStore({ modelsDir: base.modelsDir, allowRemote: base.allowRemoteModels, logger, engine: base.engine, batchSize: base.batchSize });
  const variants = new Map<string, Variant>();
  const baseVariant = buildVariant(base, store, manifest);
  const extractVariant = buildVariant({ ...base, summarise: false }, store, manifest);
  const { executor, release } = acquireExecutor({ threads: base.threads, referenceRates: base.referenceRates, memoryMb: DEFAULT_WORKER_MEMORY_MB, logger });
  let closed = false;
  let closing: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();

  function variantFor(overrides: ArticleOptions | undefined, summarise: boolean): Variant {
    const fallback = summarise ? baseVariant : extractVariant;
    if (overrides === undefined) return fallback;
    if (typeof overrides !== 'object' || overrides === null) {
      throw new UsageError(`Expected \`overrides\` to be an object of ${ARTICLE_OPTION_NAMES.join(', ')}, got \`${String(overrides)}\``);
    }
    const unknown = Object.keys(overrides).filter((k) => !(ARTICLE_OPTION_NAMES as readonly string[]).includes(k));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')} in \`overrides\`; a call may set ${ARTICLE_OPTION_NAMES.join(', ')}.`);
    }
    const picked = ARTICLE_OPTION_NAMES.filter((k) => overrides[k] !== undefined).map((k) => [k, overrides[k]] as const);
    if (picked.length === 0) return fallback;
    const key = JSON.stringify([summarise, picked]);
    let variant = variants.get(key);
    if (!variant) {
      let resolved: ResolvedOptions;
      try {
        resolved = resolveOptions({ ...options, ...Object.fromEntries(picked), summarise: summarise && base.summarise }, manifest);
      } catch (error) {
        throw new UsageError((error as Error).message, { cause: error });
      }
      variant = buildVariant(resolved, store, manifest);
      if (variants.size >= MAX_VARIANTS) variants.delete(variants.keys().next().value!);
      variants.set(key, variant);
    }
    return variant;
  }

  async function run(variant: Variant, input: AnyArticle, signal: AbortSignal | undefined): Promise<PrecisRecord> {
    checkArticle(input);
    const started = performance.now();
    const { timeoutMs } = variant.options;
    const meta = () => ({ includeText: variant.options.includeText, pipelineVersion: variant.version, ms: Math.round(performance.now() - started) });
    const failed = (error: unknown, doc?: Document | null, base?: { id: string; source: SourceInfo }) => {
      if (!isPrecisError(error) && !isAbortError(error)) logger.error?.('unexpected failure', { id: base?.id ?? articleId(input), error: (error as Error)?.stack ?? String(error) });
      return failedRecord({ ...(base ?? { id: articleId(input), source: sourceOf(input) }), ...(doc ? { doc } : {}) }, toErrorInfo(error), meta());
    };
    let extracted;
    try {
      extracted = await executor.run({ article: input, shape: variant.shape }, { signal, timeoutMs });
    } catch (error) {
      return failed(error);
    }
    if (!extracted.ok) {
      if (extracted.unexpected) logger.error?.('unexpected failure', { id: extracted.id, error: extracted.unexpected });
      return failedRecord({ id: extracted.id, source: extracted.source, ...(extracted.doc ? { doc: extracted.doc } : {}) }, extracted.error, meta());
    }
    const { doc } = extracted;
    if (variant.finishing.length === 0) return toRecord(doc, meta());
    // The rest of the deadline, for the stages that wait on the model thread.
    const deadline = deadlineSignal(signal, timeoutMs - (performance.now() - started));
    const ctx: StageContext = {
      signal: deadline.signal,
      nlp: () => {
        throw new Error('The NLP stack runs in the extraction threads, not in the finishing stages.');
      },
      scratch: { workingLanguage: extracted.workingLanguage },
    };
    try {
      for (const stage of variant.finishing) {
        throwIfAborted(ctx.signal);
        // A model call finishes its batch in the model thread; the article stops waiting at once.
        await untilAborted(Promise.resolve(stage.run(doc, ctx)), ctx.signal, () => new AbortError());
      }
      return toRecord(doc, meta());
    } catch (error) {
      return failed(deadline.expired() ? deadlineError(timeoutMs, 'Raise the deadline (--timeout, `timeoutMs`) for long summaries.') : error, doc, doc);
    } finally {
      deadline.dispose();
    }
  }

  /** Every call goes through here, so close() knows what it must wait for. */
  function track<T>(work: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new PipelineClosedError());
    const promise = work();
    inFlight.add(promise);
    const untrack = () => inFlight.delete(promise);
    promise.then(untrack, untrack);
    return promise;
  }

  function call(summarise: boolean) {
    return (input: AnyArticle, processOptions: ProcessOptions = {}): Promise<PrecisRecord> =>
      track(async () => run(variantFor(processOptions.overrides, summarise), input, processOptions.signal));
  }
  const process = call(true);

  return {
    version: baseVariant.version,
    stages: baseVariant.stages,
    process,
    extract: call(false),
    processFiles(paths, fileOptions = {}) {
      const { maxBytes, extractOnly, include, exclude, signal, overrides, concurrency } = fileOptions;
      const run = extractOnly ? call(false) : process;
      type FileItem = Exclude<ArticleItem, { kind: 'empty-directory' | 'stdin' }>;
      async function* files(): AsyncGenerator<FileItem> {
        for await (const entry of listArticleItems([...paths].filter((p) => p !== '-'), { include, exclude, maxBytes })) if (entry.kind !== 'empty-directory' && entry.kind !== 'stdin') yield entry;
      }
      const read = async (entry: FileItem): Promise<PrecisRecord> => {
        try {
          return await run(await itemBytes(entry, { maxBytes: maxBytes ?? DEFAULT_MAX_BYTES }), { signal, overrides });
        } catch (error) {
          if (!isPrecisError(error) || entry.kind === 'article') throw error;
          const meta = { includeText: base.includeText, pipelineVersion: baseVariant.version, ms: 0 };
          const source = { path: entry.path, sha256: '', bytes: 0, encoding: '', format: 'text' as const };
          return failedRecord({ id: entry.id, source }, toErrorInfo(error), meta);
        }
      };
      return withProgress(mapOrdered(files(), read, { concurrency: concurrency ?? 1, signal }), fileOptions.onProgress);
    },
    processAll(inputs, allOptions = {}) {
      const { signal, overrides } = allOptions;
      const records = mapOrdered(inputs, (input) => process(input, { signal, overrides }), {
        concurrency: allOptions.concurrency ?? 1,
        signal,
      });
      return withProgress(records, allOptions.onProgress);
    },
    load(loadOptions = {}) {
      return track(async () => {
        const { signal } = loadOptions;
        // The extraction threads load their NLP stack while the models load.
        const threadsReady = executor.warm();
        threadsReady.catch(() => undefined);
        const statuses: ModelStatus[] = [];
        for (const { model, language } of modelsNeeded(base, manifest)) {
          throwIfAborted(signal);
          try {
            // A load under way finishes (and is cached) in the background; the caller stops waiting.
            await untilAborted(store.loadModel(model), signal, () => new AbortError());
            statuses.push({ id: model.id, role: model.role, language, status: 'loaded' });
          } catch (error) {
            if (isAbortError(error)) throw error;
            const code = isPrecisError(error) ? error.code : 'MODEL_INVALID';
            const message = error instanceof Error ? error.message : String(error);
            logger.warn?.('model not loaded', { model: model.id, code, message });
            statuses.push({ id: model.id, role: model.role, language, status: code === 'MODEL_NOT_FOUND' ? 'missing' : 'invalid', message });
          }
        }
        await untilAborted(threadsReady, signal, () => new AbortError());
        return statuses;
      });
    },
    warm() {
      return track(() => executor.warm());
    },
    stats() {
      return { generation: store.stats() };
    },
    close() {
      closed = true;
      closing ??= (async () => {
        await Promise.allSettled([...inFlight]);
        variants.clear();
        await release();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Records as they come, with a running count of done and failed given to `onProgress`. */
function withProgress(records: AsyncGenerator<PrecisRecord>, onProgress: ProcessAllOptions['onProgress']): AsyncGenerator<PrecisRecord> {
  if (!onProgress) return records;
  let done = 0;
  let failed = 0;
  return (async function* () {
    for await (const record of records) {
      done += 1;
      if (record.error) failed += 1;
      onProgress({ done, failed, record });
      yield record;
    }
  })();
}

function buildVariant(resolved: ResolvedOptions, store: ModelStore, manifest: Manifest): Variant {
  const shape: ExtractionShape = {
    languages: resolved.languages,
    translationLanguages: resolved.translationLanguages,
    defaultDollar: resolved.defaultDollar,
    tolerance: resolved.tolerance,
    date: resolved.date,
    sentences: resolved.sentences,
  };
  const finishing: Stage[] = [
    ...(resolved.entities === 'rules' ? [] : [modelEntitiesStage({ mode: resolved.entities, store, manifest })]),
    ...(resolved.summarise ? [summariseStage(store, manifest, resolved)] : []),
  ];
  // Everything that shapes a record, and nothing that does not (where models live, text echo,
  // threads and deadlines).
  const table = resolved.referenceRates;
  const shaping = {
    ...resolved,
    includeText: undefined,
    modelsDir: undefined,
    allowRemoteModels: undefined,
    threads: undefined,
    timeoutMs: undefined,
    batchSize: undefined,
    referenceRates: table ? { source: table.source, days: table.dates.length, last: table.dates[table.dates.length - 1] } : null,
  };
  return {
    options: resolved,
    shape,
    finishing,
    stages: [...EXTRACTION_STAGE_NAMES, ...finishing.map((s) => s.name)],
    version: `${VERSION}+${sha256(JSON.stringify({ ...shaping, revision: RECORD_REVISION })).slice(0, 8)}`,
  };
}

/** Aborts when `signal` does or when `ms` have passed, and says which. */
function deadlineSignal(signal: AbortSignal | undefined, ms: number): { signal: AbortSignal; expired(): boolean; dispose(): void } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, Math.max(0, ms));
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** The models a pipeline's records use (summaries, entities), each once. */
function modelsNeeded(options: ResolvedOptions, manifest: Manifest): Array<{ model: ModelDeclaration; language: string | null }> {
  const needed = new Map<string, { model: ModelDeclaration; language: string | null }>();
  const ner = options.entities === 'rules' ? null : nerModel(manifest);
  if (!options.summarise || options.strategy === 'extractive') return ner ? [{ model: ner, language: null }] : [];
  for (const language of options.translationLanguages) {
    const model = translationModelFor(manifest, language);
    if (model && !needed.has(model.id)) needed.set(model.id, { model, language });
  }
  const summariser = options.strategy === 'translate-summarise' ? summarisationModel(manifest) : null;
  if (summariser) needed.set(summariser.id, { model: summariser, language: null });
  if (ner) needed.set(ner.id, { model: ner, language: null });
  return [...needed.values()];
}

/** Every option `createPipeline` takes: a name outside it is a typo, refused rather than ignored. */
export const PIPELINE_OPTION_NAMES = [
  'sentences',
  'languages',
  'translationLanguages',
  'includeText',
  'defaultDollar',
  'tolerance',
  'summarise',
  'strategy',
  'entities',
  'modelsDir',
  'allowRemoteModels',
  'beams',
  'maxNewTokens',
  'batchSize',
  'engine',
  'maxWords',
  'logger',
  'referenceRates',
  'date',
  'threads',
  'timeoutMs',
] as const satisfies ReadonlyArray<keyof PipelineOptions>;

function resolveOptions(options: PipelineOptions, manifest: Manifest): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected \`options\` to be an object, got \`${String(options)}\` (${typeof options})`);
  }
  const unknown = Object.keys(options).filter((k) => !(PIPELINE_OPTION_NAMES as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new TypeError(`Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')}; createPipeline takes ${PIPELINE_OPTION_NAMES.join(', ')}.`);
  }
  const sentences = options.sentences ?? 4;
  if (!Number.isInteger(sentences) || sentences < 1) {
    throw new TypeError(`Expected \`sentences\` to be an integer from 1 and up, got \`${String(sentences)}\` (${typeof sentences})`);
  }
  for (const [name, list] of [['languages', options.languages], ['translationLanguages', options.translationLanguages]] as const) {
    if (list !== undefined && (!Array.isArray(list) || list.some((c) => typeof c !== 'string' || !/^[a-z]{3}$/.test(c)))) {
      throw new TypeError(`Expected \`${name}\` to be an array of ISO 639-3 codes like \`fra\`, got \`${JSON.stringify(list)}\``);
    }
  }
  const defaultDollar = options.defaultDollar ?? 'USD';
  if (typeof defaultDollar !== 'string' || !/^[A-Z]{3}$/.test(defaultDollar)) {
    throw new TypeError(`Expected \`defaultDollar\` to be an ISO 4217 code like \`USD\` or \`CAD\`, got \`${String(defaultDollar)}\``);
  }
  const tolerance = options.tolerance ?? 5;
  if (typeof tolerance !== 'number' || !(tolerance > 0)) {
    throw new TypeError(`Expected \`tolerance\` to be a positive number of percent, got \`${String(tolerance)}\` (${typeof tolerance})`);
  }
  const strategy = options.strategy ?? 'extract-translate';
  if (!STRATEGIES.includes(strategy)) {
    throw new TypeError(`Expected \`strategy\` to be one of ${STRATEGIES.map((x) => `\`${x}\``).join(', ')}, got \`${String(strategy)}\``);
  }
  const modelsDir = options.modelsDir ?? process.env.PRECIS_MODELS_DIR ?? BUNDLED_MODELS_DIR;
  const entities = options.entities ?? defaultEntitiesMode(modelsDir, manifest);
  if (!ENTITY_MODES.includes(entities)) {
    throw new TypeError(`Expected \`entities\` to be one of ${ENTITY_MODES.map((x) => `\`${x}\``).join(', ')}, got \`${String(entities)}\``);
  }
  const positive = (name: string, value: number | undefined, fallback: number) => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < 1) throw new TypeError(`Expected \`${name}\` to be an integer from 1 and up, got \`${String(v)}\` (${typeof v})`);
    return v;
  };
  const oneOf = <T extends string>(name: string, value: T | undefined, allowed: readonly T[], fallback: T): T => {
    const v = value ?? fallback;
    if (!allowed.includes(v)) throw new TypeError(`Expected \`${name}\` to be one of ${allowed.map((x) => `\`${x}\``).join(', ')}, got \`${String(v)}\``);
    return v;
  };
  const nonNegative = (name: string, value: number | undefined, fallback: number) => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < 0) throw new TypeError(`Expected \`${name}\` to be an integer from 0 and up, got \`${String(v)}\` (${typeof v})`);
    return v;
  };
  return {
    summarise: options.summarise ?? true,
    strategy,
    entities,
    modelsDir,
    allowRemoteModels: options.allowRemoteModels ?? false,
    beams: positive('beams', options.beams, 1),
    maxNewTokens: positive('maxNewTokens', options.maxNewTokens, 256),
    batchSize: positive('batchSize', options.batchSize, 16),
    engine: oneOf('engine', options.engine, GENERATION_ENGINES, 'precis'),
    maxWords: positive('maxWords', options.maxWords, 120),
    sentences,
    defaultDollar,
    tolerance,
    languages: options.languages,
    translationLanguages: options.translationLanguages ?? translatableLanguages(manifest),
    threads: nonNegative('threads', options.threads, DEFAULT_THREADS),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 60_000),
    includeText: options.includeText ?? false,
    referenceRates: resolveReferenceRates(options.referenceRates),
    date: resolveDate(options.date),
  };
}

function resolveReferenceRates(value: PipelineOptions['referenceRates']): ReferenceTable | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return readReferenceRatesSync(value);
  if (typeof value !== 'object' || !Array.isArray(value.dates) || !(value.rates instanceof Map)) {
    throw new TypeError(`Expected \`referenceRates\` to be the path of an ECB reference-rate CSV or a table from readReferenceRates(), got \`${typeof value}\``);
  }
  return value;
}

function resolveDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const date = typeof value === 'string' ? parseDate(value.trim()) : null;
  if (!date) throw new TypeError(`Expected \`date\` to be a date like \`2025-03-14\`, got \`${String(value)}\``);
  return date;
}

