// Jest environment for specs that run onnxruntime-node: the native binding builds its output tensors with the
// host realm's typed-array constructors, and onnxruntime-common checks them with `instanceof` against the test
// realm's — so every output tensor fails "must be type of Float32Array". Sharing the host constructors fixes it.
// Use with a `@jest-environment ../../../libs/testing/ort-test-environment.js` docblock (path relative to the spec).
'use strict';
const { TestEnvironment } = require('jest-environment-node');

class OrtTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'Float32Array',
      'Float64Array',
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'BigInt64Array',
      'BigUint64Array',
      'ArrayBuffer',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OrtTestEnvironment;
