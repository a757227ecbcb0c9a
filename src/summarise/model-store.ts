import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineClosedError, PrecisError } from '../errors.js';
import type { ModelDeclaration } from '../models/manifest.js';
import { type Logger, silentLogger } from '../util/logger.js';
import { BatchScheduler, type BatchStats } from './batch-scheduler.js';
import { type ModelThread, modelThread } from './model-thread-client.js';
import type { GenerationEngine } from './model-thread-protocol.js';

export type { BatchStats, GenerationEngine };
export const GENERATION_ENGINES: readonly GenerationEngine[] = ['precis', 'transformers'];

export interface GenerationSettings {
  /** Beams for beam search; 1 is greedy. */
  beams: number;
  maxNewTokens: number;
}

/** A loaded text-to-text model: a batch of inputs to a batch of outputs. */
export interface TextGenerator {
  readonly declaration: ModelDeclaration;
  /**
   * Inputs to outputs, in order. Inputs of every caller are pooled into shared model calls; a
   * signal that aborts drops those not yet sent.
   */
  generate(inputs: string[], settings: GenerationSettings & { minLength?: number }, signal?: AbortSignal): Promise<string[]>;
}

/** The sub-word tokens of some words: each word's token strings and ids, in order. */
export interface WordTokens {
  pieces: string[][];
  ids: number[][];
}

/**
 * A loaded token classifier (named entities): words to sub-word tokens, then windows of token
 * ids to one label per token. Windows are the caller's: each holds at most `maxTokens` tokens.
 */
export interface TokenClassifier {
  readonly declaration: ModelDeclaration;
  /** Most tokens one window may hold, the special tokens the model adds left out. */
  readonly maxTokens: number;
  tokenize(words: string[]): Promise<WordTokens>;
  classify(windows: number[][]): Promise<string[][]>;
}

export type LoadedModel = TextGenerator | TokenClassifier;

export interface ModelStoreOptions {
  modelsDir: string;
  /** Let transformers.js fetch missing files from the Hub. Off: precis is offline-first. */
  allowRemote: boolean;
  logger?: Logger;
  /** Who generates text. @default 'precis' */
  engine?: GenerationEngine;
  /** Most inputs in one model call. @default 16 */
  batchSize?: number;
}

/** Files of a declaration missing from the models directory. */
export function missingModelFiles(modelsDir: string, model: ModelDeclaration): string[] {
  return model.files.filter((f) => !existsSync(join(modelsDir, model.id, f)));
}

export class ModelError extends PrecisError {
  constructor(code: 'MODEL_NOT_FOUND' | 'MODEL_INVALID', message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'ModelError';
  }
}

/**
 * The models of one pipeline. They load lazily, once, into the process's model thread (so
 * inference never blocks the host's event loop) and are shared by every article processed
 * concurrently; loading never reaches the network unless `allowRemote` is set.
 */
let nextStoreId = 1;

export class ModelStore {
  private readonly loaded = new Map<string, Promise<LoadedModel>>();
  private readonly disposers: Array<() => Promise<void>> = [];
  private readonly log: Logger;
  private thread: ModelThread | undefined;
  private stopListening: (() => void) | undefined;
  private closed = false;
  private readonly storeId = nextStoreId++;
  private readonly schedulers: Array<BatchScheduler<unknown>> = [];

  constructor(private readonly options: ModelStoreOptions) {
    this.log = options.logger ?? silentLogger;
  }

  get modelsDir(): string {
    return this.options.modelsDir;
  }

  /** Model calls and inputs of the text models so far: their mean batch is inputs / batches. */
  stats(): BatchStats {
    const total: BatchStats = { batches: 0, inputs: 0 };
    for (const s of this.schedulers) {
      total.batches += s.stats.batches;
      total.inputs += s.stats.inputs;
    }
    return total;
  }

  /** A translation or summarisation model. */
  async load(model: ModelDeclaration): Promise<TextGenerator> {
    if (model.role === 'ner') throw new TypeError(`Model ${model.id} classifies tokens; load it with loadTokenClassifier()`);
    return (await this.loadModel(model)) as TextGenerator;
  }

  /** A token-classification (`ner`) model. */
  async loadTokenClassifier(model: ModelDeclaration): Promise<TokenClassifier> {
    if (model.role !== 'ner') throw new TypeError(`Model ${model.id} generates text; load it with load()`);
    return (await this.loadModel(model)) as TokenClassifier;
  }

  /** Any declared model, as its role makes it. */
  loadModel(model: ModelDeclaration): Promise<LoadedModel> {
    if (this.closed) return Promise.reject(new PipelineClosedError());
    let pending = this.loaded.get(model.id);
    if (!pending) {
      pending = this.doLoad(model);
      // A failed load is not cached: the user may pull the model and try again.
      pending.catch(() => this.loaded.delete(model.id));
      this.loaded.set(model.id, pending);
    }
    return pending;
  }

