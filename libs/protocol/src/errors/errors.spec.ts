import { type ErrorKind, TaonodeError } from '@taonode/errors';
import { BodyHashMismatchError } from './body-errors';
import { dendriteTransportError } from './dendrite-errors';
import { isProtocolError, type ProtocolError } from './protocol-error';
import {
  BlacklistedError,
  HeaderParseError,
  InternalProtocolError,
  InvalidRequestNameError,
  OverloadedError,
  PriorityTimeoutError,
  UnknownSynapseError,
} from './request-errors';
import { ResponseParseError } from './response-errors';
import { NotVerifiedError } from './verification-errors';

const TRANSPORT_CONTEXT = { axonIp: '198.51.100.10', axonPort: 8091n, synapseName: 'Dummy', timeoutSeconds: 12 };

describe('axon-side errors carry the Python status and text', () => {
  it.each([
    [new InvalidRequestNameError('x'), 400, 'Improperly formatted request. Could not parser request x.'],
    [
      new UnknownSynapseError('Nope', ['Synapse', 'Dummy']),
      404,
      "Synapse name 'Nope' not found. Available synapses ['Synapse', 'Dummy']",
    ],
    [new BlacklistedError('Unrecognized hotkey'), 403, 'Forbidden. Key is blacklisted: Unrecognized hotkey.'],
    [new PriorityTimeoutError(12), 408, 'Response timeout after: 12.0s'],
    [new OverloadedError(), 503, 'Service unavailable: request shed by the priority queue'],
  ])('%s', (error, status, message) => {
    expect([error.httpStatus, error.wireMessage]).toEqual([status, message]);
    expect(isProtocolError(error)).toBe(true);
    expect(error.name).toBe(error.constructor.name);
  });

  it('hides the details of 500s behind "Internal Server Error #{uuid}" and keeps them in message', () => {
    const error = new BodyHashMismatchError('a', 'b');
    expect(error.wireMessage).toBe(`Internal Server Error #${error.errorId}`);
    expect(error.errorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(error.message).toBe('Hash mismatch between header body hash a and parsed body hash b');
    expect(new InternalProtocolError('boom').responseBody()).toEqual({
      message: expect.stringMatching(/^Internal Server Error #/) as unknown,
    });
    expect(isProtocolError(error, 'TAONODE_PROTOCOL_BODY_HASH_MISMATCH')).toBe(true);
    expect(isProtocolError(error, 'TAONODE_PROTOCOL_INTERNAL')).toBe(false);
  });
});

describe('dendrite-side failures map like DENDRITE_ERROR_MAPPING', () => {
  const context = {
    axonIp: '198.51.100.10',
    axonPort: 8091n,
    synapseName: 'Dummy',
    timeoutSeconds: 12,
    detail: 'boom',
  };

  it.each([
    ['timeout', 408, 'Request timeout after 12.0 seconds'],
    ['connect', 503, 'Service unavailable at 198.51.100.10:8091/Dummy'],
    ['payload', 400, 'Payload error: boom'],
    ['client', 500, 'Client error: boom'],
    ['server-timeout', 504, 'Server timeout error: boom'],
    ['server-disconnected', 503, 'Service disconnected: boom'],
    ['server-connection', 503, 'Service connection error: boom'],
  ] as const)('%s → %d "%s"', (kind, status, message) => {
    const error = dendriteTransportError(kind, context);
    expect([error.httpStatus, error.wireMessage, error.code]).toEqual([
      status,
      message,
      'TAONODE_PROTOCOL_TRANSPORT_FAILURE',
    ]);
  });

  it('takes a ClientResponseError’s own status', () => {
    expect(dendriteTransportError('response', { ...context, responseStatus: 429 }).httpStatus).toBe(429);
  });

  it('formats unparsable responses as "Failed to parse response: …" (422)', () => {
    const error = new ResponseParseError('bad');
    expect([error.httpStatus, error.wireMessage]).toEqual([422, 'Failed to parse response: bad']);
  });
});

describe('protocol errors in the one error model', () => {
  it('are TaonodeErrors with TAONODE_PROTOCOL_ codes and a transport-independent kind', () => {
    const cases: [ProtocolError, ErrorKind][] = [
      [new BlacklistedError('not registered'), 'permission-denied'],
      [new NotVerifiedError('TAONODE_PROTOCOL_SIGNATURE_MISMATCH', 'x'), 'unauthenticated'],
      [new HeaderParseError('bad timeout', 'timeout'), 'invalid-argument'],
      [new InternalProtocolError('bug'), 'internal'],
      [dendriteTransportError('timeout', TRANSPORT_CONTEXT), 'deadline-exceeded'],
      [dendriteTransportError('connect', TRANSPORT_CONTEXT), 'unavailable'],
    ];
    for (const [error, kind] of cases) {
      expect(error).toBeInstanceOf(TaonodeError);
      expect(error.code).toMatch(/^TAONODE_PROTOCOL_[A-Z_]+$/);
      expect([error.code, error.kind]).toEqual([error.code, kind]);
    }
  });

  it('keeps the dendrite failure kind apart from the error kind', () => {
    const error = dendriteTransportError('server-timeout', TRANSPORT_CONTEXT);
    expect([error.failureKind, error.kind]).toEqual(['server-timeout', 'deadline-exceeded']);
  });

  it('recognises protocol errors by type only', () => {
    const imitation = Object.assign(new Error('x'), { code: 'TAONODE_PROTOCOL_BLACKLISTED', httpStatus: 403 });
    expect(isProtocolError(imitation)).toBe(false);
  });
});
