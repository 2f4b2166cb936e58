import { spec424MetadataFile } from '@taonode/testing';
import { devGenesis } from '../testing/dev-genesis';
import { describeOn424 } from '../testing/spec-424';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import {
  currentEpochWithLookahead,
  isEpochDue,
  MAX_TEMPO,
  nextEpochBlock,
  nextEpochStartBlock,
} from './epoch-schedule';

describe('should_run_epoch and get_next_epoch_start_block of spec 424', () => {
  const state = { tempo: 10, lastEpochBlock: 20, pendingEpochAt: 0, blocksSinceLastStep: 3 };

  it('is due a whole tempo after LastEpochBlock: the period is tempo, not tempo + 1', () => {
    expect(isEpochDue(state, 29)).toBe(false);
    expect(isEpochDue(state, 30)).toBe(true);
    expect(nextEpochStartBlock(state)).toBe(30);
  });

  it('is brought forward by PendingEpochAt and by the MAX_TEMPO safety net; tempo 0 never steps', () => {
    expect(isEpochDue({ ...state, pendingEpochAt: 25 }, 25)).toBe(true);
    expect(isEpochDue({ ...state, pendingEpochAt: 25 }, 24)).toBe(false);
    expect(nextEpochStartBlock({ ...state, pendingEpochAt: 25 })).toBe(25);
    expect(nextEpochStartBlock({ ...state, pendingEpochAt: 35 })).toBe(30);
    expect(isEpochDue({ ...state, blocksSinceLastStep: MAX_TEMPO + 1 }, 21)).toBe(true);
    expect(isEpochDue({ ...state, tempo: 0 }, 1000)).toBe(false);
    expect(nextEpochStartBlock({ ...state, tempo: 0 })).toBeUndefined();
  });
});

describeOn424('the stateful epoch scheduler', spec424MetadataFile(), (runtime) => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const num = (item: string, ...keys: unknown[]): number => Number(chain.get(item, ...keys).toString());

  /** Three genesis subnets with tempo 10, all anchored at block 0, so all are due at block 10. */
  const threeSubnets = (): Parameters<typeof SubtensorTestChain.create>[0] => {
    const base = devGenesis(accounts).subnets[0];
    if (base === undefined) {
      throw new Error('dev genesis has subnet 1');
    }
    return {
      subnets: [1, 2, 3].map((netuid) => ({
        ...base,
        netuid,
        ownerHotkey: accounts.address(`alice/owner${netuid}`),
      })),
    };
  };

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(threeSubnets(), {}, runtime());
  });

  it('runs subnet 1 every tempo blocks from LastEpochBlock, counting SubnetEpochIndex and BlocksSinceLastStep', () => {
    chain.advanceTo(9);
    expect(num('subnetEpochIndex', 1)).toBe(0);
    expect(num('blocksSinceLastStep', 1)).toBe(9);
    expect(nextEpochBlock(chain.storage, 1, 9)).toBe(10);
    chain.advanceTo(10);
    expect(num('subnetEpochIndex', 1)).toBe(1);
    expect(num('lastEpochBlock', 1)).toBe(10);
    expect(num('blocksSinceLastStep', 1)).toBe(0);
    expect(num('lastMechansimStepBlock', 1)).toBe(10);
    chain.advanceTo(20);
    expect(num('subnetEpochIndex', 1)).toBe(2);
    expect(num('lastEpochBlock', 1)).toBe(20);
  });

  it('runs at most MaxEpochsPerBlock (2) epochs per block and defers the third to the next block', () => {
    chain.advanceTo(9);
    chain.events = [];
    chain.advanceTo(10);
    expect([1, 2, 3].map((netuid) => num('subnetEpochIndex', netuid))).toEqual([1, 1, 0]);
    expect(num('pendingEpochAt', 3)).toBe(11);
    const deferred = chain.events.filter((event) => event.event === 'EpochDeferred');
    expect(deferred.map((event) => event.fields)).toEqual([[3, 10, 11]]);
    // Deferred, not advanced: the lookahead counts the epoch that has not run yet.
    expect(currentEpochWithLookahead(chain.storage, 3, 10)).toBe(1);

    chain.advanceTo(11);
    expect(num('subnetEpochIndex', 3)).toBe(1);
    expect(num('lastEpochBlock', 3)).toBe(11);
    expect(num('pendingEpochAt', 3)).toBe(0);
    // The deferred subnet's schedule is anchored on the block it ran: next at 21, the others at 20.
    expect(nextEpochBlock(chain.storage, 3, 11)).toBe(21);
    expect(nextEpochBlock(chain.storage, 1, 11)).toBe(20);
  });

  it('fires a pending (triggered) epoch at PendingEpochAt and re-anchors the period there', () => {
    chain.storage.set('subtensorModule', 'pendingEpochAt', [1], 5);
    chain.advanceTo(5);
    expect(num('subnetEpochIndex', 1)).toBe(1);
    expect(num('lastEpochBlock', 1)).toBe(5);
    expect(num('pendingEpochAt', 1)).toBe(0);
    chain.advanceTo(14);
    expect(num('subnetEpochIndex', 1)).toBe(1);
    chain.advanceTo(15);
    expect(num('subnetEpochIndex', 1)).toBe(2);
  });

  it('staggers a subnet made by register_network: LastEpochBlock = now − netuid % tempo, tempo from the metadata', async () => {
    chain = await SubtensorTestChain.create(
      devGenesis(accounts),
      { [accounts.address('bob')]: 5_000n * 10n ** 9n },
      runtime(),
    );
    chain.advanceTo(7);
    expect(
      chain.call(chain.signed('bob'), 'subtensorModule', 'registerNetwork', { hotkey: chain.address('bob/sn') }),
    ).toEqual({
      ok: true,
    });
    expect(num('tempo', 2)).toBe(360);
    expect(num('lastEpochBlock', 2)).toBe(5);
    expect(nextEpochBlock(chain.storage, 2, 7)).toBe(365);
  });
});
