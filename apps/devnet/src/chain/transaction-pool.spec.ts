import type { DecodedExtrinsic } from '../extrinsic/decoded-extrinsic';
import { InvalidTransactionError } from '../extrinsic/transaction-validity';
import { nonceTag, type CheckedTransaction } from '../extrinsic/validator';
import { AlreadyImportedError, TooLowPriorityError, TransactionPool } from './transaction-pool';
import type { TransactionStatus } from './transaction-status';

/** A fake transaction from `signer` with `nonce`, identified by `tag` (its hash). */
function transaction(signer: string, nonce: number, tag = `${signer}${nonce}`): DecodedExtrinsic {
  return {
    hash: `0x${Buffer.from(tag).toString('hex')}`,
    hex: '0x00',
    signer,
    nonce,
  } as unknown as DecodedExtrinsic;
}

describe('TransactionPool', () => {
  /** On-chain nonces; the fake validator checks nonces against them like CheckNonce. */
  const accountNonce = new Map<string, number>();
  const validate = (decoded: DecodedExtrinsic): CheckedTransaction => {
    const { signer, nonce } = decoded as unknown as { signer: string; nonce: number };
    const current = accountNonce.get(signer) ?? 0;
    if (nonce < current) {
      throw new InvalidTransactionError('Stale');
    }
    return {
      signer,
      signed: { signer, nonce, tip: 0n, era: { kind: 'immortal' } },
      info: { refTime: 0n, proofSize: 0n, class: 'Normal', pays: 'Yes' },
      fee: 0n,
      provides: nonceTag(signer, nonce),
      requires: nonce > current ? nonceTag(signer, nonce - 1) : undefined,
      longevity: 100,
    };
  };

  beforeEach(() => accountNonce.clear());

  it('keeps a nonce gap as future and readies the chain once the gap is filled', () => {
    const pool = new TransactionPool(validate);
    const statuses: TransactionStatus[] = [];
    expect(pool.submit(transaction('alice', 1), (status) => statuses.push(status))).toBe('future');
    expect(pool.readyForBlock()).toEqual([]);
    expect(pool.submit(transaction('alice', 0))).toBe('ready');
    expect(statuses).toEqual(['future', 'ready']);
    expect(pool.readyForBlock().map((decoded) => (decoded as unknown as { nonce: number }).nonce)).toEqual([0, 1]);
    expect(pool.nextNonce('alice', 0)).toBe(2);
  });

  it('refuses duplicates and a second transaction for the same nonce', () => {
    const pool = new TransactionPool(validate);
    pool.submit(transaction('bob', 0));
    expect(() => pool.submit(transaction('bob', 0))).toThrow(AlreadyImportedError);
    expect(() => pool.submit(transaction('bob', 0, 'other bytes'))).toThrow(TooLowPriorityError);
  });

  it('reports inBlock for included transactions, finalized later, and drops what became stale', () => {
    const pool = new TransactionPool(validate);
    const included: TransactionStatus[] = [];
    const stale: TransactionStatus[] = [];
    const first = transaction('carol', 0);
    pool.submit(first, (status) => included.push(status));
    pool.submit(transaction('dave', 0), (status) => stale.push(status));
    accountNonce.set('carol', 1);
    accountNonce.set('dave', 1);
    pool.onBlock('0xb1', [first], []);
    expect(included).toEqual(['ready', { inBlock: '0xb1' }]);
    expect(stale).toEqual(['ready', 'invalid']);
    expect(pool.size).toBe(0);
    pool.onFinalized('0xb1');
    expect(included.at(-1)).toEqual({ finalized: '0xb1' });
  });
});
