import { Metadata, type StatusObject, status } from '@grpc/grpc-js';
import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { isTaonodeError } from '@taonode/errors';
import { ERROR_CODE_METADATA_KEY, grpcStatusOf, isCallerFacing } from './rpc-error';

/**
 * The one exception filter of a gRPC service (register as `APP_FILTER`): a `TaonodeError` becomes the status of its
 * kind with its stable code in the `taonode-error-code` trailer; its message goes to the caller only for kinds that
 * describe the caller's request, otherwise it is logged and the caller gets the code alone. An `RpcException`
 * carrying a status passes through; anything else is logged with its stack and answered as a bare INTERNAL.
 */
@Catch()
export class GrpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(GrpcExceptionFilter.name);

  catch(exception: unknown): Observable<never> {
    return throwError(() => this.toStatus(exception));
  }

  private toStatus(exception: unknown): Partial<StatusObject> {
    if (isTaonodeError(exception)) {
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_METADATA_KEY, exception.code);
      const code = grpcStatusOf(exception.kind);
      if (isCallerFacing(exception.kind)) {
        return { code, details: exception.message, metadata };
      }
      if (code === status.INTERNAL) {
        this.logger.error({ err: exception, code: exception.code }, 'rpc failed');
      } else {
        this.logger.warn({ err: exception, code: exception.code }, 'rpc failed');
      }
      return { code, details: exception.code, metadata };
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
