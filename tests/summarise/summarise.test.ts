import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { CORPUS, FIXTURES, SEED } from '../helpers.js';
import { readFileSync } from 'node:fs';

const MODELS = join(FIXTURES, 'models');
const seed = readFileSync(SEED, 'utf8');

beforeAll(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('network access attempted in a test')));
});
afterAll(() => vi.unstubAllGlobals());

describe('extract-translate on the tiny models', () => {
  test('translates the key sentences with the model, offline, deterministically', async () => {
    const pipeline = createPipeline({ modelsDir: MODELS, maxNewTokens: 12 });
    const [a, b] = [await pipeline.process(seed), await pipeline.process(seed)];
    expect(a.summary).toMatchObject({ language: 'en', strategy: 'extract-translate', models: [{ id: 'Xenova/opus-mt-fr-en', revision: expect.any(String) }] });
    expect(a.summary!.sentences).toHaveLength(4);
    expect(a.summary!.sentences.map((s) => s.source)).toEqual(a.keySentences.map((s) => s.text));
    expect(a.summary!.text.length).toBeGreaterThan(0);
    expect(a.summary!.text).not.toBe(a.keySentences.map((s) => s.text).join(' '));
    expect(b.summary!.text).toBe(a.summary!.text);
    await pipeline.close();
  });

  test('every amount of the chosen sentences is in the English text or in summary.warnings', async () => {
    const record = await createPipeline({ modelsDir: MODELS, maxNewTokens: 12 }).process(seed);
    const summary = record.summary!;
    const chosen = record.amounts.filter((a) => record.keySentences.some((s) => a.start >= s.start && a.end <= s.end));
    expect(chosen.length).toBeGreaterThan(0);
    for (const amount of chosen) {
      const stated = summary.text.includes(amount.english);
      const flagged = summary.warnings.some((w) => w.message.includes(amount.english));
      expect(stated || flagged, amount.english).toBe(true);
    }
  });

  test('max-new-tokens bounds the output', async () => {
    const short = await createPipeline({ modelsDir: MODELS, maxNewTokens: 3 }).process(seed);
    const long = await createPipeline({ modelsDir: MODELS, maxNewTokens: 30 }).process(seed);
    const words = (s: string) => s.split(/\s+/).length;
    for (const [i, s] of short.summary!.sentences.entries()) expect(words(s.text)).toBeLessThanOrEqual(words(long.summary!.sentences[i]!.text));
    expect(short.summary!.text.length).toBeLessThan(long.summary!.text.length);
  });

  test('batch size does not change the result', async () => {
    const one = await createPipeline({ modelsDir: MODELS, maxNewTokens: 8, batchSize: 1 }).process(seed);
    const four = await createPipeline({ modelsDir: MODELS, maxNewTokens: 8, batchSize: 4 }).process(seed);
    expect(four.summary!.sentences).toEqual(one.summary!.sentences);
  });

  test('English articles skip translation', async () => {
    const record = await createPipeline({ modelsDir: MODELS }).process(readFileSync(join(CORPUS, 'kr-budget-en.txt'), 'utf8'));
    expect(record.summary).toMatchObject({ language: 'en', strategy: 'extract-translate', models: [] });
    expect(record.summary!.text).toBe(record.keySentences.map((s) => s.text).join(' '));
  });
});

describe('translate-summarise on the tiny models', () => {
  test('translates every sentence, then summarises with the BART model', async () => {
    const record = await createPipeline({ modelsDir: MODELS, strategy: 'translate-summarise', maxNewTokens: 6, maxWords: 10 }).process(seed);
    expect(record.summary!.strategy).toBe('translate-summarise');
    expect(record.summary!.models.map((m) => m.id)).toEqual(['Xenova/opus-mt-fr-en', 'Xenova/distilbart-cnn-6-6']);
    expect(record.summary!.sentences).toHaveLength(record.sentences);
    expect(record.summary!.text.split(/\s+/).length).toBeLessThanOrEqual(11);
  });
});

describe('without usable models', () => {
  test('no model: an extractive summary and a warning naming `precis models pull`', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'precis-nomodels-'));
    const record = await createPipeline({ modelsDir: empty }).process(seed);
    expect(record.error).toBeUndefined();
    expect(record.summary).toMatchObject({ strategy: 'extractive', language: 'fr', models: [] });
    const warnings = record.warnings.filter((w) => w.code === 'MODEL_MISSING');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('precis models pull Xenova/opus-mt-fr-en');
    expect(warnings[0]!.message).toContain(empty);
  });

  test('a missing file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-partial-'));
    cpSync(join(MODELS, 'Xenova'), join(dir, 'Xenova'), { recursive: true });
    writeFileSync(join(dir, 'Xenova', 'opus-mt-fr-en', 'onnx', 'encoder_model_quantized.onnx'), '');
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'Xenova', 'opus-mt-fr-en', 'onnx', 'decoder_model_merged_quantized.onnx'));
    const record = await createPipeline({ modelsDir: dir }).process(seed);
    expect(record.warnings.find((w) => w.code === 'MODEL_MISSING')!.message).toMatch(/missing: onnx\/decoder_model_merged_quantized\.onnx\)/);
  });

  test('a corrupt ONNX file or a wrong tokenizer is a clear warning, not a crash', async () => {
    for (const damage of ['onnx', 'tokenizer'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'precis-corrupt-'));
      cpSync(join(MODELS, 'Xenova'), join(dir, 'Xenova'), { recursive: true });
      const model = join(dir, 'Xenova', 'opus-mt-fr-en');
      if (damage === 'onnx') writeFileSync(join(model, 'onnx', 'decoder_model_merged_quantized.onnx'), 'not a model');
      else copyFileSync(join(dir, 'Xenova', 'distilbart-cnn-6-6', 'tokenizer.json'), join(model, 'tokenizer.json'));
      const record = await createPipeline({ modelsDir: dir, maxNewTokens: 4 }).process(seed);
      expect(record.error, damage).toBeUndefined();
      if (damage === 'onnx') {
        expect(record.summary!.strategy).toBe('extractive');
        expect(record.warnings.find((w) => w.code === 'MODEL_MISSING')!.message).toMatch(/could not be loaded.*precis models verify/);
      } else {
        // A BART vocabulary in a Marian model loads but cannot be trusted: the figures check
        // still runs on whatever comes out.
        expect(record.summary).not.toBeNull();
      }
    }
  });
});
