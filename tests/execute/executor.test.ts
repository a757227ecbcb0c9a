import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createPipeline, type PrecisRecord } from '../../src/index.js';
import { acquireExecutor, createExecutor, EXTRACTION_STAGE_NAMES } from '../../src/execute/executor.js';
import { extractionStages, type ExtractionShape } from '../../src/execute/extraction.js';
import { CORPUS, ROOT, SEED, fixture } from '../helpers.js';

const seed = readFileSync(SEED, 'utf8');
const shape: ExtractionShape = { languages: undefined, translationLanguages: [], defaultDollar: 'USD', tolerance: 5, date: null, sentences: 2 };
// An ordinary article of a few megabytes: seconds of work, never milliseconds.
const long = `${seed}\n\n`.repeat(450);
const strip = (r: PrecisRecord) => ({ ...r, ms: 0 });

describe('the executor', () => {
  const pipeline = createPipeline({ summarise: false, timeoutMs: 50 });
  afterAll(() => pipeline.close());

  test('the host knows the stages the threads run', () => {
    expect(EXTRACTION_STAGE_NAMES).toEqual(extractionStages(shape, null).map((s) => s.name));
    expect(createPipeline({ summarise: false }).stages).toEqual(EXTRACTION_STAGE_NAMES);
    expect(createPipeline({ entities: 'both' }).stages).toEqual([...EXTRACTION_STAGE_NAMES, 'model-entities', 'summarise']);
  });

  test('an article past its deadline is a TIMEOUT record; its thread is replaced and the next article is read', async () => {
    const late = await pipeline.extract({ id: 'long', text: long });
    expect(late.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('50 ms') });
    expect(late.id).toBe('long');
    const next = await createPipeline({ summarise: false }).extract(seed);
    expect(next.error).toBeUndefined();
    expect(next.amounts.length).toBeGreaterThan(0);
  }, 60_000);

  test('a cancelled article stops at once, whatever its stage is doing, and is an ABORTED record', async () => {
    const controller = new AbortController();
    const slow = createPipeline({ summarise: false });
    const pending = slow.extract({ id: 'long', text: long }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await pending).error).toMatchObject({ code: 'ABORTED' });
    expect((await slow.extract(seed)).error).toBeUndefined();
    await slow.close();
  }, 60_000);

  test('the calling thread (threads: 0) gives the records the worker threads give', async () => {
    const inThread = createPipeline({ summarise: false, threads: 0 });
    const threaded = createPipeline({ summarise: false, threads: 2 });
    const inputs = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 6)
      .map((f) => ({ id: f, text: readFileSync(join(CORPUS, f), 'utf8') }));
    for (const input of inputs) expect(strip(await threaded.extract(input))).toEqual(strip(await inThread.extract(input)));
    await Promise.all([inThread.close(), threaded.close()]);
  });

  test('bytes are decoded and parsed in the threads, with the errors of a file', async () => {
    const extract = createPipeline({ summarise: false });
    const html = await extract.extract({ id: 'page', bytes: readFileSync(fixture('ingest', 'article.html')), path: 'article.html', format: 'html' });
    expect(html.error).toBeUndefined();
    expect(html.source).toMatchObject({ path: 'article.html', format: 'html' });
    const binary = await extract.extract({ id: 'bin', bytes: readFileSync(fixture('bad-inputs', 'binary.txt')), format: null });
    expect(binary.error?.code).toBe('INPUT_BINARY');
    expect(binary.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(extract.extract({ bytes: new Uint8Array(3) } as never)).rejects.toThrow(TypeError);
    await extract.close();
  });

  test('an article of more words than one document may hold is INPUT_TOO_COMPLEX', async () => {
    const record = await createPipeline({ summarise: false }).extract({ id: 'words', text: 'a '.repeat(2_100_000) });
    expect(record.error).toMatchObject({ code: 'INPUT_TOO_COMPLEX', message: expect.stringContaining('Split it into articles') });
  }, 60_000);

  test('an article that needs more memory than a thread has is INPUT_TOO_COMPLEX; the thread is replaced', async () => {
    const executor = createExecutor({ threads: 1, referenceRates: null, memoryMb: 96, logger: {} });
    try {
      const heavy = 'Le gouvernement de la France a annoncé mardi un budget de 3 milliards de wons pour les exportations. '.repeat(40_000);
      await expect(executor.run({ article: heavy, shape }, { timeoutMs: 120_000 })).rejects.toMatchObject({ code: 'INPUT_TOO_COMPLEX' });
      await expect(executor.run({ article: seed, shape }, { timeoutMs: 60_000 })).resolves.toMatchObject({ ok: true });
    } finally {
      await executor.close();
    }
  }, 120_000);

  test('pipelines with the same threads share one pool, closed with its last user', async () => {
    const options = { threads: 1, referenceRates: null, memoryMb: 512, logger: {} };
    const a = acquireExecutor(options);
    const b = acquireExecutor(options);
    expect(a.executor).toBe(b.executor);
    await a.release();
    await expect(b.executor.run({ article: seed, shape }, { timeoutMs: 60_000 })).resolves.toMatchObject({ ok: true });
    await b.release();
    const c = acquireExecutor(options);
    expect(c.executor).not.toBe(a.executor);
    await c.release();
  });
});

test('a host started with `node --input-type=module -e` gets records: its flags are not given to the threads', () => {
  const script = `import { createPipeline } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
    const p = createPipeline({ summarise: false });
    const r = await p.extract('Le gouvernement a annoncé un budget de 728 000 milliards de wons pour 2026.');
    console.log(JSON.stringify(r.error ?? null));
    await p.close();`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(out.stdout.trim()).toBe('null');
  // The model thread too: the summary is translated, not extractive for want of a thread.
  const withModels = `import { createPipeline } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
    const p = createPipeline({ modelsDir: ${JSON.stringify(fixture('models'))}, maxNewTokens: 4 });
    const r = await p.process('Le gouvernement a annoncé mardi un budget de 728 000 milliards de wons pour 2026. Les dépenses de défense augmentent.');
    console.log(r.summary?.strategy);
    await p.close();`;
  expect(spawnSync(process.execPath, ['--input-type=module', '-e', withModels], { encoding: 'utf8' }).stdout.trim()).toBe('extract-translate');
}, 60_000);
