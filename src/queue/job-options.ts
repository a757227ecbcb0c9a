import type { JobsOptions } from 'bullmq';

/** Tries of a job that fails for a passing reason (a deadline on a busy machine, a full disk). */
export const JOB_ATTEMPTS = 3;

/**
 * Every job: a passing failure is retried after 5, 10, then 20 s; done and failed jobs stay in
 * Redis (a done job without its article, see the worker) so that adding the same article again
 * is recognised and failures can be inspected and retried.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: false,
  removeOnFail: false,
};
