import { AlreadyImportedError, TooLowPriorityError } from '../../chain/transaction-pool';
import type { TransactionStatus } from '../../chain/transaction-status';
import { isFinalStatus } from '../../chain/transaction-status';
import { decodeExtrinsic, type DecodedExtrinsic } from '../../extrinsic/decoded-extrinsic';
import {
  BadExtrinsicFormatError,
  InvalidTransactionError,
  UnknownTransactionError,
} from '../../extrinsic/transaction-validity';
import type { NodeContext, RpcMethodTable } from '../node-context';
import type { RpcConnection } from '../rpc-connection';
import { RpcError, RpcErrorCode } from '../rpc-error';

/**
 * Maps pool and validity failures to substrate's author RPC errors (client/rpc-api/src/author/error.rs):
 * 1001 bad format, 1010 invalid (data = the InvalidTransaction text, e.g. "Transaction is outdated"),
 * 1011 unknown validity, 1013 already imported, 1014 priority too low.
 */
export function authorError(error: unknown): unknown {
  if (error instanceof BadExtrinsicFormatError) {
    return new RpcError(RpcErrorCode.AuthorBadFormat, `Extrinsic has invalid format: ${error.message}`);
  }
  if (error instanceof InvalidTransactionError) {
    return new RpcError(RpcErrorCode.AuthorInvalidTransaction, 'Invalid Transaction', error.rpcData);
  }
  if (error instanceof UnknownTransactionError) {
    return new RpcError(RpcErrorCode.AuthorUnknownValidity, 'Unknown Transaction Validity', error.kind);
  }
  if (error instanceof AlreadyImportedError) {
    return new RpcError(RpcErrorCode.AuthorAlreadyImported, 'Transaction Already Imported', error.hash);
  }
  if (error instanceof TooLowPriorityError) {
    return new RpcError(
      RpcErrorCode.AuthorTooLowPriority,
      error.message,
      'The transaction has too low priority to replace another transaction already in the pool.',
    );
  }
  return error;
}

/** `author_*`: submission (plain and watched), unwatching, and the pool's pending transactions. */
export function authorMethods(context: NodeContext): RpcMethodTable {
  const { chain, runtime } = context;
  const decode = (input: unknown): DecodedExtrinsic => {
    try {
      return decodeExtrinsic(runtime.metadata.registry, input);
    } catch (error) {
      throw authorError(error);
    }
  };
  return {
    author_submitExtrinsic: (params) => {
      const decoded = decode(params[0]);
      try {
        chain.pool.submit(decoded);
      } catch (error) {
        throw authorError(error);
      }
      return decoded.hash;
    },
    author_submitAndWatchExtrinsic: (params, connection: RpcConnection) => {
      const decoded = decode(params[0]);
      let listener: ((status: TransactionStatus) => void) | undefined;
      const subscription = connection.subscribe('author_extrinsicUpdate', ['author_unwatchExtrinsic'], () => {
        if (listener) {
          chain.pool.unwatch(decoded.hash, listener);
        }
      });
      listener = (status) => {
        subscription.notify(status);
        if (isFinalStatus(status)) {
          subscription.close();
        }
      };
      try {
        chain.pool.submit(decoded, listener);
      } catch (error) {
        listener = undefined;
        subscription.close();
        throw authorError(error);
      }
      return subscription.id;
    },
    author_unwatchExtrinsic: (params, connection: RpcConnection) =>
      connection.unsubscribe('author_unwatchExtrinsic', params[0]),
    author_pendingExtrinsics: () => chain.pool.pending(),
  };
}
