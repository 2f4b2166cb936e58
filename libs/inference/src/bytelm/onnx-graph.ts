import { onnx } from 'onnx-proto';

type AttributeValue = number | readonly number[] | onnx.ITensorProto;

/** Builds an ONNX graph node by node; names are generated, so the output is a pure function of the call sequence. */
export class OnnxGraph {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private counter = 0;

  /**
   * Adds an op and returns its (single) output name: generated, or `outputName` for an op that writes a graph output
   * itself (no Identity copy of a large tensor on every run). Integer attributes are INT(S), fractional ones FLOAT.
   */
  op(
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, AttributeValue>> = {},
    outputName?: string,
  ): string {
    const output = outputName ?? `${opType.toLowerCase()}_${this.counter++}`;
    this.nodes.push({
      opType,
      name: output,
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return output;
  }

  /** A float32 weight (stored as raw little-endian bytes). */
  floats(name: string, dims: readonly number[], values: Float32Array): string {
    this.initializers.push({
      name,
      dims: [...dims],
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    return name;
  }

  /** An int64 constant. */
  int64s(name: string, values: readonly number[]): string {
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: onnx.TensorProto.DataType.INT64,
      int64Data: [...values],
    });
    return name;
  }

  /** A float32 scalar constant. */
  scalar(name: string, value: number): string {
    this.initializers.push({ name, dims: [], dataType: onnx.TensorProto.DataType.FLOAT, floatData: [value] });
    return name;
  }

  /**
   * Encodes the model; an output whose op wrote another name is renamed by an Identity node so the graph's output has
   * its public name.
   */
  encode(options: {
    readonly name: string;
    readonly opset: number;
    readonly inputs: readonly onnx.IValueInfoProto[];
    readonly outputs: readonly { readonly from: string; readonly info: onnx.IValueInfoProto }[];
  }): Uint8Array {
    for (const output of options.outputs.filter((o) => o.from !== o.info.name)) {
      this.nodes.push({
        opType: 'Identity',
        name: `${output.info.name ?? ''}_out`,
        input: [output.from],
        output: [output.info.name ?? ''],
      });
    }
    const model: onnx.IModelProto = {
      irVersion: 8,
      producerName: 'taonode',
      opsetImport: [{ domain: '', version: options.opset }],
      graph: {
        name: options.name,
        node: this.nodes,
        initializer: this.initializers,
        input: [...options.inputs],
        output: options.outputs.map((o) => o.info),
      },
    };
    return onnx.ModelProto.encode(model).finish();
  }
}

/** A graph input or output: element type and dims (strings are symbolic). */
export function tensorInfo(
  name: string,
  elemType: onnx.TensorProto.DataType,
  dims: readonly (number | string)[],
): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
      : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value };
  }
  if (isNumberList(value)) {
    return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...value] };
  }
  return { name, type: onnx.AttributeProto.AttributeType.TENSOR, t: value };
}

function isNumberList(value: AttributeValue): value is readonly number[] {
  return Array.isArray(value);
}
