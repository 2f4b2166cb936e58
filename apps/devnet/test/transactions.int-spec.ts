import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { u64 } from '@polkadot/types';
import type { RuntimeDispatchInfo } from '@polkadot/types/interfaces';
import { bnToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { TAO } from './scenarios/balances.scenario';
import { describeDispatchError, eventField, eventNames, sendAndSeal } from './support/chain-client';
import { startDevnetFixture, type DevnetFixture } from './support/devnet-fixture';
import { accountInfo, constant, runtimeCall, storageKey, systemEvents, tx } from './support/typed-api';

/** The substrate texts, as @polkadot/api formats `1010` errors. */
const BAD_SIGNATURE = '1010: Invalid Transaction: Transaction has a bad signature';
const OUTDATED = '1010: Invalid Transaction: Transaction is outdated';
const ANCIENT = '1010: Invalid Transaction: Transaction has an ancient birth block';

describe('devnet transactions', () => {
  let fixture: DevnetFixture;
  let accountIndex = 0;

  /** A new account funded from Alice with `amount`. */
  async function funded(amount: bigint): Promise<KeyringPair> {
    accountIndex += 1;
    const account = fixture.keyring.addFromUri(`//TransactionsSpec${accountIndex}`);
    await sendAndSeal(
      tx(fixture.api, 'balances', 'transferKeepAlive')(account.address, amount),
      fixture.accounts.alice,
      fixture.seal,
    );
    return account;
  }

  async function free(address: string): Promise<bigint> {
    return BigInt((await accountInfo(fixture.api, address)).data.free.toString());
  }

  async function nonce(address: string): Promise<number> {
    return (await accountInfo(fixture.api, address)).nonce.toNumber();
  }

  beforeAll(async () => {
    fixture = await startDevnetFixture();
  });

  afterAll(() => fixture.stop());

  it('charges the fee TransactionPaymentApi quotes, split as base + length + weight', async () => {
    const { api, accounts } = fixture;
    const extrinsic = await tx(
      api,
      'balances',
      'transferKeepAlive',
    )(accounts.bob.address, TAO).signAsync(accounts.alice);
    const quoted = (
      await runtimeCall<RuntimeDispatchInfo>(
        api,
        'transactionPaymentApi',
        'queryInfo',
      )(extrinsic.toHex(), extrinsic.encodedLength)
    ).partialFee.toBigInt();
    // FeeDetails<u64> as the runtime encodes it (the client's default Balance is u128, so decode by hand).
    const raw = await api.rpc.state.call(
      'TransactionPaymentApi_query_fee_details',
      // Hex, not a Uint8Array: @polkadot/api reads a Uint8Array given for `Bytes` as already length-prefixed.
      u8aToHex(u8aConcat(extrinsic.toU8a(), bnToU8a(extrinsic.encodedLength, { bitLength: 32 }))),
    );
    const [inclusion] = api.registry.createType('(Option<(u64,u64,u64)>,u64)', raw.toU8a(true)) as unknown as [
      { unwrap(): [{ toBigInt(): bigint }, { toBigInt(): bigint }, { toBigInt(): bigint }] },
    ];
    const [baseFee, lenFee, weightFee] = inclusion.unwrap().map((part) => part.toBigInt());
    expect(lenFee).toBe(BigInt(extrinsic.encodedLength));
    expect((baseFee ?? 0n) + (lenFee ?? 0n) + (weightFee ?? 0n)).toBe(quoted);

    const before = await free(accounts.alice.address);
    const sealed = await new Promise<string>((resolve, reject) => {
      extrinsic
        .send((result) => {
          if (result.status.isReady) {
            fixture.seal().catch(reject);
          }
          // InBlock or Finalized, whichever the client reports first: @polkadot/api drops InBlock (switchMap) when
          // the finalized notification arrives before it has fetched the block's events, as on a busy machine.
          if (result.status.isInBlock) {
            resolve(result.status.asInBlock.toHex());
          } else if (result.status.isFinalized) {
            resolve(result.status.asFinalized.toHex());
          }
        })
        .catch(reject);
    });
    const events = await systemEvents(await api.at(sealed));
    expect(eventField(events, 'transactionPayment.TransactionFeePaid', 1)).toBe(quoted);
    expect(before - (await free(accounts.alice.address))).toBe(TAO + quoted);
  });

  it('fails a transfer above the balance with Token(FundsUnavailable), still charging fee and nonce', async () => {
    const poor = await funded(TAO);
    const result = await sendAndSeal(
      tx(fixture.api, 'balances', 'transferAllowDeath')(fixture.accounts.bob.address, 5n * TAO),
      poor,
      fixture.seal,
    );
    expect(describeDispatchError(fixture.api, result.dispatchError)).toBe('token.FundsUnavailable');
    expect(eventNames(result.events)).toEqual([
      'balances.Withdraw',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicFailed',
    ]);
    expect(await free(poor.address)).toBe(TAO - (eventField(result.events, 'balances.Withdraw', 1) ?? 0n));
    expect(await nonce(poor.address)).toBe(1);
  });

  it('fails a keep-alive transfer that would reap the sender with Token(NotExpendable)', async () => {
    const account = await funded(TAO);
    const probe = tx(fixture.api, 'balances', 'transferKeepAlive')(fixture.accounts.bob.address, TAO);
    const fee = (await probe.paymentInfo(account)).partialFee.toBigInt();
    // Leaves 100 rao after fee and transfer: below the existential deposit.
    const extrinsic = tx(fixture.api, 'balances', 'transferKeepAlive')(fixture.accounts.bob.address, TAO - fee - 100n);
    const result = await sendAndSeal(extrinsic, account, fixture.seal);
    expect(describeDispatchError(fixture.api, result.dispatchError)).toBe('token.NotExpendable');
  });

  it('fails creating an account below the existential deposit with Token(BelowMinimum)', async () => {
    const nobody = fixture.keyring.addFromUri('//BelowMinimumTarget');
    const existentialDeposit = constant<u64>(fixture.api, 'balances', 'existentialDeposit').toBigInt();
    const extrinsic = tx(fixture.api, 'balances', 'transferAllowDeath')(nobody.address, existentialDeposit - 1n);
    const result = await sendAndSeal(extrinsic, fixture.accounts.alice, fixture.seal);
    expect(describeDispatchError(fixture.api, result.dispatchError)).toBe('token.BelowMinimum');
  });

  it('reaps an account emptied by transfer_all, dust and nonce included', async () => {
    const account = await funded(TAO);
    const result = await sendAndSeal(
      tx(fixture.api, 'balances', 'transferAll')(fixture.accounts.bob.address, false),
      account,
      fixture.seal,
    );
    expect(eventNames(result.events)).toEqual([
      'balances.Withdraw',
      'system.KilledAccount',
      'balances.Transfer',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
    const key = storageKey(fixture.api, 'system', 'account', account.address);
    expect((await fixture.api.rpc.state.getStorage(key))?.toString()).toBe('');
    expect(await nonce(account.address)).toBe(0);
  });

  it('accepts ed25519 and ecdsa signers as well as sr25519 ones', async () => {
    const { api, seal } = fixture;
    for (const type of ['ed25519', 'ecdsa'] as const) {
      const signer = new Keyring({ type, ss58Format: 42 }).addFromUri(`//${type}Signer`);
      await sendAndSeal(tx(api, 'balances', 'transferKeepAlive')(signer.address, TAO), fixture.accounts.alice, seal);
      const result = await sendAndSeal(
        tx(api, 'balances', 'transferKeepAlive')(fixture.accounts.bob.address, 1n),
        signer,
        seal,
      );
      expect(eventNames(result.events)).toContain('system.ExtrinsicSuccess');
      expect(await nonce(signer.address)).toBe(1);
    }
  });

  it('dry-runs transactions without changing state (system_dryRun)', async () => {
    const { api, accounts } = fixture;
    const before = await nonce(accounts.dave.address);
    const ok = await tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, TAO).dryRun(accounts.dave);
    expect(ok.isOk && ok.asOk.isOk).toBe(true);
    const failing = await tx(
      api,
      'balances',
      'transferKeepAlive',
    )(accounts.bob.address, 100_000n * TAO).dryRun(accounts.dave);
    // Token variant 0 = FundsUnavailable; the client decodes ApplyExtrinsicResult with @polkadot/types' older
    // TokenError enum, which names index 0 NoFunds (the same happens against a real node).
    expect(failing.isOk && failing.asOk.isErr && failing.asOk.asErr.isToken && failing.asOk.asErr.asToken.index).toBe(
      0,
    );
    const stale = await tx(
      api,
      'balances',
      'transferKeepAlive',
    )(accounts.bob.address, 1n).dryRun(accounts.alice, { nonce: 0 });
    expect(stale.isErr && stale.asErr.isInvalid && stale.asErr.asInvalid.type).toBe('Stale');
    expect(await nonce(accounts.dave.address)).toBe(before);
  });

  it('rejects a stale nonce as outdated', async () => {
    const { api, accounts } = fixture;
    await expect(
      tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n).signAndSend(accounts.alice, { nonce: 0 }),
    ).rejects.toThrow(OUTDATED);
  });

  it('pools a future nonce, readies it when the gap is filled, and includes both', async () => {
    const { api, accounts, seal } = fixture;
    const charlie = accounts.charlie;
    const current = await nonce(charlie.address);
    const statuses: string[] = [];
    const later = await tx(
      api,
      'balances',
      'transferKeepAlive',
    )(accounts.bob.address, 1n).signAsync(charlie, {
      nonce: current + 1,
    });
    let onPooled: () => void = () => undefined;
    const pooled = new Promise<void>((resolve) => (onPooled = resolve));
    // The raw subscription, as the devnet sends it: the submittable's own callback would fetch each block's events
    // first and drop InBlock (switchMap) if Finalized arrived meanwhile, which a busy machine makes happen.
    const finalized = new Promise<void>((resolve, reject) => {
      api.rpc.author
        .submitAndWatchExtrinsic(later, (status) => {
          statuses.push(status.type);
          onPooled();
          if (status.isFinalized) {
            resolve();
          }
        })
        .catch(reject);
    });
    await pooled;
    await seal();
    expect(await nonce(charlie.address)).toBe(current);
    expect(statuses).toEqual(['Future']);
    expect((await api.rpc.author.pendingExtrinsics()).map((xt) => xt.hash.toHex())).toContain(later.hash.toHex());
    expect((await api.rpc.system.accountNextIndex(charlie.address)).toNumber()).toBe(current);
    await sendAndSeal(tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n), charlie, seal, {
      nonce: current,
    });
    await finalized;
    expect(await nonce(charlie.address)).toBe(current + 2);
    expect(statuses).toEqual(['Future', 'Ready', 'InBlock', 'Finalized']);
  });

  it('rejects tampered signature bytes as a bad signature', async () => {
    const { api, accounts } = fixture;
    const signed = await tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n).signAsync(accounts.dave);
    const hex = signed.toHex();
    // Flip a bit in the last byte of the 64-byte signature, which ends 4+ bytes before the era and call.
    const bytes = signed.toU8a();
    const signatureEnd = bytes.length - signed.method.encodedLength - 4;
    bytes[signatureEnd - 1] = (bytes[signatureEnd - 1] ?? 0) ^ 0x80;
    expect(u8aToHex(bytes)).not.toBe(hex);
    await expect(api.rpc.author.submitExtrinsic(u8aToHex(bytes))).rejects.toThrow(BAD_SIGNATURE);
  });

  it('rejects a transaction signed for another genesis or spec version as a bad signature', async () => {
    const { api, accounts } = fixture;
    /** Signs an immortal transfer with explicit implicit data, as a client on another chain would. */
    const signFor = async (genesisHash: string, specVersion: number): Promise<string> => {
      const extrinsic = api.registry.createType(
        'Extrinsic',
        tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n),
      );
      extrinsic.sign(accounts.dave, {
        blockHash: genesisHash,
        genesisHash,
        nonce: (await accountInfo(api, accounts.dave.address)).nonce,
        runtimeVersion: { specVersion, transactionVersion: api.runtimeVersion.transactionVersion },
        signedExtensions: api.registry.signedExtensions,
      } as never);
      return extrinsic.toHex();
    };
    const specVersion = api.runtimeVersion.specVersion.toNumber();
    // Control: with this chain's genesis and spec the same construction is accepted.
    const valid = await signFor(api.genesisHash.toHex(), specVersion);
    expect((await api.rpc.author.submitExtrinsic(valid)).toHex()).toMatch(/^0x[0-9a-f]{64}$/);
    await fixture.seal();
    await expect(
      api.rpc.author.submitExtrinsic(await signFor(blake2AsHex('another chain', 256), specVersion)),
    ).rejects.toThrow(BAD_SIGNATURE);
    await expect(
      api.rpc.author.submitExtrinsic(await signFor(api.genesisHash.toHex(), specVersion + 1)),
    ).rejects.toThrow(BAD_SIGNATURE);
  });

  it('rejects an expired mortal transaction (its era points at another block now) as a bad signature', async () => {
    const { api, accounts, devnet } = fixture;
    const head = await api.rpc.chain.getHeader();
    const era = api.registry.createType('ExtrinsicEra', { current: head.number.toNumber(), period: 4 });
    const signed = await tx(
      api,
      'balances',
      'transferKeepAlive',
    )(accounts.bob.address, 1n).signAsync(accounts.eve, {
      era,
      blockHash: head.hash,
    });
    await devnet.newBlock(8);
    await expect(api.rpc.author.submitExtrinsic(signed.toHex())).rejects.toThrow(BAD_SIGNATURE);
  });

  it('rejects an era whose birth block does not exist as an ancient birth block', async () => {
    const { api, accounts } = fixture;
    const head = await api.rpc.chain.getHeader();
    const era = api.registry.createType('ExtrinsicEra', { current: head.number.toNumber() + 40, period: 64 });
    await expect(
      tx(
        api,
        'balances',
        'transferKeepAlive',
      )(accounts.bob.address, 1n).signAndSend(accounts.eve, { era, blockHash: head.hash }),
    ).rejects.toThrow(ANCIENT);
  });

  it('rejects a signer that cannot pay the fee', async () => {
    const { api, accounts, keyring } = fixture;
    const broke = keyring.addFromUri('//NeverFunded');
    await expect(tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n).signAndSend(broke)).rejects.toThrow(
      '1010: Invalid Transaction: Inability to pay some fees',
    );
  });

  it('rejects the same transaction twice as already imported', async () => {
    const { api, accounts } = fixture;
    const signed = await tx(api, 'balances', 'transferKeepAlive')(accounts.bob.address, 1n).signAsync(accounts.ferdie);
    await api.rpc.author.submitExtrinsic(signed.toHex());
    await expect(api.rpc.author.submitExtrinsic(signed.toHex())).rejects.toThrow('1013: Transaction Already Imported');
    await fixture.seal();
  });

  it('emits Remarked with the blake2-256 of the remark', async () => {
    const { api, accounts, seal } = fixture;
    const result = await sendAndSeal(tx(api, 'system', 'remarkWithEvent')('hello taonode'), accounts.bob, seal);
    const remarked = result.events.find(({ event }) => event.method === 'Remarked');
    expect(remarked?.event.data[1]?.toHex()).toBe(blake2AsHex('hello taonode', 256));
  });

  describe('sudo and utility', () => {
    const sudoCall = (inner: SubmittableExtrinsic<'promise'>) => tx(fixture.api, 'sudo', 'sudo')(inner);

    it('reports an inner failure in Sudid while the sudo call itself succeeds', async () => {
      const { api, accounts, seal } = fixture;
      const inner = tx(api, 'balances', 'forceTransfer')(accounts.dave.address, accounts.bob.address, 10_000n * TAO);
      const result = await sendAndSeal(sudoCall(inner), accounts.alice, seal);
      expect(result.dispatchError).toBeUndefined();
      const sudid = result.events.find(({ event }) => event.method === 'Sudid');
      expect(sudid?.event.data[0]?.toJSON()).toEqual({ err: { token: 'FundsUnavailable' } });
    });

    it('refuses force calls without sudo with BadOrigin', async () => {
      const { api, accounts, seal } = fixture;
      const result = await sendAndSeal(
        tx(api, 'balances', 'forceSetBalance')(accounts.bob.address, TAO),
        accounts.bob,
        seal,
      );
      expect(describeDispatchError(api, result.dispatchError)).toBe('BadOrigin');
    });

    it('stops a batch at the first failing call and rolls back a failing batch_all entirely', async () => {
      const { api, accounts, seal, keyring } = fixture;
      const target = keyring.addFromUri('//BatchTarget').address;
      const ok = tx(api, 'balances', 'transferKeepAlive')(target, TAO);
      // More than Bob holds, less than the total issuance (which would be Arithmetic(Underflow) first).
      const failing = tx(api, 'balances', 'transferKeepAlive')(target, 2_000_000n * TAO);
      const batch = await sendAndSeal(tx(api, 'utility', 'batch')([ok, failing, ok]), accounts.bob, seal);
      expect(eventNames(batch.events).filter((name) => name.startsWith('utility.'))).toEqual([
        'utility.ItemCompleted',
        'utility.BatchInterrupted',
      ]);
      expect(await free(target)).toBe(TAO);
      const all = await sendAndSeal(tx(api, 'utility', 'batchAll')([ok, failing]), accounts.bob, seal);
      expect(describeDispatchError(api, all.dispatchError)).toBe('token.FundsUnavailable');
      expect(await free(target)).toBe(TAO);
    });
  });
});
