/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { Registry } from 'prom-client';
import { buildBytelmModel, InferenceError, sha256Hex } from '@taonode/inference';
import type { GenerationRequest } from '@taonode/synapses';
import { inferenceWorkerConfigSchema } from '../src/config';
import { TextGenerationEngine } from '../src/engine/text-generation.engine';
import { InferenceWorkerMetricsRepository } from '../src/inference-worker-metrics.repository';

const never = new AbortController().signal;

/** The engine exactly as the worker builds it from its environment. */
function engineFor(env: Record<string, string>): TextGenerationEngine {
  const config = inferenceWorkerConfigSchema.parse({ LOG_LEVEL: 'silent', ...env });
  return new TextGenerationEngine(config, new InferenceWorkerMetricsRepository(new Registry()));
}

describe('an operator model given by INFERENCE_MODEL_PATH', () => {
  let directory: string;
  let synthetic: TextGenerationEngine;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'operator-model-'));
    synthetic = engineFor({ INFERENCE_MODEL_REPOSITORY: directory });
    await synthetic.ready();
  });

  afterAll(async () => {
    await synthetic.onApplicationShutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs a model without a KV cache to the synthetic model’s greedy text (same weights)', async () => {
    const plain = buildBytelmModel({ kvCache: false });
    const path = join(directory, 'plain.onnx');
    writeFileSync(path, plain);
    const operator = engineFor({ INFERENCE_MODEL_PATH: path, INFERENCE_MODEL_SHA256: sha256Hex(plain) });
    try {
      await operator.ready();
      const request: GenerationRequest = { prompt: 'Bittensor', maxTokens: 32, temperature: 0, seed: 0n };
      const expected = await synthetic.generate(request, never);
      expect(expected.tokenCount).toBe(32);
      expect(await operator.generate(request, never)).toEqual(expected);
    } finally {
      await operator.onApplicationShutdown();
    }
  });

  it('refuses, when the worker starts, a model with neither accepted interface, naming what is missing', async () => {
    const path = join(directory, 'token-ids.onnx');
    writeFileSync(path, renameTensor(buildBytelmModel({ kvCache: false }), 'input_ids', 'token_ids'));
    const refused = engineFor({ INFERENCE_MODEL_PATH: path });
    const error = await refused.ready().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(InferenceError);
    expect(error).toMatchObject({ code: 'TAONODE_INFERENCE_MODEL_INVALID', kind: 'failed-precondition' });
    expect(String(error)).toMatch(/input 'input_ids' is missing; input 'token_ids' is not one the engine feeds/);
    await refused.onApplicationShutdown();
  });
});

/** The model with one tensor renamed everywhere it appears (graph input, node inputs): a model of another shape. */
function renameTensor(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const rename = (name: string): string => (name === from ? to : name);
  for (const value of model.graph?.input ?? []) {
    value.name = rename(value.name ?? '');
  }
  for (const node of model.graph?.node ?? []) {
    node.input = (node.input ?? []).map(rename);
  }
  return onnx.ModelProto.encode(model).finish();
}
