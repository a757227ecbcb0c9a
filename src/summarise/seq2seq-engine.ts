/**
 * Encoder–decoder generation over onnxruntime-node, on the files transformers.js reads
 * (`onnx/encoder_model(_quantized).onnx`, `onnx/decoder_model_merged(_quantized).onnx`,
 * `config.json`, `generation_config.json`), for whole batches at once: padded inputs with their
 * attention masks, the key/value cache carried from step to step, finished sequences dropped
 * from the batch, and beam search with the beams folded into the batch. Token ids in, token ids
 * out: tokenizing stays with transformers.js. It runs in the model thread.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import ort from 'onnxruntime-node';

const { onnx } = onnxProto;

type Tensor = ort.Tensor;

export interface Seq2SeqFiles {
  /** The model's folder (config.json, generation_config.json, onnx/). */
  dir: string;
  /** The int8 files (`*_quantized.onnx`) rather than fp32. */
  quantized: boolean;
  /** Intra-op threads of each session. @default 1 */
  threads?: number;
}

export interface GenerateSettings {
  /** 1 is greedy. */
  beams: number;
  maxNewTokens: number;
  /** Generated tokens before the end token is allowed, counting the start token (transformers.js' `min_length`). */
  minLength?: number;
  /** Beam scores are divided by length ** lengthPenalty. @default generation_config's, else 1 */
  lengthPenalty?: number;
  /** No n-gram of this size is generated twice. @default generation_config's, else none */
  noRepeatNgramSize?: number;
}

/** What generation_config.json and config.json say about decoding. */
interface DecodingConfig {
  decoderStart: number;
  /** Forced as the first generated token (BART's `<s>`), or null. */
  forcedBos: number | null;
  eos: number[];
  pad: number;
  badWords: number[][];
  lengthPenalty: number;
  noRepeatNgramSize: number;
  layers: number;
  heads: number;
  headDim: number;
  maxPositions: number;
  vocabSize: number;
}

interface Cache {
  /** `past_key_values.{l}.decoder.key` …, [rows, heads, steps, headDim]. */
  decoder: Tensor[];
  /** `past_key_values.{l}.encoder.key` …, [rows, heads, sourceLength, headDim]. */
  encoder: Tensor[];
}

export class Seq2SeqEngine {
  private constructor(
    private readonly encoder: ort.InferenceSession,
    private readonly decoder: ort.InferenceSession,
    readonly config: DecodingConfig,
  ) {}

  static async load(files: Seq2SeqFiles): Promise<Seq2SeqEngine> {
    const suffix = files.quantized ? '_quantized' : '';
    // The runtime's warnings (initialisers its optimiser folded away) are not the user's to act on.
    const options: ort.InferenceSession.SessionOptions = { executionProviders: ['cpu'], intraOpNumThreads: files.threads ?? 1, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 };
    // One after the other: the peak memory of loading is one session's, not two.
    const encoder = await ort.InferenceSession.create(join(files.dir, 'onnx', `encoder_model${suffix}.onnx`), options);
    const decoder = await ort.InferenceSession.create(withTopK(join(files.dir, 'onnx', `decoder_model_merged${suffix}.onnx`)), options);
    return new Seq2SeqEngine(encoder, decoder, readDecodingConfig(files.dir));
  }

  get vocabSize(): number {
    return this.config.vocabSize;
  }

  async dispose(): Promise<void> {
    // onnxruntime-node 1.14 frees a session's memory when it is collected; nothing to release by hand.
  }

  /**
   * Token ids (special tokens included, as the tokenizer gives them) to generated token ids
   * (without the decoder's start token, with the end token when one was generated), in input
   * order. Inputs are run in batches of `batchSize`, sorted by length to cut padding.
   */
  async generate(inputs: readonly number[][], settings: GenerateSettings, batchSize = 16): Promise<number[][]> {
    const order = inputs.map((ids, i) => ({ ids, i })).sort((a, b) => a.ids.length - b.ids.length);
    const outputs: number[][] = new Array(inputs.length);
    for (let from = 0; from < order.length; from += batchSize) {
      const chunk = order.slice(from, from + batchSize);
      const generated = settings.beams > 1 ? await this.beamSearch(chunk.map((c) => c.ids), settings) : await this.greedy(chunk.map((c) => c.ids), settings);
      chunk.forEach((c, k) => (outputs[c.i] = generated[k]!));
    }
    return outputs;
  }

