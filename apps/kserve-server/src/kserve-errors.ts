import * as grpc from '@grpc/grpc-js';

/** A request the server refuses, with the gRPC status a KServe/Triton server answers for it. */
export class KserveRequestError extends Error {
  constructor(
    readonly status: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = 'KserveRequestError';
  }
}

export const invalidArgument = (message: string): KserveRequestError =>
  new KserveRequestError(grpc.status.INVALID_ARGUMENT, message);

export const notFound = (message: string): KserveRequestError => new KserveRequestError(grpc.status.NOT_FOUND, message);

/** The gRPC error for anything thrown by a handler: typed refusals keep their status, the rest is INTERNAL. */
export function toServiceError(error: unknown): Partial<grpc.ServiceError> {
  if (error instanceof KserveRequestError) {
    return { code: error.status, details: error.message };
  }
  return { code: grpc.status.INTERNAL, details: 'internal error' };
}
