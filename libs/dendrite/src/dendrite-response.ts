import type { FieldShape, ProtocolError, SynapseValues } from '@taonode/protocol';
import type { AxonTarget } from './axon-target';

/** Whether a response carried a valid taonode response signature (only checked when the dendrite is asked to). */
export type ResponseSignatureStatus = 'verified' | 'missing' | 'invalid' | 'not-checked';

/** One miner's answer as a Python validator would record it, plus the transport facts a scorer needs. */
export interface DendriteResponse<S extends FieldShape> {
  readonly target: AxonTarget;
  /** The local synapse after `process_server_response` (or with the transport failure's status). */
  readonly synapse: SynapseValues<S>;
  /**
   * `synapse.dendrite.status_code`: 200 on success, the axon's code, 408 timeout, 503 connection failure,
   * 422 unparsable answer, 400 oversized body; null when a 200 carried no status at all (Python: a failure).
   */
  readonly statusCode: number | null;
  readonly statusMessage: string | null;
  readonly isSuccess: boolean;
  /** Why the call failed on our side (transport, parse or signature), null when the axon's answer stands. */
  readonly failure: ProtocolError | null;
  /** Seconds from the request leaving on the socket to the end of the answer; null if it never left. */
  readonly processTimeSeconds: number | null;
  /** performance.now() (ms) when the request was written; null if it never was. */
  readonly writtenAtMs: number | null;
  readonly bytesReceived: number;
  readonly signature: ResponseSignatureStatus;
}

/** What a streaming call yields: body chunks as they arrive, then the final synapse. */
export type DendriteStreamEvent<S extends FieldShape> =
  | { readonly type: 'chunk'; readonly chunk: Buffer }
  | { readonly type: 'final'; readonly response: DendriteResponse<S> };
