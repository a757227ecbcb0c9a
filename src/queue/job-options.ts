import type { JobsOptions } from 'bullmq';

/** Tries of a job that fails for a passing reason (a deadline on a busy machine, a full disk). */
export const DEFAULT_ATTEMPTS = 3;
/** Milliseconds before the first retry; each retry waits twice as long as the one before. */
export const DEFAULT_BACKOFF_MS = 5000;

/**
 * Every job: a passing failure is retried after 5, then 10 s (by default); done and failed jobs
 * stay in Redis (a done job without its article, see the worker) so that adding the same article
 * again is recognised and failures can be inspected and retried.
 */
export function jobOptions(attempts = DEFAULT_ATTEMPTS, backoffMs = DEFAULT_BACKOFF_MS): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: false,
    removeOnFail: false,
  };
}
