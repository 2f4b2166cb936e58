import type { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { compactFromU8a, u8aToHex } from '@polkadot/util';
import { describeDispatchError, eventField, eventNames, sendAndSeal, type Seal } from '../support/chain-client';
import { invalidKind, type InvalidKind } from '../support/rpc-error-kind';
import { freeBalance, runtimeCall, tx } from '../support/typed-api';

/** One TAO in rao. */
export const TAO = 1_000_000_000n;

export interface ScenarioContext {
  readonly api: ApiPromise;
  readonly seal: Seal;
  /** Funded with at least 100 TAO; holds the sudo key. */
  readonly sudoAccount: KeyringPair;
  /** Funded with at least 100 TAO; not the sudo key. */
  readonly other: KeyringPair;
}

/** What the client saw, in chain-independent terms, so the devnet and the real runtime can be compared. */
export interface ScenarioObservations {
  readonly transfer: {
    readonly events: readonly string[];
    readonly quotedFee: bigint;
    readonly withdrawnFee: bigint | undefined;
    readonly paidFee: bigint | undefined;
    readonly senderDecrease: bigint;
    readonly receiverIncrease: bigint;
    readonly nonceAfter: number;
  };
  readonly insufficientBalance: { readonly error: string | undefined; readonly feeCharged: bigint };
  readonly staleNonce: InvalidKind | undefined;
  readonly tamperedSignature: InvalidKind | undefined;
  readonly noFunds: InvalidKind | undefined;
  /**
   * A fee-free call (`serve_axon` by a key that never held a rao and is registered nowhere): subtensor's
   * CheckNonce lets it in, the call fails at dispatch, and the nonce still counts.
   */
  readonly freeCallUnfunded: {
    readonly submission: InvalidKind | undefined;
    readonly error: string | undefined;
    readonly nonceAfter: number;
    readonly free: bigint;
    readonly paidFee: bigint | undefined;
  };
  readonly requireSudo: string | undefined;
  readonly sudo: { readonly events: readonly string[]; readonly sudid: string; readonly newBalance: bigint };
}

const free = freeBalance;

async function rejection(promise: Promise<unknown>): Promise<InvalidKind | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return invalidKind(error);
  }
}

/**
 * The client scenario run against the devnet and, when a chainspec is supplied, against the real runtime
 * under Chopsticks: a transfer (quoted fee vs. charged fee, events, balances, nonce), a transfer above the
 * balance, a stale nonce, a tampered signature, an unfunded signer, sudo by a non-sudo account, and sudo.
 * Nonces come from `AccountNonceApi` (`nonce: -1`), which both chains answer from the new head.
 */
export async function runBalancesScenario(context: ScenarioContext): Promise<ScenarioObservations> {
  const { api, seal, sudoAccount, other } = context;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const suffix = Date.now().toString(36);
  const poor = keyring.addFromUri(`//ScenarioPoor${suffix}`);
  const unfunded = keyring.addFromUri(`//ScenarioUnfunded${suffix}`);
  const unfundedHotkey = keyring.addFromUri(`//ScenarioUnfundedHotkey${suffix}`);
  const nonceArgs = { nonce: -1 };

  const amount = 2n * TAO;
  const transferTx = tx(api, 'balances', 'transferKeepAlive')(poor.address, amount);
  const quotedFee = (await transferTx.paymentInfo(sudoAccount)).partialFee.toBigInt();
  const [senderBefore, receiverBefore] = [await free(api, sudoAccount.address), await free(api, poor.address)];
  const transfer = await sendAndSeal(transferTx, sudoAccount, seal, nonceArgs);
  const [senderAfter, receiverAfter] = [await free(api, sudoAccount.address), await free(api, poor.address)];
  const nonceAfter = Number(
    (await runtimeCall(api, 'accountNonceApi', 'accountNonce')(sudoAccount.address)).toString(),
  );

  const poorBefore = await free(api, poor.address);
  const tooMuch = await sendAndSeal(
    tx(api, 'balances', 'transferAllowDeath')(other.address, 5n * TAO),
    poor,
    seal,
    nonceArgs,
  );
  const poorAfter = await free(api, poor.address);

  const staleNonce = await rejection(
    tx(api, 'balances', 'transferKeepAlive')(other.address, TAO).signAndSend(sudoAccount, { nonce: 0 }),
  );

  const signed = await tx(api, 'balances', 'transferKeepAlive')(other.address, TAO).signAsync(other, nonceArgs);
  const bytes = signed.toU8a();
  // Layout: compact length, version byte, MultiAddress::Id (1 + 32), MultiSignature (1 + 64), ...
  const [prefixLength] = compactFromU8a(bytes);
  const signatureByte = prefixLength + 1 + 33 + 1 + 10;
  bytes[signatureByte] = (bytes[signatureByte] ?? 0) ^ 0x01;
  const tamperedSignature = await rejection(api.rpc.author.submitExtrinsic(u8aToHex(bytes)));

  const noFunds = await rejection(tx(api, 'balances', 'transferKeepAlive')(other.address, TAO).signAndSend(unfunded));

  const freeCall = await freeCallFromUnfunded(context, unfundedHotkey);

  const notSudo = await sendAndSeal(
    tx(api, 'sudo', 'sudo')(tx(api, 'balances', 'forceSetBalance')(poor.address, 7n * TAO)),
    other,
    seal,
    nonceArgs,
  );

  const sudo = await sendAndSeal(
    tx(api, 'sudo', 'sudo')(tx(api, 'balances', 'forceSetBalance')(poor.address, 9n * TAO)),
    sudoAccount,
    seal,
    nonceArgs,
  );
  const sudid = sudo.events.find(({ event }) => event.section === 'sudo' && event.method === 'Sudid');

  return {
    transfer: {
      events: eventNames(transfer.events),
      quotedFee,
      withdrawnFee: eventField(transfer.events, 'balances.Withdraw', 1),
      paidFee: eventField(transfer.events, 'transactionPayment.TransactionFeePaid', 1),
      senderDecrease: senderBefore - senderAfter,
      receiverIncrease: receiverAfter - receiverBefore,
      nonceAfter,
    },
    insufficientBalance: {
      error: describeDispatchError(api, tooMuch.dispatchError),
      feeCharged: poorBefore - poorAfter,
    },
    staleNonce,
    tamperedSignature,
    noFunds,
    freeCallUnfunded: freeCall,
    requireSudo: describeDispatchError(api, notSudo.dispatchError),
    sudo: {
      events: eventNames(sudo.events),
      sudid: sudid ? JSON.stringify(sudid.event.data[0]?.toJSON()) : 'missing',
      newBalance: await free(api, poor.address),
    },
  };
}

