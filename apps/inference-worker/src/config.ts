import { z } from 'zod';
import { logConfig, logEnv, opsConfig, opsEnv, redisConfig, redisEnv } from '@taonode/config';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/** inference-worker's own variables; defaults live here and nowhere else. */
const workerEnv = z.object({
  /** `onnx`: onnxruntime in this process; `triton`: a Triton (or KServe v2) server over gRPC. */
  INFERENCE_BACKEND: z.enum(['onnx', 'triton']).default('onnx'),
  /** Triton's gRPC endpoint, `host:port` (8001 is Triton's default gRPC port). */
  TRITON_URL: z.string().trim().min(1).default('127.0.0.1:8001'),
  /** Model name on the Triton server (the repository in docker/triton serves `taonode-bytelm`). */
  TRITON_MODEL: z.string().trim().min(1).default('taonode-bytelm'),
  /** Deadline of one Triton call. */
  TRITON_TIMEOUT_MS: positiveInt(600_000).default(10_000),
  /** An operator's own ONNX model (same interface as the synthetic one); unset → the synthetic model. */
  INFERENCE_MODEL_PATH: z.string().trim().min(1).optional(),
  /** sha256 the operator's model must have (hex); checked on load when set. */
  INFERENCE_MODEL_SHA256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex digits')
    .optional(),
  /** Model repository (Triton layout) for the synthetic model; unset → `.cache/models` of the checkout. */
  INFERENCE_MODEL_REPOSITORY: z.string().trim().min(1).optional(),
  /** onnxruntime intra-op threads (1 lets two worker processes share a 2-core machine). */
  INFERENCE_ORT_THREADS: positiveInt(64).default(1),
  /**
   * Jobs one worker process holds at once (they share micro-batches). Unset: INFERENCE_MAX_BATCH, so a worker takes
   * only what its running batch can hold and leaves the rest in Redis for idle workers; jobs held beyond that wait
   * inside a busy worker while another idles, and start later as a group of their own (more, smaller passes).
   */
  INFERENCE_CONCURRENCY: positiveInt(1024).optional(),
  /** Most sequences in one forward pass. */
  INFERENCE_MAX_BATCH: positiveInt(1024).default(32),
  /** How long new requests wait for another arrival before their prefill: a burst prefills and decodes as one batch. */
  INFERENCE_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2),
  /** Largest `max_tokens` accepted; above → failed:bad-input. */
  INFERENCE_MAX_TOKENS: positiveInt(65_536).default(256),
  /** Largest prompt in UTF-8 bytes; above → failed:bad-input. */
  INFERENCE_MAX_PROMPT_BYTES: positiveInt(1_048_576).default(4096),
  /**
   * BullMQ job lock. A worker that dies (kill -9, lost machine) stops renewing it; after it lapses and the next
   * stalled check runs, another worker takes the job. Kept to a few seconds so that happens inside a synapse
   * timeout (12 s by default).
   */
  INFERENCE_LOCK_DURATION_MS: positiveInt(600_000).default(4000),
  /** On SIGTERM, how long running jobs may finish before they are interrupted and go back to the queue. */
  INFERENCE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How often each worker looks for jobs whose lock lapsed. */
  INFERENCE_STALLED_INTERVAL_MS: positiveInt(600_000).default(2000),
});

export const inferenceWorkerConfigSchema = workerEnv
  .extend(redisEnv.shape)
  .extend(opsEnv.shape)
  .extend(logEnv.shape)
  .transform((env) => ({
    redis: redisConfig(env),
    ops: opsConfig(env),
    log: logConfig(env),
    backend:
      env.INFERENCE_BACKEND === 'triton'
        ? ({ kind: 'triton', url: env.TRITON_URL, model: env.TRITON_MODEL, timeoutMs: env.TRITON_TIMEOUT_MS } as const)
        : ({
            kind: 'onnx',
            ortThreads: env.INFERENCE_ORT_THREADS,
            source:
              env.INFERENCE_MODEL_PATH === undefined
                ? ({ kind: 'bytelm', repository: env.INFERENCE_MODEL_REPOSITORY } as const)
                : ({ kind: 'file', path: env.INFERENCE_MODEL_PATH, sha256: env.INFERENCE_MODEL_SHA256 } as const),
          } as const),
    batching: { maxBatch: env.INFERENCE_MAX_BATCH, batchDelayMs: env.INFERENCE_BATCH_DELAY_MS },
    limits: { maxTokens: env.INFERENCE_MAX_TOKENS, maxPromptBytes: env.INFERENCE_MAX_PROMPT_BYTES },
    worker: {
      concurrency: env.INFERENCE_CONCURRENCY ?? env.INFERENCE_MAX_BATCH,
      lockDurationMs: env.INFERENCE_LOCK_DURATION_MS,
      stalledIntervalMs: env.INFERENCE_STALLED_INTERVAL_MS,
      shutdownGraceMs: env.INFERENCE_SHUTDOWN_GRACE_MS,
    },
  }));

/** inference-worker's parsed configuration, injected with `@Inject(APP_CONFIG)`. */
export type InferenceWorkerConfig = z.output<typeof inferenceWorkerConfigSchema>;
export type BackendConfig = InferenceWorkerConfig['backend'];
