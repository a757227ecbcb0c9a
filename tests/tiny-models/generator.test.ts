import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { NER_LABELS, TINY, TINY_BERT, writeBartModel, writeBertNerModel, writeMarianModel } from '../../scripts/tiny-models/write-models.js';

const { onnx } = onnxProto;
let dir: string;
const marian = () => join(dir, 'Xenova', 'opus-mt-fr-en');
const bart = () => join(dir, 'Xenova', 'distilbart-cnn-6-6');
const bert = () => join(dir, 'Xenova', 'bert-base-multilingual-cased-ner-hrl');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'precis-models-'));
  writeMarianModel(marian(), TINY, 1);
  writeBartModel(bart(), TINY, 2);
  writeBertNerModel(bert(), TINY_BERT, 7);
  // No test here may reach the network: any fetch is a failure.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('network access attempted in a test')));
});
afterAll(() => vi.unstubAllGlobals());

function opTypes(path: string): Set<string> {
  const model = onnx.ModelProto.decode(readFileSync(path));
  const types = new Set<string>();
  const walk = (g: InstanceType<typeof onnx.GraphProto>) => {
    for (const n of g.node) {
      types.add(n.opType!);
      for (const a of n.attribute ?? []) if (a.g) walk(a.g as InstanceType<typeof onnx.GraphProto>);
    }
  };
  walk(model.graph as InstanceType<typeof onnx.GraphProto>);
  return types;
}

