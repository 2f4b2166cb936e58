import { bestNumber, startSubtensorDevnet, subtensorGenesis, TAO, type SubtensorDevnet } from './subtensor-support';

const IP_198_51_100_10 = 3325256714;
const LOCALHOST = 0x7f000001;

describe('SubtensorModule calls over @polkadot/api (devnet, spec-224 metadata)', () => {
  let chain: SubtensorDevnet;

  beforeAll(async () => {
    chain = await startSubtensorDevnet(
      subtensorGenesis(
        { servingRateLimit: 20, burn: '1000000', minBurn: '1000000' },
        // Poor holds less than the 0.001 TAO burn but more than the existential deposit.
        { balances: { '//Charlie//nobody': '1000000000', '//Bob//reg': '1000000000', '//Poor': '600000' } },
      ),
    );
  });

  afterAll(async () => {
    await chain?.stop();
  });

  const axon = (overrides: Partial<{ ip: number; port: number; ipType: number }> = {}) => {
    const { ip, port, ipType } = { ip: IP_198_51_100_10, port: 8091, ipType: 4, ...overrides };
    return chain.api.tx.subtensorModule.serveAxon(1, 1, ip, port, ipType, 4, 0, 0);
  };

  describe('burned_register', () => {
    it('registers a hotkey: burn charged, next uid, NeuronRegistered', async () => {
      const { api } = chain;
      const bob = chain.key('//Bob');
      const hot = chain.key('//Bob//reg');
      const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
      const result = await chain.send(api.tx.subtensorModule.burnedRegister(1, hot.address), bob);
      expect(result.error).toBeUndefined();
      expect(result.events).toEqual(expect.arrayContaining(['balances.Withdraw', 'subtensorModule.NeuronRegistered']));
      const uid = (await api.query.subtensorModule.uids(1, hot.address)).unwrap().toNumber();
      expect((await api.query.subtensorModule.keys(1, uid)).toString()).toBe(hot.address);
      const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
      expect(before - after).toBe(1_000_000n);
    });

    it('fails with HotKeyAlreadyRegisteredInSubNet, SubNetworkDoesNotExist and NotEnoughBalanceToStake', async () => {
      const { api } = chain;
      const bob = chain.key('//Bob');
      expect(
        (await chain.send(api.tx.subtensorModule.burnedRegister(1, chain.key('//Bob//reg').address), bob)).error,
      ).toBe('subtensorModule.HotKeyAlreadyRegisteredInSubNet');
      expect(
        (await chain.send(api.tx.subtensorModule.burnedRegister(42, chain.key('//Bob//x').address), bob)).error,
      ).toBe('subtensorModule.SubNetworkDoesNotExist');
      // burned_register pays no fee (Pays::No), so a coldkey below the burn reaches the balance check.
      const poor = chain.key('//Poor');
      expect(
        (await chain.send(api.tx.subtensorModule.burnedRegister(1, chain.key('//Poor//hot').address), poor)).error,
      ).toBe('subtensorModule.NotEnoughBalanceToStake');
    });
  });

  describe('serve_axon', () => {
    it('stores the axon and emits AxonServed', async () => {
      const { api } = chain;
      const hot = chain.key('//Alice//hot');
      const result = await chain.send(axon(), hot);
      expect(result).toEqual(
        expect.objectContaining({ events: expect.arrayContaining(['subtensorModule.AxonServed']), error: undefined }),
      );
      const stored = (await api.query.subtensorModule.axons(1, hot.address)).unwrap();
      expect(stored.ip.toNumber()).toBe(IP_198_51_100_10);
      expect(stored.port.toNumber()).toBe(8091);
      expect(stored.block.toNumber()).toBe(await bestNumber(api));
    });

    it('fails with InvalidIpAddress (127.0.0.1), InvalidIpType, InvalidPort, ServingRateLimitExceeded, not registered', async () => {
      const hot = chain.key('//Alice//hot');
      expect((await chain.send(axon({ ip: LOCALHOST }), hot)).error).toBe('subtensorModule.InvalidIpAddress');
      expect((await chain.send(axon({ ipType: 5 }), hot)).error).toBe('subtensorModule.InvalidIpType');
      // The rate limit is checked before the port, so the port check needs a hotkey that never served.
      expect((await chain.send(axon({ port: 0 }), chain.key('//Bob//reg'))).error).toBe('subtensorModule.InvalidPort');
      expect((await chain.send(axon(), hot)).error).toBe('subtensorModule.ServingRateLimitExceeded');
      expect((await chain.send(axon(), chain.key('//Charlie//nobody'))).error).toBe(
        'subtensorModule.HotKeyNotRegisteredInNetwork',
      );
    });

    it('serves prometheus', async () => {
      const result = await chain.send(
        chain.api.tx.subtensorModule.servePrometheus(1, 1, IP_198_51_100_10, 9100, 4),
        chain.key('//Alice//hot'),
      );
      expect(result).toEqual(
        expect.objectContaining({
          events: expect.arrayContaining(['subtensorModule.PrometheusServed']),
          error: undefined,
        }),
      );
    });
  });

  describe('add_stake and remove_stake', () => {
    it('stakes TAO into alpha and back, keeping pool and stake storage consistent', async () => {
      const { api } = chain;
      const charlie = chain.key('//Charlie');
      const hotkey = chain.key('//Alice//hot').address;
      const taoBefore = (await api.query.subtensorModule.subnetTAO(1)).toBigInt();
      const added = await chain.send(api.tx.subtensorModule.addStake(hotkey, 1, 10n * TAO), charlie);
      expect(added).toEqual(
        expect.objectContaining({ events: expect.arrayContaining(['subtensorModule.StakeAdded']), error: undefined }),
      );
      const alpha = added.fields('subtensorModule.StakeAdded')?.[3] ?? 0n;
      expect(alpha).toBeGreaterThan(0n);
      expect((await api.query.subtensorModule.totalHotkeyAlpha(hotkey, 1)).toBigInt()).toBeGreaterThanOrEqual(alpha);
      const shares = (await api.query.subtensorModule.alpha(hotkey, charlie.address, 1)) as unknown as {
        bits: { toBigInt(): bigint };
      };
      expect(shares.bits.toBigInt()).toBeGreaterThan(0n);
      expect((await api.query.subtensorModule.subnetTAO(1)).toBigInt()).toBeGreaterThanOrEqual(taoBefore + 10n * TAO);

      const removed = await chain.send(api.tx.subtensorModule.removeStake(hotkey, 1, alpha), charlie);
      expect(removed).toEqual(
        expect.objectContaining({
          events: expect.arrayContaining(['subtensorModule.StakeRemoved', 'balances.Deposit']),
          error: undefined,
        }),
      );
      expect(removed.fields('subtensorModule.StakeRemoved')?.[3]).toBe(alpha);
    });

    it('rejects a stake above the balance at the pool with SubtensorSignedExtension custom error 2', async () => {
      const dave = chain.key('//Dave');
      await expect(
        chain.send(chain.api.tx.subtensorModule.addStake(chain.key('//Alice//hot').address, 1, 5_000n * TAO), dave),
      ).rejects.toThrow(/1010.*Custom error: 2/);
    });
  });

  describe('register_network and AdminUtils', () => {
    it('registers subnet 2 owned by the signer', async () => {
      const { api } = chain;
      const result = await chain.send(
        api.tx.subtensorModule.registerNetwork(chain.key('//Bob//sn').address),
        chain.key('//Bob'),
      );
      expect(result).toEqual(
        expect.objectContaining({ events: expect.arrayContaining(['subtensorModule.NetworkAdded']), error: undefined }),
      );
      expect((await api.query.subtensorModule.subnetOwner(2)).toString()).toBe(chain.key('//Bob').address);
    });

    it('sets hyperparameters through sudo and refuses them from a non-owner', async () => {
      const { api } = chain;
      expect(await chain.sudo(api.tx.adminUtils.sudoSetTempo(1, 12))).toBe('Ok');
      expect((await api.query.subtensorModule.tempo(1)).toNumber()).toBe(12);
      expect(await chain.sudo(api.tx.adminUtils.sudoSetTempo(77, 12))).toBe('adminUtils.SubnetDoesNotExist');
      expect((await chain.send(api.tx.adminUtils.sudoSetServingRateLimit(1, 0), chain.key('//Charlie'))).error).toBe(
        'BadOrigin',
      );
    });
  });
});
