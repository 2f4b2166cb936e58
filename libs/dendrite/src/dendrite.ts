import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import {
  encodeRequest,
  initProtocolCrypto,
  isProtocolError,
  processServerResponse,
  STARLETTE_RESPONSE_JSON_STYLE,
  verifyResponseSignature,
  writePythonJson,
  type EncodedRequest,
  type FieldShape,
  type ProtocolError,
  type SynapseDefinition,
  type SynapseValues,
} from '@taonode/protocol';
import { AsyncEventQueue } from './async-event-queue';
import { AxonCallHandler, type AxonCallResult } from './axon-call.handler';
import type { AxonTarget } from './axon-target';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_CONNECTIONS_PER_AXON,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  type DendriteOptions,
  type ResponseSignatureMode,
} from './dendrite-options';
import type { DendriteResponse, DendriteStreamEvent, ResponseSignatureStatus } from './dendrite-response';
import { DendriteError } from './dendrite.error';
import { NonceClock } from './nonce-clock';
import { failureKindOf, transportFailure } from './transport-failure';

/** Longest timeout a query may ask for; the SDK's default is 12 s. */
export const MAX_TIMEOUT_SECONDS = 600;

/** A request encoded and signed, ready to send; build a round's worth with {@link Dendrite.prepare}. */
export interface PreparedCall<S extends FieldShape> {
  readonly definition: SynapseDefinition<S>;
  readonly target: AxonTarget;
  readonly timeoutSeconds: number;
  readonly request: EncodedRequest<S>;
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Options of a streaming call. */
export interface StreamOptions<S extends FieldShape> {
  /**
   * Output fields of the final synapse from the chunks received (a `StreamingSynapse`'s own business, like the
   * SDK subclass's `extract_response_json`). Without it the final synapse carries only status and terminal infos.
   */
  readonly finalFields?: (chunks: readonly Buffer[]) => Partial<SynapseValues<S>>;
}

function checkTarget(target: AxonTarget): void {
  if (isIP(target.ip) === 0) {
    throw new DendriteError(
      'TAONODE_DENDRITE_INVALID_QUERY',
      `axon ip ${JSON.stringify(target.ip)} is not an IP address`,
    );
  }
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
    throw new DendriteError('TAONODE_DENDRITE_INVALID_QUERY', `axon port ${target.port} is not a TCP port`);
  }
  if (target.hotkey.length === 0) {
    throw new DendriteError('TAONODE_DENDRITE_INVALID_QUERY', 'axon hotkey is empty');
  }
}

function checkTimeout(timeoutSeconds: number): void {
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new DendriteError(
      'TAONODE_DENDRITE_INVALID_QUERY',
      `timeout ${timeoutSeconds} s is outside (0, ${MAX_TIMEOUT_SECONDS}]`,
    );
  }
}

/**
 * The validator's client for axons, wire-compatible with the Python SDK's `Dendrite` (protocol.md §4, §9.2) and
 * with taonode's gateway. A round is prepared (every request encoded and signed) and then sent in one go over a
 * keep-alive pool with a few sockets per axon; each miner is timed from the moment its own request is written;
 * every failure becomes the status and message a Python validator would record. Keeps no per-call history.
 */
export class Dendrite {
  readonly uuid: string;
  private readonly agent: Agent;
  private readonly nonces = new NonceClock();
  private readonly maxResponseBytes: number;
  private readonly signatureMode: ResponseSignatureMode;

  private constructor(private readonly options: DendriteOptions) {
    this.uuid = options.uuid ?? randomUUID();
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.signatureMode = options.responseSignatures ?? 'off';
    const keepAlive = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
    this.agent = new Agent({
      connections: options.connectionsPerAxon ?? DEFAULT_CONNECTIONS_PER_AXON,
      pipelining: 1,
      keepAliveTimeout: keepAlive,
      keepAliveMaxTimeout: keepAlive,
      // Our own per-call timers enforce the miner's budget; undici's would count from dispatch, not from write.
      headersTimeout: 0,
      bodyTimeout: 0,
      // A connect that hangs (a filtered port) ends with the miner's timeout; this only frees the socket attempt.
      connect: { noDelay: true, timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS },
    });
  }

  /** A dendrite ready to sign (initialises the protocol's crypto once). */
  static async create(options: DendriteOptions): Promise<Dendrite> {
    await initProtocolCrypto();
    return new Dendrite(options);
  }

  /** The validator hotkey that signs this dendrite's requests. */
  get hotkey(): string {
    return this.options.signer.ss58Address;
  }

