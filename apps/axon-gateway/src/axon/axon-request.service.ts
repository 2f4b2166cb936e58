import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import {
  BlacklistedError,
  encodeErrorResponse,
  encodeSuccessResponse,
  type FieldShape,
  InternalProtocolError,
  isProtocolError,
  type NotVerifiedCode,
  NotVerifiedError,
  OverloadedError,
  parseLosslessJson,
  parseRequestBodyFor,
  parseRequestHeaders,
  type ParsedRequestHeaders,
  PriorityTimeoutError,
  type ProtocolError,
  SynapseRegistry,
  type SynapseValues,
} from '@taonode/protocol';
import { priorityForStake, ReplyDeadlineError, ReplyFailedError } from '@taonode/queue';
import { encodeSynapseInputs } from '@taonode/synapses';
import { checkBlacklist } from '../caller/blacklist';
import { CallerDirectoryService } from '../caller/caller-directory.service';
import type { GatewayConfig } from '../config';
import { GatewayMetricsRepository } from '../gateway-metrics.repository';
import { InferenceRepository } from '../inference/inference.repository';
import { admissionCeiling } from '../limits/admission';
import { ForgeryLimiter } from '../limits/forgery-limiter';
import { IpRateLimiter } from '../limits/ip-rate-limiter';
import { RateLimitedError } from '../limits/rate-limited.error';
import { NonceRepository, type SharedRateCheck } from '../nonce/nonce.repository';
import { SignatureVerifier } from '../verify/signature-verifier';
import { type AxonAnswer, plainRejection } from './axon-answer';
import { AxonIdentity } from './axon-identity';
import { oversizedHeader } from './header-limits';
import { PING_SYNAPSE, type ServedSynapse, servedSynapses } from './served-synapses';

/** What arrives before the body: read by {@link AxonRequestService.admit}. */
export interface AxonRequestHead {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly peer: { readonly ip: string; readonly port: number };
  /** The client's address as the limits count it (`clientAddressKey`: an IPv6 client by its /64). */
  readonly clientKey: string;
  /** The hotkey whose request this connection already carried to a 200, if any (see {@link AdmittedRequest.trusted}). */
  readonly provenHotkey?: string;
}

/** A request that passed the head checks; holds one in-flight slot until {@link AdmittedRequest.release}. */
export interface AdmittedRequest {
  readonly served: ServedSynapse;
  readonly headers: ParsedRequestHeaders;
  readonly peer: AxonRequestHead['peer'];
  readonly clientKey: string;
  readonly stakeRao: bigint;
  /**
   * It claims the hotkey that its connection already proved (a verified request answered 200): a validator, not a
   * forger who knows the validator's hotkey. Admitted up to the full ceiling of its stake and verified first.
   */
  readonly trusted: boolean;
  readonly receivedAtMs: number;
  readonly startedAt: bigint;
  release(): void;
}

export type Admission =
  | { readonly admitted: true; readonly request: AdmittedRequest }
  | { readonly admitted: false; readonly answer: AxonAnswer };

/** Verification failures that mark the sender's address as a forger's (a validator's wallet never causes them). */
const FORGERY_CODES: ReadonlySet<NotVerifiedCode> = new Set<NotVerifiedCode>([
  'TAONODE_PROTOCOL_SIGNATURE_MISSING',
  'TAONODE_PROTOCOL_SIGNATURE_MALFORMED',
  'TAONODE_PROTOCOL_SIGNATURE_MISMATCH',
]);

/** The largest timeout honoured for the deadline (the nonce policy's bound, 60 s). */
const MAX_TIMEOUT_SECONDS = 60;

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * The Bittensor axon protocol, cheapest check first (docs/axon-gateway.md): head size → synapse route → header
 * parse → per-IP rate limit → blacklist on the cached metagraph → load shedding by stake [all before the body is
 * read] → sr25519 verification on the verify threads → nonce in Redis → body parse and body-hash check → job on
 * queue `inference` with stake priority and the synapse timeout as deadline → reply bus → the whole synapse,
 * signed. Every failure answers with the Python axon's status and message.
 */
