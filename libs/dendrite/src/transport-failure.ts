import { dendriteTransportError, type DendriteFailureKind, type DendriteTransportError } from '@taonode/protocol';
import type { AxonTarget } from './axon-target';

/** Node / undici error codes that mean the TCP connection never came up (aiohttp's `ClientConnectorError`). */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Codes of a connection that dropped after it was up (aiohttp's `ServerDisconnectedError`). */
const DISCONNECT_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Which of the Python dendrite's transport failures an undici error is. A connect timeout counts as a
 * connection failure (the axon never accepted); anything unrecognised is a generic client error (500), as
 * `aiohttp.ClientError` would be.
 */
export function failureKindOf(error: unknown): DendriteFailureKind {
  const code = errorCode(error);
  if (code !== undefined && CONNECT_CODES.has(code)) {
    return 'connect';
  }
  if (code !== undefined && DISCONNECT_CODES.has(code)) {
    return 'server-disconnected';
  }
  return 'client';
}

/** The status and message the Python dendrite records for this failure of a call to `target`. */
export function transportFailure(
  kind: DendriteFailureKind,
  target: AxonTarget,
  synapseName: string,
  timeoutSeconds: number,
  detail: string,
  cause?: unknown,
): DendriteTransportError {
  return dendriteTransportError(
    kind,
    { axonIp: target.ip, axonPort: target.port, synapseName, timeoutSeconds, detail },
    { cause },
  );
}
