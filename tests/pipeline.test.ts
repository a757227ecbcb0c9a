import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPipeline } from '../src/index.js';
import { SEED, fixture } from './helpers.js';

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
