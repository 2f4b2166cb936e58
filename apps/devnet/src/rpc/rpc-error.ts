/**
 * A JSON-RPC error object as substrate's jsonrpsee server sends it: `code`, `message` and optional `data`.
 * @polkadot/api shows it as `${code}: ${message}: ${data}`.
 */
export class RpcError extends Error {
  constructor(
    readonly rpcCode: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }

  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined
      ? { code: this.rpcCode, message: this.message }
      : { code: this.rpcCode, message: this.message, data: this.data };
  }
}

/** JSON-RPC 2.0 and substrate error codes (substrate/client/rpc-api: author base 1000, state 4000). */
export const RpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  AuthorBadFormat: 1001,
  AuthorInvalidTransaction: 1010,
  AuthorUnknownValidity: 1011,
  AuthorAlreadyImported: 1013,
  AuthorTooLowPriority: 1014,
  StateInvalidCount: 4002,
  StateClient: 4003,
} as const;

export const methodNotFound = (): RpcError => new RpcError(RpcErrorCode.MethodNotFound, 'Method not found');

export const invalidParams = (detail: string): RpcError =>
  new RpcError(RpcErrorCode.InvalidParams, 'Invalid params', detail);

/** `state_*` failures wrapping a client error, e.g. "Client error: UnknownBlock: State already discarded for 0x…". */
export const stateClientError = (detail: string): RpcError =>
  new RpcError(RpcErrorCode.StateClient, `Client error: ${detail}`);