  /** Encodes a batch: padded ids, mask, hidden states [rows, length, dModel]. */
  private async encode(inputs: readonly number[][]): Promise<{ states: Tensor; mask: Tensor }> {
    const rows = inputs.length;
    const length = Math.max(1, ...inputs.map((x) => x.length));
    const ids = new BigInt64Array(rows * length).fill(BigInt(this.config.pad));
    const mask = new BigInt64Array(rows * length);
    inputs.forEach((x, r) => {
      for (let t = 0; t < x.length; t++) {
        ids[r * length + t] = BigInt(x[t]!);
        mask[r * length + t] = 1n;
      }
    });
    const maskTensor = new ort.Tensor('int64', mask, [rows, length]);
    const out = await this.encoder.run({ input_ids: new ort.Tensor('int64', ids, [rows, length]), attention_mask: maskTensor });
    return { states: out.last_hidden_state!, mask: maskTensor };
  }

  /**
   * One decoder step for `rows` rows: the `k` most likely next tokens of each row, with their
   * log-probabilities (computed in the graph: the vocabulary's logits never cross into JS), and
   * the grown cache.
   */
  private async step(tokens: readonly number[], states: Tensor, mask: Tensor, cache: Cache | null, k: number): Promise<{ values: Float32Array; indices: BigInt64Array; k: number; cache: Cache }> {
    const rows = tokens.length;
    const { layers, heads, headDim } = this.config;
    const top = Math.min(k, this.config.vocabSize);
    const feeds: Record<string, Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(tokens, (t) => BigInt(t)), [rows, 1]),
      encoder_attention_mask: mask,
      encoder_hidden_states: states,
      use_cache_branch: new ort.Tensor('bool', new Uint8Array([cache ? 1 : 0]), [1]),
      [TOP_K_INPUT]: new ort.Tensor('int64', BigInt64Array.from([BigInt(top)]), [1]),
    };
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [rows, heads, 0, headDim]);
    for (let l = 0; l < layers; l++) {
      feeds[`past_key_values.${l}.decoder.key`] = cache ? cache.decoder[2 * l]! : empty();
      feeds[`past_key_values.${l}.decoder.value`] = cache ? cache.decoder[2 * l + 1]! : empty();
      feeds[`past_key_values.${l}.encoder.key`] = cache ? cache.encoder[2 * l]! : empty();
      feeds[`past_key_values.${l}.encoder.value`] = cache ? cache.encoder[2 * l + 1]! : empty();
    }
    const out = await this.decoder.run(feeds);
    const next: Cache = { decoder: [], encoder: [] };
    for (let l = 0; l < layers; l++) {
      next.decoder.push(out[`present.${l}.decoder.key`]!, out[`present.${l}.decoder.value`]!);
      // On cached steps the merged decoder's encoder outputs are placeholders (Optimum's export):
      // the cross-attention cache of the first step is kept.
      next.encoder.push(cache ? cache.encoder[2 * l]! : out[`present.${l}.encoder.key`]!, cache ? cache.encoder[2 * l + 1]! : out[`present.${l}.encoder.value`]!);
    }
    return { values: out[TOP_K_VALUES]!.data as Float32Array, indices: out[TOP_K_INDICES]!.data as BigInt64Array, k: top, cache: next };
  }

  /** The best allowed candidates of one row of a step, best first: [token, log-probability]. */
  private candidates(stepped: { values: Float32Array; indices: BigInt64Array; k: number }, row: number, history: readonly number[], banned: ReadonlySet<number>, want: number): Array<[number, number]> {
    const forced = this.forcedToken(history);
    const out: Array<[number, number]> = [];
    for (let j = 0; j < stepped.k && out.length < want; j++) {
      const token = Number(stepped.indices[row * stepped.k + j]!);
      if (forced !== null ? token !== forced : banned.has(token)) continue;
      out.push([token, stepped.values[row * stepped.k + j]!]);
    }
    // A forced token outside the top k still comes first (its log-probability is not needed:
    // every beam of the input takes it).
    if (forced !== null && out.length === 0) out.push([forced, 0]);
    return out;
  }

  /** Greedy decoding; a row leaves the batch when it ends. */
  private async greedy(inputs: readonly number[][], settings: GenerateSettings): Promise<number[][]> {
    const { states: allStates, mask: allMask } = await this.encode(inputs);
    let states = allStates;
    let mask = allMask;
    let live = inputs.map((_, i) => i);
    const generated: number[][] = inputs.map(() => [this.config.decoderStart]);
    let tokens = live.map(() => this.config.decoderStart);
    let cache: Cache | null = null;
    for (let n = 0; n < settings.maxNewTokens && live.length > 0; n++) {
      // Enough candidates that, after the tokens the processors forbid, one remains per row.
      const bans = live.map((i) => this.banned(generated[i]!, settings));
      const k = 1 + Math.max(0, ...bans.map((b) => b.size));
      const stepped = await this.step(tokens, states, mask, cache, k);
      const keep: number[] = [];
      const nextTokens: number[] = [];
      for (let r = 0; r < live.length; r++) {
        const history = generated[live[r]!]!;
        const [best] = this.candidates(stepped, r, history, bans[r]!, 1);
        const token = best ? best[0] : this.config.eos[0]!;
        history.push(token);
        if (this.config.eos.includes(token)) continue;
        keep.push(r);
        nextTokens.push(token);
      }
      if (keep.length === 0) break;
      cache = keep.length === live.length ? stepped.cache : gatherCache(stepped.cache, keep);
      if (keep.length !== live.length) {
        states = gatherRows(states, keep);
        mask = gatherRows(mask, keep);
      }
      live = keep.map((r) => live[r]!);
      tokens = nextTokens;
    }
    return generated.map((g) => g.slice(1));
  }

  /**
   * Beam search as in Hugging Face transformers: per input, the best `beams` running sequences
   * are expanded each step (beam × vocabulary scores, the top 2 × beams kept), a sequence that
   * ends joins the input's finished hypotheses scored by sum of log-probabilities / length **
   * lengthPenalty, and an input is done when it has `beams` hypotheses and no running beam can
   * beat the worst of them.
   */
  private async beamSearch(inputs: readonly number[][], settings: GenerateSettings): Promise<number[][]> {
    const k = settings.beams;
    const lengthPenalty = settings.lengthPenalty ?? this.config.lengthPenalty;
    const encoded = await this.encode(inputs);
    // Every input's rows repeated `k` times: beam b of input i is row i * k + b.
    const repeat = inputs.flatMap((_, i) => Array.from({ length: k }, () => i));
    let states = gatherRows(encoded.states, repeat);
    let mask = gatherRows(encoded.mask, repeat);
    interface Beam {
      input: number;
      tokens: number[];
      score: number;
    }
    interface Hypothesis {
      tokens: number[];
      score: number;
    }
    const finished: Hypothesis[][] = inputs.map(() => []);
    const done = inputs.map(() => false);
    // At the first step only one beam per input is live (the others would duplicate it).
    let beams: Beam[] = repeat.map((input, r) => ({ input, tokens: [this.config.decoderStart], score: r % k === 0 ? 0 : -Infinity }));
    let cache: Cache | null = null;
    const worst = (h: Hypothesis[]) => (h.length === 0 ? -Infinity : Math.min(...h.map((x) => x.score)));
    const addHypothesis = (input: number, tokens: number[], logProb: number) => {
      const list = finished[input]!;
      const score = logProb / (tokens.length - 1) ** lengthPenalty;
      if (list.length < k || score > worst(list)) {
        list.push({ tokens, score });
        list.sort((a, b) => b.score - a.score);
        if (list.length > k) list.pop();
      }
    };
    for (let n = 0; n < settings.maxNewTokens && beams.length > 0; n++) {
      const bans = beams.map((b) => this.banned(b.tokens, settings));
      const extra = Math.max(0, ...bans.map((b) => b.size));
      const stepped = await this.step(
        beams.map((b) => b.tokens.at(-1)!),
        states,
        mask,
        cache,
        2 * k + extra,
      );
      // Candidates per input: (score, beam row, token), the best 2k.
      const candidates = new Map<number, Array<{ score: number; row: number; token: number }>>();
      for (let r = 0; r < beams.length; r++) {
        const beam = beams[r]!;
        if (beam.score === -Infinity) continue;
        const list = candidates.get(beam.input) ?? [];
        candidates.set(beam.input, list);
        for (const [token, logProb] of this.candidates(stepped, r, beam.tokens, bans[r]!, 2 * k)) list.push({ score: beam.score + logProb, row: r, token });
      }
      const nextBeams: Beam[] = [];
      const rows: number[] = [];
      const lastStep = n === settings.maxNewTokens - 1;
      for (let input = 0; input < inputs.length; input++) {
        if (done[input]) continue;
        const list = (candidates.get(input) ?? []).sort((a, b) => b.score - a.score).slice(0, 2 * k);
        const kept: Beam[] = [];
        for (const c of list) {
          const tokens = [...beams[c.row]!.tokens, c.token];
          if (this.config.eos.includes(c.token)) {
            // Only candidates among the best k may end the input (as transformers does).
            if (list.indexOf(c) < k) addHypothesis(input, tokens, c.score);
            continue;
          }
          if (kept.length < k) {
            kept.push({ input, tokens, score: c.score });
            rows.push(c.row);
          }
        }
        // Done when k hypotheses exist and the best running beam cannot beat the worst of them.
        const best = kept.length > 0 ? kept[0]!.score / (kept[0]!.tokens.length - 1) ** lengthPenalty : -Infinity;
        if (kept.length === 0 || (finished[input]!.length >= k && best <= worst(finished[input]!))) {
          done[input] = true;
          rows.splice(rows.length - kept.length, kept.length);
          continue;
        }
        if (lastStep) {
          for (const b of kept) addHypothesis(input, b.tokens, b.score);
          done[input] = true;
          rows.splice(rows.length - kept.length, kept.length);
          continue;
        }
        nextBeams.push(...kept);
      }
      if (nextBeams.length === 0) break;
      // Beams are reordered within their input: while every row keeps its input, the encoder's
      // side (states, mask, cross-attention cache) is the same, and only the decoder's cache moves.
      const sameInputs = nextBeams.length === beams.length && nextBeams.every((b, j) => b.input === beams[j]!.input);
      // Every beam continuing itself (often, once the beams have settled) moves nothing at all.
      const unmoved = sameInputs && rows.every((r, j) => r === j);
      cache = unmoved ? stepped.cache : sameInputs ? { decoder: stepped.cache.decoder.map((t) => gatherRows(t, rows)), encoder: stepped.cache.encoder } : gatherCache(stepped.cache, rows);
      if (!sameInputs) {
        states = gatherRows(states, rows);
        mask = gatherRows(mask, rows);
      }
      beams = nextBeams;
    }
    // Inputs still running when the budget ran out keep their running beams as hypotheses.
    for (const b of beams) if (!done[b.input]) addHypothesis(b.input, b.tokens, b.score);
    return finished.map((list) => (list[0]?.tokens ?? [this.config.decoderStart]).slice(1));
  }

  /** The token a row must take next, if any: BART's `<s>` first. */
  private forcedToken(history: readonly number[]): number | null {
    return this.config.forcedBos !== null && history.length === 1 ? this.config.forcedBos : null;
  }

  /**
   * The tokens the logits processors forbid a row next (bad words, the end token before the
   * minimum length, a repeated n-gram). As in Hugging Face transformers they apply after the
   * log-softmax: a forbidden token's probability is not given to the others.
   */
  private banned(history: readonly number[], settings: GenerateSettings): Set<number> {
    const out = new Set<number>();
    for (const bad of this.config.badWords) {
      const prefix = bad.slice(0, -1);
      if (prefix.length === 0 || endsWith(history, prefix)) out.add(bad.at(-1)!);
    }
    if (settings.minLength !== undefined && history.length < settings.minLength) for (const e of this.config.eos) out.add(e);
    const size = settings.noRepeatNgramSize ?? this.config.noRepeatNgramSize;
    if (size > 0 && history.length >= size) {
      const tail = history.slice(history.length - size + 1);
      for (let i = 0; i + size <= history.length; i++) {
        let match = true;
        for (let j = 0; j < size - 1 && match; j++) match = history[i + j] === tail[j];
        if (match) out.add(history[i + size - 1]!);
      }
    }
    return out;
  }
}