/** A netuid no chain in these scenarios has: the call must fail at dispatch, not at submission. */
const ABSENT_NETUID = 4242;
const IP_198_51_100_10 = 3325256714;

async function freeCallFromUnfunded(
  context: ScenarioContext,
  hotkey: KeyringPair,
): Promise<ScenarioObservations['freeCallUnfunded']> {
  const { api, seal } = context;
  const serveAxon = tx(api, 'subtensorModule', 'serveAxon')(ABSENT_NETUID, 1, IP_198_51_100_10, 8091, 4, 4, 0, 0);
  let submission: InvalidKind | undefined;
  let error: string | undefined;
  let paidFee: bigint | undefined;
  try {
    const sealed = await sendAndSeal(serveAxon, hotkey, seal, { nonce: -1 });
    error = describeDispatchError(api, sealed.dispatchError);
    paidFee = eventField(sealed.events, 'transactionPayment.TransactionFeePaid', 1);
  } catch (caught) {
    submission = invalidKind(caught) ?? 'other';
  }
  const nonceAfter = Number((await runtimeCall(api, 'accountNonceApi', 'accountNonce')(hotkey.address)).toString());
  return { submission, error, nonceAfter, free: await free(api, hotkey.address), paidFee };
}

/** The expectations both chains must meet for the scenario (the devnet specs add exact ones). */
export function expectFaithfulObservations(observations: ScenarioObservations): void {
  const { transfer } = observations;
  expect(transfer.events).toEqual(
    expect.arrayContaining([
      'balances.Withdraw',
      'balances.Transfer',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]),
  );
  expect(transfer.quotedFee).toBeGreaterThan(0n);
  expect(transfer.withdrawnFee).toBe(transfer.quotedFee);
  expect(transfer.paidFee).toBe(transfer.quotedFee);
  expect(transfer.senderDecrease).toBe(2n * TAO + transfer.quotedFee);
  expect(transfer.receiverIncrease).toBe(2n * TAO);
  expect(transfer.nonceAfter).toBeGreaterThan(0);
  expect(observations.insufficientBalance.error).toBe('token.FundsUnavailable');
  expect(observations.insufficientBalance.feeCharged).toBeGreaterThan(0n);
  expect(observations.staleNonce).toBe('stale');
  expect(observations.tamperedSignature).toBe('badProof');
  expect(observations.noFunds).toBe('payment');
  expect(observations.freeCallUnfunded).toEqual({
    submission: undefined,
    error: 'subtensorModule.HotKeyNotRegisteredInNetwork',
    nonceAfter: 1,
    free: 0n,
    paidFee: 0n,
  });
  expect(observations.requireSudo).toBe('sudo.RequireSudo');
  expect(observations.sudo.events).toEqual(expect.arrayContaining(['sudo.Sudid', 'system.ExtrinsicSuccess']));
  expect(observations.sudo.sudid).toBe('{"ok":null}');
  expect(observations.sudo.newBalance).toBe(9n * TAO);
}
