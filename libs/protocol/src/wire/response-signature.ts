import { isProtocolError } from '../errors/protocol-error';
import { ResponseSignatureError } from '../errors/response-errors';
import { sha3Hex } from '../hash/sha3';
import { hotkeyPublicKey } from '../signature/hotkey-address';
import { decodeSignatureHex } from '../signature/signature-hex';
import { signMessageHex, type Signer } from '../signature/signer';
import { sr25519VerifyRaw } from '../signature/sr25519';
import { normalizeHeaders, type HeaderInput } from './header-map';

/**
 * taonode's response-signature headers (protocol.md top table #4). Python dendrites ignore them: the names avoid
 * `bt_header_axon_`, `bt_header_dendrite_`, `bt_header_input_obj` and the five plain synapse header names, and
 * the values are ASCII.
 */
export const RESPONSE_SIGNATURE_HEADERS = {
  version: 'x-taonode-signature-version',
  hotkey: 'x-taonode-axon-hotkey',
  nonce: 'x-taonode-axon-nonce',
  uuid: 'x-taonode-axon-uuid',
  signature: 'x-taonode-axon-signature',
} as const;

/** Version tag of the signed message layout. */
export const RESPONSE_SIGNATURE_VERSION = '1';

const MESSAGE_DOMAIN = 'taonode-response-v1';

/** The request a response answers, as the dendrite sent it (verified on the axon side). */
export interface AnsweredRequest {
  readonly nonce: bigint | null;
  readonly hotkey: string | null;
  readonly uuid: string | null;
}

/** Everything a response signature binds. */
export interface ResponseSigningParts {
  readonly axonNonce: bigint;
  readonly axonHotkey: string;
  readonly axonUuid: string;
  readonly request: AnsweredRequest;
  readonly status: number;
  /** The response's `computed_body_hash` header. */
  readonly computedBodyHash: string | null;
  /** SHA3-256 hex of the exact response body bytes (binds the outputs, which the body hash does not cover). */
  readonly bodySha3: string;
}

function text(value: bigint | string | null): string {
  return value === null ? 'None' : value.toString();
}

/**
 * `"taonode-response-v1.{axon_nonce}.{axon_hotkey}.{axon_uuid}.{dendrite_nonce}.{dendrite_hotkey}.{dendrite_uuid}
 * .{status}.{computed_body_hash}.{sha3(body)}"`. The domain prefix keeps it from ever equalling a request
 * message (which starts with digits) or the SDK's axon message.
 */
export function responseSigningMessage(parts: ResponseSigningParts): string {
  const { request } = parts;
  return [
    MESSAGE_DOMAIN,
    parts.axonNonce.toString(),
    parts.axonHotkey,
    parts.axonUuid,
    text(request.nonce),
    text(request.hotkey),
    text(request.uuid),
    String(parts.status),
    text(parts.computedBodyHash),
    parts.bodySha3,
  ].join('.');
}

/** How an axon signs its responses. */
export interface ResponseSigning {
  readonly signer: Signer;
  /** Fresh per response (nanoseconds). */
  readonly axonNonce: bigint;
  /** The axon instance's uuid. */
  readonly axonUuid: string;
  /** The authenticated request being answered. */
  readonly request: AnsweredRequest;
}

/** The extra headers for a response with this status, `computed_body_hash` header and body. */
export function responseSignatureHeaders(
  signing: ResponseSigning,
  status: number,
  computedBodyHash: string | null,
  body: string,
): Record<string, string> {
  const message = responseSigningMessage({
    axonNonce: signing.axonNonce,
    axonHotkey: signing.signer.ss58Address,
    axonUuid: signing.axonUuid,
    request: signing.request,
    status,
    computedBodyHash,
    bodySha3: sha3Hex(body),
  });
  return {
    [RESPONSE_SIGNATURE_HEADERS.version]: RESPONSE_SIGNATURE_VERSION,
    [RESPONSE_SIGNATURE_HEADERS.hotkey]: signing.signer.ss58Address,
    [RESPONSE_SIGNATURE_HEADERS.nonce]: signing.axonNonce.toString(),
    [RESPONSE_SIGNATURE_HEADERS.uuid]: signing.axonUuid,
    [RESPONSE_SIGNATURE_HEADERS.signature]: signMessageHex(signing.signer, message),
  };
}

/** What {@link verifyResponseSignature} needs. */
export interface ResponseSignatureCheck {
  readonly status: number;
  readonly headers: HeaderInput;
  /** Exact body bytes (or text) as received. */
  readonly body: string | Uint8Array;
  /** The request this response should answer. */
  readonly request: AnsweredRequest;
  /** The hotkey the dendrite called (from the metagraph). */
  readonly expectedAxonHotkey: string;
}

/** A verified response signature. */
export interface VerifiedResponseSignature {
  readonly axonNonce: bigint;
  readonly axonUuid: string;
}

function single(headers: ReadonlyMap<string, readonly string[]>, name: string): string | null {
  const values = headers.get(name);
  return values?.length === 1 ? (values[0] ?? null) : null;
}

/**
 * Checks a taonode axon's response signature against the request it answers. Throws
 * {@link ResponseSignatureError}: `TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING` when the headers are absent (a Python
 * axon, or a stripped response), `TAONODE_PROTOCOL_RESPONSE_SIGNATURE_INVALID` otherwise.
 */
export function verifyResponseSignature(check: ResponseSignatureCheck): VerifiedResponseSignature {
  const headers = normalizeHeaders(check.headers);
  const hotkey = single(headers, RESPONSE_SIGNATURE_HEADERS.hotkey);
  const nonceText = single(headers, RESPONSE_SIGNATURE_HEADERS.nonce);
  const uuid = single(headers, RESPONSE_SIGNATURE_HEADERS.uuid);
  const signature = single(headers, RESPONSE_SIGNATURE_HEADERS.signature);
  const version = single(headers, RESPONSE_SIGNATURE_HEADERS.version);
  if (hotkey === null || nonceText === null || uuid === null || signature === null || version === null) {
    throw new ResponseSignatureError(
      'TAONODE_PROTOCOL_RESPONSE_SIGNATURE_MISSING',
      'Response carries no taonode signature',
    );
  }
  const invalid = (why: string): ResponseSignatureError =>
    new ResponseSignatureError('TAONODE_PROTOCOL_RESPONSE_SIGNATURE_INVALID', `Response signature invalid: ${why}`);
  if (version !== RESPONSE_SIGNATURE_VERSION) {
    throw invalid(`unknown version ${version}`);
  }
  if (hotkey !== check.expectedAxonHotkey) {
    throw invalid(`signed by ${hotkey}, expected ${check.expectedAxonHotkey}`);
  }
  if (!/^\d+$/.test(nonceText)) {
    throw invalid('axon nonce is not an integer');
  }
  const axonNonce = BigInt(nonceText);
  let publicKey: Uint8Array;
  let signatureBytes: Uint8Array;
  try {
    publicKey = hotkeyPublicKey(hotkey);
    signatureBytes = decodeSignatureHex(signature);
  } catch (error) {
    if (isProtocolError(error)) {
      throw invalid(error.message);
    }
    throw error;
  }
  const message = responseSigningMessage({
    axonNonce,
    axonHotkey: hotkey,
    axonUuid: uuid,
    request: check.request,
    status: check.status,
    computedBodyHash: single(headers, 'computed_body_hash'),
    bodySha3: sha3Hex(check.body),
  });
  if (!sr25519VerifyRaw(Buffer.from(message, 'utf8'), signatureBytes, publicKey)) {
    throw invalid('signature does not match');
  }
  return { axonNonce, axonUuid: uuid };
}
