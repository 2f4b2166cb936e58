import { InferenceError } from '../errors';

/**
 * OIP v2 BYTES tensor in raw contents: each element is a 4-byte little-endian length followed by its bytes,
 * row-major, no padding.
 */
export function encodeBytesTensor(elements: readonly (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [];
  for (const element of elements) {
    const bytes = typeof element === 'string' ? Buffer.from(element, 'utf8') : Buffer.from(element);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}

/** Reads a raw BYTES tensor; a length that runs past the end is a malformed tensor, never a partial read. */
export function decodeBytesTensor(raw: Uint8Array): Buffer[] {
  const buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const elements: Buffer[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    if (offset + 4 > buffer.length) {
      throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', 'BYTES tensor ends inside a length prefix');
    }
    const length = buffer.readUInt32LE(offset);
    offset += 4;
    if (offset + length > buffer.length) {
      throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', 'BYTES tensor element runs past the end');
    }
    elements.push(buffer.subarray(offset, offset + length));
    offset += length;
  }
  return elements;
}

/** Row-major little-endian bytes of a typed array (what raw contents carry). */
export function rawBytes(values: BigInt64Array | Float32Array | Int32Array | BigUint64Array): Buffer {
  // Node runs on little-endian hosts only (x64, arm64), so the array's memory is the wire layout.
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** float32 values from raw contents (copied: protobuf buffers are not 4-byte aligned). */
export function readFloat32(raw: Uint8Array, expectedCount: number): Float32Array {
  if (raw.byteLength !== expectedCount * 4) {
    throw new InferenceError(
      'TAONODE_INFERENCE_BACKEND_FAILED',
      `expected ${expectedCount} FP32 values, got ${raw.byteLength} bytes`,
    );
  }
  const copy = new Uint8Array(raw.byteLength);
  copy.set(raw);
  return new Float32Array(copy.buffer);
}

/** int64 values from raw contents. */
export function readInt64(raw: Uint8Array): BigInt64Array {
  if (raw.byteLength % 8 !== 0) {
    throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', `INT64 tensor of ${raw.byteLength} bytes`);
  }
  const copy = new Uint8Array(raw.byteLength);
  copy.set(raw);
  return new BigInt64Array(copy.buffer);
}