@Injectable()
export class AxonRequestService {
  private readonly logger = new Logger(AxonRequestService.name);
  private readonly registry: SynapseRegistry;
  private readonly served = new Map<string, ServedSynapse>();
  private readonly rateLimiter: IpRateLimiter;
  private readonly forgeries: ForgeryLimiter;
  private inFlight = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly identity: AxonIdentity,
    private readonly callers: CallerDirectoryService,
    private readonly verifier: SignatureVerifier,
    private readonly nonces: NonceRepository,
    private readonly inference: InferenceRepository,
    private readonly metrics: GatewayMetricsRepository,
  ) {
    const synapses = servedSynapses();
    this.registry = new SynapseRegistry(synapses.map((synapse) => synapse.definition));
    for (const synapse of [PING_SYNAPSE, ...synapses]) {
      this.served.set(synapse.definition.name, synapse);
    }
    this.rateLimiter = new IpRateLimiter(config.rateLimit);
    this.forgeries = new ForgeryLimiter(config.forgerySuspectMs);
  }

  /**
   * The head checks, synchronous and before the body is read. The per-IP limit here is this replica's in-memory
   * bucket (a flood is refused before any decoding or Redis call); the bucket shared by the replicas is taken in
   * the nonce script, once the signature is verified.
   */
  admit(head: AxonRequestHead): Admission {
    const startedAt = process.hrtime.bigint();
    const oversized = oversizedHeader(head.headers);
    if (oversized !== undefined) {
      return this.refuse('unknown', plainRejection(431, `Header ${oversized} is too large`));
    }
    let served: ServedSynapse | undefined;
    let headers: ParsedRequestHeaders;
    try {
      const definition = this.registry.resolvePath(head.url);
      served = this.served.get(definition.name);
      headers = parseRequestHeaders(head.headers, { duplicates: 'reject', inputObjHeaders: 'ignore' });
    } catch (error) {
      return this.refuse(served?.definition.name ?? 'unknown', this.errorAnswer(error, served, null, head.peer));
    }
    if (served === undefined) {
      return this.refuse(
        'unknown',
        this.errorAnswer(new InternalProtocolError('route without a served synapse'), undefined, headers, head.peer),
      );
    }
    const name = served.definition.name;
    if (!this.rateLimiter.tryTake(head.clientKey)) {
      this.metrics.rateLimited();
      return this.refuse(name, plainRejection(429, 'Too Many Requests: rate limit exceeded'));
    }
    const decision = checkBlacklist(headers.dendrite.hotkey ?? '', this.callers.directory, this.config.policy);
    if (!decision.allowed) {
      this.metrics.blacklisted(decision.reason);
      return this.refuse(name, this.errorAnswer(new BlacklistedError(decision.message), served, headers, head.peer));
    }
    const stakeRao = decision.caller?.stakeRao ?? 0n;
    const trusted = head.provenHotkey !== undefined && head.provenHotkey === headers.dendrite.hotkey;
    const standing = trusted ? 'proven' : this.forgeries.isSuspect(head.clientKey) ? 'suspect' : 'unproven';
    const ceiling = admissionCeiling(this.config.maxInFlight, {
      stakeRao,
      maxStakeRao: this.callers.directory?.maxStakeRao ?? 0n,
      standing,
    });
    if (this.inFlight >= ceiling) {
      this.metrics.shed(standing);
      return this.refuse(name, this.errorAnswer(new OverloadedError(), served, headers, head.peer));
    }
    this.inFlight += 1;
    this.metrics.inFlight(this.inFlight);
    let released = false;
    this.metrics.stage('parse', secondsSince(startedAt));
    return {
      admitted: true,
      request: {
        served,
        headers,
        peer: head.peer,
        clientKey: head.clientKey,
        stakeRao,
        trusted,
        receivedAtMs: Date.now(),
        startedAt,
        release: () => {
          if (!released) {
            released = true;
            this.inFlight -= 1;
            this.metrics.inFlight(this.inFlight);
          }
        },
      },
    };
  }

  /** The rest, once the body is read. Never rejects: every failure becomes the SDK's error answer. */
  async answer(request: AdmittedRequest, body: Buffer): Promise<AxonAnswer> {
    const name = request.served.definition.name;
    let answer: AxonAnswer;
    try {
      answer = await this.process(request, body);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        this.metrics.rateLimited();
        answer = plainRejection(429, error.message);
      } else {
        answer = this.errorAnswer(error, request.served, request.headers, request.peer, request.startedAt);
      }
    }
    this.metrics.answered(name, answer.status);
    this.metrics.stage('total', secondsSince(request.startedAt));
    return answer;
  }

  /** An answer for a body the transport refused (too large, unreadable). */
  bodyRejected(request: AdmittedRequest | undefined, status: number, message: string): AxonAnswer {
    this.metrics.answered(request?.served.definition.name ?? 'unknown', status);
    return plainRejection(status, message);
  }

  private async process(request: AdmittedRequest, body: Buffer): Promise<AxonAnswer> {
    const { served, headers } = request;
    const definition = served.definition;
    const verifyStart = process.hrtime.bigint();
    try {
      await this.verifier.verify(headers, this.identity.hotkey, request.trusted);
    } catch (error) {
      if (error instanceof NotVerifiedError && FORGERY_CODES.has(error.code)) {
        this.forgeries.recordForgery(request.clientKey);
      }
      throw error;
    }
    try {
      await this.nonces.checkAndRecord(headers, BigInt(Date.now()) * 1_000_000n, this.sharedRate(request.clientKey));
    } catch (error) {
      throw isProtocolError(error) || error instanceof RateLimitedError
        ? error
        : new OverloadedError('nonce store unavailable');
    }
    this.metrics.stage('verify', secondsSince(verifyStart));

    const parsed = parseRequestBodyFor(definition, headers, body);
    const synapse = parsed.synapse;
    if (served.local === true) {
      return { kind: 'whole', ...this.success(request, synapse) };
    }
    const timeoutSeconds = Math.min(
      MAX_TIMEOUT_SECONDS,
      headers.timeout !== null && headers.timeout > 0 ? headers.timeout : this.config.defaultTimeoutSeconds,
    );
    const enqueueStart = process.hrtime.bigint();
    let pending;
    try {
      pending = await this.inference.submit(
        {
          synapse: definition.name,
          inputsJson: encodeSynapseInputs(definition, synapse),
          deadlineMs: request.receivedAtMs + timeoutSeconds * 1000,
          requestId: `${headers.dendrite.uuid ?? 'None'}:${String(headers.dendrite.nonce)}`,
          stream: served.streaming,
        },
        priorityForStake(request.stakeRao),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'enqueue failed');
      throw new OverloadedError('inference queue unavailable');
    }
    this.metrics.stage('queue_wait', secondsSince(enqueueStart));
    const inferenceStart = process.hrtime.bigint();
    if (served.streaming) {
      const { headers: responseHeaders } = this.success(request, synapse);
      const streamHeaders: Record<string, string> = { ...responseHeaders, 'content-type': 'text/event-stream' };
      delete streamHeaders['content-length'];
      return { kind: 'stream', status: 200, headers: streamHeaders, chunks: pending.chunks };
    }
    try {
      const result = await pending.result;
      this.metrics.stage('inference', secondsSince(inferenceStart));
      this.mergeOutputs(
        definition.subclassFields.map((field) => field.name),
        synapse,
        result.outputsJson,
      );
    } catch (error) {
      throw this.replyError(error, timeoutSeconds);
    }
    return { kind: 'whole', ...this.success(request, synapse) };
  }

  private sharedRate(ip: string): SharedRateCheck | undefined {
    const { scope, ...limit } = this.config.rateLimit;
    switch (scope) {
      case 'shared':
        return { ip, limit };
      case 'replica':
        return undefined;
    }
  }

  private success(request: AdmittedRequest, synapse: SynapseValues<FieldShape>) {
    const { dendrite } = request.headers;
    return encodeSuccessResponse({
      definition: request.served.definition,
      synapse,
      processTimeSeconds: secondsSince(request.startedAt),
      signing: {
        signer: this.identity.responseSigner,
        axonNonce: BigInt(Date.now()) * 1_000_000n,
        axonUuid: this.identity.uuid,
        request: { nonce: dendrite.nonce, hotkey: dendrite.hotkey, uuid: dendrite.uuid },
      },
    });
  }

  private mergeOutputs(fields: readonly string[], synapse: SynapseValues<FieldShape>, outputsJson: string): void {
    const outputs = parseLosslessJson(outputsJson);
    if (!(outputs instanceof Map)) {
      throw new InternalProtocolError('worker outputs are not a JSON object');
    }
    const target = synapse as unknown as Record<string, unknown>;
    for (const name of fields) {
      if (outputs.has(name)) {
        target[name] = outputs.get(name);
      }
    }
  }

  private replyError(error: unknown, timeoutSeconds: number): unknown {
    if (error instanceof ReplyDeadlineError) {
      return new PriorityTimeoutError(timeoutSeconds);
    }
    if (error instanceof ReplyFailedError) {
      switch (error.failure) {
        case 'deadline-passed':
          return new PriorityTimeoutError(timeoutSeconds);
        case 'backend-unavailable':
          return new OverloadedError('inference backend unavailable');
        case 'bad-input':
        case 'internal':
          return new InternalProtocolError(error.message, { cause: error });
      }
    }
    return error;
  }

  private refuse(synapse: string, answer: AxonAnswer): Admission {
    this.metrics.answered(synapse, answer.status);
    return { admitted: false, answer };
  }

  /**
   * The SDK's error response. Error answers are not signed with the axon hotkey (the Python axon's
   * `bt_header_axon_signature` on errors is never checked by dendrites), so refusing a flood costs no signing.
   */
  private errorAnswer(
    error: unknown,
    served: ServedSynapse | undefined,
    headers: ParsedRequestHeaders | null,
    peer: AxonRequestHead['peer'],
    startedAt?: bigint,
  ): AxonAnswer {
    const protocolError: ProtocolError = isProtocolError(error)
      ? error
      : new InternalProtocolError(error instanceof Error ? error.message : 'unexpected failure', { cause: error });
    if (protocolError.httpStatus === 500) {
      this.logger.error({ err: protocolError, errorId: protocolError.errorId }, 'request failed');
    }
    const encoded = encodeErrorResponse({
      error: protocolError,
      definition: served?.definition ?? null,
      request: headers,
      peer,
      processTimeSeconds: startedAt === undefined ? null : secondsSince(startedAt),
      axon: { version: this.identity.version, uuid: this.identity.uuid, nonce: BigInt(Date.now()) * 1_000_000n },
    });
    // FastAPI's own errors (invalid JSON) carry no protocol headers in Python; the status header goes on every answer.
    const responseHeaders = { bt_header_axon_status_code: String(encoded.status), ...encoded.headers };
    return { kind: 'whole', status: encoded.status, headers: responseHeaders, body: encoded.body };
  }
}
