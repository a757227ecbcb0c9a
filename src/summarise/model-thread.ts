/**
 * The worker thread that holds the process's models. ONNX inference in transformers.js runs
 * synchronously for each step, so on the main thread a translation would stall every timer,
 * socket and signal of the host for seconds; here it stalls only this thread. There is one such
 * thread per process because onnxruntime-node can be loaded by one thread only, once.
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './model-thread-protocol.js';

type Generator = ((inputs: string[], options: Record<string, unknown>) => Promise<Array<Record<string, string>>>) & {
  dispose?: () => Promise<void>;
  tokenizer?: { model?: { vocab?: unknown[] } };
  model?: { config?: { vocab_size?: number } };
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
      post({ type: 'loaded', requestId: request.requestId, tokens: pipe.tokenizer?.model?.vocab?.length ?? null, vocabSize: pipe.model?.config?.vocab_size ?? null });
      return;
    }
    case 'generate': {
      const pipe = pipes.get(request.handle);
      if (!pipe) throw new Error(`model ${request.handle} is not loaded in the model thread`);
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
