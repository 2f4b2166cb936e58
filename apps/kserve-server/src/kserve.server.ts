import * as grpc from '@grpc/grpc-js';
import {
  BatchingGenerator,
  BYTELM,
  BYTELM_HEAD_DIM,
  bytelmCacheNames,
  EmbeddedOrtBackend,
  encodeBytesTensor,
  GENERATE_MODEL,
  inferenceServiceDefinition,
  rawBytes,
  type EmbeddedModelSource,
} from '@taonode/inference';
import type { inferenceV2 } from '@taonode/proto';
import { readGenerationRequest, readTokenBatch } from './infer-request.reader';
import { invalidArgument, KserveRequestError, notFound, toServiceError } from './kserve-errors';

export interface KserveServerOptions {
  readonly source: EmbeddedModelSource;
  readonly intraOpThreads: number;
  /** Micro-batching of the generate model's sequences. */
  readonly maxBatch: number;
  readonly batchDelayMs: number;
}

const SERVER_NAME = 'taonode-kserve';
const SERVER_VERSION = '0.1.0';

type InferRequest = inferenceV2.ModelInferRequest;
type InferResponse = inferenceV2.ModelInferResponse;
type Stream = grpc.ServerDuplexStream<InferRequest, inferenceV2.ModelStreamInferResponse>;

/**
 * A KServe v2 / Triton-compatible gRPC server running the synthetic model with onnxruntime on the CPU. Serves
 * `taonode-bytelm` (logits, ModelInfer or ModelStreamInfer) and the decoupled `taonode-bytelm-generate` (one
 * streamed response per token, ModelStreamInfer only, as Triton refuses decoupled models on ModelInfer).
 */
export class KserveServer {
  private readonly server = new grpc.Server();
  private readonly backend: EmbeddedOrtBackend;
  private readonly generator: BatchingGenerator;

  constructor(options: KserveServerOptions) {
    this.backend = new EmbeddedOrtBackend({ source: options.source, intraOpThreads: options.intraOpThreads });
    this.generator = new BatchingGenerator(this.backend, options);
    this.server.addService(inferenceServiceDefinition(), {
      ServerLive: this.unary(() => ({ live: true })),
      ServerReady: this.unary(() => ({ ready: true })),
      ServerMetadata: this.unary(() => ({ name: SERVER_NAME, version: SERVER_VERSION, extensions: [] })),
      ModelReady: this.unary((request: inferenceV2.ModelReadyRequest) => ({ ready: isModel(request.name) })),
      ModelMetadata: this.unary((request: inferenceV2.ModelMetadataRequest) => modelMetadata(request.name)),
      ModelInfer: this.unary((request: InferRequest) => this.infer(request)),
      ModelStreamInfer: (stream: Stream) => this.streamInfer(stream),
    });
  }

