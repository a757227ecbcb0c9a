import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { InputFormat } from '../../document.js';
import { toErrorInfo } from '../../errors.js';
import type { ArticleOptions } from '../../pipeline.js';
import { failedRecord } from '../../record.js';
import { HttpError } from '../http-error.js';
import { type DocumentJob, type Mode, clientGoneSignal, documentSignal, jsonDocumentToJob, runJob } from '../process-document.js';
import { batchSchema } from '../schemas.js';
import type { ServerContext } from '../server-context.js';
import { queueFull } from './documents.js';

interface BatchBody {
  mode?: Mode;
  options?: ArticleOptions;
  documents: Array<{ id?: string; text: string; format?: InputFormat; options?: ArticleOptions }>;
}

/**
 * POST /v1/batch: up to `maxBatch` documents in, one NDJSON line per record out, in input order,
 * each written as soon as it and those before it are done. The batch is admitted whole or not
 * at all, so a client never holds half a batch in the queue.
 */
export function batchRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: BatchBody }>(
    '/v1/batch',
    { bodyLimit: ctx.options.batchBodyLimit, schema: { body: { content: { 'application/json': { schema: batchSchema(ctx.options.maxBatch) } } } } },
    async (request, reply) => {
      const body = request.body;
      if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'A batch is JSON: send content-type application/json with {"documents": [{"text": "..."}]}.');
      }
      const mode = body.mode ?? 'summarise';
      const jobs: DocumentJob[] = body.documents.map((d) => jsonDocumentToJob(d as Record<string, unknown>, merge(body.options, d.options)));
      // Every document is admitted before it is read: parsing counts as work.
      const bytes = jobs.reduce((sum, job) => sum + job.article.bytes.length, 0);
      const admitted = ctx.queue.tryAdmit(jobs.length, bytes);
      if (admitted !== true) throw queueFull(ctx, jobs.length, bytes, admitted);

      const clientGone = clientGoneSignal(reply);
      // Every document starts now (they are admitted); results are written in order.
      const pending = jobs.map((job) => {
        const started = performance.now();
        const { signal, dispose } = documentSignal(ctx, clientGone);
        return runJob(ctx, job, mode, signal)
          .catch((error: unknown) => {
            const info = error instanceof HttpError ? { code: error.code, message: error.message } : toErrorInfo(error);
            return failedRecord({ id: job.id, source: job.source }, info, {
              includeText: false,
              pipelineVersion: ctx.pipeline.version,
              ms: Math.round(performance.now() - started),
            });
          })
          .finally(dispose);
      });
      async function* lines() {
        for (const record of pending) {
          const r = await record;
          ctx.metrics.countDocument({ endpoint: `batch-${mode}`, outcome: r.error ? 'error' : 'ok' });
          if (r.error) ctx.metrics.countError(r.error.code);
          yield `${JSON.stringify(r)}\n`;
        }
      }
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      return reply.send(Readable.from(lines()));
    },
  );
}

function merge(batch: ArticleOptions | undefined, doc: ArticleOptions | undefined): ArticleOptions | undefined {
  return batch || doc ? { ...batch, ...doc } : undefined;
}
