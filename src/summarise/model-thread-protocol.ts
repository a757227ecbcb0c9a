/** Messages between a ModelStore and its model thread. */

export type ThreadRequest =
  | {
      type: 'load';
      requestId: number;
      /** Names this copy of the model in the thread: each store loads its own. */
      handle: string;
      model: string;
      modelsDir: string;
      allowRemote: boolean;
      task: 'translation' | 'summarization';
      quantized: boolean;
      revision: string;
    }
  | { type: 'generate'; requestId: number; handle: string; key: string; inputs: string[]; options: Record<string, unknown> }
  | { type: 'dispose'; requestId: number; handle: string };

export type ThreadReply =
  | { type: 'loaded'; requestId: number; tokens: number | null; vocabSize: number | null }
  | { type: 'generated'; requestId: number; outputs: string[] }
  | { type: 'disposed'; requestId: number }
  | { type: 'failed'; requestId: number; message: string }
  | { type: 'log'; level: 'debug' | 'warn'; message: string; model: string | undefined; requestId: number | undefined };

/** A request without its id; the client assigns ids. */
export type ThreadCall = ThreadRequest extends infer R ? (R extends { requestId: number } ? Omit<R, 'requestId'> : never) : never;