  /**
   * Encodes and signs `synapse` for every target (nonces strictly increasing in target order). Throws
   * {@link DendriteError} for a bad timeout or target before signing anything.
   */
  prepare<S extends FieldShape>(
    definition: SynapseDefinition<S>,
    synapse: SynapseValues<S>,
    targets: readonly AxonTarget[],
    timeoutSeconds: number,
  ): PreparedCall<S>[] {
    checkTimeout(timeoutSeconds);
    targets.forEach(checkTarget);
    return targets.map((target) => {
      const request = encodeRequest({
        definition,
        synapse,
        target,
        dendrite: { ip: this.options.externalIp, uuid: this.uuid },
        nonce: this.nonces.next(),
        timeoutSeconds,
        signer: this.options.signer,
      });
      const url = new URL(request.url);
      return {
        definition,
        target,
        timeoutSeconds,
        request,
        origin: url.origin,
        headers: { ...request.headers, 'content-type': request.contentType },
        body: Buffer.from(request.body, 'utf8'),
      };
    });
  }

  /** Sends prepared calls all at once and resolves with every miner's response, in the same order. Never rejects for a miner's failure. */
  send<S extends FieldShape>(calls: readonly PreparedCall<S>[]): Promise<DendriteResponse<S>[]> {
    const pending = calls.map((call) => this.dispatch(call, undefined).then((result) => this.toResponse(call, result)));
    return Promise.all(pending);
  }

  /** `prepare` then `send`: the Python dendrite's `forward(axons, synapse, timeout)`. */
  forward<S extends FieldShape>(
    definition: SynapseDefinition<S>,
    synapse: SynapseValues<S>,
    targets: readonly AxonTarget[],
    timeoutSeconds: number,
  ): Promise<DendriteResponse<S>[]> {
    return this.send(this.prepare(definition, synapse, targets, timeoutSeconds));
  }

  /**
   * A streaming call (the SDK's `call_stream`): body chunks as they arrive, then the final synapse. The same
   * size and time limits apply to the whole stream.
   */
  async *stream<S extends FieldShape>(
    call: PreparedCall<S>,
    options: StreamOptions<S> = {},
  ): AsyncGenerator<DendriteStreamEvent<S>, void, undefined> {
    const events = new AsyncEventQueue<Buffer>();
    const kept: Buffer[] = [];
    let streaming = false;
    const done = this.dispatch(call, {
      onHeaders: (status, rawHeaders) => {
        streaming = status === 200 && isEventStream(rawHeaders);
      },
      onChunk: (chunk) => {
        if (options.finalFields !== undefined || !streaming) {
          kept.push(chunk);
        }
        if (streaming) {
          events.push(chunk);
        }
      },
    }).finally(() => events.end());
    for await (const chunk of events) {
      yield { type: 'chunk', chunk };
    }
    const result = await done;
    yield { type: 'final', response: this.toStreamResponse(call, result, kept, streaming, options) };
  }

