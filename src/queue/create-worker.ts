import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { PrecisRecord } from '../document.js';
import type { ErrorCode } from '../errors.js';
import { createPipeline, type ModelStatus, type Pipeline, type PipelineOptions } from '../pipeline.js';
import { recordPath } from '../cli/output-sink.js';
import { removeStaleTemps } from '../cli/out-dir-lock.js';
import { writeFileAtomic, writeFileExclusive } from '../util/atomic-write.js';
import { type ArticleJobData, articleOfJob, isArticleJobData } from './article-job.js';
import { checkRedis, closeRedis, openRedis, type QueueConnectionOptions, redact, resolveConnection } from './redis-connection.js';

export interface WorkerOptions extends QueueConnectionOptions {
  /** Folder the records are written to, one JSON file per article, named as `precis summarise --out` names them. */
  out: string;
  /**
   * Jobs held at once. Their articles share the extraction threads, and their sentences are
   * pooled into shared translation batches.
   * @default 4
   */
  concurrency?: number;
  /** Options of the pipeline the worker creates (records options come from each job). */
  pipelineOptions?: PipelineOptions;
  /** A pipeline to use instead; the caller keeps it and closes it. */
  pipeline?: Pipeline;
  /**
   * Milliseconds a job's lock lasts without renewal. A worker that dies (kill -9, power loss) holds
   * its jobs that long at most; another worker then takes them back.
   * @default 30000
   */
  lockDurationMs?: number;
  /**
   * Times a job may be taken back from a dead worker before it fails: an article that makes its
   * worker die every time ends as failed rather than killing every worker in turn.
   * @default 1
   */
  maxStalledCount?: number;
  /** Each job's start and end, for logs. */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'started'; jobId: string; id: string; attempt: number }
  | { type: 'completed'; jobId: string; id: string; file: string; written: boolean; ms: number }
  | { type: 'failed'; jobId: string; id: string; code: string; message: string; willRetry: boolean; ms: number };

export interface PrecisWorker {
  /** Resolves once the models are loaded (or found missing) and jobs are being taken. */
  readonly ready: Promise<ModelStatus[]>;
  /** Records written, jobs failed, jobs whose record another delivery had already written. */
  readonly counts: { completed: number; failed: number; duplicates: number };
  /** Model calls so far and the sentences they held: the jobs in hand share their batches. */
  stats(): { generation: { batches: number; inputs: number } };
  /**
   * Stops taking jobs and finishes those in hand (each within the pipeline's deadline), then
   * frees Redis and the pipeline it created. `force` abandons the jobs in hand instead: their locks
   * lapse and another worker takes them.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

/** Failures that may pass: the job is tried again later (a deadline on a busy machine, a shutdown). */
const PASSING: ReadonlySet<ErrorCode> = new Set(['TIMEOUT', 'ABORTED', 'INTERNAL', 'MODEL_INVALID']);

/**
 * A worker of the queue: takes jobs, makes each article's record with the same pipeline as
 * `precis summarise`, and writes it to `out` atomically. Delivery is at least once; the output is
 * idempotent: a record is written once, by whichever delivery of the job finishes first.
 */
export async function createWorker(options: WorkerOptions): Promise<PrecisWorker> {
  if (typeof options?.out !== 'string' || options.out === '') throw new TypeError('Expected `out` to be the folder records are written to.');
  const connection = resolveConnection(options);
  const concurrency = positive('concurrency', options.concurrency, 4);
  const lockDuration = positive('lockDurationMs', options.lockDurationMs, 30_000);
  const maxStalledCount = positive('maxStalledCount', options.maxStalledCount, 1, 0);
  const redis = openRedis(connection.url, { blocking: true });
  try {
    await checkRedis(redis, connection.url);
  } catch (error) {
    closeRedis(redis);
    throw error;
  }
  const ownsPipeline = options.pipeline === undefined;
  const pipeline = options.pipeline ?? createPipeline(options.pipelineOptions ?? {});
  const out = options.out;
  const counts = { completed: 0, failed: 0, duplicates: 0 };
  const emit = options.onEvent ?? (() => undefined);
  const stop = new AbortController();

  const processor = async (job: Job<ArticleJobData>): Promise<{ id: string; file: string; written: boolean }> => {
    const data = job.data;
    if (!isArticleJobData(data)) {
      throw new UnrecoverableError(`JOB_INVALID: job ${job.id} does not hold an article this version of precis reads; it was queued by another version or damaged. Queue the article again.`);
    }
    emit({ type: 'started', jobId: job.id!, id: data.id, attempt: job.attemptsMade + 1 });
    const article = articleOfJob(data);
    if (article === null) {
      // An earlier delivery finished and dropped the article, then died before the job was marked done.
      const done = [recordPath(out, data.id), recordPath(out, `${data.id}~${data.sha256.slice(0, 8)}`)];
      for (const path of done) if (await readRecord(path)) return { id: data.id, file: relative(out, path), written: false };
      throw new UnrecoverableError(`JOB_INVALID: job ${job.id} no longer holds its article and its record is not in ${out}. Queue the article again.`);
    }
    const run = data.command === 'extract' ? pipeline.extract : pipeline.process;
    const record = await run(article, { overrides: data.options, signal: stop.signal });
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (record.error && PASSING.has(record.error.code) && !lastTry) {
      throw new Error(`${record.error.code}: ${record.error.message}`);
    }
    const { path, written } = await writeRecordOnce(out, data.id, data.sha256, record);
    if (!written) counts.duplicates++;
    if (record.error) throw new UnrecoverableError(`${record.error.code}: ${record.error.message}`);
    // Done: the article leaves Redis; what identifies it stays, so adding it again is recognised.
    const { bytes: _bytes, article: _article, ...kept } = data;
    await job.updateData(kept);
    return { id: data.id, file: relative(out, path), written };
  };

  // The stalled-job check of every worker takes back the jobs of a worker that died.
  const worker = new Worker<ArticleJobData>(connection.queue, processor, {
    connection: redis,
    prefix: connection.prefix,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount,
    autorun: false,
  });
  const startedAt = new Map<string, number>();
  worker.on('active', (job) => startedAt.set(job.id!, performance.now()));
  const elapsed = (job: Job | undefined) => {
    const t = job?.id ? startedAt.get(job.id) : undefined;
    if (job?.id) startedAt.delete(job.id);
    return t === undefined ? 0 : Math.round(performance.now() - t);
  };
  worker.on('completed', (job, result: { id: string; file: string; written: boolean }) => {
    counts.completed++;
    emit({ type: 'completed', jobId: job.id!, id: result.id, file: result.file, written: result.written, ms: elapsed(job) });
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const [code, ...rest] = /stalled more than allowable limit/.test(error.message) ? ['STALLED', `the job's worker stopped (killed or crashed) ${maxStalledCount + 1} time(s) while holding it`] : error.message.split(': ');
    const known = /^[A-Z_]+$/.test(code ?? '');
    const willRetry = !(error instanceof UnrecoverableError) && error.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1);
    if (!willRetry) counts.failed++;
    emit({ type: 'failed', jobId: job.id!, id: isArticleJobData(job.data) ? job.data.id : String(job.id), code: known ? code! : 'INTERNAL', message: known ? rest.join(': ') : error.message, willRetry, ms: elapsed(job) });
  });
  worker.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  // Models load once, before the first job is taken, so no job's deadline pays for them.
  const ready = (async () => {
    await removeStaleTemps(out, 10 * 60_000).catch(() => 0);
    const models = await pipeline.load();
    if (closing) return models;
    void worker.run().catch(() => undefined);
    await worker.waitUntilReady();
    return models;
  })();
  ready.catch(() => undefined);

