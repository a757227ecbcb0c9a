import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Readable } from 'node:stream';
import { isPrecisError } from '../errors.js';
import type { AnyArticle } from '../execute/open-document.js';
import { itemBytes, listArticleItems } from '../ingest/article-stream.js';
import type { ListOptions } from '../ingest/list-articles.js';
import { DEFAULT_MAX_BYTES } from '../ingest/limits.js';
import type { ArticleOptions } from '../pipeline.js';
import { type ArticleJobData, type JobCommand, jobId, recordKey, toJobData } from './article-job.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, jobOptions } from './job-options.js';
import { checkRedis, closeRedis, openRedis, type QueueConnectionOptions, resolveConnection } from './redis-connection.js';

export interface EnqueueOptions extends QueueConnectionOptions, ListOptions {
  /** What workers make of each article. @default 'summarise' */
  command?: JobCommand;
  /** Record options of the jobs (sentences, languages, …); workers use their own for the rest. */
  options?: ArticleOptions;
  /** Largest file (or JSONL line) read. @default DEFAULT_MAX_BYTES (10 MB) */
  maxBytes?: number;
  /** Read for the path `-`. */
  stdin?: Readable;
  /** Tries of a job whose failure may pass (TIMEOUT, INTERNAL); input errors are never retried. @default 3 */
  attempts?: number;
  /** Milliseconds before the first retry, doubled for each next one. @default 5000 */
  backoffMs?: number;
  /** Called after each article is handled, with the counts so far. */
  onProgress?: (counts: EnqueueCounts) => void;
}

export interface EnqueueCounts {
  /** New jobs. */
  added: number;
  /** Already in the queue, waiting, delayed or running (the same article and options). */
  queued: number;
  /** Already done: a completed job holds this article with these options. */
  done: number;
  /** Already in the queue and failed: `precis queue status --retry-failed` runs them again. */
  failed: number;
  /** Files that could not be read (missing, too large): not queued. */
  unreadable: Array<{ id: string; code: string; message: string }>;
}

// Jobs go to Redis in batches: one round trip per batch, not per article.
const BATCH = 100;

/**
 * Queues one job per article: files and folders (walked lazily), JSONL files, `-` for standard
 * input, or articles given as text or bytes. The job id is the record key (precis version and
 * record options) and the content's sha256, so adding the same article twice adds one job.
 */
/** Paths (files, folders, JSONL files, `-`), or articles given as text or bytes. */
export type EnqueueInputs = readonly string[] | { articles: Iterable<AnyArticle> | AsyncIterable<AnyArticle> };

export async function enqueue(inputs: EnqueueInputs, options: EnqueueOptions = {}): Promise<EnqueueCounts> {
  const connection = resolveConnection(options);
  const command = options.command ?? 'summarise';
  const recordOptions = options.options ?? {};
  const key = recordKey(command, recordOptions);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError(`Expected \`attempts\` to be an integer from 1 and up, got \`${String(attempts)}\``);
  if (!Number.isInteger(backoffMs) || backoffMs < 0) throw new TypeError(`Expected \`backoffMs\` to be an integer from 0 and up, got \`${String(backoffMs)}\``);
  const redis = openRedis(connection.url, { blocking: false });
  const counts: EnqueueCounts = { added: 0, queued: 0, done: 0, failed: 0, unreadable: [] };
  let queue: Queue<ArticleJobData> | undefined;
  try {
    await checkRedis(redis, connection.url);
    queue = new Queue<ArticleJobData>(connection.queue, { connection: redis, prefix: connection.prefix, defaultJobOptions: jobOptions(attempts, backoffMs) });
    let batch: ArticleJobData[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await addBatch(queue!, redis, key, batch, counts);
      batch = [];
      options.onProgress?.(counts);
    };
    for await (const article of articlesOf(inputs, options, maxBytes, counts)) {
      batch.push(toJobData(article, command, recordOptions));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return counts;
  } finally {
    await queue?.close().catch(() => undefined);
    closeRedis(redis);
  }
}

async function addBatch(queue: Queue<ArticleJobData>, redis: Redis, key: string, batch: ArticleJobData[], counts: EnqueueCounts): Promise<void> {
  // The same article twice in one batch is one job.
  const byId = new Map<string, ArticleJobData>();
  for (const data of batch) {
    const id = jobId(key, data.sha256);
    if (!byId.has(id)) byId.set(id, data);
  }
  const ids = [...byId.keys()];
  // One round trip says which ids exist; only those (few, in a fresh run) are asked their state.
  const exists = await redis.pipeline(ids.map((id) => ['exists', queue.toKey(id)])).exec();
  const states = await Promise.all(ids.map((id, i) => (exists?.[i]?.[1] === 1 ? queue.getJobState(id) : 'unknown')));
  const fresh: Array<{ name: string; data: ArticleJobData; opts: { jobId: string } }> = [];
  ids.forEach((id, i) => {
    const state = states[i];
    if (state === 'unknown') fresh.push({ name: 'article', data: byId.get(id)!, opts: { jobId: id } });
    else if (state === 'completed') counts.done++;
    else if (state === 'failed') counts.failed++;
    else counts.queued++;
  });
  counts.queued += batch.length - byId.size;
  // A job another `enqueue` added meanwhile is not added twice: its id is taken.
  if (fresh.length > 0) await queue.addBulk(fresh);
  counts.added += fresh.length;
}

async function* articlesOf(
  inputs: EnqueueInputs,
  options: EnqueueOptions,
  maxBytes: number,
  counts: EnqueueCounts,
): AsyncGenerator<AnyArticle> {
  if (!isPathList(inputs)) {
    if (typeof inputs !== 'object' || inputs === null || !('articles' in inputs)) throw new TypeError('Expected `inputs` to be an array of paths or `{ articles }`.');
    yield* inputs.articles;
    return;
  }
  if (inputs.filter((p) => p === '-').length > 1) throw new TypeError('Standard input (-) can be given only once.');
  for await (const item of listArticleItems(inputs, { include: options.include, exclude: options.exclude, maxBytes })) {
    try {
      if (item.kind !== 'empty-directory') yield await itemBytes(item, { maxBytes, ...(options.stdin ? { stdin: options.stdin } : {}) });
    } catch (error) {
      if (!isPrecisError(error)) throw error;
      counts.unreadable.push({ id: item.kind === 'article' ? item.article.id : 'id' in item ? item.id : item.path, code: error.code, message: error.message });
    }
  }
}

function isPathList(inputs: EnqueueInputs): inputs is readonly string[] {
  if (!Array.isArray(inputs)) return false;
  if (!inputs.every((x) => typeof x === 'string')) throw new TypeError('Expected `inputs` to be an array of paths (strings); give articles as `{ articles }`.');
  return true;
}
