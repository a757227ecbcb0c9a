import { FLOAT, Graph, INT64, rng, type GraphProto } from './onnx-graph.js';

/** Architecture of a BERT encoder with a token-classification head, as its config.json describes it. */
export interface BertSpec {
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  vocab: number;
  maxPositions: number;
  typeVocab: number;
  labels: number;
  seed: number;
}

/** BERT's LayerNorm epsilon (config `layer_norm_eps`). */
export const BERT_LAYER_NORM_EPS = 1e-12;

/**
 * BertForTokenClassification as Optimum exports it: `input_ids`, `attention_mask`,
 * `token_type_ids` → `logits` [batch, sequence, labels]. Word, position and token-type
 * embeddings summed and normalised; post-norm encoder layers (self-attention, GELU feed-forward);
 * a linear classifier on every position. Every weight is drawn from one seeded generator, in a
 * fixed order, so a seed always writes the same model; none is set by hand.
 */
export function buildBertTokenClassifier(spec: BertSpec): GraphProto {
  if (spec.hidden % spec.heads !== 0) throw new Error(`hidden (${spec.hidden}) must be a multiple of heads (${spec.heads})`);
  const random = rng(spec.seed);
  const g = new Graph('bert_token_classification');
  const uniform = (name: string, dims: number[], scale: number) => {
    const size = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = (random() * 2 - 1) * scale;
    return g.floats(name, dims, data);
  };
  const filled = (name: string, dims: number[], value: number) => g.floats(name, dims, new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(value));
  const dense = (name: string, x: string, inDim: number, outDim: number, scale = 0.1) =>
    g.o('Add', [g.o('MatMul', [x, uniform(`${name}.weight`, [inDim, outDim], scale)]), uniform(`${name}.bias`, [outDim], 0.02)]);
  const layerNorm = (name: string, x: string) =>
    g.o('LayerNormalization', [x, filled(`${name}.weight`, [spec.hidden], 1), filled(`${name}.bias`, [spec.hidden], 0)], { axis: -1, epsilon: BERT_LAYER_NORM_EPS });
  const dh = spec.hidden / spec.heads;

  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', INT64, ['batch_size', 'sequence_length']);
  const types = g.input('token_type_ids', INT64, ['batch_size', 'sequence_length']);

  // Embeddings: words + absolute positions 0..S-1 + token types, then LayerNorm.
  const words = g.o('Gather', [uniform('embeddings.word_embeddings.weight', [spec.vocab, spec.hidden], 0.5), ids], { axis: 0 });
  const length = g.o('Gather', [g.o('Shape', [ids]), g.intScalar(1)], { axis: 0 });
  const positions = g.o('Range', [g.intScalar(0), length, g.intScalar(1)]);
  const positionVectors = g.o('Gather', [uniform('embeddings.position_embeddings.weight', [spec.maxPositions, spec.hidden], 0.1), positions], { axis: 0 });
  const typeVectors = g.o('Gather', [uniform('embeddings.token_type_embeddings.weight', [spec.typeVocab, spec.hidden], 0.1), types], { axis: 0 });
  let h = layerNorm('embeddings.LayerNorm', g.o('Add', [g.o('Add', [words, positionVectors]), typeVectors]));

  // Additive attention mask [B, 1, 1, S]: 0 where attended, a large negative where padded.
  const blocked = g.o('Mul', [g.o('Sub', [g.scalar(1), g.o('Cast', [mask], { to: FLOAT })]), g.scalar(-1e9)]);
  const additive = g.o('Unsqueeze', [blocked, g.int([1, 2])]);
  const split = (x: string) => g.o('Transpose', [g.o('Reshape', [x, g.int([0, 0, spec.heads, dh])])], { perm: [0, 2, 1, 3] });

  for (let l = 0; l < spec.layers; l++) {
    const p = `encoder.layer.${l}`;
    const q = split(dense(`${p}.attention.self.query`, h, spec.hidden, spec.hidden));
    const k = split(dense(`${p}.attention.self.key`, h, spec.hidden, spec.hidden));
    const v = split(dense(`${p}.attention.self.value`, h, spec.hidden, spec.hidden));
    const scores = g.o('Add', [g.o('Mul', [g.o('MatMul', [q, g.o('Transpose', [k], { perm: [0, 1, 3, 2] })]), g.scalar(1 / Math.sqrt(dh))]), additive]);
    const context = g.o('MatMul', [g.o('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.o('Reshape', [g.o('Transpose', [context], { perm: [0, 2, 1, 3] }), g.int([0, 0, spec.hidden])]);
    h = layerNorm(`${p}.attention.output.LayerNorm`, g.o('Add', [h, dense(`${p}.attention.output.dense`, merged, spec.hidden, spec.hidden)]));
    // gelu(x) = 0.5 · x · (1 + erf(x / √2))
    const up = dense(`${p}.intermediate.dense`, h, spec.hidden, spec.intermediate);
    const gelu = g.o('Mul', [g.o('Mul', [up, g.scalar(0.5)]), g.o('Add', [g.o('Erf', [g.o('Div', [up, g.scalar(Math.SQRT2)])]), g.scalar(1)])]);
    h = layerNorm(`${p}.output.LayerNorm`, g.o('Add', [h, dense(`${p}.output.dense`, gelu, spec.intermediate, spec.hidden)]));
  }
  // The classifier's weights are larger than the encoder's so the random labels vary along a sentence.
  g.o('Add', [g.o('MatMul', [h, uniform('classifier.weight', [spec.hidden, spec.labels], 1)]), uniform('classifier.bias', [spec.labels], 0.1)], {}, 'logits');
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', spec.labels]);
  return g.build();
}
