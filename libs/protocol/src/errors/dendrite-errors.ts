import type { ErrorKind } from '@taonode/errors';
import { pyFloatRepr } from '../python/py-float-repr';
import { ProtocolError } from './protocol-error';

/**
 * Transport failures the Python dendrite maps to status codes (`DENDRITE_ERROR_MAPPING`, exact exception type):
 * connect → 503, timeout → 408, response error → its own code, payload → 400, other client errors → 500,
 * server timeout → 504, server disconnected / connection errors → 503.
 */
export type DendriteFailureKind =
  | 'connect'
  | 'timeout'
  | 'response'
  | 'payload'
  | 'client'
  | 'server-timeout'
  | 'server-disconnected'
  | 'server-connection';

/** What the transport knows when it fails; only the parts a kind's message needs are read. */
export interface DendriteFailureContext {
  readonly axonIp: string | null;
  readonly axonPort: number | bigint | null;
  readonly synapseName: string;
  readonly timeoutSeconds: number | null;
  /** `str(exception)` equivalent for the kinds whose message embeds it. */
  readonly detail?: string;
  /** HTTP status of a `ClientResponseError` (kind `response`). */
  readonly responseStatus?: number;
}

const STATUS_AND_PREFIX: Readonly<Record<DendriteFailureKind, readonly [number | null, string]>> = {
  connect: [503, 'Service unavailable'],
  timeout: [408, 'Request timeout'],
  response: [null, 'Client response error'],
  payload: [400, 'Payload error'],
  client: [500, 'Client error'],
  'server-timeout': [504, 'Server timeout error'],
  'server-disconnected': [503, 'Service disconnected'],
  'server-connection': [503, 'Service connection error'],
};

function pythonStr(value: number | bigint | string | null): string {
  if (value === null) {
    return 'None';
  }
  return typeof value === 'number' ? pyFloatRepr(value) : String(value);
}

/** A transport failure with the status code and message the Python dendrite records in `synapse.dendrite`. */
export class DendriteTransportError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_TRANSPORT_FAILURE';

  constructor(
    /** Which transport failure, in the Python dendrite's terms. */
    readonly failureKind: DendriteFailureKind,
    readonly httpStatus: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  override get kind(): ErrorKind {
    switch (this.failureKind) {
      case 'timeout':
      case 'server-timeout':
        return 'deadline-exceeded';
      case 'payload':
        return 'invalid-argument';
      case 'client':
        return 'internal';
      case 'connect':
      case 'response':
      case 'server-disconnected':
      case 'server-connection':
        return 'unavailable';
    }
  }

  override get wireMessage(): string {
    return this.message;
  }
}

/** Builds the dendrite-side status for a transport failure exactly as `process_error_message` formats it. */
export function dendriteTransportError(
  kind: DendriteFailureKind,
  context: DendriteFailureContext,
  options?: { cause?: unknown },
): DendriteTransportError {
  const [status, prefix] = STATUS_AND_PREFIX[kind];
  let message: string;
  switch (kind) {
    case 'connect':
      // Python renders the port from the synapse's axon info: an int, so no ".0".
      message = `${prefix} at ${context.axonIp ?? 'None'}:${context.axonPort === null ? 'None' : String(context.axonPort)}/${context.synapseName}`;
      break;
    case 'timeout':
      message = `${prefix} after ${pythonStr(context.timeoutSeconds)} seconds`;
      break;
    case 'response':
    case 'payload':
    case 'client':
    case 'server-timeout':
    case 'server-disconnected':
    case 'server-connection':
      message = `${prefix}: ${context.detail ?? ''}`;
      break;
  }
  return new DendriteTransportError(kind, status ?? context.responseStatus ?? 500, message, options);
}
