import { AIOHTTP_REQUEST_JSON_STYLE, writePythonJson } from '../json/python-json-writer';
import { signMessageHex, type Signer } from '../signature/signer';
import { requestSigningMessage } from '../signature/signing-message';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition, SynapseValues } from '../synapse/synapse-definition';
import { emptyTerminalInfo } from '../synapse/terminal-info';
import { SDK_VERSION_AS_INT } from '../version';
import { estimateTotalSize } from './size-estimate';
import { synapseHeaders } from './synapse-headers';

/** The axon being called, as its chain `AxonInfo` says. */
export interface RequestTarget {
  readonly ip: string;
  readonly port: number | bigint;
  /** The axon's hotkey (SS58): part of the signed message. */
  readonly hotkey: string;
}

/** The calling dendrite. */
export interface DendriteIdentity {
  /** External IP the dendrite reports (`bt_header_dendrite_ip`). */
  readonly ip: string;
  /** Stable per dendrite instance (the SDK uses a uuid1 string). */
  readonly uuid: string;
  /** `version_as_int`; default the SDK's 10002000 (must be ≥ 7002000). */
  readonly version?: bigint | number;
}

/** Everything needed to build one request. */
export interface EncodeRequestInput<S extends FieldShape> {
  readonly definition: SynapseDefinition<S>;
  /** The synapse to send (its inputs); copied, never modified. */
  readonly synapse: SynapseValues<S>;
  readonly target: RequestTarget;
  readonly dendrite: DendriteIdentity;
  /** Nanoseconds since the epoch; must increase per (hotkey, uuid) in arrival order. */
  readonly nonce: bigint;
  /** Call timeout in seconds (the `timeout` field and header). */
  readonly timeoutSeconds: number;
  readonly signer: Signer;
}

/** A request ready for the HTTP client. */
export interface EncodedRequest<S extends FieldShape> {
  readonly method: 'POST';
  /** `http://{ip}:{port}/{SynapseName}` (IPv6 bracketed, unlike the SDK's malformed URL). */
  readonly url: string;
  readonly path: string;
  /** Protocol headers in the SDK's order; the transport adds `content-type` and `content-length`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: 'application/json';
  /** aiohttp-style JSON (`json.dumps` defaults: ", " / ": ", ASCII only). */
  readonly body: string;
  readonly bodyHash: string;
  readonly signingMessage: string;
  /** The synapse exactly as sent (timeout, terminal infos, signature, total_size filled in). */
  readonly synapse: SynapseValues<S>;
}

/** `http://host:port/name`, with IPv6 hosts in brackets. */
export function axonUrl(ip: string, port: number | bigint, synapseName: string): string {
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return `http://${host}:${port}/${synapseName}`;
}

/**
 * Builds a request exactly as the Python dendrite sends it (`preprocess_synapse_for_request` + `to_headers` +
 * `model_dump`): timeout and terminal infos set, body hash computed, `"{nonce}.{hotkey}.{axon_hotkey}.{uuid}.{hash}"`
 * signed, input_obj dummies for every required field, integers exact in headers and body.
 */
export function encodeRequest<S extends FieldShape>(input: EncodeRequestInput<S>): EncodedRequest<S> {
  const { definition, target, dendrite, signer } = input;
  const synapse = definition.validate(input.synapse);
  synapse.timeout = input.timeoutSeconds;
  synapse.dendrite = {
    ...emptyTerminalInfo(),
    ip: dendrite.ip,
    version: BigInt(dendrite.version ?? SDK_VERSION_AS_INT),
    nonce: input.nonce,
    uuid: dendrite.uuid,
    hotkey: signer.ss58Address,
  };
  synapse.axon = { ...emptyTerminalInfo(), ip: target.ip, port: BigInt(target.port), hotkey: target.hotkey };
  const bodyHash = definition.bodyHash(synapse);
  const signingMessage = requestSigningMessage({
    nonce: input.nonce,
    dendriteHotkey: signer.ss58Address,
    axonHotkey: target.hotkey,
    uuid: dendrite.uuid,
    bodyHash,
  });
  synapse.dendrite.signature = signMessageHex(signer, signingMessage);

  // total_size is part of the body; estimate it from the body written with 0, then put the estimate in place
  // (the third base field, so the first `"total_size": 0` is the right one).
  synapse.total_size = 0n;
  const dumped = definition.dump(synapse);
  const draft = writePythonJson(dumped, AIOHTTP_REQUEST_JSON_STYLE);
  const totalSize = estimateTotalSize(draft.length);
  synapse.total_size = totalSize;
  dumped.set('total_size', totalSize);
  const body = draft.replace('"total_size": 0,', `"total_size": ${totalSize},`);

  return {
    method: 'POST',
    url: axonUrl(target.ip, target.port, definition.name),
    path: `/${definition.name}`,
    headers: synapseHeaders(definition, synapse, { dumped, totalSize, bodyHash }),
    contentType: 'application/json',
    body,
    bodyHash,
    signingMessage,
    synapse,
  };
}
