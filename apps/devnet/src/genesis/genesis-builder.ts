import { compactToU8a } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import type { BlockRecord } from '../chain/block-record';
import { BlockHeader } from '../chain/header';
import { FIXED_U128_ONE } from '../extrinsic/fees';
import { EMPTY_ACCOUNT, writeAccount } from '../pallets/balances/account-info';
import { applyDrandGenesis, devnetBeacon, type DevnetBeacon } from '../pallets/drand';
import { applySubtensorGenesis } from '../pallets/subtensor';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { RuntimeVersionInfo } from '../runtime/runtime-version';
import { BlockState, type Hex } from '../state/block-state';
import { Storage } from '../state/storage';
import type { GenesisConfig } from './genesis-config';

/** frame_system's genesis placeholder for `BlockHash(0)` and `ParentHash` (`hash69()`); block 1 overwrites it. */
const HASH_69: Hex = `0x${'69'.repeat(32)}`;
const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`;

/**
 * Builds block 0 and its state from the genesis config, as the chain spec's genesis config would:
 * funded accounts (`System.Account`, `Balances.TotalIssuance`), the sudo key, Aura authorities, the fee
 * multiplier, frame_system's placeholders, then the subtensor section through `applySubtensorGenesis` and the
 * drand beacon's `Drand.BeaconConfig` (where the runtime has the pallet).
 * The genesis header has parent hash zero and no digest; its hash is blake2-256 of the header as for any
 * block, and `chain_getBlockHash(0)` returns exactly that hash.
 */
export function buildGenesis(
  runtime: RuntimeMetadata,
  version: RuntimeVersionInfo,
  config: GenesisConfig,
  drandBeacon: DevnetBeacon = devnetBeacon(config.drand?.beaconSeed),
): { readonly block: BlockRecord; readonly state: BlockState } {
  const storage = new Storage(runtime, BlockState.empty());
  storage.set('system', 'number', [], 0);
  storage.set('system', 'parentHash', [], HASH_69);
  storage.set('system', 'blockHash', [0], HASH_69);
  storage.set('system', 'upgradedToU32RefCount', [], true);
  storage.set('system', 'upgradedToTripleRefCount', [], true);
  storage.set('system', 'lastRuntimeUpgrade', [], {
    specVersion: version.specVersion,
    specName: version.json.specName,
  });

  let issuance = 0n;
  for (const [who, free] of config.balances) {
    writeAccount(storage, who, { ...EMPTY_ACCOUNT, providers: 1, free });
    issuance += free;
  }
  storage.set('balances', 'totalIssuance', [], issuance);
  storage.set('subtensorModule', 'totalIssuance', [], issuance);
  storage.set('sudo', 'key', [], config.sudo);
  storage.set(
    'aura',
    'authorities',
    [],
    config.authorities.map((who) => decodeAddress(who)),
  );
  storage.set('transactionPayment', 'nextFeeMultiplier', [], FIXED_U128_ONE);
  storage.set('transactionPayment', 'storageVersion', [], 'V2');
  applySubtensorGenesis(storage, config.subtensor);
  applyDrandGenesis(storage, drandBeacon);

  const changes = storage.changes();
  const state = BlockState.empty().apply(changes);
  const header = new BlockHeader(runtime.registry, {
    parentHash: ZERO_HASH,
    number: 0,
    stateRoot: genesisStateRoot(state),
    extrinsicsRoot: blake2AsHex(compactToU8a(0), 256),
    auraSlot: undefined,
  });
  return {
    block: {
      header,
      hash: header.hash,
      number: 0,
      extrinsics: [],
      timestamp: 0,
      auraSlot: 0n,
      changes,
    },
    state,
  };
}

/** A digest of every genesis key and value, so different genesis configs give different genesis hashes. */
function genesisStateRoot(state: BlockState): Hex {
  const lines = state.sortedKeys().map((key) => `${key}=${state.get(key) ?? ''}`);
  return blake2AsHex(lines.join(';'), 256);
}
