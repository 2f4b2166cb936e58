/**
 * What went wrong, as far as a caller needs to know, independent of the transport: gRPC maps each kind to one
 * status code (libs/grpc), HTTP will map it to one status. Named after the gRPC canonical codes they mean.
 */
export const ERROR_KINDS = [
  /** The caller's input is malformed or out of range; retrying it unchanged fails again. */
  'invalid-argument',
  /** The thing asked for does not exist (block, subnet, neuron, wallet file). */
  'not-found',
  /** The thing to be created exists already (a key file). */
  'already-exists',
  /** The caller did not prove who it is (missing or bad signature, wrong password). */
  'unauthenticated',
  /** The caller is known but not allowed (blacklisted). */
  'permission-denied',
  /** A quota or limit is exhausted (rate limits, load shedding, balance). */
  'resource-exhausted',
  /** The system is not in the state the operation needs (subnet not followed, commit-reveal mismatch). */
  'failed-precondition',
  /** A dependency is down or not ready yet; retrying later can succeed. */
  'unavailable',
  /** A deadline passed before the operation finished. */
  'deadline-exceeded',
  /** The operation or its dependency is not implemented (runtime without a call or API). */
  'unimplemented',
  /** The caller (or the user at a prompt) gave up on the operation. */
  'cancelled',
  /** A bug or an unexpected failure; details are logged, never sent to callers. */
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
