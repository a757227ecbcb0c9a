/**
 * The worker thread that holds the process's models. ONNX inference in transformers.js runs
 * synchronously for each step, so on the main thread a translation would stall every timer,
 * socket and signal of the host for seconds; here it stalls only this thread. There is one such
 * thread per process because onnxruntime-node can be loaded by one thread only, once.
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './model-thread-protocol.js';

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
      const pipe = loaded(request.handle);
      const outputs = await pipe(request.inputs, request.options);
      post({ type: 'generated', requestId: request.requestId, outputs: outputs.map((o) => o[request.key] ?? '') });
      return;
    }
    case 'dispose': {
      const pipe = pipes.get(request.handle);
      pipes.delete(request.handle);
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
