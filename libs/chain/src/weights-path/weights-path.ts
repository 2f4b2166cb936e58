import type { bool, u16 } from '@polkadot/types';
import { bestBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';

/**
 * How weights reach the chain on a subnet (protocol.md §6.3–6.5): directly (`set_weights` /
 * `set_mechanism_weights`), as a hash commit revealed later by us (commit-reveal v2), or as a drand-timelocked
 * commit the chain reveals by itself (commit-reveal v3/v4).
 */
export type WeightsPathKind = 'direct' | 'hash-commit-reveal' | 'timelocked';

/** What the chain says about a subnet's weights path. */
export interface WeightsPathFacts {
  readonly netuid: number;
  /** `CommitRevealWeightsEnabled[netuid]`. */
  readonly commitRevealEnabled: boolean;
  /** `CommitRevealWeightsVersion` (4 on today's chain); null on runtimes without the item (hash commits only). */
  readonly commitRevealVersion: number | null;
  /** The runtime's timelocked commit extrinsic exists. */
  readonly hasTimelockedCommit: boolean;
}

/** The first commit-reveal version that is timelocked (CR v3; v4 adds the hotkey to the payload). */
const FIRST_TIMELOCKED_VERSION = 3;

/**
 * The path the chain requires: direct when commit-reveal is off; timelocked when the runtime declares a
 * timelocked commit-reveal version (≥ 3) and has the call; otherwise hash commit-reveal (runtimes from before
 * timelocked commits, such as the spec-224 devnet).
 */
export function chooseWeightsPath(facts: WeightsPathFacts): WeightsPathKind {
  if (!facts.commitRevealEnabled) {
    return 'direct';
  }
  if (
    facts.hasTimelockedCommit &&
    facts.commitRevealVersion !== null &&
    facts.commitRevealVersion >= FIRST_TIMELOCKED_VERSION
  ) {
    return 'timelocked';
  }
  return 'hash-commit-reveal';
}

/** Reads {@link WeightsPathFacts} at the best block (storage items and calls feature-detected from metadata). */
export async function readWeightsPathFacts(client: ChainClient, netuid: number): Promise<WeightsPathFacts> {
  return client.call(`weights path of subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    const hasVersion = client.features.hasStorage('subtensorModule', 'commitRevealWeightsVersion');
    const queries = [storageQuery(storageEntry(api, 'subtensorModule', 'commitRevealWeightsEnabled'), netuid)];
    if (hasVersion) {
      queries.push(storageQuery(storageEntry(api, 'subtensorModule', 'commitRevealWeightsVersion')));
    }
    const [enabled, version] = await queryStorageAt(api, block.hash, queries);
    return {
      netuid,
      commitRevealEnabled: (enabled as bool | undefined)?.isTrue ?? false,
      commitRevealVersion: hasVersion ? ((version as u16 | undefined)?.toNumber() ?? null) : null,
      hasTimelockedCommit: client.features.timelockedCommitCall() !== undefined,
    };
  });
}
