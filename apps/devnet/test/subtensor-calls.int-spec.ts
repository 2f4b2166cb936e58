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
    return chain.tx('subtensorModule', 'serveAxon', 1, 1, ip, port, ipType, 4, 0, 0);
  };

  describe('burned_register', () => {
    it('registers a hotkey: burn charged, next uid, NeuronRegistered', async () => {
      const bob = chain.key('//Bob');
      const hot = chain.key('//Bob//reg');
      const before = await chain.free(bob.address);
      const result = await chain.send(chain.tx('subtensorModule', 'burnedRegister', 1, hot.address), bob);
      expect(result.error).toBeUndefined();
      expect(result.events).toEqual(
        expect.arrayContaining(['balances.Withdraw', 'subtensorModule.NeuronRegistered']) as unknown,
      );
      const uid = await chain.big('subtensorModule', 'uids', 1, hot.address);
      expect(await chain.json('subtensorModule', 'keys', 1, uid)).toBe(hot.address);
      const after = await chain.free(bob.address);
      expect(before - after).toBe(1_000_000n);
    });

    it('fails with HotKeyAlreadyRegisteredInSubNet, SubNetworkDoesNotExist and NotEnoughBalanceToStake', async () => {
      const bob = chain.key('//Bob');
      expect(
        (await chain.send(chain.tx('subtensorModule', 'burnedRegister', 1, chain.key('//Bob//reg').address), bob))
          .error,
      ).toBe('subtensorModule.HotKeyAlreadyRegisteredInSubNet');
      expect(
        (await chain.send(chain.tx('subtensorModule', 'burnedRegister', 42, chain.key('//Bob//x').address), bob)).error,
      ).toBe('subtensorModule.SubNetworkDoesNotExist');
      // burned_register pays no fee (Pays::No), so a coldkey below the burn reaches the balance check.
      const poor = chain.key('//Poor');
      expect(
        (await chain.send(chain.tx('subtensorModule', 'burnedRegister', 1, chain.key('//Poor//hot').address), poor))
          .error,
      ).toBe('subtensorModule.NotEnoughBalanceToStake');
    });
  });

  describe('serve_axon', () => {
    it('stores the axon and emits AxonServed', async () => {
      const { api } = chain;
      const hot = chain.key('//Alice//hot');
      const result = await chain.send(axon(), hot);
      expect(result.error).toBeUndefined();
      expect(result.events).toEqual(expect.arrayContaining(['subtensorModule.AxonServed']) as unknown);
      const stored = (await chain.json('subtensorModule', 'axons', 1, hot.address)) as Record<string, number>;
      expect(stored).toEqual({
        block: await bestNumber(api),
        version: 1,
        ip: IP_198_51_100_10,
        port: 8091,
        ipType: 4,
        protocol: 4,
        placeholder1: 0,
        placeholder2: 0,
      });
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
        chain.tx('subtensorModule', 'servePrometheus', 1, 1, IP_198_51_100_10, 9100, 4),
        chain.key('//Alice//hot'),
      );
      expect(result.error).toBeUndefined();
      expect(result.events).toEqual(expect.arrayContaining(['subtensorModule.PrometheusServed']) as unknown);
    });
  });

  describe('add_stake and remove_stake', () => {
    it('stakes TAO into alpha and back, keeping pool and stake storage consistent', async () => {
      const charlie = chain.key('//Charlie');
      const hotkey = chain.key('//Alice//hot').address;
      const taoBefore = (await chain.big('subtensorModule', 'subnetTAO', 1)) ?? 0n;
      const added = await chain.send(chain.tx('subtensorModule', 'addStake', hotkey, 1, 10n * TAO), charlie);
      expect(added.error).toBeUndefined();
      expect(added.events).toEqual(expect.arrayContaining(['subtensorModule.StakeAdded']) as unknown);
      const alpha = added.fields('subtensorModule.StakeAdded')?.[3] ?? 0n;
      expect(alpha).toBeGreaterThan(0n);
      expect(await chain.big('subtensorModule', 'totalHotkeyAlpha', hotkey, 1)).toBeGreaterThanOrEqual(alpha as bigint);
      const shares = (await chain.json('subtensorModule', 'alpha', hotkey, charlie.address, 1)) as {
        bits: number | string;
      };
      expect(BigInt(shares.bits)).toBeGreaterThan(0n);
      expect(await chain.big('subtensorModule', 'subnetTAO', 1)).toBeGreaterThanOrEqual(taoBefore + 10n * TAO);

      const removed = await chain.send(chain.tx('subtensorModule', 'removeStake', hotkey, 1, alpha), charlie);
      expect(removed.error).toBeUndefined();
      expect(removed.events).toEqual(
        expect.arrayContaining(['subtensorModule.StakeRemoved', 'balances.Deposit']) as unknown,
      );
      expect(removed.fields('subtensorModule.StakeRemoved')?.[3]).toBe(alpha);
    });

    it('rejects a stake above the balance at the pool with SubtensorSignedExtension custom error 2', async () => {
      const dave = chain.key('//Dave');
      await expect(
        chain.send(chain.tx('subtensorModule', 'addStake', chain.key('//Alice//hot').address, 1, 5_000n * TAO), dave),
      ).rejects.toThrow(/1010.*Custom error: 2/);
    });
  });

  describe('register_network and AdminUtils', () => {
    it('registers subnet 2 owned by the signer', async () => {
      const result = await chain.send(
        chain.tx('subtensorModule', 'registerNetwork', chain.key('//Bob//sn').address),
        chain.key('//Bob'),
      );
      expect(result.error).toBeUndefined();
      expect(result.events).toEqual(expect.arrayContaining(['subtensorModule.NetworkAdded']) as unknown);
      expect(await chain.json('subtensorModule', 'subnetOwner', 2)).toBe(chain.key('//Bob').address);
    });

    it('sets hyperparameters through sudo and refuses them from a non-owner', async () => {
      expect(await chain.sudo(chain.tx('adminUtils', 'sudoSetTempo', 1, 12))).toBe('Ok');
      expect(await chain.json('subtensorModule', 'tempo', 1)).toBe(12);
      expect(await chain.sudo(chain.tx('adminUtils', 'sudoSetTempo', 77, 12))).toBe('adminUtils.SubnetDoesNotExist');
      expect(
        (await chain.send(chain.tx('adminUtils', 'sudoSetServingRateLimit', 1, 0), chain.key('//Charlie'))).error,
      ).toBe('BadOrigin');
    });
  });
});
