import type { Diagnostic, PrecisRecord, SourceInfo } from './document.js';
import { createDocument } from './document.js';
import { throwIfAborted, toErrorInfo } from './errors.js';
import { readManifest, translatableLanguages } from './models/manifest.js';
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
  sentences: number;
  defaultDollar: string;
  tolerance: number;
  languages: readonly string[] | undefined;
  translationLanguages: readonly string[];
  includeText: boolean;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const resolved = resolveOptions(options);
  const stages: Stage[] = [
    cleanText(),
    detectLanguageStage({ candidates: resolved.languages, translatable: new Set(resolved.translationLanguages) }),
    segmentSentencesStage(),
    extractAmountsStage({ defaultDollar: resolved.defaultDollar, tolerance: resolved.tolerance }),
    extractEntitiesStage(),
    rankSentencesStage({ count: resolved.sentences }),
  ];
  checkStageOrder(stages);
  const version = `${VERSION}+${sha256(JSON.stringify({ ...resolved, includeText: undefined })).slice(0, 8)}`;
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
  return {
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
