import { Metadata, type StatusObject, status } from '@grpc/grpc-js';
import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { ERROR_CODE_METADATA_KEY, grpcStatusOf, isRpcMappableError } from './rpc-error';

/**
 * The one exception filter of a gRPC service (register as `APP_FILTER`): domain errors become their status code with
 * the stable code in the `taonode-error-code` trailer; an `RpcException` carrying a status passes through; anything
 * else is logged with its stack and answered as a bare INTERNAL, never leaking internals to the caller.
 */
@Catch()
export class GrpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(GrpcExceptionFilter.name);

  catch(exception: unknown): Observable<never> {
    return throwError(() => this.toStatus(exception));
  }

  private toStatus(exception: unknown): Partial<StatusObject> {
    if (isRpcMappableError(exception)) {
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_METADATA_KEY, exception.code);
      const code = grpcStatusOf(exception.rpcKind);
      if (code === status.INTERNAL) {
        this.logger.error({ err: exception, code: exception.code }, 'rpc failed');
      }
      return { code, details: exception.message, metadata };
    }
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number') {
        return error;
      }
    }
    this.logger.error({ err: exception }, 'rpc failed with an unexpected error');
    return { code: status.INTERNAL, details: 'internal error' };
  }
}
