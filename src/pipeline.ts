import type { Diagnostic, PrecisRecord, SourceInfo } from './document.js';
import { createDocument } from './document.js';
import { throwIfAborted, toErrorInfo } from './errors.js';
import { BUNDLED_MODELS_DIR, type Manifest, readManifest, translatableLanguages } from './models/manifest.js';
import { ModelStore } from './summarise/model-store.js';
import { STRATEGIES, type Strategy } from './summarise/summarise-article.js';
import { summariseStage } from './stages/summarise.js';
import { failedRecord, sha256, toRecord } from './record.js';
import { cleanText } from './stages/clean-text.js';
import { detectLanguageStage } from './stages/detect-language.js';
import { extractAmountsStage } from './stages/extract-amounts.js';
import { extractEntitiesStage } from './stages/extract-entities.js';
import { rankSentencesStage } from './stages/rank-sentences.js';
import { segmentSentencesStage } from './stages/segment-sentences.js';
import type { Stage, StageContext } from './stages/stage.js';
import { createNlp, type Nlp } from './text/wink.js';
import { mapOrdered } from './util/map-ordered.js';
import { VERSION } from './version.js';

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
  /** Sentences translated per model call. @default 8 */
  batchSize?: number;
  /** Words in a `translate-summarise` summary. @default 120 */
  maxWords?: number;
}

/** An article given to the pipeline: its text and whatever is known of where it came from. */
export interface ArticleInput {
  text: string;
  id?: string;
  title?: string | null;
  source?: Partial<SourceInfo>;
  /** Diagnostics found before the pipeline (while reading the file). */
  warnings?: Diagnostic[];
}

export interface ProcessOptions {
  signal?: AbortSignal;
}

export interface ProcessAllOptions {
  /** @default 1 */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface Pipeline {
  /** Identifies the code and the options that shape records; a record made under another version may differ. */
  readonly version: string;
  readonly stages: readonly string[];
  /** One article to one record. Data problems come back as `record.error`, never as a rejection. */
  process(input: string | ArticleInput, options?: ProcessOptions): Promise<PrecisRecord>;
  /** Many articles, `concurrency` at a time, yielded in input order. */
  processAll(
    inputs: Iterable<string | ArticleInput> | AsyncIterable<string | ArticleInput>,
    options?: ProcessAllOptions,
  ): AsyncGenerator<PrecisRecord>;
  close(): Promise<void>;
}

interface ResolvedOptions {
  summarise: boolean;
  strategy: Strategy;
  modelsDir: string;
  allowRemoteModels: boolean;
  beams: number;
  maxNewTokens: number;
  batchSize: number;
  maxWords: number;
  manifest: Manifest;
  sentences: number;
  defaultDollar: string;
  tolerance: number;
  languages: readonly string[] | undefined;
  translationLanguages: readonly string[];
  includeText: boolean;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const resolved = resolveOptions(options);
  const store = new ModelStore({ modelsDir: resolved.modelsDir, allowRemote: resolved.allowRemoteModels });
  const stages: Stage[] = [
    cleanText(),
    detectLanguageStage({ candidates: resolved.languages, translatable: new Set(resolved.translationLanguages) }),
    segmentSentencesStage(),
    extractAmountsStage({ defaultDollar: resolved.defaultDollar, tolerance: resolved.tolerance }),
    extractEntitiesStage(),
    rankSentencesStage({ count: resolved.sentences }),
    ...(resolved.summarise ? [summariseStage(store, resolved.manifest, resolved)] : []),
  ];
  checkStageOrder(stages);
  // Everything that shapes a record, and nothing that does not (where models live, text echo).
  const shaping = { ...resolved, includeText: undefined, modelsDir: undefined, allowRemoteModels: undefined };
  const version = `${VERSION}+${sha256(JSON.stringify(shaping)).slice(0, 8)}`;
  let nlp: Nlp | undefined;
  let closed = false;

  async function process(input: string | ArticleInput, processOptions: ProcessOptions = {}): Promise<PrecisRecord> {
    if (closed) throw new Error('This pipeline was closed; create a new one with createPipeline().');
    const article = toArticleInput(input);
    const started = performance.now();
    const doc = createDocument({
      id: article.id ?? sha256(article.text).slice(0, 12),
      raw: article.text,
      title: article.title ?? null,
      source: completeSource(article),
      warnings: article.warnings,
    });
    const ctx: StageContext = {
      signal: processOptions.signal,
      nlp: () => (nlp ??= createNlp()),
      scratch: {},
    };
    const meta = () => ({ includeText: resolved.includeText, pipelineVersion: version, ms: Math.round(performance.now() - started) });
    try {
      for (const stage of stages) {
        throwIfAborted(ctx.signal);
        await stage.run(doc, ctx);
      }
      return toRecord(doc, meta());
    } catch (error) {
      return failedRecord({ id: doc.id, source: doc.source, doc }, toErrorInfo(error), meta());
    }
  }

  return {
    version,
    stages: stages.map((s) => s.name),
    process,
    processAll(inputs, allOptions = {}) {
      const signal = allOptions.signal;
      return mapOrdered(inputs, (input) => process(input, { signal }), {
        concurrency: allOptions.concurrency ?? 1,
        signal,
      });
    },
    async close() {
      closed = true;
      nlp = undefined;
      await store.close();
    },
  };
}

function resolveOptions(options: PipelineOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected \`options\` to be an object, got \`${String(options)}\` (${typeof options})`);
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
  const positive = (name: string, value: number | undefined, fallback: number) => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < 1) throw new TypeError(`Expected \`${name}\` to be an integer from 1 and up, got \`${String(v)}\` (${typeof v})`);
    return v;
  };
  return {
    summarise: options.summarise ?? true,
    strategy,
    modelsDir: options.modelsDir ?? process.env.PRECIS_MODELS_DIR ?? BUNDLED_MODELS_DIR,
    allowRemoteModels: options.allowRemoteModels ?? false,
    beams: positive('beams', options.beams, 1),
    maxNewTokens: positive('maxNewTokens', options.maxNewTokens, 256),
    batchSize: positive('batchSize', options.batchSize, 8),
    maxWords: positive('maxWords', options.maxWords, 120),
    manifest: readManifest(),
    sentences,
    defaultDollar,
    tolerance,
    languages: options.languages,
    translationLanguages: options.translationLanguages ?? translatableLanguages(readManifest()),
    includeText: options.includeText ?? false,
  };
}

function toArticleInput(input: string | ArticleInput): ArticleInput {
  if (typeof input === 'string') return { text: input };
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
    throw new TypeError(`Expected an article: a string or an object with a string \`text\`, got \`${typeof input}\``);
  }
  return input;
}

function completeSource(article: ArticleInput): SourceInfo {
  return {
    path: article.source?.path ?? null,
    sha256: article.source?.sha256 ?? sha256(article.text),
    bytes: article.source?.bytes ?? Buffer.byteLength(article.text, 'utf8'),
    encoding: article.source?.encoding ?? 'utf-8',
    format: article.source?.format ?? 'text',
  };
}

function checkStageOrder(stages: Stage[]): void {
  const available = new Set(['raw', 'id', 'source', 'title']);
  for (const stage of stages) {
    const missing = stage.requires.filter((r) => !available.has(r));
    if (missing.length > 0) {
      throw new Error(
        `Stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage assigns. Available: ${[...available].join(', ')}.`,
      );
    }
    for (const a of stage.assigns) available.add(a);
  }
}
