import { BOOL, FLOAT, Graph, INT64, rng, type GraphProto } from './onnx-graph.js';

/** Architecture of a Marian or BART encoder–decoder, as its config.json describes it. */
export interface Seq2SeqSpec {
  family: 'marian' | 'bart';
  dModel: number;
  encoderLayers: number;
  decoderLayers: number;
  heads: number;
  ffn: number;
  vocab: number;
  maxPositions: number;
  seed: number;
}

interface Linear {
  w: string;
  b: string;
}

/**
 * Random weights for every parameter, shared by the encoder and decoder graphs (the token
 * embedding is tied to the output projection, as in Marian and BART).
 */
class Weights {
  private readonly random: () => number;
  readonly tensors = new Map<string, { dims: number[]; data: Float32Array }>();
  /** Where initialisers go while a subgraph is built: the model's main graph (outer scope). */
  root: Graph | null = null;

  constructor(readonly spec: Seq2SeqSpec) {
    this.random = rng(spec.seed);
  }

  tensor(name: string, dims: number[], init: 'uniform' | 'ones' | 'zeros' = 'uniform', scale = 0.08): string {
    if (!this.tensors.has(name)) {
      const size = dims.reduce((a, b) => a * b, 1);
      const data = new Float32Array(size);
      if (init === 'ones') data.fill(1);
      else if (init === 'uniform') for (let i = 0; i < size; i++) data[i] = (this.random() * 2 - 1) * scale;
      this.tensors.set(name, { dims, data });
    }
    return name;
  }
}

/** Copies the named weights into a graph's initialisers (once per graph). */
function use(graph: Graph, weights: Weights, name: string): string {
  const target = weights.root ?? graph;
  if (!target.initializers.some((t) => t.name === name)) {
    const t = weights.tensors.get(name)!;
    target.floats(name, t.dims, t.data);
  }
  return name;
}

function linear(g: Graph, w: Weights, name: string, inDim: number, outDim: number): Linear {
  w.tensor(`${name}.weight`, [inDim, outDim]);
  w.tensor(`${name}.bias`, [outDim], 'uniform', 0.02);
  return { w: use(g, w, `${name}.weight`), b: use(g, w, `${name}.bias`) };
}

function applyLinear(g: Graph, x: string, l: Linear): string {
  return g.o('Add', [g.o('MatMul', [x, l.w]), l.b]);
}

function layerNorm(g: Graph, w: Weights, name: string, x: string): string {
  const d = w.spec.dModel;
  w.tensor(`${name}.weight`, [d], 'ones');
  w.tensor(`${name}.bias`, [d], 'zeros');
  return g.o('LayerNormalization', [x, use(g, w, `${name}.weight`), use(g, w, `${name}.bias`)], { axis: -1, epsilon: 1e-5 });
}

function activation(g: Graph, family: Seq2SeqSpec['family'], x: string): string {
  if (family === 'marian') return g.o('Mul', [x, g.o('Sigmoid', [x])]); // swish
  // gelu(x) = 0.5 · x · (1 + erf(x / √2))
  const erf = g.o('Erf', [g.o('Div', [x, g.scalar(Math.SQRT2)])]);
  return g.o('Mul', [g.o('Mul', [x, g.scalar(0.5)]), g.o('Add', [erf, g.scalar(1)])]);
}

/** [B, S, D] → [B, H, S, Dh] */
function splitHeads(g: Graph, spec: Seq2SeqSpec, x: string): string {
  const r = g.o('Reshape', [x, g.int([0, 0, spec.heads, spec.dModel / spec.heads])]);
  return g.o('Transpose', [r], { perm: [0, 2, 1, 3] });
}

/** [B, H, S, Dh] → [B, S, D] */
function mergeHeads(g: Graph, spec: Seq2SeqSpec, x: string): string {
  const t = g.o('Transpose', [x], { perm: [0, 2, 1, 3] });
  return g.o('Reshape', [t, g.int([0, 0, spec.dModel])]);
}

function attend(g: Graph, spec: Seq2SeqSpec, q: string, k: string, v: string, mask: string, scale?: string): string {
  const scaled = g.o('Mul', [q, scale ?? g.scalar(1 / Math.sqrt(spec.dModel / spec.heads))]);
  const scores = g.o('Add', [g.o('MatMul', [scaled, g.o('Transpose', [k], { perm: [0, 1, 3, 2] })]), mask]);
  return g.o('MatMul', [g.o('Softmax', [scores], { axis: -1 }), v]);
}

