/** Messages between a ModelStore and its model thread. */

export type GenerationEngine = 'precis' | 'transformers';

/** One generation call: settings shared by its inputs. */
export interface GenerateCall {
  beams: number;
  maxNewTokens: number;
  minLength?: number;
  /** Inputs run together by the engine (sorted by length first). */
  batchSize: number;
}

export type ThreadRequest =
  | {
      type: 'load';
      requestId: number;
      /** Names this copy of the model in the thread: each store loads its own. */
      handle: string;
      model: string;
      modelsDir: string;
      allowRemote: boolean;
      task: 'translation' | 'summarization' | 'token-classification';
      quantized: boolean;
      revision: string;
      /** Who generates text: precis's batched engine, or the transformers.js pipeline (the reference). */
      engine: GenerationEngine;
    }
  | { type: 'generate'; requestId: number; handle: string; inputs: string[]; settings: GenerateCall }
  /** Token classification, step 1: each word's sub-word tokens (strings and ids), no special tokens. */
  | { type: 'tokenize'; requestId: number; handle: string; words: string[] }
  /** Token classification, step 2: one label per token of each window (ids from `tokenize`); the thread adds the special tokens. */
  | { type: 'classify'; requestId: number; handle: string; windows: number[][] }
  | { type: 'dispose'; requestId: number; handle: string };

export type ThreadReply =
  | {
      type: 'loaded';
      requestId: number;
      tokens: number | null;
      vocabSize: number | null;
      /** Most tokens one input may have, special tokens included (position embeddings, tokenizer limit). */
      maxLength: number | null;
      /** Special tokens the tokenizer adds around one input ([CLS] … [SEP]: 2). */
      specialTokens: number;
    }
  | { type: 'generated'; requestId: number; outputs: string[] }
  | { type: 'tokenized'; requestId: number; pieces: string[][]; ids: number[][] }
  | { type: 'classified'; requestId: number; labels: string[][] }
  | { type: 'disposed'; requestId: number }
  | { type: 'failed'; requestId: number; message: string }
  | { type: 'log'; level: 'debug' | 'warn'; message: string; model: string | undefined; requestId: number | undefined };

/** A request without its id; the client assigns ids. */
export type ThreadCall = ThreadRequest extends infer R ? (R extends { requestId: number } ? Omit<R, 'requestId'> : never) : never;
