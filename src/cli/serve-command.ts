import { isPrecisError, UsageError } from '../errors.js';
import { createServer, type PrecisServer } from '../server/create-server.js';
import { type CliIO, type ServeFlags, pipelineOptionsFromFlags } from './program.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `precis serve`: runs until the CLI's signal (SIGTERM, SIGINT) aborts, then shuts down gracefully. */
export async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  let server: PrecisServer;
  try {
    server = createServer({
      pipelineOptions: pipelineOptionsFromFlags(flags),
      concurrency: flags.concurrency,
      maxQueued: flags.maxQueued,
      timeoutMs: flags.timeout,
      bodyLimit: flags.bodyLimit,
      batchBodyLimit: flags.batchBodyLimit,
      maxBatch: flags.maxBatch,
      warmUp: flags.warmUp,
      logger: flags.logLevel === 'silent' ? false : { level: flags.logLevel },
      ...(flags.queueDashboard || flags.redis
        ? { queue: { dashboard: flags.queueDashboard ?? false, queue: flags.queue, prefix: flags.prefix, ...(flags.redis ? { redis: flags.redis } : {}) } }
        : {}),
    });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/`(\w+)`/g, (_, name: string) => `--${kebab(name)}`));
    if (isPrecisError(error) && error.code.startsWith('REFERENCE_RATES')) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  let url: string;
  try {
    url = await server.listen({ host: flags.host, port: flags.port });
  } catch (error) {
    await server.close();
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${flags.host}:${flags.port}`;
    if (code === 'EADDRINUSE') io.stderr.write(`precis: ${where} is already in use; stop the other service or choose another --port.\n`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') io.stderr.write(`precis: cannot listen on ${where}: no such local address. Check --host.\n`);
    else if (code === 'EACCES') io.stderr.write(`precis: not allowed to listen on ${where}; ports under 1024 need privileges. Choose another --port.\n`);
    else io.stderr.write(`precis: cannot listen on ${where} (${(error as Error).message}).\n`);
    return 1;
  }
  io.stderr.write(`precis: listening on ${url} (POST /v1/summarise, /v1/extract, /v1/batch; API at ${url}/openapi.json)\n`);
  if (flags.queueDashboard) io.stderr.write(`precis: queue dashboard at ${url}/queues/ (answers this machine only)\n`);
  if (!LOOPBACK.has(flags.host)) {
    io.stderr.write('precis: warning: the service is reachable from other machines and has no authentication; put it behind a proxy that has.\n');
  }
  void server.ready.then((models) => {
    const missing = models.filter((m) => m.status !== 'loaded');
    if (missing.length > 0) io.stderr.write(`precis: ${missing.length} model(s) not loaded (${missing.map((m) => m.id).join(', ')}): summaries are extractive and /readyz answers 503 until \`precis models pull\`.\n`);
  });

  await new Promise<void>((resolve) => {
    if (io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  io.stderr.write('precis: shutting down: finishing the requests in flight\n');
  await server.close();
  io.stderr.write('precis: stopped\n');
  return 0;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/-ms$/, '');
}
