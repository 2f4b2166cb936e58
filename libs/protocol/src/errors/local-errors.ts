import { ProtocolError } from './protocol-error';

/** A synapse or model declaration is invalid (bad field name, unknown hash field, clash with a base field). */
export class SynapseDefinitionError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_DEFINITION_INVALID';
  readonly httpStatus = 500;
}

/** A version string is not `major.minor.patch` with parts below 1000, or the result is not below 2^31. */
export class VersionFormatError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_VERSION_INVALID';
  readonly httpStatus = 500;
}

/** An IP address (text or integer) is not a valid IPv4/IPv6 address. */
export class IpFormatError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_IP_INVALID';
  readonly httpStatus = 500;
}

/** The signer failed or returned something that is not a 64-byte sr25519 signature. */
export class SigningError extends ProtocolError {
  readonly code = 'TAONODE_PROTOCOL_SIGNING_FAILED';
  readonly httpStatus = 500;
}