describe('tiny model generator', () => {
  test('writes the layout of the real exports', () => {
    const config = JSON.parse(readFileSync(join(marian(), 'config.json'), 'utf8'));
    for (const key of ['d_model', 'encoder_layers', 'decoder_layers', 'encoder_attention_heads', 'decoder_attention_heads', 'vocab_size', 'decoder_start_token_id', 'pad_token_id', 'eos_token_id']) {
      expect(config, key).toHaveProperty(key);
    }
    const tokenizer = JSON.parse(readFileSync(join(marian(), 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model.type).toBe('Unigram');
    expect(tokenizer.pre_tokenizer.type).toBe('Metaspace');
    expect(tokenizer.model.vocab[0][0]).toBe('</s>');
    expect(tokenizer.model.vocab[1][0]).toBe('<unk>');
    expect(tokenizer.model.vocab.at(-1)[0]).toBe('<pad>');
    expect(config.pad_token_id).toBe(tokenizer.model.vocab.length - 1);
  });

  test('the merged decoder has the cache inputs and outputs and an If on use_cache_branch', async () => {
    const session = await ort.InferenceSession.create(join(marian(), 'onnx', 'decoder_model_merged.onnx'));
    expect(session.inputNames).toEqual(expect.arrayContaining(['input_ids', 'encoder_attention_mask', 'encoder_hidden_states', 'use_cache_branch', 'past_key_values.0.decoder.key', 'past_key_values.1.encoder.value']));
    expect(session.outputNames).toEqual(expect.arrayContaining(['logits', 'present.0.decoder.key', 'present.1.encoder.value']));
    expect(opTypes(join(marian(), 'onnx', 'decoder_model_merged.onnx')).has('If')).toBe(true);
  });

  test('the quantized variants are real int8: DynamicQuantizeLinear + MatMulInteger, no float MatMul by weights', () => {
    for (const file of ['encoder_model_quantized.onnx', 'decoder_model_merged_quantized.onnx']) {
      const types = opTypes(join(marian(), 'onnx', file));
      expect(types.has('DynamicQuantizeLinear')).toBe(true);
      expect(types.has('MatMulInteger')).toBe(true);
    }
    const float = readFileSync(join(marian(), 'onnx', 'decoder_model_merged.onnx')).length;
    const quantized = readFileSync(join(marian(), 'onnx', 'decoder_model_merged_quantized.onnx')).length;
    expect(quantized).toBeLessThan(float);
  });

  test('cached step-by-step decoding gives the logits of one full pass', async () => {
    const enc = await ort.InferenceSession.create(join(marian(), 'onnx', 'encoder_model.onnx'));
    const dec = await ort.InferenceSession.create(join(marian(), 'onnx', 'decoder_model_merged.onnx'));
    const heads = TINY.heads;
    const dh = TINY.dModel / TINY.heads;
    const mask = new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n]), [1, 4]);
    const { last_hidden_state } = await enc.run({ input_ids: new ort.Tensor('int64', BigInt64Array.from([5n, 9n, 30n, 0n]), [1, 4]), attention_mask: mask });
    const base = (tokens: bigint[]) => ({ input_ids: new ort.Tensor('int64', BigInt64Array.from(tokens), [1, tokens.length]), encoder_attention_mask: mask, encoder_hidden_states: last_hidden_state! });
    let past: Record<string, ort.Tensor> = {};
    for (let l = 0; l < TINY.layers; l++) for (const s of ['decoder', 'encoder']) for (const k of ['key', 'value']) past[`past_key_values.${l}.${s}.${k}`] = new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, dh]);
    const tokens = [200n, 7n, 12n, 40n, 3n];
    const full = await dec.run({ ...base(tokens), ...past, use_cache_branch: new ort.Tensor('bool', [false], [1]) });
    const vocab = full.logits!.dims[2]!;
    let maxDiff = 0;
    for (let t = 0; t < tokens.length; t++) {
      const out = await dec.run({ ...base([tokens[t]!]), ...past, use_cache_branch: new ort.Tensor('bool', [t > 0], [1]) });
      const step = out.logits!.data as Float32Array;
      const reference = (full.logits!.data as Float32Array).subarray(t * vocab, (t + 1) * vocab);
      for (let i = 0; i < vocab; i++) maxDiff = Math.max(maxDiff, Math.abs(step[i]! - reference[i]!));
      // As with Optimum's export, the cross-attention cache comes from the first step only; later
      // steps return a one-position placeholder for it, not a copy.
      const present = Object.fromEntries(Object.entries(out).filter(([n]) => n.startsWith('present')).map(([n, v]) => [n.replace('present', 'past_key_values'), v]));
      if (t > 0) {
        expect(present['past_key_values.0.encoder.key']!.dims[2]).toBe(1);
        for (const name of Object.keys(present)) if (name.includes('.encoder.')) present[name] = past[name]!;
      }
      past = present;
      expect(past['past_key_values.0.decoder.key']!.dims[2]).toBe(t + 1);
    }
    expect(maxDiff).toBeLessThan(1e-4);
  });

  test('the same seed writes the same bytes', () => {
    const again = mkdtempSync(join(tmpdir(), 'precis-models-'));
    writeMarianModel(join(again, 'm'), TINY, 1);
    expect(readFileSync(join(again, 'm', 'onnx', 'decoder_model_merged.onnx')).equals(readFileSync(join(marian(), 'onnx', 'decoder_model_merged.onnx')))).toBe(true);
  });

  test('@xenova/transformers loads both families offline and generates deterministically', async () => {
    const { env, pipeline } = await import('@xenova/transformers');
    env.localModelPath = dir + '/';
    env.allowRemoteModels = false;
    for (const quantized of [true, false]) {
      const translate = await pipeline('translation', 'Xenova/opus-mt-fr-en', { quantized });
      const a = (await translate('Le président a présenté un budget record.', { max_new_tokens: 6 })) as Array<{ translation_text: string }>;
      const b = (await translate('Le président a présenté un budget record.', { max_new_tokens: 6 })) as Array<{ translation_text: string }>;
      expect(a[0]!.translation_text.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
    const summarise = await pipeline('summarization', 'Xenova/distilbart-cnn-6-6', { quantized: true });
    const s = (await summarise('The president presented a record budget to the National Assembly on Tuesday.', { max_new_tokens: 5, min_length: 0 })) as Array<{ summary_text: string }>;
    expect(typeof s[0]!.summary_text).toBe('string');
  });
});

