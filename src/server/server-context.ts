import type { ModelStatus, Pipeline } from '../pipeline.js';
import type { ServerMetrics } from './metrics.js';
import type { ResolvedServerOptions } from './server-options.js';
import type { WorkQueue } from './work-queue.js';

/** What the routes of one server share. */
export interface ServerContext {
  options: ResolvedServerOptions;
  pipeline: Pipeline;
  queue: WorkQueue;
  metrics: ServerMetrics;
  state: {
    /** Shutdown has begun: no new work. */
    draining: boolean;
    /** What warm-up loaded; null while it runs. */
    models: ModelStatus[] | null;
  };
  /** Aborts when shutdown gives up waiting, cancelling every document still in progress. */
  stopAll: AbortSignal;
}
