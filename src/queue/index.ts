/**
 * `precis/queue`: spread the work over processes and machines with a BullMQ queue on Redis.
 * `enqueue` adds one job per article, `createWorker` processes them into record files, and
 * `queueStatus` / `waitForDrain` / `failedJobs` / `retryFailed` watch and mend the queue.
 */
export { enqueue } from './enqueue.js';
export type { EnqueueCounts, EnqueueInputs, EnqueueOptions } from './enqueue.js';
export { createWorker } from './create-worker.js';
export type { PrecisWorker, WorkerEvent, WorkerOptions } from './create-worker.js';
export { failedJobs, JOB_STATES, queueStatus, retryFailed, waitForDrain } from './queue-status.js';
export type { FailedJob, JobState, QueueStatus } from './queue-status.js';
export { QueueError, DEFAULT_PREFIX, DEFAULT_QUEUE, DEFAULT_REDIS_URL } from './redis-connection.js';
export type { QueueConnectionOptions } from './redis-connection.js';
export type { ArticleJobData, JobCommand } from './article-job.js';
