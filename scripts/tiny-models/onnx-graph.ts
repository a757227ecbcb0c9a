import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
export type GraphProto = InstanceType<typeof onnx.GraphProto>;
type NodeProto = InstanceType<typeof onnx.NodeProto>;
type TensorProto = InstanceType<typeof onnx.TensorProto>;
type ValueInfoProto = InstanceType<typeof onnx.ValueInfoProto>;

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const BOOL = onnx.TensorProto.DataType.BOOL;
export const UINT8 = onnx.TensorProto.DataType.UINT8;
export const INT32 = onnx.TensorProto.DataType.INT32;

export type Dim = number | string;
export type AttributeValue = number | number[] | string | GraphProto | { ints: number[] } | { float: number };

/** Deterministic weights: mulberry32, so the same seed writes the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small builder for ONNX graphs: named inputs, outputs, initialisers and nodes, with fresh
 * names for intermediate values. Enough to write transformer encoders and decoders by hand.
 */
export class Graph {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly inputs: ValueInfoProto[] = [];
  readonly outputs: ValueInfoProto[] = [];
  private counter = 0;

  constructor(
    readonly name: string,
    private readonly prefix = '',
  ) {}

  fresh(hint = 't'): string {
    return `${this.prefix}${hint}_${this.counter++}`;
  }

  input(name: string, elemType: number, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: number, dims?: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  floats(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push(
      onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }),
    );
    return name;
  }

  ints(name: string, dims: number[], values: number[]): string {
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    this.initializers.push(onnx.TensorProto.create({ name, dims, dataType: INT64, rawData: new Uint8Array(data.buffer) }));
    return name;
  }

  bytes(name: string, dims: number[], dataType: number, data: Uint8Array): string {
    this.initializers.push(onnx.TensorProto.create({ name, dims, dataType, rawData: data }));
    return name;
  }

  scalar(value: number, hint = 'c'): string {
    return this.floats(this.fresh(hint), [], new Float32Array([value]));
  }

  int(values: number[], hint = 'i'): string {
    return this.ints(this.fresh(hint), [values.length], values);
  }

  intScalar(value: number, hint = 'i'): string {
    return this.ints(this.fresh(hint), [], [value]);
  }

  /** Adds a node and returns its output names. */
  op(type: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputs: number | string[] = 1): string[] {
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(type.toLowerCase())) : outputs;
    this.nodes.push(
      onnx.NodeProto.create({
        opType: type,
        input: inputs,
        output: names,
        name: this.fresh(`${type}_node`),
        attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
      }),
    );
    return names;
  }

  /** Single-output node. */
  o(type: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, output?: string): string {
    return this.op(type, inputs, attributes, output ? [output] : 1)[0]!;
  }

  build(): GraphProto {
    return onnx.GraphProto.create({
      name: this.name,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    });
  }
}

function valueInfo(name: string, elemType: number, dims?: Dim[]): ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        ...(dims ? { shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } : {}),
      },
    },
  });
}

function attribute(name: string, value: AttributeValue) {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: A.INT, i: value } : { name, type: A.FLOAT, f: value };
  }
  if (typeof value === 'string') return { name, type: A.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: A.INTS, ints: value };
  if ('ints' in value) return { name, type: A.INTS, ints: value.ints };
  if ('float' in value) return { name, type: A.FLOAT, f: value.float };
  return { name, type: A.GRAPH, g: value };
}

export function serializeModel(graph: GraphProto, opset = 17): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'precis-tiny-models',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: opset }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
