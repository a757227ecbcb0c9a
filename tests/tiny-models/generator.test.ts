import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { TINY, writeBartModel, writeMarianModel } from '../../scripts/tiny-models/write-models.js';

const { onnx } = onnxProto;
let dir: string;
const marian = () => join(dir, 'Xenova', 'opus-mt-fr-en');
const bart = () => join(dir, 'Xenova', 'distilbart-cnn-6-6');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'precis-models-'));
  writeMarianModel(marian(), TINY, 1);
  writeBartModel(bart(), TINY, 2);
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
      past = Object.fromEntries(Object.entries(out).filter(([n]) => n.startsWith('present')).map(([n, v]) => [n.replace('present', 'past_key_values'), v]));
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
