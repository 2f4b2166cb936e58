import { inferenceWorkerConfigSchema } from './config';

describe('inference-worker configuration', () => {
  it('holds as many jobs as one batch takes unless told otherwise, so idle workers get the rest', () => {
    expect(inferenceWorkerConfigSchema.parse({}).worker.concurrency).toBe(32);
    expect(inferenceWorkerConfigSchema.parse({ INFERENCE_MAX_BATCH: '8' }).worker.concurrency).toBe(8);
    expect(
      inferenceWorkerConfigSchema.parse({ INFERENCE_MAX_BATCH: '8', INFERENCE_CONCURRENCY: '64' }).worker.concurrency,
    ).toBe(64);
  });

  it('refuses a concurrency of zero', () => {
    expect(() => inferenceWorkerConfigSchema.parse({ INFERENCE_CONCURRENCY: '0' })).toThrow();
  });
});
