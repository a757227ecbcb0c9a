import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';
import type { ServerContext } from '../server-context.js';

/** GET /healthz (the process answers), /readyz (models loaded, not shutting down), /metrics. */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async () => {
    const { draining, models } = ctx.state;
    if (draining) throw new HttpError(503, 'SHUTTING_DOWN', 'The service is shutting down.');
    if (models === null) throw new HttpError(503, 'NOT_READY', 'The service is loading its models; retry in a few seconds.');
    const notLoaded = models.filter((m) => m.status !== 'loaded');
    if (notLoaded.length > 0) {
      const ner = notLoaded.some((m) => m.role === 'ner');
      const summaries = notLoaded.some((m) => m.role !== 'ner');
      const effects = [summaries && 'summaries would be extractive', ner && 'entities would come from the rules only'].filter(Boolean).join(' and ');
      const flags = [summaries && '--strategy extractive or --no-summarise', ner && '--entities rules'].filter(Boolean).join(', or ');
      throw new HttpError(
        503,
        'NOT_READY',
        `${notLoaded.length} of ${models.length} models are not loaded (${notLoaded.map((m) => `${m.id}: ${m.status}`).join('; ')}); ${effects}. Run \`precis models pull\`, or serve with ${flags} if that is intended.`,
      );
    }
    return { status: 'ready', models };
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