/** Additive mask [B, 1, 1, Sk] from a 0/1 attention mask [B, Sk]. */
function paddingMask(g: Graph, mask: string): string {
  const m = g.o('Cast', [mask], { to: FLOAT });
  const blocked = g.o('Mul', [g.o('Sub', [g.scalar(1), m]), g.scalar(-1e9)]);
  return g.o('Unsqueeze', [blocked, g.int([1, 2])]);
}

/** Dimension `axis` of `x` as a scalar int64. */
function dim(g: Graph, x: string, axis: number): string {
  return g.o('Gather', [g.o('Shape', [x]), g.intScalar(axis)], { axis: 0 });
}

/** Token embeddings plus positions starting at `offset` (a scalar int64): [B, S, D]. */
function embed(g: Graph, w: Weights, ids: string, offset: string): string {
  const { spec } = w;
  w.tensor('shared.weight', [spec.vocab, spec.dModel], 'uniform', 0.1);
  let x = g.o('Gather', [use(g, w, 'shared.weight'), ids], { axis: 0 });
  if (spec.family === 'marian') x = g.o('Mul', [x, g.scalar(Math.sqrt(spec.dModel))]);
  const length = dim(g, ids, 1);
  const positions = g.o('Range', [offset, g.o('Add', [offset, length]), g.intScalar(1)]);
  let table: string;
  if (spec.family === 'marian') {
    if (!w.tensors.has('positions.sinusoidal')) {
      const data = new Float32Array(spec.maxPositions * spec.dModel);
      const half = spec.dModel / 2;
      for (let p = 0; p < spec.maxPositions; p++) {
        for (let i = 0; i < half; i++) {
          const angle = p / 10000 ** ((2 * i) / spec.dModel);
          data[p * spec.dModel + i] = Math.sin(angle);
          data[p * spec.dModel + half + i] = Math.cos(angle);
        }
      }
      w.tensors.set('positions.sinusoidal', { dims: [spec.maxPositions, spec.dModel], data });
    }
    table = use(g, w, 'positions.sinusoidal');
  } else {
    // BART's learned positions are offset by 2.
    w.tensor('positions.learned', [spec.maxPositions + 2, spec.dModel], 'uniform', 0.1);
    table = use(g, w, 'positions.learned');
  }
  const index = spec.family === 'bart' ? g.o('Add', [positions, g.intScalar(2)]) : positions;
  x = g.o('Add', [x, g.o('Gather', [table, index], { axis: 0 })]);
  if (spec.family === 'bart') x = layerNorm(g, w, 'layernorm_embedding', x);
  return x;
}

function feedForward(g: Graph, w: Weights, prefix: string, x: string): string {
  const { spec } = w;
  const up = applyLinear(g, x, linear(g, w, `${prefix}.fc1`, spec.dModel, spec.ffn));
  return applyLinear(g, activation(g, spec.family, up), linear(g, w, `${prefix}.fc2`, spec.ffn, spec.dModel));
}