describe('tiny BERT token classifier', () => {
  test('the layout, config and tokenizer of Xenova/bert-base-multilingual-cased-ner-hrl', () => {
    const config = JSON.parse(readFileSync(join(bert(), 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', architectures: ['BertForTokenClassification'], max_position_embeddings: TINY_BERT.maxPositions, type_vocab_size: 2 });
    expect(config.id2label).toEqual({ 0: 'O', 1: 'B-DATE', 2: 'I-DATE', 3: 'B-PER', 4: 'I-PER', 5: 'B-ORG', 6: 'I-ORG', 7: 'B-LOC', 8: 'I-LOC' });
    expect(Object.entries(config.label2id).map(([label, id]) => config.id2label[id as number])).toEqual(Object.keys(config.label2id));
    expect(NER_LABELS).toHaveLength(9);
    const tokenizer = JSON.parse(readFileSync(join(bert(), 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model).toMatchObject({ type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##' });
    expect(tokenizer.normalizer).toMatchObject({ type: 'BertNormalizer', lowercase: false });
    expect(tokenizer.pre_tokenizer.type).toBe('BertPreTokenizer');
    for (const [token, id] of [['[PAD]', 0], ['[UNK]', 100], ['[CLS]', 101], ['[SEP]', 102], ['[MASK]', 103]] as const) expect(tokenizer.model.vocab[token]).toBe(id);
    expect(config.vocab_size).toBe(Object.keys(tokenizer.model.vocab).length);
    expect(JSON.parse(readFileSync(join(bert(), 'tokenizer_config.json'), 'utf8'))).toMatchObject({ tokenizer_class: 'BertTokenizer', do_lower_case: false });
  });

  test('input_ids, attention_mask, token_type_ids -> logits [batch, sequence, labels]; int8 is real int8', async () => {
    for (const file of ['model.onnx', 'model_quantized.onnx']) {
      const session = await ort.InferenceSession.create(join(bert(), 'onnx', file));
      expect([...session.inputNames].sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);
      expect(session.outputNames).toEqual(['logits']);
      const ids = [101n, 300n, 301n, 302n, 102n, 0n];
      const tensor = (values: bigint[]) => new ort.Tensor('int64', BigInt64Array.from(values), [2, 3]);
      const { logits } = await session.run({ input_ids: tensor(ids), attention_mask: tensor([1n, 1n, 1n, 1n, 1n, 0n]), token_type_ids: tensor([0n, 0n, 0n, 0n, 0n, 0n]) });
      expect(logits!.dims).toEqual([2, 3, 9]);
    }
    const types = opTypes(join(bert(), 'onnx', 'model_quantized.onnx'));
    expect(types.has('DynamicQuantizeLinear') && types.has('MatMulInteger')).toBe(true);
  });

  test('padding does not change the logits of the real tokens (the attention mask works)', async () => {
    const session = await ort.InferenceSession.create(join(bert(), 'onnx', 'model.onnx'));
    const run = async (ids: bigint[], mask: bigint[]) =>
      (await session.run({ input_ids: new ort.Tensor('int64', BigInt64Array.from(ids), [1, ids.length]), attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask), [1, ids.length]), token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), [1, ids.length]) })).logits!.data as Float32Array;
    const alone = await run([101n, 300n, 301n, 102n], [1n, 1n, 1n, 1n]);
    const padded = await run([101n, 300n, 301n, 102n, 0n, 0n], [1n, 1n, 1n, 1n, 0n, 0n]);
    for (let i = 0; i < alone.length; i++) expect(Math.abs(alone[i]! - padded[i]!)).toBeLessThan(1e-4);
  });

  test('the same seed writes the same bytes; another seed another model', () => {
    const again = mkdtempSync(join(tmpdir(), 'precis-models-'));
    writeBertNerModel(join(again, 'a'), TINY_BERT, 7);
    writeBertNerModel(join(again, 'b'), TINY_BERT, 8);
    const bytes = (d: string) => readFileSync(join(d, 'onnx', 'model.onnx'));
    expect(bytes(join(again, 'a')).equals(bytes(bert()))).toBe(true);
    expect(bytes(join(again, 'b')).equals(bytes(bert()))).toBe(false);
  });

  test('@xenova/transformers loads it offline as a token-classification pipeline, fp32 and int8', async () => {
    const { env, pipeline } = await import('@xenova/transformers');
    env.localModelPath = dir + '/';
    env.allowRemoteModels = false;
    for (const quantized of [true, false]) {
      const ner = (await pipeline('token-classification', 'Xenova/bert-base-multilingual-cased-ner-hrl', { quantized })) as unknown as (text: string, options: object) => Promise<Array<{ entity: string; word: string }>>;
      const tokens = await ner("Emmanuel Macron a reçu Lee Jae-myung à l'Élysée.", { ignore_labels: [] });
      expect(tokens.length).toBeGreaterThan(5);
      for (const t of tokens) expect(NER_LABELS).toContain(t.entity);
    }
  });
});
