import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import ort from 'onnxruntime-node';
import { beforeAll, describe, expect, test } from 'vitest';
import { Seq2SeqEngine } from '../../src/summarise/seq2seq-engine.js';
import { writeTinyVocabModel } from '../../scripts/tiny-models/write-models.js';
import { fixture } from '../helpers.js';

const MODELS = fixture('models');
const TEXTS = [
  'Le gouvernement a annoncé un budget de 728 000 milliards de wons.',
  'Bonjour.',
  'La Banque de Corée a relevé son taux directeur de 0,25 point, à 3,5 %, mardi à Séoul, pour la deuxième fois cette année.',
  'Un dollar valait 1 431,30 wons à la clôture.',
  'Samsung Electronics investira 47 000 milliards de wons dans une nouvelle usine de puces à Pyeongtaek.',
];

interface Pipe {
  tokenizer: (text: string, options: object) => { input_ids: { data: BigInt64Array }; attention_mask: unknown };
  model: { generate(ids: unknown, config: object, processors: null, extra: object): Promise<Array<ArrayLike<number | bigint>>> };
}

describe.each([
  ['Xenova/opus-mt-fr-en', 'translation'],
  ['Xenova/distilbart-cnn-6-6', 'summarization'],
] as const)('%s: greedy decoding gives the token ids of the transformers.js 2.17 pipeline', (id, task) => {
  env.localModelPath = `${MODELS}/`;
  env.allowRemoteModels = false;

  test.each([true, false])('quantized %s: batch 1 exactly; fp32 at batch 5 exactly', async (quantized) => {
    const pipe = (await pipeline(task, id, { quantized, local_files_only: true })) as unknown as Pipe;
    const engine = await Seq2SeqEngine.load({ dir: join(MODELS, id), quantized });
    const inputs = TEXTS.map((t) => pipe.tokenizer(t, { truncation: true }));
    const ids = inputs.map((x) => Array.from(x.input_ids.data, Number));
    const reference: number[][] = [];
    for (const x of inputs) {
      const [out] = await pipe.model.generate(x.input_ids, { max_new_tokens: 24, num_beams: 1, do_sample: false }, null, { inputs_attention_mask: x.attention_mask });
      reference.push(Array.from(out!, Number).slice(1));
    }
    expect(await engine.generate(ids, { beams: 1, maxNewTokens: 24 }, 1)).toEqual(reference);
    // Padding changes the per-tensor scales of int8 activations, so batches are exact in fp32 only.
    if (!quantized) expect(await engine.generate(ids, { beams: 1, maxNewTokens: 24 }, 5)).toEqual(reference);
  }, 60_000);
});

describe('beam search', () => {
  const VOCAB = 8;
  const STEPS = 3;
  let dir: string;
  let engine: Seq2SeqEngine;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'precis-beams-')), 'tiny-vocab');
    writeTinyVocabModel(dir, VOCAB);
    engine = await Seq2SeqEngine.load({ dir, quantized: false });
  });

  /**
   * Every output of at most STEPS tokens, scored independently of the engine's cached loop: the
   * whole prefix through the decoder without a cache, log-softmax over the vocabulary (the start
   * token is never generated), summed, divided by length ** lengthPenalty.
   */
  async function exhaustive(input: number[], lengthPenalty: number): Promise<{ tokens: number[]; score: number }> {
    const encoder = await ort.InferenceSession.create(join(dir, 'onnx', 'encoder_model.onnx'));
    const decoder = await ort.InferenceSession.create(join(dir, 'onnx', 'decoder_model_merged.onnx'));
    const ids = (xs: number[]) => new ort.Tensor('int64', BigInt64Array.from(xs, BigInt), [1, xs.length]);
    const mask = ids(input.map(() => 1));
    const states = (await encoder.run({ input_ids: ids(input), attention_mask: mask })).last_hidden_state!;
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [1, 2, 0, 4]);
    const logProbs = async (prefix: number[]): Promise<number[]> => {
      const out = await decoder.run({
        input_ids: ids(prefix),
        encoder_attention_mask: mask,
        encoder_hidden_states: states,
        use_cache_branch: new ort.Tensor('bool', new Uint8Array([0]), [1]),
        'past_key_values.0.decoder.key': empty(),
        'past_key_values.0.decoder.value': empty(),
        'past_key_values.0.encoder.key': empty(),
        'past_key_values.0.encoder.value': empty(),
      });
      const all = out.logits!.data as Float32Array;
      // Normalised over the whole vocabulary; the start token is then never taken (processors
      // apply after the log-softmax, as in Hugging Face transformers).
      const row = Array.from(all.subarray((prefix.length - 1) * VOCAB, prefix.length * VOCAB));
      const max = Math.max(...row);
      const log = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
      return row.map((v) => v - log);
    };
    let best = { tokens: [] as number[], score: -Infinity };
    const walk = async (prefix: number[], sum: number): Promise<void> => {
      const generated = prefix.length - 1;
      if (generated > 0 && (prefix.at(-1) === 0 || generated === STEPS)) {
        const score = sum / generated ** lengthPenalty;
        if (score > best.score) best = { tokens: prefix.slice(1), score };
        return;
      }
      const lp = await logProbs(prefix);
      for (let t = 0; t < VOCAB - 1; t++) await walk([...prefix, t], sum + lp[t]!);
    };
    await walk([VOCAB - 1], 0);
    return best;
  }

  test.each([1, 0])('with beams enough to keep every prefix, it finds the best output of an exhaustive search (length penalty %s)', async (lengthPenalty) => {
    for (const input of [[3, 5, 0], [1, 2, 4, 6, 0], [6, 0]]) {
      const best = await exhaustive(input, lengthPenalty);
      const [found] = await engine.generate([input], { beams: VOCAB ** STEPS, maxNewTokens: STEPS, lengthPenalty }, 1);
      expect(found).toEqual(best.tokens);
    }
  }, 60_000);

  test('a few beams in a batch give each input the result it gets alone', async () => {
    const inputs = [[3, 5, 0], [1, 2, 4, 6, 0], [6, 0], [2, 2, 2, 0]];
    const alone = [];
    for (const input of inputs) alone.push((await engine.generate([input], { beams: 3, maxNewTokens: 6 }, 1))[0]);
    expect(await engine.generate(inputs, { beams: 3, maxNewTokens: 6 }, 4)).toEqual(alone);
  });
});