export function buildEncoder(weights: Weights): GraphProto {
  const { spec } = weights;
  const g = new Graph('encoder');
  const ids = g.input('input_ids', INT64, ['batch_size', 'encoder_sequence_length']);
  const mask = g.input('attention_mask', INT64, ['batch_size', 'encoder_sequence_length']);
  let h = embed(g, weights, ids, g.intScalar(0));
  const additive = paddingMask(g, mask);
  for (let l = 0; l < spec.encoderLayers; l++) {
    const p = `encoder.layers.${l}`;
    const q = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.q`, spec.dModel, spec.dModel)));
    const k = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.k`, spec.dModel, spec.dModel)));
    const v = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.v`, spec.dModel, spec.dModel)));
    const attn = applyLinear(g, mergeHeads(g, spec, attend(g, spec, q, k, v, additive)), linear(g, weights, `${p}.o`, spec.dModel, spec.dModel));
    h = layerNorm(g, weights, `${p}.self_attn_layer_norm`, g.o('Add', [h, attn]));
    h = layerNorm(g, weights, `${p}.final_layer_norm`, g.o('Add', [h, feedForward(g, weights, p, h)]));
  }
  g.o('Identity', [h], {}, 'last_hidden_state');
  g.output('last_hidden_state', FLOAT, ['batch_size', 'encoder_sequence_length', spec.dModel]);
  return g.build();
}

/**
 * The merged decoder of Optimum's export: an `If` on `use_cache_branch` between two whole
 * decoders, the first step's (cross-attention keys and values computed from the encoder output,
 * and returned) and the cached steps' (read from `past_key_values.*.encoder.*`, with a
 * one-position placeholder returned in their place), so nothing copies the cross-attention cache
 * on a cached step. The weights are the main graph's, shared by both branches.
 */
export function buildMergedDecoder(weights: Weights): GraphProto {
  const { spec } = weights;
  const heads = spec.heads;
  const dh = spec.dModel / heads;
  const g = new Graph('decoder_merged');
  weights.root = g;
  g.input('input_ids', INT64, ['batch_size', 'decoder_sequence_length']);
  g.input('encoder_attention_mask', INT64, ['batch_size', 'encoder_sequence_length']);
  g.input('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length', spec.dModel]);
  for (let l = 0; l < spec.decoderLayers; l++) {
    g.input(`past_key_values.${l}.decoder.key`, FLOAT, ['batch_size', heads, 'past_decoder_sequence_length', dh]);
    g.input(`past_key_values.${l}.decoder.value`, FLOAT, ['batch_size', heads, 'past_decoder_sequence_length', dh]);
    g.input(`past_key_values.${l}.encoder.key`, FLOAT, ['batch_size', heads, 'encoder_sequence_length_out', dh]);
    g.input(`past_key_values.${l}.encoder.value`, FLOAT, ['batch_size', heads, 'encoder_sequence_length_out', dh]);
  }
  const useCache = g.input('use_cache_branch', BOOL, [1]);
  const outputs = ['logits'];
  for (let l = 0; l < spec.decoderLayers; l++) {
    for (const side of ['decoder', 'encoder'] as const) for (const kind of ['key', 'value'] as const) outputs.push(`present.${l}.${side}.${kind}`);
  }
  const cached = decoderBranch(weights, 'with_past', 'then_', true);
  const first = decoderBranch(weights, 'without_past', 'else_', false);
  g.op('If', [useCache], { then_branch: cached, else_branch: first }, outputs);
  weights.root = null;
  g.output('logits', FLOAT, ['batch_size', 'decoder_sequence_length', spec.vocab]);
  for (let l = 0; l < spec.decoderLayers; l++) {
    for (const side of ['decoder', 'encoder'] as const) {
      for (const kind of ['key', 'value'] as const) {
        g.output(`present.${l}.${side}.${kind}`, FLOAT, ['batch_size', heads, side === 'decoder' ? 'past_decoder_sequence_length + 1' : 'encoder_sequence_length_out', dh]);
      }
    }
  }
  return g.build();
}

/** One whole decoder as an `If` branch: its outputs are logits then each layer's present keys and values. */
function decoderBranch(weights: Weights, name: string, prefix: string, cached: boolean): GraphProto {
  const { spec } = weights;
  const g = new Graph(name, prefix);
  const ids = 'input_ids';
  const pastLength = dim(g, 'past_key_values.0.decoder.key', 2);
  let h = embed(g, weights, ids, pastLength);
  // Causal mask over [past + new] keys for the new queries: key position ≤ query position.
  const newLength = dim(g, ids, 1);
  const queryPositions = g.o('Range', [pastLength, g.o('Add', [pastLength, newLength]), g.intScalar(1)]);
  const keyPositions = g.o('Range', [g.intScalar(0), g.o('Add', [pastLength, newLength]), g.intScalar(1)]);
  const future = g.o('Greater', [g.o('Unsqueeze', [keyPositions, g.int([0])]), g.o('Unsqueeze', [queryPositions, g.int([1])])]);
  const causal = g.o('Mul', [g.o('Cast', [future], { to: FLOAT }), g.scalar(-1e9)]);
  const crossMask = paddingMask(g, 'encoder_attention_mask');
  // The attention scale lives in the main graph: the runtime folds it into the MatMul, and a
  // branch's own initialiser folded away is a warning on every load.
  const root = weights.root!;
  const scale = root.initializers.some((t) => t.name === 'attention_scale') ? 'attention_scale' : root.floats('attention_scale', [], new Float32Array([1 / Math.sqrt(spec.dModel / spec.heads)]));
  const presents: string[] = [];
  for (let l = 0; l < spec.decoderLayers; l++) {
    const p = `decoder.layers.${l}`;
    const q = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.self_attn.q`, spec.dModel, spec.dModel)));
    const kNew = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.self_attn.k`, spec.dModel, spec.dModel)));
    const vNew = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.self_attn.v`, spec.dModel, spec.dModel)));
    const k = g.o('Concat', [`past_key_values.${l}.decoder.key`, kNew], { axis: 2 }, `${prefix}present.${l}.decoder.key`);
    const v = g.o('Concat', [`past_key_values.${l}.decoder.value`, vNew], { axis: 2 }, `${prefix}present.${l}.decoder.value`);
    const selfAttn = applyLinear(g, mergeHeads(g, spec, attend(g, spec, q, k, v, causal, scale)), linear(g, weights, `${p}.self_attn.o`, spec.dModel, spec.dModel));
    h = layerNorm(g, weights, `${p}.self_attn_layer_norm`, g.o('Add', [h, selfAttn]));

    let crossK: string;
    let crossV: string;
    let presentK: string;
    let presentV: string;
    if (cached) {
      crossK = `past_key_values.${l}.encoder.key`;
      crossV = `past_key_values.${l}.encoder.value`;
      // One position of the cache: a placeholder of the right rank, a few bytes to copy.
      presentK = g.o('Slice', [crossK, g.int([0]), g.int([1]), g.int([2])], {}, `${prefix}present.${l}.encoder.key`);
      presentV = g.o('Slice', [crossV, g.int([0]), g.int([1]), g.int([2])], {}, `${prefix}present.${l}.encoder.value`);
    } else {
      const kp = linear(g, weights, `${p}.encoder_attn.k`, spec.dModel, spec.dModel);
      const vp = linear(g, weights, `${p}.encoder_attn.v`, spec.dModel, spec.dModel);
      crossK = g.o('Identity', [splitHeads(g, spec, applyLinear(g, 'encoder_hidden_states', kp))], {}, `${prefix}present.${l}.encoder.key`);
      crossV = g.o('Identity', [splitHeads(g, spec, applyLinear(g, 'encoder_hidden_states', vp))], {}, `${prefix}present.${l}.encoder.value`);
      presentK = crossK;
      presentV = crossV;
    }
    presents.push(k, v, presentK, presentV);
    const cq = splitHeads(g, spec, applyLinear(g, h, linear(g, weights, `${p}.encoder_attn.q`, spec.dModel, spec.dModel)));
    const crossAttn = applyLinear(g, mergeHeads(g, spec, attend(g, spec, cq, crossK, crossV, crossMask, scale)), linear(g, weights, `${p}.encoder_attn.o`, spec.dModel, spec.dModel));
    h = layerNorm(g, weights, `${p}.encoder_attn_layer_norm`, g.o('Add', [h, crossAttn]));
    h = layerNorm(g, weights, `${p}.final_layer_norm`, g.o('Add', [h, feedForward(g, weights, p, h)]));
  }
  // Output projection tied to the token embedding, plus Marian's final_logits_bias.
  const shared = weights.tensors.get('shared.weight')!;
  if (!weights.tensors.has('lm_head.weight')) {
    const t = new Float32Array(shared.data.length);
    for (let r = 0; r < spec.vocab; r++) for (let c = 0; c < spec.dModel; c++) t[c * spec.vocab + r] = shared.data[r * spec.dModel + c]!;
    weights.tensors.set('lm_head.weight', { dims: [spec.dModel, spec.vocab], data: t });
  }
  weights.tensor('final_logits_bias', [spec.vocab], 'zeros');
  const logits = g.o('Add', [g.o('MatMul', [h, use(g, weights, 'lm_head.weight')]), use(g, weights, 'final_logits_bias')], {}, `${prefix}logits`);
  g.output(logits, FLOAT);
  for (const name of presents) g.output(name, FLOAT);
  return g.build();
}

export function buildSeq2Seq(spec: Seq2SeqSpec): { encoder: GraphProto; decoder: GraphProto } {
  const weights = new Weights(spec);
  const encoder = buildEncoder(weights);
  const decoder = buildMergedDecoder(weights);
  return { encoder, decoder };
}
