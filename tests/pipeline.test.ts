import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { PipelineClosedError, createPipeline, type PrecisRecord } from '../src/index.js';
import { CORPUS, SEED, fixture } from './helpers.js';

describe('createPipeline', () => {
  test('processes text into a record', async () => {
    const pipeline = createPipeline();
    const record = await pipeline.process(readFileSync(SEED, 'utf8'));
    expect(record.error).toBeUndefined();
    expect(record.language).toMatchObject({ code: 'fra', iso1: 'fr', reliable: true, route: 'translate' });
    expect(record.keySentences).toHaveLength(4);
    expect(record.boilerplate).toEqual([{ text: 'Début du contenu principal.', rule: 'skip-link' }]);
    expect(record.sentences).toBeLessThanOrEqual(30);
    // No model in the package's models/: the summary is extractive, with a warning.
    expect(record.summary).toMatchObject({ strategy: 'extractive' });
    expect((await createPipeline({ summarise: false }).process(readFileSync(SEED, 'utf8'))).summary).toBeNull();
    expect(record.source).toMatchObject({ path: null, format: 'text', encoding: 'utf-8' });
    expect(record.id).toBe(record.source.sha256.slice(0, 12));
  });

  test('uses the id given, and offsets index the cleaned text', async () => {
    const pipeline = createPipeline({ includeText: true, sentences: 2 });
    const record = await pipeline.process({ id: 'a-1', text: 'Publicité\n' + readFileSync(SEED, 'utf8') });
    expect(record.id).toBe('a-1');
    expect(record.keySentences).toHaveLength(2);
    for (const s of record.keySentences) expect(record.text!.slice(s.start, s.end)).toBe(s.text);
  });

  test('data problems come back as record.error, never as a rejection', async () => {
    const pipeline = createPipeline();
    await expect(pipeline.process('   ')).resolves.toMatchObject({ error: { code: 'INPUT_EMPTY' } });
    const pt = await pipeline.process(readFileSync(fixture('bad-inputs', 'portuguese.txt'), 'utf8'));
    expect(pt.error).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
    expect(pt.language).toMatchObject({ code: 'por' });
  });

  test('a one-sentence article works, with a warning', async () => {
    const record = await createPipeline().process(readFileSync(fixture('bad-inputs', 'one-sentence.txt'), 'utf8'));
    expect(record.error).toBeUndefined();
    expect(record.sentences).toBe(1);
    expect(record.keySentences).toHaveLength(1);
    expect(record.warnings.map((w) => w.code)).toContain('SHORT_ARTICLE');
  });

  test('processAll keeps input order under concurrency', async () => {
    const pipeline = createPipeline();
    const texts = Array.from({ length: 12 }, (_, i) => ({ id: `doc-${i}`, text: `${'Le gouvernement a présenté un budget. '.repeat(1 + (i % 5))}Article numéro ${i}.` }));
    const ids: string[] = [];
    for await (const r of pipeline.processAll(texts, { concurrency: 4 })) ids.push(r.id);
    expect(ids).toEqual(texts.map((t) => t.id));
  });

  test('processAll stops taking articles when the signal aborts', async () => {
    const pipeline = createPipeline();
    const controller = new AbortController();
    async function* endless() {
      for (let i = 0; ; i++) yield { id: String(i), text: 'Le gouvernement a présenté un budget record mardi.' };
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const r of pipeline.processAll(endless(), { concurrency: 2, signal: controller.signal })) {
          seen.push(r.id);
          if (seen.length === 5) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThan(20);
  });

  test('the version changes with options that shape records, not with includeText', () => {
    expect(createPipeline().version).toBe(createPipeline({ includeText: true }).version);
    expect(createPipeline().version).not.toBe(createPipeline({ sentences: 5 }).version);
  });

  test('misuse throws TypeError naming the option', async () => {
    expect(() => createPipeline({ sentences: 0 })).toThrow('Expected `sentences` to be an integer from 1 and up, got `0` (number)');
    expect(() => createPipeline({ languages: ['french'] })).toThrow(/`languages`.*ISO 639-3/);
    await expect(createPipeline().processAll([], { concurrency: 0 }).next()).rejects.toThrow(/`concurrency`.*got `0`/);
    await expect(createPipeline().process(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  test('two pipelines share no state', async () => {
    const a = createPipeline({ sentences: 1 });
    const b = createPipeline({ sentences: 3 });
    const text = readFileSync(SEED, 'utf8');
    const [ra, rb] = await Promise.all([a.process(text), b.process(text)]);
    expect(ra.error).toBeUndefined();
    expect(ra.keySentences).toHaveLength(1);
    expect(rb.keySentences).toHaveLength(3);
    await a.close();
    await expect(a.process(text)).rejects.toThrow(/closed/);
    await expect(b.process(text)).resolves.toBeDefined();
  });
});

describe('key sentences', () => {
  test('come from the body, not the headline', async () => {
    const body = readFileSync(SEED, 'utf8');
    const record = await createPipeline({ includeText: true }).process({ title: 'Le budget record de Séoul pour 2026', text: body });
    expect(record.title).toBe('Le budget record de Séoul pour 2026');
    expect(record.text!.startsWith('Le budget record de Séoul pour 2026\n')).toBe(false);
    const withHeadline = await createPipeline({ includeText: true }).process(`Séoul présente un budget record de 728 000 milliards de wons\n${body}`);
    expect(withHeadline.title).toBe('Séoul présente un budget record de 728 000 milliards de wons');
    expect(withHeadline.keySentences.map((s) => s.index)).not.toContain(0);
    expect(withHeadline.keySentences).toHaveLength(4);
  });

  test('favour the sentences that state the figures', async () => {
    const record = await createPipeline().process(readFileSync(SEED, 'utf8'));
    expect(record.keySentences.some((s) => s.text.includes('728 000 milliards de wons'))).toBe(true);
  });
});

describe('the embedding surface', () => {
  const models = fixture('models');
  const seed = readFileSync(SEED, 'utf8');

  test('extract() is process() without the summary stage, and uses no summarisation model', async () => {
    const pipeline = createPipeline({ modelsDir: models });
    const extracted = await pipeline.extract(seed);
    expect(extracted.summary).toBeNull();
    expect(extracted.pipelineVersion).toBe(createPipeline({ modelsDir: models, summarise: false }).version);
    const { ms: _a, ...withoutMs } = extracted;
    const { ms: _b, ...reference } = await createPipeline({ modelsDir: models, summarise: false }).process(seed);
    expect(withoutMs).toEqual(reference);
    await pipeline.close();
  });

  test('per-call overrides shape that record only, with the version a pipeline of those options has', async () => {
    const pipeline = createPipeline();
    const [two, base] = await Promise.all([pipeline.extract(seed, { overrides: { sentences: 2, includeText: true } }), pipeline.extract(seed)]);
    expect(two.keySentences).toHaveLength(2);
    expect(typeof two.text).toBe('string');
    expect(base.keySentences).toHaveLength(4);
    expect(base.text).toBeUndefined();
    expect(two.pipelineVersion).toBe(createPipeline({ summarise: false, sentences: 2 }).version);
    await expect(pipeline.process(seed, { overrides: { beams: 9 } as never })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('`beams`') });
    await expect(pipeline.process(seed, { overrides: { sentences: 0 } })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('`sentences`') });
  });

  test('concurrent calls on one pipeline give the records sequential calls give', async () => {
    // One sentence per model call: pooled int8 batches may differ from single ones in a token
    // (activations are quantised per tensor, padding included), which is measured, not tested.
    const pipeline = createPipeline({ modelsDir: models, batchSize: 1 });
    const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(CORPUS, f), 'utf8'));
    const strip = (r: PrecisRecord) => ({ ...r, ms: 0, summary: r.summary && { ...r.summary, ms: 0 } });
    const sequential: PrecisRecord[] = [];
    for (const t of texts) sequential.push(strip(await pipeline.process(t)));
    const concurrent = (await Promise.all(texts.map((t, i) => (i % 2 ? pipeline.process(t) : pipeline.process(t, { signal: new AbortController().signal }))))).map(strip);
    expect(concurrent).toEqual(sequential);
    expect(sequential.some((r) => r.summary?.strategy === 'extract-translate')).toBe(true);
    await pipeline.close();
  });

  test('load() loads each model once and reports what it could not load', async () => {
    const events: string[] = [];
    const logger = { info: (m: string, f?: Record<string, unknown>) => events.push(`${m} ${String(f?.model)}`), warn: (m: string, f?: Record<string, unknown>) => events.push(`${m} ${String(f?.model)}`) };
    const pipeline = createPipeline({ modelsDir: models, logger });
    const statuses = await pipeline.load();
    expect(statuses.map((s) => `${s.id}:${s.status}`)).toEqual(['Xenova/opus-mt-fr-en:loaded', 'Xenova/opus-mt-es-en:loaded', 'Xenova/opus-mt-de-en:loaded', 'Xenova/opus-mt-it-en:loaded', 'Xenova/opus-mt-ko-en:loaded', 'Xenova/bert-base-multilingual-cased-ner-hrl:loaded']);
    await pipeline.load();
    await pipeline.process(seed);
    expect(events.filter((e) => e === 'model loaded Xenova/opus-mt-fr-en')).toHaveLength(1);
    await pipeline.close();

    const missing = createPipeline({ modelsDir: fixture('no-such-models'), logger });
    const [first] = await missing.load();
    expect(first).toMatchObject({ id: 'Xenova/opus-mt-fr-en', status: 'missing', message: expect.stringContaining('precis models pull Xenova/opus-mt-fr-en') });
    expect(events).toContain('model not loaded Xenova/opus-mt-fr-en');
    expect(await createPipeline({ summarise: false }).load()).toEqual([]);
    expect(await createPipeline({ strategy: 'extractive' }).load()).toEqual([]);
  });

  test('every async call takes a signal', async () => {
    const aborted = AbortSignal.abort();
    const pipeline = createPipeline({ modelsDir: models });
    await expect(pipeline.process(seed, { signal: aborted })).resolves.toMatchObject({ error: { code: 'ABORTED' } });
    await expect(pipeline.extract(seed, { signal: aborted })).resolves.toMatchObject({ error: { code: 'ABORTED' } });
    await expect(pipeline.load({ signal: aborted })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(pipeline.processAll([seed], { signal: aborted }).next()).rejects.toMatchObject({ code: 'ABORTED' });
    await pipeline.close();
  });

  test('a signal that aborts during translation cancels the article, not just its summary', async () => {
    const pipeline = createPipeline({ modelsDir: models, strategy: 'translate-summarise', batchSize: 1 });
    await pipeline.load();
    const controller = new AbortController();
    const pending = pipeline.process(seed, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const record = await pending;
    expect(record.error).toMatchObject({ code: 'ABORTED' });
    expect(record.summary).toBeNull();
    await pipeline.close();
  });

  test('processAll reports progress as records are yielded', async () => {
    const pipeline = createPipeline({ summarise: false });
    const seen: Array<[number, number, string]> = [];
    const inputs = [{ id: 'a', text: seed }, { id: 'b', text: '' }, { id: 'c', text: seed }];
    for await (const _ of pipeline.processAll(inputs, { concurrency: 2, onProgress: (p) => seen.push([p.done, p.failed, p.record.id]) }));
    expect(seen).toEqual([
      [1, 0, 'a'],
      [2, 1, 'b'],
      [3, 1, 'c'],
    ]);
  });

  test('close() waits for calls in flight, then refuses new ones with PIPELINE_CLOSED', async () => {
    const pipeline = createPipeline({ modelsDir: models });
    const inFlight = [pipeline.process(seed), pipeline.process(seed)];
    const closed = pipeline.close();
    const records = await Promise.all(inFlight);
    await closed;
    expect(records.every((r) => !r.error && r.summary?.strategy === 'extract-translate')).toBe(true);
    await expect(pipeline.process(seed)).rejects.toBeInstanceOf(PipelineClosedError);
    await expect(pipeline.load()).rejects.toMatchObject({ code: 'PIPELINE_CLOSED' });
    await expect(pipeline.close()).resolves.toBeUndefined();
  });

  test('the library writes nothing to the console, even while loading models', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const pipeline = createPipeline({ modelsDir: models, strategy: 'translate-summarise' });
      await pipeline.process(seed);
      await pipeline.process('O governo português anunciou hoje um novo orçamento.');
      await pipeline.close();
      for (const spy of [...spies, stdout, stderr]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, stdout, stderr]) spy.mockRestore();
    }
  });
});

