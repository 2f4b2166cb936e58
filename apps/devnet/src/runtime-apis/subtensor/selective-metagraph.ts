import { METAGRAPH_FIELDS } from '@taonode/chain';
import type { Storage } from '../../state/storage';
import { subnetExists } from './chain-reads';
import { buildMetagraph, type MetagraphValue } from './metagraph';
import { runtimeApiRegistry } from './runtime-api-registry';

const VALIDATORS_INDEX = 72;
const COMMITMENTS_INDEX = 73;

/**
 * What `get_selective_metagraph(netuid, indexes)` answers before encoding: the whole metagraph (plus
 * `validators` and `commitments`), which indexes were requested, and the `netuid` field's value. Index `i` is
 * the i-th field of the `SelectiveMetagraph` layout, so the encoder maps it to a name through the layout it
 * encodes with (the metadata's own, or ours on V14).
 */
export class MetagraphSelection {
  constructor(
    readonly netuid: number,
    readonly requested: ReadonlySet<number>,
    readonly values: Readonly<Record<string, unknown>>,
  ) {}
}

/**
 * `get_selective_metagraph(netuid, indexes)` as subtensor answers it: only the requested fields are `Some`;
 * `netuid` reads 0 (the root) unless index 0 is requested (`get_selective_mechagraph(netuid, 0, …)` always fills
 * it). Index 72 lists the uids holding a validator permit with stake weight above `StakeThreshold`, ascending
 * by stake; index 73 (commitments) is empty, the devnet has no Commitments pallet. Unknown indexes are ignored.
 */
export function selectMetagraph(
  storage: Storage,
  netuid: number,
  indexes: readonly number[],
  alwaysNetuid = false,
): MetagraphSelection | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const full = buildMetagraph(storage, netuid) as MetagraphValue;
  const requested = new Set(indexes);
  return new MetagraphSelection(alwaysNetuid || requested.has(0) ? netuid : 0, requested, {
    ...full,
    validators: validatorsByStake(full, storage),
    commitments: [],
  });
}

/** The selection in our own `TaonodeSelectiveMetagraph` layout (V14 metadata, which types no runtime API). */
export function selectiveMetagraphObject(selection: MetagraphSelection | null): Record<string, unknown> | null {
  if (selection === null) {
    return null;
  }
  const result: Record<string, unknown> = { netuid: selection.netuid };
  for (const index of selection.requested) {
    const name =
      index === VALIDATORS_INDEX
        ? 'validators'
        : index === COMMITMENTS_INDEX
          ? 'commitments'
          : METAGRAPH_FIELDS[index]?.[0];
    if (name === undefined || index === 0) {
      continue;
    }
    const value = selection.values[name];
    // The identity is wrapped twice: Some(None) when the subnet has none. An explicit inner Option codec
    // makes the outer one Some.
    result[name] =
      name === 'identity'
        ? runtimeApiRegistry.createType('Option<TaonodeSubnetIdentityV3>', value === null ? null : withLogoUrl(value))
        : value;
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
  return { logoUrl: '0x', ...(identity as Record<string, unknown>) };
}
