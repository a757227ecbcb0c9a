import { availableParallelism } from 'node:os';
import type { Pipeline, PipelineOptions } from '../pipeline.js';
import type { QueueViewOptions } from './queue-dashboard.js';

export interface ServerOptions {
  /** Options of the pipeline the server creates (and closes). Ignored when `pipeline` is given. */
  pipelineOptions?: PipelineOptions;
  /** A pipeline to serve instead; the caller keeps it and closes it. */
  pipeline?: Pipeline;
  /** Documents processed at once. @default the number of CPU cores */
  concurrency?: number;
  /** Documents that may wait for a worker; beyond them requests get 429. @default 8 × concurrency */
  maxQueued?: number;
  /** Milliseconds a document may take, waiting included; then 504. @default 30000 */
  timeoutMs?: number;
  /** Largest body of /v1/summarise and /v1/extract, in bytes; larger gets 413. @default 1 MiB */
  bodyLimit?: number;
  /** Largest body of /v1/batch, in bytes. @default 8 MiB */
  batchBodyLimit?: number;
  /** Most documents in one /v1/batch request; at most `concurrency + maxQueued`. @default 32 */
  maxBatch?: number;
  /** Load the models at start, so /readyz reports them and the first request does not wait. @default true */
  warmUp?: boolean;
  /** Milliseconds shutdown waits for requests in flight before cancelling them. @default timeoutMs + 5000 */
  shutdownTimeoutMs?: number;
  /** Milliseconds a client has to send a request's headers; a slower connection is closed. @default 10000 */
  headersTimeoutMs?: number;
  /** Milliseconds a client has to send a whole request, body included; then 408. @default 30000 */
  requestTimeoutMs?: number;
  /**
   * A precis job queue to show: its job counts join /metrics, and with `dashboard: true` the
   * bull-board dashboard answers at /queues (to requests from this machine only).
   * @default none
   */
  queue?: QueueViewOptions;
  /** Fastify's (pino) logger: `false` for none, or pino options such as `{ level: 'info' }`. @default false */
  logger?: boolean | { level: string };
}

export type ResolvedServerOptions = Required<Omit<ServerOptions, 'pipeline' | 'pipelineOptions' | 'queue'>> & Pick<ServerOptions, 'pipeline' | 'pipelineOptions' | 'queue'>;

export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  const int = (name: keyof ServerOptions, value: number | undefined, fallback: number, min = 1): number => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < min) throw new TypeError(`Expected \`${name}\` to be an integer from ${min} and up, got \`${String(v)}\``);
    return v;
  };
  const concurrency = int('concurrency', options.concurrency, availableParallelism());
  const maxQueued = int('maxQueued', options.maxQueued, 8 * concurrency, 0);
  const timeoutMs = int('timeoutMs', options.timeoutMs, 30_000);
  const maxBatch = int('maxBatch', options.maxBatch, Math.min(32, concurrency + maxQueued));
  if (maxBatch > concurrency + maxQueued) {
    throw new TypeError(
      `Expected \`maxBatch\` (${maxBatch}) to be at most concurrency + maxQueued (${concurrency + maxQueued}): a larger batch could never be admitted.`,
    );
  }
  const headersTimeoutMs = int('headersTimeoutMs', options.headersTimeoutMs, 10_000);
  const requestTimeoutMs = int('requestTimeoutMs', options.requestTimeoutMs, Math.max(30_000, headersTimeoutMs));
  if (requestTimeoutMs < headersTimeoutMs) throw new TypeError(`Expected \`requestTimeoutMs\` (${requestTimeoutMs}) to be at least \`headersTimeoutMs\` (${headersTimeoutMs}).`);
  return {
    pipelineOptions: options.pipelineOptions,
    queue: options.queue,
    headersTimeoutMs,
    requestTimeoutMs,
    pipeline: options.pipeline,
    concurrency,
    maxQueued,
    timeoutMs,
    bodyLimit: int('bodyLimit', options.bodyLimit, 1024 * 1024),
    batchBodyLimit: int('batchBodyLimit', options.batchBodyLimit, 8 * 1024 * 1024),
    maxBatch,
    warmUp: options.warmUp ?? true,
    shutdownTimeoutMs: int('shutdownTimeoutMs', options.shutdownTimeoutMs, timeoutMs + 5000),
    logger: options.logger ?? false,
  };
}
