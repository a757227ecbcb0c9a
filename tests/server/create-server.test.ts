import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PrecisRecord } from '../../src/index.js';
import { createServer } from '../../src/server/index.js';
import { CLI, ROOT, SEED } from '../helpers.js';
import { MODELS, type Running, gatedPipeline, startServer, until } from './serve-helpers.js';

const validateRecord = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'record.schema.json'), 'utf8')));
const seed = readFileSync(SEED);

const post = (url: string, body: string | Buffer, type: string | null, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', body, headers: type ? { 'content-type': type } : {}, ...init });
const json = (value: unknown) => JSON.stringify(value);

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(20);
  return body.error.message;
}

describe('precis HTTP service (fixture models)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer({ concurrency: 2, maxQueued: 8 });
    await s.server.ready;
  });
  afterAll(() => s.server.close());

  test('healthz answers, and readyz lists the models it loaded', async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { models: Array<{ id: string; status: string }> };
    expect(body.models.map((m) => `${m.id}:${m.status}`)).toContain('Xenova/opus-mt-fr-en:loaded');
    expect(body.models.every((m) => m.status === 'loaded')).toBe(true);
  });

  test("a body in the charset its content type declares is read in it (UTF-16 without a byte-order mark too)", async () => {
    const text = 'Le gouvernement a annoncé un budget de 728 000 milliards de wons (506 milliards $ US) pour 2026, en hausse de 8,1 %.';
    for (const [charset, bytes] of [
      ['utf-16le', Buffer.from(text, 'utf16le')],
      ['windows-1252', Buffer.from(text, 'latin1')],
    ] as const) {
      const record = (await (await post(`${s.url}/v1/extract`, bytes, `text/plain; charset=${charset}`)).json()) as PrecisRecord;
      expect(record.error).toBeUndefined();
      expect(record.source.encoding).toBe(charset);
      expect(record.amounts.map((a) => a.text)).toEqual(['728 000 milliards de wons', '506 milliards $ US']);
    }
  });

  test('/v1/extract on the seed article returns the record the CLI writes for that file', async () => {
    const response = await post(`${s.url}/v1/extract?id=kr-budget-ai-fr.txt`, seed, 'text/plain');
    expect(response.status).toBe(200);
    const served = (await response.json()) as PrecisRecord;
    const cli = spawnSync(process.execPath, [CLI, 'extract', SEED, '--format', 'jsonl', '-q', '--models-dir', MODELS], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    const written = JSON.parse(cli.stdout) as PrecisRecord;
    // Only the path (the service reads no file) and the timing may differ.
    expect({ ...served, ms: 0, source: { ...served.source, path: null } }).toEqual({ ...written, ms: 0, source: { ...written.source, path: null } });
    expect(served.amounts).toHaveLength(6);
    expect(served.pairs).toHaveLength(3);
  });

  test('/v1/summarise takes JSON with per-request options and translates with the loaded model', async () => {
    const response = await post(`${s.url}/v1/summarise`, json({ id: 'seed', text: seed.toString('utf8'), options: { sentences: 2, includeText: true } }), 'application/json');
    expect(response.status).toBe(200);
    const record = (await response.json()) as PrecisRecord;
    expect(validateRecord(record)).toBe(true);
    expect(record.id).toBe('seed');
    expect(record.keySentences).toHaveLength(2);
    expect(typeof record.text).toBe('string');
    expect(record.summary).toMatchObject({ strategy: 'extract-translate', language: 'en', models: [{ id: 'Xenova/opus-mt-fr-en' }] });
  });

  test('markdown and HTML bodies are read like files of that format', async () => {
    const html = '<html><head><title>Budget</title></head><body><nav>Accueil | Monde</nav><article><h1>Le budget coréen</h1><p>Le gouvernement de la Corée du Sud a présenté mardi un budget de 728 000 milliards de wons (506 milliards $ US) pour 2026, en hausse de 8,2 %.</p><p>Le ministère de l’Économie a précisé que les dépenses consacrées à l’intelligence artificielle progresseraient fortement.</p></article></body></html>';
    const record = (await (await post(`${s.url}/v1/extract`, html, 'text/html; charset=utf-8')).json()) as PrecisRecord;
    expect(record.source.format).toBe('html');
    expect(record.pairs).toHaveLength(1);
    const md = (await (await post(`${s.url}/v1/extract`, '# Titre\n\nLe **gouvernement** français a annoncé 3 milliards d’euros pour la Banque de France à Paris.', 'text/markdown')).json()) as PrecisRecord;
    expect(md.source.format).toBe('markdown');
    expect(md.title).toBe('Titre');
  });

  test('text is taken as text: a path in the body is never opened', async () => {
    const response = await post(`${s.url}/v1/extract`, json({ text: '/etc/passwd' }), 'application/json');
    const record = (await response.json()) as PrecisRecord;
    expect(record.source).toMatchObject({ path: null, bytes: 11 });
    expect(JSON.stringify(record)).not.toContain('root:');
  });

  test('entities: the service has the NER model, so both by default; a request may ask for rules or model', async () => {
    const named = (r: PrecisRecord) => r.entities.filter((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type));
    const text = seed.toString('utf8');
    const extract = async (options: object) => (await (await post(`${s.url}/v1/extract`, json({ text, options: { includeText: true, ...options } }), 'application/json')).json()) as PrecisRecord;
    const [byDefault, both, rules, model] = await Promise.all([extract({}), extract({ entities: 'both' }), extract({ entities: 'rules' }), extract({ entities: 'model' })]);
    expect({ ...byDefault, ms: 0 }).toEqual({ ...both, ms: 0 });
    expect(rules.pipelineVersion).not.toBe(both.pipelineVersion);
    for (const r of [rules, model, both]) {
      expect(validateRecord(r), JSON.stringify(validateRecord.errors)).toBe(true);
      expect(r.warnings.map((w) => w.code)).not.toContain('MODEL_MISSING');
      for (const e of named(r)) for (const m of e.mentions) expect(r.text!.slice(m.start, m.end)).toBe(m.text);
    }
    const mentions = named(both).flatMap((e) => e.mentions);
    for (const m of named(rules).flatMap((e) => e.mentions)) expect(mentions).toContainEqual(m);
    // The same option as a query parameter, for a body that is the article itself.
    const viaQuery = (await (await post(`${s.url}/v1/extract?entities=rules`, seed, 'text/plain')).json()) as PrecisRecord;
    expect(named(viaQuery)).toEqual(named(rules));
    expect(await expectError(await post(`${s.url}/v1/extract`, json({ text, options: { entities: 'magic' } }), 'application/json'), 400, 'BAD_REQUEST')).toContain('entities');
  });

  test('an article that cannot be processed is 422 with its record, whose error has the usual shape', async () => {
    const response = await post(`${s.url}/v1/extract`, json({ text: '   ' }), 'application/json');
    expect(response.status).toBe(422);
    const record = (await response.json()) as PrecisRecord;
    expect(record.error).toMatchObject({ code: 'INPUT_EMPTY' });
    const pt = await post(`${s.url}/v1/summarise`, 'O governo português anunciou hoje um novo orçamento para a saúde e a educação, com investimentos recorde em todo o país.', 'text/plain');
    expect(pt.status).toBe(422);
    expect(((await pt.json()) as PrecisRecord).error).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
  });

  test('400: invalid JSON, a missing or unknown field, a bad option, a bad query parameter', async () => {
    await expectError(await post(`${s.url}/v1/extract`, '{"text": ', 'application/json'), 400, 'INVALID_JSON');
    expect(await expectError(await post(`${s.url}/v1/extract`, json({ txt: 'x' }), 'application/json'), 400, 'BAD_REQUEST')).toMatch(/`(text|txt)`/);
    // A record option belongs in "options", not beside the text.
    expect(await expectError(await post(`${s.url}/v1/extract`, json({ text: 'x', sentences: 3 }), 'application/json'), 400, 'BAD_REQUEST')).toContain('field `sentences`');
    expect(await expectError(await post(`${s.url}/v1/extract`, json({ text: 'x', options: { sentences: '3' } }), 'application/json'), 400, 'BAD_REQUEST')).toContain('sentences');
    expect(await expectError(await post(`${s.url}/v1/extract`, json({ text: 'x', options: { strategy: 'magic' } }), 'application/json'), 400, 'BAD_REQUEST')).toContain('strategy');
    expect(await expectError(await post(`${s.url}/v1/extract?sentences=many`, 'x', 'text/plain'), 400, 'BAD_REQUEST')).toContain('sentences');
    // The message names the parameter and says what it takes.
    expect(await expectError(await post(`${s.url}/v1/extract?file=/etc/passwd`, 'x', 'text/plain'), 400, 'BAD_REQUEST')).toContain('parameter `file` is not one the endpoint takes');
    expect(await expectError(await post(`${s.url}/v1/extract?strategy=magic`, 'x', 'text/plain'), 400, 'BAD_REQUEST')).toContain('"extractive"');
    await expectError(await fetch(`${s.url}/v1/extract`, { method: 'POST' }), 400, 'BAD_REQUEST');
  });

  test('a JSON article as the CLI reads it (title, date, url, author, body) is accepted, title and date kept', async () => {
    const file = readFileSync(join(ROOT, 'corpus', 'kr-semiconductor-fund-fr.json'), 'utf8');
    const response = await post(`${s.url}/v1/extract`, file, 'application/json');
    expect(response.status).toBe(200);
    const record = (await response.json()) as PrecisRecord;
    const article = JSON.parse(file) as { title: string; date: string };
    expect(record.title).toBe(article.title);
    expect(record.date).toBe(article.date);
    expect(record.amounts.length).toBeGreaterThan(0);
  });

  test('query options apply to text bodies', async () => {
    const record = (await (await post(`${s.url}/v1/extract?sentences=1&languages=fra,eng&id=x1`, seed, 'text/plain')).json()) as PrecisRecord;
    expect(record.id).toBe('x1');
    expect(record.keySentences).toHaveLength(1);
  });

  test('413 over the body limit, 415 for other content types, 405 for a wrong method, 404 JSON elsewhere', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    await expectError(await post(`${s.url}/v1/extract`, big, 'text/plain'), 413, 'PAYLOAD_TOO_LARGE');
    await expectError(await post(`${s.url}/v1/extract`, '<a/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await post(`${s.url}/v1/summarise`, 'x', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await post(`${s.url}/v1/batch`, 'x', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await fetch(`${s.url}/v1/translate`), 404, 'NOT_FOUND');
    // A path that exists for another method: 405 with the methods it takes.
    const wrongMethod = await fetch(`${s.url}/v1/extract`);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(await expectError(wrongMethod, 405, 'METHOD_NOT_ALLOWED')).toContain('POST');
    expect((await fetch(`${s.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  test('CORS is off: no cross-origin headers, preflight is not answered', async () => {
    const preflight = await fetch(`${s.url}/v1/extract`, { method: 'OPTIONS', headers: { origin: 'http://elsewhere.example', 'access-control-request-method': 'POST' } });
    // The path takes POST only: a preflight gets 405 and no cross-origin header.
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(`${s.url}/v1/extract`, 'Le gouvernement a présenté un budget.', 'text/plain', { headers: { 'content-type': 'text/plain', origin: 'http://elsewhere.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('/v1/batch streams one NDJSON record per document, in order, failures included', async () => {
    const documents = [
      { id: 'a', text: 'Le gouvernement coréen a annoncé mardi un budget de 728 000 milliards de wons (506 milliards $ US).' },
      { id: 'b', text: '' },
      { id: 'c', text: 'La Banque de France, à Paris, a relevé sa prévision de croissance à 1,2 % pour 2026.', options: { sentences: 1 } },
    ];
    const response = await post(`${s.url}/v1/batch`, json({ mode: 'extract', documents }), 'application/json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const records = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as PrecisRecord);
    expect(records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(records[0]!.pairs).toHaveLength(1);
    expect(records[0]!.summary).toBeNull();
    expect(records[1]!.error).toMatchObject({ code: 'INPUT_EMPTY' });
    expect(records.every((r) => validateRecord(r))).toBe(true);
  });

  test('/v1/batch refuses more documents than its limit', async () => {
    const documents = Array.from({ length: 11 }, () => ({ text: 'x' }));
    expect(await expectError(await post(`${s.url}/v1/batch`, json({ documents }), 'application/json'), 400, 'BAD_REQUEST')).toContain('10');
    await expectError(await post(`${s.url}/v1/batch`, json({ documents: [] }), 'application/json'), 400, 'BAD_REQUEST');
  });

  test('/openapi.json is the document kept in the repository, at this server’s limits', async () => {
    const served = (await (await fetch(`${s.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: { Batch: { properties: { documents: { maxItems: number } } } } } };
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths).sort()).toEqual(['/healthz', '/metrics', '/openapi.json', '/readyz', '/v1/batch', '/v1/extract', '/v1/summarise']);
    expect(served.components.schemas.Batch.properties.documents.maxItems).toBe(10);
  });

  test('/metrics exposes requests, latency, queue depth, in-flight and errors by code', async () => {
    await post(`${s.url}/v1/extract`, '<a/>', 'application/xml');
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/precis_http_requests_total\{method="POST",route="\/v1\/extract",status="200"\} \d+/);
    expect(text).toMatch(/precis_http_request_duration_seconds_bucket\{le="0.5",method="POST",route="\/v1\/extract"\} \d+/);
    expect(text).toMatch(/precis_errors_total\{code="UNSUPPORTED_MEDIA_TYPE"\} \d+/);
    expect(text).toMatch(/precis_errors_total\{code="INPUT_EMPTY"\} \d+/);
    expect(text).toMatch(/^precis_queue_depth 0$/m);
    expect(text).toMatch(/^precis_in_flight 0$/m);
    expect(text).toMatch(/^precis_queue_capacity 10$/m);
    expect(text).toMatch(/^precis_models_loaded 6$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe('precis HTTP service under pressure', () => {
  test('429 with Retry-After when the queue is full; every admitted request completes', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 1, maxQueued: 2, maxBatch: 2, warmUp: false });
    try {
      const admitted = [1, 2, 3].map((i) => post(`${s.url}/v1/extract`, `Le gouvernement a présenté le budget numéro ${i} mardi.`, 'text/plain'));
      await until(() => gated.signals.length === 1);
      await until(async () => /^precis_queue_depth 2$/m.test(await (await fetch(`${s.url}/metrics`)).text()));
      // One running, two waiting: the fourth document has no room.
      const refused = await post(`${s.url}/v1/extract`, 'Le gouvernement a présenté un budget.', 'text/plain');
      expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await expectError(refused, 429, 'QUEUE_FULL')).toMatch(/capacity \(3 documents/);
      await expectError(await post(`${s.url}/v1/batch`, json({ documents: [{ text: 'a' }, { text: 'b' }] }), 'application/json'), 429, 'QUEUE_FULL');
      gated.release();
      const statuses = await Promise.all(admitted.map(async (r) => (await r).status));
      expect(statuses).toEqual([200, 200, 200]);
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toMatch(/precis_errors_total\{code="QUEUE_FULL"\} 2/);
    } finally {
      await s.server.close();
    }
  });

  test('a body is read inside the admitted work: when the queue is full, even a page that cannot be read is refused up front', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 1, maxQueued: 0, maxBatch: 1, warmUp: false });
    try {
      const running = post(`${s.url}/v1/extract`, 'Le gouvernement a présenté le budget mardi.', 'text/plain');
      await until(() => gated.signals.length === 1);
      // Reading this page would have run before admission, outside the queue and the timeout.
      const deep = `<html><body>${'<div>'.repeat(5000)}<p>texte</p>${'</div>'.repeat(5000)}</body></html>`;
      await expectError(await post(`${s.url}/v1/extract`, deep, 'text/html'), 429, 'QUEUE_FULL');
      gated.release();
      expect((await running).status).toBe(200);
      // Admitted, an unreadable body still gets its record.
      const empty = await (await post(`${s.url}/v1/extract`, json({ text: '' }), 'application/json')).json();
      expect((empty as PrecisRecord).error?.code).toBe('INPUT_EMPTY');
    } finally {
      await s.server.close();
    }
  });

  test('many documents in flight raise no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 2, maxQueued: 20, maxBatch: 16, warmUp: false });
    try {
      const single = Array.from({ length: 12 }, (_, i) => post(`${s.url}/v1/extract`, `Le budget numéro ${i} a été présenté.`, 'text/plain'));
      const batch = post(`${s.url}/v1/batch`, json({ mode: 'extract', documents: Array.from({ length: 8 }, (_, i) => ({ text: `Le budget ${i} a été voté.` })) }), 'application/json');
      await until(() => gated.signals.length === 2);
      gated.release();
      await Promise.all([...single, batch].map(async (r) => (await r).text()));
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await s.server.close();
    }
  });

  test('the event loop stays free: /healthz answers while 8 pathological documents are in flight', async () => {
    const s = await startServer({ concurrency: 2, maxQueued: 8, timeoutMs: 120_000, bodyLimit: 4 * 1024 * 1024, warmUp: false, pipelineOptions: { summarise: false } });
    try {
      await s.server.ready;
      const text = seed.toString('utf8');
      const bodies = [
        `${text}\n\n`.repeat(150),
        `Le texte. ${'Kim-'.repeat(200_000)} fin.`,
        `Le budget. ${'45 k$ '.repeat(150_000)}`,
        `<html><body>${'<div>'.repeat(50_000)}<p>${text}</p>${'</div>'.repeat(50_000)}</body></html>`,
        `${"d'".repeat(300_000)} fin.`,
        `${'le dollar valait 1 432,5 wons, '.repeat(20_000)}.`,
        `${text}\n\n`.repeat(150),
        'Le gouvernement a annoncé 728 000 milliards de wons (506 milliards $ US). '.repeat(5_000),
      ];
      let settled = 0;
      const inFlight = bodies.map((body, i) =>
        post(`${s.url}/v1/extract?id=hostile-${i}`, body, i === 3 ? 'text/html' : 'text/plain').then(async (r) => {
          settled++;
          return [r.status, ((await r.json()) as PrecisRecord).id] as const;
        }),
      );
      await new Promise((r) => setTimeout(r, 300));
      const health = await fetch(`${s.url}/healthz`);
      const pendingAtHealth = bodies.length - settled;
      expect(health.status).toBe(200);
      // The answer came while the hostile documents were still being read, not after them.
      expect(pendingAtHealth).toBeGreaterThan(0);
      // Each ends with its record: read (200) or refused as an article (422), never a 5xx.
      for (const [i, [status, id]] of (await Promise.all(inFlight)).entries()) {
        expect([200, 422]).toContain(status);
        expect(id).toBe(`hostile-${i}`);
      }
    } finally {
      await s.server.close();
    }
  }, 120_000);

  test('synchronous extraction still queues: a burst beyond capacity gets 429s, not hidden latency', async () => {
    const s = await startServer({ concurrency: 1, maxQueued: 1, maxBatch: 1, warmUp: false, pipelineOptions: { summarise: false } });
    try {
      const statuses = await Promise.all(Array.from({ length: 16 }, async () => (await post(`${s.url}/v1/extract`, seed, 'text/plain')).status));
      expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((x) => x === 200).length).toBeGreaterThanOrEqual(2);
      expect(statuses.every((x) => x === 200 || x === 429)).toBe(true);
    } finally {
      await s.server.close();
    }
  });

  test('504 past the per-request timeout; the work is cancelled and its slot freed', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 1, maxQueued: 0, maxBatch: 1, timeoutMs: 300, warmUp: false });
    try {
      const message = await expectError(await post(`${s.url}/v1/summarise`, 'Le gouvernement a présenté un budget.', 'text/plain'), 504, 'TIMEOUT');
      expect(message).toContain('300 ms');
      expect(gated.signals[0]?.aborted).toBe(true);
      // The cancelled work stops at once, so the only slot is free again.
      await until(() => gated.signals.length === 1);
      gated.release();
      const next = await post(`${s.url}/v1/extract`, 'Le gouvernement a présenté un budget.', 'text/plain');
      expect(next.status).toBe(200);
      // In a batch, the document that times out is a record with the TIMEOUT error.
    } finally {
      await s.server.close();
    }
  });

  test('a document of a batch that times out is a TIMEOUT record; the others are kept', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 2, maxQueued: 0, maxBatch: 2, timeoutMs: 300, warmUp: false });
    try {
      const response = await post(`${s.url}/v1/batch`, json({ documents: [{ id: 'a', text: 'Le budget.' }, { id: 'b', text: 'La dette.' }] }), 'application/json');
      const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as PrecisRecord);
      expect(lines.map((r) => [r.id, r.error?.code])).toEqual([
        ['a', 'TIMEOUT'],
        ['b', 'TIMEOUT'],
      ]);
    } finally {
      gated.release();
      await s.server.close();
    }
  });

  test('a client that hangs up cancels its work', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 1, maxQueued: 0, maxBatch: 1, warmUp: false });
    try {
      const request = httpRequest(`${s.url}/v1/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
      request.on('error', () => undefined);
      request.end('Le gouvernement a présenté un budget.');
      await until(() => gated.signals.length === 1);
      request.destroy();
      await until(() => gated.signals[0]!.aborted === true);
      await until(async () => /precis_errors_total\{code="ABORTED"\} 1/.test(await (await fetch(`${s.url}/metrics`)).text()));
    } finally {
      gated.release();
      await s.server.close();
    }
  });

  test('close() lets requests in flight finish and refuses new work', async () => {
    const gated = gatedPipeline();
    const s = await startServer({ pipeline: gated.pipeline, concurrency: 3, maxQueued: 0, maxBatch: 1, warmUp: false });
    const inFlight = [1, 2, 3].map(() => post(`${s.url}/v1/extract`, seed, 'text/plain'));
    await until(() => gated.signals.length === 3);
    const closed = s.server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(s.server.app.server.listening).toBe(false);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    gated.release();
    const statuses = await Promise.all(inFlight.map(async (r) => (await r).status));
    await closed;
    expect(statuses).toEqual([200, 200, 200]);
    // The caller's pipeline is the caller's to close.
    await expect(s.server.pipeline.extract('Le budget.')).resolves.toMatchObject({ id: expect.any(String) });
  });

  test('close() frees the pipeline the server made', async () => {
    const s = await startServer({ warmUp: true });
    await s.server.close();
    await expect(s.server.pipeline.extract('x')).rejects.toMatchObject({ code: 'PIPELINE_CLOSED' });
  });

  test('readyz names the NER model when entities ask for it and it is missing', async () => {
    const s = await startServer({ pipelineOptions: { modelsDir: join(ROOT, 'tests', 'fixtures', 'no-such-models'), summarise: false, entities: 'both' } });
    try {
      await s.server.ready;
      const message = await expectError(await fetch(`${s.url}/readyz`), 503, 'NOT_READY');
      expect(message).toContain('Xenova/bert-base-multilingual-cased-ner-hrl: missing');
      expect(message).toContain('entities would come from the rules only');
      expect(message).toContain('--entities rules');
      expect(message).not.toContain('extractive');
      const record = (await (await post(`${s.url}/v1/extract`, seed, 'text/plain')).json()) as PrecisRecord;
      expect(record.warnings.map((w) => w.code)).toContain('MODEL_MISSING');
    } finally {
      await s.server.close();
    }
  });

  test('readyz is 503 while models are missing, with what to do', async () => {
    const s = await startServer({ pipelineOptions: { modelsDir: join(ROOT, 'tests', 'fixtures', 'no-such-models') } });
    try {
      await s.server.ready;
      expect(await expectError(await fetch(`${s.url}/readyz`), 503, 'NOT_READY')).toContain('precis models pull');
      // The service still answers, with extractive summaries.
      const record = (await (await post(`${s.url}/v1/summarise`, seed, 'text/plain')).json()) as PrecisRecord;
      expect(record.summary?.strategy).toBe('extractive');
    } finally {
      await s.server.close();
    }
  });
});

describe('slow clients', () => {
  test('a connection that never finishes its headers is answered 408 and closed near its deadline, not kept for a minute', async () => {
    const s = await startServer({ pipelineOptions: { summarise: false }, warmUp: false, headersTimeoutMs: 500, requestTimeoutMs: 1000 });
    try {
      const port = Number(new URL(s.url).port);
      const answer = await new Promise<string>((resolve, reject) => {
        let data = '';
        const socket = connect(port, '127.0.0.1', () => socket.write('POST /v1/extract HTTP/1.1\r\nHost: precis\r\n'));
        socket.on('data', (d) => (data += String(d)));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    } finally {
      await s.server.close();
    }
  });

  test('header and request timeouts are checked', () => {
    expect(() => createServer({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).toThrow(/requestTimeoutMs/);
  });
});
