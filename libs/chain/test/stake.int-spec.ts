import { aliceOwnedGenesis, aliceStakedNeuron, devnetRuntimes, mineUntilSettled } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { addStakeCall, findEvent, readBalance, readColdkeyStakes, readHotkeyStake, removeStakeCall } from '../src';
import { useChainDevnet } from './support/chain-devnet';

const staker = Keypair.fromUri('//Staker');
const validator = Keypair.fromUri('//Alice//validator');
const ONE_TAO = 1_000_000_000n;
const OPEN = 1;

const genesis = aliceOwnedGenesis({
  balances: [['//Staker', '100000000000']],
  subnets: [{ netuid: OPEN, neurons: [aliceStakedNeuron('//Alice//validator', { validatorPermit: false })] }],
});

describe.each(devnetRuntimes())('staking against the devnet ($label)', ({ metadata }) => {
  const chain = useChainDevnet(genesis, metadata);

  const storageHas = async (item: string, ...keys: unknown[]): Promise<boolean> => {
    const entry = (chain.client.api.query.subtensorModule as unknown as Record<string, unknown>)[item] as
      { size(...args: unknown[]): Promise<{ toNumber(): number }> } | undefined;
    return entry !== undefined && (await entry.size(...keys)).toNumber() > 0;
  };

  it('stakes, charging the fee where the runtime charges one (424), and reads the position by both paths', async () => {
    const before = await readBalance(chain.client, staker.ss58Address);
    const hotkeyBefore = await readHotkeyStake(chain.client, validator.ss58Address, OPEN);
    const result = await mineUntilSettled(
      chain.devnet,
      chain.submitter.submit(addStakeCall(chain.client.api, validator.ss58Address, OPEN, 2n * ONE_TAO), staker, {
        waitFor: 'finalized',
      }),
    );
    const fee = result.feeRao ?? 0n;
    expect(fee > 0n).toBe(metadata !== undefined);
    const after = await readBalance(chain.client, staker.ss58Address, result.blockHash);
    expect(before.freeRao - after.freeRao).toBe(2n * ONE_TAO + fee);
    const added = findEvent(result, 'subtensorModule', 'StakeAdded');
    const alpha = BigInt(String(added?.[3]));
    expect(await readHotkeyStake(chain.client, validator.ss58Address, OPEN, result.blockHash)).toBe(
      hotkeyBefore + alpha,
    );

    const [fromDefault] = await readColdkeyStakes(chain.client, staker.ss58Address, result.blockHash);
    const [fromStorage] = await readColdkeyStakes(chain.client, staker.ss58Address, result.blockHash, {
      source: 'storage',
    });
    expect(fromStorage).toEqual(fromDefault);
    expect(fromStorage?.netuid).toBe(OPEN);
    // One share holder among the pool's others: its value is its alpha, give or take the pool's rounding.
    expect(Number((fromStorage?.stakeRao ?? 0n) - alpha)).toBeGreaterThanOrEqual(-1);
    expect((fromStorage?.stakeRao ?? 0n) <= alpha).toBe(true);
  });

  it('keeps shares where the runtime keeps them: AlphaV2 / TotalHotkeySharesV2 on 424, Alpha on 233', async () => {
    const keys = [validator.ss58Address, staker.ss58Address, OPEN];
    expect(await storageHas('alpha', ...keys)).toBe(metadata === undefined);
    expect(await storageHas('alphaV2', ...keys)).toBe(metadata !== undefined);
    expect(await storageHas('totalHotkeyShares', validator.ss58Address, OPEN)).toBe(metadata === undefined);
    expect(await storageHas('totalHotkeySharesV2', validator.ss58Address, OPEN)).toBe(metadata !== undefined);
  });

  it('unstakes everything: the position and its share entry are gone', async () => {
    const [position] = await readColdkeyStakes(chain.client, staker.ss58Address);
    await mineUntilSettled(
      chain.devnet,
      chain.submitter.submit(
        removeStakeCall(chain.client.api, validator.ss58Address, OPEN, position?.stakeRao ?? 0n),
        staker,
        {
          waitFor: 'finalized',
        },
      ),
    );
    expect(await readColdkeyStakes(chain.client, staker.ss58Address)).toEqual([]);
    expect(await readColdkeyStakes(chain.client, staker.ss58Address, undefined, { source: 'storage' })).toEqual([]);
    expect(
      await storageHas(metadata === undefined ? 'alpha' : 'alphaV2', validator.ss58Address, staker.ss58Address, OPEN),
    ).toBe(false);
  });
});
