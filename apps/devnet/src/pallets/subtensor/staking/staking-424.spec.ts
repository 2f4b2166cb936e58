import { spec424MetadataFile } from '@taonode/testing';
import { readMetadataFile } from '../../../runtime/metadata-source';
import { runtimeMetadataFromBytes } from '../../../runtime/runtime-metadata';
import { devGenesis, TAO } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

const spec424 = spec424MetadataFile();

(spec424 === undefined ? describe.skip : describe)(
  'add_stake on spec 424 metadata (skipped without the fixture)',
  () => {
    const accounts = new DevAccounts();
    let chain: SubtensorTestChain;
    let ownerHot: string;
    const addStake = (amountStaked: bigint) =>
      chain.call(chain.signed('bob'), 'subtensorModule', 'addStake', { hotkey: ownerHot, netuid: 1, amountStaked });

    beforeEach(async () => {
      const runtime = runtimeMetadataFromBytes(readMetadataFile(spec424 ?? ''));
      chain = await SubtensorTestChain.create(devGenesis(accounts), { [accounts.address('bob')]: 100n * TAO }, runtime);
      ownerHot = chain.address('alice/owner');
    });

    it('needs the metadata InitialMinStake (2,000,000 rao) plus the fee', () => {
      expect(addStake(2_049_999n)).toEqual({ ok: false, error: 'subtensorModule.AmountTooLow' });
      expect(addStake(2_050_000n)).toEqual({ ok: true });
      const added = chain.events.find((event) => event.event === 'StakeAdded');
      // Spec 424's StakeAdded carries the fee as its sixth field.
      expect(added?.fields).toHaveLength(6);
      expect(added?.fields[5]).toBe(50_000n);
    });

    it('refuses more than 1000 × SubnetTAO on a dynamic subnet before any other check', () => {
      chain.storage.set('subtensorModule', 'subnetTAO', [1], 1_000_000n);
      expect(addStake(TAO + 1n)).toEqual({ ok: false, error: 'subtensorModule.InsufficientLiquidity' });
      expect(addStake(TAO)).toEqual({ ok: true });
    });
  },
);
