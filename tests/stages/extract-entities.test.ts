import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createPipeline, type PrecisRecord } from '../../src/index.js';
import { createDocument } from '../../src/document.js';
import { ruleEntitiesStage } from '../../src/stages/extract-entities.js';
import { CORPUS, SEED, fixture } from '../helpers.js';

const MODELS = fixture('models');
const NER = 'Xenova/bert-base-multilingual-cased-ner-hrl';
const seed = readFileSync(SEED, 'utf8');
const named = (r: PrecisRecord) => r.entities.filter((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type));
const codes = (r: PrecisRecord) => r.warnings.map((w) => w.code);
const emptyDir = () => mkdtempSync(join(tmpdir(), 'precis-nomodels-'));
const strip = (r: PrecisRecord) => ({ ...r, ms: 0 });

describe('the entities option: rules, model or both', () => {
  test('default: both when the NER model is in the models directory, else rules', async () => {
    const withModel = createPipeline({ modelsDir: MODELS, summarise: false });
    expect(strip(await withModel.extract(seed))).toEqual(strip(await createPipeline({ modelsDir: MODELS, summarise: false, entities: 'both' }).extract(seed)));
    expect(withModel.version).toBe(createPipeline({ modelsDir: MODELS, summarise: false, entities: 'both' }).version);
    const without = createPipeline({ modelsDir: emptyDir(), summarise: false });
    const rules = await without.extract(seed);
    expect(strip(rules)).toEqual(strip(await createPipeline({ modelsDir: emptyDir(), summarise: false, entities: 'rules' }).extract(seed)));
    expect(codes(rules)).not.toContain('MODEL_MISSING');
    expect(withModel.version).not.toBe(without.version);
    await withModel.close();
  });

  test('model or both asked for without the model: the rules, and a MODEL_MISSING warning saying how to get it', async () => {
    const dir = emptyDir();
    const rules = await createPipeline({ modelsDir: dir, summarise: false }).extract(seed);
    for (const entities of ['model', 'both'] as const) {
      const record = await createPipeline({ modelsDir: dir, summarise: false, entities }).extract(seed);
      expect(record.error).toBeUndefined();
      expect(named(record)).toEqual(named(rules));
      const warning = record.warnings.find((w) => w.code === 'MODEL_MISSING');
      expect(warning).toMatchObject({ stage: 'extract-entities', message: expect.stringContaining(`precis models pull ${NER}`) });
      expect(warning!.message).toContain('rules only');
    }
  });

  test('a damaged model is a warning too, never a failed article', async () => {
    const dir = emptyDir();
    cpSync(join(MODELS, NER), join(dir, NER), { recursive: true });
    writeFileSync(join(dir, NER, 'onnx', 'model_quantized.onnx'), 'not a model');
    const pipeline = createPipeline({ modelsDir: dir, summarise: false });
    const record = await pipeline.extract(seed);
    expect(record.error).toBeUndefined();
    expect(record.warnings.find((w) => w.code === 'MODEL_MISSING')).toMatchObject({ stage: 'extract-entities', message: expect.stringContaining('could not be loaded') });
    expect(named(record)).toEqual(named(await createPipeline({ modelsDir: dir, summarise: false, entities: 'rules' }).extract(seed)));
    await pipeline.close();
  });

  test('model: the model alone; both: every rules mention kept; money and quantities in every mode', async () => {
    const pipeline = createPipeline({ modelsDir: MODELS, summarise: false });
    const [rules, model, both] = (await Promise.all((['rules', 'model', 'both'] as const).map((entities) => pipeline.extract(seed, { overrides: { entities, includeText: true } })))) as [PrecisRecord, PrecisRecord, PrecisRecord];
    for (const r of [rules, model, both]) {
      expect(codes(r)).not.toContain('MODEL_MISSING');
      // Offsets are into the cleaned text.
      for (const e of r.entities) for (const m of e.mentions) expect(r.text!.slice(m.start, m.end)).toBe(m.text);
      expect(r.entities.filter((e) => e.type === 'MONEY')).toEqual(rules.entities.filter((e) => e.type === 'MONEY'));
    }
    const bothMentions = named(both).flatMap((e) => e.mentions);
    for (const m of named(rules).flatMap((e) => e.mentions)) expect(bothMentions).toContainEqual(m);
    // What both adds beyond the rules, the model found.
    const modelMentions = named(model).flatMap((e) => e.mentions);
    const ruleMentions = named(rules).flatMap((e) => e.mentions);
    for (const m of bothMentions.filter((x) => !ruleMentions.some((r) => r.start === x.start && r.end === x.end))) expect(modelMentions).toContainEqual(m);
    // No model mention overlaps an amount.
    for (const m of modelMentions) for (const a of model.amounts) expect(m.end <= a.start || a.end <= m.start).toBe(true);
    await pipeline.close();
  });

  test('a Korean article through the model', async () => {
    const korean = readFileSync(join(CORPUS, 'kr-exports-ko.txt'), 'utf8');
    const pipeline = createPipeline({ modelsDir: MODELS, summarise: false, entities: 'model' });
    const record = await pipeline.extract(korean, { overrides: { includeText: true } });
    expect(record.error).toBeUndefined();
    for (const e of named(record)) for (const m of e.mentions) expect(record.text!.slice(m.start, m.end)).toBe(m.text);
    await pipeline.close();
  });

  test('an unknown mode is refused: TypeError when creating, USAGE for a call', async () => {
    expect(() => createPipeline({ entities: 'magic' as never })).toThrow(/`entities`.*`rules`, `model`, `both`/);
    await expect(createPipeline().extract(seed, { overrides: { entities: 'magic' as never } })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('`entities`') });
  });

  test('load() loads the NER model when entities need it, even without summaries', async () => {
    expect((await createPipeline({ modelsDir: MODELS, summarise: false }).load()).map((m) => `${m.id}:${m.role}:${m.status}`)).toEqual([`${NER}:ner:loaded`]);
    expect(await createPipeline({ modelsDir: MODELS, summarise: false, entities: 'rules' }).load()).toEqual([]);
    const [missing] = await createPipeline({ modelsDir: emptyDir(), summarise: false, entities: 'both' }).load();
    expect(missing).toMatchObject({ id: NER, status: 'missing' });
  });

  test('the stage stays synchronous with the rules alone', () => {
    const doc = createDocument({ id: 'x', raw: 'M. Macron à Paris.', title: null, date: null, source: { path: null, sha256: '', bytes: 0, encoding: 'utf-8', format: 'text' }, warnings: [] });
    doc.text = doc.raw;
    doc.sentences = [{ start: 0, end: doc.text.length, index: 0, paragraph: 0 }];
    const result = ruleEntitiesStage().run(doc, { signal: undefined, nlp: () => { throw new Error('unused'); }, scratch: {} });
    expect(result).toBeUndefined();
    expect(doc.entities.map((e) => e.text)).toContain('Paris');
  });
});
