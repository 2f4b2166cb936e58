import { type Metadata, type StatusObject, status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { type ErrorKind, TaonodeError } from '@taonode/errors';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { ERROR_CODE_METADATA_KEY } from './rpc-error';

class SampleDomainError extends TaonodeError {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
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

const trailerCode = (answer: Partial<StatusObject>): unknown =>
  (answer.metadata as Metadata).get(ERROR_CODE_METADATA_KEY);

describe('GrpcExceptionFilter', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it.each<[ErrorKind, status]>([
    ['invalid-argument', status.INVALID_ARGUMENT],
    ['not-found', status.NOT_FOUND],
    ['already-exists', status.ALREADY_EXISTS],
    ['failed-precondition', status.FAILED_PRECONDITION],
  ])('maps a %s error to status %i with its message and its code in the trailer', async (kind, expected) => {
    const answer = await statusFor(new SampleDomainError('TAONODE_SAMPLE', kind, 'netuid 70000 is above 65535'));
    expect(answer.code).toBe(expected);
    expect(answer.details).toBe('netuid 70000 is above 65535');
    expect(trailerCode(answer)).toEqual(['TAONODE_SAMPLE']);
  });

  it.each<[ErrorKind, status]>([
    ['unauthenticated', status.UNAUTHENTICATED],
    ['permission-denied', status.PERMISSION_DENIED],
    ['resource-exhausted', status.RESOURCE_EXHAUSTED],
    ['unavailable', status.UNAVAILABLE],
    ['deadline-exceeded', status.DEADLINE_EXCEEDED],
    ['unimplemented', status.UNIMPLEMENTED],
    ['cancelled', status.CANCELLED],
    ['internal', status.INTERNAL],
  ])('maps a %s error to status %i and sends only its code, never its message', async (kind, expected) => {
    const error = new SampleDomainError('TAONODE_SAMPLE', kind, 'read failed: disconnected from ws://10.0.0.7:9944');
    const answer = await statusFor(error);
    expect(answer.code).toBe(expected);
    expect(answer.details).toBe('TAONODE_SAMPLE');
    expect(JSON.stringify(answer)).not.toContain('10.0.0.7');
    expect(trailerCode(answer)).toEqual(['TAONODE_SAMPLE']);
  });

  it('passes an RpcException carrying a gRPC status through', async () => {
    const answer = await statusFor(new RpcException({ code: status.PERMISSION_DENIED, details: 'no' }));
    expect(answer).toEqual({ code: status.PERMISSION_DENIED, details: 'no' });
  });

  it('answers unexpected errors with a bare INTERNAL that does not leak their message', async () => {
    const answer = await statusFor(new TypeError('cannot read secret of undefined'));
    expect(answer).toEqual({ code: status.INTERNAL, details: 'internal error' });
  });

  it('does not take an error that merely carries a TAONODE_ code and a kind for a domain error', async () => {
    const imitation = Object.assign(new Error('upstream said: token=abc'), {
      code: 'TAONODE_CHAIN_SUBNET_NOT_FOUND',
      kind: 'not-found',
      rpcKind: 'not-found',
    });
    const answer = await statusFor(imitation);
    expect(answer).toEqual({ code: status.INTERNAL, details: 'internal error' });
  });
});