describe('languages: every pack is read, none is refused', () => {
  const korean = readFileSync(join(CORPUS, 'kr-exports-ko.txt'), 'utf8');

  test('a Korean article is extracted: amounts, pairs and rates', async () => {
    const record = await createPipeline().extract(korean);
    expect(record.error, record.error?.message).toBeUndefined();
    expect(record.language).toMatchObject({ code: 'kor', route: 'translate' });
    expect(record.amounts.length).toBeGreaterThanOrEqual(8);
    expect(record.amounts.every((a) => a.language === 'kor')).toBe(true);
    expect(record.rates).toContainEqual(expect.objectContaining({ base: 'USD', quote: 'KRW', value: 1398.5 }));
  });

  test('a language with a pack but no translation model: extractive summary with MODEL_MISSING, not an error', async () => {
    const record = await createPipeline({ translationLanguages: ['fra'] }).process(korean);
    expect(record.error).toBeUndefined();
    expect(record.language?.route).toBe('extractive');
    expect(record.summary).toMatchObject({ strategy: 'extractive' });
    expect(record.warnings.map((w) => w.code)).toContain('MODEL_MISSING');
    expect(record.amounts.length).toBeGreaterThanOrEqual(8);
  });

  test('a language without a pack says so: NO_LANGUAGE_PACK, never a silent empty list', async () => {
    const portuguese = readFileSync(fixture('bad-inputs', 'portuguese.txt'), 'utf8');
    const record = await createPipeline({ translationLanguages: ['fra', 'por'] }).extract(portuguese);
    expect(record.error).toBeUndefined();
    expect(record.amounts).toEqual([]);
    expect(record.warnings).toContainEqual(expect.objectContaining({ code: 'NO_LANGUAGE_PACK', message: expect.stringMatching(/Portuguese \(por\).*src\/lang\/README\.md/) }));
  });

  test('an English paragraph in a French article is read with English scales', async () => {
    const text = [
      'Le groupe sud-coréen a annoncé mardi un plan d’investissement de 1,2 billion de wons dans ses usines de Corée du Sud, selon un communiqué publié à Séoul.',
      '"We will invest 3 billion dollars in new chip plants over the next five years, and we expect the market to grow strongly," the chief executive told reporters in Seoul.',
      'Le groupe prévoit aussi de recruter plusieurs centaines d’ingénieurs dans les deux prochaines années, a précisé la direction.',
    ].join('\n');
    const record = await createPipeline().extract(text);
    expect(record.language?.paragraphs).toEqual([expect.objectContaining({ code: 'eng' })]);
    expect(record.amounts.map((a) => [a.exact, a.language])).toEqual([
      ['1200000000000', 'fra'],
      ['3000000000', 'eng'],
    ]);
  });

  test('the article date comes from the input, else from the pipeline option; a bad one is a warning', async () => {
    const text = readFileSync(SEED, 'utf8');
    expect((await createPipeline().extract({ text, date: '2025-03-14T09:00:00+09:00' })).date).toBe('2025-03-14');
    expect((await createPipeline({ date: '2025-01-02' }).extract(text)).date).toBe('2025-01-02');
    const bad = await createPipeline().extract({ text, date: 'last Tuesday' });
    expect(bad.date).toBeNull();
    expect(bad.warnings.map((w) => w.code)).toContain('INVALID_DATE');
    expect(() => createPipeline({ date: '14/03/2025' })).toThrow(TypeError);
  });

  test('reference rates: each pair gets the rate of the article’s date', async () => {
    const record = await createPipeline({ referenceRates: fixture('rates', 'eurofxref.csv') }).extract({ text: readFileSync(SEED, 'utf8'), date: '2025-03-15' });
    expect(record.pairs[0]!.reference).toMatchObject({ date: '2025-03-14' });
    expect(record.pairs[0]!.reference!.rate).toBeCloseTo(1452.32, 1);
    const undated = await createPipeline({ referenceRates: fixture('rates', 'eurofxref.csv') }).extract(readFileSync(SEED, 'utf8'));
    expect(undated.warnings.map((w) => w.code)).toContain('NO_ARTICLE_DATE');
    expect(() => createPipeline({ referenceRates: '/nonexistent.csv' })).toThrow(expect.objectContaining({ code: 'REFERENCE_RATES_NOT_FOUND' }));
  });
});