  /** Closes every pooled socket. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private dispatch<S extends FieldShape>(
    call: PreparedCall<S>,
    hooks: Pick<ConstructorParameters<typeof AxonCallHandler>[0], 'onChunk' | 'onHeaders'> | undefined,
  ): Promise<AxonCallResult> {
    const handler = new AxonCallHandler({
      timeoutMs: call.timeoutSeconds * 1000,
      maxResponseBytes: this.maxResponseBytes,
      ...hooks,
    });
    this.agent.dispatch(
      {
        origin: call.origin,
        path: call.request.path,
        method: 'POST',
        headers: call.headers,
        body: call.body,
      },
      handler,
    );
    return handler.result;
  }

  private toResponse<S extends FieldShape>(
    call: PreparedCall<S>,
    result: AxonCallResult,
    bodyOverride?: { readonly body: Buffer | string; readonly rawHeaders: readonly string[] },
  ): DendriteResponse<S> {
    const { outcome, writtenAtMs } = result;
    const processTimeSeconds = writtenAtMs === null ? null : (result.finishedAtMs - writtenAtMs) / 1000;
    const base = { target: call.target, processTimeSeconds, writtenAtMs };
    if (outcome.kind !== 'response') {
      const failure = this.transportError(call, outcome);
      return {
        ...base,
        ...this.failed(call, failure),
        bytesReceived: 'bytesReceived' in outcome ? outcome.bytesReceived : 0,
      };
    }
    const rawHeaders = bodyOverride?.rawHeaders ?? outcome.rawHeaders;
    const body = bodyOverride?.body ?? outcome.body;
    const signature = this.checkSignature(call, outcome.status, outcome.rawHeaders, outcome.body);
    if (signature.error !== null && this.signatureMode === 'require') {
      return {
        ...base,
        ...this.failed(call, signature.error),
        bytesReceived: outcome.bytesReceived,
        signature: signature.status,
      };
    }
    const processed = processServerResponse(
      call.definition,
      call.request.synapse,
      { status: outcome.status, headers: rawHeaders, body, url: call.request.url },
      processTimeSeconds === null ? {} : { processTimeSeconds },
    );
    const statusCode = processed.statusCode === null ? null : Number(processed.statusCode);
    return {
      ...base,
      synapse: processed.synapse,
      statusCode,
      statusMessage: processed.statusMessage,
      isSuccess: processed.isSuccess,
      failure: processed.failure,
      bytesReceived: outcome.bytesReceived,
      signature: signature.status,
    };
  }

  private toStreamResponse<S extends FieldShape>(
    call: PreparedCall<S>,
    result: AxonCallResult,
    kept: readonly Buffer[],
    streaming: boolean,
    options: StreamOptions<S>,
  ): DendriteResponse<S> {
    const { outcome } = result;
    if (outcome.kind !== 'response') {
      return this.toResponse(call, result);
    }
    const received = Buffer.concat(kept);
    if (!streaming) {
      // An error (or a non-streaming answer): parsed like any other response.
      return this.toResponse(call, { ...result, outcome: { ...outcome, body: received } });
    }
    // The SDK rebuilds the final synapse from what the subclass extracts (usually headers); we start from the
    // synapse we sent, apply the subclass's fields, and let the status headers fill the terminal infos.
    const local = call.definition.copy(call.request.synapse);
    const fields = options.finalFields?.(kept) ?? {};
    const synapse = call.definition.validate({ ...local, ...fields });
    const json = writePythonJson(call.definition.dump(synapse), STARLETTE_RESPONSE_JSON_STYLE);
    const rawHeaders = withJsonContentType(outcome.rawHeaders);
    const response = this.toResponse(
      call,
      { ...result, outcome: { ...outcome, body: received } },
      {
        body: json,
        rawHeaders,
      },
    );
    return response;
  }

  private transportError(
    call: PreparedCall<FieldShape>,
    outcome: Exclude<AxonCallResult['outcome'], { kind: 'response' }>,
  ): ProtocolError {
    const name = call.definition.name;
    switch (outcome.kind) {
      case 'timeout':
        return transportFailure('timeout', call.target, name, call.timeoutSeconds, '');
      case 'too-large':
        return transportFailure(
          'payload',
          call.target,
          name,
          call.timeoutSeconds,
          `response body exceeds ${this.maxResponseBytes} bytes`,
        );
      case 'error':
        return transportFailure(
          failureKindOf(outcome.error),
          call.target,
          name,
          call.timeoutSeconds,
          failureKindOf(outcome.error) === 'server-disconnected' ? 'Server disconnected' : outcome.error.message,
          outcome.error,
        );
    }
  }

  private failed<S extends FieldShape>(
    call: PreparedCall<S>,
    failure: ProtocolError,
  ): Pick<DendriteResponse<S>, 'synapse' | 'statusCode' | 'statusMessage' | 'isSuccess' | 'failure' | 'signature'> {
    const synapse = call.definition.copy(call.request.synapse);
    if (synapse.dendrite !== null) {
      synapse.dendrite.status_code = BigInt(failure.httpStatus);
      synapse.dendrite.status_message = failure.wireMessage;
    }
    return {
      synapse,
      statusCode: failure.httpStatus,
      statusMessage: failure.wireMessage,
      isSuccess: false,
      failure,
      signature: 'not-checked',
    };
  }

  private checkSignature(
    call: PreparedCall<FieldShape>,
    status: number,
    rawHeaders: readonly string[],
    body: Buffer,
  ): { status: ResponseSignatureStatus; error: ProtocolError | null } {
    if (this.signatureMode === 'off') {
      return { status: 'not-checked', error: null };
    }
    const dendrite = call.request.synapse.dendrite;
    try {
      verifyResponseSignature({
        status,
        headers: rawHeaders,
        body,
        request: { nonce: dendrite?.nonce ?? null, hotkey: dendrite?.hotkey ?? null, uuid: dendrite?.uuid ?? null },
        expectedAxonHotkey: call.target.hotkey,
      });
      return { status: 'verified', error: null };
    } catch (error) {
      if (isProtocolError(error, 'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING')) {
        return { status: 'missing', error };
      }
      if (isProtocolError(error)) {
        return { status: 'invalid', error };
      }
      throw error;
    }
  }
}

function isEventStream(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'content-type') {
      return (rawHeaders[i + 1] ?? '').toLowerCase().startsWith('text/event-stream');
    }
  }
  return false;
}

function withJsonContentType(rawHeaders: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    out.push(name, name.toLowerCase() === 'content-type' ? 'application/json' : (rawHeaders[i + 1] ?? ''));
  }
  return out;
}
