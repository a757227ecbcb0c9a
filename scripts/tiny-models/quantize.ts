import onnxProto from 'onnx-proto';
import { FLOAT, Graph, UINT8, type GraphProto } from './onnx-graph.js';

const { onnx } = onnxProto;

/**
 * Dynamic int8 quantisation as onnxruntime's quantize_dynamic writes it: each MatMul by a
 * constant weight becomes DynamicQuantizeLinear (activations, per call) + MatMulInteger with
 * the weight stored as uint8 with a scale and zero point, then a rescale to float. Subgraphs
 * (the If branches of a merged decoder) are rewritten too; a weight they share from the main
 * graph is quantised once, in the main graph.
 */
export function quantizeGraph(graph: GraphProto): GraphProto {
  const sink = new Graph(`${graph.name}_quantized`, `q_${graph.name}_`);
  const shared: Shared = { weights: new Map(graph.initializer.map((t) => [t.name!, t])), sink, quantized: new Set() };
  const rewritten = rewrite(graph, shared);
  const used = new Set<string>();
  collectInputs(rewritten, used);
  return onnx.GraphProto.create({
    ...rewritten,
    // Float weights every MatMul now reads quantised are dropped; the others stay.
    initializer: [...graph.initializer.filter((t) => !shared.quantized.has(t.name!) || used.has(t.name!)), ...sink.initializers],
  });
}

interface Shared {
  weights: Map<string, GraphProto['initializer'][number]>;
  /** The main graph's new initialisers. */
  sink: Graph;
  quantized: Set<string>;
}

function rewrite(graph: GraphProto, shared: Shared): GraphProto {
  const own = new Map(graph.initializer.map((t) => [t.name!, t]));
  const g = new Graph(`${graph.name}_q`, `q_${graph.name}_`);
  const nodes: typeof graph.node = [];
  for (const node of graph.node) {
    const inputs = node.input ?? [];
    const weight = node.opType === 'MatMul' ? (own.get(inputs[1]!) ?? shared.weights.get(inputs[1]!)) : undefined;
    const dims = (weight?.dims ?? []).map(Number);
    if (!weight || dims.length !== 2 || weight.dataType !== FLOAT) {
      nodes.push(withQuantizedSubgraphs(node, shared));
      continue;
    }
    const name = weight.name!;
    if (!shared.quantized.has(name)) {
      shared.quantized.add(name);
      const raw = weight.rawData!;
      const data = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
      let min = 0;
      let max = 0;
      for (const v of data) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const scale = (max - min) / 255 || 1;
      const zeroPoint = Math.round(-min / scale);
      const q = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) q[i] = Math.max(0, Math.min(255, Math.round(data[i]! / scale) + zeroPoint));
      shared.sink.bytes(`${name}_quantized`, dims, UINT8, q);
      shared.sink.floats(`${name}_scale`, [], new Float32Array([scale]));
      shared.sink.bytes(`${name}_zero_point`, [], UINT8, new Uint8Array([zeroPoint]));
    }
    const [xq, xScale, xZero] = g.op('DynamicQuantizeLinear', [inputs[0]!], {}, 3);
    const product = g.o('MatMulInteger', [xq!, `${name}_quantized`, xZero!, `${name}_zero_point`]);
    const rescale = g.o('Mul', [xScale!, `${name}_scale`]);
    g.o('Mul', [g.o('Cast', [product], { to: FLOAT }), rescale], {}, (node.output ?? [])[0]!);
    nodes.push(...g.nodes.splice(0));
  }
  return onnx.GraphProto.create({
    name: graph.name,
    node: nodes,
    initializer: [...graph.initializer.filter((t) => !shared.quantized.has(t.name!) || shared.weights.get(t.name!) !== t), ...g.initializers],
    input: graph.input,
    output: graph.output,
  });
}

function withQuantizedSubgraphs(node: GraphProto['node'][number], shared: Shared): GraphProto['node'][number] {
  const attributes = node.attribute ?? [];
  if (!attributes.some((a) => a.g)) return node;
  return onnx.NodeProto.create({
    ...node,
    attribute: attributes.map((a) => (a.g ? onnx.AttributeProto.create({ ...a, g: rewrite(a.g as GraphProto, shared) }) : a)),
  });
}

/** Every value a graph's nodes read, subgraphs included. */
function collectInputs(graph: GraphProto, into: Set<string>): void {
  for (const node of graph.node) {
    for (const i of node.input ?? []) into.add(i);
    for (const a of node.attribute ?? []) if (a.g) collectInputs(a.g as GraphProto, into);
  }
}
