/**
 * The worker thread that holds the process's models. ONNX inference in transformers.js runs
 * synchronously for each step, so on the main thread a translation would stall every timer,
 * socket and signal of the host for seconds; here it stalls only this thread. There is one such
 * thread per process because onnxruntime-node can be loaded by one thread only, once.
 */
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import type { GenerateCall, ThreadReply, ThreadRequest } from './model-thread-protocol.js';
import type { Seq2SeqEngine } from './seq2seq-engine.js';

interface Tokenizer {
  model?: { vocab?: unknown[]; convert_ids_to_tokens?(ids: number[]): string[] };
  model_max_length?: number;
  encode(text: string, pair?: string | null, options?: { add_special_tokens?: boolean }): number[];
}

interface TensorLike {
  data: ArrayLike<number>;
  dims: number[];
}

type Generator = ((inputs: string[], options: Record<string, unknown>) => Promise<Array<Record<string, string>>>) & {
  dispose?: () => Promise<void>;
  tokenizer?: Tokenizer;
  model?: ((inputs: Record<string, unknown>) => Promise<{ logits: TensorLike }>) & {
    config?: { vocab_size?: number; max_position_embeddings?: number; id2label?: Record<string, string> };
  };
};

const port = parentPort!;
const pipes = new Map<string, Generator>();
/** Models that precis's engine runs (the tokenizer is transformers.js'); others run in `pipes`. */
const engines = new Map<string, { engine: Seq2SeqEngine; tokenizer: TextTokenizer; key: string }>();

interface TextTokenizer {
  (texts: string[], options: Record<string, unknown>): { input_ids: { data: BigInt64Array; dims: number[] }; attention_mask: { data: BigInt64Array } };
  batch_decode(ids: number[][], options: { skip_special_tokens: boolean }): string[];
  model_max_length?: number;
  model?: { vocab?: unknown[] };
}
let inLoad: { model: string; requestId: number } | undefined;
// transformers.js reads its settings from one global `env`: loads run one at a time so each
// reads the directory and remote policy of the store that asked.
let loads: Promise<unknown> = Promise.resolve();

const post = (reply: ThreadReply) => port.postMessage(reply);

// This thread's console belongs to transformers.js: its notices go to the host's logger.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    // The Marian notice is about the fast-tokenizer port, not a fault of the model.
    const severity = (level === 'warn' || level === 'error') && !message.includes('MarianTokenizer') ? 'warn' : 'debug';
    post({ type: 'log', level: severity, message, model: inLoad?.model, requestId: inLoad?.requestId });
  };
}

const transformers = import('@xenova/transformers');

