import onnxProto from 'onnx-proto';
import { FLOAT, Graph, UINT8, type GraphProto } from './onnx-graph.js';

const { onnx } = onnxProto;

/**
 * Dynamic int8 quantisation as onnxruntime's quantize_dynamic writes it: each MatMul by a
 * constant weight becomes DynamicQuantizeLinear (activations, per call) + MatMulInteger with
 * the weight stored as uint8 with a scale and zero point, then a rescale to float. Subgraphs
 * (the If branches of a merged decoder) are rewritten too.
 */
export function quantizeGraph(graph: GraphProto): GraphProto {
  const weights = new Map(graph.initializer.map((t) => [t.name, t]));
  const g = new Graph(`${graph.name}_quantized`, `q_${graph.name}_`);
  const nodes: typeof graph.node = [];
  const dropped = new Set<string>();
  for (const node of graph.node) {
    const inputs = node.input ?? [];
    const weight = node.opType === 'MatMul' ? weights.get(inputs[1]!) : undefined;
    const dims = (weight?.dims ?? []).map(Number);
    if (!weight || dims.length !== 2 || weight.dataType !== FLOAT) {
      nodes.push(withQuantizedSubgraphs(node));
      continue;
    }
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
    const name = weight.name!;
    dropped.add(name);
    g.bytes(`${name}_quantized`, dims, UINT8, q);
    g.floats(`${name}_scale`, [], new Float32Array([scale]));
    g.bytes(`${name}_zero_point`, [], UINT8, new Uint8Array([zeroPoint]));
    const [xq, xScale, xZero] = g.op('DynamicQuantizeLinear', [inputs[0]!], {}, 3);
    const product = g.o('MatMulInteger', [xq!, `${name}_quantized`, xZero!, `${name}_zero_point`]);
    const rescale = g.o('Mul', [xScale!, `${name}_scale`]);
    g.o('Mul', [g.o('Cast', [product], { to: FLOAT }), rescale], {}, (node.output ?? [])[0]!);
    nodes.push(...g.nodes.splice(0));
  }
  return onnx.GraphProto.create({
    name: graph.name,
    node: nodes,
    initializer: [...graph.initializer.filter((t) => !dropped.has(t.name!)), ...g.initializers],
    input: graph.input,
    output: graph.output,
  });
}

function withQuantizedSubgraphs(node: GraphProto['node'][number]): GraphProto['node'][number] {
  const attributes = node.attribute ?? [];
  if (!attributes.some((a) => a.g)) return node;
  return onnx.NodeProto.create({
    ...node,
    attribute: attributes.map((a) => (a.g ? onnx.AttributeProto.create({ ...a, g: quantizeGraph(a.g as GraphProto) }) : a)),
  });
}
