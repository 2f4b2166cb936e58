import { METAGRAPH_FIELDS } from '@taonode/chain';
import type { Storage } from '../../state/storage';
import { subnetExists } from './chain-reads';
import { buildMetagraph, type MetagraphValue } from './metagraph';
import { runtimeApiRegistry } from './runtime-api-registry';

const VALIDATORS_INDEX = 72;
const COMMITMENTS_INDEX = 73;

/**
 * `get_selective_metagraph(netuid, indexes)` as subtensor HEAD answers it: only the requested fields are
 * `Some`, the rest `None`; `netuid` is always present and reads 0 (the root) unless index 0 is requested.
 * Index 72 lists the uids holding a validator permit with stake weight above `StakeThreshold`, ascending by
 * stake; index 73 (commitments) is empty, the devnet has no Commitments pallet.
 * `get_selective_mechagraph(netuid, 0, indexes)` answers the same but always fills `netuid`.
 */
export function buildSelectiveMetagraph(
  storage: Storage,
  netuid: number,
  indexes: readonly number[],
  alwaysNetuid = false,
): Record<string, unknown> | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const full = buildMetagraph(storage, netuid) as MetagraphValue;
  const result: Record<string, unknown> = { netuid: alwaysNetuid ? netuid : 0 };
  for (const index of indexes) {
    if (index === VALIDATORS_INDEX) {
      result.validators = validatorsByStake(full, storage);
      continue;
    }
    if (index === COMMITMENTS_INDEX) {
      result.commitments = [];
      continue;
    }
    const field = METAGRAPH_FIELDS[index];
    if (field !== undefined) {
      const [name] = field;
      // HEAD wraps the identity twice: Some(None) when the subnet has none. An explicit inner Option codec
      // makes the outer one Some.
      result[name] =
        name === 'identity'
          ? runtimeApiRegistry.createType(
              'Option<TaonodeSubnetIdentityV3>',
              full.identity === null ? null : withLogoUrl(full.identity),
            )
          : full[name];
    }
  }
  return result;
}

function validatorsByStake(full: MetagraphValue, storage: Storage): number[] {
  const threshold = BigInt(storage.get('subtensorModule', 'stakeThreshold').toString());
  const permits = full.validatorPermit as boolean[];
  const stakes = full.totalStake as bigint[];
  return permits
    .map((permitted, uid) => ({ permitted, uid, stake: stakes[uid] ?? 0n }))
    .filter((entry) => entry.permitted && entry.stake > threshold)
    .sort((a, b) => (a.stake < b.stake ? -1 : a.stake > b.stake ? 1 : a.uid - b.uid))
    .map((entry) => entry.uid);
}

/** SubnetIdentityV3 is V2 with a logo URL before `additional`. */
function withLogoUrl(identity: unknown): unknown {
  return { ...(identity as Record<string, unknown>), logoUrl: '0x' };
}
