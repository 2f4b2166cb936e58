import { classifyTransactionRejection, toChainError } from './rpc-error.classifier';

class FakeRpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

describe('classifyTransactionRejection', () => {
  it.each([
    ['1010: Invalid Transaction: Transaction is outdated', 1010, 'outdated'],
    ['1010: Invalid Transaction: {"invalid":{"stale":null}}', 1010, 'outdated'],
    ['1010: Invalid Transaction: Transaction will be valid in the future', 1010, 'future'],
    ['1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low', 1010, 'invalid'],
    ['1014: Priority is too low: (18446744073709551615 vs 18446744073709551615)', 1014, 'priority-too-low'],
    ['1013: Transaction Already Imported', 1013, 'already-imported'],
    ['1012: Transaction is temporarily banned', 1012, 'banned'],
  ] as const)('%s → %s', (message, code, expected) => {
    expect(classifyTransactionRejection(new FakeRpcError(message, code))).toBe(expected);
  });

  it('is undefined for errors that are not pool rejections', () => {
    expect(classifyTransactionRejection(new Error('-32601: Method not found'))).toBeUndefined();
  });
});

describe('toChainError', () => {
  it.each([
    ['WebSocket is not connected\nFailed WS Request: {"method":"chain_getHeader"}', 'TAONODE_CHAIN_DISCONNECTED'],
    ['disconnected from ws://127.0.0.1:9944: 1006:: Abnormal Closure', 'TAONODE_CHAIN_DISCONNECTED'],
    ['No response received from RPC endpoint in 60s', 'TAONODE_CHAIN_TIMEOUT'],
    ['Unexpected server response: 429', 'TAONODE_CHAIN_RATE_LIMITED'],
    ['-32999: RPC rate limit exceeded', 'TAONODE_CHAIN_RATE_LIMITED'],
    ['1010: Invalid Transaction: Transaction is outdated', 'TAONODE_CHAIN_TX_OUTDATED'],
    ['1014: Priority is too low: (1 vs 1)', 'TAONODE_CHAIN_PRIORITY_TOO_LOW'],
    ['1010: Invalid Transaction: Transaction has a bad signature', 'TAONODE_CHAIN_INVALID_TRANSACTION'],
    ['4003: Client error: UnknownBlock: Header was not found in the database', 'TAONODE_CHAIN_BLOCK_NOT_FOUND'],
    ['4003: Client error: UnknownBlock: State already discarded for 0xab', 'TAONODE_CHAIN_BLOCK_NOT_FOUND'],
    ['unknown block 0xab', 'TAONODE_CHAIN_BLOCK_NOT_FOUND'],
    ['-32000: not found: state', 'TAONODE_CHAIN_RPC_ERROR'],
    ['-32601: Method not found', 'TAONODE_CHAIN_RPC_ERROR'],
  ] as const)('%s → %s', (message, code) => {
    const error = toChainError(new Error(message), 'read');
    expect(error.code).toBe(code);
    expect(error.message.startsWith('read: ')).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('uses the JSON-RPC code when the message says nothing', () => {
    expect(toChainError(new FakeRpcError('-32029: slow down', -32029), 'read').code).toBe('TAONODE_CHAIN_RATE_LIMITED');
  });

  it('marks timeouts, disconnects and rate limits as transient only', () => {
    expect(toChainError(new Error('No response received from RPC endpoint in 60s'), 'x').isTransient).toBe(true);
    expect(toChainError(new Error('-32601: Method not found'), 'x').isTransient).toBe(false);
  });
});
