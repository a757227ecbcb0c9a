import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineClosedError, PrecisError } from '../errors.js';
import type { ModelDeclaration } from '../models/manifest.js';
import { type Logger, silentLogger } from '../util/logger.js';

export interface GenerationSettings {
  /** Beams for beam search; 1 is greedy. */
  beams: number;
  maxNewTokens: number;
}

/** A loaded text-to-text model: a batch of inputs to a batch of outputs. */
export interface TextGenerator {
  readonly declaration: ModelDeclaration;
  generate(inputs: string[], settings: GenerationSettings & { minLength?: number }): Promise<string[]>;
}

export interface ModelStoreOptions {
  modelsDir: string;
  /** Let transformers.js fetch missing files from the Hub. Off: precis is offline-first. */
  allowRemote: boolean;
  logger?: Logger;
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

type Transformers = typeof import('@xenova/transformers');
let transformers: Promise<Transformers> | undefined;
// transformers.js keeps its settings in one global `env`; loads are serialised so each reads
// the directory and remote policy of the store that asked.
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * The one module that touches transformers.js. Models load lazily, once per store, and are
 * shared by every article processed concurrently; loading never reaches the network unless
 * `allowRemote` is set.
 */
export class ModelStore {
  private readonly loaded = new Map<string, Promise<TextGenerator>>();
  private readonly disposers: Array<() => Promise<void>> = [];
  private readonly log: Logger;
  private closed = false;

  constructor(private readonly options: ModelStoreOptions) {
    this.log = options.logger ?? silentLogger;
  }

  get modelsDir(): string {
    return this.options.modelsDir;
  }

  load(model: ModelDeclaration): Promise<TextGenerator> {
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

  private async doLoad(model: ModelDeclaration): Promise<TextGenerator> {
    const missing = missingModelFiles(this.options.modelsDir, model);
    if (missing.length > 0 && !this.options.allowRemote) {
      throw new ModelError(
        'MODEL_NOT_FOUND',
        `Model ${model.id} is not in ${join(this.options.modelsDir, model.id)} (missing: ${missing.join(', ')}). Run \`precis models pull ${model.id}\`, copy a models/ folder that has it, or point --models-dir (PRECIS_MODELS_DIR) at one.`,
      );
    }
    const started = performance.now();
    this.log.debug?.('loading model', { model: model.id, modelsDir: this.options.modelsDir });
    transformers ??= import('@xenova/transformers');
    const { env, pipeline } = await transformers;
    const task = model.role === 'translation' ? 'translation' : 'summarization';
    const run = async () => {
      env.localModelPath = this.options.modelsDir.endsWith('/') ? this.options.modelsDir : `${this.options.modelsDir}/`;
      env.allowLocalModels = true;
      env.allowRemoteModels = this.options.allowRemote;
      // transformers.js warns on the console that Marian tokenizers are "not yet supported by
      // fast tokenizers"; a library must not write to its host's console.
      // Other warnings raised while loading go to the host's logger when it gave one.
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        const text = args.map(String).join(' ');
        if (text.includes('MarianTokenizer')) this.log.debug?.(text, { model: model.id });
        else if (this.log.warn) this.log.warn(text, { model: model.id });
        else warn(...args);
      };
      try {
        return await pipeline(task, model.id, {
          quantized: model.dtype === 'quantized',
          revision: model.revision,
          local_files_only: !this.options.allowRemote,
        });
      } catch (error) {
        throw new ModelError(
          'MODEL_INVALID',
          `Model ${model.id} in ${join(this.options.modelsDir, model.id)} could not be loaded (${(error as Error).message}). Its files may be damaged or from another model: run \`precis models verify\`, then \`precis models pull ${model.id}\`.`,
          { cause: error },
        );
      } finally {
        console.warn = warn;
      }
    };
    const loading = loadQueue.then(run, run);
    loadQueue = loading.catch(() => undefined);
    const pipe = await loading;
    const dispose = async () => {
      await (pipe as unknown as { dispose?: () => Promise<void> }).dispose?.();
    };
    try {
      checkTokenizerFits(pipe, model, this.options.modelsDir);
    } catch (error) {
      await dispose().catch(() => undefined);
      throw error;
    }
    // close() ran while this model was loading: free it rather than keep it unreachable.
    if (this.closed) {
      await dispose().catch(() => undefined);
      throw new PipelineClosedError();
    }
    this.disposers.push(dispose);
    this.log.info?.('model loaded', { model: model.id, ms: Math.round(performance.now() - started) });
    const call = pipe as unknown as (inputs: string[], options: Record<string, unknown>) => Promise<Array<Record<string, string>>>;
    const key = model.role === 'translation' ? 'translation_text' : 'summary_text';
    return {
      declaration: model,
      async generate(inputs, settings) {
        if (inputs.length === 0) return [];
        const outputs = await call(inputs, {
          // Longer inputs than the model's positions are cut, not an error.
          truncation: true,
          num_beams: settings.beams,
          max_new_tokens: settings.maxNewTokens,
          do_sample: false,
          ...(settings.minLength !== undefined ? { min_length: settings.minLength } : {}),
        });
        return outputs.map((o) => o[key] ?? '');
      },
    };
  }

  /** Frees every loaded model, after any load in progress settles; later loads are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.loaded.values()]);
    const disposers = this.disposers.splice(0);
    this.loaded.clear();
    await Promise.all(disposers.map((d) => d().catch(() => undefined)));
  }
}

/** A tokenizer from another model produces ids the model has no embedding for: refuse it. */
function checkTokenizerFits(pipe: unknown, model: ModelDeclaration, modelsDir: string): void {
  const p = pipe as { tokenizer?: { model?: { vocab?: unknown[] } }; model?: { config?: { vocab_size?: number } } };
  const tokens = p.tokenizer?.model?.vocab?.length;
  const expected = p.model?.config?.vocab_size;
  if (tokens !== undefined && expected !== undefined && tokens > expected) {
    throw new ModelError(
      'MODEL_INVALID',
      `Model ${model.id} in ${join(modelsDir, model.id)} has a tokenizer of ${tokens} tokens for a model of ${expected}: tokenizer.json belongs to another model. Run \`precis models verify\`, then \`precis models pull ${model.id}\`.`,
    );
  }
}