port.on('message', (request: ThreadRequest) => {
  void handle(request).catch((error: unknown) => post({ type: 'failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) }));
});

async function handle(request: ThreadRequest): Promise<void> {
  switch (request.type) {
    case 'load': {
      if (request.engine === 'precis' && request.task !== 'token-classification') {
        const run = () => loadEngine(request);
        const loading = loads.then(run, run);
        loads = loading.catch(() => undefined);
        const { engine, tokenizer } = await loading;
        post({
          type: 'loaded',
          requestId: request.requestId,
          tokens: tokenizer.model?.vocab?.length ?? null,
          vocabSize: engine.vocabSize,
          maxLength: Math.min(engine.config.maxPositions, tokenizer.model_max_length ?? Infinity),
          specialTokens: 0,
        });
        return;
      }
      const run = () => load(request);
      const loading = loads.then(run, run);
      loads = loading.catch(() => undefined);
      const pipe = await loading;
      post({
        type: 'loaded',
        requestId: request.requestId,
        tokens: pipe.tokenizer?.model?.vocab?.length ?? null,
        vocabSize: pipe.model?.config?.vocab_size ?? null,
        maxLength: maxLength(pipe),
        specialTokens: pipe.tokenizer ? pipe.tokenizer.encode('').length : 0,
      });
      return;
    }
    case 'tokenize': {
      const tokenizer = loaded(request.handle).tokenizer!;
      const ids = request.words.map((word) => tokenizer.encode(word, null, { add_special_tokens: false }));
      const pieces = ids.map((x) => tokenizer.model?.convert_ids_to_tokens?.(x) ?? x.map(String));
      post({ type: 'tokenized', requestId: request.requestId, pieces, ids });
      return;
    }
    case 'classify': {
      const labels = [];
      for (const window of request.windows) labels.push(await classify(loaded(request.handle), window));
      post({ type: 'classified', requestId: request.requestId, labels });
      return;
    }
    case 'generate': {
      post({ type: 'generated', requestId: request.requestId, outputs: await generate(request.handle, request.inputs, request.settings) });
      return;
    }
    case 'dispose': {
      const pipe = pipes.get(request.handle);
      pipes.delete(request.handle);
      engines.delete(request.handle);
      await pipe?.dispose?.();
      post({ type: 'disposed', requestId: request.requestId });
      return;
    }
  }
}

async function load(request: Extract<ThreadRequest, { type: 'load' }>): Promise<Generator> {
  const { env, pipeline } = await transformers;
  env.localModelPath = request.modelsDir.endsWith('/') ? request.modelsDir : `${request.modelsDir}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = request.allowRemote;
  inLoad = { model: request.model, requestId: request.requestId };
  try {
    const pipe = (await pipeline(request.task, request.model, {
      quantized: request.quantized,
      revision: request.revision,
      local_files_only: !request.allowRemote,
    })) as unknown as Generator;
    pipes.set(request.handle, pipe);
    return pipe;
  } finally {
    inLoad = undefined;
  }
}

/** A text model for precis's engine: its ONNX sessions and transformers.js' tokenizer. */
async function loadEngine(request: Extract<ThreadRequest, { type: 'load' }>): Promise<{ engine: Seq2SeqEngine; tokenizer: TextTokenizer }> {
  const [{ env, AutoTokenizer }, { Seq2SeqEngine }] = await Promise.all([transformers, import('./seq2seq-engine.js')]);
  env.localModelPath = request.modelsDir.endsWith('/') ? request.modelsDir : `${request.modelsDir}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  inLoad = { model: request.model, requestId: request.requestId };
  try {
    const [tokenizer, engine] = await Promise.all([
      AutoTokenizer.from_pretrained(request.model, { revision: request.revision, local_files_only: true }) as unknown as Promise<TextTokenizer>,
      Seq2SeqEngine.load({ dir: join(request.modelsDir, request.model), quantized: request.quantized }),
    ]);
    const entry = { engine, tokenizer, key: request.task === 'translation' ? 'translation_text' : 'summary_text' };
    engines.set(request.handle, entry);
    return entry;
  } finally {
    inLoad = undefined;
  }
}

/** Texts to generated texts, with whichever engine the model was loaded for. */
async function generate(handle: string, inputs: string[], settings: GenerateCall): Promise<string[]> {
  const entry = engines.get(handle);
  if (!entry) {
    const pipe = loaded(handle);
    const key = (pipe as unknown as { task?: string }).task === 'translation' ? 'translation_text' : 'summary_text';
    const outputs = await pipe(inputs, {
      // Longer inputs than the model's positions are cut, not an error.
      truncation: true,
      num_beams: settings.beams,
      max_new_tokens: settings.maxNewTokens,
      do_sample: false,
      ...(settings.minLength !== undefined ? { min_length: settings.minLength } : {}),
    });
    return outputs.map((o) => o[key] ?? o.translation_text ?? o.summary_text ?? '');
  }
  const { engine, tokenizer } = entry;
  // Tokenized one by one, as the pipeline does at batch 1: the engine pads its own batches.
  const ids = inputs.map((text) => Array.from(tokenizer([text], { truncation: true }).input_ids.data, Number));
  const generated = await engine.generate(ids, { beams: settings.beams, maxNewTokens: settings.maxNewTokens, minLength: settings.minLength }, settings.batchSize);
  return tokenizer.batch_decode(generated, { skip_special_tokens: true });
}

function loaded(handle: string): Generator {
  const pipe = pipes.get(handle);
  if (!pipe) throw new Error(`model ${handle} is not loaded in the model thread`);
  return pipe;
}

/** The longest input the model takes: its position embeddings, or the tokenizer's limit if lower. */
function maxLength(pipe: Generator): number | null {
  const limits = [pipe.model?.config?.max_position_embeddings, pipe.tokenizer?.model_max_length].filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
  return limits.length > 0 ? Math.min(...limits) : null;
}

/** One window of token ids, wrapped in the tokenizer's special tokens, to the top label of each of its tokens. */
async function classify(pipe: Generator, window: number[]): Promise<string[]> {
  const { Tensor } = await transformers;
  const tokenizer = pipe.tokenizer!;
  const model = pipe.model!;
  // The special tokens around an empty input: [CLS] [SEP] for BERT.
  const specials = tokenizer.encode('');
  const ids = [...specials.slice(0, 1), ...window, ...specials.slice(1)];
  const limit = maxLength(pipe);
  if (limit !== null && ids.length > limit) throw new Error(`a window of ${ids.length} tokens is longer than the model's ${limit}`);
  const tensor = (values: number[]) => new Tensor('int64', BigInt64Array.from(values, (v) => BigInt(v)), [1, values.length]);
  const { logits } = await model({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), token_type_ids: tensor(ids.map(() => 0)) });
  const classes = logits.dims[2]!;
  const id2label = model.config?.id2label ?? {};
  const labels: string[] = [];
  for (let t = 1; t <= window.length; t++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits.data[t * classes + c]! > logits.data[t * classes + best]!) best = c;
    labels.push(id2label[best] ?? `LABEL_${best}`);
  }
  return labels;
}
