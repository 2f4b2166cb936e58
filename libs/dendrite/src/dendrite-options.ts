import type { Signer } from '@taonode/protocol';

/** How strictly to treat taonode response signatures (headers Python axons never send). */
export type ResponseSignatureMode = 'off' | 'record' | 'require';

/** Construction options of {@link Dendrite}. */
export interface DendriteOptions {
  /** The validator's hotkey: signs every request. */
  readonly signer: Signer;
  /** The IP the dendrite reports in `bt_header_dendrite_ip` (the SDK looks up its external IP). */
  readonly externalIp: string;
  /** Stable per instance (the SDK uses uuid1); default a random UUID. */
  readonly uuid?: string;
  /**
   * Keep-alive sockets per axon. One round sends each miner a few requests at most, so a small number per axon
   * gives a pool of `axons × connectionsPerAxon` sockets (≥ 256 for a full subnet) without queueing. Default 2.
   */
  readonly connectionsPerAxon?: number;
  /** Give up a TCP connect after this long (the miner's timeout applies too). Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Idle keep-alive sockets close after this long; rounds come every few blocks. Default 60 s. */
  readonly keepAliveMs?: number;
  /** Largest response body accepted (bytes); a larger one is recorded as a payload error (400). Default 4 MiB. */
  readonly maxResponseBytes?: number;
  /** `record`: report whether each answer carried a valid taonode signature; `require`: reject those that did not (401). */
  readonly responseSignatures?: ResponseSignatureMode;
}

export const DEFAULT_CONNECTIONS_PER_AXON = 2;
export const DEFAULT_KEEP_ALIVE_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
