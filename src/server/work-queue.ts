import PQueue from 'p-queue';
import { AbortError } from '../errors.js';

export interface WorkQueueOptions {
  /** Documents processed at once. */
  concurrency: number;
  /** Documents that may wait for a worker; beyond this, work is refused rather than held in memory. */
  maxQueued: number;
  /**
   * Milliseconds an admitted document may take, waiting included. Work is admitted only while
   * the bytes ahead of it can be read within it.
   * @default Infinity (admission by count only)
   */
  deadlineMs?: number;
}

/** Why a request is refused. */
export type Refusal = 'slots' | 'work';

// Time per byte before anything was measured: about what extraction takes on one core (a 1 MB
// article in about a second). Learned from finished documents afterwards.
const INITIAL_MS_PER_BYTE = 1 / 1024;
// Below this size a document's time is mostly fixed costs, not its bytes.
const LEARN_FROM_BYTES = 4096;

/**
 * Admission control in front of the pipeline. A request first reserves one slot per document and
 * its bytes; it is refused at once when the running plus waiting documents would exceed
 * `concurrency + maxQueued`, or when the bytes already admitted would keep it from finishing
 * within its deadline. Memory is bounded by the limits, not by the number of clients, and admitted
 * work finishes in time instead of timing out in the queue. A slot is released only when its work
 * has really stopped, never merely because the client gave up.
 */
export class WorkQueue {
  readonly capacity: number;
  private readonly queue: PQueue;
  private admitted = 0;
  private admittedBytes = 0;
  // Mean seconds per document, for Retry-After; smoothed so one slow article does not swing it.
  private meanSeconds = 0.05;
  private msPerByte = INITIAL_MS_PER_BYTE;

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

  /** Bytes of the documents admitted and not finished. */
  get bytes(): number {
    return this.admittedBytes;
  }

  /**
   * Reserves `n` slots and `bytes`, or returns why not (and reserves nothing): not enough free
   * slots, or more work ahead than the deadline allows. Work is never refused when none is admitted.
   */
  tryAdmit(n: number, bytes = 0): true | Refusal {
    if (n > this.free) return 'slots';
    if (this.admitted > 0 && this.expectedMs(bytes, n) > (this.options.deadlineMs ?? Infinity)) return 'work';
    this.admitted += n;
    this.admittedBytes += bytes;
    return true;
  }

  /**
   * Milliseconds until `n` more documents of `bytes` in all would be done: the work admitted,
   * shared among the workers, then the new work, shared among as many workers as it has documents.
   */
  expectedMs(bytes: number, n = 1): number {
    const { concurrency } = this.options;
    return (this.admittedBytes * this.msPerByte) / concurrency + (bytes * this.msPerByte) / Math.min(Math.max(n, 1), concurrency);
  }

  /** Runs one admitted document of `bytes`. A signal that aborts while it waits makes it skip its turn. */
  async run<T>(work: (signal: AbortSignal | undefined) => Promise<T>, signal?: AbortSignal, bytes = 0): Promise<T> {
    try {
      return await this.queue.add(
        async () => {
          if (signal?.aborted) throw new AbortError();
          const started = performance.now();
          try {
            return await work(signal);
          } finally {
            const ms = performance.now() - started;
            this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * (ms / 1000);
            if (bytes >= LEARN_FROM_BYTES && !signal?.aborted) this.msPerByte = 0.8 * this.msPerByte + 0.2 * (ms / bytes);
          }
        },
        { throwOnTimeout: true },
      );
    } finally {
      this.admitted -= 1;
      this.admittedBytes -= bytes;
    }
  }

  /** Seconds until `n` slots (or `bytes` of work) are likely free: the work ahead divided among the workers. */
  retryAfterSeconds(n = 1, bytes = 0): number {
    const ahead = this.admitted + n - this.options.concurrency;
    const bySlots = (Math.max(ahead, 1) * this.meanSeconds) / this.options.concurrency;
    const byBytes = bytes > 0 ? (this.expectedMs(bytes, n) - (this.options.deadlineMs ?? Infinity)) / 1000 : 0;
    return Math.max(1, Math.ceil(Math.max(bySlots, byBytes)));
  }

  /** Resolves when nothing is running or waiting. */
  onIdle(): Promise<void> {
    return this.queue.onIdle();
  }
}
