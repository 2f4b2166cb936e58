/**
 * @taonode/dendrite — the validator's HTTP client for axons (Python SDK axons and taonode's gateway): rounds
 * prepared and signed up front, a keep-alive pool sized to the subnet, per-miner timing from the moment each
 * request is written, the Python dendrite's statuses, hard size/time limits, optional response signatures and
 * streaming. See docs/dendrite.md.
 */
export type { AxonTarget } from './axon-target';
export { Dendrite, MAX_TIMEOUT_SECONDS, type PreparedCall, type StreamOptions } from './dendrite';
export {
  DEFAULT_CONNECTIONS_PER_AXON,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  type DendriteOptions,
  type ResponseSignatureMode,
} from './dendrite-options';
export type { DendriteResponse, DendriteStreamEvent, ResponseSignatureStatus } from './dendrite-response';
export { DendriteError, type DendriteErrorCode } from './dendrite.error';
export { hotkeySigner, type RevealableHotkey } from './hotkey-signer';
export { NonceClock } from './nonce-clock';
