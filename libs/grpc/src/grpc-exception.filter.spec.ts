import { type Metadata, type StatusObject, status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { ERROR_CODE_METADATA_KEY, type RpcErrorKind } from './rpc-error';

class SampleDomainError extends Error {
  constructor(
    readonly code: string,
    readonly rpcKind: RpcErrorKind,
    message: string,
  ) {
    super(message);
  }
}

async function statusFor(exception: unknown): Promise<Partial<StatusObject>> {
  try {
    await firstValueFrom(new GrpcExceptionFilter().catch(exception));
  } catch (error) {
    return error as Partial<StatusObject>;
  }
  throw new Error('the filter must answer with an error');
}

describe('GrpcExceptionFilter', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it.each<[RpcErrorKind, status]>([
    ['invalid-argument', status.INVALID_ARGUMENT],
    ['not-found', status.NOT_FOUND],
    ['failed-precondition', status.FAILED_PRECONDITION],
    ['unavailable', status.UNAVAILABLE],
    ['deadline-exceeded', status.DEADLINE_EXCEEDED],
    ['internal', status.INTERNAL],
  ])('maps a %s domain error to status %i with its code in the trailer', async (kind, expected) => {
    const answer = await statusFor(new SampleDomainError('TAONODE_SAMPLE', kind, 'sample failed'));
    expect(answer.code).toBe(expected);
    expect(answer.details).toBe('sample failed');
    expect((answer.metadata as Metadata).get(ERROR_CODE_METADATA_KEY)).toEqual(['TAONODE_SAMPLE']);
  });

  it('passes an RpcException carrying a gRPC status through', async () => {
    const answer = await statusFor(new RpcException({ code: status.PERMISSION_DENIED, details: 'no' }));
    expect(answer).toEqual({ code: status.PERMISSION_DENIED, details: 'no' });
  });

  it('answers unexpected errors with a bare INTERNAL that does not leak their message', async () => {
    const answer = await statusFor(new TypeError('cannot read secret of undefined'));
    expect(answer).toEqual({ code: status.INTERNAL, details: 'internal error' });
  });
});
