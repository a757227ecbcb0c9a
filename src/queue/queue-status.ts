import { type Job, Queue } from 'bullmq';
import { AbortError, throwIfAborted } from '../errors.js';
import type { ArticleJobData } from './article-job.js';
import { checkRedis, closeRedis, openRedis, type QueueConnectionOptions, redact, resolveConnection } from './redis-connection.js';

export const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'paused'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueStatus {
  queue: string;
  /** The Redis address, password hidden. */
  redis: string;
  counts: Record<JobState, number>;
  /** Jobs still to finish: waiting, prioritized, delayed, active, paused. */
  pending: number;
  /** Workers connected now; null when Redis does not say (CLIENT LIST disabled). */
  workers: number | null;
  /** Articles per second over the last jobs completed (up to 200 of the last 5 minutes); null before two. */
  throughput: number | null;
  /** Failed jobs by error code, most frequent first, with one message each. */
  failures: Array<{ code: string; count: number; example: string }>;
}

export interface FailedJob {
  jobId: string;
  id: string;
  path: string | null;
  code: string;
  message: string;
  attempts: number;
  failedAt: string | null;
}

/** Opens the queue for one use (status, wait, retry) and closes it after. */
async function withQueue<T>(options: QueueConnectionOptions, use: (queue: Queue<ArticleJobData>, url: string) => Promise<T>): Promise<T> {
  const connection = resolveConnection(options);
  const redis = openRedis(connection.url, { blocking: false });
  let queue: Queue<ArticleJobData> | undefined;
  try {
    await checkRedis(redis, connection.url);
    queue = new Queue<ArticleJobData>(connection.queue, { connection: redis, prefix: connection.prefix });
    return await use(queue, connection.url);
  } finally {
    await queue?.close().catch(() => undefined);
    closeRedis(redis);
  }
}

/** Counts by state, throughput and failure reasons of a queue. */
export function queueStatus(options: QueueConnectionOptions = {}): Promise<QueueStatus> {
  return withQueue(options, (queue, url) => statusOf(queue, url));
}

/**
 * Polls until no job is left to finish (waiting, delayed, active), and returns the final status.
 * A job held by a worker that died counts as active until another worker takes it back.
 */
export function waitForDrain(
  options: QueueConnectionOptions & { intervalMs?: number; signal?: AbortSignal; onStatus?: (counts: Record<JobState, number>) => void } = {},
): Promise<QueueStatus> {
  return withQueue(options, async (queue, url) => {
    const interval = options.intervalMs ?? 1000;
    for (;;) {
      throwIfAborted(options.signal);
      // Each look reads the counts only; throughput and failure reasons are read once, at the end.
      const { counts, pending } = await countsOf(queue);
      options.onStatus?.(counts);
      if (pending === 0 || (counts.paused > 0 && pending === counts.paused && counts.active === 0)) return statusOf(queue, url);
      await sleep(interval, options.signal);
    }
  });
}

/** The failed jobs, newest first, with their articles' ids and the reasons. */
export function failedJobs(options: QueueConnectionOptions & { limit?: number } = {}): Promise<FailedJob[]> {
  return withQueue(options, async (queue) => {
    const jobs = await queue.getFailed(0, Math.max(0, (options.limit ?? 100) - 1));
    return jobs.filter((j): j is Job<ArticleJobData> => Boolean(j)).map(describeFailed);
  });
}

/** Puts every failed job back to wait; returns how many. */
export function retryFailed(options: QueueConnectionOptions = {}): Promise<number> {
  return withQueue(options, async (queue) => {
    const before = (await queue.getJobCounts('failed')).failed ?? 0;
    await queue.retryJobs({ state: 'failed', count: 1000 });
    return before;
  });
}

async function countsOf(queue: Queue<ArticleJobData>): Promise<{ counts: Record<JobState, number>; pending: number }> {
  const raw = await queue.getJobCounts(...JOB_STATES);
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, raw[s] ?? 0])) as Record<JobState, number>;
  return { counts, pending: counts.waiting + counts.prioritized + counts.delayed + counts.active + counts.paused };
}

async function statusOf(queue: Queue<ArticleJobData>, url: string): Promise<QueueStatus> {
  const { counts, pending } = await countsOf(queue);
  const workers = await queue.getWorkersCount().catch(() => null);
  return { queue: queue.name, redis: redact(url), counts, pending, workers, throughput: await throughputOf(queue), failures: await failureReasons(queue) };
}

async function throughputOf(queue: Queue<ArticleJobData>): Promise<number | null> {
  // The completed set is ordered by finishing time, newest first from index 0.
  const recent = (await queue.getCompleted(0, 199)).filter((j) => j?.finishedOn !== undefined);
  const since = Date.now() - 5 * 60_000;
  const times = recent.map((j) => j.finishedOn!).filter((t) => t >= since);
  if (times.length < 2) return null;
  const span = (Math.max(...times) - Math.min(...times)) / 1000;
  return span > 0 ? Math.round(((times.length - 1) / span) * 10) / 10 : null;
}

async function failureReasons(queue: Queue<ArticleJobData>): Promise<QueueStatus['failures']> {
  const failed = await queue.getFailed(0, 999);
  const byCode = new Map<string, { count: number; example: string }>();
  for (const job of failed) {
    if (!job) continue;
    const { code, message } = describeFailed(job);
    const entry = byCode.get(code) ?? { count: 0, example: message };
    entry.count++;
    byCode.set(code, entry);
  }
  return [...byCode.entries()].map(([code, v]) => ({ code, ...v })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function describeFailed(job: Job<ArticleJobData>): FailedJob {
  const reason = job.failedReason ?? '';
  const stalled = /stalled more than allowable limit/.test(reason);
  const match = /^([A-Z_]{3,}): ([\s\S]*)$/.exec(reason);
  return {
    jobId: String(job.id),
    id: typeof job.data?.id === 'string' ? job.data.id : String(job.id),
    path: typeof job.data?.path === 'string' ? job.data.path : null,
    code: stalled ? 'STALLED' : (match?.[1] ?? 'INTERNAL'),
    message: stalled ? 'Its worker stopped (killed or crashed) each time it held the job: the article may crash precis. Look at it, then retry it alone.' : (match?.[2] ?? reason),
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new AbortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
