import { setMaxListeners } from 'node:events';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { type Logger } from '../util/logger.js';
import { createPipeline, type ModelStatus, type Pipeline } from '../pipeline.js';
import { HttpError, toHttpError } from './http-error.js';
import { createMetrics } from './metrics.js';
import { buildOpenApi } from './openapi.js';
import { batchRoute } from './routes/batch.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { TEXT_TYPES } from './schemas.js';
import type { ServerContext } from './server-context.js';
import { type ServerOptions, resolveServerOptions } from './server-options.js';
import { WorkQueue } from './work-queue.js';
import { mountQueueView } from './queue-dashboard.js';

export interface ListenOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8080 */
  port?: number;
}

export interface PrecisServer {
  /** The Fastify instance, for hooks or `inject()` in tests. */
  readonly app: FastifyInstance;
  readonly pipeline: Pipeline;
  /** Starts listening; resolves with the base URL, e.g. `http://127.0.0.1:8080`. */
  listen(options?: ListenOptions): Promise<string>;
  /** Settles when warm-up has loaded (or failed to load) the models. */
  readonly ready: Promise<ModelStatus[]>;
  /**
   * Graceful shutdown: refuses new work with 503, lets requests in flight finish (cancelling them
   * after `shutdownTimeoutMs`), stops listening and frees the models of a pipeline it created.
   */
  close(): Promise<void>;
}

/**
 * The HTTP service around one pipeline. Nothing it exposes reads the file system: articles come
 * in request bodies only. CORS is off: browsers on other origins cannot call it.
 */
export function createServer(options: ServerOptions = {}): PrecisServer {
  const resolved = resolveServerOptions(options);
  const app = Fastify({
    logger: resolved.logger,
    bodyLimit: resolved.bodyLimit,
    // Draining is answered by our own hook, with the API's error body.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // A client that sends its headers or its body slowly does not hold a connection for long.
    requestTimeout: resolved.requestTimeoutMs,
    // Node checks those timeouts every connectionsCheckingInterval (30 s by default): often
    // enough that a slow client is closed close to its deadline.
    http: { connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(resolved.headersTimeoutMs / 4))) },
    schemaErrorFormatter: (errors, dataVar) => new Error(errors.map((e) => `${dataVar}${e.instancePath.replaceAll('/', '.')} ${e.message ?? 'is not valid'}`).join('; ')),
  });
  app.server.headersTimeout = resolved.headersTimeoutMs;
  // Bodies are checked strictly (an unknown field is an error, not silently dropped); query
  // strings are text, so their numbers and booleans are coerced.
  const bodyAjv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, coerceTypes: false, strict: false });
  const queryAjv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, coerceTypes: true, strict: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : queryAjv).compile(schema));

  const ownsPipeline = resolved.pipeline === undefined;
  const pipeline = resolved.pipeline ?? createPipeline({ ...resolved.pipelineOptions, logger: resolved.pipelineOptions?.logger ?? pinoAdapter(app) });
  const queue = new WorkQueue({ concurrency: resolved.concurrency, maxQueued: resolved.maxQueued, deadlineMs: resolved.timeoutMs });
  const stopAll = new AbortController();
  // Every document in flight listens to it (and removes its listener when done): under load that
  // is more than Node's default of ten, which is no leak.
  setMaxListeners(0, stopAll.signal);
  const state: ServerContext['state'] = { draining: false, models: null };
  const metrics = createMetrics(
    queue,
    () => state.models?.filter((m) => m.status === 'loaded').length ?? 0,
    () => pipeline.stats?.().generation ?? { batches: 0, inputs: 0 },
  );
  const ctx: ServerContext = { options: resolved, pipeline, queue, metrics, state, stopAll: stopAll.signal };

  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(Object.keys(TEXT_TYPES), { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (state.draining) {
      reply.header('connection', 'close');
      if (request.url.startsWith('/v1/')) throw new HttpError(503, 'SHUTTING_DOWN', 'The service is shutting down and accepts no new work. Retry against another instance.');
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    // Responses finishing during shutdown close their connection, so the server can stop.
    if (state.draining) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, request, reply) => {
    const limit = request.routeOptions.bodyLimit ?? resolved.bodyLimit;
    const http = toHttpError(error, limit);
    if (http.status >= 500 && !(error instanceof HttpError)) request.log.error({ err: error }, 'unexpected failure');
    metrics.countError(http.code);
    void reply.code(http.status).headers(http.headers).send({ error: { code: http.code, message: http.message } });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A path that exists for other methods is 405 with the methods it takes, not 404.
    const allowed = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => app.hasRoute({ method: method as 'GET', url: path }));
    if (allowed.length > 0) {
      metrics.countError('METHOD_NOT_ALLOWED');
      void reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send({ error: { code: 'METHOD_NOT_ALLOWED', message: `${path} takes ${allowed.join(', ')}, not ${request.method}. See GET /openapi.json for the API.` } });
      return;
    }
    metrics.countError('NOT_FOUND');
    void reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `No endpoint at ${request.method} ${path}. See GET /openapi.json for the API.` },
    });
  });

  documentRoutes(app, ctx);
  batchRoute(app, ctx);
  const queueView = resolved.queue ? mountQueueView(app, metrics.registry, resolved.queue) : null;
  healthRoutes(app, ctx);
  const openapi = buildOpenApi(resolved);
  app.get('/openapi.json', async () => openapi);

  // The extraction threads start at once either way, so the first request's deadline does not
  // pay for loading them; models load now only with warm-up.
  const threadsReady = (pipeline.warm?.() ?? Promise.resolve()).catch((error: unknown) => app.log.error({ err: error }, 'extraction threads failed to start'));
  const ready = resolved.warmUp
    ? pipeline.load({ signal: stopAll.signal }).catch((error: unknown) => {
        app.log.error({ err: error }, 'model warm-up failed');
        return [] as ModelStatus[];
      })
    : threadsReady.then(() => [] as ModelStatus[]);
  void ready.then((models) => {
    state.models = models;
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    pipeline,
    ready,
    async listen(listenOptions = {}) {
      await app.listen({ host: listenOptions.host ?? '127.0.0.1', port: listenOptions.port ?? 8080 });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    close() {
      closing ??= (async () => {
        state.draining = true;
        const deadline = setTimeout(() => {
          app.log.warn('shutdown: requests still in flight after the deadline; cancelling them');
          stopAll.abort();
          app.server.closeAllConnections?.();
        }, resolved.shutdownTimeoutMs);
        // Keep-alive connections that finish their request during shutdown become idle after
        // close() has swept the idle ones once; sweep until the server is closed.
        const sweep = setInterval(() => app.server.closeIdleConnections?.(), 100);
        try {
          await app.close();
          await queue.onIdle();
        } finally {
          clearTimeout(deadline);
          clearInterval(sweep);
        }
        stopAll.abort();
        await ready;
        if (ownsPipeline) await pipeline.close();
        await queueView?.close();
      })();
      return closing;
    },
  };
}

function pinoAdapter(app: FastifyInstance): Logger {
  return {
    debug: (message, fields) => app.log.debug(fields ?? {}, message),
    info: (message, fields) => app.log.info(fields ?? {}, message),
    warn: (message, fields) => app.log.warn(fields ?? {}, message),
    error: (message, fields) => app.log.error(fields ?? {}, message),
  };
}
