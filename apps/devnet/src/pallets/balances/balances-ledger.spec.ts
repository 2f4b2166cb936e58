import { TokenDispatchError } from '../../runtime/dispatch-context';
import { loadRuntimeMetadata } from '../../runtime/runtime-metadata';
import { BlockState } from '../../state/block-state';
import { Storage } from '../../state/storage';
import { EMPTY_ACCOUNT, accountExists, readAccount, writeAccount } from './account-info';
import { BalancesLedger } from './balances-ledger';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const ED = 500n;
/** Other holders exist: issuance above Alice's balance, so withdrawals are not `Arithmetic(Underflow)`. */
const ISSUANCE = 1_000_000n;

describe('BalancesLedger (fungible semantics of pallet_balances)', () => {
  let storage: Storage;
  let events: string[];
  let ledger: BalancesLedger;

  beforeEach(() => {
    storage = new Storage(loadRuntimeMetadata(), BlockState.empty());
    writeAccount(storage, ALICE, { ...EMPTY_ACCOUNT, providers: 1, free: 10_000n });
    storage.set('balances', 'totalIssuance', [], ISSUANCE);
    events = [];
    ledger = new BalancesLedger(
      storage,
      (pallet, event, fields) => events.push(`${pallet}.${event}(${fields.join(',')})`),
      ED,
    );
  });

  it('creates the receiving account: NewAccount, Endowed, then Transfer', () => {
    ledger.transfer(ALICE, BOB, 1_000n, 'Expendable');
    expect(events).toEqual([
      `system.NewAccount(${BOB})`,
      `balances.Endowed(${BOB},1000)`,
      `balances.Transfer(${ALICE},${BOB},1000)`,
    ]);
    expect(readAccount(storage, BOB)).toMatchObject({ free: 1_000n, providers: 1 });
    expect(ledger.totalIssuance()).toBe(ISSUANCE);
  });

  it('refuses to create an account below the existential deposit', () => {
    expect(() => ledger.transfer(ALICE, BOB, ED - 1n, 'Expendable')).toThrow(new TokenDispatchError('BelowMinimum'));
  });

  it('refuses more than the free balance, and a keep-alive transfer that would leave dust', () => {
    expect(() => ledger.transfer(ALICE, BOB, ISSUANCE + 1n, 'Expendable')).toThrow('Arithmetic.Underflow');
    expect(() => ledger.transfer(ALICE, BOB, 10_001n, 'Expendable')).toThrow(
      new TokenDispatchError('FundsUnavailable'),
    );
    expect(() => ledger.transfer(ALICE, BOB, 9_600n, 'Preserve')).toThrow(new TokenDispatchError('NotExpendable'));
  });

  it('reaps a sender left below the existential deposit, burning the dust and removing its entry', () => {
    ledger.transfer(ALICE, BOB, 9_700n, 'Expendable');
    expect(events).toContain(`system.KilledAccount(${ALICE})`);
    expect(events).toContain(`balances.DustLost(${ALICE},300)`);
    expect(accountExists(storage, ALICE)).toBe(false);
    expect(ledger.totalIssuance()).toBe(ISSUANCE - 300n);
  });

  it('withdraws fees only above the existential deposit and burns them', () => {
    ledger.withdraw(ALICE, 9_500n, 'Preserve');
    expect(events).toEqual([`balances.Withdraw(${ALICE},9500)`]);
    expect(ledger.free(ALICE)).toBe(500n);
    expect(ledger.totalIssuance()).toBe(ISSUANCE - 9_500n);
    expect(() => ledger.withdraw(ALICE, 1n, 'Preserve')).toThrow(new TokenDispatchError('FundsUnavailable'));
  });

  it('sets a balance below the existential deposit to zero and tracks issuance (force_set_balance)', () => {
    ledger.setFreeBalance(BOB, 2_000n);
    expect(ledger.free(BOB)).toBe(2_000n);
    ledger.setFreeBalance(BOB, ED - 1n);
    expect(accountExists(storage, BOB)).toBe(false);
    expect(ledger.totalIssuance()).toBe(ISSUANCE);
    expect(events.at(-1)).toBe(`balances.BalanceSet(${BOB},0)`);
  });
});