/** Names the engine adds to the decoder graph. */
const TOP_K_INPUT = 'precis_top_k';
const TOP_K_VALUES = 'precis_top_log_probs';
const TOP_K_INDICES = 'precis_top_tokens';

/**
 * The merged decoder with a log-softmax and a top-k after its logits, so that each step hands JS
 * a few candidates per row, not the vocabulary. The nodes are appended as a second serialised
 * `graph` field: protobuf merges it into the first (repeated fields append), so the model's
 * hundreds of megabytes of weights are never decoded or encoded again.
 */
function withTopK(path: string): Buffer {
  const A = onnx.AttributeProto.AttributeType;
  const tensor = (elemType: number) => ({ tensorType: { elemType } });
  const extra = onnx.ModelProto.encode(
    onnx.ModelProto.create({
      graph: onnx.GraphProto.create({
        node: [
          onnx.NodeProto.create({ opType: 'LogSoftmax', input: ['logits'], output: ['precis_log_probs'], name: 'precis_log_softmax', attribute: [{ name: 'axis', type: A.INT, i: -1 }] }),
          onnx.NodeProto.create({
            opType: 'TopK',
            input: ['precis_log_probs', TOP_K_INPUT],
            output: [TOP_K_VALUES, TOP_K_INDICES],
            name: 'precis_top_k',
            attribute: [
              { name: 'axis', type: A.INT, i: -1 },
              { name: 'largest', type: A.INT, i: 1 },
              { name: 'sorted', type: A.INT, i: 1 },
            ],
          }),
        ],
        input: [onnx.ValueInfoProto.create({ name: TOP_K_INPUT, type: tensor(onnx.TensorProto.DataType.INT64) })],
        output: [
          onnx.ValueInfoProto.create({ name: TOP_K_VALUES, type: tensor(onnx.TensorProto.DataType.FLOAT) }),
          onnx.ValueInfoProto.create({ name: TOP_K_INDICES, type: tensor(onnx.TensorProto.DataType.INT64) }),
        ],
      }),
    }),
  ).finish();
  // Read straight into a buffer with room for the nodes: one copy of the weights, not two.
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size + extra.length);
    for (let read = 0; read < size; ) read += readSync(fd, bytes, read, size - read, read);
    bytes.set(extra, size);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function readDecodingConfig(dir: string): DecodingConfig {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  let generation: Record<string, unknown> = {};
  try {
    generation = JSON.parse(readFileSync(join(dir, 'generation_config.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // Older exports keep the decoding settings in config.json only.
  }
  const pick = <T>(key: string, fallback: T): T => (generation[key] ?? config[key] ?? fallback) as T;
  const eos = pick<number | number[]>('eos_token_id', 2);
  const dModel = Number(config.d_model);
  const heads = Number(config.decoder_attention_heads);
  return {
    decoderStart: pick('decoder_start_token_id', 0),
    forcedBos: pick<number | null>('forced_bos_token_id', null),
    eos: Array.isArray(eos) ? eos : [eos],
    pad: pick('pad_token_id', 0),
    badWords: pick<number[][]>('bad_words_ids', []),
    lengthPenalty: pick('length_penalty', 1),
    noRepeatNgramSize: pick('no_repeat_ngram_size', 0),
    layers: Number(config.decoder_layers),
    heads,
    headDim: dModel / heads,
    maxPositions: Number(config.max_position_embeddings ?? 512),
    vocabSize: Number(config.vocab_size),
  };
}

function endsWith(history: readonly number[], suffix: readonly number[]): boolean {
  if (suffix.length > history.length) return false;
  for (let i = 0; i < suffix.length; i++) if (history[history.length - suffix.length + i] !== suffix[i]) return false;
  return true;
}

/** Rows of a tensor whose first dimension is the batch, in the order given (rows may repeat). */
function gatherRows(tensor: Tensor, rows: readonly number[]): Tensor {
  const [, ...rest] = tensor.dims;
  const size = rest.reduce((a, b) => a * b, 1);
  const data = tensor.data as Float32Array | BigInt64Array;
  const out = new (data.constructor as { new (n: number): Float32Array | BigInt64Array })(rows.length * size);
  rows.forEach((r, i) => out.set(data.subarray(r * size, (r + 1) * size) as never, i * size));
  return new ort.Tensor(tensor.type as 'float32', out as Float32Array, [rows.length, ...rest]);
}

function gatherCache(cache: Cache, rows: readonly number[]): Cache {
  return { decoder: cache.decoder.map((t) => gatherRows(t, rows)), encoder: cache.encoder.map((t) => gatherRows(t, rows)) };
}