describe('paths and options', () => {
  test('processFiles reads files and folders as the CLI does; a path that cannot be read is a record with its error', async () => {
    const pipeline = createPipeline({ summarise: false });
    const records: PrecisRecord[] = [];
    for await (const r of pipeline.processFiles([SEED, fixture('ingest'), fixture('no-such-file.txt')], { concurrency: 2 })) records.push(r);
    expect(records.map((r) => [r.source.path, r.error?.code])).toEqual([
      [SEED, undefined],
      [join(fixture('ingest'), 'article.html'), undefined],
      [fixture('no-such-file.txt'), 'INPUT_NOT_FOUND'],
    ]);
    expect(records[1]!.source.format).toBe('html');
    await pipeline.close();
  });

  test('an unknown option is a TypeError naming it, not silently ignored', () => {
    expect(() => createPipeline({ sentence: 3 } as never)).toThrow(/Unknown option `sentence`/);
    expect(() => createPipeline({ engine: 'magic' as never })).toThrow(/`engine`/);
  });
});

describe('a path given as text', () => {
  test('is refused with a record that says to read the file, not analysed as prose', async () => {
    const pipeline = createPipeline({ summarise: false, threads: 0 });
    const records: PrecisRecord[] = [];
    for await (const r of pipeline.processAll(['/data/articles/budget.txt', './a.html', 'C:\\news\\a.md', 'Le budget de la ville atteint 3 milliards d’euros cette année, a indiqué le maire.'])) records.push(r);
    expect(records.map((r) => r.error?.code ?? null)).toEqual(['INPUT_NOT_ARTICLE', 'INPUT_NOT_ARTICLE', 'INPUT_NOT_ARTICLE', null]);
    expect(records[0]!.error!.message).toMatch(/is a file path .* processFiles\(\[path\]\) or readArticle\(path\)/);
    await pipeline.close();
  });
});