  private threadForLoad(): ModelThread {
    const thread = modelThread();
    if (thread !== this.thread) {
      this.stopListening?.();
      this.thread = thread;
      this.stopListening = thread.onDeath(() => {
        // The thread took this store's models with it: the next use loads them again.
        this.loaded.clear();
        this.disposers.length = 0;
        if (!this.closed) this.log.error?.('the model thread stopped; models will be loaded again on next use');
      });
    }
    return thread;
  }

  private async doLoad(model: ModelDeclaration): Promise<LoadedModel> {
    const missing = missingModelFiles(this.options.modelsDir, model);
    if (missing.length > 0 && !this.options.allowRemote) {
      throw new ModelError(
        'MODEL_NOT_FOUND',
        `Model ${model.id} is not in ${join(this.options.modelsDir, model.id)} (missing: ${missing.join(', ')}). Run \`precis models pull ${model.id}\`, copy a models/ folder that has it, or point --models-dir (PRECIS_MODELS_DIR) at one.`,
      );
    }
    const started = performance.now();
    this.log.debug?.('loading model', { model: model.id, modelsDir: this.options.modelsDir });
    const thread = this.threadForLoad();
    const handle = `${this.storeId}:${model.id}`;
    let sizes: { tokens: number | null; vocabSize: number | null; maxLength: number | null; specialTokens: number };
    try {
      sizes = await thread.call(
        {
          type: 'load',
          handle,
          model: model.id,
          modelsDir: this.options.modelsDir,
          allowRemote: this.options.allowRemote,
          task: model.role === 'translation' ? 'translation' : model.role === 'ner' ? 'token-classification' : 'summarization',
          quantized: model.dtype === 'quantized',
          revision: model.revision,
          // precis's engine reads the files from the models directory; files it would have to
          // fetch first are transformers.js' to fetch.
          engine: (this.options.engine ?? 'precis') === 'precis' && missing.length === 0 ? 'precis' : 'transformers',
        },
        'loaded',
        this.log,
      );
    } catch (error) {
      throw new ModelError(
        'MODEL_INVALID',
        `Model ${model.id} in ${join(this.options.modelsDir, model.id)} could not be loaded (${(error as Error).message}). Its files may be damaged or from another model: run \`precis models verify\`, then \`precis models pull ${model.id}\`.`,
        { cause: error },
      );
    }
    const dispose = async () => {
      await thread.call({ type: 'dispose', handle }, 'disposed', this.log).catch(() => undefined);
    };
    // A tokenizer from another model produces ids the model has no embedding for: refuse it.
    if (sizes.tokens !== null && sizes.vocabSize !== null && sizes.tokens > sizes.vocabSize) {
      await dispose();
      throw new ModelError(
        'MODEL_INVALID',
        `Model ${model.id} in ${join(this.options.modelsDir, model.id)} has a tokenizer of ${sizes.tokens} tokens for a model of ${sizes.vocabSize}: tokenizer.json belongs to another model. Run \`precis models verify\`, then \`precis models pull ${model.id}\`.`,
      );
    }
    // close() ran while this model was loading: free it rather than keep it unreachable.
    if (this.closed) {
      await dispose();
      throw new PipelineClosedError();
    }
    this.disposers.push(dispose);
    this.log.info?.('model loaded', { model: model.id, ms: Math.round(performance.now() - started) });
    if (model.role === 'ner') return tokenClassifier(model, thread, handle, sizes, this.log);
    const log = this.log;
    const batchSize = this.options.batchSize ?? 16;
    const scheduler = new BatchScheduler<GenerationSettings & { minLength?: number }>(
      async (inputs, settings) => (await thread.call({ type: 'generate', handle, inputs, settings: { ...settings, batchSize } }, 'generated', log)).outputs,
      () => batchSize,
    );
    this.schedulers.push(scheduler as BatchScheduler<unknown>);
    return {
      declaration: model,
      generate: (inputs, settings, signal) =>
        scheduler.submit(inputs, { beams: settings.beams, maxNewTokens: settings.maxNewTokens, ...(settings.minLength !== undefined ? { minLength: settings.minLength } : {}) }, signal),
    };
  }

  /** Frees every loaded model, after any load in progress settles; later loads are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.loaded.values()]);
    const disposers = this.disposers.splice(0);
    this.loaded.clear();
    await Promise.all(disposers.map((d) => d().catch(() => undefined)));
    this.stopListening?.();
  }
}

/** The main-thread side of a token classifier loaded in the model thread. */
function tokenClassifier(model: ModelDeclaration, thread: ModelThread, handle: string, sizes: { maxLength: number | null; specialTokens: number }, log: Logger): TokenClassifier {
  // BERT's 512 positions when the model does not say.
  const maxTokens = (sizes.maxLength ?? 512) - sizes.specialTokens;
  return {
    declaration: model,
    maxTokens,
    async tokenize(words) {
      if (words.length === 0) return { pieces: [], ids: [] };
      const reply = await thread.call({ type: 'tokenize', handle, words }, 'tokenized', log);
      return { pieces: reply.pieces, ids: reply.ids };
    },
    async classify(windows) {
      if (windows.length === 0) return [];
      const reply = await thread.call({ type: 'classify', handle, windows }, 'classified', log);
      return reply.labels;
    },
  };
}
