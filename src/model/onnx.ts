/**
 * A small ONNX writer: just enough protobuf to encode a model (graph, nodes,
 * attributes, float initializers, tensor-typed inputs and outputs). ONNX
 * files are protobuf messages; the field numbers below are those of
 * onnx/onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, …).
 * No protobuf package is needed: the format's wire types are few.
 * @module
 */

/** ONNX tensor element types used here (TensorProto.DataType). */
export const ELEM = { float: 1, int64: 7, double: 11 } as const;

/** Appends protobuf fields to a growing byte list. */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  private push(b: Uint8Array) {
    this.chunks.push(b);
    this.size += b.length;
  }

  private varint(v: number | bigint) {
    let n = BigInt.asUintN(64, BigInt(v));
    const out: number[] = [];
    do {
      let byte = Number(n & 0x7fn);
      n >>= 7n;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    this.push(Uint8Array.from(out));
  }

  private tag(field: number, wire: number) {
    this.varint((field << 3) | wire);
  }

  /** An int32/int64/enum field (wire type 0). */
  int(field: number, v: number | bigint) {
    this.tag(field, 0);
    this.varint(v);
    return this;
  }

  /** A float field (wire type 5). */
  float(field: number, v: number) {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.push(b);
    return this;
  }

  /** A length-delimited field: bytes, a string or an embedded message. */
  bytes(field: number, v: Uint8Array | string | ProtoWriter) {
    const b = typeof v === 'string' ? new TextEncoder().encode(v) : v instanceof ProtoWriter ? v.finish() : v;
    this.tag(field, 2);
    this.varint(b.length);
    this.push(b);
    return this;
  }

  /** Bytes that are whole fields already (copied from another message). */
  raw(b: Uint8Array) {
    this.push(b);
    return this;
  }

  /** A packed repeated float field. */
  packedFloats(field: number, vs: ArrayLike<number>) {
    const b = new Uint8Array(vs.length * 4);
    const dv = new DataView(b.buffer);
    for (let i = 0; i < vs.length; i++) dv.setFloat32(i * 4, vs[i]!, true);
    return this.bytes(field, b);
  }

  /** A packed repeated int64 field. */
  packedInts(field: number, vs: ArrayLike<number>) {
    const w = new ProtoWriter();
    for (let i = 0; i < vs.length; i++) w.varint(vs[i]!);
    return this.bytes(field, w.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** A tensor value: float data (dims row-major), or int64 data. */
export interface Tensor {
  name: string;
  dims: number[];
  floats?: ArrayLike<number>;
  ints?: ArrayLike<number>;
}

export type Attribute = { name: string } & ({ f: number } | { i: number } | { s: string } | { floats: number[] } | { ints: number[] } | { strings: string[] } | { t: Tensor });

export interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  attributes?: Attribute[];
}

/** A graph input or output: a tensor of `elem` type; a dim is a size, a symbolic name (`"N"`) or null (unnamed, as sklearn-onnx writes `?`). */
export interface ValueInfo {
  name: string;
  elem: number;
  dims: (number | string | null)[];
}

export interface ModelSpec {
  graphName: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Operator sets, e.g. `{ '': 13 }` or `{ '': 13, 'ai.onnx.ml': 3 }`. */
  opsets: Record<string, number>;
  producer?: string;
  docString?: string;
  /** Free-form metadata (ModelProto.metadata_props). */
  metadata?: Record<string, string>;
}

function tensor(t: Tensor): ProtoWriter {
  const w = new ProtoWriter();
  w.packedInts(1, t.dims);
  if (t.ints) w.int(2, ELEM.int64).packedInts(7, t.ints);
  else w.int(2, ELEM.float).packedFloats(4, t.floats ?? []);
  w.bytes(8, t.name);
  return w;
}

function attribute(a: Attribute): ProtoWriter {
  const w = new ProtoWriter().bytes(1, a.name);
  // AttributeProto.AttributeType: FLOAT 1, INT 2, STRING 3, TENSOR 4, FLOATS 6, INTS 7, STRINGS 8
  if ('f' in a) w.float(2, a.f).int(20, 1);
  else if ('i' in a) w.int(3, a.i).int(20, 2);
  else if ('s' in a) w.bytes(4, a.s).int(20, 3);
  else if ('t' in a) w.bytes(5, tensor(a.t)).int(20, 4);
  else if ('floats' in a) w.packedFloats(7, a.floats).int(20, 6);
  else if ('ints' in a) w.packedInts(8, a.ints).int(20, 7);
  else {
    for (const s of a.strings) w.bytes(9, s);
    w.int(20, 8);
  }
  return w;
}

function node(n: Node, i: number): ProtoWriter {
  const w = new ProtoWriter();
  for (const x of n.inputs) w.bytes(1, x);
  for (const x of n.outputs) w.bytes(2, x);
  w.bytes(3, n.name ?? `${n.op}_${i}`);
  w.bytes(4, n.op);
  for (const a of n.attributes ?? []) w.bytes(5, attribute(a));
  if (n.domain) w.bytes(7, n.domain);
  return w;
}

function valueInfo(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.dims) shape.bytes(1, d === null ? new ProtoWriter() : typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().bytes(2, d));
  const tensorType = new ProtoWriter().int(1, v.elem).bytes(2, shape);
  return new ProtoWriter().bytes(1, v.name).bytes(2, new ProtoWriter().bytes(1, tensorType));
}

/** Encodes a model as ONNX bytes (IR version 8). */
export function encodeModel(m: ModelSpec): Uint8Array {
  const g = new ProtoWriter();
  m.nodes.forEach((n, i) => g.bytes(1, node(n, i)));
  g.bytes(2, m.graphName);
  for (const t of m.initializers) g.bytes(5, tensor(t));
  if (m.docString) g.bytes(10, m.docString);
  for (const v of m.inputs) g.bytes(11, valueInfo(v));
  for (const v of m.outputs) g.bytes(12, valueInfo(v));

  const w = new ProtoWriter().int(1, 8);
  w.bytes(2, m.producer ?? 'featurebook');
  w.bytes(3, '0.1.0');
  if (m.docString) w.bytes(6, m.docString);
  w.bytes(7, g);
  for (const [domain, version] of Object.entries(m.opsets)) {
    const o = new ProtoWriter();
    if (domain) o.bytes(1, domain);
    o.int(2, version);
    w.bytes(8, o);
  }
  for (const [k, v] of Object.entries(m.metadata ?? {})) w.bytes(14, new ProtoWriter().bytes(1, k).bytes(2, v));
  return w.finish();
}

/**
 * Calls `fn` for each field of a protobuf message: its number, its value when
 * length-delimited (bytes, string or message), and the field's own bytes
 * (tag included). Throws on bytes that are not protobuf.
 */
function protoFields(buf: Uint8Array, fn: (field: number, value: Uint8Array | undefined, raw: Uint8Array) => void): void {
  let at = 0;
  const varint = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (at >= buf.length) throw new Error('truncated');
      const b = buf[at++]!;
      v += (b & 0x7f) * mul;
      if (!(b & 0x80)) return v;
      mul *= 128;
    }
  };
  while (at < buf.length) {
    const start = at;
    const tag = varint();
    const wire = tag % 8;
    const field = Math.floor(tag / 8);
    let value: Uint8Array | undefined;
    if (wire === 0) varint();
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const len = varint();
      if (at + len > buf.length) throw new Error('truncated');
      value = buf.subarray(at, at + len);
      at += len;
    } else throw new Error('unknown wire type');
    if (at > buf.length) throw new Error('truncated');
    fn(field, value, buf.subarray(start, at));
  }
}

