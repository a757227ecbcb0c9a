import PQueue from 'p-queue';
import { AbortError } from '../errors.js';

export interface WorkQueueOptions {
  /** Documents processed at once. */
  concurrency: number;
  /** Documents that may wait for a worker; beyond this, work is refused rather than held in memory. */
  maxQueued: number;
}

/**
 * Admission control in front of the pipeline. A request first reserves one slot per document;
 * when the running plus waiting documents would exceed `concurrency + maxQueued` it is refused
 * at once, so memory is bounded by the limit, not by the number of clients. A slot is released
 * only when its work has really stopped, never merely because the client gave up.
 */
export class WorkQueue {
  readonly capacity: number;
  private readonly queue: PQueue;
  private admitted = 0;
  // Mean seconds per document, for Retry-After; smoothed so one slow article does not swing it.
  private meanSeconds = 0.05;

  constructor(readonly options: WorkQueueOptions) {
    this.capacity = options.concurrency + options.maxQueued;
    this.queue = new PQueue({ concurrency: options.concurrency });
  }

  /** Documents waiting for a worker. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Documents being processed. */
  get running(): number {
    return this.queue.pending;
  }

  /** Slots not reserved by admitted work. */
  get free(): number {
    return this.capacity - this.admitted;
  }

  /** Reserves `n` slots, or returns false (and reserves none) when they are not all free. */
  tryAdmit(n: number): boolean {
    if (n > this.free) return false;
    this.admitted += n;
    return true;
  }

  /** Runs one admitted document. A signal that aborts while it waits makes it skip its turn. */
  async run<T>(work: (signal: AbortSignal | undefined) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await this.queue.add(
        async () => {
          if (signal?.aborted) throw new AbortError();
          const started = performance.now();
          try {
            return await work(signal);
          } finally {
            this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * ((performance.now() - started) / 1000);
          }
        },
        { throwOnTimeout: true },
      );
    } finally {
      this.admitted -= 1;
    }
  }

  /** Seconds until `n` slots are likely free: the work ahead of them divided among the workers. */
  retryAfterSeconds(n = 1): number {
    const ahead = this.admitted + n - this.options.concurrency;
    return Math.max(1, Math.ceil((Math.max(ahead, 1) * this.meanSeconds) / this.options.concurrency));
  }

  /** Resolves when nothing is running or waiting. */
  onIdle(): Promise<void> {
    return this.queue.onIdle();
  }
}
