import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { GRPC_LOADER_OPTIONS } from '@taonode/grpc';
import { INFERENCE_PROTO_FILE, type inferenceV2 } from '@taonode/proto';
import { InferenceError } from '../errors';

type Unary<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

interface OipStub extends grpc.Client {
  ServerLive: Unary<inferenceV2.ServerLiveRequest, inferenceV2.ServerLiveResponse>;
  ServerReady: Unary<inferenceV2.ServerReadyRequest, inferenceV2.ServerReadyResponse>;
  ModelReady: Unary<inferenceV2.ModelReadyRequest, inferenceV2.ModelReadyResponse>;
  ModelMetadata: Unary<inferenceV2.ModelMetadataRequest, inferenceV2.ModelMetadataResponse>;
  ModelInfer: Unary<inferenceV2.ModelInferRequest, inferenceV2.ModelInferResponse>;
  ModelStreamInfer(
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
  ): grpc.ClientDuplexStream<inferenceV2.ModelInferRequest, inferenceV2.ModelStreamInferResponse>;
}

/** The `inference.GRPCInferenceService` definition, loaded once with the house loader options. */
export function inferenceServiceDefinition(): grpc.ServiceDefinition {
  const packageDefinition = loadSync(INFERENCE_PROTO_FILE, GRPC_LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    inference: { GRPCInferenceService: grpc.ServiceClientConstructor };
  };
  return loaded.inference.GRPCInferenceService.service;
}

export interface OipClientOptions {
  /** `host:port` of the server's gRPC endpoint. */
  readonly url: string;
  /** Deadline of every call (a stream: of the whole stream). */
  readonly timeoutMs: number;
}

/** A request as callers build it: unset maps and lists default to empty. */
export type InferRequestInput = Partial<inferenceV2.ModelInferRequest> &
  Pick<inferenceV2.ModelInferRequest, 'modelName'>;

/**
 * A Python-free client of the Open Inference Protocol v2 (Triton, KServe) over @grpc/grpc-js. Every call has a
 * deadline and `waitForReady`, so a call made while the channel reconnects (server restarted) waits for it rather
 * than failing at once; grpc-js reconnects the channel by itself with backoff.
 */
export class OipClient {
  private readonly stub: OipStub;

  constructor(private readonly options: OipClientOptions) {
    const Stub = grpc.makeGenericClientConstructor(inferenceServiceDefinition(), 'GRPCInferenceService');
    this.stub = new Stub(options.url, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
    }) as unknown as OipStub;
  }

  async serverLive(): Promise<boolean> {
    return (await this.unary(this.stub.ServerLive, {})).live;
  }

  async serverReady(): Promise<boolean> {
    return (await this.unary(this.stub.ServerReady, {})).ready;
  }

  async modelReady(name: string, version = ''): Promise<boolean> {
    return (await this.unary(this.stub.ModelReady, { name, version })).ready;
  }

  modelMetadata(name: string, version = ''): Promise<inferenceV2.ModelMetadataResponse> {
    return this.unary(this.stub.ModelMetadata, { name, version });
  }

  modelInfer(request: InferRequestInput, signal?: AbortSignal): Promise<inferenceV2.ModelInferResponse> {
    return this.unary(this.stub.ModelInfer, completeRequest(request), signal);
  }

  /**
   * Sends one request on a ModelStreamInfer stream and yields its responses until one carries
   * `triton_final_response = true` (decoupled models) — the request asks for that empty final response. A response
   * with an `error_message` ends the iteration with an InferenceError.
   */
  async *modelStreamInfer(
    request: InferRequestInput,
    signal?: AbortSignal,
  ): AsyncGenerator<inferenceV2.ModelInferResponse, void, undefined> {
    const call = this.stub.ModelStreamInfer(waitForReadyMetadata(), this.callOptions());
    const cancel = (): void => call.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const full = completeRequest(request);
      call.write({
        ...full,
        parameters: { ...full.parameters, triton_enable_empty_final_response: { boolParam: true } },
      });
      for await (const message of call as AsyncIterable<inferenceV2.ModelStreamInferResponse>) {
        if (message.errorMessage !== '') {
          throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', message.errorMessage);
        }
        const response = message.inferResponse;
        if (response === undefined) {
          continue;
        }
        const isFinal = response.parameters.triton_final_response?.boolParam === true;
        if (response.outputs.length > 0) {
          yield response;
        }
        if (isFinal) {
          return;
        }
      }
      throw new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', 'stream ended without a final response');
    } catch (error) {
      throw translate(error, signal);
    } finally {
      signal?.removeEventListener('abort', cancel);
      call.end();
      call.cancel();
    }
  }

  close(): void {
    this.stub.close();
  }

  private callOptions(): grpc.CallOptions {
    return { deadline: Date.now() + this.options.timeoutMs };
  }

  private unary<Req, Res>(method: Unary<Req, Res>, request: Req, signal?: AbortSignal): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      const call = method.call(this.stub, request, waitForReadyMetadata(), this.callOptions(), (error, response) => {
        signal?.removeEventListener('abort', cancel);
        if (error !== null || response === undefined) {
          reject(translate(error ?? new Error('empty response'), signal));
        } else {
          resolve(response);
        }
      });
      const cancel = (): void => call.cancel();
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }
}

/** grpc-js takes `waitForReady` as a metadata option: queue the call while the channel (re)connects. */
function waitForReadyMetadata(): grpc.Metadata {
  return new grpc.Metadata({ waitForReady: true });
}

function completeRequest(request: InferRequestInput): inferenceV2.ModelInferRequest {
  return {
    modelVersion: '',
    id: '',
    parameters: {},
    inputs: [],
    outputs: [],
    rawInputContents: [],
    ...request,
  };
}

function translate(error: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted === true) {
    const reason: unknown = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
  }
  if (error instanceof InferenceError) {
    return error;
  }
  const status = (error as Partial<grpc.ServiceError>).code;
  const message = error instanceof Error ? error.message : String(error);
  if (status === grpc.status.UNAVAILABLE) {
    return new InferenceError('TAONODE_INFERENCE_BACKEND_UNAVAILABLE', message, { cause: error });
  }
  if (status === grpc.status.DEADLINE_EXCEEDED) {
    return new InferenceError('TAONODE_INFERENCE_DEADLINE_EXCEEDED', message, { cause: error });
  }
  return new InferenceError('TAONODE_INFERENCE_BACKEND_FAILED', message, { cause: error });
}