const utf8 = new TextDecoder();

/** The strings of field `n` of a message (NodeProto inputs, a ValueInfoProto's name, …). */
function strings(msg: Uint8Array, n: number): string[] {
  const out: string[] = [];
  protoFields(msg, (f, v) => f === n && v && out.push(utf8.decode(v)));
  return out;
}

/**
 * Classifiers exported by sklearn-onnx end, by default, in a ZipMap node that
 * turns the class probabilities [N, C] into a sequence of maps, a type ONNX
 * Runtime Web cannot hand back. This returns the model with each ZipMap whose
 * output is a graph output removed and its input, the float tensor of class
 * probabilities, made the graph output instead (everything else byte for
 * byte as it was); undefined when there is no such ZipMap or the bytes are not
 * a model.
 */
export function withoutZipMap(bytes: Uint8Array): Uint8Array | undefined {
  try {
    let graph: Uint8Array | undefined;
    protoFields(bytes, (f, v) => f === 7 && v && (graph = v));
    if (!graph) return undefined;
    const fields: { f: number; v: Uint8Array | undefined; raw: Uint8Array }[] = [];
    protoFields(graph, (f, v, raw) => fields.push({ f, v, raw }));
    const outputs = fields.filter((x) => x.f === 12 && x.v).map((x) => strings(x.v!, 1)[0] ?? '');
    // ZipMap nodes (GraphProto.node = 1; NodeProto input 1, output 2, op_type 4) whose one output is a graph output.
    const zipped = new Map<string, string>(); // that output → the node's input
    const dropped = new Set<Uint8Array>();
    for (const x of fields) {
      if (x.f !== 1 || !x.v || strings(x.v, 4)[0] !== 'ZipMap') continue;
      const [ins, outs] = [strings(x.v, 1), strings(x.v, 2)];
      if (ins.length !== 1 || outs.length !== 1 || !outputs.includes(outs[0]!)) continue;
      zipped.set(outs[0]!, ins[0]!);
      dropped.add(x.raw);
    }
    if (!zipped.size) return undefined;
    const g = new ProtoWriter();
    const present = new Set(outputs);
    for (const x of fields) {
      if (dropped.has(x.raw)) continue;
      const from = x.f === 12 && x.v ? zipped.get(strings(x.v, 1)[0] ?? '') : undefined;
      if (from === undefined) g.raw(x.raw);
      else if (!present.has(from)) {
        g.bytes(12, valueInfo({ name: from, elem: ELEM.float, dims: [null, null] }));
        present.add(from);
      }
    }
    const m = new ProtoWriter();
    protoFields(bytes, (f, _v, raw) => (f === 7 ? m.bytes(7, g) : m.raw(raw)));
    return m.finish();
  } catch {
    return undefined;
  }
}

/**
 * Reads a model's metadata (ModelProto.metadata_props) from ONNX bytes —
 * e.g. `featurebook.inputs`, the input names a fitted model was trained on.
 * Returns {} for files without any (or that are not protobuf at all).
 */
export function readMetadata(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    protoFields(bytes, (field, value) => {
      if (field !== 14 || !value) return;
      const key = strings(value, 1)[0] ?? '';
      if (key) out[key] = strings(value, 2)[0] ?? '';
    });
  } catch {
    return out;
  }
  return out;
}
