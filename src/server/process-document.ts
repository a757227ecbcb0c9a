import { setMaxListeners } from 'node:events';
import type { FastifyReply } from 'fastify';
import type { InputFormat, PrecisRecord, SourceInfo } from '../document.js';
import type { ArticleBytes, ArticleOptions } from '../pipeline.js';
import { sha256 } from '../record.js';
import { untilAborted } from '../util/until-aborted.js';
import { HttpError } from './http-error.js';
import type { ServerContext } from './server-context.js';

export type Mode = 'summarise' | 'extract';

export interface DocumentJob {
  /** The record's id: the one asked for, or the body's hash. */
  id: string;
  /** What is known of the body before it is read, for a record of a failure. */
  source: SourceInfo;
  /**
   * The body, decoded and parsed (HTML, JSON, Markdown) by the pipeline in its worker threads:
   * inside the admitted, timed work, never on the event loop.
   */
  article: ArticleBytes;
  overrides: ArticleOptions | undefined;
}

/** The body of a request, to be read the way the CLI reads a file of that format. */
export function toJob(
  body: Uint8Array,
  format: InputFormat,
  id: string | undefined,
  overrides: ArticleOptions | undefined,
  charset: string | null = null,
): DocumentJob {
  const hash = sha256(body);
  const articleId = id ?? hash.slice(0, 12);
  const source: SourceInfo = { path: null, sha256: hash, bytes: body.length, encoding: '', format };
  return {
    id: articleId,
    source,
    overrides,
    article: { bytes: body, id: articleId, path: null, format, charset },
  };
}

/** The fields of a JSON document that the API itself defines; any other makes it a JSON article. */
const API_FIELDS = new Set(['id', 'text', 'format', 'options']);

/**
 * A JSON document of a request: `{text, id?, format?}` is the text in that format; an object
 * with other fields (`{title, date, url, body, …}`) is a JSON article, read as the CLI reads a
 * `.json` file (title and date kept, `body`/`content`/`article` taken as the text).
 */
export function jsonDocumentToJob(document: Record<string, unknown>, overrides: ArticleOptions | undefined): DocumentJob {
  const id = typeof document.id === 'string' ? document.id : undefined;
  const article = typeof document.text !== 'string' || Object.keys(document).some((k) => !API_FIELDS.has(k));
  if (!article) return toJob(Buffer.from(document.text as string, 'utf8'), (document.format as InputFormat | undefined) ?? 'text', id, overrides);
  const fields = Object.fromEntries(Object.entries(document).filter(([k]) => !API_FIELDS.has(k) || k === 'text'));
  return toJob(Buffer.from(JSON.stringify(fields), 'utf8'), 'json', id, overrides);
}

/**
 * Runs one admitted job through the queue and the pipeline. Settles when the record is ready or
 * when `signal` aborts (timeout, client gone, shutdown), whichever is first; on abort the work
 * itself stops at its next stage boundary and only then frees its slot.
 */
export function runJob(ctx: ServerContext, job: DocumentJob, mode: Mode, signal: AbortSignal): Promise<PrecisRecord> {
  const work = ctx.queue.run(async (s) => {
    const options = { signal: s, overrides: job.overrides };
    return mode === 'extract' ? ctx.pipeline.extract(job.article, options) : ctx.pipeline.process(job.article, options);
  }, signal, job.article.bytes.length);
  return untilAborted(work, signal);
}

/** Aborts when the client closes its connection before the response is complete. */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // Each document of a batch listens to it.
  setMaxListeners(0, controller.signal);
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Why a request's signal aborted, as the error it is answered with. */
class DeadlineError extends HttpError {
  constructor(timeoutMs: number) {
    super(
      504,
      'TIMEOUT',
      `The document took longer than ${timeoutMs} ms (the service's --timeout), waiting included; its work was cancelled. Retry later, send a shorter article, or use /v1/extract.`,
    );
  }
}

class ShutdownError extends HttpError {
  constructor() {
    super(503, 'SHUTTING_DOWN', 'The service is shutting down; its work was cancelled. Retry against another instance.');
  }
}

/**
 * The signal of one document: aborts at the deadline, when the client goes away or when shutdown
 * cancels everything. `reason` says which, as the error to answer with.
 */
export function documentSignal(ctx: ServerContext, clientGone: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const { timeoutMs } = ctx.options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineError(timeoutMs)), timeoutMs);
  const onStop = () => controller.abort(new ShutdownError());
  const onGone = () => controller.abort(new HttpError(499, 'ABORTED', 'The client closed the connection.'));
  ctx.stopAll.addEventListener('abort', onStop, { once: true });
  clientGone.addEventListener('abort', onGone, { once: true });
  if (ctx.stopAll.aborted) onStop();
  if (clientGone.aborted) onGone();
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      ctx.stopAll.removeEventListener('abort', onStop);
      clientGone.removeEventListener('abort', onGone);
    },
  };
}
