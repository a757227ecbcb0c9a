import { AbortError } from '../errors.js';

/** How many generation calls a model made, and for how many inputs. */
export interface BatchStats {
  batches: number;
  inputs: number;
}

interface Pending<S> {
  text: string;
  key: string;
  settings: S;
  resolve(output: string): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
}

/**
 * Pools the inputs of every article in flight into shared model calls. Inputs wait while the
 * model is busy, or at most `waitMs` when it is idle (so the articles that arrive together go
 * together); a call takes up to `maxBatch` inputs that share their settings, oldest first. One
 * call runs at a time: the model thread is serial, and a full batch is where its speed is.
 */
export class BatchScheduler<S> {
  private readonly queue: Array<Pending<S>> = [];
  private busy = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly counts: BatchStats = { batches: 0, inputs: 0 };

  constructor(
    private readonly run: (inputs: string[], settings: S) => Promise<string[]>,
    private readonly maxBatch: () => number,
    private readonly waitMs = 2,
  ) {}

  get stats(): BatchStats {
    return { ...this.counts };
  }

  /** The outputs of `inputs`, in order. A signal that aborts drops the inputs not yet sent. */
  submit(inputs: readonly string[], settings: S, signal?: AbortSignal): Promise<string[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    if (signal?.aborted) return Promise.reject(new AbortError());
    const key = JSON.stringify(settings);
    const promises = inputs.map(
      (text) =>
        new Promise<string>((resolve, reject) => {
          this.queue.push({ text, key, settings, resolve, reject, signal });
        }),
    );
    const all = Promise.all(promises);
    if (signal) {
      const onAbort = () => {
        for (let i = this.queue.length - 1; i >= 0; i--) {
          if (this.queue[i]!.signal === signal) this.queue.splice(i, 1)[0]!.reject(new AbortError());
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void all.then(
        () => signal.removeEventListener('abort', onAbort),
        () => signal.removeEventListener('abort', onAbort),
      );
    }
    this.schedule();
    return all;
  }

  private schedule(): void {
    if (this.busy || this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.dispatch();
    }, this.waitMs);
  }

  private async dispatch(): Promise<void> {
    if (this.busy || this.queue.length === 0) return;
    const key = this.queue[0]!.key;
    const batch: Array<Pending<S>> = [];
    const limit = Math.max(1, this.maxBatch());
    for (let i = 0; i < this.queue.length && batch.length < limit; ) {
      if (this.queue[i]!.key === key) batch.push(this.queue.splice(i, 1)[0]!);
      else i++;
    }
    this.busy = true;
    this.counts.batches += 1;
    this.counts.inputs += batch.length;
    try {
      const outputs = await this.run(
        batch.map((p) => p.text),
        batch[0]!.settings,
      );
      batch.forEach((p, i) => p.resolve(outputs[i] ?? ''));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.busy = false;
    }
    // What arrived during the call goes at once: it has waited long enough.
    if (this.queue.length > 0) void this.dispatch();
  }
}
