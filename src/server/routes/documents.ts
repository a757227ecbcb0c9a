import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PrecisRecord } from '../../document.js';
import type { ArticleOptions } from '../../pipeline.js';
import { HttpError } from '../http-error.js';
import { type DocumentJob, type Mode, clientGoneSignal, documentSignal, jsonDocumentToJob, runJob, toJob } from '../process-document.js';
import { FORMATS, TEXT_TYPES, documentQuerySchema, documentSchema } from '../schemas.js';
import type { ServerContext } from '../server-context.js';
import type { Refusal } from '../work-queue.js';
import { formatBytes } from '../../ingest/limits.js';

type DocumentQuery = { id?: string; format?: (typeof FORMATS)[number]; languages?: string } & Omit<ArticleOptions, 'languages'>;
type DocumentBody = Buffer | { id?: string; text: string; format?: (typeof FORMATS)[number]; options?: ArticleOptions };

/** POST /v1/summarise and /v1/extract: one article in, its record out. */
export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const mode of ['summarise', 'extract'] as const) {
    app.post<{ Querystring: DocumentQuery; Body: DocumentBody }>(
      `/v1/${mode}`,
      {
        bodyLimit: ctx.options.bodyLimit,
        schema: {
          querystring: documentQuerySchema,
          // Text bodies are the article itself: nothing to validate but their size.
          body: { content: { 'application/json': { schema: documentSchema } } },
        },
      },
      (request, reply) => handleDocument(ctx, mode, request, reply),
    );
  }
}

async function handleDocument(
  ctx: ServerContext,
  mode: Mode,
  request: FastifyRequest<{ Querystring: DocumentQuery; Body: DocumentBody }>,
  reply: FastifyReply,
): Promise<PrecisRecord> {
  const job = jobFromRequest(ctx, request);
  // Admitted before it is read: parsing a hostile page is work like any other.
  const bytes = job.article.bytes.length;
  const admitted = ctx.queue.tryAdmit(1, bytes);
  if (admitted !== true) throw queueFull(ctx, 1, bytes, admitted);
  const clientGone = clientGoneSignal(reply);
  const { signal, dispose } = documentSignal(ctx, clientGone);
  try {
    // A rejection carries the HttpError its signal aborted with (504, 503, or 499 for a client
    // that hung up, which is written to a closed socket and only counted).
    return sendRecord(ctx, mode, reply, await runJob(ctx, job, mode, signal));
  } finally {
    dispose();
  }
}

function jobFromRequest(ctx: ServerContext, request: FastifyRequest<{ Querystring: DocumentQuery; Body: DocumentBody }>): DocumentJob {
  const { id, format, languages, ...rest } = request.query;
  const queryOptions: ArticleOptions = { ...rest, ...(languages ? { languages: languages.split(',') } : {}) };
  const body = request.body;
  if (Buffer.isBuffer(body)) {
    const implied = TEXT_TYPES[request.mediaType as keyof typeof TEXT_TYPES] ?? 'text';
    // "text/plain; charset=utf-16le": the bytes are read as the request says they were sent.
    const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(String(request.headers['content-type'] ?? ''))?.[1] ?? null;
    return toJob(body, format ?? implied, id, nonEmpty(queryOptions), charset);
  }
  if (typeof body !== 'object' || body === null) {
    throw new HttpError(400, 'BAD_REQUEST', 'The request has no body. Send the article as text/plain, or JSON {"text": "..."}.');
  }
  const overrides = nonEmpty({ ...queryOptions, ...body.options });
  return jsonDocumentToJob({ ...body, id: body.id ?? id, format: body.format ?? format }, overrides);
}

function sendRecord(ctx: ServerContext, mode: Mode, reply: FastifyReply, record: PrecisRecord): PrecisRecord {
  ctx.metrics.countDocument({ endpoint: mode, outcome: record.error ? 'error' : 'ok' });
  if (record.error) {
    ctx.metrics.countError(record.error.code);
    // The record says what was read of the article and why it failed; `error` has the usual shape.
    reply.code(422);
  }
  return record;
}

export function queueFull(ctx: ServerContext, documents: number, bytes: number, why: Refusal): HttpError {
  const seconds = ctx.queue.retryAfterSeconds(documents, why === 'work' ? bytes : 0);
  const state =
    why === 'slots'
      ? `${ctx.queue.capacity} documents running or waiting, ${ctx.queue.free} free; this request needs ${documents}`
      : `${formatBytes(ctx.queue.bytes)} of articles ahead; this request's ${formatBytes(bytes)} would not be done within the ${ctx.options.timeoutMs} ms deadline`;
  return new HttpError(429, 'QUEUE_FULL', `The service is at capacity (${state}). Retry after ${seconds} s.`, { 'retry-after': String(seconds) });
}

function nonEmpty(options: ArticleOptions): ArticleOptions | undefined {
  const defined = Object.entries(options).filter(([, v]) => v !== undefined);
  return defined.length > 0 ? (Object.fromEntries(defined) as ArticleOptions) : undefined;
}
