// @ts-check
/**
 * A small HTTP service that embeds precis as a library: POST an article as text/plain to /brief,
 * get a compact English brief back as JSON. node:http only, one pipeline for the process.
 *
 *   npm run build && node examples/brief-service.mjs
 *   curl -s -H 'content-type: text/plain' --data-binary @corpus/kr-budget-ai-fr.txt http://127.0.0.1:8090/brief
 *
 * It shows the library's life cycle (createPipeline, load, process with a signal, close). For a
 * ready-made service with batches, a queue, metrics and OpenAPI, use `precis serve`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { bytesToArticle, createPipeline, isInputError } from 'precis';

/** @typedef {import('precis').PrecisRecord} PrecisRecord */

const PORT = Number(process.env.PORT ?? 8090); // 0 picks a free port (the log line says which)
const MAX_BODY = 512 * 1024; // a long news article is under 50 kB; refuse anything far larger
const TIMEOUT_MS = 20_000; // past this a caller has given up anyway; stop spending CPU on it
const MAX_IN_FLIGHT = 4; // summaries are CPU-bound: refuse more rather than queue them in memory

/** Log collectors read JSON lines; stderr keeps stdout free. */
const line = (/** @type {string} */ level) => (/** @type {string} */ message, /** @type {Record<string, unknown>} */ fields = {}) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
// No debug: it is model-loading chatter. The pipeline reports model trouble and its own bugs here.
const logger = { info: line('info'), warn: line('warn'), error: line('error') };

// One pipeline for the whole process: models load once and are shared by concurrent requests.
const pipeline = createPipeline({ modelsDir: process.env.PRECIS_MODELS_DIR, sentences: 3, logger });
// Loading now makes the first request as fast as the others. A missing model is not fatal: the
// pipeline has already logged it, and summaries fall back to extractive (the brief says null).
const models = await pipeline.load();
logger.info('models', { loaded: models.filter((m) => m.status === 'loaded').map((m) => m.id) });

/** The brief: what a reader of the English digest needs, by the record's own field names. */
function brief(/** @type {PrecisRecord} */ record) {
  const names = (/** @type {string} */ type) => record.entities.filter((e) => e.type === type).map((e) => e.text);
  return {
    id: record.id,
    language: record.language?.code ?? null,
    title: record.title,
    // An extractive fallback is in the source language, which is not what this service promises.
    summary: record.summary?.language === 'en' ? record.summary.text : null,
    // Figures or names the translation lost or changed: trust the amounts below, not the summary.
    summaryWarnings: record.summary?.warnings.map((w) => w.code) ?? [],
    amounts: record.amounts.map((a) => ({ text: a.english, currency: a.currency })),
    pairs: record.pairs.map((p) => ({ text: p.english, base: p.base, quote: p.quote, rate: p.rate, consistent: p.consistent })),
    people: names('PERSON'),
    orgs: names('ORG'),
    places: names('LOC'),
  };
}

/** The body, or null past MAX_BODY (then the rest is left unread and the connection closed). */
function readBody(/** @type {import('node:http').IncomingMessage} */ req) {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY) return resolve(null);
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.pause().removeAllListeners('data');
      resolve(null);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

let draining = false;
let inFlight = 0;
const shutdown = new AbortController(); // cancels what is still running when shutdown stops waiting

// requestTimeout drops clients that trickle their body in forever; the signal covers the work.
const server = createServer({ requestTimeout: TIMEOUT_MS }, async (req, res) => {
  const started = performance.now();
  const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
    if (res.destroyed) return; // the client hung up: nobody to answer
    // While draining, or with a body left unread, close the connection after this answer.
    const close = draining || !req.complete ? { connection: 'close' } : {};
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...close }).end(JSON.stringify(body));
  };
  const fail = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) => send(status, { error: { code, message } });
  res.on('finish', () => logger.info('request', { method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }));

  if (req.method !== 'POST' || req.url?.split('?')[0] !== '/brief') return fail(404, 'NOT_FOUND', `No endpoint at ${req.method} ${req.url}; POST an article to /brief.`);
  if (draining) return fail(503, 'SHUTTING_DOWN', 'The service is shutting down; retry against another instance.');
  if (!/^text\/plain\b/i.test(req.headers['content-type'] ?? '')) return fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the article as text/plain.');
  if (inFlight >= MAX_IN_FLIGHT) {
    res.setHeader('retry-after', '2');
    return fail(429, 'QUEUE_FULL', `${MAX_IN_FLIGHT} articles are being processed; retry in a few seconds.`);
  }

  inFlight += 1;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort('timeout'), TIMEOUT_MS);
  // 'close' before the answer is finished means the client went away: stop working for it.
  res.on('close', () => res.writableFinished || controller.abort('client gone'));
  try {
    const body = await readBody(req);
    if (body === null) return fail(413, 'PAYLOAD_TOO_LARGE', `The article is over ${MAX_BODY} bytes.`);
    const id = createHash('sha256').update(body).digest('hex').slice(0, 12);
    // bytesToArticle decodes as the CLI decodes files (UTF-8, UTF-16, Windows-1252…); it throws
    // an InputError for bodies that are no article (empty, binary).
    const article = bytesToArticle(body, { id, path: null, format: 'text' });
    const record = await pipeline.process(article, { signal: AbortSignal.any([controller.signal, shutdown.signal]) });
    // Cancelled work resolves with an ABORTED record; say why, if anyone is still listening.
    if (record.error?.code === 'ABORTED') {
      if (shutdown.signal.aborted) return fail(503, 'SHUTTING_DOWN', 'The service shut down before the article was done.');
      return fail(504, 'TIMEOUT', `The article took longer than ${TIMEOUT_MS} ms.`);
    }
    // Data problems (unsupported language, no text) come back on the record, never as a rejection.
    if (record.error) return fail(422, record.error.code, record.error.message);
    send(200, brief(record));
  } catch (error) {
    if (isInputError(error)) return fail(422, error.code, error.message);
    // process() rejects only for misuse (USAGE, PIPELINE_CLOSED): a bug here, not the client's.
    logger.error('request failed', { error: error instanceof Error ? error.stack : String(error) });
    fail(500, 'INTERNAL', 'Unexpected failure; it is logged.');
  } finally {
    clearTimeout(timer);
    inFlight -= 1;
  }
});

async function stop(/** @type {NodeJS.Signals} */ signal) {
  draining = true;
  logger.info('shutting down', { signal, inFlight });
  // Stop accepting; idle keep-alive connections close now, busy ones after their answer.
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  // Work in flight gets the time it was promised, then it is cancelled (and answered 503).
  const grace = setTimeout(() => shutdown.abort(), TIMEOUT_MS + 1000);
  await closed;
  clearTimeout(grace);
  await pipeline.close(); // waits for calls still in the pipeline, then frees the models
  logger.info('stopped');
  // Exit explicitly rather than count on every native library having released its handles.
  process.exit(0);
}
// once: a second Ctrl-C or SIGTERM gets Node's default handling and ends the process at once.
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

// Loopback only: the service has no authentication; put a proxy that has some in front of it.
server.listen(PORT, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  logger.info('listening', { url: `http://127.0.0.1:${address.port}`, endpoint: 'POST /brief' });
});