  /** Loads the model, then binds `host:port` (port 0: any free port); resolves with the bound port. */
  async listen(host: string, port: number): Promise<number> {
    await this.backend.ready();
    return new Promise((resolve, reject) => {
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error === null ? resolve(bound) : reject(error),
      );
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    await this.backend.close();
  }

  private unary<Req, Res>(handle: (request: Req) => Res | Promise<Res>): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
      Promise.resolve()
        .then(() => handle(call.request))
        .then(
          (response) => callback(null, response),
          (error: unknown) => callback(toServiceError(error)),
        );
    };
  }

  private async infer(request: InferRequest): Promise<InferResponse> {
    switch (request.modelName) {
      case BYTELM.modelName:
        return this.logits(request);
      case GENERATE_MODEL.name:
        throw new KserveRequestError(
          grpc.status.UNIMPLEMENTED,
          "ModelInfer RPC doesn't support models with decoupled transaction policy",
        );
      default:
        throw notFound(`model '${request.modelName}' is not served`);
    }
  }

  /** The logits model: the requested outputs (all of them when none is named, as KServe v2 specifies). */
  private async logits(request: InferRequest): Promise<InferResponse> {
    const batch = readTokenBatch(request);
    const result = await this.backend.forward(batch);
    const cacheShape = [batch.batch, BYTELM.heads, batch.pastLength + batch.seqLength, BYTELM_HEAD_DIM].map(String);
    const produced: OutputTensor[] = [
      {
        name: BYTELM.logits,
        datatype: 'FP32',
        shape: [String(batch.batch), String(BYTELM.vocabSize)],
        raw: rawBytes(result.logits),
      },
    ];
    const present = result.present;
    if (present !== undefined) {
      for (let layer = 0; layer < BYTELM.layers; layer++) {
        const names = bytelmCacheNames(layer);
        const key = present.keys[layer] ?? new Float32Array(0);
        const value = present.values[layer] ?? new Float32Array(0);
        produced.push(
          { name: names.presentKey, datatype: 'FP32', shape: cacheShape, raw: rawBytes(key) },
          { name: names.presentValue, datatype: 'FP32', shape: cacheShape, raw: rawBytes(value) },
        );
      }
    }
    const requested = request.outputs.map((output) => output.name);
    const outputs =
      requested.length === 0
        ? produced
        : requested.map((name) => {
            const tensor = produced.find((candidate) => candidate.name === name);
            if (tensor === undefined) {
              throw invalidArgument(`unexpected inference output '${name}' for model '${BYTELM.modelName}'`);
            }
            return tensor;
          });
    return response(request, { bool: true }, outputs);
  }

  private streamInfer(stream: Stream): void {
    const controller = new AbortController();
    stream.on('cancelled', () => controller.abort(new Error('client cancelled')));
    stream.on('data', (request: InferRequest) => {
      void this.answerOnStream(request, stream, controller.signal);
    });
    stream.on('end', () => stream.end());
  }

  /** Errors travel in-band as `error_message`, as Triton does on streams, so one bad request ends only itself. */
  private async answerOnStream(request: InferRequest, stream: Stream, signal: AbortSignal): Promise<void> {
    const send = (inferResponse: InferResponse): void => {
      stream.write({ errorMessage: '', inferResponse });
    };
    try {
      if (request.modelName !== GENERATE_MODEL.name) {
        const answer = await this.infer(request);
        send({ ...answer, parameters: { triton_final_response: { boolParam: true } } });
        return;
      }
      const generation = readGenerationRequest(request);
      for await (const token of this.generator.stream(generation, signal)) {
        send(
          response(request, { bool: false }, [
            { name: GENERATE_MODEL.textOutput, datatype: 'BYTES', shape: ['1'], raw: encodeBytesTensor([token]) },
          ]),
        );
      }
      send(response(request, { bool: true }, []));
    } catch (error) {
      if (!signal.aborted) {
        stream.write({ errorMessage: toServiceError(error).details ?? 'internal error', inferResponse: undefined });
      }
    }
  }
}

interface OutputTensor {
  readonly name: string;
  readonly datatype: string;
  readonly shape: string[];
  readonly raw: Uint8Array;
}

function response(
  request: InferRequest,
  final: { readonly bool: boolean },
  outputs: readonly OutputTensor[],
): InferResponse {
  return {
    modelName: request.modelName,
    modelVersion: BYTELM.modelVersion,
    id: request.id,
    parameters: { triton_final_response: { boolParam: final.bool } },
    outputs: outputs.map((o) => ({
      name: o.name,
      datatype: o.datatype,
      shape: o.shape,
      parameters: {},
      contents: undefined,
    })),
    rawOutputContents: outputs.map((o) => o.raw),
  };
}

function isModel(name: string): boolean {
  return name === BYTELM.modelName || name === GENERATE_MODEL.name;
}

function modelMetadata(name: string): inferenceV2.ModelMetadataResponse {
  const tensor = (tensorName: string, datatype: string, shape: number[]) => ({
    name: tensorName,
    datatype,
    shape: shape.map(String),
  });
  switch (name) {
    case BYTELM.modelName: {
      const cache = [-1, BYTELM.heads, -1, BYTELM_HEAD_DIM];
      const layers = Array.from({ length: BYTELM.layers }, (_, layer) => bytelmCacheNames(layer));
      return {
        name,
        versions: [BYTELM.modelVersion],
        platform: 'onnxruntime_onnx',
        inputs: [
          tensor(BYTELM.inputIds, 'INT64', [-1, -1]),
          tensor(BYTELM.attentionMask, 'INT64', [-1, -1]),
          ...layers.flatMap((names) => [tensor(names.pastKey, 'FP32', cache), tensor(names.pastValue, 'FP32', cache)]),
        ],
        outputs: [
          tensor(BYTELM.logits, 'FP32', [-1, BYTELM.vocabSize]),
          ...layers.flatMap((names) => [
            tensor(names.presentKey, 'FP32', cache),
            tensor(names.presentValue, 'FP32', cache),
          ]),
        ],
      };
    }
    case GENERATE_MODEL.name:
      return {
        name,
        versions: [BYTELM.modelVersion],
        platform: 'taonode_generate',
        inputs: [
          tensor(GENERATE_MODEL.textInput, 'BYTES', [1]),
          tensor(GENERATE_MODEL.maxTokens, 'INT32', [1]),
          tensor(GENERATE_MODEL.temperature, 'FP32', [1]),
          tensor(GENERATE_MODEL.seed, 'BYTES', [1]),
        ],
        outputs: [tensor(GENERATE_MODEL.textOutput, 'BYTES', [1])],
      };
    default:
      throw notFound(`model '${name}' is not served`);
  }
}