  return {
    ready,
    counts,
    stats: () => pipeline.stats(),
    close({ force = false } = {}) {
      if (force) stop.abort();
      closing ??= (async () => {
        await ready.catch(() => undefined);
        await worker.close(force);
        if (ownsPipeline) await pipeline.close();
        closeRedis(redis);
      })();
      return force ? Promise.race([closing, worker.close(true)]).then(() => closing) : closing;
    },
  };
}

/** Where a worker is connected, for its start-up line. */
export function describeQueue(options: QueueConnectionOptions): string {
  const c = resolveConnection(options);
  return `queue ${c.queue} on ${redact(c.url)} (prefix ${c.prefix})`;
}

/**
 * Writes the record unless a record of the same content and options is already there (another
 * delivery of the job wrote it). A failed record gives way to a successful one, and a record of
 * the same content made with other options is replaced. A record of other content is another
 * article that happens to have the same id (two `queue add` runs over folders with the same
 * layout, two articles from standard input): it is kept, and this one is written beside it with
 * a short hash of its content in the name. Returns the path written (or found) and whether it wrote.
 */
async function writeRecordOnce(outDir: string, id: string, contentHash: string, record: PrecisRecord): Promise<{ path: string; written: boolean }> {
  const data = JSON.stringify(record, null, 2) + '\n';
  const candidates = [recordPath(outDir, id), recordPath(outDir, `${id}~${contentHash.slice(0, 8)}`)];
  for (const path of candidates) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await readRecord(path);
      if (existing === null) {
        if (await writeFileExclusive(path, data)) return { path, written: true };
        // Another delivery wrote it between the read and the link: compare with what it wrote.
        continue;
      }
      if (existing.source?.sha256 !== record.source.sha256) break;
      if (existing.pipelineVersion === record.pipelineVersion && (!existing.error || record.error)) return { path, written: false };
      await writeFileAtomic(path, data);
      return { path, written: true };
    }
  }
  // Not a record precis can read, or a third article with this id and the same hash prefix.
  const last = recordPath(outDir, `${id}~${contentHash}`);
  await writeFileAtomic(last, data);
  return { path: last, written: true };
}

async function readRecord(path: string): Promise<PrecisRecord | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PrecisRecord;
  } catch {
    return null;
  }
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new TypeError(`Expected \`${name}\` to be an integer from ${min} and up, got \`${String(v)}\``);
  return v;
}
